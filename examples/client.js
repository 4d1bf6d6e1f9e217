#!/usr/bin/env node
// FX Monitor client for Node.js (socket.io-client 4.x), with the predecessor's methods.
//
//   cd examples && npm ci
//   node client.js --url http://localhost:5001 --pairs EUR_USD,GBP_USD --seconds 30
//
// Works unchanged against the predecessor's Flask-SocketIO server and against FX Monitor.
"use strict";

const { io } = require("socket.io-client");

class FXDataPipelineClient {
  /**
   * @param {string} url   server URL, e.g. http://localhost:5001
   * @param {object} [options] { transports, maxAlerts, requestTimeoutMs, quiet }
   */
  constructor(url = "http://localhost:5001", options = {}) {
    this.url = url;
    this.options = { maxAlerts: 500, requestTimeoutMs: 5000, quiet: false, ...options };
    this.socket = null;
    this.clientId = null;
    this.availablePairs = [];
    this.subscribedPairs = new Set();
    this.prices = new Map(); // pair -> {bid, ask, mid, time}
    this.alerts = []; // newest last, bounded
    this.counts = { price_update: 0, volatility_alert: 0, correlation_alert: 0, data_ready: 0 };
  }

  log(...args) {
    if (!this.options.quiet) console.log(...args);
  }

  /** Connects; resolves with the connection_established payload. Reconnects by itself. */
  connect() {
    const opts = { reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000 };
    if (this.options.transports) opts.transports = this.options.transports;
    // WEBSOCKET_AUTH=jwt (docs/SECURITY.md, "Tokens"): the token goes in the CONNECT auth payload.
    const token = this.options.token || process.env.FX_TOKEN;
    if (token) opts.auth = { token };
    this.socket = io(this.url, opts);
    const s = this.socket;
    s.on("connect", () => this.onConnect());
    s.on("disconnect", (reason) => this.onDisconnect(reason));
    s.on("connect_error", (err) =>
      this.log(`connect error: ${err.message}${err.data && err.data.reason ? ` (${err.data.reason})` : ""}`),
    );
    s.on("connection_established", (d) => this.onConnectionEstablished(d));
    s.on("subscription_confirmed", (d) => this.onSubscriptionConfirmed(d));
    s.on("unsubscription_confirmed", (d) => this.onUnsubscriptionConfirmed(d));
    s.on("subscriptions_info", (d) => this.onSubscriptionsInfo(d));
    s.on("price_update", (d) => this.onPriceUpdate(d));
    s.on("price_response", (d) => this.onPriceResponse(d));
    s.on("all_prices_response", (d) => this.onAllPricesResponse(d));
    s.on("volatility_alert", (d) => this.onVolatilityAlert(d));
    s.on("correlation_alert", (d) => this.onCorrelationAlert(d));
    s.on("data_ready", (d) => this.onDataReady(d));
    s.on("server_stats", (d) => this.onServerStats(d));
    s.on("pong", (d) => this.onPong(d));
    s.on("error", (d) => this.onError(d));
    return new Promise((resolve) => s.once("connection_established", resolve));
  }

  // --- requests: each resolves with the server's reply (the ack) ---
  request(event, data = {}) {
    return this.socket.timeout(this.options.requestTimeoutMs).emitWithAck(event, data);
  }
  subscribe(pairs = "all") {
    if (pairs !== "all") pairs.forEach((p) => this.subscribedPairs.add(p));
    else this.subscribedPairs = new Set(["all"]);
    return this.request("subscribe", { pairs });
  }
  unsubscribe(pairs = "all") {
    if (pairs === "all") this.subscribedPairs.clear();
    else pairs.forEach((p) => this.subscribedPairs.delete(p));
    return this.request("unsubscribe", { pairs });
  }
  getSubscriptions() {
    return this.request("get_subscriptions");
  }
  requestPrice(instrument) {
    return this.request("request_price", { instrument });
  }
  requestAllPrices() {
    return this.request("request_all_prices");
  }
  getServerStats() {
    return this.request("get_server_stats");
  }
  /** Round trip in milliseconds. */
  async ping() {
    const sent = Date.now();
    const reply = await this.request("ping", { timestamp: sent });
    return Date.now() - (reply.client_timestamp ?? sent);
  }
  printPrices() {
    const rows = [...this.prices.entries()].sort(([a], [b]) => a.localeCompare(b));
    console.log("pair      bid         ask         mid          time");
    for (const [pair, p] of rows)
      console.log(`${pair.padEnd(9)} ${String(p.bid).padEnd(11)} ${String(p.ask).padEnd(11)} ${String(p.mid).padEnd(12)} ${p.time}`);
  }
  alertHistory() {
    return this.alerts.slice();
  }
  disconnect() {
    if (this.socket) this.socket.disconnect();
  }

