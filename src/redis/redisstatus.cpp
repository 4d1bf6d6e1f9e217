// RedisSubscriber, status: the connection state under its mutex, statusChanged, and the
// status object server_stats and /health show. The accessors are thread-safe.

#include "redis/redissubscriber.h"

#include "core/timeutil.h"

#include <QJsonArray>

namespace fx::redis {

QString redisStateName(RedisState s)
{
    switch (s) {
    case RedisState::Idle: return QStringLiteral("idle");
    case RedisState::Connecting: return QStringLiteral("connecting");
    case RedisState::Connected: return QStringLiteral("connected");
    case RedisState::Disconnected: return QStringLiteral("disconnected");
    }
    return {};
}

QString RedisStatus::describe() const
{
    switch (state) {
    case RedisState::Idle: return QStringLiteral("Redis idle");
    case RedisState::Connecting: return QStringLiteral("Redis connecting to %1").arg(endpoint);
    case RedisState::Connected:
        return via == u"direct" ? QStringLiteral("Redis connected to %1").arg(endpoint)
                                : QStringLiteral("Redis connected to %1 via %2").arg(endpoint, via);
    case RedisState::Disconnected:
        return retryInMs > 0 ? QStringLiteral("Redis disconnected (%1), retrying in %2 ms").arg(reason).arg(retryInMs)
                             : QStringLiteral("Redis disconnected (%1)").arg(reason);
    }
    return {};
}

void RedisSubscriber::setState(RedisState s, const QString &reason, qint64 retryInMs)
{
    RedisStatus copy;
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.state = s;
        m_status.reason = reason;
        m_status.retryInMs = retryInMs;
        if (s != RedisState::Connected)
            m_status.connectedSinceMicros = 0;
        copy = m_status;
    }
    Q_EMIT statusChanged(copy);
}

void RedisSubscriber::publishStatus()
{
    Q_EMIT statusChanged(status());
}

RedisStatus RedisSubscriber::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

QJsonObject RedisSubscriber::statusJson() const
{
    const RedisStatus s = status();
    QJsonObject messages, drops;
    for (int k = 0; k < protocol::kChannelKindCount; ++k) {
        const QString name = m_config.channels[size_t(k)];
        messages.insert(name, qint64(messagesReceived(protocol::ChannelKind(k))));
        QJsonObject reasons;
        for (int r = 0; r < protocol::kDropReasonCount; ++r) {
            const quint64 n = dropped(protocol::ChannelKind(k), protocol::DropReason(r));
            if (n)
                reasons.insert(protocol::dropReasonName(protocol::DropReason(r)), qint64(n));
        }
        drops.insert(name, reasons);
    }
    QJsonObject o{
        {QStringLiteral("connected"), s.connected()},
        {QStringLiteral("state"), redisStateName(s.state)},
        {QStringLiteral("endpoint"), s.endpoint},
        {QStringLiteral("via"), s.via},
        {QStringLiteral("db"), s.db},
        {QStringLiteral("channels"), QJsonArray::fromStringList(s.channels)},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("dropped"), drops},
        {QStringLiteral("connects"), qint64(s.connects)},
        {QStringLiteral("status"), s.describe()},
    };
    // REDIS.md, "Sentinel" and "Cluster".
    o.insert(QStringLiteral("bad_replies"), qint64(m_badReplies.load(std::memory_order_relaxed)));
    if (m_config.topology() == RedisTopology::Sentinel) {
        o.insert(QStringLiteral("sentinel_master"), m_config.sentinelMaster);
        o.insert(QStringLiteral("master_switches"), qint64(m_masterSwitches.load(std::memory_order_relaxed)));
    }
    if (!s.reason.isEmpty())
        o.insert(QStringLiteral("reason"), s.reason);
    if (s.state == RedisState::Disconnected)
        o.insert(QStringLiteral("retry_in_ms"), s.retryInMs);
    if (s.connectedSinceMicros)
        o.insert(QStringLiteral("connected_since"), core::isoTimestamp(s.connectedSinceMicros));
    return o;
}

} // namespace fx::redis
