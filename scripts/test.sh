#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, installs the pinned npm test clients,
# then runs the CTest suites (unit, integration with real redis-server and PostgreSQL,
# interop with real Socket.IO clients and Chromium, offscreen GUI).
#
#   scripts/test.sh                 build in ./build and run everything
#   FX_SANITIZE=1 scripts/test.sh   the same with AddressSanitizer + UBSan in ./build-asan
#   scripts/test.sh -R settings     extra arguments go to ctest
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"

fx_install "${FX_BUILD_PACKAGES[@]}" "${FX_TEST_PACKAGES[@]}"
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
fi
fx_build "$BUILD_DIR" "${EXTRA[@]}"

for dir in tests/interop examples; do
  if [ -f "$dir/package-lock.json" ]; then
    fx_log "installing the pinned npm packages of $dir (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  fi
done

fx_log "running the tests"
cd "$BUILD_DIR"
export QT_QPA_PLATFORM=offscreen
ctest --output-on-failure -j2 --timeout 600 "$@"
