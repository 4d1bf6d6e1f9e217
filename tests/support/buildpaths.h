#pragma once

// The executables of the build the tests belong to. Their paths are compiled into
// buildpaths.cpp alone, not into every test: the tests' objects are then the same in every build
// directory, and a second one (build-portable, TESTING.md "The portable build") takes them from
// ccache.

#include <QString>

namespace fx::test {

QString serverBin(); // fxmonitor-server
QString conformanceBin(); // fxmonitor-conformance-server
QString feedBin(); // fxmonitor-feed (empty when the feed is not built)

} // namespace fx::test
