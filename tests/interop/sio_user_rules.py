"""Debian's python3-socketio (5.x) and the rules that follow the user (PROTOCOL.md §11) against a
running FX Monitor with its database: a client_key in subscribe (sio.call), a rule set, the
connection closed; a new connection with the same key gets the rule and its room back
(restore_subscriptions), the rule fires on a price published to Redis, a stranger sees none of
it, and a too-short key is refused naming the field. Driven by tst_interop (userRules).
    FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|polling|websocket"""
import json
import os
import queue
import subprocess
import uuid

import socketio

URL = os.environ["FX_URL"]
REDIS_PORT = os.environ["FX_REDIS_PORT"]
PREFIX = os.environ.get("FX_PREFIX", "")
TRANSPORTS = None if os.environ.get("FX_TRANSPORTS", "default") == "default" else [os.environ["FX_TRANSPORTS"]]
KEY = str(uuid.uuid4())


def tick(bid, ask):
    subprocess.run(["redis-cli", "-p", REDIS_PORT, "publish", PREFIX + "price_updates",
                    json.dumps({"instrument": "EUR_USD", "price": {"bid": bid, "ask": ask}})],
                   check=True, capture_output=True)


class Client:
    def __init__(self):
        self.sio = socketio.Client(reconnection=False)
        self.events = queue.Queue()
        self.sio.on("*", lambda event, data: self.events.put((event, data)))
        self.sio.connect(URL, transports=TRANSPORTS, wait_timeout=5)
        self.expect("connection_established", 8)

    def expect(self, name, timeout=5.0):
        while True:
            try:
                event, data = self.events.get(timeout=timeout)
            except queue.Empty:
                raise AssertionError(f"no {name} within {timeout} s") from None
            if event == name:
                return data

    def call(self, event, data):
        return self.sio.call(event, data, timeout=5)


def main():
    print("STEP identify and set a rule", flush=True)
    a = Client()
    first = a.call("subscribe", {"client_key": KEY, "pairs": ["EUR_USD"]})
    assert first["alerts"] == [] and first["pairs"] == ["EUR_USD"], first
    rule = a.call("set_alert", {"pair": "EUR_USD", "field": "ask", "condition": "crosses", "value": 1.6,
                                "note": "python"})
    assert isinstance(rule.get("id"), str), rule
    a.sio.disconnect()

    print("STEP back with the same key", flush=True)
    b = Client()
    back = b.call("subscribe", {"client_key": KEY, "restore_subscriptions": True})
    assert [r["id"] for r in back["alerts"]] == [rule["id"]], back
    assert back["alerts"][0]["note"] == "python", back
    assert back["subscriptions"] == ["EUR_USD"] and back["restored_subscriptions"] == ["EUR_USD"], back
    assert back["pairs"] == ["EUR_USD"], back

    print("STEP it fires", flush=True)
    tick("1.5990", "1.5995")
    tick("1.6001", "1.6003")
    alert = b.expect("price_alert")
    assert alert["rule"]["id"] == rule["id"] and alert["ask"] == 1.6003, alert

    print("STEP a stranger sees nothing; a short key is refused", flush=True)
    c = Client()
    assert c.call("list_alerts", {})["count"] == 0
    err = c.call("subscribe", {"client_key": "short"})
    assert err["code"] == "INVALID_PAYLOAD" and err["details"]["field"] == "client_key", err
    for x in (b, c):
        x.sio.disconnect()
    print("ALL OK", flush=True)


if __name__ == "__main__":
    main()
