#pragma once

#include "core/settings.h"
#include "feed/feedoptions.h"

#include <cstdio>

namespace fx::feed {

class FeedSimulator;
class ReplaySource;

// --dry-run N (FEED.md §8): no Redis, no timers; the first N ticks of the simulator (or of
// the replay, without pacing) and their analytics messages, every message as one line
// {"channel":"<configured name>","payload":<the message>} on `out`. Returns the exit status.
// Exactly one of sim and replay is set.
int runDryRun(const core::Settings &settings, const FeedOptions &options, FeedSimulator *sim, ReplaySource *replay,
              std::FILE *out = stdout);

} // namespace fx::feed
