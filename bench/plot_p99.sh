#!/usr/bin/env bash
# Plots p99 latency against deliveries/s from `bench_fanout curve --csv` for each target and
# client count (docs/PERFORMANCE.md, "Kernel pace"): one line per target x clients, points with
# lost deliveries marked. Installs gnuplot-nox (FX_BENCH_PACKAGES) when it is missing.
#
#   bench/plot_p99.sh p99.csv [docs/screenshots/perf-p99.png] [title]
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

csv="${1:?usage: bench/plot_p99.sh p99.csv [out.png] [title]}"
out="${2:-$FX_ROOT/docs/screenshots/perf-p99.png}"
title="${3:-p99 latency (Redis PUBLISH to client recv) against deliveries/s, server on one core}"
command -v gnuplot >/dev/null || fx_install "${FX_BENCH_PACKAGES[@]}"

# One data block per target x clients (gnuplot's "index"), in the order they appear.
blocks="$(mktemp)"
trap 'rm -f "$blocks"' EXIT
awk -F, 'NR > 1 { key = $1 "," $2; if (!(key in seen)) { seen[key] = n++; order[seen[key]] = key }
                  rows[seen[key]] = rows[seen[key]] $0 "\n" }
         END { for (i = 0; i < n; i++) { printf "# %s\n%s\n\n", order[i], rows[i] } }' "$csv" >"$blocks"
mapfile -t keys < <(grep '^# ' "$blocks" | cut -c3-)
[ ${#keys[@]} -gt 0 ] || fx_die "no rows in $csv"

plots=()
for i in "${!keys[@]}"; do
  target="${keys[$i]%%,*}"
  clients="${keys[$i]#*,}"
  # fx solid, floor dashed; 1,000 clients blue, 10,000 red (other counts: gnuplot's own colours).
  dash=1; [ "$target" = floor ] && dash=2
  case "$clients" in 1000) colour='#1f5fbf' ;; 10000) colour='#c0392b' ;; *) colour="$((i + 3))" ;; esac
  [[ "$colour" == \#* ]] && colour="rgb '$colour'"
  label="$target, $(printf "%'d" "$clients" 2>/dev/null || echo "$clients") clients"
  plots+=("'$blocks' index $i using 5:7 with linespoints lw 2 dt $dash pt 7 ps 0.8 lc $colour title '$label'")
  plots+=("'$blocks' index $i using 5:(\$9 > 0 ? \$7 : 1/0) with points pt 6 ps 2.2 lc $colour notitle")
done
plots+=("100 with lines lc rgb '#777777' dt 3 title 'p99 = 100 ms'")
plots+=("NaN with points pt 6 ps 2.2 lc rgb '#000000' title 'deliveries lost'")

mkdir -p "$(dirname "$out")"
gnuplot <<EOF
set terminal pngcairo size 1100,650 font 'DejaVu Sans,11'
set output '$out'
set datafile separator ','
set datafile commentschars '#'
set title "$title"
set xlabel 'deliveries per second (measured)'
set ylabel 'p99 latency (ms)'
set logscale xy
set format x '%.0s%c'
set grid xtics ytics mxtics mytics lc rgb '#dddddd'
set key top left box opaque
plot $(IFS=,; echo "${plots[*]}")
EOF
echo "wrote $out"
