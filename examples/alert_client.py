#!/usr/bin/env python3
"""FX Monitor alert client for Python (python-socketio 5.x, Debian's python3-socketio): sets one
alert rule (docs/PROTOCOL.md §11) and prints every price_alert the server sends for it.

    /usr/bin/python3 examples/alert_client.py --url http://localhost:5001 EUR_USD bid above 1.0900
    /usr/bin/python3 examples/alert_client.py EUR_USD mid crosses 1.09 --repeat every
    /usr/bin/python3 examples/alert_client.py GBP_USD bid change_pct -0.5 --window 600 --repeat 300

FIELD is bid, ask, mid or spread; CONDITION is above, below, crosses or change_pct (VALUE is then
a percentage and --window is required). --repeat is once (the default: the client exits after the
rule fired), every, or a cooldown in seconds. Ctrl-C deletes the rule and exits. The server keeps
the rules of an anonymous client only while it is connected: after a reconnection the client sets
its rule again.
"""
import argparse
import os
import queue
import signal
import sys

import socketio


def rule_from(args):
    rule = {"pair": args.pair, "field": args.field, "condition": args.condition, "value": args.value}
    if args.window is not None:
        rule["window_seconds"] = args.window
    if args.repeat in ("once", "every"):
        rule["repeat"] = args.repeat
    else:
        rule["repeat"] = {"cooldown_seconds": int(args.repeat)}
    if args.expires:
        rule["expires_at"] = args.expires
    if args.note:
        rule["note"] = args.note
    return rule


def describe(rule):
    unit = " %" if rule["condition"] == "change_pct" else ""
    window = f" in {rule['window_seconds']} s" if "window_seconds" in rule else ""
    repeat = rule["repeat"] if isinstance(rule["repeat"], str) else f"cooldown {rule['repeat']['cooldown_seconds']} s"
    return f"{rule['pair']} {rule['field']} {rule['condition']} {rule['value']}{unit}{window} (repeat {repeat})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pair")
    ap.add_argument("field", choices=["bid", "ask", "mid", "spread"])
    ap.add_argument("condition", choices=["above", "below", "crosses", "change_pct"])
    ap.add_argument("value", type=float)
    ap.add_argument("--url", default="http://localhost:5001")
    ap.add_argument("--window", type=int, help="change_pct only: the window in seconds (1 to 86400)")
    ap.add_argument("--repeat", default="once", help='"once" (default), "every", or a cooldown in seconds')
    ap.add_argument("--expires", help="ISO 8601 time after which the server drops the rule")
    ap.add_argument("--note", help="a note the server keeps with the rule (at most 200 characters)")
    ap.add_argument("--seconds", type=float, default=0, help="stop after this long (0: until Ctrl-C)")
    args = ap.parse_args()
    if args.repeat not in ("once", "every") and not args.repeat.isdigit():
        ap.error("--repeat: once, every, or a number of seconds")
    rule = rule_from(args)

    sio = socketio.Client(reconnection=True, reconnection_delay=1, reconnection_delay_max=5)
    # The handlers run on python-socketio's threads; the main thread does the requests.
    todo = queue.Queue()
    state = {"id": None, "closing": False}
    # python-engineio's own SIGINT handler drops the connection at once; replace it so that Ctrl-C
    # (or SIGTERM) first deletes the rule.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: todo.put("stop"))

    @sio.event
    def connect():
        todo.put("ensure")

    @sio.event
    def disconnect():
        if not state["closing"]:
            print("disconnected; reconnecting", flush=True)

    @sio.on("price_alert")
    def price_alert(d):
        r = d["rule"]
        if r["id"] != state["id"]:
            return
        change = f", change {d['change_pct']} %" if "change_pct" in d else ""
        times = r["times_fired"]
        print(f"price alert {r['id']}: {r['pair']} {r['field']} {d['price']} {r['condition']} {r['value']} at {d['time']}"
              f" (bid {d['bid']}, ask {d['ask']}{change}), fired {times} time{'s' if times != 1 else ''}", flush=True)
        if not r["enabled"]:
            todo.put("done")

    @sio.on("alert_deleted")
    def alert_deleted(d):
        if d["id"] == state["id"] and d["reason"] != "deleted":
            print(f"rule {d['id']} removed by the server ({d['reason']})", flush=True)
            state["id"] = None
            todo.put("done")

    def ensure():
        """Sets the rule, or finds it still held by the server (a token's user keeps its rules)."""
        if state["id"] is not None:
            listed = sio.call("list_alerts", {}, timeout=10)
            if any(r["id"] == state["id"] for r in listed.get("alerts", [])):
                return True
        reply = sio.call("set_alert", rule, timeout=10)
        if "code" in reply:
            field = reply.get("details", {}).get("field")
            print(f"refused: {reply['code']}{f' ({field})' if field else ''}: {reply['message']}", file=sys.stderr,
                  flush=True)
            return False
        state["id"] = reply["id"]
        print(f"alert set: {reply['id']} {describe(reply['rule'])}", flush=True)
        return True

    token = os.environ.get("FX_TOKEN")  # WEBSOCKET_AUTH=jwt (docs/SECURITY.md, "Tokens")
    try:
        sio.connect(args.url, auth={"token": token} if token else None)
    except socketio.exceptions.ConnectionError as e:
        print(f"cannot connect to {args.url}: {e}", file=sys.stderr, flush=True)
        return 1
    status = 0
    try:
        waited = 0.0
        while args.seconds <= 0 or waited < args.seconds:
            try:
                item = todo.get(timeout=0.5)
            except queue.Empty:
                waited += 0.5
                continue
            if item in ("done", "stop"):
                break
            if item == "ensure" and not ensure():
                status = 2
                break
    except socketio.exceptions.TimeoutError:
        print("the server did not answer", file=sys.stderr, flush=True)
        status = 1
    state["closing"] = True
    if state["id"] is not None and sio.connected:
        try:
            deleted = sio.call("delete_alert", {"id": state["id"]}, timeout=5)
            if deleted.get("reason") == "deleted":
                print(f"deleted rule {state['id']}", flush=True)
        except socketio.exceptions.TimeoutError:
            pass
    sio.disconnect()
    return status


if __name__ == "__main__":
    sys.exit(main())
