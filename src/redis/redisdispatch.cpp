// RedisSubscriber, messages: a reply on the subscription is a message of one of the channels
// (parsed and validated, its events batched until the read is done) or the confirmation of
// one SUBSCRIBE. Counts what arrives and what is dropped, per channel.

#include "redis/redissubscriber.h"

#include "core/timeutil.h"
#include "redis/redislog.h"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

void RedisSubscriber::onMessage(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac || reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return;
    const redisReply *type = reply->element[0];
    if (type->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kind(type->str, qsizetype(type->len));
    if (kind == "message" && reply->element[1]->type == REDIS_REPLY_STRING
        && reply->element[2]->type == REDIS_REPLY_STRING) {
        const int k = self->kindOfChannel(reply->element[1]->str, reply->element[1]->len);
        if (k >= 0)
            self->handleMessage(k, reply->element[2]->str, reply->element[2]->len);
        else if (!self->m_config.extraChannels.isEmpty())
            Q_EMIT self->rawMessage(QByteArray(reply->element[1]->str, qsizetype(reply->element[1]->len)),
                                    QByteArray(reply->element[2]->str, qsizetype(reply->element[2]->len)));
    } else if (kind == "subscribe") {
        self->onSubscribed();
    }
}

int RedisSubscriber::kindOfChannel(const char *name, size_t len) const
{
    const QByteArrayView n(name, qsizetype(len));
    for (int i = 0; i < protocol::kChannelKindCount; ++i)
        if (n == m_channelNames[size_t(i)])
            return i;
    return -1;
}

void RedisSubscriber::handleMessage(int kind, const char *payload, size_t len)
{
    m_received[size_t(kind)].fetch_add(1, std::memory_order_relaxed);
    // ARCHITECTURE.md, "Delivery latency": the receipt every delivery is measured from.
    const qint64 receivedNanos = core::monotonicNanos();
    protocol::ParseResult parsed =
        m_parser.parse(protocol::ChannelKind(kind), QByteArrayView(payload, qsizetype(len)), core::nowMicros());
    for (core::MarketEvent &e : parsed.events)
        core::setReceivedNanos(e, receivedNanos);
    m_pending += parsed.events;
    for (const protocol::Drop &d : parsed.drops) {
        m_dropped[size_t(kind)][size_t(d.reason)].fetch_add(1, std::memory_order_relaxed);
        const QString channel = m_config.channels[size_t(kind)];
        const QString reason = protocol::dropReasonName(d.reason);
        qint64 suppressed = 0;
        if (m_logLimiter.allow(channel + u'/' + reason, &suppressed)) {
            qCWarning(fxRedisLog).noquote()
                << QStringLiteral("dropped a message on %1 (%2): %3%4")
                       .arg(channel, reason, d.detail,
                            suppressed ? QStringLiteral(" (%1 similar suppressed)").arg(suppressed) : QString());
        }
        Q_EMIT messageDropped(channel, reason, d.detail);
    }
}

void RedisSubscriber::flush()
{
    if (m_pending.isEmpty())
        return;
    QList<core::MarketEvent> batch;
    batch.swap(m_pending);
    Q_EMIT eventsReceived(batch);
}

quint64 RedisSubscriber::messagesReceived(protocol::ChannelKind kind) const
{
    return m_received[size_t(kind)].load(std::memory_order_relaxed);
}

quint64 RedisSubscriber::dropped(protocol::ChannelKind kind, protocol::DropReason reason) const
{
    return m_dropped[size_t(kind)][size_t(reason)].load(std::memory_order_relaxed);
}

quint64 RedisSubscriber::droppedTotal() const
{
    quint64 n = 0;
    for (const auto &row : m_dropped)
        for (const auto &d : row)
            n += d.load(std::memory_order_relaxed);
    return n;
}

} // namespace fx::redis
