# Shared by scripts/run.sh and scripts/test.sh: package installation and the build.
# shellcheck shell=bash

FX_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

fx_log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
fx_die() { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

# Packages to build and run everything. Qt Charts needs libqt6opengl6-dev to configure; the SQL
# drivers and xauth are only recommendations of Qt and xvfb, so they are named; fonts make
# screenshots readable (fonts-noto-cjk: the Japanese window); qt6-translations-l10n holds Qt's
# own translations (qtbase_<lang>.qm: dialog buttons) loaded beside ours.
FX_BUILD_PACKAGES=(
  qt6-base-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-svg-dev libqt6opengl6-dev libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
  libhiredis-dev libjwt-dev libssl-dev pkg-config cmake ninja-build g++ ccache fonts-dejavu-core qtkeychain-qt6-dev
  libsystemd-dev qt6-translations-l10n fonts-noto-cjk
)
# The Debian package (scripts/package.sh, installer/): help2man writes the man pages from
# --help, dpkg-dev's dpkg-shlibdeps computes the dependencies.
FX_PACKAGE_PACKAGES=(dpkg-dev help2man)
# Checks of the package (scripts/check-package.sh): lintian, the unit (systemd-analyze), the
# desktop entry, the AppStream metadata; curl asks the unpacked server for /health, sqlite3
# takes the online backup docs/OPERATIONS.md describes.
FX_PACKAGE_TEST_PACKAGES=(lintian systemd desktop-file-utils appstream curl sqlite3)
# libsecret-1-0: QtKeychain loads it at run time to reach the Secret Service (the desktop's keyring).
FX_RUN_PACKAGES=(redis-server xvfb xauth libsecret-1-0)
# The benchmarks' extras (bench/, docs/PERFORMANCE.md): gnuplot-nox draws bench/plot_p99.sh's
# p99 curve, linux-perf profiles the server under load ("Kernel pace").
FX_BENCH_PACKAGES=(gnuplot-nox linux-perf)
FX_TEST_PACKAGES=(redis-server redis-sentinel nginx postgresql xvfb xauth python3-socketio python3-engineio python3-aiohttp python3-requests python3-websocket python3-jwt python3-cryptography openssl chromium nodejs
  clang-format dbus gnome-keyring libsecret-tools python3-dbus)

fx_as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    fx_die "need root (or sudo) to run: $*"; fi
}

# Installs whichever of the given Debian packages are missing.
fx_install() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  # npm comes with Debian's nodejs only on some releases; a node without npm is not enough.
  fx_log "installing: ${missing[*]}"
  fx_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 update -q >/dev/null
  fx_as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q \
    --no-install-recommends "${missing[@]}" >/dev/null
}

# ccache keys on the compiler's command line: with paths relative to the checkout and the build
# directory left out, a second build directory (build-portable, scripts/test.sh) reuses every
# object whose command line is the same.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$FX_ROOT}"
export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"

# Configures and builds into $1 with extra CMake arguments.
fx_build() {
  local dir="$1"; shift
  local gen=()
  command -v ninja >/dev/null && gen=(-G Ninja)
  if [ ! -f "$dir/CMakeCache.txt" ]; then
    fx_log "configuring $dir"
    cmake -S "$FX_ROOT" -B "$dir" "${gen[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  elif [ $# -gt 0 ]; then
    cmake -S "$FX_ROOT" -B "$dir" "$@" >/dev/null
  fi
  fx_log "building $dir"
  cmake --build "$dir" -j"$(nproc)"
}

# Runs cpack -G DEB in the built tree $1 and prints the path of the .deb.
fx_package() {
  local dir="$1"
  fx_log "packaging $dir (cpack -G DEB)"
  rm -rf "$dir/package"
  (cd "$dir" && cpack -G DEB >/dev/null)
  local deb
  deb=$(ls "$dir"/package/*.deb)
  [ -f "$deb" ] || fx_die "cpack made no .deb in $dir/package"
  realpath "$deb"
}

# Prints a free loopback TCP port.
fx_free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
