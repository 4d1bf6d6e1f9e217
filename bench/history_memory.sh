#!/bin/bash
# The memory cost of the recovery history (PROTOCOL.md §10, PERFORMANCE.md "Recovery history"):
# fxmonitor-server's resident memory with every stream's history full (20 pairs x
# WEBSOCKET_HISTORY_SIZE prices and as many alerts) minus the same flow with the history off
# (WEBSOCKET_HISTORY_SIZE=0), on a private redis-server. Printed, never asserted.
#   bench/history_memory.sh [build-dir] [history-size]
set -euo pipefail
BUILD=${1:-build}
SIZE=${2:-1000}
BIN=$BUILD/src/app/fxmonitor-server
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --port "$RPORT" --bind 127.0.0.1 --save '' --appendonly no --dir "$WORK" >/dev/null &
REDIS=$!
trap 'kill $REDIS 2>/dev/null; rm -rf "$WORK"' EXIT
until redis-cli -p "$RPORT" ping >/dev/null 2>&1; do sleep 0.1; done

# Rounds of one price per pair and one volatility alert, as the pipeline publishes them.
gen() {
    python3 - "$1" <<'PY'
import json, sys
pairs = ("EUR_USD GBP_USD USD_JPY USD_CHF AUD_USD USD_CAD NZD_USD EUR_GBP EUR_JPY GBP_JPY EUR_CHF AUD_JPY "
         "EUR_AUD GBP_CHF EUR_CAD AUD_NZD CAD_JPY CHF_JPY NZD_JPY GBP_AUD").split()
for r in range(int(sys.argv[1])):
    for p in pairs:
        price = {"bid": "1.%05d" % r, "ask": "1.%05d" % (r + 2), "mid": "1.%05d" % (r + 1),
                 "time": "2026-12-07T08:30:00.123456Z"}
        print("PUBLISH price_updates '%s'" % json.dumps({"instrument": p, "price": price, "source": "oanda"},
                                                          separators=(",", ":")))
    alert = {"instrument": pairs[r % 20], "volatility": 0.0234, "threshold": 0.02, "severity": "warning",
             "timestamp": "2026-12-07T08:30:00Z"}
    print("PUBLISH volatility_alerts '%s'" % json.dumps(alert, separators=(",", ":")))
PY
}

measure() { # $1: WEBSOCKET_HISTORY_SIZE; prints "rss_before rss_after messages bytes"
    "$BIN" --host 127.0.0.1 --port 0 --io-threads 1 --log-level WARNING --redis-host 127.0.0.1 \
        --redis-port "$RPORT" --set "WEBSOCKET_HISTORY_SIZE=$1" --set "DB_PATH=$WORK/db$1.sqlite" \
        >"$WORK/out" 2>"$WORK/err" &
    local pid=$!
    local port=""
    for _ in $(seq 100); do
        port=$(grep -o 'listening on [^ ]*:[0-9]*' "$WORK/out" "$WORK/err" 2>/dev/null | head -1 | sed 's/.*://')
        [ -n "$port" ] && break
        sleep 0.1
    done
    metric() { curl -s "http://127.0.0.1:$port/metrics" | awk -v m="$1" '$1 == m {print $2}'; }
    rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
    sleep 1
    gen 2 | redis-cli -p "$RPORT" >/dev/null # warm-up: price book, rooms, allocator
    sleep 1
    local before
    before=$(rss)
    gen $((SIZE + 100)) | redis-cli -p "$RPORT" >/dev/null
    sleep 2
    echo "$before $(rss) $(metric fxmonitor_history_messages) $(metric fxmonitor_history_bytes)"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
}

read -r on0 on1 msgs bytes <<<"$(measure "$SIZE")"
read -r off0 off1 _ _ <<<"$(measure 0)"
grow_on=$((on1 - on0))
grow_off=$((off1 - off0))
echo "history size $SIZE, 20 pairs: $msgs messages held, $bytes encoded bytes ($((bytes / msgs)) per message)"
echo "RSS growth over the same flow: history on $grow_on KB, off $grow_off KB"
echo "history cost: $((grow_on - grow_off)) KB ($(( (grow_on - grow_off) * 1024 / msgs )) bytes per message held)"
