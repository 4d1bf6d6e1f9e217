"""Debian's python3-socketio and get_alert_history (PROTOCOL.md): every page through
acknowledgements (sio.call), newest first with no duplicates, the alert_history event beside
each ack, a refused limit answered through the ack with the error payload, and pair
permissions. Driven by tst_alert_history.   FX_URL, FX_TOKEN, FX_LIMITED, FX_TOTAL,
FX_LIMITED_TOTAL"""
import os
import queue
import sys

import socketio

URL = os.environ["FX_URL"]


def client(token):
    sio = socketio.Client(reconnection=False)
    events = queue.Queue()
    sio.on("alert_history", lambda d: events.put(d))
    sio.connect(URL, auth={"token": token})
    return sio, events


def page_all(sio, query):
    ids, keys = [], []
    while True:
        reply = sio.call("get_alert_history", query, timeout=15)
        if "alerts" not in reply:
            sys.exit(f"not a page: {reply}")
        for a in reply["alerts"]:
            ids.append(a["id"])
            keys.append((a["raised_at"], a["id"]))
        if not reply["has_more"]:
            assert reply["next_cursor"] is None, reply
            break
        query = dict(query, cursor=reply["next_cursor"])
    assert len(set(ids)) == len(ids), "duplicates"
    assert keys == sorted(keys, reverse=True), "not newest first"
    return ids


sio, events = client(os.environ["FX_TOKEN"])
ids = page_all(sio, {"limit": 250})
assert len(ids) == int(os.environ["FX_TOTAL"]), (len(ids), os.environ["FX_TOTAL"])
# Each ack is accompanied by the alert_history event (5 pages of 250 for 1105 alerts).
first = events.get(timeout=5)
assert first["count"] == 250 and first["limit"] == 250, first
# Refused through the ack: the error payload.
err = sio.call("get_alert_history", {"limit": 1001}, timeout=10)
assert err["code"] == "INVALID_PAYLOAD" and err["details"]["field"] == "limit", err
err = sio.call("get_alert_history", {"cursor": "AAAA"}, timeout=10)
assert err["code"] == "INVALID_CURSOR", err
sio.disconnect()

limited, _ = client(os.environ["FX_LIMITED"])
ids = page_all(limited, {"limit": 1000})
assert len(ids) == int(os.environ["FX_LIMITED_TOTAL"]), len(ids)
err = limited.call("get_alert_history", {"pairs": ["GBP_USD"]}, timeout=10)
assert err["code"] == "FORBIDDEN" and err["details"]["forbidden_pairs"] == ["GBP_USD"], err
limited.disconnect()
print("OK", flush=True)
