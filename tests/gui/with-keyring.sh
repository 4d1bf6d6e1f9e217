#!/usr/bin/env bash
# Runs a test inside its own D-Bus session with an unlocked GNOME Keyring (the Secret Service),
# with a private HOME and XDG folders, so it never touches the operator's keyring:
#   with-keyring.sh <test binary> [args...]
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: with-keyring.sh <test> [args...]" >&2; exit 2; }
for tool in dbus-run-session gnome-keyring-daemon secret-tool; do
  command -v "$tool" >/dev/null || { echo "with-keyring.sh: $tool not found (Debian: dbus, gnome-keyring, libsecret-tools)" >&2; exit 1; }
done
home="$(mktemp -d /tmp/fxkeyring.XXXXXX)"
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/run" "$home/config" "$home/data" "$home/cache"
chmod 700 "$home/run"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
  XDG_CACHE_HOME="$home/cache"
export FX_TEST_KEYRING="${FX_TEST_KEYRING:-1}"
unset DISPLAY
if [ "$FX_TEST_KEYRING" = hung ]; then
  # A Secret Service that takes the bus name and never answers (a hung keyring).
  dbus-run-session -- bash -c '
    /usr/bin/python3 -c "
import dbus, sys, time
dbus.SessionBus().request_name(\"org.freedesktop.secrets\")
print(\"ready\", flush=True)
time.sleep(600)" > "$HOME/fake.out" &
    fake=$!
    for _ in $(seq 1 100); do grep -q ready "$HOME/fake.out" 2>/dev/null && break; sleep 0.05; done
    "$@"; rc=$?
    kill $fake
    exit $rc' keyring "$@"
else
  # The daemon reads the login password on stdin, creates the login keyring with it and unlocks it.
  dbus-run-session -- bash -c 'printf "test-login-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' keyring "$@"
fi
