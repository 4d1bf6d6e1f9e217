#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, installs the pinned npm test clients,
# then runs the CTest suites (unit, integration with real redis-server and PostgreSQL,
# interop with real Socket.IO clients and Chromium, offscreen GUI).
#
#   scripts/test.sh                 build in ./build and run everything
#   FX_SANITIZE=1 scripts/test.sh   the same with AddressSanitizer + UBSan in ./build-asan
#   FX_SANITIZE=thread scripts/test.sh   ThreadSanitizer in ./build-tsan: every suite but the
#                                   desktop's (headless build, TESTING.md); any report fails
#   scripts/test.sh -R settings     extra arguments go to ctest
#   FX_PORTABLE_SUITE=0 scripts/test.sh   without the second run in ./build-portable
#
# A whole run (no sanitizer, no ctest arguments) also builds ./build-portable with
# -DFX_PORTABLE=ON (only the portable side of every platform seam, ARCHITECTURE.md) and runs the
# whole suite there first; ccache gives it every object the seams do not change. The run ends
# with the main build's CTest summary; it fails when either suite fails.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"

fx_install "${FX_BUILD_PACKAGES[@]}" "${FX_TEST_PACKAGES[@]}" "${FX_PACKAGE_PACKAGES[@]}" "${FX_PACKAGE_TEST_PACKAGES[@]}"
command -v npm >/dev/null || fx_install npm

BUILD_DIR=build
EXTRA=()
if [ "${FX_SANITIZE:-0}" = 1 ]; then
  BUILD_DIR=build-asan
  EXTRA=(-DFX_SANITIZE=ON)
  # Leaks count as failures; tests/lsan.supp names the third-party ones kept until exit.
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
  export LSAN_OPTIONS="suppressions=$FX_ROOT/tests/lsan.supp:${LSAN_OPTIONS:-}"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
elif [ "${FX_SANITIZE:-0}" = thread ]; then
  BUILD_DIR=build-tsan
  # Headless: the desktop's suites are not built (TESTING.md, "ThreadSanitizer" says why).
  EXTRA=(-DFX_SANITIZE=thread -DFX_BUILD_GUI=OFF -DFX_BUILD_BENCH=OFF)
  # A report stops the process at once with status 66 (so its test fails) and is also written
  # to build-tsan/tsan-reports/, which is checked after the run: a report in a child process
  # (a server a test started) fails the run even if that test did not notice. tests/tsan.supp
  # names the third-party code that is suppressed, and why.
  TSAN_REPORTS="$FX_ROOT/$BUILD_DIR/tsan-reports"
  rm -rf "$TSAN_REPORTS" && mkdir -p "$TSAN_REPORTS"
  # ignore_noninstrumented_modules: Debian's Qt, GLib, libpq, hiredis and OpenSSL are not
  # instrumented (tests/tsan.supp says why that needs it). die_after_fork=0: QProcess forks
  # from a multi-threaded test to start redis-server, PostgreSQL and our servers; the child
  # only execs.
  export TSAN_OPTIONS="halt_on_error=1:exitcode=66:second_deadlock_stack=1:ignore_noninstrumented_modules=1:die_after_fork=0:log_path=$TSAN_REPORTS/report:suppressions=$FX_ROOT/tests/tsan.supp:${TSAN_OPTIONS:-}"
fi
fx_build "$BUILD_DIR" "${EXTRA[@]}"

for dir in tests/interop examples; do
  if [ -f "$dir/package-lock.json" ]; then
    fx_log "installing the pinned npm packages of $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done

status=0
# The Debian package from the tree just built (no second build), checked (docs/TESTING.md,
# "The Debian package"); not for a sanitizer build or a run of chosen suites. Before the tests,
# so that the run ends with CTest's summary.
if [ "${FX_SANITIZE:-0}" = 0 ] && [ $# -eq 0 ]; then
  if deb=$(fx_package "$BUILD_DIR"); then
    scripts/check-package.sh "$deb" || status=1
  else
    fx_log "cpack failed"
    status=1
  fi
fi

export QT_QPA_PLATFORM=offscreen
if [ "${FX_SANITIZE:-0}" = 0 ] && [ $# -eq 0 ] && [ "${FX_PORTABLE_SUITE:-1}" != 0 ]; then
  started=$SECONDS
  fx_build build-portable -DFX_PORTABLE=ON -DFX_BUILD_BENCH=OFF
  fx_log "build-portable built in $((SECONDS - started)) s; running the tests of the portable build"
  portable_status=0
  (cd build-portable && ctest --output-on-failure -j2 --timeout 600) || portable_status=$?
  if [ "$portable_status" != 0 ]; then
    fx_log "the portable build's suite FAILED (see above)"
    status=1
  fi
fi

fx_log "running the tests"
cd "$BUILD_DIR"
rc=0
ctest --output-on-failure -j2 --timeout 600 "$@" || rc=$?
[ "$rc" = 0 ] || status=$rc
if [ -n "${TSAN_REPORTS:-}" ] && [ -n "$(ls -A "$TSAN_REPORTS")" ]; then
  cat "$TSAN_REPORTS"/* >&2
  fx_log "ThreadSanitizer reported in $(ls "$TSAN_REPORTS" | wc -l) process(es): see above"
  status=1
fi
exit "$status"
