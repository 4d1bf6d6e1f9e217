#include "server/requesthandler.h"

#include "core/timeutil.h"
#include "core/version.h"
#include "protocol/envelope.h"
#include "server/client.h"
#include "server/pricebook.h"
#include "server/roomregistry.h"
#include "server/servercontext.h"

#include <QDateTime>
#include <QJsonArray>

namespace fx::server {

using protocol::ClientEvent;
using protocol::ErrorCode;
namespace ev = protocol::event;

static Reply makeReply(QStringView event, const QJsonObject &data)
{
    return Reply{event.toString(), protocol::compactJson(data)};
}

RequestHandler::RequestHandler(ServerContext &context, RoomRegistry &rooms, const PriceBook &prices)
    : m_ctx(context)
    , m_rooms(rooms)
    , m_prices(prices)
{
}

Reply RequestHandler::error(ErrorCode code, const QString &message, const QString &event, const QJsonObject &details)
{
    m_ctx.stats().countError(code);
    return makeReply(ev::Error,
                     QJsonObject{
                         {QStringLiteral("code"), protocol::errorCodeName(code)},
                         {QStringLiteral("message"), message},
                         {QStringLiteral("event"), event.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(event)},
                         {QStringLiteral("details"), details},
                         {QStringLiteral("timestamp"), core::isoNow()},
                     });
}

Reply RequestHandler::welcome(const Client &client, const RestoreResult *restored) const
{
    const auto &o = m_ctx.options();
    QJsonObject hello{
        {QStringLiteral("client_id"), QString::fromLatin1(client.id())},
        {QStringLiteral("server_version"), QString::fromLatin1(fx::kVersion)},
        {QStringLiteral("available_pairs"), QJsonArray::fromStringList(m_ctx.instruments().pairs())},
        {QStringLiteral("ping_interval"), o.pingIntervalMs / 1000.0},
        {QStringLiteral("ping_timeout"), o.pingTimeoutMs / 1000.0},
        {QStringLiteral("timestamp"), core::isoNow()},
    };
    if (const FeedStatus feed = m_ctx.feedStatus(); feed.known)
        hello.insert(QStringLiteral("feed_status"), feed.toJson()); // PROTOCOL.md, feed_status
    if (client.alertHandle != 0) { // PROTOCOL.md, "Alert rules": the rules a user holds here
        QJsonArray alerts;
        for (const rules::AlertRule &r : m_ctx.alerts().list(client.rulesOwner()))
            alerts.append(r.toJson());
        if (!alerts.isEmpty())
            hello.insert(QStringLiteral("alerts"), alerts);
    }
    if (restored) {
        if (restored->hasSubscriptions)
            hello.insert(QStringLiteral("subscriptions"), QJsonArray::fromStringList(restored->pairs));
        if (!restored->ok)
            hello.insert(QStringLiteral("restore_error"), restored->reason);
    }
    if (o.tokenVerifier) {
        // SECURITY.md, "Tokens": who the server takes the client for, and what it may use.
        QJsonArray permitted;
        for (int i = 0; i < m_ctx.instruments().size(); ++i)
            if (client.permits(i))
                permitted.append(m_ctx.instruments().pair(i));
        hello.insert(QStringLiteral("user"), client.user());
        hello.insert(QStringLiteral("permitted_pairs"), permitted);
        hello.insert(QStringLiteral("token_expires_at"),
                     client.tokenExpiresAt ? QJsonValue(
                         QDateTime::fromSecsSinceEpoch(client.tokenExpiresAt, Qt::UTC).toString(Qt::ISODate))
                                           : QJsonValue(QJsonValue::Null));
    }
    return makeReply(ev::ConnectionEstablished, hello);
}

void RequestHandler::handle(Client &s, const QString &event, const QJsonObject &data, QList<Reply> *out)
{
    switch (protocol::clientEventFromName(event)) {
    case ClientEvent::Subscribe: return subscribe(s, data, out);
    case ClientEvent::Unsubscribe: return unsubscribe(s, data, out);
    case ClientEvent::GetSubscriptions: return subscriptions(s, out);
    case ClientEvent::RequestPrice: return requestPrice(s, data, out);
    case ClientEvent::RequestAllPrices: return requestAllPrices(s, out);
    case ClientEvent::GetServerStats: out->append(makeReply(ev::ServerStats, m_ctx.statsPayload())); return;
    case ClientEvent::Ping: return ping(data, out);
    case ClientEvent::RefreshToken: // answered by the shard (clientauth.cpp), never here
    case ClientEvent::GetAlertHistory: // answered by the shard (historyrequests.cpp), never here
    case ClientEvent::SetAlert: // answered by the shard (alertrequests.cpp), never here
    case ClientEvent::ListAlerts:
    case ClientEvent::UpdateAlert:
    case ClientEvent::DeleteAlert:
    case ClientEvent::Unknown: break;
    }
    out->append(error(ErrorCode::UnknownEvent,
                      QStringLiteral("unknown event \"%1\"; known events: subscribe, unsubscribe, get_subscriptions, "
                                     "request_price, request_all_prices, get_server_stats, ping, refresh_token, "
                                     "get_alert_history, set_alert, list_alerts, update_alert, delete_alert")
                          .arg(event.left(64)),
                      event.left(64)));
}

bool RequestHandler::readPairs(const QJsonObject &data, const QString &event, QList<int> *valid, QStringList *invalid,
                               QList<Reply> *out, bool *allOut)
{
    const auto &inst = m_ctx.instruments();
    const QJsonValue pairs = data.value(QStringLiteral("pairs"));
    auto all = [&] {
        for (int i = 0; i < inst.size(); ++i)
            valid->append(i);
        if (allOut)
            *allOut = true;
        return true;
    };
    if (pairs.isUndefined() || pairs.isNull())
        return all();
    QJsonArray list;
    if (pairs.isString()) {
        if (pairs.toString().compare(QStringLiteral("all"), Qt::CaseInsensitive) == 0)
            return all();
        list.append(pairs);
    } else if (pairs.isArray()) {
        list = pairs.toArray();
    } else {
        out->append(error(ErrorCode::InvalidPayload,
                          QStringLiteral("\"pairs\" must be \"all\" or an array of pair names like [\"EUR_USD\"]"),
                          event));
        return false;
    }
    if (list.isEmpty()) {
        out->append(error(ErrorCode::InvalidPayload, QStringLiteral("\"pairs\" is an empty list"), event));
        return false;
    }
    if (list.size() > 1000) {
        out->append(error(ErrorCode::InvalidPayload, QStringLiteral("\"pairs\" lists more than 1000 entries"), event));
        return false;
    }
    for (const QJsonValue v : list) {
        if (!v.isString()) {
            out->append(
                error(ErrorCode::InvalidPayload, QStringLiteral("every entry of \"pairs\" must be a string"), event));
            return false;
        }
        const QString name = v.toString();
        if (name.compare(QStringLiteral("all"), Qt::CaseInsensitive) == 0) {
            valid->clear();
            return all();
        }
        const int idx = inst.lookup(name);
        if (idx < 0) {
            if (!invalid->contains(name))
                invalid->append(name.left(64));
        } else if (!valid->contains(idx)) {
            valid->append(idx);
        }
    }
    if (valid->isEmpty()) {
        out->append(error(ErrorCode::InvalidPair,
                          QStringLiteral("no valid pair in the request; available pairs: %1")
                              .arg(inst.pairs().join(QStringLiteral(", "))),
                          event,
                          QJsonObject{{QStringLiteral("invalid_pairs"), QJsonArray::fromStringList(*invalid)},
                                      {QStringLiteral("available_pairs"), QJsonArray::fromStringList(inst.pairs())}}));
        return false;
    }
    return true;
}

void RequestHandler::subscribe(Client &s, const QJsonObject &data, QList<Reply> *out)
{
    s.sentSubscribe = true; // feed_status from now on (PROTOCOL.md; the shard tells a first one of an outage)
    QList<int> valid;
    QStringList invalid;
    bool all = false;
    if (!readPairs(data, QStringLiteral("subscribe"), &valid, &invalid, out, &all))
        return;
    // SECURITY.md, "Pair permissions": only the pairs the client's token permits are granted;
    // "all" means all of those, a named forbidden pair is listed in forbidden_pairs.
    QJsonArray forbidden;
    if (s.pairsRestricted()) {
        QList<int> granted;
        for (int idx : std::as_const(valid)) {
            if (s.permits(idx))
                granted.append(idx);
            else if (!all)
                forbidden.append(m_ctx.instruments().pair(idx));
        }
        valid = granted;
        if (!forbidden.isEmpty())
            m_ctx.stats().countForbidden(quint64(forbidden.size()));
        if (valid.isEmpty() && !forbidden.isEmpty()) {
            out->append(
                error(ErrorCode::Forbidden,
                      QStringLiteral("your token does not permit %1")
                          .arg(forbidden.size() == 1 ? forbidden.at(0).toString() : QStringLiteral("these pairs")),
                      QStringLiteral("subscribe"), QJsonObject{{QStringLiteral("forbidden_pairs"), forbidden}}));
            return;
        }
    }
    QJsonArray pairs, rooms;
    for (int idx : valid) {
        m_rooms.join(&s, idx);
        pairs.append(m_ctx.instruments().pair(idx));
        rooms.append(m_ctx.instruments().room(idx));
    }
    out->append(makeReply(ev::SubscriptionConfirmed,
                          QJsonObject{
                              {QStringLiteral("pairs"), pairs},
                              {QStringLiteral("rooms"), rooms},
                              {QStringLiteral("pair_count"), pairs.size()},
                              {QStringLiteral("total_subscriptions"), s.subscriptionCount()},
                              {QStringLiteral("invalid_pairs"), QJsonArray::fromStringList(invalid)},
                              {QStringLiteral("forbidden_pairs"), forbidden},
                              {QStringLiteral("timestamp"), core::isoNow()},
                          }));
}

void RequestHandler::unsubscribe(Client &s, const QJsonObject &data, QList<Reply> *out)
{
    QList<int> valid;
    QStringList invalid;
    if (!readPairs(data, QStringLiteral("unsubscribe"), &valid, &invalid, out))
        return;
    QJsonArray pairs;
    for (int idx : valid) {
        m_rooms.leave(&s, idx);
        pairs.append(m_ctx.instruments().pair(idx));
    }
    out->append(makeReply(ev::UnsubscriptionConfirmed,
                          QJsonObject{
                              {QStringLiteral("pairs"), pairs},
                              {QStringLiteral("pair_count"), pairs.size()},
                              {QStringLiteral("total_subscriptions"), s.subscriptionCount()},
                              {QStringLiteral("invalid_pairs"), QJsonArray::fromStringList(invalid)},
                              {QStringLiteral("timestamp"), core::isoNow()},
                          }));
}

void RequestHandler::subscriptions(Client &s, QList<Reply> *out)
{
    QJsonArray pairs, rooms;
    for (int i = 0; i < m_ctx.instruments().size(); ++i) {
        if (!s.inRoom(i))
            continue;
        pairs.append(m_ctx.instruments().pair(i));
        rooms.append(m_ctx.instruments().room(i));
    }
    out->append(makeReply(ev::SubscriptionsInfo,
                          QJsonObject{
                              {QStringLiteral("pairs"), pairs},
                              {QStringLiteral("rooms"), rooms},
                              {QStringLiteral("pair_count"), pairs.size()},
                              {QStringLiteral("timestamp"), core::isoNow()},
                          }));
}

void RequestHandler::requestPrice(const Client &s, const QJsonObject &data, QList<Reply> *out)
{
    static const QString event = QStringLiteral("request_price");
    QJsonValue v = data.value(QStringLiteral("instrument"));
    if (v.isUndefined() || v.isNull())
        v = data.value(QStringLiteral("pair"));
    if (v.isUndefined() || v.isNull()) {
        out->append(error(ErrorCode::InvalidPayload,
                          QStringLiteral("\"instrument\" is missing, e.g. {\"instrument\": \"EUR_USD\"}"), event));
        return;
    }
    if (!v.isString()) {
        out->append(error(ErrorCode::InvalidPayload, QStringLiteral("\"instrument\" must be a string"), event));
        return;
    }
    const int idx = m_ctx.instruments().lookup(v.toString());
    if (idx < 0) {
        out->append(error(
            ErrorCode::InvalidPair, QStringLiteral("\"%1\" is not an available pair").arg(v.toString().left(64)), event,
            QJsonObject{{QStringLiteral("invalid_pairs"), QJsonArray{v.toString().left(64)}},
                        {QStringLiteral("available_pairs"), QJsonArray::fromStringList(m_ctx.instruments().pairs())}}));
        return;
    }
    if (!s.permits(idx)) {
        m_ctx.stats().countForbidden();
        out->append(error(ErrorCode::Forbidden,
                          QStringLiteral("your token does not permit %1").arg(m_ctx.instruments().pair(idx)), event,
                          QJsonObject{{QStringLiteral("forbidden_pairs"), QJsonArray{m_ctx.instruments().pair(idx)}}}));
        return;
    }
    if (!m_prices.has(idx)) {
        out->append(error(ErrorCode::PriceUnavailable,
                          QStringLiteral("no price for %1 has been received yet").arg(m_ctx.instruments().pair(idx)),
                          event, QJsonObject{{QStringLiteral("instrument"), m_ctx.instruments().pair(idx)}}));
        return;
    }
    out->append(Reply{ev::PriceResponse.toString(), m_prices.payload(idx)});
}

void RequestHandler::requestAllPrices(const Client &s, QList<Reply> *out)
{
    QJsonObject prices;
    for (int i = 0; i < m_prices.size(); ++i)
        if (m_prices.has(i) && s.permits(i)) // SECURITY.md, "Pair permissions"
            prices.insert(m_ctx.instruments().pair(i), m_prices.price(i));
    out->append(makeReply(ev::AllPricesResponse,
                          QJsonObject{
                              {QStringLiteral("prices"), prices},
                              {QStringLiteral("count"), prices.size()},
                              {QStringLiteral("timestamp"), core::isoNow()},
                          }));
}

void RequestHandler::ping(const QJsonObject &data, QList<Reply> *out)
{
    QJsonValue ts = data.value(QStringLiteral("timestamp"));
    if (ts.isUndefined())
        ts = QJsonValue(QJsonValue::Null);
    out->append(makeReply(ev::Pong,
                          QJsonObject{
                              {QStringLiteral("client_timestamp"), ts},
                              {QStringLiteral("server_timestamp"), core::nowMillis()},
                              {QStringLiteral("server_time"), core::isoNow()},
                          }));
}

} // namespace fx::server
