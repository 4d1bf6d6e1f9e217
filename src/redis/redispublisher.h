#pragma once

// A blocking Redis client for publishing: used by fxmonitor-feed (its own process and thread)
// and by tests. Reconnects on the next call after a failure. Not for the server's threads.

#include "redis/redisconfig.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

struct redisContext;

namespace fx::redis {

class RedisPublisher
{
public:
    explicit RedisPublisher(RedisConfig config);
    ~RedisPublisher();
    RedisPublisher(const RedisPublisher &) = delete;
    RedisPublisher &operator=(const RedisPublisher &) = delete;

    // Connects (AUTH, SELECT) unless connected; false with *error on failure.
    bool ensureConnected(QString *error);
    bool isConnected() const { return m_ctx != nullptr; }
    void disconnect();

    // Queue commands (pipelined), then flush() sends them and reads every reply.
    void appendPublish(const QString &channel, const QByteArray &payload);
    void appendHashSet(const QByteArray &key, const QList<QPair<QByteArray, QByteArray>> &fields);
    void appendCommand(const QList<QByteArray> &args);
    // Sends what was appended; *subscribers receives the sum of PUBLISH replies.
    bool flush(QString *error, qint64 *subscribers = nullptr);

    // One command now; its reply as text (integers and status too). False on error replies.
    bool command(const QList<QByteArray> &args, QString *error, QByteArray *reply = nullptr);
    bool publish(const QString &channel, const QByteArray &payload, QString *error);

    const RedisConfig &config() const { return m_config; }

private:
    RedisConfig m_config;
    redisContext *m_ctx = nullptr;
    QList<QList<QByteArray>> m_queue;
};

} // namespace fx::redis
