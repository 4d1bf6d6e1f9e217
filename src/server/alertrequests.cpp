// IoShard: the alert rule requests of PROTOCOL.md, "Alert rules" (set_alert, list_alerts,
// update_alert, delete_alert), answered at once from the server's AlertService, and the
// delivery of fired (price_alert) and expired (alert_deleted) rules to this shard's clients.

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QDateTime>
#include <QJsonArray>

namespace fx::server {

using protocol::ClientEvent;
using protocol::ErrorCode;
namespace ev = protocol::event;

rules::Owner IoShard::alertOwner(Client *s)
{
    bindAlerts(s);
    return s->rulesOwner();
}

void IoShard::bindAlerts(Client *s)
{
    if (s->alertHandle != 0)
        return;
    s->alertHandle = m_ctx.alerts().newHandle();
    m_alertClients.insert(s->alertHandle, s);
    m_ctx.alerts().bind(s->rulesOwner(), m_index, s->id());
}

void IoShard::unbindAlerts(Client *s)
{
    if (s->alertHandle == 0)
        return;
    m_alertClients.remove(s->alertHandle);
    m_ctx.alerts().unbind(s->rulesOwner());
    s->alertHandle = 0;
}

void IoShard::handleAlertRequest(Client *s, ClientEvent event, const QString &name, const QJsonObject &data,
                                 const QJsonValue &replyTag)
{
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    auto invalid = [&](const QString &field, const QString &message) {
        sendReply(
            s, m_handler.error(ErrorCode::InvalidPayload, message, name, QJsonObject{{QStringLiteral("field"), field}}),
            replyTag);
    };
    // A refusal of the book: the limits are TOO_MANY_ALERTS, the rest name the field.
    auto refused = [&](const rules::BookResult &r) {
        const rules::RuleBookLimits limits = m_ctx.alerts().limits();
        if (r.refusal == rules::Refusal::PerClientLimit || r.refusal == rules::Refusal::TotalLimit) {
            static core::logging::RateLimiter limiter(5, 10000);
            qint64 suppressed = 0;
            if (limiter.allow(QStringLiteral("alerts"), &suppressed))
                qCInfo(fxServerLog).noquote()
                    << "client" << s->logName() << "set_alert refused:" << r.message
                    << (suppressed ? QStringLiteral("(%1 more not logged)").arg(suppressed) : QString());
            const bool perClient = r.refusal == rules::Refusal::PerClientLimit;
            sendReply(s,
                      m_handler.error(ErrorCode::TooManyAlerts, r.message, name,
                                      perClient ? QJsonObject{{QStringLiteral("max_per_client"), limits.maxPerClient}}
                                                : QJsonObject{{QStringLiteral("max_total"), limits.maxTotal}}),
                      replyTag);
            return;
        }
        invalid(r.field.isEmpty() ? QStringLiteral("id") : r.field, r.message);
    };

    QString field;
    QString message;
    switch (event) {
    case ClientEvent::SetAlert: {
        std::optional<rules::AlertRule> rule =
            rules::parseAlertRule(data, rules::ParseContext{&m_ctx.instruments(), nowMs, false}, &field, &message);
        if (!rule)
            return invalid(field, message);
        if (!s->permits(rule->pairIndex)) {
            // SECURITY.md, "Pair permissions": as subscribe refuses the pair.
            sendReply(s,
                      m_handler.error(ErrorCode::Forbidden,
                                      QStringLiteral("your token does not permit %1").arg(rule->pair), name,
                                      QJsonObject{{QStringLiteral("field"), QStringLiteral("pair")},
                                                  {QStringLiteral("pair"), rule->pair}}),
                      replyTag);
            return;
        }
        const rules::BookResult r = m_ctx.alerts().add(alertOwner(s), std::move(*rule), nowMs);
        if (!r.ok())
            return refused(r);
        sendReply(s, Reply{ev::AlertSet.toString(), AlertService::ruleJson(r.rule)}, replyTag);
        return;
    }
    case ClientEvent::ListAlerts: {
        // A client without a handle holds no rule (a token user got one when it connected).
        QJsonArray list;
        if (s->alertHandle != 0)
            for (const rules::AlertRule &r : m_ctx.alerts().list(s->rulesOwner()))
                list.append(r.toJson());
        sendReply(s,
                  Reply{ev::AlertsList.toString(),
                        protocol::compactJson(
                            QJsonObject{{QStringLiteral("alerts"), list},
                                        {QStringLiteral("count"), list.size()},
                                        {QStringLiteral("max_per_client"), m_ctx.alerts().limits().maxPerClient},
                                        {QStringLiteral("timestamp"), core::isoNow()}})},
                  replyTag);
        return;
    }
    case ClientEvent::UpdateAlert: {
        const std::optional<rules::AlertUpdate> update = rules::parseAlertUpdate(data, &field, &message);
        if (!update)
            return invalid(field, message);
        const rules::BookResult r = m_ctx.alerts().update(alertOwner(s), *update, nowMs);
        if (!r.ok())
            return refused(r);
        sendReply(s, Reply{ev::AlertUpdated.toString(), AlertService::ruleJson(r.rule)}, replyTag);
        return;
    }
    default: {
        const std::optional<QString> id = rules::parseAlertId(data, &field, &message);
        if (!id)
            return invalid(field, message);
        const rules::BookResult r = m_ctx.alerts().remove(alertOwner(s), *id);
        if (!r.ok())
            return refused(r);
        sendReply(s, Reply{ev::AlertDeleted.toString(), AlertService::deletedJson(r.rule, u"deleted")}, replyTag);
        return;
    }
    }
}

void IoShard::deliverAlerts(const std::vector<AlertDelivery> &deliveries)
{
    for (const AlertDelivery &d : deliveries) {
        Client *s = m_alertClients.value(d.handle);
        // A client gone meanwhile, or whose token no longer permits the pair, is not told.
        if (!s || s->isDead() || (d.pairIndex >= 0 && !s->permits(d.pairIndex)))
            continue;
        s->sendEvent(d.event, d.data, QJsonValue::Undefined);
    }
}

QHash<quint64, QByteArray> IoShard::alertClientIds() const
{
    QHash<quint64, QByteArray> ids;
    ids.reserve(m_alertClients.size());
    for (auto it = m_alertClients.cbegin(); it != m_alertClients.cend(); ++it)
        ids.insert(it.key(), it.value()->id());
    return ids;
}

void IoShard::expireAlerts(qint64 nowMs)
{
    if (nowMs < m_nextAlertExpiryMs)
        return;
    m_nextAlertExpiryMs = nowMs + 1000;
    const std::vector<AlertDelivery> deliveries = m_ctx.alerts().expire(QDateTime::currentMSecsSinceEpoch());
    if (!deliveries.empty())
        routeAlerts(m_ctx, deliveries);
}

void routeAlerts(ServerContext &context, const std::vector<AlertDelivery> &deliveries)
{
    const QList<IoShard *> &shards = context.shards();
    for (int i = 0; i < shards.size(); ++i) {
        std::vector<AlertDelivery> mine;
        for (const AlertDelivery &d : deliveries)
            if (d.shard == i)
                mine.push_back(d);
        if (mine.empty())
            continue;
        IoShard *shard = shards[i];
        QMetaObject::invokeMethod(
            shard, [shard, mine = std::move(mine)] { shard->deliverAlerts(mine); }, Qt::QueuedConnection);
    }
}

} // namespace fx::server
