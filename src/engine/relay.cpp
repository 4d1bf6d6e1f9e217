#include "engine/relay.h"

#include "core/timeutil.h"
#include "server/streamserver.h"

#include <mutex>

namespace fx::engine {

void Relay::setServer(server::StreamServer *server)
{
    std::unique_lock lock(m_lock);
    m_server = server;
    if (!server)
        return;
    QList<core::MarketEvent> prices;
    QJsonObject redis, db;
    server::FeedStatus feed;
    {
        std::lock_guard state(m_stateLock);
        prices = m_lastPrice.values();
        redis = m_redisStatus;
        db = m_databaseStatus;
        feed = m_feed;
    }
    server->setFeedStatus(feed, false);
    if (!prices.isEmpty())
        server->warmCache(prices);
    if (!redis.isEmpty())
        server->setRedisStatus(redis);
    server->setRedisStatusProvider([this]() -> QJsonObject {
        std::lock_guard source(m_sourceLock);
        if (m_redisSource)
            return m_redisSource();
        std::lock_guard state(m_stateLock);
        return m_redisStatus;
    });
    if (!db.isEmpty())
        server->setDatabaseStatus(db);
}

void Relay::remember(const QList<core::MarketEvent> &events)
{
    std::lock_guard state(m_stateLock);
    for (const core::MarketEvent &e : events)
        if (const auto *t = std::get_if<core::PriceTick>(&e))
            m_lastPrice.insert(t->index, e);
}

void Relay::publish(const QList<core::MarketEvent> &events)
{
    remember(events);
    std::shared_lock lock(m_lock);
    if (m_server)
        m_server->publish(events);
}

void Relay::warm(const QList<core::MarketEvent> &prices)
{
    // The hashes are read right before the subscription starts (one pipeline), so they are
    // newer than anything relayed before and older than anything relayed after.
    remember(prices);
    std::shared_lock lock(m_lock);
    if (m_server)
        m_server->warmCache(prices);
}

void Relay::setRedisStatus(const QJsonObject &status)
{
    {
        std::lock_guard state(m_stateLock);
        m_redisStatus = status;
    }
    std::shared_lock lock(m_lock);
    if (m_server)
        m_server->setRedisStatus(status);
}

void Relay::setRedisStatusSource(std::function<QJsonObject()> source)
{
    std::lock_guard lock(m_sourceLock);
    m_redisSource = std::move(source);
}

void Relay::setDatabaseStatus(const QJsonObject &status)
{
    {
        std::lock_guard state(m_stateLock);
        m_databaseStatus = status;
    }
    std::shared_lock lock(m_lock);
    if (m_server)
        m_server->setDatabaseStatus(status);
}

void Relay::setFeedUp(bool up)
{
    server::FeedStatus feed;
    {
        std::lock_guard state(m_stateLock);
        if (m_feed.known && m_feed.up == up)
            return;
        const qint64 now = core::nowMicros();
        if (up) {
            m_feed.gapMs = m_feed.known ? (now - m_feed.sinceMicros) / 1000 : 0;
            if (!m_outages.isEmpty() && m_outages.last().endMicros == 0)
                m_outages.last().endMicros = now;
            // The first connect at start-up is no outage for the charts unless it took long.
            if (!m_everUp && !m_outages.isEmpty() && now - m_outages.last().startMicros < kStartupGraceMicros)
                m_outages.removeLast();
            m_everUp = true;
        } else {
            m_outages.append(FeedOutage{now, 0});
            if (m_outages.size() > kMaxFeedOutages)
                m_outages.removeFirst();
        }
        m_feed.known = true;
        m_feed.up = up;
        m_feed.sinceMicros = now;
        feed = m_feed;
    }
    // The event goes through the same inboxes as the broadcasts, in order with them.
    std::shared_lock lock(m_lock);
    if (m_server)
        m_server->setFeedStatus(feed, true);
}

server::FeedStatus Relay::feedStatus() const
{
    std::lock_guard state(m_stateLock);
    return m_feed;
}

QList<FeedOutage> Relay::feedOutages() const
{
    std::lock_guard state(m_stateLock);
    return m_outages;
}

} // namespace fx::engine
