#!/usr/bin/env bash
# Issue 16's figures in one go (docs/PERFORMANCE.md, "Kernel pace"): the table of fx against the
# kernel floor with the ratios and the targets, the p99 curve as CSV, and its plot.
#
#   bench/kernel_pace.sh [build-dir] [out-dir]        # about 30 minutes
#   QUICK=1 bench/kernel_pace.sh build /tmp/pace      # a few minutes: 3 s runs, fewer rows and points
#
# Writes out-dir/table.md (the bench's whole output), out-dir/p99.csv, and
# docs/screenshots/perf-p99.png with its data beside it as perf-p99.csv (PNG=... to put them elsewhere).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-$root/build}"
out="${2:-$build/kernel-pace}"
png="${PNG:-$root/docs/screenshots/perf-p99.png}"
bench="$build/bench/bench_fanout"
[ -x "$bench" ] || { echo "no $bench: build first (cmake --build $build --target bench_fanout)" >&2; exit 2; }
mkdir -p "$out"

table=(table --repeat 3)
curve=(curve --csv "$out/p99.csv")
if [ -n "${QUICK:-}" ]; then
  table=(table --seconds 3 --sweep-seconds 3 --confirm-runs 1 --rows "1k-20k,10k-20k,10k-idle")
  curve+=(--seconds 3 --deliveries "20000,100000,1000000")
fi

{
  echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  "$bench" "${table[@]}"
  echo "# load after the table: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$out/table.md"
before="$(cut -d' ' -f1 /proc/loadavg)"
"$bench" "${curve[@]}" 2>&1 | tee "$out/curve.log"
after="$(cut -d' ' -f1 /proc/loadavg)"
echo "# load after the curve: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/curve.log"
"$root/bench/plot_p99.sh" "$out/p99.csv" "$png" \
  "p99 (Redis PUBLISH to client recv) against deliveries/s, server on one core; $(date -u +%F), load $before-$after"
cp "$out/p99.csv" "${png%.png}.csv" # the data beside its plot
