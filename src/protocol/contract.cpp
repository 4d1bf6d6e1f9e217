#include "protocol/contract.h"

namespace fx::protocol {

ClientEvent clientEventFromName(QStringView name)
{
    if (name == u"subscribe")
        return ClientEvent::Subscribe;
    if (name == u"unsubscribe")
        return ClientEvent::Unsubscribe;
    if (name == u"get_subscriptions")
        return ClientEvent::GetSubscriptions;
    if (name == u"request_price")
        return ClientEvent::RequestPrice;
    if (name == u"request_all_prices")
        return ClientEvent::RequestAllPrices;
    if (name == u"get_server_stats")
        return ClientEvent::GetServerStats;
    if (name == u"ping")
        return ClientEvent::Ping;
    if (name == u"refresh_token")
        return ClientEvent::RefreshToken;
    if (name == u"get_alert_history")
        return ClientEvent::GetAlertHistory;
    if (name == u"set_alert")
        return ClientEvent::SetAlert;
    if (name == u"list_alerts")
        return ClientEvent::ListAlerts;
    if (name == u"update_alert")
        return ClientEvent::UpdateAlert;
    if (name == u"delete_alert")
        return ClientEvent::DeleteAlert;
    return ClientEvent::Unknown;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidJson: return QStringLiteral("INVALID_JSON");
    case ErrorCode::InvalidPayload: return QStringLiteral("INVALID_PAYLOAD");
    case ErrorCode::UnknownEvent: return QStringLiteral("UNKNOWN_EVENT");
    case ErrorCode::InvalidPair: return QStringLiteral("INVALID_PAIR");
    case ErrorCode::PriceUnavailable: return QStringLiteral("PRICE_UNAVAILABLE");
    case ErrorCode::RateLimited: return QStringLiteral("RATE_LIMITED");
    case ErrorCode::MessageTooLarge: return QStringLiteral("MESSAGE_TOO_LARGE");
    case ErrorCode::Unauthorized: return QStringLiteral("UNAUTHORIZED");
    case ErrorCode::ServerFull: return QStringLiteral("SERVER_FULL");
    case ErrorCode::Forbidden: return QStringLiteral("FORBIDDEN");
    case ErrorCode::TokenExpired: return QStringLiteral("TOKEN_EXPIRED");
    case ErrorCode::TooManyConnections: return QStringLiteral("TOO_MANY_CONNECTIONS");
    case ErrorCode::InvalidCursor: return QStringLiteral("INVALID_CURSOR");
    case ErrorCode::HistoryUnavailable: return QStringLiteral("HISTORY_UNAVAILABLE");
    case ErrorCode::TooManyQueries: return QStringLiteral("TOO_MANY_QUERIES");
    case ErrorCode::TooManyAlerts: return QStringLiteral("TOO_MANY_ALERTS");
    }
    return {};
}

} // namespace fx::protocol
