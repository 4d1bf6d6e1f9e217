#!/usr/bin/env python3
"""FX Monitor client that never misses a message (plain JSON over WebSocket; docs/PROTOCOL.md §10).

    /usr/bin/python3 examples/recovering_client.py --url ws://localhost:5001/ws --pairs EUR_USD,GBP_USD --seconds 60

It remembers the epoch and the last offset of every stream it receives (each pair's room and
"alerts") and, after a reconnect, subscribes with "recover": the server replays what was missed
(in order, once) or, when its history no longer reaches back, sends the newest price instead
("snapshot"). --drop-after N cuts the connection after N seconds to show it.

Needs Debian's python3-websocket (websocket-client); python-socketio has no recovery, which is
why this example speaks plain JSON.
"""
import argparse
import json
import socket
import sys
import time

import websocket


class RecoveringClient:
    def __init__(self, url, pairs, quiet=False):
        self.url = url
        self.pairs = pairs
        self.quiet = quiet
        self.epoch = None
        self.offsets = {}  # stream ("EUR_USD", ..., "alerts") -> last offset received
        self.ws = None
        self.counts = {"prices": 0, "alerts": 0, "replayed": 0}

    def log(self, *args):
        if not self.quiet:
            print(*args, flush=True)

    def connect(self):
        self.ws = websocket.create_connection(self.url, timeout=5)
        hello = json.loads(self.ws.recv())
        self.log(f"connected: client id {hello['data']['client_id']}")
        request = {"pairs": self.pairs, "snapshot": True}
        if self.epoch is not None:
            request["recover"] = {"epoch": self.epoch, "offsets": self.offsets}
        self.ws.send(json.dumps({"event": "subscribe", "data": request}))

    def handle(self, message):
        event, data = message["event"], message["data"]
        if "offset" in message:  # a relayed event: remember where we are in its stream
            stream = data["instrument"] if event == "price_update" else "alerts"
            if message["epoch"] != self.epoch:
                self.epoch, self.offsets = message["epoch"], {}
            self.offsets[stream] = message["offset"]
        if event == "subscription_confirmed":
            self.log(f"subscribed to {', '.join(data['pairs'])}")
            if "recovered" in data:
                self.log(f"recovered: {json.dumps(data['recovered'], sort_keys=True)}")
        elif event == "price_update":
            self.counts["prices"] += 1
            tag = " (snapshot)" if data.get("snapshot") else ""
            self.log(f"price {data['instrument']} bid={data['price']['bid']} offset={message.get('offset')}{tag}")
        elif event in ("volatility_alert", "correlation_alert"):
            self.counts["alerts"] += 1
            self.log(f"{event} offset={message.get('offset')}")
        elif event == "error":
            self.log(f"error {data['code']}: {data['message']}")

    def run(self, seconds, drop_after=None):
        end = time.monotonic() + seconds
        dropped = drop_after is None
        self.connect()
        while time.monotonic() < end:
            if not dropped and time.monotonic() >= end - seconds + drop_after:
                dropped = True
                self.log("dropping the connection")
                self.ws.sock.shutdown(socket.SHUT_RDWR)  # no close handshake: a lost connection
            try:
                self.ws.settimeout(max(0.05, min(0.2, end - time.monotonic())))
                self.handle(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                continue
            except (websocket.WebSocketException, OSError):
                self.log("disconnected; reconnecting")
                time.sleep(0.2)
                try:
                    self.connect()
                except (websocket.WebSocketException, OSError):
                    continue
        self.log(f"received {self.counts['prices']} prices, {self.counts['alerts']} alerts")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default="ws://localhost:5001/ws")
    p.add_argument("--pairs", default="EUR_USD", help="comma-separated, or all")
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--drop-after", type=float, default=None, help="cut the connection after this many seconds")
    a = p.parse_args()
    pairs = "all" if a.pairs == "all" else a.pairs.split(",")
    RecoveringClient(a.url, pairs).run(a.seconds, a.drop_after)
    return 0


if __name__ == "__main__":
    sys.exit(main())
