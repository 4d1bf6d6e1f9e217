#pragma once

// A blocking Redis client for publishing: used by fxmonitor-feed (its own process and thread),
// the fleet heartbeat (its own thread) and tests. Reconnects on the next call after a failure.
// Not for the GUI thread or the server's I/O threads.
//
// REDIS.md, "Sentinel": with sentinels configured it connects to the master they name (after
// checking its ROLE) and asks them again after any connection break or a READONLY reply.
// REDIS.md, "Cluster": it connects to any reachable node (PUBLISH is broadcast across the
// cluster) and follows MOVED/ASK for keyed commands (HSET, SET, DEL, ...).

#include "redis/redisconfig.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <memory>

struct redisContext;

namespace fx::redis {

class ClusterRouter;

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
    // The Redis in use ("host:port"; the configured one before the first connection) and how it
    // was found: "direct", "sentinel" or "cluster".
    QString endpoint() const;
    QString via() const { return m_config.via(); }
    // Masters that changed between two Sentinel lookups; malformed replies refused; MOVED/ASK
    // followed.
    quint64 masterSwitches() const { return m_masterSwitches; }
    quint64 badReplies() const;
    quint64 redirects() const;

private:
    void connectionBroke();
    bool connectTo(const QString &host, quint16 port, QString *error);
    bool connectSentinel(QString *error);
    bool connectCluster(QString *error);
    // A failed reply: follows a cluster redirection (true with *reply replaced) or notes READONLY.
    bool redirected(const QList<QByteArray> &args, void **reply, QString *error);
    bool commandOnce(const QList<QByteArray> &args, QString *error, QByteArray *reply, bool *broken);

    RedisConfig m_config;
    redisContext *m_ctx = nullptr;
    QList<QList<QByteArray>> m_queue;
    QString m_host; // where m_ctx is connected (or was last)
    quint16 m_port = 0;
    int m_sentinelIndex = 0;
    int m_nodeIndex = 0;
    qint64 m_lookupFailedAtMs = -1;
    QString m_lookupError;
    bool m_readOnly = false;
    quint64 m_masterSwitches = 0;
    quint64 m_badReplies = 0;
    std::unique_ptr<ClusterRouter> m_router;
};

} // namespace fx::redis
