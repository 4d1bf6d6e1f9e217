#!/usr/bin/env bash
# Builds the Debian package (installer/CMakeLists.txt, docs/OPERATIONS.md): installs what the
# build needs, configures a Release build in ./build-package, builds it, runs cpack -G DEB and
# prints the path of the .deb.
#
#   scripts/package.sh              build-package/package/fxmonitor_<version>_<arch>.deb
#   FX_PACKAGE_BUILD_DIR=dir scripts/package.sh   package from another (configured) build tree
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$FX_ROOT"

fx_install "${FX_BUILD_PACKAGES[@]}" "${FX_PACKAGE_PACKAGES[@]}"
BUILD_DIR=${FX_PACKAGE_BUILD_DIR:-build-package}
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  # Only what the package holds: no tests, no benchmarks. Debian's hardening flags with every
  # feature (fortified functions, immediate binding: lintian's hardening-* findings).
  export DEB_BUILD_MAINT_OPTIONS=hardening=+all
  cxxflags="$(dpkg-buildflags --get CPPFLAGS) $(dpkg-buildflags --get CXXFLAGS)"
  ldflags=$(dpkg-buildflags --get LDFLAGS)
  fx_build "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DFX_BUILD_TESTS=OFF -DFX_BUILD_BENCH=OFF \
    "-DCMAKE_CXX_FLAGS=$cxxflags" "-DCMAKE_EXE_LINKER_FLAGS=$ldflags"
else
  fx_build "$BUILD_DIR"
fi
fx_package "$BUILD_DIR"
