// socket.io-client 4.x against a running FX Monitor: every event with its reply and ack, room
// broadcasts from Redis reaching exactly the subscribed sockets, reconnection after a server
// restart. Driven by tst_interop (which starts the server and restarts it on "RESTART").
//   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|websocket
import { io } from "socket.io-client";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const url = process.env.FX_URL;
const redisPort = process.env.FX_REDIS_PORT;
const prefix = process.env.FX_PREFIX ?? "";
const wsOnly = process.env.FX_TRANSPORTS === "websocket";
const sockets = [];

const step = (name) => console.log(`STEP ${name}`);
function publish(channel, obj) {
  execFileSync("redis-cli", ["-p", redisPort, "publish", prefix + channel, JSON.stringify(obj)]);
}
function next(s, event, ms = 4000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (d) => { clearTimeout(t); resolve(d); });
  });
}
// Records every event of the socket until stopped (returns the [event, data] pairs).
function record(s) {
  const got = [];
  const h = (event, d) => got.push([event, d]);
  s.onAny(h);
  return () => { s.offAny(h); return got; };
}
// Runs action (which publishes), then publishes a barrier: a data_ready of its own type reaches
// every socket after everything published before it (the server relays in order). Resolves with
// what each socket got in between.
async function untilBarrier(socketsToCheck, id, action) {
  const recorders = socketsToCheck.map(record);
  action();
  const arrived = socketsToCheck.map((s) => new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no barrier ${id} within 4000 ms`)), 4000);
    const h = (d) => { if (d.data_type === id) { clearTimeout(t); s.off("data_ready", h); resolve(); } };
    s.on("data_ready", h);
  }));
  publish("data_ready", { data_type: id });
  await Promise.all(arrived);
  return recorders.map((stop) => stop().filter(([event, d]) => !(event === "data_ready" && d.data_type === id)));
}
async function connect() {
  const s = io(url, { ...(wsOnly ? { transports: ["websocket"] } : {}), reconnectionDelay: 200, reconnectionDelayMax: 1000 });
  sockets.push(s);
  const hello = await next(s, "connection_established", 8000);
  return [s, hello];
}
const ack = (s, event, data) => s.timeout(4000).emitWithAck(event, data);

async function main() {
  const [a, hello] = await connect();
  step("connection_established");
  for (const k of ["client_id", "server_version", "available_pairs", "ping_interval", "ping_timeout", "timestamp"])
    assert.ok(k in hello, `connection_established.${k}`);
  assert.equal(hello.available_pairs.length, 20);
  if (!wsOnly) {
    if (a.io.engine.transport.name !== "websocket")
      await next(a.io.engine, "upgrade", 3000);
    assert.equal(a.io.engine.transport.name, "websocket", "upgraded from polling");
    step("upgraded");
  } else {
    assert.equal(a.io.engine.transport.name, "websocket");
  }

  // Every request: the reply event and the ack carry the same payload.
  const confirmed = next(a, "subscription_confirmed");
  const sub = await ack(a, "subscribe", { pairs: ["EUR_USD", "XXX_YYY"] });
  assert.deepEqual(sub.pairs, ["EUR_USD"]);
  assert.deepEqual(sub.rooms, ["price_EUR_USD"]);
  assert.deepEqual(sub.invalid_pairs, ["XXX_YYY"]);
  assert.equal(sub.pair_count, 1);
  assert.equal(sub.total_subscriptions, 1);
  assert.deepEqual(await confirmed, sub);
  step("subscribe");
  const info = await ack(a, "get_subscriptions", {});
  assert.deepEqual(info.pairs, ["EUR_USD"]);
  assert.equal(info.pair_count, 1);
  step("get_subscriptions");
  const unsub = await ack(a, "unsubscribe", { pairs: ["EUR_USD"] });
  assert.equal(unsub.total_subscriptions, 0);
  step("unsubscribe");
  const invalid = await ack(a, "request_price", { instrument: "NOPE" });
  assert.equal(invalid.code, "INVALID_PAIR");
  // Once the price has reached a in USD_JPY's room, request_price returns it.
  await ack(a, "subscribe", { pairs: ["USD_JPY"] });
  const relayed = next(a, "price_update");
  publish("price_updates", { instrument: "USD_JPY", price: { bid: "150.101", ask: "150.112" } });
  await relayed;
  await ack(a, "unsubscribe", { pairs: ["USD_JPY"] });
  const price = await ack(a, "request_price", { instrument: "USD_JPY" });
  assert.equal(price.instrument, "USD_JPY");
  assert.equal(price.price.mid, "150.1065");
  step("request_price");
  const all = await ack(a, "request_all_prices", {});
  assert.ok(all.count >= 1 && all.prices.USD_JPY);
  step("request_all_prices");
  const stats = await ack(a, "get_server_stats", {});
  for (const k of ["connected_clients", "peak_clients", "total_connections", "max_clients", "rooms", "messages_sent",
                   "messages_received", "uptime_seconds", "redis", "timestamp"])
    assert.ok(k in stats, `server_stats.${k}`);
  assert.equal(stats.redis.connected, true);
  step("get_server_stats");
  const pong = await ack(a, "ping", { timestamp: 12345 });
  assert.equal(pong.client_timestamp, 12345);
  step("ping");
  const err1 = next(a, "error");
  a.emit("subscribe", "EUR_USD");
  assert.equal((await err1).code, "INVALID_PAYLOAD");
  const err2 = await ack(a, "launch", {});
  assert.equal(err2.code, "UNKNOWN_EVENT");
  step("errors");

  // Rooms: a in EUR_USD, b in GBP_USD, c in none.
  const [b] = await connect();
  const [c] = await connect();
  await ack(a, "subscribe", { pairs: ["EUR_USD"] });
  await ack(b, "subscribe", { pairs: ["GBP_USD"] });
  const only = (got, name) => got.filter(([event]) => event === name).map(([, d]) => d);
  const [ap, bp, cp] = (await untilBarrier([a, b, c], "barrier-price", () =>
    publish("price_updates", { instrument: "EUR_USD", price: { bid: "1.09450", ask: "1.09470" } })))
    .map((got) => only(got, "price_update"));
  assert.equal(ap.length, 1);
  assert.deepEqual(ap[0].price, { bid: "1.09450", ask: "1.09470", mid: "1.09460", time: ap[0].price.time });
  assert.equal(bp.length, 0);
  assert.equal(cp.length, 0);
  step("room price");
  const [ac, bc, cc] = (await untilBarrier([a, b, c], "barrier-correlation", () =>
    publish("correlation_alerts", { instruments: ["EUR_USD", "GBP_USD"], correlation: 0.6,
                                    previous_correlation: 0.9 })))
    .map((got) => only(got, "correlation_alert"));
  assert.equal(ac.length, 1);
  assert.equal(bc.length, 1);
  assert.equal(cc.length, 0);
  step("room correlation");
  const ready = Promise.all([a, b, c].map((s) => next(s, "data_ready")));
  publish("data_ready", { data_type: "volatility" });
  for (const d of await ready) assert.equal(d.data_type, "volatility");
  step("data_ready");

  // Reconnect after the server restarts: the client library reconnects by itself.
  const back = next(a, "connection_established", 20000);
  console.log("RESTART");
  const hello2 = await back;
  assert.notEqual(hello2.client_id, hello.client_id);
  await ack(a, "subscribe", { pairs: ["EUR_USD"] });
  const again = next(a, "price_update");
  publish("price_updates", { instrument: "EUR_USD", price: { bid: "1.1", ask: "1.2" } });
  assert.equal((await again).price.mid, "1.15");
  step("reconnect");
  console.log("ALL OK");
}

main().then(
  () => { sockets.forEach((s) => s.disconnect()); process.exit(0); },
  (e) => { console.error(`FAILED: ${e.stack || e}`); process.exit(1); },
);
