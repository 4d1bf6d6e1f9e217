"""Debian's python3-socketio (5.x) and the alert rules of PROTOCOL.md §11 against a running FX
Monitor: set_alert (through an acknowledgement, sio.call, and as a plain event), list_alerts, a
price published to Redis firing price_alert for the rule's owner only (another client in the
pair's room gets the price and no alert), update_alert (new value, disabled, enabled again),
delete_alert, refusals naming the field (INVALID_PAYLOAD), another client's rule refused like a
missing one, and the per-client limit at, under and over WEBSOCKET_MAX_ALERTS_PER_CLIENT.
Driven by tst_interop (alertRules).
    FX_URL, FX_REDIS_PORT, FX_PREFIX, FX_TRANSPORTS=default|polling|websocket, FX_MAX_ALERTS_PER_CLIENT"""
import json
import os
import queue
import re
import subprocess
import threading
import time

import socketio

URL = os.environ["FX_URL"]
REDIS_PORT = os.environ["FX_REDIS_PORT"]
PREFIX = os.environ.get("FX_PREFIX", "")
TRANSPORTS = None if os.environ.get("FX_TRANSPORTS", "default") == "default" else [os.environ["FX_TRANSPORTS"]]
MAX_PER_CLIENT = int(os.environ["FX_MAX_ALERTS_PER_CLIENT"])
ISO = re.compile(r"^\d{4}-\d\d-\d\dT.*Z$")


def step(name):
    print(f"STEP {name}", flush=True)


def publish(channel, obj):
    subprocess.run(["redis-cli", "-p", REDIS_PORT, "publish", PREFIX + channel, json.dumps(obj)], check=True,
                   capture_output=True)


def tick(bid, ask):
    publish("price_updates", {"instrument": "EUR_USD", "price": {"bid": bid, "ask": ask}})


