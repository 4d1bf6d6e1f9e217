"""Debian's python3-socketio with WEBSOCKET_AUTH=jwt (SECURITY.md, "Tokens"): connect(auth=...).
A good token connects as its user; a refused one raises ConnectionError carrying UNAUTHORIZED
and the reason; refresh_token is answered; at expiry TOKEN_EXPIRED arrives, then a disconnect.
Driven by tst_auth.   FX_URL, FX_GOOD, FX_EXPIRED, FX_SHORT, FX_FRESH"""
import json
import os
import queue
import sys

import socketio

URL = os.environ["FX_URL"]


def client():
    sio = socketio.Client(reconnection=False)
    q = queue.Queue()
    for name in ("connection_established", "token_refreshed", "error"):
        sio.on(name, (lambda n: lambda d: q.put((n, d)))(name))
    sio.on("disconnect", lambda: q.put(("disconnect", None)))
    sio.on("connect_error", lambda *d: q.put(("connect_error", d)))
    return sio, q


def expect(q, name, timeout=8):
    while True:
        got, data = q.get(timeout=timeout)
        if got == name:
            return data


sio, q = client()
sio.connect(URL, auth={"token": os.environ["FX_GOOD"]})
assert expect(q, "connection_established")["user"] == "alice"
sio.emit("refresh_token", {"token": os.environ["FX_FRESH"]})
assert expect(q, "token_refreshed")["user"] == "alice"
sio.disconnect()

for token, reason in ((os.environ["FX_EXPIRED"], "expired"), ("x.y.z", "malformed")):
    bad, bq = client()
    try:
        bad.connect(URL, auth={"token": token}, transports=["websocket"])
        sys.exit(f"a {reason} token was accepted")
    except socketio.exceptions.ConnectionError:
        pass
    # The CONNECT_ERROR payload reaches the connect_error handler.
    text = json.dumps(expect(bq, "connect_error"))
    assert "UNAUTHORIZED" in text and f'"reason": "{reason}"' in text, text

short, sq = client()
short.connect(URL, auth={"token": os.environ["FX_SHORT"]})
expect(sq, "connection_established")
assert expect(sq, "error", timeout=30)["code"] == "TOKEN_EXPIRED"
expect(sq, "disconnect", timeout=30)
print("OK", flush=True)
