"""Debian's python3-socketio (5.x) against a running FX Monitor, default transports: every event
with its reply and ack, room broadcasts from Redis, reconnection after a server restart.
Driven by tst_interop.   FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|polling|websocket"""
import json
import os
import queue
import subprocess
import sys
import threading
import time

import socketio

URL = os.environ["FX_URL"]
REDIS_PORT = os.environ["FX_REDIS_PORT"]
PREFIX = os.environ.get("FX_PREFIX", "")
TRANSPORTS = None if os.environ.get("FX_TRANSPORTS", "default") == "default" else [os.environ["FX_TRANSPORTS"]]


def step(name):
    print(f"STEP {name}", flush=True)


def publish(channel, obj):
    subprocess.run(["redis-cli", "-p", REDIS_PORT, "publish", PREFIX + channel, json.dumps(obj)], check=True,
                   capture_output=True)


class Client:
    def __init__(self):
        self.sio = socketio.Client(reconnection=True, reconnection_delay=0.2, reconnection_delay_max=1)
        self.events = queue.Queue()
        self.sio.on("*", lambda event, data: self.events.put((event, data)))

    def connect(self):
        self.sio.connect(URL, transports=TRANSPORTS, wait_timeout=5)
        return self.expect("connection_established", 8)

    def expect(self, name, timeout=4.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                event, data = self.events.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            if event == name:
                return data
        raise AssertionError(f"no {name} within {timeout} s")

    def until(self, match, timeout=4.0):
        """Every event received before the first that match accepts, waiting for that one."""
        got = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                event, data = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no barrier within {timeout} s; got {got}") from None
            if match(event, data):
                break
            got.append((event, data))
        # python-engineio hands each received message to a thread of its own: one received before
        # the barrier may reach the queue after it. Wait for those threads, then take what they added.
        for t in threading.enumerate():
            if t is not threading.current_thread() and "_handle_eio_message" in t.name:
                while True:
                    try:
                        t.join(max(0.01, deadline - time.monotonic()))
                        break
                    except RuntimeError:  # started but not yet running: join() refuses until it runs
                        time.sleep(0)
        while not self.events.empty():
            got.append(self.events.get())
        return got

    def call(self, event, data):
        return self.sio.call(event, data, timeout=5)


def main():
    a = Client()
    hello = a.connect()
    for k in ("client_id", "server_version", "available_pairs", "ping_interval", "ping_timeout", "timestamp"):
        assert k in hello, k
    step("connection_established")
    if TRANSPORTS is None:
        # python-engineio's client upgrades within connect(), before it returns.
        assert a.sio.transport() == "websocket", a.sio.transport()
        step("upgraded")

    sub = a.call("subscribe", {"pairs": ["EUR_USD", "XXX_YYY"]})
    assert sub["pairs"] == ["EUR_USD"] and sub["invalid_pairs"] == ["XXX_YYY"] and sub["pair_count"] == 1, sub
    assert a.expect("subscription_confirmed") == sub
    step("subscribe")
    assert a.call("get_subscriptions", {})["pairs"] == ["EUR_USD"]
    step("get_subscriptions")
    assert a.call("unsubscribe", {"pairs": ["EUR_USD"]})["total_subscriptions"] == 0
    step("unsubscribe")
    assert a.call("request_price", {"instrument": "NOPE"})["code"] == "INVALID_PAIR"
    # Once the price has reached a in EUR_GBP's room, request_price returns it.
    a.call("subscribe", {"pairs": ["EUR_GBP"]})
    publish("price_updates", {"instrument": "EUR_GBP", "price": {"bid": "0.85010", "ask": "0.85030"}})
    a.expect("price_update")
    a.call("unsubscribe", {"pairs": ["EUR_GBP"]})
    price = a.call("request_price", {"instrument": "EUR_GBP"})
    assert price["price"]["mid"] == "0.85020", price
    step("request_price")
    assert "EUR_GBP" in a.call("request_all_prices", {})["prices"]
    step("request_all_prices")
    stats = a.call("get_server_stats", {})
    for k in ("connected_clients", "peak_clients", "total_connections", "max_clients", "rooms", "messages_sent",
              "messages_received", "uptime_seconds", "redis", "timestamp"):
        assert k in stats, k
    step("get_server_stats")
    assert a.call("ping", {"timestamp": 777})["client_timestamp"] == 777
    step("ping")
    assert a.call("launch", {})["code"] == "UNKNOWN_EVENT"
    step("errors")

    b, c = Client(), Client()
    b.connect()
    c.connect()
    a.call("subscribe", {"pairs": ["EUR_USD"]})
    b.call("subscribe", {"pairs": ["GBP_USD"]})
    a.expect("subscription_confirmed")
    b.expect("subscription_confirmed")
    for cl in (a, b, c):  # what earlier requests left
        while not cl.events.empty():
            cl.events.get()
    publish("price_updates", {"instrument": "EUR_USD", "price": {"bid": "1.09450", "ask": "1.09470"}})
    publish("correlation_alerts", {"instruments": ["EUR_USD", "GBP_USD"], "correlation": 0.6})
    # A barrier: a data_ready of its own type reaches everyone after everything published before.
    publish("data_ready", {"data_type": "barrier"})
    seen = {}
    for name, cl in (("a", a), ("b", b), ("c", c)):
        got = cl.until(lambda event, data: event == "data_ready" and data.get("data_type") == "barrier")
        seen[name] = [event for event, _ in got]
    assert seen["a"] == ["price_update", "correlation_alert"], seen
    assert seen["b"] == ["correlation_alert"], seen
    assert seen["c"] == [], seen
    step("rooms")

    print("RESTART", flush=True)
    hello2 = a.expect("connection_established", 20)
    assert hello2["client_id"] != hello["client_id"]
    a.call("subscribe", {"pairs": ["EUR_USD"]})
    publish("price_updates", {"instrument": "EUR_USD", "price": {"bid": "1.1", "ask": "1.2"}})
    assert a.expect("price_update")["price"]["mid"] == "1.15"
    step("reconnect")
    print("ALL OK", flush=True)
    for cl in (a, b, c):
        cl.sio.disconnect()


if __name__ == "__main__":
    # os._exit: python-socketio's reconnection threads of clients cut off by the restart would
    # otherwise keep the interpreter alive.
    try:
        main()
    except Exception as e:  # report and fail
        print(f"FAILED: {e!r}", flush=True)
        os._exit(1)
    os._exit(0)
