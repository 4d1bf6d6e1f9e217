// socket.io-client 4.8 and FX Monitor's Socket.IO connection state recovery (PROTOCOL.md §10):
// the transport is killed under a subscribed socket while the feed keeps publishing; with
// WEBSOCKET_SIO_RECOVERY=true the reconnect has socket.recovered true, keeps its id and rooms,
// and every missed event arrives once, in order; with it off the same flow starts a fresh
// session (recovered false, nothing replayed, a new subscribe works). Driven by tst_interop.
//   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|websocket|polling, FX_RECOVERY=on|off
import { io } from "socket.io-client";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const url = process.env.FX_URL;
const redisPort = process.env.FX_REDIS_PORT;
const prefix = process.env.FX_PREFIX ?? "";
const wsOnly = process.env.FX_TRANSPORTS === "websocket";
const pollingOnly = process.env.FX_TRANSPORTS === "polling";
const recovery = process.env.FX_RECOVERY === "on";

const step = (name) => console.log(`STEP ${name}`);
function publish(channel, obj) {
  execFileSync("redis-cli", ["-p", redisPort, "publish", prefix + channel, JSON.stringify(obj)]);
}
function next(s, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (...args) => { clearTimeout(t); resolve(args); });
  });
}
const price = (n) => ({ instrument: "EUR_USD", price: { bid: `1.${10000 + n}`, ask: `1.${10002 + n}` }, n });
const alert = (n) => ({ instrument: "EUR_USD", volatility: 0.03, threshold: 0.02, severity: "warning", n });

async function main() {
  const transports = wsOnly ? { transports: ["websocket"] } : pollingOnly ? { transports: ["polling"] } : {};
  const s = io(url, { ...transports, reconnectionDelay: 200, reconnectionDelayMax: 500 });
  const prices = [], alerts = [], offsets = [];
  s.on("price_update", (d, offset) => { prices.push(d.n); if (recovery) offsets.push(offset); });
  s.on("volatility_alert", (d, offset) => { alerts.push(d.n); if (recovery) offsets.push(offset); });
  let barriers = 0;
  s.on("data_ready", () => { barriers++; });
  const barrier = async () => {
    const want = barriers + 1;
    publish("data_ready", { data_type: "barrier" });
    for (let i = 0; i < 100 && barriers < want; i++) await new Promise((r) => setTimeout(r, 50));
    assert.ok(barriers >= want, "barrier within 5 s");
  };
  await next(s, "connection_established", 8000);
  const firstId = s.id;
  assert.ok(!s.recovered, "a first connection is not recovered");
  if (!wsOnly && !pollingOnly && s.io.engine.transport.name !== "websocket") await next(s.io.engine, "upgrade", 3000);
  const sub = await s.timeout(4000).emitWithAck("subscribe", { pairs: ["EUR_USD"] });
  assert.deepEqual(sub.pairs, ["EUR_USD"]);
  step("subscribed");

  for (let n = 1; n <= 5; n++) {
    publish("price_updates", price(n));
    if (n % 2 === 0) publish("volatility_alerts", alert(n));
  }
  await barrier();
  assert.deepEqual(prices, [1, 2, 3, 4, 5]);
  if (recovery) {
    assert.ok(offsets.every((o) => typeof o === "string" && /^[0-9]+$/.test(o)), `offsets: ${offsets}`);
    const numbers = offsets.map(Number);
    assert.ok(numbers.every((o, i) => i === 0 || o > numbers[i - 1]), "offsets grow");
  } else {
    assert.equal(offsets.length, 0);
  }
  step("live events");

  // Kill the transport under the socket: over WebSocket no close handshake (the server sees the
  // TCP close); over polling the engine is closed under the socket ("forced close").
  const gone = next(s, "disconnect");
  const transport = s.io.engine.transport;
  if (transport.ws && typeof transport.ws.terminate === "function") transport.ws.terminate();
  else s.io.engine.close();
  const [reason] = await gone;
  step(`disconnected (${reason})`);
  // Missed while away: published before the client is back (it waits 200-500 ms to reconnect).
  for (let n = 6; n <= 10; n++) {
    publish("price_updates", price(n));
    if (n % 2 === 0) publish("volatility_alerts", alert(n));
  }
  await next(s, "connect", 8000);
  if (recovery) {
    assert.equal(s.recovered, true, "socket.recovered");
    assert.equal(s.id, firstId, "the same socket id");
    step("recovered");
  } else {
    assert.ok(!s.recovered, "socket.recovered");
    assert.notEqual(s.id, firstId);
    step("not recovered: a new session");
    // A fresh session is in no room: subscribe again, as clients without recovery do.
    await s.timeout(4000).emitWithAck("subscribe", { pairs: ["EUR_USD"] });
  }
  for (let n = 11; n <= 12; n++) publish("price_updates", price(n));
  publish("volatility_alerts", alert(12));
  await barrier();
  if (recovery) {
    assert.deepEqual(prices, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "every price once, in order");
    assert.deepEqual(alerts, [2, 4, 6, 8, 10, 12], "every alert once, in order");
    const numbers = offsets.map(Number);
    assert.ok(numbers.every((o, i) => i === 0 || o > numbers[i - 1]), "offsets grow across the reconnect");
  } else {
    assert.deepEqual(prices, [1, 2, 3, 4, 5, 11, 12], "missed prices are not replayed without recovery");
    assert.deepEqual(alerts, [2, 4, 12]);
  }
  step("after reconnect");
  s.disconnect();
  console.log("ALL OK");
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
