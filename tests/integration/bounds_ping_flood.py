# tst_parse_bounds (realClients): python3-websocket sends 25 pings on a plain JSON connection to port argv[1], then a close; counts pongs and RATE_LIMITED notices before the close. Prints what it got as JSON.
import json, sys, websocket
ws = websocket.create_connection("ws://127.0.0.1:%s/ws" % sys.argv[1])
ws.recv()  # connection_established
for i in range(25):
    ws.ping(b"p%d" % i)
ws.send_close()
pongs, notices = 0, 0
while True:
    op, frame = ws.recv_data_frame(True)
    if op == websocket.ABNF.OPCODE_PONG:
        pongs += 1
    elif op == websocket.ABNF.OPCODE_TEXT and b"RATE_LIMITED" in frame.data:
        notices += 1
    elif op == websocket.ABNF.OPCODE_CLOSE:
        break
print(json.dumps({"pongs": pongs, "notices": notices}))
