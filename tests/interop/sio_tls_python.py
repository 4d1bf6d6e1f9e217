"""Debian's python3-socketio and python3-requests over TLS (SECURITY.md, "TLS"): https /health,
Socket.IO over long-polling, WebSocket and polling upgraded, trusting the test CA given by path
(requests' verify=); a price from Redis reaches the subscribed client; without the CA the server's
certificate is refused. Driven by tst_interop.   FX_URL (https://...), FX_CA, FX_REDIS_PORT, FX_PREFIX"""
import json
import os
import queue
import subprocess
import sys

import requests
import socketio

URL = os.environ["FX_URL"]
CA = os.environ["FX_CA"]


def step(name):
    print(f"STEP {name}", flush=True)


def publish(channel, obj):
    subprocess.run(["redis-cli", "-p", os.environ["FX_REDIS_PORT"], "publish",
                    os.environ.get("FX_PREFIX", "") + channel, json.dumps(obj)], check=True, capture_output=True)


def expect(events, name, timeout=6.0):
    while True:
        event, data = events.get(timeout=timeout)
        if event == name:
            return data


def session(name, transports, expected_transport):
    http = requests.Session()
    http.verify = CA
    # REQUESTS_CA_BUNDLE in the environment would otherwise win over the session's verify.
    http.trust_env = False
    sio = socketio.Client(reconnection=False, http_session=http)
    events = queue.Queue()
    sio.on("*", lambda event, data: events.put((event, data)))
    sio.connect(URL, transports=transports, wait_timeout=5)
    assert expect(events, "connection_established")["client_id"]
    sio.emit("subscribe", {"pairs": ["EUR_USD"]})
    assert expect(events, "subscription_confirmed")["pairs"] == ["EUR_USD"]
    assert sio.transport() == expected_transport, sio.transport()
    publish("price_updates", {"instrument": "EUR_USD", "price": {"bid": "1.0945", "ask": "1.0947"}})
    assert expect(events, "price_update")["instrument"] == "EUR_USD"
    sio.disconnect()
    step(f"{name} over TLS")


def main():
    r = requests.get(URL + "/health", verify=CA, timeout=5)
    assert r.status_code == 200 and "status" in r.json(), r.text
    try:
        requests.get(URL + "/health", timeout=5)
        raise AssertionError("an untrusted certificate was accepted")
    except requests.exceptions.SSLError:
        pass
    step("https /health")
    session("polling", ["polling"], "polling")
    session("websocket", ["websocket"], "websocket")
    session("polling upgraded to websocket", None, "websocket")
    print("ALL OK", flush=True)


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # the harness prints the output
        print(f"FAILED: {e!r}", flush=True)
        sys.exit(1)
