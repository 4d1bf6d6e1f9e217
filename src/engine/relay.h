#pragma once

// Connects the Redis subscriber's thread to whichever StreamServer is running now. The
// desktop app can stop, reconfigure and restart its server while Redis keeps flowing; the
// relay keeps the newest price per pair and warms each new server's price cache with them.
// Thread-safe: the Redis thread calls publish()/warm()/setRedisStatus(), the main thread
// setServer().

#include "core/marketdata.h"
#include "engine/enginestatus.h"
#include "server/feedstatus.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <functional>
#include <mutex>
#include <shared_mutex>

namespace fx::server {
class StreamServer;
}

namespace fx::engine {

class Relay
{
public:
    // Waits for calls in flight on the old server before returning.
    void setServer(server::StreamServer *server);
    void publish(const QList<core::MarketEvent> &events);
    void warm(const QList<core::MarketEvent> &prices);
    void setRedisStatus(const QJsonObject &status);
    void setDatabaseStatus(const QJsonObject &status);
    // Live Redis status (counters included) for every server; clear it before the subscriber
    // goes away: this waits for calls in flight.
    void setRedisStatusSource(std::function<QJsonObject()> source);
    // PROTOCOL.md, feed_status: whether the Redis subscriber has its connection (any thread).
    // A change is announced to the server's subscribed clients and ends or starts an outage.
    void setFeedUp(bool up);
    server::FeedStatus feedStatus() const;
    QList<FeedOutage> feedOutages() const;
    static constexpr int kMaxFeedOutages = 1000;

private:
    void remember(const QList<core::MarketEvent> &events);

    std::shared_mutex m_lock; // shared: calls into the server; exclusive: swapping it
    server::StreamServer *m_server = nullptr;
    mutable std::mutex m_stateLock;
    QHash<int, core::MarketEvent> m_lastPrice; // newest price per pair index
    QJsonObject m_redisStatus;
    QJsonObject m_databaseStatus;
    server::FeedStatus m_feed; // under m_stateLock
    QList<FeedOutage> m_outages; // under m_stateLock
    bool m_everUp = false; // under m_stateLock
    static constexpr qint64 kStartupGraceMicros = 1'000'000;
    std::mutex m_sourceLock; // held while the source runs
    std::function<QJsonObject()> m_redisSource;
};

} // namespace fx::engine
