#!/usr/bin/env bash
# Refreshes docs/screenshots/*.png with live data: a private redis-server, the simulated feed
# (bursty, so alerts come quickly), FX Monitor under Xvfb on a free port with a throw-away
# database, and a few example clients (Python Socket.IO, Node Socket.IO, plain WebSocket).
# FX Monitor saves its window, each panel, the dark theme and its dialogs itself
# (FXMONITOR_SCREENSHOTS), then quits; everything started here is stopped on exit.
#
#   scripts/screenshots.sh [OUTPUT_DIR]        (default docs/screenshots)
#   FX_BUILD_DIR=build-gui scripts/screenshots.sh
#   FX_SCREENSHOT_WARMUP=45 scripts/screenshots.sh   (seconds of live data before the first shot)
#   FX_SCREENSHOT_OUTAGE=8 scripts/screenshots.sh    (redis-server stopped for 8 s, ending 12 s
#                                                     before the shots: the charts shade the gap)
#   FX_SCREENSHOT_MONITOR_ONLY=1 scripts/screenshots.sh /tmp/shots
#                                  (fxmonitor --no-server: a monitor-only desk watching the fleet;
#                                   docs/screenshots/monitor-only.png is its main.png)
#   FX_SCREENSHOT_APP_LANG=ja scripts/screenshots.sh /tmp/ja  (the window in Japanese: --lang ja;
#                                                     docs/screenshots/main-<lang>.png come from this)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"

