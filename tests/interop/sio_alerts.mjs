// socket.io-client 4.x and the alert rules of PROTOCOL.md §11 against a running FX Monitor:
// set_alert (acknowledged, and as a plain event), list_alerts, a price published to Redis firing
// price_alert for the rule's owner only (another client in the pair's room gets the price and no
// alert), update_alert (new value, disabled, enabled again), delete_alert, refusals naming the
// field (INVALID_PAYLOAD), another client's rule refused like a missing one, and the per-client
// limit at, under and over WEBSOCKET_MAX_ALERTS_PER_CLIENT (TOO_MANY_ALERTS).
// Driven by tst_interop (alertRules).
//   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|websocket, FX_MAX_ALERTS_PER_CLIENT
import { io } from "socket.io-client";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";

const url = process.env.FX_URL;
const redisPort = process.env.FX_REDIS_PORT;
const prefix = process.env.FX_PREFIX ?? "";
const wsOnly = process.env.FX_TRANSPORTS === "websocket";
const maxPerClient = Number(process.env.FX_MAX_ALERTS_PER_CLIENT);
const sockets = [];

const step = (name) => console.log(`STEP ${name}`);
function publish(channel, obj) {
  execFileSync("redis-cli", ["-p", redisPort, "publish", prefix + channel, JSON.stringify(obj)]);
}
const tick = (bid, ask) => publish("price_updates", { instrument: "EUR_USD", price: { bid, ask } });
function next(s, event, ms = 4000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (d) => { clearTimeout(t); resolve(d); });
  });
}
// Every event of the socket until stopped (the [event, data] pairs).
function record(s) {
  const got = [];
  const h = (event, d) => got.push([event, d]);
  s.onAny(h);
  return () => { s.offAny(h); return got; };
}
// A data_ready of its own type reaches every socket after everything the server sent it before.
async function barrier(socketsToCheck, id) {
  const arrived = socketsToCheck.map((s) => new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no barrier ${id} within 4000 ms`)), 4000);
    const h = (d) => { if (d.data_type === id) { clearTimeout(t); s.off("data_ready", h); resolve(); } };
    s.on("data_ready", h);
  }));
  publish("data_ready", { data_type: id });
  await Promise.all(arrived);
}
async function connect() {
  const s = io(url, { ...(wsOnly ? { transports: ["websocket"] } : {}), reconnection: false });
  sockets.push(s);
  await next(s, "connection_established", 8000);
  return s;
}
const ack = (s, event, data) => s.timeout(4000).emitWithAck(event, data);
const only = (got, name) => got.filter(([event]) => event === name).map(([, d]) => d);
// An acknowledged request that must be refused: the ack carries the error payload, and the
// error event arrives too.
async function refused(s, event, data, code, field) {
  const errorEvent = next(s, "error");
  const err = await ack(s, event, data);
  assert.equal(err.code, code, JSON.stringify(err));
  assert.equal(err.event, event, JSON.stringify(err));
  if (field !== undefined)
    assert.equal(err.details.field, field, JSON.stringify(err));
  assert.equal(typeof err.message, "string");
  assert.deepEqual(await errorEvent, err);
  return err;
}

async function main() {
  assert.ok(maxPerClient >= 3, "FX_MAX_ALERTS_PER_CLIENT");
  const a = await connect(); // the owner: not in EUR_USD's room
  const b = await connect(); // in EUR_USD's room, holds no rule that fires
  await ack(b, "subscribe", { pairs: ["EUR_USD"] });

  // set_alert with an ack: the ack and the alert_set event carry the same payload.
  const setEvent = next(a, "alert_set");
  const set = await ack(a, "set_alert", { pair: "EUR/USD", field: "bid", condition: "above", value: 1.09,
                                         repeat: "every", note: "interop" });
  assert.equal(typeof set.id, "string");
  assert.ok(set.id.length > 0 && set.id.length <= 64, set.id);
  assert.equal(set.rule.id, set.id);
  for (const [k, v] of Object.entries({ pair: "EUR_USD", field: "bid", condition: "above", value: 1.09,
                                        repeat: "every", note: "interop", enabled: true, times_fired: 0,
                                        expires_at: null, last_fired_at: null }))
    assert.deepEqual(set.rule[k], v, `rule.${k}: ${JSON.stringify(set.rule)}`);
  assert.ok(!("window_seconds" in set.rule));
  assert.match(set.rule.created_at, /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.equal(typeof set.timestamp, "string");
  assert.deepEqual(await setEvent, set);
  const r1 = set.id;
  // The witness: fires on the tick that must not fire r1 while it is disabled.
  const witness = await ack(a, "set_alert", { pair: "EUR_USD", field: "mid", condition: "above", value: 1.1,
                                              repeat: { cooldown_seconds: 60 }, expires_at: "9999-12-31T23:59:59Z" });
  assert.deepEqual(witness.rule.repeat, { cooldown_seconds: 60 });
  assert.equal(witness.rule.expires_at, "9999-12-31T23:59:59.000000Z");
  assert.notEqual(witness.id, r1);
  // Without an ack: the alert_set event only.
  const bSet = next(b, "alert_set");
  b.emit("set_alert", { pair: "EUR_USD", field: "spread", condition: "above", value: 0.5 });
  const bRule = await bSet;
  assert.equal(bRule.rule.field, "spread");
  step("set_alert");

  const listEvent = next(a, "alerts_list");
  const list = await ack(a, "list_alerts", {});
  assert.equal(list.count, 2);
  assert.equal(list.max_per_client, maxPerClient);
  assert.deepEqual(list.alerts.map((r) => r.id).sort(), [r1, witness.id].sort());
  assert.deepEqual(list.alerts.find((r) => r.id === r1), set.rule);
  assert.deepEqual(await listEvent, list);
  const bList = await ack(b, "list_alerts", {});
  assert.deepEqual(bList.alerts.map((r) => r.id), [bRule.id]);
  step("list_alerts");

  // A tick under the threshold fires nothing; the next one above it fires r1, for a only.
  let stopA = record(a), stopB = record(b);
  tick("1.0850", "1.0852");
  const under = await next(b, "price_update");
  assert.equal(under.price.bid, "1.0850");
  const alert = next(a, "price_alert");
  const bPrice = next(b, "price_update");
  tick("1.0945", "1.0947");
  const fired = await alert;
  assert.equal((await bPrice).price.bid, "1.0945");
  await barrier([a, b], "after-first-alert");
  assert.equal(fired.rule.id, r1);
  assert.equal(fired.price, 1.0945);
  assert.equal(fired.bid, 1.0945);
  assert.equal(fired.ask, 1.0947);
  assert.match(fired.time, /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.equal(fired.rule.times_fired, 1);
  assert.equal(fired.rule.enabled, true); // repeat "every"
  assert.equal(fired.rule.last_fired_at, fired.time);
  let gotA = stopA(), gotB = stopB();
  assert.deepEqual(only(gotA, "price_alert"), [fired], JSON.stringify(gotA));
  assert.equal(only(gotA, "price_update").length, 0, "a is in no room");
  assert.deepEqual(only(gotB, "price_update").map((d) => d.price.bid), ["1.0850", "1.0945"]);
  assert.equal(only(gotB, "price_alert").length, 0, JSON.stringify(gotB));
  step("price_alert to the owner only");

  // update_alert: a new value, then disabled: the tick over both thresholds fires the witness only.
  const updEvent = next(a, "alert_updated");
  const upd = await ack(a, "update_alert", { id: r1, value: 1.1 });
  assert.equal(upd.id, r1);
  assert.equal(upd.rule.value, 1.1);
  assert.equal(upd.rule.enabled, true);
  assert.equal(upd.rule.times_fired, 1);
  assert.deepEqual(await updEvent, upd);
  const off = await ack(a, "update_alert", { id: r1, enabled: false });
  assert.equal(off.rule.enabled, false);
  assert.equal(off.rule.value, 1.1);
  stopA = record(a);
  const witnessFired = next(a, "price_alert");
  tick("1.1050", "1.1052");
  assert.equal((await witnessFired).rule.id, witness.id);
  await barrier([a], "after-witness");
  gotA = stopA();
  assert.deepEqual(only(gotA, "price_alert").map((d) => d.rule.id), [witness.id], JSON.stringify(gotA));
  assert.equal(only(gotA, "price_alert")[0].price, 1.1051);
  // Enabled again: armed anew, so the next tick above 1.1 fires it at once.
  const on = await ack(a, "update_alert", { id: r1, enabled: true });
  assert.equal(on.rule.enabled, true);
  const again = next(a, "price_alert");
  tick("1.1060", "1.1062");
  const second = await again;
  assert.equal(second.rule.id, r1);
  assert.equal(second.price, 1.106);
  assert.equal(second.rule.times_fired, 2);
  step("update_alert");

  // Refusals: each names the field.
  const rule = { pair: "EUR_USD", field: "bid", condition: "above", value: 1.09 };
  await refused(a, "set_alert", { ...rule, field: "last" }, "INVALID_PAYLOAD", "field");
  await refused(a, "set_alert", { ...rule, pair: "XXX_YYY" }, "INVALID_PAYLOAD", "pair");
  await refused(a, "set_alert", { ...rule, condition: "change_pct", value: 0.5 }, "INVALID_PAYLOAD", "window_seconds");
  await refused(a, "set_alert", { ...rule, repeat: { cooldown_seconds: 0 } }, "INVALID_PAYLOAD",
                "repeat.cooldown_seconds");
  await refused(a, "set_alert", { ...rule, value: -1 }, "INVALID_PAYLOAD", "value");
  await refused(a, "set_alert", { ...rule, colour: "red" }, "INVALID_PAYLOAD", "colour");
  await refused(a, "set_alert", { ...rule, expires_at: "2000-01-01T00:00:00Z" }, "INVALID_PAYLOAD", "expires_at");
  await refused(a, "update_alert", { id: r1, value: 0 }, "INVALID_PAYLOAD", "value");
  await refused(a, "update_alert", { id: r1 }, "INVALID_PAYLOAD");
  // Another client's rule is refused in the same words as one that does not exist.
  const notMine = await refused(b, "delete_alert", { id: r1 }, "INVALID_PAYLOAD", "id");
  const missing = await refused(b, "delete_alert", { id: "s1-999999" }, "INVALID_PAYLOAD", "id");
  assert.equal(notMine.message.replace(r1, "ID"), missing.message.replace("s1-999999", "ID"));
  await refused(b, "update_alert", { id: r1, enabled: false }, "INVALID_PAYLOAD", "id");
  assert.equal((await ack(a, "list_alerts", {})).count, 2, "refusals changed nothing");
  step("INVALID_PAYLOAD");

  // delete_alert, acknowledged, with the alert_deleted event.
  const delEvent = next(a, "alert_deleted");
  const del = await ack(a, "delete_alert", { id: r1 });
  assert.equal(del.id, r1);
  assert.equal(del.reason, "deleted");
  assert.equal(del.rule.id, r1);
  assert.equal(del.rule.times_fired, 2);
  assert.equal(typeof del.timestamp, "string");
  assert.deepEqual(await delEvent, del);
  const left = await ack(a, "list_alerts", {});
  assert.deepEqual(left.alerts.map((r) => r.id), [witness.id]);
  assert.equal(left.alerts[0].times_fired, 1);
  await refused(a, "delete_alert", { id: r1 }, "INVALID_PAYLOAD", "id");
  step("delete_alert");

  // WEBSOCKET_MAX_ALERTS_PER_CLIENT: under and at the limit accepted, over it refused.
  const c = await connect();
  for (let n = 1; n <= maxPerClient; ++n) {
    const r = await ack(c, "set_alert", { ...rule, value: 1 + n / 100 });
    assert.ok(r.id, `rule ${n} of ${maxPerClient}: ${JSON.stringify(r)}`);
  }
  const over = await refused(c, "set_alert", { ...rule, value: 2 }, "TOO_MANY_ALERTS");
  assert.equal(over.details.max_per_client, maxPerClient);
  assert.match(over.message, /WEBSOCKET_MAX_ALERTS_PER_CLIENT/);
  const full = await ack(c, "list_alerts", {});
  assert.equal(full.count, maxPerClient);
  await ack(c, "delete_alert", { id: full.alerts[0].id });
  assert.ok((await ack(c, "set_alert", { ...rule, value: 2 })).id, "room again after a delete");
  // The limit is per client: a still has room.
  assert.ok((await ack(a, "set_alert", { ...rule, value: 3 })).id);
  step("TOO_MANY_ALERTS");
  console.log("ALL OK");
}

main().then(
  () => { sockets.forEach((s) => s.disconnect()); process.exit(0); },
  (e) => { console.error(`FAILED: ${e.stack || e}`); process.exit(1); },
);
