// WEBSOCKET_MAX_CONNECTIONS_PER_IP behind nginx with WEBSOCKET_TRUSTED_PROXIES (SECURITY.md,
// "Behind a proxy"), tried as an attacker would: the limit counts each client address behind the
// proxy (not the proxy), and a client that writes X-Forwarded-For itself straight to the server
// is not believed. Prints "RESULT <case> <outcome,...>" lines for tst_scaling, then "DONE".
//   FX_PROXY_URL, FX_DIRECT_URL (http://host:port), the servers run with the limit at 2.
import WebSocket from "ws";
import { io } from "socket.io-client";
import http from "node:http";

const proxy = process.env.FX_PROXY_URL;
const direct = process.env.FX_DIRECT_URL;
const keep = [];

// One plain client: "ok" on connection_established, the error code of a refusal, or the close.
function plain(url, localAddress, headers = {}) {
  return new Promise((resolve) => {
    const ws = new WebSocket(url.replace(/^http/, "ws") + "/ws", { localAddress, headers });
    keep.push(ws);
    const done = (r) => { clearTimeout(timer); resolve(r); };
    const timer = setTimeout(() => done("timeout"), 8000);
    ws.on("message", (raw) => {
      const m = JSON.parse(raw.toString());
      if (m.event === "connection_established") done("ok");
      else if (m.event === "error") done(m.data?.code ?? "error");
    });
    ws.on("close", (code) => done(`close-${code}`));
    ws.on("error", () => {});
  });
}

// One Socket.IO client (long-polling first): "ok" on connect, the connect_error message otherwise.
function sio(url, localAddress) {
  return new Promise((resolve) => {
    const agent = new http.Agent({ localAddress, keepAlive: true });
    const s = io(url, { agent, localAddress, reconnection: false });
    keep.push(s);
    const done = (r) => { clearTimeout(timer); resolve(r); };
    const timer = setTimeout(() => done("timeout"), 8000);
    s.on("connect", () => done("ok"));
    s.on("connect_error", (e) => done(e.message));
  });
}

async function series(name, make) {
  const out = [];
  for (let i = 0; i < 3; i++) out.push(await make(i));
  console.log(`RESULT ${name} ${out.join(",")}`);
}

await series("proxy-plain-127.0.0.20", () => plain(proxy, "127.0.0.20"));
await series("proxy-plain-127.0.0.21", () => plain(proxy, "127.0.0.21"));
await series("proxy-sio-127.0.0.22", () => sio(proxy, "127.0.0.22"));
// Straight to the server from an address that is no proxy, a new X-Forwarded-For each time.
await series("direct-spoofed-127.0.0.23", (i) => plain(direct, "127.0.0.23", { "X-Forwarded-For": `198.51.100.${i + 1}` }));
console.log("DONE");
for (const k of keep) k.close();
setTimeout(() => process.exit(0), 200);
