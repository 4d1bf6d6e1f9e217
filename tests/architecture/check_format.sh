#!/usr/bin/env bash
# Every C++ file of ours is formatted by the repository's .clang-format (CTest: tst_format).
# Reformat with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root" || exit 2
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/test.sh installs it)"; exit 1; }
mapfile -t files < <(find src tests bench installer -name node_modules -prune -o \( -name '*.cpp' -o -name '*.h' \) -print | sort)
if clang-format --dry-run --Werror "${files[@]}" 2>/tmp/fx-format.$$; then
  echo "format: ${#files[@]} files match .clang-format"
  rm -f /tmp/fx-format.$$
  exit 0
fi
grep -E '^[^ ].*(warning|error):' /tmp/fx-format.$$ | cut -d: -f1 | sort -u | sed 's/^/format: not formatted: /'
rm -f /tmp/fx-format.$$
exit 1
