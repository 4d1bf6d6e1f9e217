// socket.io-client 4.x with WEBSOCKET_AUTH=jwt (SECURITY.md, "Tokens"): io(url, {auth: {token}}).
// A good token connects and is named as the user; a refused one is connect_error "UNAUTHORIZED"
// with data.reason; refresh_token is answered token_refreshed; at expiry the client gets
// TOKEN_EXPIRED and a server disconnect. Driven by tst_auth.
//   FX_URL, FX_GOOD, FX_EXPIRED, FX_SHORT (expires within seconds: 12 s after the test made it), FX_FRESH (same sub as FX_GOOD)
import { io } from "socket.io-client";
import assert from "node:assert/strict";

const url = process.env.FX_URL;
const once = (s, event, ms = 8000) =>
  new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    s.once(event, (...a) => {
      clearTimeout(t);
      resolve(a);
    });
  });

const good = io(url, { auth: { token: process.env.FX_GOOD }, reconnection: false });
const [hello] = await once(good, "connection_established");
assert.equal(hello.user, "alice");
const [[refreshed]] = await Promise.all([once(good, "token_refreshed"), good.emit("refresh_token", { token: process.env.FX_FRESH })]);
assert.equal(refreshed.user, "alice");
good.close();

for (const [token, reason] of [
  [process.env.FX_EXPIRED, "expired"],
  [undefined, "missing"],
  ["x.y.z", "malformed"],
]) {
  const bad = io(url, { auth: token ? { token } : {}, reconnection: false, transports: ["websocket"] });
  const [err] = await once(bad, "connect_error");
  assert.equal(err.message, "UNAUTHORIZED");
  assert.equal(err.data.reason, reason);
  bad.close();
}

const short = io(url, { auth: { token: process.env.FX_SHORT }, reconnection: false });
await once(short, "connection_established");
// Both listeners first: the error and the DISCONNECT may arrive in one payload.
const errorSeen = once(short, "error", 30000);
const disconnected = once(short, "disconnect", 30000);
const [expired] = await errorSeen;
assert.equal(expired.code, "TOKEN_EXPIRED");
const [why] = await disconnected;
assert.equal(why, "io server disconnect");
console.log("OK");
process.exit(0);
