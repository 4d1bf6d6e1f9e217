#pragma once

// The pipeline's Redis Pub/Sub channels, as Qt signals carrying parsed, validated events.
//
// Thread contract: create the subscriber, moveToThread() its own QThread, then call start()
// through a queued call (RedisSubscriberThread does all of this). Every hiredis call and every
// member except the thread-safe accessors (status(), statusJson()) is used on that thread only.
// Signals are emitted on that thread: connect with Qt::DirectConnection for thread-safe
// consumers (StreamServer::publish) and queued connections for the GUI and storage.
//
// Never exits and never blocks: on any failure it reports the state and reconnects with
// exponential backoff (100 ms doubling to 5 s, with jitter), then resubscribes and warms the
// price cache from the price:<PAIR> hashes again.
//
// REDIS.md, "Sentinel" and "Cluster": with Sentinels it asks them for the master before each
// connect (blocking, each step bounded by RedisConfig::sentinelTimeoutMs, on this thread) and
// watches +switch-master to move at once; with a cluster it subscribes through one reachable
// node, moves to the next when that one fails, and reads the hashes through MOVED/ASK.

#include "core/logging.h"
#include "protocol/payloadparser.h"
#include "redis/redisconfig.h"
#include "redis/redisreplies.h"
#include "redis/redisstatus.h"

#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QRandomGenerator>
#include <array>
#include <atomic>
#include <memory>

struct redisAsyncContext;
struct redisReply;
class QTimer;

namespace fx::core {
class WorkerThread;
}

namespace fx::redis {

class ClusterRouter;
class SentinelWatch;

class RedisSubscriber final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RedisSubscriber)

public:
    explicit RedisSubscriber(RedisConfig config, QObject *parent = nullptr);
    ~RedisSubscriber() override;

    // Subscriber thread.
    void start();
    void stop();

    // Any thread.
    RedisStatus status() const;
    // The object server_stats and /health show under "redis", with per-channel counters.
    QJsonObject statusJson() const;
    quint64 messagesReceived(protocol::ChannelKind kind) const;
    quint64 dropped(protocol::ChannelKind kind, protocol::DropReason reason) const;
    quint64 droppedTotal() const;

Q_SIGNALS:
    // Valid events of one read from the socket, in arrival order (prices, alerts, notices).
    void eventsReceived(const QList<fx::core::MarketEvent> &events);
    // Prices read from the price:<PAIR> hashes after a (re)connect: for the price cache only.
    void cacheWarmed(const QList<fx::core::MarketEvent> &prices);
    void statusChanged(const fx::redis::RedisStatus &status);
    // One malformed message (already counted and logged with rate limiting).
    void messageDropped(const QString &channel, const QString &reason, const QString &detail);
    // A message on one of RedisConfig::extraChannels, unparsed (the receiver validates it).
    void rawMessage(const QByteArray &channel, const QByteArray &payload);
    // One key of RedisConfig::rawKeyPattern read after a (re)connect: its value and its
    // remaining time to live in ms (-1: none).
    void rawKeyRead(const QByteArray &key, const QByteArray &value, qint64 ttlMs);

private:
    static void onConnect(const redisAsyncContext *ac, int status);
    static void onDisconnect(const redisAsyncContext *ac, int status);
    static void onAuth(redisAsyncContext *ac, void *reply, void *privdata);
    static void onSelect(redisAsyncContext *ac, void *reply, void *privdata);
    static void onHash(redisAsyncContext *ac, void *reply, void *privdata);
    static void onMessage(redisAsyncContext *ac, void *reply, void *privdata);
    static void onRawKeys(redisAsyncContext *ac, void *reply, void *privdata);

    void connectNow();
    void onConnectTimeout();
    void afterConnect();
    // After AUTH (when a password is set): SELECT the database unless it is 0, then subscribe.
    void selectThenSubscribe();
    void subscribeAndWarm();
    // RedisConfig::extraChannels and rawKeyPattern (redisrawchannels.cpp).
    void readRawKeys();
    int subscribeExtraChannels();
    void onSubscribed(); // Redis confirmed one channel of the SUBSCRIBE
    void handleMessage(int kind, const char *payload, size_t len);
    void flush();
    void fail(const QString &reason);
    void scheduleRetry();
    void setState(RedisState s, const QString &reason = {}, qint64 retryInMs = 0);
    int kindOfChannel(const char *name, size_t len) const;
    void publishStatus();
    // redistopology.cpp: where to connect (Sentinel lookup, next cluster node), failovers and
    // the hashes a cluster redirected.
    bool chooseTarget(core::HostPort *target, QString *error);
    void setEndpoint(const QString &endpoint);
    void onMasterSwitched(const core::HostPort &master);
    void warmPrice(const QString &pair, const redisReply *reply);
    bool noteRedirect(const QString &pair, const redisReply *reply);
    void warmRedirected();
    void countBadReply(const QString &why);

    RedisConfig m_config;
    QString m_endpoint; // where m_ac connects (the status' endpoint)
    int m_sentinelIndex = 0;
    int m_nodeIndex = 0;
    SentinelWatch *m_watch = nullptr; // Sentinel only
    std::unique_ptr<ClusterRouter> m_router; // cluster only
    QList<QPair<QString, Redirect>> m_redirected;
    std::atomic<quint64> m_badReplies{0};
    std::atomic<quint64> m_masterSwitches{0};
    std::array<QByteArray, protocol::kChannelKindCount> m_channelNames;
    protocol::PayloadParser m_parser;
    redisAsyncContext *m_ac = nullptr;
    QTimer *m_retryTimer;
    QTimer *m_connectTimer;
    QTimer *m_statusTimer;
    int m_backoffMs;
    int m_pendingSubscribes = 0;
    bool m_stopping = false;
    QList<core::MarketEvent> m_pending;
    QList<core::MarketEvent> m_warm;
    int m_warmOutstanding = 0;
    core::logging::RateLimiter m_logLimiter{5, 10000};

    mutable QMutex m_statusMutex;
    RedisStatus m_status;
    std::array<std::atomic<quint64>, protocol::kChannelKindCount> m_received{};
    std::array<std::array<std::atomic<quint64>, protocol::kDropReasonCount>, protocol::kChannelKindCount> m_dropped{};
};

// Owns a subscriber and its thread ("fx-redis"): the subscriber is moved there on
// construction and connects on start(); the destructor runs stop() there, joins and deletes.
class RedisSubscriberThread
{
public:
    explicit RedisSubscriberThread(RedisConfig config);
    ~RedisSubscriberThread();
    RedisSubscriber *subscriber() const { return m_subscriber; }
    // Connect signals first, then start.
    void start();

private:
    RedisSubscriber *m_subscriber; // owned by m_thread
    std::unique_ptr<core::WorkerThread> m_thread;
};

} // namespace fx::redis
