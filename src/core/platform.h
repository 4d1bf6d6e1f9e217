#pragma once

// Platform seam (ARCHITECTURE.md, "Platform seams"): small facts about the process that only the
// system can tell. platform_linux.cpp asks Linux; with FX_PORTABLE, platform_portable.cpp
// answers with Qt alone (or that it does not know).

#include <QtGlobal>

namespace fx::core::platform {

// True in a build with -DFX_PORTABLE=ON (only the portable side of every seam compiled).
bool isPortableBuild();

// Whether standard error is the file with this device and inode number (systemd's
// JOURNAL_STREAM names the journal's stream so); false in the portable build.
bool stderrIs(qulonglong device, qulonglong inode);

// Raises this process's limit of open descriptors to its hard limit (every client is one);
// nothing in the portable build.
void raiseDescriptorLimit();

} // namespace fx::core::platform
