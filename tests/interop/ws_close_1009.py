"""A message over WEBSOCKET_MAX_MESSAGE_SIZE, sent in one write by Debian's python3-websocket
(websocket-client): the client must read the server's close code 1009, not a connection reset.
Driven by tst_bounds (FX_URL, FX_SIZE, and FX_CA for wss://); prints "OK <code>" or fails."""
import os
import struct
import sys

import websocket

url = os.environ["FX_URL"]
size = int(os.environ.get("FX_SIZE", str(16 * 1024 * 1024)))
ca = os.environ.get("FX_CA")
ws = websocket.create_connection(url, timeout=10, sslopt={"ca_certs": ca} if ca else None)
try:
    ws.send("x" * size)  # one frame, written in one go while the server has already closed
except OSError as e:  # a reset here is the failure this test is about
    print("send failed: %r" % (e,))
    sys.exit(1)
while True:
    try:
        opcode, frame = ws.recv_data_frame(True)
    except Exception as e:  # noqa: BLE001 - any failure to read the close frame is the bug
        print("recv failed: %r" % (e,))
        sys.exit(1)
    if opcode == websocket.ABNF.OPCODE_CLOSE:
        code = struct.unpack("!H", frame.data[:2])[0] if len(frame.data) >= 2 else -1
        print("OK %d" % code)
        sys.exit(0 if code == 1009 else 1)
