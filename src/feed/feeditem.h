#pragma once

#include "protocol/payloadparser.h"

#include <QByteArray>
#include <QString>
#include <variant>

namespace fx::feed {

// One price update as published on price_updates and cached in price:<PAIR>.
struct FeedTick
{
    int index = -1; // position in the pair list
    QString instrument; // EUR_USD
    qint64 timeMicros = 0;
    QString bid; // decimal text, published as JSON strings with these exact digits
    QString ask;
    QString mid;
    double midValue = 0; // numeric mid, for the analytics

    QString timeText() const; // ISO 8601 UTC with microseconds
    // {"instrument":"EUR_USD","price":{"bid":"1.08412","ask":"1.08421","mid":"1.084165","time":"..."}}
    QByteArray toJson() const;
};

// An analytics message (volatility_alerts, correlation_alerts, data_ready): compact JSON.
struct FeedEvent
{
    protocol::ChannelKind channel = protocol::ChannelKind::DataReady;
    QByteArray payload;
};

// What the simulator (or a replay) produces, in publication order.
using FeedItem = std::variant<FeedTick, FeedEvent>;

// Formats an integer number of ticks (10^-decimals) as plain decimal text: (108412, 5) -> "1.08412".
QString formatTicks(qint64 ticks, int decimals);

} // namespace fx::feed
