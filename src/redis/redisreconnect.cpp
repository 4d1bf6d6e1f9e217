// RedisSubscriber, the connection: connect (TCP or Unix socket) with a timeout, AUTH and
// SELECT when configured, then subscribe; on any failure report the reason and try again
// after an exponential backoff with jitter. m_ac is the one live context: whoever takes a
// context out of it frees it (or leaves that to hiredis inside its own callbacks), and a
// callback of a context that is no longer m_ac changes nothing.

#include "redis/redissubscriber.h"

#include "redis/qtredisadapter.h"
#include "redis/redislog.h"

#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

namespace {
RedisSubscriber *owner(const redisAsyncContext *ac)
{
    return static_cast<RedisSubscriber *>(ac->data);
}
} // namespace

void RedisSubscriber::connectNow()
{
    if (m_stopping || m_ac)
        return;
    setState(RedisState::Connecting);
    QString configError;
    m_config.authArguments(&configError);
    if (!configError.isEmpty()) {
        // A configuration error, not an outage: reported like one and retried with the same
        // backoff (never a tight loop) until the settings change.
        fail(configError);
        return;
    }
    core::HostPort target{m_config.host, m_config.port};
    if (m_config.topology() != RedisTopology::Direct) {
        QString why;
        if (!chooseTarget(&target, &why)) {
            fail(why);
            return;
        }
    }
    const bool unixSocket = m_config.topology() == RedisTopology::Direct && !m_config.socketPath.isEmpty();
    redisAsyncContext *ac = !unixSocket ? redisAsyncConnect(target.host.toUtf8().constData(), target.port)
                                        : redisAsyncConnectUnix(m_config.socketPath.toUtf8().constData());
    if (!ac) {
        fail(QStringLiteral("out of memory"));
        return;
    }
    if (ac->err) {
        const QString why = QString::fromUtf8(ac->errstr);
        redisAsyncFree(ac);
        fail(why);
        return;
    }
    ac->data = this;
    if (!QtRedisAdapter::attach(ac, this, [this] { flush(); })) {
        redisAsyncFree(ac);
        fail(QStringLiteral("cannot attach the event loop"));
        return;
    }
    redisAsyncSetConnectCallback(ac, &RedisSubscriber::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisSubscriber::onDisconnect);
    m_ac = ac;
    m_connectTimer->start(m_config.connectTimeoutMs);
}

void RedisSubscriber::onConnectTimeout()
{
    if (!m_ac)
        return;
    redisAsyncContext *ac = m_ac;
    const bool tcpConnected = ac->c.flags & REDIS_CONNECTED;
    const QString why = tcpConnected ? QStringLiteral("no answer within %1 ms").arg(m_config.connectTimeoutMs)
                                     : QStringLiteral("connect timed out after %1 ms").arg(m_config.connectTimeoutMs);
    m_ac = nullptr;
    // Not inside a hiredis callback: freed at once. A connected context reports through
    // onDisconnect (which sees m_ac == nullptr and leaves the failure to us).
    redisAsyncFree(ac);
    fail(why);
}

void RedisSubscriber::onConnect(const redisAsyncContext *ac, int status)
{
    RedisSubscriber *self = owner(ac);
    if (!self || self->m_ac != ac)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context when this returns; the adapter's cleanup already ran or runs then.
        self->m_ac = nullptr;
        self->m_connectTimer->stop();
        self->fail(QString::fromUtf8(ac->errstr));
        return;
    }
    self->afterConnect();
}

void RedisSubscriber::afterConnect()
{
    if (m_config.socketPath.isEmpty() || m_config.topology() != RedisTopology::Direct)
        redisEnableKeepAlive(&m_ac->c); // TCP only: on a Unix socket it fails and poisons the context
    QString error;
    const QList<QByteArray> auth = m_config.authArguments(&error); // checked in connectNow()
    if (auth.size() == 1) {
        redisAsyncCommand(m_ac, &RedisSubscriber::onAuth, this, "AUTH %b", auth[0].constData(), size_t(auth[0].size()));
        return;
    }
    if (auth.size() == 2) {
        // REDIS.md, "Authentication": Redis 6 ACL user.
        redisAsyncCommand(m_ac, &RedisSubscriber::onAuth, this, "AUTH %b %b", auth[0].constData(),
                          size_t(auth[0].size()), auth[1].constData(), size_t(auth[1].size()));
        return;
    }
    selectThenSubscribe();
}

void RedisSubscriber::selectThenSubscribe()
{
    if (m_config.db != 0) {
        redisAsyncCommand(m_ac, &RedisSubscriber::onSelect, this, "SELECT %d", m_config.db);
        return;
    }
    subscribeAndWarm();
}

void RedisSubscriber::onAuth(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString err = QString::fromUtf8(reply->str, int(reply->len));
        if (err.contains(QStringLiteral("no password is set"))
            || err.contains(QStringLiteral("without any password configured"))) {
            qCWarning(fxRedisLog).noquote() << "REDIS_PASSWORD is set but" << self->m_endpoint << "needs none:" << err;
        } else {
            qCWarning(fxRedisLog).noquote() << "authentication to" << self->m_endpoint
                                            << (self->m_config.username.isEmpty()
                                                    ? QStringLiteral("failed:")
                                                    : QStringLiteral("as user %1 failed:").arg(self->m_config.username))
                                            << err;
            self->m_ac = nullptr;
            redisAsyncFree(ac); // deferred by hiredis until this callback returns
            self->fail(QStringLiteral("authentication failed: %1").arg(err));
            return;
        }
    }
    self->selectThenSubscribe(); // ac is m_ac (checked above)
}

void RedisSubscriber::onSelect(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString err = QString::fromUtf8(reply->str, int(reply->len));
        self->m_ac = nullptr;
        redisAsyncFree(ac);
        self->fail(QStringLiteral("SELECT %1 failed: %2").arg(self->m_config.db).arg(err));
        return;
    }
    self->subscribeAndWarm();
}

void RedisSubscriber::onDisconnect(const redisAsyncContext *ac, int status)
{
    RedisSubscriber *self = owner(ac);
    if (!self)
        return;
    self->flush();
    if (self->m_ac != ac)
        return; // we freed it ourselves and already know why
    self->m_ac = nullptr;
    const QString why = status == REDIS_OK        ? QStringLiteral("connection closed")
        : QString::fromUtf8(ac->errstr).isEmpty() ? QStringLiteral("connection lost")
                                                  : QString::fromUtf8(ac->errstr);
    self->fail(why);
}

void RedisSubscriber::fail(const QString &reason)
{
    m_connectTimer->stop();
    m_pendingSubscribes = 0;
    if (m_stopping)
        return;
    if (m_config.topology() == RedisTopology::Cluster) // REDIS.md, "Cluster": the next node next time
        m_nodeIndex = int((m_nodeIndex + 1) % m_config.clusterNodes.size());
    scheduleRetry();
    const qint64 delay = m_retryTimer->remainingTime();
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("state"), &suppressed))
        qCWarning(fxRedisLog).noquote()
            << QStringLiteral("Redis at %1 unavailable (%2); retrying in %3 ms").arg(m_endpoint, reason).arg(delay);
    setState(RedisState::Disconnected, reason, delay);
}

void RedisSubscriber::scheduleRetry()
{
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(1, int(std::min(m_backoffMs, m_config.backoffMaxMs) * jitter));
    m_backoffMs = std::min(m_backoffMs * 2, m_config.backoffMaxMs);
    m_retryTimer->start(delay);
}

} // namespace fx::redis
