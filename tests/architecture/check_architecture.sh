#!/usr/bin/env bash
# The layering rules of docs/ARCHITECTURE.md, checked on the sources (CTest: tst_architecture).
#   - a module includes headers of the modules below it only (arrows point down);
#   - the desktop (src/gui) sees the engine through its narrow headers only;
#   - nothing outside src/app includes a header of src/app;
#   - the server knows no test profile;
#   - no file under src/ is over 600 lines;
#   - a system header of Linux or POSIX (<sys/...>, <unistd.h>, ...) is included only by the fast
#     side of a platform seam (*_linux.cpp; ARCHITECTURE.md, "Platform seams"), and a file named
#     *_portable.cpp includes none; libsystemd only behind FX_HAVE_LIBSYSTEMD.
# Prints every violation and exits 1 when there is one.
set -uo pipefail
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root/src" || exit 2
status=0
fail() { printf 'architecture: %s\n' "$*"; status=1; }

# module -> the modules (include prefixes) its files may include
declare -A allowed=(
  [core]="core"
  [protocol]="core protocol"
  [rules]="core rules"
  [auth]="core auth"
  [redis]="core protocol redis"
  [server]="core protocol rules auth server"
  [storage]="core storage"
  [feed]="core protocol feed redis"
  [engine]="core protocol rules auth server redis storage engine"
  [conformance]="core protocol rules auth server conformance"
  [gui]="core engine gui"
  [app]="core protocol rules auth redis server storage feed engine conformance gui app"
)
# The desktop's narrow view of the layers below the engine: plain values and the async reader.
gui_extra=" server/clientinfo.h server/serverstats.h redis/redisstatus.h storage/storagetypes.h storage/storagereader.h "

for dir in */; do
  module=${dir%/}
  [ -n "${allowed[$module]+x}" ] || { fail "src/$module is not a known module (add it to this check and to ARCHITECTURE.md)"; continue; }
  while IFS= read -r hit; do
    file=${hit%%:*}
    header=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"$hit")
    prefix=${header%%/*}
    [ "$prefix" = "$header" ] && continue # same-directory or generated header (ui_*.h, *.moc)
    ok=0
    for a in ${allowed[$module]}; do [ "$prefix" = "$a" ] && ok=1; done
    [ "$module" = gui ] && [[ "$gui_extra" == *" $header "* ]] && ok=1
    [ $ok = 1 ] || fail "src/$file includes \"$header\" ($module may use: ${allowed[$module]})"
  done < <(grep -rn --include='*.h' --include='*.cpp' '^#include "' "$module")
done

# Code, not comments: a comment may say where the test suites' application lives.
profile=$(grep -rn --include='*.h' --include='*.cpp' -i 'conformance\|profile' server | grep -v -E '^[^:]+:[0-9]+:\s*//')
[ -z "$profile" ] || fail "src/server knows a test profile: $profile"

while read -r lines file; do
  [ "$file" = total ] && continue
  [ "$lines" -gt 600 ] && fail "src/$file has $lines lines (at most 600)"
done < <(find . -name '*.h' -o -name '*.cpp' | sed 's|^\./||' | xargs wc -l)

# Platform seams: everything else builds on Windows and macOS too (FX_PORTABLE compiles the
# *_portable.cpp side instead of *_linux.cpp).
native='^#include <(sys/|linux/|arpa/|netinet/|unistd\.h|fcntl\.h|malloc\.h|poll\.h|sched\.h|pthread\.h|netdb\.h|dlfcn\.h)'
while IFS= read -r hit; do
  file=${hit%%:*}
  [[ "$file" == *_linux.cpp ]] && continue
  fail "src/$file includes a Linux/POSIX header outside a platform seam's *_linux.cpp: ${hit#*:*:}"
done < <(grep -rnE --include='*.h' --include='*.cpp' "$native" .  | sed 's|^\./||')
while IFS= read -r file; do
  grep -q '^#ifdef FX_HAVE_LIBSYSTEMD' "$file" || fail "src/$file includes libsystemd without #ifdef FX_HAVE_LIBSYSTEMD"
done < <(grep -rlE --include='*.cpp' '^#include <systemd/' . | sed 's|^\./||')
for portable in $(find . -name '*_portable.cpp' | sed 's|^\./||'); do
  fast=${portable%_portable.cpp}_linux.cpp
  [ -f "$fast" ] || fail "src/$portable has no fast side $fast (a seam has both)"
done
for fast in $(find . -name '*_linux.cpp' | sed 's|^\./||'); do
  portable=${fast%_linux.cpp}_portable.cpp
  [ -f "$portable" ] || fail "src/$fast has no portable side $portable (a seam has both)"
done

[ $status = 0 ] && echo "architecture: every rule holds"
exit $status
