#!/usr/bin/env bash
# Checks the Debian package (scripts/test.sh runs it after the tests; docs/OPERATIONS.md):
#   - lintian: no error and no warning that installer/debian/lintian-overrides does not explain;
#   - the contents: programs, man pages, desktop entry, icons, metainfo, translations, unit,
#     conffile, maintainer scripts (sh -n);
#   - the env file lists every setting fxmonitor-server --print-config knows;
#   - systemd-analyze verify on the unit, desktop-file-validate, appstreamcli validate;
#   - the unpacked fxmonitor-server, started with the unit's ExecStart line (paths moved into
#     the unpacked tree; a temporary database, a free port and a private redis-server in the
#     environment), answers /health and stops with status 0 on SIGTERM.
#
# With --install (as root, on a machine where the package may come and go): dpkg -i, the
# service's ExecStart run by hand as the user fxmonitor answers /health and stops with 0, an
# upgrade (the same package again) keeps an edited conffile and the database, dpkg --purge
# leaves no file, directory, user or unit state behind.
#
#   scripts/check-package.sh [--install] path/to/fxmonitor_<version>_<arch>.deb
set -euo pipefail
source "$(dirname "$0")/lib.sh"
install_test=0
if [ "${1:-}" = --install ]; then install_test=1; shift; fi
deb=$(realpath "${1:?usage: scripts/check-package.sh [--install] <package.deb>}")
fx_install "${FX_PACKAGE_TEST_PACKAGES[@]}" redis-server

work=$(mktemp -d)
# The desktop app's --help makes a QApplication: a private runtime directory keeps it quiet.
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 0700 "$XDG_RUNTIME_DIR"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { printf '\033[1;31mpackage check failed:\033[0m %s\n' "$*" >&2; failures=$((failures + 1)); }
pass() { printf 'package: %s\n' "$*" >&2; }

# ---- lintian ----
# --fail-on warning: a warning fails unless the override file explains it.
if lintian --fail-on error,warning --no-tag-display-limit --display-info "$deb" >"$work/lintian.txt" 2>&1; then
  pass "lintian: no error, no unexplained warning ($(grep -c '^[IP]:' "$work/lintian.txt" || true) info/pedantic)"
else
  cat "$work/lintian.txt" >&2
  fail "lintian"
fi

# ---- contents ----
root="$work/root"
dpkg-deb -x "$deb" "$root"
dpkg-deb -e "$deb" "$work/control"
for f in usr/bin/fxmonitor-server usr/bin/fxmonitor usr/bin/fxmonitor-feed \
         usr/share/man/man1/fxmonitor-server.1.gz usr/share/man/man1/fxmonitor.1.gz \
         usr/share/man/man1/fxmonitor-feed.1.gz usr/share/applications/fxmonitor.desktop \
         usr/share/icons/hicolor/scalable/apps/fxmonitor.svg usr/share/icons/hicolor/48x48/apps/fxmonitor.png \
         usr/share/icons/hicolor/256x256/apps/fxmonitor.png usr/lib/systemd/system/fxmonitor-server.service \
         etc/fxmonitor/fxmonitor.env usr/share/lintian/overrides/fxmonitor usr/share/doc/fxmonitor/copyright \
         usr/share/doc/fxmonitor/changelog.gz usr/share/doc/fxmonitor/examples/nginx/fxmonitor.conf; do
  [ -e "$root/$f" ] || fail "missing /$f"
