// IoShard: get_alert_history (PROTOCOL.md). The request is checked here, the page is read by
// the ServerOptions::alertHistory source off this thread (the database reader), and the answer
// comes back through the shard's ReturnPath to the client, if it is still connected. Queries
// running at once are bounded per client and per server (SECURITY.md, "Bounds").

#include "server/ioshard.h"

#include "core/logging.h"
#include "protocol/contract.h"
#include "protocol/envelope.h"
#include "server/alerthistory.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QJsonArray>
#include <algorithm>

namespace fx::server {

using protocol::ErrorCode;

static const QString kEvent = QStringLiteral("get_alert_history");

static void logRefusal(const Client *s, const QString &code, const QString &message)
{
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (limiter.allow(QStringLiteral("history"), &suppressed))
        qCInfo(fxServerLog).noquote() << "client" << s->logName() << "get_alert_history refused:" << code << message
                                      << (suppressed ? QStringLiteral("(%1 more not logged)").arg(suppressed)
                                                     : QString());
}

void IoShard::requestAlertHistory(Client *s, const QJsonObject &data, const QJsonValue &replyTag)
{
    auto refuse = [&](ErrorCode code, const QString &message, const QJsonObject &details) {
        logRefusal(s, protocol::errorCodeName(code), message);
        sendReply(s, m_handler.error(code, message, kEvent, details), replyTag);
    };
    AlertHistoryError error;
    const std::optional<AlertHistoryQuery> query = parseAlertHistoryRequest(data, m_ctx.instruments(), *s, &error);
    if (!query) {
        if (error.code == ErrorCode::Forbidden)
            m_ctx.stats().countForbidden(
                quint64(error.details.value(QStringLiteral("forbidden_pairs")).toArray().size()));
        refuse(error.code, error.message, error.details);
        return;
    }
    const std::shared_ptr<AlertHistorySource> source = m_ctx.options().alertHistory;
    if (!source) {
        refuse(ErrorCode::HistoryUnavailable, QStringLiteral("this server keeps no alert history"),
               QJsonObject{{QStringLiteral("reason"), QStringLiteral("disabled")}});
        return;
    }
    if (s->historyQueries >= kMaxHistoryQueriesPerClient) {
        refuse(ErrorCode::TooManyQueries,
               QStringLiteral("%1 of your history queries are still running; wait for their answers")
                   .arg(kMaxHistoryQueriesPerClient),
               QJsonObject{{QStringLiteral("max_per_client"), kMaxHistoryQueriesPerClient}});
        return;
    }
    if (m_ctx.historyQueries.fetch_add(1) >= kMaxHistoryQueriesPerServer) {
        --m_ctx.historyQueries;
        refuse(ErrorCode::TooManyQueries,
               QStringLiteral("the server is answering %1 history queries already; try again shortly")
                   .arg(kMaxHistoryQueriesPerServer),
               QJsonObject{{QStringLiteral("max_per_server"), kMaxHistoryQueriesPerServer}});
        return;
    }
    ++s->historyQueries;
    std::shared_ptr<ReturnPath> back = m_returnPath;
    const QByteArray id = s->id();
    const AlertHistoryQuery q = *query;
    source->fetch(q, [back, this, s, id, replyTag, q](AlertHistoryResult result) {
        // Any thread. Nothing of the shard is touched unless it is still there (ReturnPath).
        back->post([this, s, id, replyTag, q, result = std::move(result)] {
            --m_ctx.historyQueries;
            answerAlertHistory(s, id, replyTag, q, result);
        });
    });
}

void IoShard::answerAlertHistory(Client *s, const QByteArray &clientId, const QJsonValue &replyTag,
                                 const AlertHistoryQuery &query, const AlertHistoryResult &result)
{
    // s may be gone (reaped and deleted): it is used only if it is still one of this shard's
    // clients, with that id (the address may have been reused). Answers are rare; a scan is fine.
    if (std::find(m_clients.begin(), m_clients.end(), s) == m_clients.end() || s->id() != clientId)
        return;
    --s->historyQueries;
    if (s->isDead())
        return;
    switch (result.status) {
    case AlertHistoryResult::Status::Ok:
        sendReply(
            s,
            Reply{protocol::event::AlertHistory.toString(), protocol::compactJson(alertHistoryPayload(query, result))},
            replyTag);
        return;
    case AlertHistoryResult::Status::Disabled:
    case AlertHistoryResult::Status::Failed: {
        const QString reason = result.status == AlertHistoryResult::Status::Disabled ? QStringLiteral("disabled")
                                                                                     : QStringLiteral("unavailable");
        const QString message = QStringLiteral("the alert history cannot be read: %1").arg(result.reason);
        logRefusal(s, protocol::errorCodeName(ErrorCode::HistoryUnavailable), message);
        sendReply(s,
                  m_handler.error(ErrorCode::HistoryUnavailable, message, kEvent,
                                  QJsonObject{{QStringLiteral("reason"), reason}}),
                  replyTag);
        return;
    }
    }
}

} // namespace fx::server
