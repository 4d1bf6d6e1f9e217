#pragma once

#include "feed/feedanalytics.h"

#include <QString>
#include <optional>

class QCommandLineParser;

namespace fx::feed {

// fxmonitor-feed's own flags, validated (FEED.md lists them). Plain value type.
struct FeedOptions
{
    static constexpr double kMinRate = 0.001;
    static constexpr double kMaxRate = 1'000'000;

    double rate = 20; // --rate, ticks per second
    int batch = 0; // --batch, 0 = one object per message
    std::optional<quint64> seed; // --seed; unset = random (logged)
    std::optional<qint64> startMicros; // --start-time; unset = now (dry run: kDryRunEpoch)
    qint64 dryRun = 0; // --dry-run N, 0 = live
    double timeScale = 60; // --time-scale
    double burstProbability = 0.0025; // --burst-probability
    bool analytics = true; // --no-analytics clears it
    bool cache = true; // --no-cache clears it (no HSET price:<PAIR>)
    AnalyticsConfig analyticsConfig; // --vol-*, --corr-*
    QString replayFile; // --replay
    double speed = 1; // --speed (replay), 0 = as fast as possible

    // Start of feed time for a dry run without --start-time, so that two dry runs with the
    // same seed print the same bytes: 2025-01-01T00:00:00Z.
    static constexpr qint64 kDryRunEpoch = 1735689600LL * 1000000LL;

    // Adds the flags to the shared command line (before it is processed).
    static void addTo(QCommandLineParser &parser);
    // Reads and validates them after processing. nullopt with one line in *error naming the flag.
    static std::optional<FeedOptions> fromParser(const QCommandLineParser &parser, QString *error);
};

} // namespace fx::feed
