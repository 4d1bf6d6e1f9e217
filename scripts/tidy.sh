#!/usr/bin/env bash
# Runs the clang-tidy checks of .clang-tidy over src/ with the compile commands of a build tree
# (default ./build; configure it first, e.g. cmake --preset dev). Exits non-zero on a finding.
#   scripts/tidy.sh [build-dir] [file...]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"
BUILD_DIR=${1:-build}
shift || true
command -v run-clang-tidy >/dev/null || fx_install clang-tidy
[ -f "$BUILD_DIR/compile_commands.json" ] || fx_die "no $BUILD_DIR/compile_commands.json: configure first (cmake --preset dev)"
if [ $# -gt 0 ]; then targets=("$@"); else targets=("$FX_ROOT/src/"); fi
run-clang-tidy -p "$BUILD_DIR" -j "$(nproc)" -quiet "${targets[@]}"