done
ls "$root"/usr/share/metainfo/*.metainfo.xml >/dev/null 2>&1 || fail "no AppStream metainfo"
qms=$(find "$root/usr/share/fxmonitor/translations" -name '*.qm' 2>/dev/null | wc -l)
[ "$qms" -gt 0 ] || fail "no compiled translations in /usr/share/fxmonitor/translations"
grep -qx /etc/fxmonitor/fxmonitor.env "$work/control/conffiles" || fail "fxmonitor.env is not a conffile"
for s in postinst prerm postrm; do sh -n "$work/control/$s" || fail "$s does not parse"; done
grep -q 'libQt6Core' <(dpkg-deb -f "$deb" Depends) || grep -q 'libqt6core6' <(dpkg-deb -f "$deb" Depends) \
  || fail "Depends does not name Qt (dpkg-shlibdeps did not run?)"
pass "contents: programs, man pages, desktop entry, icons, metainfo, $qms translation(s), unit, conffile"

# Every setting the server knows is in the env file (commented or set).
server="$root/usr/bin/fxmonitor-server"
missing=""
while IFS='=' read -r name _; do
  grep -Eq "^#?$name=" "$root/etc/fxmonitor/fxmonitor.env" || missing+=" $name"
done < <(env -i PATH=/usr/bin:/bin "$server" --print-config)
[ -z "$missing" ] && pass "fxmonitor.env lists every setting" || fail "fxmonitor.env lacks:$missing"
# The man pages are the programs' --help (help2man): every option is in them.
for prog in fxmonitor-server fxmonitor-feed fxmonitor; do
  page=$(zcat "$root/usr/share/man/man1/$prog.1.gz")
  while read -r opt; do
    grep -qF -- "${opt//-/\\-}" <<<"$page" || fail "man page of $prog lacks $opt"
  done < <(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$prog" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u)
done
pass "man pages name every option of --help"

# ---- validators ----
unit="$root/usr/lib/systemd/system/fxmonitor-server.service"
# systemd-analyze verify works without systemd as PID 1 (units are loaded from files), but it
# checks that ExecStart's program exists: a copy of the unit names the unpacked program.
# --man=no: the man page of Documentation= is checked above (it is not installed here).
mkdir -p "$work/unit"
sed "s|/usr/bin/fxmonitor-server|$root/usr/bin/fxmonitor-server|" "$unit" >"$work/unit/fxmonitor-server.service"
if systemd-analyze verify --man=no "$work/unit/fxmonitor-server.service" >"$work/verify.txt" 2>&1 \
   && [ ! -s "$work/verify.txt" ]; then
  pass "systemd-analyze verify: the unit is clean"
else
  cat "$work/verify.txt" >&2
  fail "systemd-analyze verify"
fi
# Hints count too (a second main category, say): the entry must be clean.
if desktop-file-validate "$root/usr/share/applications/fxmonitor.desktop" >"$work/desktop.txt" 2>&1 \
   && [ ! -s "$work/desktop.txt" ]; then
  pass "desktop-file-validate: clean"
else
  cat "$work/desktop.txt" >&2
  fail "desktop-file-validate"
fi
appstreamcli validate --no-net "$root"/usr/share/metainfo/*.metainfo.xml >"$work/as.txt" 2>&1 \
  && pass "appstreamcli validate: $(tail -1 "$work/as.txt")" || { cat "$work/as.txt" >&2; fail "appstreamcli validate"; }

# ---- the unpacked server answers /health ----
redis_port=$(fx_free_port)
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no --daemonize no \
  >"$work/redis.log" 2>&1 &
pids+=($!)
port=$(fx_free_port)
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
read -r -a cmd <<<"${exec_start//\/usr\/bin\//$root/usr/bin/}"
cmd=("${cmd[@]//\/etc\//$root/etc/}")
# As the unit's sandbox would have it where this kernel can (Linux 6.3+): no new privileges, and
# memory never both writable and executable (PR_SET_MDWE, what MemoryDenyWriteExecute= asks).
mdwe='import ctypes,os,sys
libc=ctypes.CDLL(None,use_errno=True)
if libc.prctl(65,1,0,0,0)!=0: sys.exit(3)
os.execvp(sys.argv[1],sys.argv[1:])'
sandbox=(setpriv --no-new-privs)
sandboxed="NoNewPrivileges"
if /usr/bin/python3 -c "$mdwe" /bin/true; then
  sandbox=(/usr/bin/python3 -c "$mdwe" setpriv --no-new-privs)
  sandboxed="NoNewPrivileges and MemoryDenyWriteExecute"
fi
env WEBSOCKET_PORT="$port" REDIS_PORT="$redis_port" DB_PATH="$work/db/fxmonitor.sqlite" \
  "${sandbox[@]}" "${cmd[@]}" >"$work/server.out" 2>"$work/server.log" &
server_pid=$!
pids+=("$server_pid")
health=""
for _ in $(seq 1 100); do
  if grep -q listening "$work/server.out" 2>/dev/null; then
    health=$(curl -fsS "http://127.0.0.1:$port/health" || true)
    [ -n "$health" ] && break
  fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if [[ "$health" == *'"status"'* ]]; then
  pass "the unpacked fxmonitor-server ($exec_start, $sandboxed) answers /health: $health"
else
  cat "$work/server.out" "$work/server.log" >&2
  fail "the unpacked fxmonitor-server did not answer /health"
fi
kill -TERM "$server_pid" 2>/dev/null || true
rc=0
wait "$server_pid" || rc=$?
[ "$rc" = 0 ] && pass "it stops with status 0 on SIGTERM" || fail "it stopped with status $rc on SIGTERM"

# ---- installed: dpkg -i, the service's command as fxmonitor, upgrade, purge ----
if [ "$install_test" = 1 ]; then
  [ "$(id -u)" = 0 ] || fx_die "--install needs root"
  dpkg -s fxmonitor >/dev/null 2>&1 && fx_die "--install: fxmonitor is installed already; purge it first"
  if dpkg -i "$deb" >"$work/dpkg.txt" 2>&1; then
    pass "dpkg -i"
    [ "$(stat -c '%U:%G %a' /etc/fxmonitor/fxmonitor.env)" = "root:fxmonitor 640" ] \
      || fail "fxmonitor.env is $(stat -c '%U:%G %a' /etc/fxmonitor/fxmonitor.env), not root:fxmonitor 640"
    [ "$(stat -c '%U:%G' /var/lib/fxmonitor)" = "fxmonitor:fxmonitor" ] || fail "/var/lib/fxmonitor is not fxmonitor's"
    port=$(fx_free_port)
    # setpriv execs (runuser would fork): $runner is the server itself.
    (cd /var/lib/fxmonitor && exec setpriv --reuid=fxmonitor --regid=fxmonitor --init-groups \
      env WEBSOCKET_PORT="$port" REDIS_PORT="$redis_port" $exec_start >"$work/installed.out" 2>"$work/installed.log") &
    runner=$!
    health=""
    for _ in $(seq 1 100); do
      grep -q listening "$work/installed.out" 2>/dev/null && health=$(curl -fsS "http://127.0.0.1:$port/health" || true)
      [ -n "$health" ] && break
      kill -0 "$runner" 2>/dev/null || break
      sleep 0.1
    done
    [[ "$health" == *'"status"'* ]] && pass "installed, $exec_start as fxmonitor answers /health: $health" \
      || { cat "$work/installed.out" "$work/installed.log" >&2; fail "the installed server did not answer /health"; }
    [ -f /var/lib/fxmonitor/fxmonitor.sqlite ] || fail "no database in /var/lib/fxmonitor"
    kill -TERM "$runner" 2>/dev/null || true
    rc=0
    wait "$runner" || rc=$?
    [ "$rc" = 0 ] && pass "it stops with status 0" || fail "the installed server stopped with status $rc"
    # An upgrade keeps an edited conffile and the database.
    sed -i 's/^#LOG_LEVEL=INFO$/LOG_LEVEL=WARNING/' /etc/fxmonitor/fxmonitor.env
    dpkg -i "$deb" >>"$work/dpkg.txt" 2>&1 || fail "dpkg -i over the installed package"
    grep -qx 'LOG_LEVEL=WARNING' /etc/fxmonitor/fxmonitor.env && [ -f /var/lib/fxmonitor/fxmonitor.sqlite ] \
      && pass "an upgrade keeps the edited conffile and the database" || fail "the upgrade lost the conffile or the database"
  else
    cat "$work/dpkg.txt" >&2
    fail "dpkg -i"
  fi
  dpkg --purge fxmonitor >>"$work/dpkg.txt" 2>&1 || fail "dpkg --purge"
  left=""
  getent passwd fxmonitor >/dev/null && left+=" user"
  getent group fxmonitor >/dev/null && left+=" group"
  for f in /etc/fxmonitor /var/lib/fxmonitor /usr/bin/fxmonitor-server /usr/lib/systemd/system/fxmonitor-server.service \
           /etc/systemd/system/fxmonitor-server.service /etc/systemd/system/multi-user.target.wants/fxmonitor-server.service \
           /var/lib/systemd/deb-systemd-helper-enabled/fxmonitor-server.service.dsh-also \
           /var/lib/systemd/deb-systemd-helper-masked/fxmonitor-server.service; do
    [ -e "$f" ] || [ -L "$f" ] && left+=" $f"
  done
  [ -z "$left" ] && pass "dpkg --purge leaves nothing behind" || fail "left after purge:$left"
fi

[ "$failures" = 0 ] || { fx_log "$failures package check(s) failed"; exit 1; }
fx_log "package checks passed: $deb"