class Client:
    def __init__(self):
        self.sio = socketio.Client(reconnection=False)
        self.events = queue.Queue()
        self.sio.on("*", lambda event, data: self.events.put((event, data)))

    def connect(self):
        self.sio.connect(URL, transports=TRANSPORTS, wait_timeout=5)
        return self.expect("connection_established", 8)

    def expect(self, name, timeout=4.0, match=lambda data: True, skipped=None):
        """The next event called name (that match accepts); the events before it are dropped, or
        appended to skipped."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                event, data = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no {name} within {timeout} s") from None
            if event == name and match(data):
                return data
            if skipped is not None:
                skipped.append((event, data))

    def until_barrier(self, barrier_id, timeout=4.0):
        """Every event received before the data_ready barrier_id, waiting for it."""
        got = []
        deadline = time.monotonic() + timeout
        while True:
            try:
                event, data = self.events.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"no barrier {barrier_id} within {timeout} s; got {got}") from None
            if event == "data_ready" and data.get("data_type") == barrier_id:
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

    def drain(self):
        while not self.events.empty():
            self.events.get()

    def call(self, event, data):
        return self.sio.call(event, data, timeout=5)

    def refused(self, event, data, code, field=None):
        """An acknowledged request that must be refused: the ack is the error payload, and the
        error event arrives too."""
        err = self.call(event, data)
        assert err.get("code") == code and err.get("event") == event, err
        if field is not None:
            assert err["details"]["field"] == field, err
        assert isinstance(err["message"], str), err
        assert self.expect("error", match=lambda d: d == err) == err
        return err


def only(got, name):
    return [data for event, data in got if event == name]


def main():
    assert MAX_PER_CLIENT >= 3, MAX_PER_CLIENT
    a, b = Client(), Client()  # a: the owner, in no room; b: in EUR_USD's room, no rule that fires
    a.connect()
    b.connect()
    b.call("subscribe", {"pairs": ["EUR_USD"]})

    # set_alert through an ack: the ack and the alert_set event carry the same payload.
    rule_set = a.call("set_alert", {"pair": "EURUSD", "field": "bid", "condition": "above", "value": 1.09,
                                    "repeat": "every", "note": "interop"})
    assert isinstance(rule_set.get("id"), str) and 0 < len(rule_set["id"]) <= 64, rule_set
    r1 = rule_set["id"]
    expected = {"id": r1, "pair": "EUR_USD", "field": "bid", "condition": "above", "value": 1.09, "repeat": "every",
                "note": "interop", "enabled": True, "times_fired": 0, "expires_at": None, "last_fired_at": None}
    for k, v in expected.items():
        assert rule_set["rule"][k] == v, (k, rule_set)
    assert "window_seconds" not in rule_set["rule"]
    assert ISO.match(rule_set["rule"]["created_at"]) and isinstance(rule_set["timestamp"], str), rule_set
    assert a.expect("alert_set") == rule_set
    # The witness: fires on the tick that must not fire r1 while it is disabled.
    witness = a.call("set_alert", {"pair": "EUR_USD", "field": "mid", "condition": "above", "value": 1.1,
                                   "repeat": {"cooldown_seconds": 60}, "expires_at": "9999-12-31T23:59:59Z"})
    assert witness["rule"]["repeat"] == {"cooldown_seconds": 60}, witness
    assert witness["rule"]["expires_at"] == "9999-12-31T23:59:59.000000Z", witness
    assert witness["id"] != r1
    # Without an ack: the alert_set event only.
    b.sio.emit("set_alert", {"pair": "EUR_USD", "field": "spread", "condition": "above", "value": 0.5})
    b_rule = b.expect("alert_set")
    assert b_rule["rule"]["field"] == "spread", b_rule
    step("set_alert")

    listed = a.call("list_alerts", {})
    assert listed["count"] == 2 and listed["max_per_client"] == MAX_PER_CLIENT, listed
    assert sorted(r["id"] for r in listed["alerts"]) == sorted([r1, witness["id"]]), listed
    assert next(r for r in listed["alerts"] if r["id"] == r1) == rule_set["rule"], listed
    assert a.expect("alerts_list") == listed
    assert [r["id"] for r in b.call("list_alerts", {})["alerts"]] == [b_rule["id"]]
    step("list_alerts")

    # A tick under the threshold fires nothing; the next one above it fires r1, for a only.
    a.drain()
    b.drain()
    tick("1.0850", "1.0852")
    assert b.expect("price_update")["price"]["bid"] == "1.0850"
    tick("1.0945", "1.0947")
    got_a = []
    fired = a.expect("price_alert", skipped=got_a)
    assert b.expect("price_update")["price"]["bid"] == "1.0945"
    publish("data_ready", {"data_type": "after-first-alert"})
    got_a += a.until_barrier("after-first-alert")
    got_b = b.until_barrier("after-first-alert")
    assert fired["rule"]["id"] == r1, fired
    assert (fired["price"], fired["bid"], fired["ask"]) == (1.0945, 1.0945, 1.0947), fired
    assert ISO.match(fired["time"]), fired
    assert fired["rule"]["times_fired"] == 1 and fired["rule"]["enabled"] is True, fired
    assert fired["rule"]["last_fired_at"] == fired["time"], fired
    assert only(got_a, "price_alert") == [] and only(got_a, "price_update") == [], got_a
    assert only(got_b, "price_alert") == [], got_b
    step("price_alert to the owner only")

    # update_alert: a new value, then disabled: the tick over both thresholds fires the witness only.
    upd = a.call("update_alert", {"id": r1, "value": 1.1})
    assert upd["id"] == r1 and upd["rule"]["value"] == 1.1 and upd["rule"]["enabled"] is True, upd
    assert upd["rule"]["times_fired"] == 1, upd
    assert a.expect("alert_updated") == upd
    off = a.call("update_alert", {"id": r1, "enabled": False})
    assert off["rule"]["enabled"] is False and off["rule"]["value"] == 1.1, off
    a.drain()
    tick("1.1050", "1.1052")
    got_a = []
    witness_fired = a.expect("price_alert", match=lambda d: d["rule"]["id"] == witness["id"], skipped=got_a)
    assert witness_fired["price"] == 1.1051, witness_fired
    publish("data_ready", {"data_type": "after-witness"})
    got_a += a.until_barrier("after-witness")
    assert only(got_a, "price_alert") == [], got_a
    # Enabled again: armed anew, so the next tick above 1.1 fires it at once.
    assert a.call("update_alert", {"id": r1, "enabled": True})["rule"]["enabled"] is True
    tick("1.1060", "1.1062")
    second = a.expect("price_alert")
    assert second["rule"]["id"] == r1 and second["price"] == 1.106 and second["rule"]["times_fired"] == 2, second
    step("update_alert")

    # Refusals: each names the field.
    rule = {"pair": "EUR_USD", "field": "bid", "condition": "above", "value": 1.09}
    a.refused("set_alert", dict(rule, field="last"), "INVALID_PAYLOAD", "field")
    a.refused("set_alert", dict(rule, pair="XXX_YYY"), "INVALID_PAYLOAD", "pair")
    a.refused("set_alert", dict(rule, condition="change_pct", value=0.5), "INVALID_PAYLOAD", "window_seconds")
    a.refused("set_alert", dict(rule, repeat={"cooldown_seconds": 0}), "INVALID_PAYLOAD", "repeat.cooldown_seconds")
    a.refused("set_alert", dict(rule, value=-1), "INVALID_PAYLOAD", "value")
    a.refused("set_alert", dict(rule, colour="red"), "INVALID_PAYLOAD", "colour")
    a.refused("set_alert", dict(rule, expires_at="2000-01-01T00:00:00Z"), "INVALID_PAYLOAD", "expires_at")
    a.refused("update_alert", {"id": r1, "value": 0}, "INVALID_PAYLOAD", "value")
    a.refused("update_alert", {"id": r1}, "INVALID_PAYLOAD")
    # Another client's rule is refused in the same words as one that does not exist.
    not_mine = b.refused("delete_alert", {"id": r1}, "INVALID_PAYLOAD", "id")
    missing = b.refused("delete_alert", {"id": "s1-999999"}, "INVALID_PAYLOAD", "id")
    assert not_mine["message"].replace(r1, "ID") == missing["message"].replace("s1-999999", "ID"), (not_mine, missing)
    b.refused("update_alert", {"id": r1, "enabled": False}, "INVALID_PAYLOAD", "id")
    assert a.call("list_alerts", {})["count"] == 2, "refusals changed nothing"
    step("INVALID_PAYLOAD")

    # delete_alert, acknowledged, with the alert_deleted event.
    a.drain()
    deleted = a.call("delete_alert", {"id": r1})
    assert deleted["id"] == r1 and deleted["reason"] == "deleted", deleted
    assert deleted["rule"]["id"] == r1 and deleted["rule"]["times_fired"] == 2, deleted
    assert isinstance(deleted["timestamp"], str), deleted
    assert a.expect("alert_deleted") == deleted
    left = a.call("list_alerts", {})
    assert [r["id"] for r in left["alerts"]] == [witness["id"]] and left["alerts"][0]["times_fired"] == 1, left
    a.refused("delete_alert", {"id": r1}, "INVALID_PAYLOAD", "id")
    step("delete_alert")

    # WEBSOCKET_MAX_ALERTS_PER_CLIENT: under and at the limit accepted, over it refused.
    c = Client()
    c.connect()
    for n in range(1, MAX_PER_CLIENT + 1):
        r = c.call("set_alert", dict(rule, value=1 + n / 100))
        assert r.get("id"), (n, r)
    over = c.refused("set_alert", dict(rule, value=2), "TOO_MANY_ALERTS")
    assert over["details"]["max_per_client"] == MAX_PER_CLIENT, over
    assert "WEBSOCKET_MAX_ALERTS_PER_CLIENT" in over["message"], over
    full = c.call("list_alerts", {})
    assert full["count"] == MAX_PER_CLIENT, full
    c.call("delete_alert", {"id": full["alerts"][0]["id"]})
    assert c.call("set_alert", dict(rule, value=2)).get("id"), "room again after a delete"
    assert a.call("set_alert", dict(rule, value=3)).get("id"), "the limit is per client"
    step("TOO_MANY_ALERTS")
    print("ALL OK", flush=True)
    for cl in (a, b, c):
        cl.sio.disconnect()


if __name__ == "__main__":
    # os._exit: python-socketio's threads would otherwise keep the interpreter alive on a failure.
    try:
        main()
    except Exception as e:  # report and fail
        print(f"FAILED: {e!r}", flush=True)
        os._exit(1)
    os._exit(0)
