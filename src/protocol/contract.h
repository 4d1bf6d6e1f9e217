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
};
inline constexpr int kErrorCodeCount = 12;
QString errorCodeName(ErrorCode code);

} // namespace fx::protocol
