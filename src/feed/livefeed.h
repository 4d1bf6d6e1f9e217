#pragma once

#include "core/logging.h"
#include "core/settings.h"
#include "feed/feedbatcher.h"
#include "feed/feedoptions.h"
#include "feed/feedrun.h"
#include "redis/redispublisher.h"

#include <QStringList>
#include <QTimer>
#include <array>
#include <functional>

namespace fx::feed {

class FeedSimulator;
class ReplaySource;

// The live feed (FEED.md §9): QTimer slices on the thread that owns it (the main thread of
// fxmonitor-feed). Each slice generates the ticks that are due by the wall clock and sends them
// (and the analytics messages) to Redis in one pipeline, then the latest tick of each pair to
// its price:<PAIR> hash. Redis down: messages are dropped and counted, the connection is
// retried with backoff; the feed never stops because of Redis. Exactly one of sim and replay is
// set; both must outlive the feed.
class LiveFeed
{
public:
    static constexpr int kSliceMs = 10; // timer slice: every slice's messages go in one pipeline
    static constexpr int kSummaryMs = 10000; // one status line every 10 s
    static constexpr int kReplayFastBatch = 5000; // ticks per slice with --speed 0, so signals stay responsive

    LiveFeed(const core::Settings &settings, const FeedOptions &options, FeedSimulator *sim, ReplaySource *replay);

    // Connects (a short blocking attempt) and sends tick 0 at once, then every slice.
    void start();
    // Stops the timers and logs the final status line; idempotent.
    void stop();

    // Called once when a replay reaches the end of its file (after stop()).
    void setFinishedHandler(std::function<void()> f) { m_finished = std::move(f); }

    // What the status lines report.
    const FeedCounters &counters() const { return m_counters; }
    qint64 published() const { return m_published; }
    qint64 deliveries() const { return m_deliveries; } // sum of the PUBLISH replies
    qint64 lagMillis() const { return m_lagMillis; }
    bool isRedisUp() const { return m_redisUp; }
    bool isStopped() const { return m_stopped; }

private:
    void onSlice();
    bool redisAvailable() const;
    void markDown(const QString &error);
    void send(const QList<FeedItem> &items);
    void logSummary(bool final);

    FeedOptions m_options;
    FeedSimulator *m_sim;
    ReplaySource *m_replay;
    std::array<QString, protocol::kChannelKindCount> m_channels;
    QStringList m_pairs;
    redis::RedisPublisher m_publisher;
    FeedBatcher m_batcher;
    QTimer m_slice;
    QTimer m_summary;
    std::function<void()> m_finished;
    FeedCounters m_counters;
    qint64 m_published = 0;
    qint64 m_deliveries = 0;
    qint64 m_wallStart = 0;
    qint64 m_lastSummaryNanos = 0;
    qint64 m_lastSummaryTicks = 0;
    qint64 m_lagMillis = 0;
    bool m_redisUp = false;
    bool m_stopped = false;
    qint64 m_retryAtMillis = 0;
    qint64 m_backoffMillis = 250;
    core::logging::RateLimiter m_redisLog{3, 30000};
};

} // namespace fx::feed
