#!/usr/bin/env bash
# CTest fixture: a throw-away redis-server on a free loopback port for the integration tests.
#   redis-fixture.sh start DIR   -> starts it, writes DIR/port and DIR/pid
#   redis-fixture.sh stop DIR    -> stops it
set -euo pipefail
cmd=$1 dir=$2
case "$cmd" in
start)
  mkdir -p "$dir"
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
  command -v redis-server >/dev/null || { echo "redis-server is not installed (scripts/test.sh installs it)" >&2; exit 1; }
  for attempt in 1 2 3 4 5; do
    port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --daemonize yes \
      --pidfile "$dir/pid" --logfile "$dir/redis.log" --dir "$dir" --databases 64 >/dev/null
    for _ in $(seq 50); do
      redis-cli -p "$port" ping 2>/dev/null | grep -q PONG && { echo "$port" > "$dir/port"; echo "redis on $port"; exit 0; }
      sleep 0.1
    done
  done
  echo "could not start redis-server" >&2; exit 1 ;;
stop)
  [ -f "$dir/pid" ] && kill "$(cat "$dir/pid")" 2>/dev/null || true
  rm -f "$dir/pid" "$dir/port" ;;
*) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
