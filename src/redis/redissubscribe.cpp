// RedisSubscriber, subscribing: after a (re)connect, reads the price:<PAIR> hashes for the
// price cache and subscribes to the four channels in one pipeline; the subscription is
// complete (the state goes to connected, the backoff resets) when Redis confirmed every channel.

#include "redis/redissubscriber.h"

#include "core/timeutil.h"
#include "redis/redislog.h"

#include <QJsonDocument>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

namespace {
struct HashRequest
{
    RedisSubscriber *self;
    QString pair;
};
} // namespace

void RedisSubscriber::subscribeAndWarm()
{
    // Pipelined: Redis runs these back to back, so nothing published between the cache read
    // and the subscription can slip through unseen.
    m_warm.clear();
    m_redirected.clear();
    m_warmOutstanding = int(m_config.pairs.size());
    for (const QString &pair : std::as_const(m_config.pairs)) {
        const QByteArray key = "price:" + pair.toUtf8();
        redisAsyncCommand(m_ac, &RedisSubscriber::onHash, new HashRequest{this, pair}, "HGETALL %b", key.constData(),
                          size_t(key.size()));
    }
    readRawKeys();
    const auto &names = m_channelNames;
    m_pendingSubscribes = int(names.size()) + subscribeExtraChannels();
    redisAsyncCommand(m_ac, &RedisSubscriber::onMessage, this, "SUBSCRIBE %b %b %b %b", names[0].constData(),
                      size_t(names[0].size()), names[1].constData(), size_t(names[1].size()), names[2].constData(),
                      size_t(names[2].size()), names[3].constData(), size_t(names[3].size()));
}

void RedisSubscriber::onHash(redisAsyncContext *, void *r, void *privdata)
{
    std::unique_ptr<HashRequest> req(static_cast<HashRequest *>(privdata));
    auto *reply = static_cast<redisReply *>(r);
    RedisSubscriber *self = req->self;
    if (!reply)
        return; // context going away
    if (!self->noteRedirect(req->pair, reply))
        self->warmPrice(req->pair, reply);
    if (--self->m_warmOutstanding == 0) {
        self->warmRedirected(); // REDIS.md, "Cluster": the hashes on other nodes
        if (!self->m_warm.isEmpty()) {
            qCInfo(fxRedisLog) << "warmed the price cache with" << self->m_warm.size()
                               << "prices from price:<PAIR> hashes";
            Q_EMIT self->cacheWarmed(self->m_warm);
            self->m_warm.clear();
        }
    }
}

void RedisSubscriber::warmPrice(const QString &pair, const redisReply *reply)
{
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 2)
        return;
    QJsonObject price;
    for (size_t i = 0; i + 1 < reply->elements; i += 2) {
        const redisReply *k = reply->element[i];
        const redisReply *v = reply->element[i + 1];
        if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
            continue;
        const QString key = QString::fromUtf8(k->str, int(k->len));
        if (key == u"bid" || key == u"ask" || key == u"mid" || key == u"time")
            price.insert(key, QString::fromUtf8(v->str, int(v->len)));
    }
    const QByteArray json =
        QJsonDocument(QJsonObject{{QStringLiteral("instrument"), pair}, {QStringLiteral("price"), price}})
            .toJson(QJsonDocument::Compact);
    const protocol::ParseResult parsed = m_parser.parse(protocol::ChannelKind::Prices, json, core::nowMicros());
    m_warm += parsed.events;
    for (const protocol::Drop &d : parsed.drops) {
        qint64 suppressed = 0;
        if (m_logLimiter.allow(QStringLiteral("warm"), &suppressed))
            qCWarning(fxRedisLog).noquote() << "ignoring cached price:" + pair << d.detail;
    }
}

void RedisSubscriber::onSubscribed()
{
    if (--m_pendingSubscribes != 0)
        return;
    m_connectTimer->stop();
    m_backoffMs = m_config.backoffInitialMs;
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.connects;
        m_status.connectedSinceMicros = core::nowMicros();
    }
    qCInfo(fxRedisLog).noquote() << "subscribed at" << m_endpoint << "(" + m_config.via() + ")"
                                 << "to" << m_status.channels.join(QStringLiteral(", "));
    setState(RedisState::Connected);
}

} // namespace fx::redis