BUILD="${FX_BUILD_DIR:-$FX_ROOT/build}"
case "$BUILD" in /*) ;; *) BUILD="$FX_ROOT/$BUILD" ;; esac
BIN="$BUILD/src/app"
OUT="${1:-$FX_ROOT/docs/screenshots}"
case "$OUT" in /*) ;; *) OUT="$FX_ROOT/$OUT" ;; esac
WARMUP="${FX_SCREENSHOT_WARMUP:-40}"
MONITOR_ONLY=""
[ "${FX_SCREENSHOT_MONITOR_ONLY:-0}" = 1 ] && MONITOR_ONLY=1

command -v xvfb-run >/dev/null || fx_die "xvfb-run is missing (Debian: apt install xvfb xauth)"
# (Not grep -q: it would stop reading, and fc-list's SIGPIPE fails the pipe under pipefail.)
fc-list 2>/dev/null | grep -i dejavu >/dev/null || fx_die "no DejaVu fonts: labels would render as boxes (apt install fonts-dejavu-core)"
for p in fxmonitor fxmonitor-feed; do
  [ -x "$BIN/$p" ] || fx_die "$BIN/$p is missing: build first (cmake --build $BUILD)"
done

TMP="$(mktemp -d)"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

REDIS_PORT="$(fx_free_port)"
PORT="$(fx_free_port)"
fx_log "redis-server on 127.0.0.1:$REDIS_PORT"
start_redis() {
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --dir "$TMP" --loglevel warning >/dev/null &
  REDIS_PID=$!
  PIDS+=($REDIS_PID)
}
start_redis
for _ in $(seq 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done

fx_log "the simulated feed (200 ticks/s, bursty)"
"$BIN/fxmonitor-feed" --redis-host 127.0.0.1 --redis-port "$REDIS_PORT" --rate 200 --seed 11 \
  --burst-probability 0.03 --vol-interval 1 --corr-interval 4 --corr-sample 1 --corr-window 20 \
  --log-level WARNING >/dev/null 2>&1 &
PIDS+=($!)

# Clients present tokens (WEBSOCKET_AUTH=jwt, docs/SECURITY.md) so the clients table shows users;
# without PyJWT (Debian python3-jwt) the server runs without tokens.
AUTH_ENV=()
token() { :; }
if /usr/bin/python3 -c 'import jwt' 2>/dev/null; then
  SECRET="$(openssl rand -hex 32)"
  AUTH_ENV=(WEBSOCKET_AUTH=jwt "WEBSOCKET_JWT_SECRET=$SECRET")
  token() {
    /usr/bin/python3 -c 'import jwt,sys,time;print(jwt.encode({"sub":sys.argv[2],"exp":int(time.time())+3600},sys.argv[1],algorithm="HS256"))' \
      "$SECRET" "$1"
  }
fi

mkdir -p "$OUT" "$TMP/config/FXMonitor"
# The price chart on its one-minute window: a full chart after the warm-up of a fresh database.
printf '[gui]\nchartWindow=0\n' >"$TMP/config/FXMonitor/fxmonitor.conf"
fx_log "FX Monitor on 127.0.0.1:$PORT under Xvfb; screenshots after ${WARMUP} s into $OUT"
export LANG="${FX_SCREENSHOT_LANG:-C.UTF-8}" LC_ALL="${FX_SCREENSHOT_LANG:-C.UTF-8}"
LANG_ARGS=()
if [ -n "${FX_SCREENSHOT_APP_LANG:-}" ]; then
  LANG_ARGS=(--lang "$FX_SCREENSHOT_APP_LANG")
  [ "$FX_SCREENSHOT_APP_LANG" != ja ] || [ -n "$(fc-list :lang=ja 2>/dev/null)" ] ||
    fx_die "no Japanese font: labels would render as boxes (apt install fonts-noto-cjk)"
fi
env "${AUTH_ENV[@]}" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
FXMONITOR_SCREENSHOTS="$OUT" FXMONITOR_SCREENSHOTS_DELAY_MS="$((WARMUP * 1000))" \
  xvfb-run -a -s "-screen 0 1920x1200x24" \
  "$BIN/fxmonitor" --host 127.0.0.1 --port "$PORT" --redis-host 127.0.0.1 --redis-port "$REDIS_PORT" \
  --db-path "$TMP/fxmonitor.sqlite" --log-level WARNING "${LANG_ARGS[@]}" ${MONITOR_ONLY:+--no-server} >"$TMP/app.out" 2>"$TMP/app.err" &
APP=$!
PIDS+=($APP)
if [ -n "$MONITOR_ONLY" ]; then
  # No server of its own: the example clients go to a fleet server on $PORT instead.
  env "${AUTH_ENV[@]}" "$BIN/fxmonitor-server" --host 127.0.0.1 --port "$PORT" --redis-host 127.0.0.1 \
    --redis-port "$REDIS_PORT" --db-path "$TMP/fxmonitor.sqlite" --log-level WARNING \
    --set WEBSOCKET_SERVER_ID=fx-ldn-0 >"$TMP/server0.out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do grep -q "listening on" "$TMP/server0.out" 2>/dev/null && break; sleep 0.1; done
else
  for _ in $(seq 100); do grep -q "listening on" "$TMP/app.out" 2>/dev/null && break; sleep 0.1; done
  grep -q "listening on" "$TMP/app.out" || { cat "$TMP/app.err" >&2; fx_die "FX Monitor did not start"; }
fi

fx_log "example clients"
if /usr/bin/python3 -c 'import socketio' 2>/dev/null; then
  FX_TOKEN="$(token alice)" /usr/bin/python3 examples/client.py --url "http://127.0.0.1:$PORT" --pairs all --seconds 600 >/dev/null 2>&1 &
  PIDS+=($!)
  FX_TOKEN="$(token bob)" /usr/bin/python3 examples/client.py --url "http://127.0.0.1:$PORT" --pairs EUR_USD,USD_JPY --transports polling \
    --seconds 600 >/dev/null 2>&1 &
  PIDS+=($!)
fi
if command -v node >/dev/null && [ -d examples/node_modules ]; then
  (cd examples && FX_TOKEN="$(token risk-engine)" node client.js --url "http://127.0.0.1:$PORT" --pairs EUR_USD,GBP_USD,EUR_GBP --seconds 600 >/dev/null 2>&1) &
  PIDS+=($!)
fi
if /usr/bin/python3 -c 'import websocket' 2>/dev/null; then
  users=(carol dashboard-1 dashboard-2)
  # Each sets a few alert rules (PROTOCOL.md, "Alert rules"; the desk's Alert rules panel); a rule
  # with "disable" is disabled by its client once set.
  rules=('[{"pair":"EUR_USD","field":"bid","condition":"above","value":1.2,"note":"breakout"},{"pair":"EUR_USD","field":"mid","condition":"crosses","value":1.08,"repeat":{"cooldown_seconds":300}}]'
         '[{"pair":"USD_JPY","field":"ask","condition":"below","value":140,"repeat":"every","expires_at":"2030-01-31T17:00:00Z"},{"pair":"GBP_USD","field":"mid","condition":"change_pct","value":0.5,"window_seconds":300,"repeat":"every"},{"pair":"AUD_USD","field":"spread","condition":"above","value":0.001,"disable":true}]'
         '[{"pair":"GBP_USD","field":"bid","condition":"crosses","value":1.25,"repeat":"every"},{"pair":"NZD_USD","field":"bid","condition":"above","value":0.5,"repeat":"every","note":"desk check"}]')
  for pairs in '["EUR_USD"]' '"all"' '["GBP_USD","AUD_USD","NZD_USD"]'; do
    /usr/bin/python3 - "$PORT" "$pairs" "$(token "${users[0]}")" "${rules[0]}" >/dev/null 2>&1 <<'PY' &
import json, sys, time, websocket
ws = websocket.create_connection(f"ws://127.0.0.1:{sys.argv[1]}/ws?client=desk-demo&token={sys.argv[3]}"); ws.recv()
ws.send(json.dumps({"event": "subscribe", "data": {"pairs": json.loads(sys.argv[2])}}))
for rule in json.loads(sys.argv[4]):
    disable = rule.pop("disable", False)
    ws.send(json.dumps({"event": "set_alert", "data": rule, "id": 1}))
    while True:
        m = json.loads(ws.recv())
        if m.get("event") in ("alert_set", "error"):
            break
    if disable and m.get("event") == "alert_set":
        ws.send(json.dumps({"event": "update_alert", "data": {"id": m["data"]["id"], "enabled": False}}))
end, last = time.time() + 600, 0
while time.time() < end:
    ws.recv()
    if time.time() - last > 5:
        last = time.time()
        ws.send(json.dumps({"event": "ping", "data": {"timestamp": int(last * 1000)}}))
PY
    PIDS+=($!)
    users=("${users[@]:1}")
    rules=("${rules[@]:1}")
  done
  # A user who set a rule and left: the panel shows it from the database, "owner away"
  # (PROTOCOL.md, "Rules that follow the user").
  /usr/bin/python3 - "$PORT" "$(token erin)" >/dev/null 2>&1 <<'PY' &
import json, sys, websocket
ws = websocket.create_connection(f"ws://127.0.0.1:{sys.argv[1]}/ws?token={sys.argv[2]}"); ws.recv()
ws.send(json.dumps({"event": "set_alert", "id": 1, "data": {"pair": "USD_CHF", "field": "bid", "condition": "below",
                                                            "value": 0.85, "note": "overnight"}}))
while json.loads(ws.recv()).get("event") not in ("alert_set", "error"):
    pass
ws.close()
PY
  PIDS+=($!)
fi

# The fleet panel (docs/GUI.md, "Fleet"): three more servers on the same Redis, each with a few
# plain clients; fx-nyc-1 is killed 8 s before the shots, so it shows stale (FLEET_STALE_SECONDS 5).
if [ "${FX_SCREENSHOT_FLEET:-1}" = 1 ] && [ -x "$BIN/fxmonitor-server" ]; then
  fx_log "fleet: three more servers (fx-ldn-1, fx-ldn-2, fx-nyc-1), one killed before the shots"
  for id in fx-ldn-1 fx-ldn-2 fx-nyc-1; do
    port="$(fx_free_port)"
    env "${AUTH_ENV[@]}" "$BIN/fxmonitor-server" --host 127.0.0.1 --port "$port" --redis-host 127.0.0.1 \
      --redis-port "$REDIS_PORT" --db-path "$TMP/$id.sqlite" --log-level WARNING \
      --set "WEBSOCKET_SERVER_ID=$id" >"$TMP/$id.out" 2>"$TMP/$id.err" &
    pid=$!
    PIDS+=($pid)
    [ "$id" = fx-nyc-1 ] && NYC_PID=$pid
    for _ in $(seq 100); do grep -q "listening on" "$TMP/$id.out" 2>/dev/null && break; sleep 0.1; done
    if /usr/bin/python3 -c 'import websocket' 2>/dev/null; then
      for n in $(seq $(( ${#id} % 3 + 2 ))); do
        /usr/bin/python3 - "$port" "$(token "$id-desk-$n")" >/dev/null 2>&1 <<'PY' &
import json, sys, websocket
ws = websocket.create_connection(f"ws://127.0.0.1:{sys.argv[1]}/ws?token={sys.argv[2]}"); ws.recv()
ws.send(json.dumps({"event": "subscribe", "data": {"pairs": "all"}}))
while True:
    ws.recv()
PY
        PIDS+=($!)
      done
    fi
  done
  (sleep $((WARMUP > 12 ? WARMUP - 8 : 4)); kill -9 "$NYC_PID" 2>/dev/null) &
  PIDS+=($!)
fi

OUTAGE="${FX_SCREENSHOT_OUTAGE:-0}"
if [ "$OUTAGE" -gt 0 ]; then
  [ "$WARMUP" -gt $((OUTAGE + 14)) ] || fx_die "FX_SCREENSHOT_WARMUP must exceed FX_SCREENSHOT_OUTAGE + 14"
  sleep $((WARMUP - OUTAGE - 12))
  fx_log "feed outage: redis-server stopped for $OUTAGE s"
  kill "$REDIS_PID"; wait "$REDIS_PID" 2>/dev/null || true
  sleep "$OUTAGE"
  start_redis
fi

wait "$APP" || true
cat "$TMP/app.out"
ls "$OUT"/*.png >/dev/null 2>&1 || { cat "$TMP/app.err" >&2; fx_die "no screenshot was saved"; }
fx_log "done: $(ls "$OUT"/*.png | wc -l) screenshots in $OUT"
