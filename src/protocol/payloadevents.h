#pragma once

// One parser per event kind of PayloadParser: each reads a payload object into its event or
// returns the Drop that refuses it (REDIS.md lists the fields and the reasons).

#include "core/marketdata.h"
#include "protocol/payloadfields.h"

#include <QJsonObject>

#include <optional>

namespace fx::protocol::payload {

std::optional<Drop> parsePrice(const QJsonObject &o, const Context &ctx, core::PriceTick *t);
std::optional<Drop> parseVolatility(const QJsonObject &o, const Context &ctx, core::VolatilityAlert *a);
std::optional<Drop> parseCorrelation(const QJsonObject &o, const Context &ctx, core::CorrelationAlert *a);
std::optional<Drop> parseDataReady(const QJsonObject &o, const Context &ctx, core::DataReady *r);

} // namespace fx::protocol::payload
