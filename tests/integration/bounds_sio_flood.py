# tst_parse_bounds (realClients): python-socketio emits 300 events at once over WebSocket to the server on port argv[1]; waits for 20 pongs and an error notice. Prints what it got as JSON.
import json, sys, threading, socketio
sio = socketio.Client(reconnection=False)
got = {"pong": 0, "errors": []}
done = threading.Event()
def check():
    if got["pong"] >= 20 and got["errors"]:
        done.set()
@sio.on("pong")
def on_pong(d):
    got["pong"] += 1
    check()
@sio.on("error")
def on_error(d):
    got["errors"].append(d.get("code"))
    check()
sio.connect("http://127.0.0.1:%s" % sys.argv[1], transports=["websocket"])
for i in range(300):
    sio.emit("ping", {})
done.wait(20)
print(json.dumps(got))
sio.disconnect()
