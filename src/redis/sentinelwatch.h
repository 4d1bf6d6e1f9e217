#pragma once

// A subscription to a Sentinel's +switch-master channel, so the subscriber moves to a new
// master as soon as the Sentinels promote one (REDIS.md, "Sentinel"), rather than when its own
// retries happen to ask them again. An async hiredis context on the subscriber's thread (the
// same QtRedisAdapter and teardown rules as RedisSubscriber's); when its Sentinel goes away it
// tries the next one with a backoff (200 ms doubling to 5 s). Every message is validated
// (redis/redisreplies.h); a malformed one is reported through badMessage() and ignored.

#include "core/hostport.h"
#include "core/logging.h"
#include "redis/redisconfig.h"

#include <QObject>

struct redisAsyncContext;
class QTimer;

namespace fx::redis {

class SentinelWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SentinelWatch)

public:
    explicit SentinelWatch(RedisConfig config, QObject *parent = nullptr);
    ~SentinelWatch() override;

    // Watches Sentinel number `index` of the configuration unless a watch is up or connecting.
    void start(int index);
    void stop();
    bool isSubscribed() const { return m_subscribed; }

Q_SIGNALS:
    // The Sentinels switched the configured master to this address.
    void masterSwitched(const fx::core::HostPort &master);
    void badMessage(const QString &why);

private:
    static void onConnect(const redisAsyncContext *ac, int status);
    static void onDisconnect(const redisAsyncContext *ac, int status);
    static void onAuth(redisAsyncContext *ac, void *reply, void *privdata);
    static void onMessage(redisAsyncContext *ac, void *reply, void *privdata);
    void connectNow();
    void lost(const QString &why);

    RedisConfig m_config;
    redisAsyncContext *m_ac = nullptr;
    QTimer *m_retryTimer;
    QTimer *m_connectTimer;
    int m_index = 0;
    int m_backoffMs = 200;
    bool m_stopping = true;
    bool m_subscribed = false;
    core::logging::RateLimiter m_logLimiter{5, 10000};
};

} // namespace fx::redis
