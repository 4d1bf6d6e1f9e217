#!/usr/bin/env node
// FX Monitor alert client for Node.js (socket.io-client 4.x): sets one alert rule
// (docs/PROTOCOL.md §11) and prints every price_alert the server sends for it.
//
//   cd examples && npm ci && node alert_client.js --url http://localhost:5001 EUR_USD bid above 1.0900
//   node alert_client.js EUR_USD mid crosses 1.09 --repeat every
//   node alert_client.js GBP_USD bid change_pct -0.5 --window 600 --repeat 300
//
// FIELD is bid, ask, mid or spread; CONDITION is above, below, crosses or change_pct (VALUE is then
// a percentage and --window is required). --repeat is once (the default: the client exits after
// the rule fired), every, or a cooldown in seconds. Ctrl-C deletes the rule and exits. The server
// keeps the rules of an anonymous client only while it is connected: after a reconnection the
// client sets its rule again.
const { io } = require("socket.io-client");

const usage = "usage: node alert_client.js [--url URL] [--window S] [--repeat once|every|S] [--expires ISO]" +
  " [--note TEXT] [--seconds N] PAIR bid|ask|mid|spread above|below|crosses|change_pct VALUE";

function parseArgs(argv) {
  const a = { url: "http://localhost:5001", repeat: "once", seconds: 0, positional: [] };
  for (let i = 2; i < argv.length; ++i) {
    const k = argv[i];
    if (!k.startsWith("--") || /^--?\d/.test(k)) { a.positional.push(k); continue; }
    const v = argv[++i];
    if (v === undefined) throw new Error(`${k} needs a value`);
    if (k === "--url") a.url = v;
    else if (k === "--window") a.window = Number(v);
    else if (k === "--repeat") a.repeat = v;
    else if (k === "--expires") a.expires = v;
    else if (k === "--note") a.note = v;
    else if (k === "--seconds") a.seconds = Number(v);
    else throw new Error(`unknown option ${k}`);
  }
  if (a.positional.length !== 4) throw new Error("PAIR FIELD CONDITION VALUE");
  if (!["once", "every"].includes(a.repeat) && !/^\d+$/.test(a.repeat))
    throw new Error("--repeat: once, every, or a number of seconds");
  const [pair, field, condition, value] = a.positional;
  const rule = { pair, field, condition, value: Number(value) };
  if (a.window !== undefined) rule.window_seconds = a.window;
  rule.repeat = ["once", "every"].includes(a.repeat) ? a.repeat : { cooldown_seconds: Number(a.repeat) };
  if (a.expires) rule.expires_at = a.expires;
  if (a.note) rule.note = a.note;
  return { url: a.url, seconds: a.seconds, rule };
}

function describe(r) {
  const unit = r.condition === "change_pct" ? " %" : "";
  const window = "window_seconds" in r ? ` in ${r.window_seconds} s` : "";
  const repeat = typeof r.repeat === "string" ? r.repeat : `cooldown ${r.repeat.cooldown_seconds} s`;
  return `${r.pair} ${r.field} ${r.condition} ${r.value}${unit}${window} (repeat ${repeat})`;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv);
  } catch (e) {
    console.error(`${e.message}\n${usage}`);
    process.exit(2);
  }
  const socket = io(args.url, {
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
    // WEBSOCKET_AUTH=jwt (docs/SECURITY.md, "Tokens"): the token from FX_TOKEN.
    auth: process.env.FX_TOKEN ? { token: process.env.FX_TOKEN } : {},
  });
  let ruleId = null;
  let closing = false;

  async function finish(status) {
    if (closing) return;
    closing = true;
    if (ruleId !== null && socket.connected) {
      try {
        const deleted = await socket.timeout(5000).emitWithAck("delete_alert", { id: ruleId });
        if (deleted.reason === "deleted") console.log(`deleted rule ${ruleId}`);
      } catch {
        // no answer: the server drops an anonymous client's rules when it disconnects anyway
      }
    }
    socket.disconnect();
    process.exit(status);
  }

  // Sets the rule, or finds it still held by the server (a token's user keeps its rules).
  async function ensure() {
    try {
      if (ruleId !== null) {
        const listed = await socket.timeout(10000).emitWithAck("list_alerts", {});
        if ((listed.alerts ?? []).some((r) => r.id === ruleId)) return;
      }
      const reply = await socket.timeout(10000).emitWithAck("set_alert", args.rule);
      if (reply.code) {
        const field = reply.details?.field;
        console.error(`refused: ${reply.code}${field ? ` (${field})` : ""}: ${reply.message}`);
        return finish(2);
      }
      ruleId = reply.id;
      console.log(`alert set: ${reply.id} ${describe(reply.rule)}`);
    } catch (e) {
      console.error(`the server did not answer: ${e.message}`);
      return finish(1);
    }
  }

  socket.on("connect", () => { if (!closing) ensure(); });
  socket.on("connect_error", (e) => console.error(`cannot connect to ${args.url}: ${e.message}`));
  socket.on("disconnect", (reason) => { if (!closing) console.log(`disconnected (${reason}); reconnecting`); });
  socket.on("price_alert", (d) => {
    const r = d.rule;
    if (r.id !== ruleId) return;
    const change = "change_pct" in d ? `, change ${d.change_pct} %` : "";
    console.log(`price alert ${r.id}: ${r.pair} ${r.field} ${d.price} ${r.condition} ${r.value} at ${d.time}` +
                ` (bid ${d.bid}, ask ${d.ask}${change}), fired ${r.times_fired} time${r.times_fired !== 1 ? "s" : ""}`);
    if (!r.enabled) finish(0); // a "once" rule is done
  });
  socket.on("alert_deleted", (d) => {
    if (d.id !== ruleId || d.reason === "deleted") return;
    console.log(`rule ${d.id} removed by the server (${d.reason})`);
    ruleId = null;
    finish(0);
  });

  process.on("SIGINT", () => finish(0));
  process.on("SIGTERM", () => finish(0));
  if (args.seconds > 0) setTimeout(() => finish(0), args.seconds * 1000);
}

main();