  // --- handlers (override to customise) ---
  onConnect() {
    this.log(`connected (${this.socket.io.engine.transport.name})`);
    // After a reconnection the server has forgotten our rooms: subscribe again.
    if (this.subscribedPairs.size) {
      const pairs = this.subscribedPairs.has("all") ? "all" : [...this.subscribedPairs];
      this.socket.emit("subscribe", { pairs });
    }
  }
  onDisconnect(reason) {
    this.log(`disconnected: ${reason}`);
  }
  onConnectionEstablished(d) {
    this.clientId = d.client_id;
    this.availablePairs = d.available_pairs;
    this.log(`client id ${d.client_id}, server ${d.server_version}, ${d.available_pairs.length} pairs`);
  }
  onSubscriptionConfirmed(d) {
    this.log(`subscribed to ${d.pair_count} pairs (${d.total_subscriptions} in total)` +
      (d.invalid_pairs.length ? `; unknown: ${d.invalid_pairs.join(", ")}` : ""));
  }
  onUnsubscriptionConfirmed(d) {
    this.log(`unsubscribed from ${d.pair_count} pairs (${d.total_subscriptions} left)`);
  }
  onSubscriptionsInfo(d) {
    this.log(`subscriptions: ${d.pairs.join(", ") || "none"}`);
  }
  onPriceUpdate(d) {
    this.counts.price_update++;
    this.prices.set(d.instrument, d.price);
    this.log(`${d.instrument}: ${d.price.mid}`);
  }
  onPriceResponse(d) {
    this.prices.set(d.instrument, d.price);
  }
  onAllPricesResponse(d) {
    for (const [pair, price] of Object.entries(d.prices)) this.prices.set(pair, price);
  }
  rememberAlert(kind, d) {
    this.alerts.push({ kind, receivedAt: new Date().toISOString(), ...d });
    if (this.alerts.length > this.options.maxAlerts) this.alerts.shift();
  }
  onVolatilityAlert(d) {
    this.counts.volatility_alert++;
    this.rememberAlert("volatility", d);
    console.warn(`Volatility alert: ${d.instrument} ${d.severity} ${d.message}`);
  }
  onCorrelationAlert(d) {
    this.counts.correlation_alert++;
    this.rememberAlert("correlation", d);
    console.warn(`Correlation alert: ${d.instruments.join("/")} ${d.severity} ${d.message}`);
  }
  onDataReady(d) {
    this.counts.data_ready++;
    this.log(`data ready: ${d.data_type}`);
  }
  onServerStats(d) {
    this.log(`server: ${d.connected_clients} clients, redis ${d.redis.connected ? "connected" : "disconnected"}`);
  }
  onPong() {}
  onError(d) {
    console.error(`error ${d.code} (${d.event ?? "-"}): ${d.message}`);
  }
}

module.exports = { FXDataPipelineClient };

// Command line: connect, subscribe, print prices and alerts, summarise, exit.
if (require.main === module) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const url = arg("url", "http://localhost:5001");
  const pairs = arg("pairs", "EUR_USD,GBP_USD");
  const seconds = Number(arg("seconds", "0"));
  const transports = arg("transports", null);
  const client = new FXDataPipelineClient(url, { transports: transports ? transports.split(",") : undefined });
  (async () => {
    await client.connect();
    await client.subscribe(pairs === "all" ? "all" : pairs.split(","));
    console.log(`round trip: ${await client.ping()} ms`);
    const stats = await client.getServerStats();
    console.log(`server has ${stats.connected_clients} clients; redis ${stats.redis.connected ? "connected" : "not connected"}`);
    await client.requestAllPrices();
    if (seconds > 0) {
      setTimeout(() => {
        client.printPrices();
        console.log(`received ${client.counts.price_update} prices, ${client.alerts.length} alerts`);
        client.disconnect();
        process.exit(0);
      }, seconds * 1000);
    }
  })().catch((e) => {
    console.error(`failed: ${e.message}`);
    process.exit(1);
  });
}
