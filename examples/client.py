#!/usr/bin/env python3
"""FX Monitor client for Python (python-socketio 5.x, Debian's python3-socketio).

    /usr/bin/python3 examples/client.py --url http://localhost:5001 --pairs EUR_USD,GBP_USD --seconds 30

Works unchanged against the predecessor's Flask-SocketIO server and against FX Monitor.
"""
import argparse
import collections
import os
import sys
import time

import socketio


class FXDataPipelineClient:
    def __init__(self, url="http://localhost:5001", transports=None, max_alerts=500, quiet=False):
        self.url = url
        self.transports = transports
        self.quiet = quiet
        self.sio = socketio.Client(reconnection=True, reconnection_delay=1, reconnection_delay_max=5)
        self.client_id = None
        self.available_pairs = []
        self.subscribed = set()
        self.prices = {}
        self.alerts = collections.deque(maxlen=max_alerts)
        self.counts = collections.Counter()
        self._register()

    def log(self, *args):
        if not self.quiet:
            print(*args, flush=True)

    def _register(self):
        s = self.sio

        @s.event
        def connect():
            self.log(f"connected ({s.transport()})")
            # After a reconnection the server has forgotten our rooms: subscribe again.
            if self.subscribed:
                pairs = "all" if "all" in self.subscribed else sorted(self.subscribed)
                s.emit("subscribe", {"pairs": pairs})

        @s.event
        def disconnect():
            self.log("disconnected")

        @s.on("connection_established")
        def established(d):
            self.client_id = d["client_id"]
            self.available_pairs = d["available_pairs"]
            self.log(f"client id {d['client_id']}, server {d['server_version']}, {len(d['available_pairs'])} pairs")

        @s.on("subscription_confirmed")
        def subscribed(d):
            extra = f"; unknown: {', '.join(d['invalid_pairs'])}" if d["invalid_pairs"] else ""
            self.log(f"subscribed to {d['pair_count']} pairs ({d['total_subscriptions']} in total){extra}")

        @s.on("price_update")
        def price_update(d):
            self.counts["price_update"] += 1
            self.prices[d["instrument"]] = d["price"]
            self.log(f"{d['instrument']}: {d['price']['mid']}")

        @s.on("volatility_alert")
        def volatility_alert(d):
            self.counts["volatility_alert"] += 1
            self.alerts.append(("volatility", d))
            print(f"Volatility alert: {d['instrument']} {d['severity']} {d['message']}", file=sys.stderr, flush=True)

        @s.on("correlation_alert")
        def correlation_alert(d):
            self.counts["correlation_alert"] += 1
            self.alerts.append(("correlation", d))
            print(f"Correlation alert: {'/'.join(d['instruments'])} {d['severity']} {d['message']}", file=sys.stderr, flush=True)

        @s.on("data_ready")
        def data_ready(d):
            self.counts["data_ready"] += 1
            self.log(f"data ready: {d['data_type']}")

        @s.on("error")
        def error(d):
            print(f"error {d['code']} ({d.get('event')}): {d['message']}", file=sys.stderr, flush=True)

    # --- requests: each returns the server's reply (the acknowledgement) ---
    def connect(self):
        # WEBSOCKET_AUTH=jwt (docs/SECURITY.md, "Tokens"): the token from FX_TOKEN, sent in the
        # CONNECT auth payload; a refusal raises socketio.exceptions.ConnectionError.
        token = os.environ.get("FX_TOKEN")
        self.sio.connect(self.url, transports=self.transports, auth={"token": token} if token else None)

    def request(self, event, data=None, timeout=5):
        return self.sio.call(event, data or {}, timeout=timeout)

    def subscribe(self, pairs="all"):
        self.subscribed |= {"all"} if pairs == "all" else set(pairs)
        return self.request("subscribe", {"pairs": pairs})

    def unsubscribe(self, pairs="all"):
        self.subscribed = set() if pairs == "all" else self.subscribed - set(pairs)
        return self.request("unsubscribe", {"pairs": pairs})

    def get_subscriptions(self):
        return self.request("get_subscriptions")

    def request_price(self, instrument):
        reply = self.request("request_price", {"instrument": instrument})
        if "price" in reply:
            self.prices[reply["instrument"]] = reply["price"]
        return reply

    def request_all_prices(self):
        reply = self.request("request_all_prices")
        self.prices.update(reply.get("prices", {}))
        return reply

    def get_server_stats(self):
        return self.request("get_server_stats")

    def ping(self):
        """Round trip in milliseconds."""
        sent = int(time.time() * 1000)
        reply = self.request("ping", {"timestamp": sent})
        return int(time.time() * 1000) - int(reply.get("client_timestamp") or sent)

    def print_prices(self):
        print("pair      bid         ask         mid          time")
        for pair in sorted(self.prices):
            p = self.prices[pair]
            print(f"{pair:9} {p['bid']:11} {p['ask']:11} {p['mid']:12} {p['time']}")

    def alert_history(self):
        return list(self.alerts)

    def disconnect(self):
        self.sio.disconnect()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", default="http://localhost:5001")
    ap.add_argument("--pairs", default="EUR_USD,GBP_USD", help='comma-separated pairs, or "all"')
    ap.add_argument("--seconds", type=float, default=0, help="run this long, then print a summary (0: forever)")
    ap.add_argument("--transports", default=None, help="polling, websocket, or both (default)")
    args = ap.parse_args()
    client = FXDataPipelineClient(args.url, transports=args.transports.split(",") if args.transports else None)
    client.connect()
    client.subscribe("all" if args.pairs == "all" else args.pairs.split(","))
    print(f"round trip: {client.ping()} ms", flush=True)
    stats = client.get_server_stats()
    print(f"server has {stats['connected_clients']} clients; redis {'connected' if stats['redis']['connected'] else 'not connected'}", flush=True)
    client.request_all_prices()
    try:
        if args.seconds > 0:
            time.sleep(args.seconds)
        else:
            client.sio.wait()
    except KeyboardInterrupt:
        pass
    client.print_prices()
    print(f"received {client.counts['price_update']} prices, {len(client.alerts)} alerts", flush=True)
    client.disconnect()


if __name__ == "__main__":
    main()
