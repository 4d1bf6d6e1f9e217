// socket.io-client 4.x and the rules that follow the user (PROTOCOL.md §11) against a running FX
// Monitor with its database: a client_key in subscribe (acknowledged), a rule set, the
// connection closed; a new connection with the same key gets the rule and its room back
// (restore_subscriptions), the rule fires on a price published to Redis, a stranger sees none of
// it, and a too-short key is refused naming the field. Driven by tst_interop (userRules).
//   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|websocket
import { io } from "socket.io-client";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";

const url = process.env.FX_URL;
const redisPort = process.env.FX_REDIS_PORT;
const prefix = process.env.FX_PREFIX ?? "";
const wsOnly = process.env.FX_TRANSPORTS === "websocket";
const sockets = [];
const key = randomUUID();

const tick = (bid, ask) =>
  execFileSync("redis-cli", ["-p", redisPort, "publish", prefix + "price_updates",
    JSON.stringify({ instrument: "EUR_USD", price: { bid, ask } })]);
function next(s, event, ms = 5000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (d) => { clearTimeout(t); resolve(d); });
  });
}
async function connect() {
  const s = io(url, { ...(wsOnly ? { transports: ["websocket"] } : {}), reconnection: false, forceNew: true });
  sockets.push(s);
  await next(s, "connection_established", 8000);
  return s;
}
const ack = (s, event, data) => s.timeout(5000).emitWithAck(event, data);

async function main() {
  console.log("STEP identify and set a rule");
  const a = await connect();
  const first = await ack(a, "subscribe", { client_key: key, pairs: ["EUR_USD"] });
  assert.deepEqual(first.alerts, []);
  assert.deepEqual(first.pairs, ["EUR_USD"]);
  const set = await ack(a, "set_alert", { pair: "EUR_USD", field: "bid", condition: "above", value: 1.5,
    repeat: "every", note: "node" });
  assert.equal(typeof set.id, "string");
  a.disconnect();

  console.log("STEP back with the same key");
  const b = await connect();
  const back = await ack(b, "subscribe", { client_key: key, restore_subscriptions: true });
  assert.deepEqual(back.alerts.map((r) => r.id), [set.id]);
  assert.equal(back.alerts[0].note, "node");
  assert.deepEqual(back.subscriptions, ["EUR_USD"]);
  assert.deepEqual(back.restored_subscriptions, ["EUR_USD"]);
  assert.deepEqual(back.pairs, ["EUR_USD"]);
  const listed = await ack(b, "list_alerts", {});
  assert.deepEqual(listed.alerts.map((r) => r.id), [set.id]);

  console.log("STEP it fires");
  const fired = next(b, "price_alert");
  const price = next(b, "price_update");
  tick("1.4999", "1.5001");
  tick("1.5002", "1.5004");
  await price;
  const alert = await fired;
  assert.equal(alert.rule.id, set.id);
  assert.equal(alert.bid, 1.5002);

  console.log("STEP a stranger sees nothing; a short key is refused");
  const c = await connect();
  const none = await ack(c, "list_alerts", {});
  assert.equal(none.count, 0);
  const err = await ack(c, "subscribe", { client_key: "short" });
  assert.equal(err.code, "INVALID_PAYLOAD");
  assert.equal(err.details.field, "client_key");
  console.log("ALL OK");
}

main().then(() => { sockets.forEach((s) => s.close()); process.exit(0); },
  (e) => { console.error(e); sockets.forEach((s) => s.close()); process.exit(1); });
