"""Debian's python3-socketio and feed_status (PROTOCOL.md): the state in
connection_established, nothing before subscribe, then "down" and "up" (with gap_ms) as the
driving test kills and restarts redis-server. Prints READY once subscribed, OK at the end.
Driven by tst_feed_status.   FX_URL"""
import os
import queue
import sys

import socketio

sio = socketio.Client(reconnection=False)
q = queue.Queue()
for name in ("connection_established", "feed_status", "subscription_confirmed"):
    sio.on(name, (lambda n: lambda d: q.put((n, d)))(name))


def expect(name, timeout=15):
    while True:
        got, data = q.get(timeout=timeout)
        if got == name:
            return data
        if got == "feed_status":
            sys.exit(f"unexpected feed_status {data} while waiting for {name}")


sio.connect(os.environ["FX_URL"], transports=["websocket"])
hello = expect("connection_established")
assert hello["feed_status"]["state"] == "up", hello
sio.emit("subscribe", {"pairs": ["EUR_USD"]})
expect("subscription_confirmed")
print("READY", flush=True)
down = expect("feed_status")
assert down["state"] == "down" and "since" in down and "gap_ms" not in down, down
up = expect("feed_status")
assert up["state"] == "up" and up["gap_ms"] >= 0, up
sio.disconnect()
print("OK", up["gap_ms"], flush=True)
