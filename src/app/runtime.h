#pragma once

// Start-up steps every executable shares.

#include "core/commandline.h"

#include <optional>

namespace fx::app {

// Must run first in main(), before the application object exists: selects Qt's plain UNIX
// event dispatcher (QT_NO_GLIB=1). The glib dispatcher walks every socket on each
// write-notifier toggle, which cost 40 % of a broadcasting server's CPU when measured.
void preferUnixEventDispatcher();

// Raises the soft limit of open files to the hard limit (one descriptor per client).
void raiseFileLimit();

// Parses the command line, resolves settings and installs logging. Returns an exit status
// when the program must stop now (help, version, invalid setting: 2).
std::optional<int> initialise(core::CommandLine &cli);

} // namespace fx::app
