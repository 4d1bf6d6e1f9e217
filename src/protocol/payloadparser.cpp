#include "protocol/payloadparser.h"

#include "protocol/payloadevents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace fx::protocol {

QString channelKindName(ChannelKind kind)
{
    switch (kind) {
    case ChannelKind::Prices: return QStringLiteral("price_updates");
    case ChannelKind::Volatility: return QStringLiteral("volatility_alerts");
    case ChannelKind::Correlation: return QStringLiteral("correlation_alerts");
    case ChannelKind::DataReady: return QStringLiteral("data_ready");
    }
    return {};
}

QString dropReasonName(DropReason reason)
{
    switch (reason) {
    case DropReason::NotJson: return QStringLiteral("not_json");
    case DropReason::NotObject: return QStringLiteral("not_object");
    case DropReason::MissingField: return QStringLiteral("missing_field");
    case DropReason::WrongType: return QStringLiteral("wrong_type");
    case DropReason::NonFinite: return QStringLiteral("non_finite");
    case DropReason::UnknownPair: return QStringLiteral("unknown_pair");
    case DropReason::BidAboveAsk: return QStringLiteral("bid_above_ask");
    case DropReason::OutOfRange: return QStringLiteral("out_of_range");
    case DropReason::TooLarge: return QStringLiteral("too_large");
    case DropReason::EmptyBatch: return QStringLiteral("empty_batch");
    }
    return {};
}

PayloadParser::PayloadParser(core::InstrumentSet instruments, qsizetype maxPayload)
    : m_instruments(std::move(instruments))
    , m_maxPayload(maxPayload)
{
}

ParseResult PayloadParser::parse(ChannelKind kind, QByteArrayView payload, qint64 receivedMicros) const
{
    ParseResult result;
    if (payload.size() > m_maxPayload) {
        result.drops.append(
            {DropReason::TooLarge,
             QStringLiteral("message of %1 bytes exceeds the %2 byte limit").arg(payload.size()).arg(m_maxPayload)});
        return result;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError) {
        result.drops.append(
            {DropReason::NotJson, QStringLiteral("not JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset)});
        return result;
    }
    const bool needsRaw = kind == ChannelKind::Prices;
    const payload::RawPriceNumbers raw(needsRaw ? payload : QByteArrayView());

    auto one = [&](const QJsonValue &v, const QString &prefix) {
        if (!v.isObject()) {
            result.drops.append(
                {DropReason::NotObject,
                 QStringLiteral("%1message must be a JSON object")
                     .arg(prefix.isEmpty() ? QString() : QStringLiteral("batch item %1: ").arg(prefix.chopped(1)))});
            return;
        }
        const payload::Context ctx{m_instruments, receivedMicros, raw, prefix};
        const QJsonObject o = v.toObject();
        std::optional<Drop> drop;
        switch (kind) {
        case ChannelKind::Prices: {
            core::PriceTick t;
            drop = payload::parsePrice(o, ctx, &t);
            if (!drop)
                result.events.append(std::move(t));
            break;
        }
        case ChannelKind::Volatility: {
            core::VolatilityAlert a;
            drop = payload::parseVolatility(o, ctx, &a);
            if (!drop)
                result.events.append(std::move(a));
            break;
        }
        case ChannelKind::Correlation: {
            core::CorrelationAlert a;
            drop = payload::parseCorrelation(o, ctx, &a);
            if (!drop)
                result.events.append(std::move(a));
            break;
        }
        case ChannelKind::DataReady: {
            core::DataReady r;
            drop = payload::parseDataReady(o, ctx, &r);
            if (!drop)
                result.events.append(std::move(r));
            break;
        }
        }
        if (drop) {
            if (!prefix.isEmpty())
                drop->detail = QStringLiteral("batch item %1: ").arg(prefix.chopped(1)) + drop->detail;
            result.drops.append(*drop);
        }
    };

    if (doc.isArray() && kind == ChannelKind::Prices) {
        const QJsonArray arr = doc.array();
        if (arr.isEmpty()) {
            result.drops.append({DropReason::EmptyBatch, QStringLiteral("empty batch")});
            return result;
        }
        if (arr.size() > kMaxBatch) {
            result.drops.append(
                {DropReason::TooLarge, QStringLiteral("batch of %1 items exceeds %2").arg(arr.size()).arg(kMaxBatch)});
            return result;
        }
        result.events.reserve(arr.size());
        for (qsizetype i = 0; i < arr.size(); ++i)
            one(arr.at(i), QString::number(i) + u'.');
        return result;
    }
    if (!doc.isObject()) {
        result.drops.append({DropReason::NotObject,
                             kind == ChannelKind::Prices
                                 ? QStringLiteral("message must be a JSON object or an array of objects")
                                 : QStringLiteral("message must be a JSON object")});
        return result;
    }
    one(doc.object(), QString());
    return result;
}

} // namespace fx::protocol
