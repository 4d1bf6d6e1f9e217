#!/usr/bin/env bash
# Runs FX Monitor: installs what is missing, builds, and when no Redis is configured starts a
# local redis-server (loopback, no persistence) and the simulated pipeline feed, then opens
# the desktop app, or the headless server where there is no display. Stops what it started.
#
# Settings come from .env, the environment and flags (README, docs/CONFIGURATION.md); any
# extra arguments go to the program.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"

fx_install "${FX_BUILD_PACKAGES[@]}" "${FX_RUN_PACKAGES[@]}"
fx_build build

BIN="$FX_ROOT/build/src/app"
STARTED=()
cleanup() {
  for pid in "${STARTED[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${STARTED[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

# Which Redis? The environment or .env may name one (REDIS_HOST / REDIS_PORT).
envval() { # NAME: the value from the environment, else from ./.env
  local v="${!1:-}"
  if [ -z "$v" ] && [ -f .env ]; then
    v=$(sed -n "s/^[[:space:]]*\(export[[:space:]]\+\)\?$1[[:space:]]*=[[:space:]]*//p" .env | tail -n1 | sed 's/[[:space:]]#.*//; s/^["'\'']//; s/["'\'']$//')
  fi
  printf '%s' "$v"
}
REDIS_HOST_CFG=$(envval REDIS_HOST)
REDIS_PORT_CFG=$(envval REDIS_PORT)
export REDIS_HOST="${REDIS_HOST_CFG:-127.0.0.1}"
export REDIS_PORT="${REDIS_PORT_CFG:-6379}"

redis_up() { redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" --no-auth-warning ping 2>/dev/null | grep -q PONG; }

LOCAL_PIPELINE=0
if [ -z "$REDIS_HOST_CFG" ]; then
  LOCAL_PIPELINE=1
  if ! redis_up; then
    fx_log "starting a local redis-server on 127.0.0.1:$REDIS_PORT (no persistence)"
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize no \
      --loglevel warning >/dev/null &
    STARTED+=($!)
    for _ in $(seq 50); do redis_up && break; sleep 0.1; done
    redis_up || fx_die "redis-server did not start on port $REDIS_PORT"
  fi
elif ! redis_up; then
  fx_log "Redis at $REDIS_HOST:$REDIS_PORT does not answer yet; the server will keep retrying"
fi

if [ -x "$BIN/fxmonitor-feed" ] && { [ "$LOCAL_PIPELINE" = 1 ] || [ "${FX_FEED:-0}" = 1 ]; }; then
  fx_log "starting the simulated pipeline feed (fxmonitor-feed)"
  "$BIN/fxmonitor-feed" --redis-host "$REDIS_HOST" --redis-port "$REDIS_PORT" &
  STARTED+=($!)
fi

if [ -x "$BIN/fxmonitor" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  fx_log "opening the desktop app"
  "$BIN/fxmonitor" "$@"
else
  fx_log "no display: starting the headless server (Ctrl+C to stop)"
  "$BIN/fxmonitor-server" "$@"
fi
