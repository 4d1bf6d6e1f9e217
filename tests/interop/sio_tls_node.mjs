// socket.io-client 4.x over TLS (SECURITY.md, "TLS"): long-polling, WebSocket, and polling
// upgraded to WebSocket against an fxmonitor-server with a test certificate, trusting the test
// CA (`ca`); a price from Redis reaches the subscribed socket; a client that does not trust the
// CA is refused. Driven by tst_interop.   FX_URL (https://...), FX_CA, FX_REDIS_PORT, FX_PREFIX
import { io } from "socket.io-client";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const url = process.env.FX_URL;
const ca = readFileSync(process.env.FX_CA);
const step = (name) => console.log(`STEP ${name}`);
function next(s, event, ms = 6000) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (d) => { clearTimeout(t); resolve(d); });
  });
}
function publish(channel, obj) {
  execFileSync("redis-cli", ["-p", process.env.FX_REDIS_PORT, "publish", (process.env.FX_PREFIX ?? "") + channel,
    JSON.stringify(obj)]);
}

async function session(name, transports, expectTransport) {
  const s = io(url, { ca, reconnection: false, ...(transports ? { transports } : {}) });
  const hello = await next(s, "connection_established");
  assert.ok(hello.client_id, "client_id");
  const confirmed = next(s, "subscription_confirmed");
  const sub = await s.timeout(4000).emitWithAck("subscribe", { pairs: ["EUR_USD"] });
  assert.deepEqual(sub.pairs ?? (await confirmed).pairs, ["EUR_USD"]);
  if (expectTransport === "websocket" && s.io.engine.transport.name !== "websocket")
    await next(s.io.engine, "upgrade");
  assert.equal(s.io.engine.transport.name, expectTransport);
  const price = next(s, "price_update");
  publish("price_updates", { instrument: "EUR_USD", price: { bid: "1.0945", ask: "1.0947" } });
  assert.equal((await price).instrument, "EUR_USD");
  s.disconnect();
  step(`${name} over TLS`);
}

async function main() {
  await session("polling", ["polling"], "polling");
  await session("websocket", ["websocket"], "websocket");
  await session("polling upgraded to websocket", null, "websocket");
  // Without the test CA the certificate is not trusted: no connection.
  for (const transports of [["polling"], ["websocket"]]) {
    const s = io(url, { reconnection: false, transports });
    const err = await next(s, "connect_error");
    assert.ok(err, "connect_error");
    s.close();
  }
  step("untrusted certificate refused");
  console.log("ALL OK");
  process.exit(0);
}
main().catch((e) => { console.error(e); process.exit(1); });
