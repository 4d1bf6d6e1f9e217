#include "redis/sentinelwatch.h"

#include "redis/qtredisadapter.h"
#include "redis/redislog.h"
#include "redis/redisreplies.h"

#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

namespace {
SentinelWatch *owner(const redisAsyncContext *ac)
{
    return static_cast<SentinelWatch *>(ac->data);
}
constexpr int kBackoffInitialMs = 200;
constexpr int kBackoffMaxMs = 5000;
} // namespace

SentinelWatch::SentinelWatch(RedisConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_retryTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
{
    qRegisterMetaType<fx::core::HostPort>();
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &SentinelWatch::connectNow);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this,
            [this] { lost(QStringLiteral("no subscription within %1 ms").arg(2 * m_config.sentinelTimeoutMs)); });
}

SentinelWatch::~SentinelWatch()
{
    m_stopping = true;
    if (redisAsyncContext *ac = m_ac) {
        m_ac = nullptr;
        redisAsyncFree(ac);
    }
}

void SentinelWatch::start(int index)
{
    if (m_config.sentinels.isEmpty())
        return;
    m_stopping = false;
    if (m_ac || m_retryTimer->isActive())
        return;
    m_index = int(std::max(index, 0) % m_config.sentinels.size());
    connectNow();
}

void SentinelWatch::stop()
{
    m_stopping = true;
    m_retryTimer->stop();
    m_connectTimer->stop();
    m_subscribed = false;
    if (redisAsyncContext *ac = m_ac) {
        m_ac = nullptr;
        redisAsyncFree(ac);
    }
}

void SentinelWatch::connectNow()
{
    if (m_stopping || m_ac)
        return;
    const core::HostPort &s = m_config.sentinels.at(m_index);
    redisAsyncContext *ac = redisAsyncConnect(s.host.toUtf8().constData(), s.port);
    if (!ac) {
        lost(QStringLiteral("out of memory"));
        return;
    }
    if (ac->err) {
        const QString why = QString::fromUtf8(ac->errstr);
        redisAsyncFree(ac);
        lost(why);
        return;
    }
    ac->data = this;
    if (!QtRedisAdapter::attach(ac, this, {})) {
        redisAsyncFree(ac);
        lost(QStringLiteral("cannot attach the event loop"));
        return;
    }
    redisAsyncSetConnectCallback(ac, &SentinelWatch::onConnect);
    redisAsyncSetDisconnectCallback(ac, &SentinelWatch::onDisconnect);
    m_ac = ac;
    m_connectTimer->start(2 * m_config.sentinelTimeoutMs);
    const QList<QByteArray> auth = m_config.sentinelAuthArguments();
    if (auth.size() == 1)
        redisAsyncCommand(ac, &SentinelWatch::onAuth, this, "AUTH %b", auth[0].constData(), size_t(auth[0].size()));
    else if (auth.size() == 2)
        redisAsyncCommand(ac, &SentinelWatch::onAuth, this, "AUTH %b %b", auth[0].constData(), size_t(auth[0].size()),
                          auth[1].constData(), size_t(auth[1].size()));
    redisAsyncCommand(ac, &SentinelWatch::onMessage, this, "SUBSCRIBE +switch-master");
}

void SentinelWatch::onConnect(const redisAsyncContext *ac, int status)
{
    SentinelWatch *self = owner(ac);
    if (!self || self->m_ac != ac || status == REDIS_OK)
        return;
    self->m_ac = nullptr; // hiredis frees it when this returns
    self->lost(QString::fromUtf8(ac->errstr));
}

void SentinelWatch::onDisconnect(const redisAsyncContext *ac, int)
{
    SentinelWatch *self = owner(ac);
    if (!self || self->m_ac != ac)
        return;
    self->m_ac = nullptr;
    self->lost(QStringLiteral("connection lost"));
}

void SentinelWatch::onAuth(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<SentinelWatch *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac || reply->type != REDIS_REPLY_ERROR)
        return;
    self->m_ac = nullptr;
    redisAsyncFree(ac); // deferred by hiredis until this callback returns
    self->lost(QStringLiteral("authentication to the Sentinel failed"));
}

void SentinelWatch::onMessage(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<SentinelWatch *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        self->m_ac = nullptr;
        redisAsyncFree(ac);
        self->lost(QStringLiteral("SUBSCRIBE refused"));
        return;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 3 || reply->element[0]->type != REDIS_REPLY_STRING) {
        Q_EMIT self->badMessage(QStringLiteral("a Sentinel sent a malformed Pub/Sub reply"));
        return;
    }
    const QByteArrayView kind(reply->element[0]->str, qsizetype(reply->element[0]->len));
    if (kind == "subscribe") {
        self->m_connectTimer->stop();
        self->m_subscribed = true;
        self->m_backoffMs = kBackoffInitialMs;
        qCInfo(fxRedisLog).noquote() << "watching Sentinel" << self->m_config.sentinels.at(self->m_index).toString()
                                     << "for +switch-master";
        return;
    }
    if (kind != "message" || reply->element[2]->type != REDIS_REPLY_STRING)
        return;
    QString name, why;
    core::HostPort master;
    if (!parseSwitchMaster(QByteArrayView(reply->element[2]->str, qsizetype(reply->element[2]->len)), &name, &master,
                           &why)) {
        Q_EMIT self->badMessage(why);
        return;
    }
    if (name != self->m_config.sentinelMaster)
        return; // another master of the same Sentinels
    qCInfo(fxRedisLog).noquote() << "Sentinel: master" << name << "switched to" << master.toString();
    Q_EMIT self->masterSwitched(master);
}

void SentinelWatch::lost(const QString &why)
{
    m_connectTimer->stop();
    m_subscribed = false;
    if (m_ac) {
        redisAsyncContext *ac = m_ac;
        m_ac = nullptr;
        redisAsyncFree(ac);
    }
    if (m_stopping)
        return;
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("lost"), &suppressed))
        qCWarning(fxRedisLog).noquote() << "Sentinel" << m_config.sentinels.at(m_index).toString() << "not watched ("
                                        << why << "); trying the next one";
    m_index = int((m_index + 1) % m_config.sentinels.size());
    m_retryTimer->start(m_backoffMs);
    m_backoffMs = std::min(m_backoffMs * 2, kBackoffMaxMs);
}

} // namespace fx::redis
