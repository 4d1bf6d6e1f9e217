"""python-socketio 5.x (Debian) against FX Monitor with and without WEBSOCKET_SIO_RECOVERY
(PROTOCOL.md §10). Off (the default): handlers with exactly one parameter get every event as
before. On: every event has one more argument (its offset), which a one-parameter handler cannot
take (python-socketio raises TypeError in its thread and the event is lost), while a handler
written as (data, *args) gets it. Driven by tst_interop.
    FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_RECOVERY=on|off
"""
import json
import os
import subprocess
import sys
import threading

import socketio

URL = os.environ["FX_URL"]
REDIS_PORT = os.environ["FX_REDIS_PORT"]
PREFIX = os.environ.get("FX_PREFIX", "")
RECOVERY = os.environ.get("FX_RECOVERY") == "on"


def publish(channel, obj):
    subprocess.run(["redis-cli", "-p", REDIS_PORT, "publish", PREFIX + channel, json.dumps(obj)], check=True,
                   stdout=subprocess.DEVNULL)


def main():
    sio = socketio.Client()
    one, many = [], []
    hello = threading.Event()
    barrier = threading.Event()

    @sio.on("connection_established")
    def established(data, *args):  # tolerant either way: the test is about price_update
        hello.set()

    @sio.on("price_update")
    def price(data):  # exactly one parameter, as the predecessor's clients are written
        one.append(data["price"]["bid"])

    @sio.on("data_ready")
    def ready(data, *args):
        many.append(args)
        if data.get("data_type") == "barrier-py":
            barrier.set()

    sio.connect(URL, transports=["websocket"])
    assert hello.wait(5), "connection_established"
    reply = sio.call("subscribe", {"pairs": ["EUR_USD"]}, timeout=5)
    assert reply["pairs"] == ["EUR_USD"], reply
    print("STEP subscribed", flush=True)
    publish("price_updates", {"instrument": "EUR_USD", "price": {"bid": "1.23450", "ask": "1.23470"}})
    publish("data_ready", {"data_type": "barrier-py"})
    assert barrier.wait(5), "barrier"
    if RECOVERY:
        assert one == [], f"a one-parameter handler cannot take the offset argument: {one}"
        assert len(many[-1]) == 1 and many[-1][0].isdigit(), f"(data, *args) gets the offset: {many}"
    else:
        assert one == ["1.23450"], one
        assert many[-1] == (), f"no extra argument without recovery: {many}"
    print("STEP handlers", flush=True)
    sio.disconnect()
    print("ALL OK", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
