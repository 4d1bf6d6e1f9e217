// Real clients through nginx to several FX Monitor servers (docs/SCALING.md): socket.io-client
// 4.x over its default transports (long-polling, then the upgrade to WebSocket) and plain JSON
// WebSocket clients (ws), each from its own loopback address (127.0.0.2, .3, ...) as separate
// machines would be, so the proxy's per-address stickiness spreads them over the servers.
// Every client subscribes to every pair and resubscribes after any reconnect.
// Driven by tst_scaling over stdin/stdout:
//   out "READY <n>"                      every client is connected and subscribed (and every
//                                        Socket.IO client upgraded); again after reconnects
//   in  "EXPECT <batch> <count>"         wait until every client has prices marked
//                                        "<batch>:1" .. "<batch>:<count>", then
//   out "BATCH <batch> OK <ms>" | "BATCH <batch> MISSING <details>"
//   in  "QUIT"                           close everything, print "BYE <json stats>", exit 0
//   FX_URL (http://host:port of the proxy), FX_SIO, FX_WS (how many of each)
import { io } from "socket.io-client";
import WebSocket from "ws";
import http from "node:http";
import readline from "node:readline";

const url = process.env.FX_URL;
const nSio = Number(process.env.FX_SIO ?? 10);
const nWs = Number(process.env.FX_WS ?? 10);
const clients = [];
let lastReady = -1;

function makeClient(kind, index) {
  const address = `127.0.0.${2 + index}`;
  const c = { kind, address, subscribed: false, upgraded: kind === "ws", marks: new Set(), connects: 0, recovered: 0 };
  const onPrice = (d) => { if (typeof d?.mark === "string") c.marks.add(d.mark); };
  if (kind === "sio") {
    const agent = new http.Agent({ localAddress: address, keepAlive: true });
    const s = io(url, { agent, localAddress: address, reconnectionDelay: 200, reconnectionDelayMax: 1000 });
    c.socket = s;
    s.on("connection_established", () => {
      c.connects++;
      if (s.recovered) c.recovered++;
      s.emit("subscribe", { pairs: "all" });
    });
    s.on("subscription_confirmed", () => { c.subscribed = true; report(); });
    s.on("price_update", onPrice);
    s.on("disconnect", () => { c.subscribed = false; c.upgraded = false; });
    s.io.on("open", () => {
      const engine = s.io.engine;
      if (engine.transport.name === "websocket") c.upgraded = true;
      engine.on("upgrade", () => { c.upgraded = true; report(); });
    });
  } else {
    const open = () => {
      const ws = new WebSocket(url.replace(/^http/, "ws") + "/ws", { localAddress: address });
      c.socket = ws;
      ws.on("message", (raw) => {
        let m;
        try { m = JSON.parse(raw.toString()); } catch { return; }
        if (m.event === "connection_established") {
          c.connects++;
          ws.send(JSON.stringify({ event: "subscribe", data: { pairs: "all" } }));
        } else if (m.event === "subscription_confirmed") {
          c.subscribed = true;
          report();
        } else if (m.event === "price_update") {
          onPrice(m.data);
        }
      });
      ws.on("error", () => {});
      ws.on("close", () => {
        c.subscribed = false;
        if (!c.quitting) setTimeout(open, 200);
      });
    };
    open();
  }
  return c;
}

function ready() {
  return clients.filter((c) => c.subscribed && c.upgraded).length;
}
function report() {
  const n = ready();
  if (n === clients.length && lastReady !== n) console.log(`READY ${n}`);
  lastReady = n;
}
// A client that drops sets lastReady below the total, so the next full house is reported again.
setInterval(() => { lastReady = Math.min(lastReady, ready()); report(); }, 100);

function expect(batch, count) {
  const started = Date.now();
  const missing = () => clients.flatMap((c, i) => {
    const lacking = [];
    for (let k = 1; k <= count; k++) if (!c.marks.has(`${batch}:${k}`)) lacking.push(k);
    return lacking.length ? [`${c.kind}#${i}@${c.address}:${lacking.length}`] : [];
  });
  const check = () => {
    const m = missing();
    if (m.length === 0) console.log(`BATCH ${batch} OK ${Date.now() - started}`);
    else if (Date.now() - started > 15000) console.log(`BATCH ${batch} MISSING ${m.join(",")}`);
    else return setTimeout(check, 50);
  };
  check();
}

for (let i = 0; i < nSio; i++) clients.push(makeClient("sio", i));
for (let i = 0; i < nWs; i++) clients.push(makeClient("ws", nSio + i));

readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const [cmd, a, b] = line.trim().split(/\s+/);
  if (cmd === "EXPECT") expect(a, Number(b));
  if (cmd === "QUIT") {
    const stats = { connects: clients.reduce((s, c) => s + c.connects, 0), recovered: clients.reduce((s, c) => s + c.recovered, 0) };
    for (const c of clients) {
      c.quitting = true;
      if (c.kind === "sio") c.socket.close(); else c.socket.close();
    }
    console.log(`BYE ${JSON.stringify(stats)}`);
    setTimeout(() => process.exit(0), 100);
  }
});
