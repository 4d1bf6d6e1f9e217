#!/usr/bin/env node
// FX Monitor client that never misses a message (Socket.IO connection state recovery,
// docs/PROTOCOL.md §10; the server runs with WEBSOCKET_SIO_RECOVERY=true).
//
//   cd examples && npm ci && node recovering_client.js --url http://localhost:5001 --pairs EUR_USD --seconds 60
//
// socket.io-client does the work: it keeps the offset of the last event and, when it
// reconnects, the server replays what was missed and sets socket.recovered. When the session
// could not be recovered (server restarted, away too long, recovery off) the client subscribes
// again and asks for the newest prices ("snapshot": true). --drop-after N kills the transport
// after N seconds to show it.
const { io } = require("socket.io-client");

function parseArgs(argv) {
  const a = { url: "http://localhost:5001", pairs: "EUR_USD", seconds: 30, dropAfter: null };
  for (let i = 2; i < argv.length; i += 2) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === "--url") a.url = v;
    else if (k === "--pairs") a.pairs = v;
    else if (k === "--seconds") a.seconds = Number(v);
    else if (k === "--drop-after") a.dropAfter = Number(v);
    else throw new Error(`unknown option ${k}`);
  }
  return a;
}

function main() {
  const a = parseArgs(process.argv);
  const pairs = a.pairs === "all" ? "all" : a.pairs.split(",");
  const socket = io(a.url, {
    transports: ["websocket"],
    reconnectionDelay: 200,
    reconnectionDelayMax: 2000,
    auth: process.env.FX_TOKEN ? { token: process.env.FX_TOKEN } : {},
  });
  const counts = { prices: 0, alerts: 0 };

  socket.on("connect", () => {
    if (socket.recovered) {
      console.log("recovered: rooms kept, missed events replayed");
      return;
    }
    console.log(`connected: ${socket.id}`);
    socket.emit("subscribe", { pairs, snapshot: true }, (reply) => {
      if (reply.code) console.log(`error ${reply.code}: ${reply.message}`);
      else console.log(`subscribed to ${reply.pairs.join(", ")}`);
    });
  });
  socket.on("disconnect", (reason) => console.log(`disconnected (${reason}); reconnecting`));
  // With recovery on, each event's last argument is its offset (a string).
  socket.on("price_update", (d, offset) => {
    counts.prices++;
    console.log(`price ${d.instrument} bid=${d.price.bid} offset=${offset}${d.snapshot ? " (snapshot)" : ""}`);
  });
  for (const e of ["volatility_alert", "correlation_alert"])
    socket.on(e, (d, offset) => {
      counts.alerts++;
      console.log(`${e} offset=${offset}`);
    });

  if (a.dropAfter !== null)
    setTimeout(() => {
      console.log("dropping the connection");
      const t = socket.io.engine.transport;
      if (t.ws && typeof t.ws.terminate === "function") t.ws.terminate(); // no close handshake
      else socket.io.engine.close();
    }, a.dropAfter * 1000);
  setTimeout(() => {
    console.log(`received ${counts.prices} prices, ${counts.alerts} alerts`);
    socket.disconnect();
    process.exit(0);
  }, a.seconds * 1000);
}

main();
