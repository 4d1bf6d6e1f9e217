#pragma once

// Names of the wire contract (PROTOCOL.md: requests, events and errors), shared by both wire formats.

#include <QString>
#include <QStringView>

namespace fx::protocol {

enum class ClientEvent {
    Subscribe,
    Unsubscribe,
    GetSubscriptions,
    RequestPrice,
    RequestAllPrices,
    GetServerStats,
    Ping,
    RefreshToken, // SECURITY.md, "Tokens"
    GetAlertHistory, // answered asynchronously from the database (server/alerthistory.h)
    SetAlert, // PROTOCOL.md, "Alert rules": answered by the shard (alertrequests.cpp)
    ListAlerts,
    UpdateAlert,
    DeleteAlert,
    Unknown,
};
ClientEvent clientEventFromName(QStringView name);

namespace event {
inline constexpr QStringView ConnectionEstablished = u"connection_established";
inline constexpr QStringView SubscriptionConfirmed = u"subscription_confirmed";
inline constexpr QStringView UnsubscriptionConfirmed = u"unsubscription_confirmed";
inline constexpr QStringView SubscriptionsInfo = u"subscriptions_info";
inline constexpr QStringView PriceUpdate = u"price_update";
inline constexpr QStringView PriceResponse = u"price_response";
inline constexpr QStringView AllPricesResponse = u"all_prices_response";
inline constexpr QStringView VolatilityAlert = u"volatility_alert";
inline constexpr QStringView CorrelationAlert = u"correlation_alert";
inline constexpr QStringView DataReady = u"data_ready";
inline constexpr QStringView ServerStats = u"server_stats";
inline constexpr QStringView Pong = u"pong";
inline constexpr QStringView Error = u"error";
inline constexpr QStringView TokenRefreshed = u"token_refreshed";
inline constexpr QStringView AlertHistory = u"alert_history";
inline constexpr QStringView FeedStatus = u"feed_status"; // to clients that sent subscribe
inline constexpr QStringView AlertSet = u"alert_set"; // PROTOCOL.md, "Alert rules"
inline constexpr QStringView AlertsList = u"alerts_list";
inline constexpr QStringView AlertUpdated = u"alert_updated";
inline constexpr QStringView AlertDeleted = u"alert_deleted";
inline constexpr QStringView PriceAlert = u"price_alert"; // to a rule's owner when it fires
} // namespace event

enum class ErrorCode {
    InvalidJson,
    InvalidPayload,
    UnknownEvent,
    InvalidPair,
    PriceUnavailable,
    RateLimited,
    MessageTooLarge,
    Unauthorized,
    ServerFull,
    Forbidden, // a pair the client's token does not permit (SECURITY.md, "Pair permissions")
    TokenExpired, // the client's token expired: close 4001 follows (SECURITY.md, "Tokens")
    TooManyConnections, // WEBSOCKET_MAX_CONNECTIONS_PER_IP reached: close 1013 (SECURITY.md, "Bounds")
    InvalidCursor, // get_alert_history: a cursor this server did not give for this query
    HistoryUnavailable, // get_alert_history: no database configured, or it cannot be read now
    TooManyQueries, // get_alert_history: too many of the client's (or the server's) queries running
    TooManyAlerts, // set_alert: WEBSOCKET_MAX_ALERTS_PER_CLIENT or WEBSOCKET_MAX_ALERTS reached
};
inline constexpr int kErrorCodeCount = 16;
QString errorCodeName(ErrorCode code);

} // namespace fx::protocol
