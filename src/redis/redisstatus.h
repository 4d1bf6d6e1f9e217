#pragma once

// The state of the Redis subscription as the rest of the product sees it (server_stats,
// /health, the desktop's status bar). A plain value; RedisSubscriber::status() copies it out
// under a lock, so any thread may hold one.

#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fx::redis {

enum class RedisState { Idle, Connecting, Connected, Disconnected };
QString redisStateName(RedisState s);

struct RedisStatus
{
    RedisState state = RedisState::Idle;
    QString reason; // why disconnected (empty otherwise)
    qint64 retryInMs = 0; // when disconnected: delay before the next attempt
    QString endpoint;
    QString via = QStringLiteral("direct"); // REDIS.md: "direct", "sentinel" or "cluster"
    QStringList channels;
    int db = 0;
    quint64 connects = 0; // successful subscriptions since start
    qint64 connectedSinceMicros = 0;

    bool connected() const { return state == RedisState::Connected; }
    // "Redis connected", "Redis disconnected (Connection refused), retrying in 800 ms", ...
    QString describe() const;
};

} // namespace fx::redis

Q_DECLARE_METATYPE(fx::redis::RedisStatus)
