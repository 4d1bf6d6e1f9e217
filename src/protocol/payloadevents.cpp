#include "protocol/payloadevents.h"

#include <QJsonArray>

namespace fx::protocol::payload {

namespace {

// The fields both alert kinds carry after their own: threshold, severity, message, timestamp.
template <typename Alert>
std::optional<Drop> readAlertFields(const QJsonObject &o, const Context &ctx, Alert *a)
{
    if (auto d = readNumber(o, QStringLiteral("threshold"), false, &a->threshold))
        return d;
    if (auto d = readSeverity(o, &a->severity))
        return d;
    if (auto d = readOptionalString(o, QStringLiteral("message"), &a->message))
        return d;
    if (auto d = readTimestamp(o, QStringLiteral("timestamp"), ctx, &a->timestamp, &a->raisedMicros))
        return d;
    return std::nullopt;
}

} // namespace

std::optional<Drop> parsePrice(const QJsonObject &o, const Context &ctx, core::PriceTick *t)
{
    if (auto d = readPair(o.value(QStringLiteral("instrument")), QStringLiteral("instrument"), ctx, &t->instrument,
                          &t->index))
        return d;
    const QJsonValue pv = o.value(QStringLiteral("price"));
    if (pv.isUndefined() || pv.isNull())
        return fail(DropReason::MissingField, QStringLiteral("price is missing"));
    if (!pv.isObject())
        return fail(DropReason::WrongType, QStringLiteral("price must be an object"));
    const QJsonObject price = pv.toObject();
    if (auto d = readPrice(price, "bid", ctx, true, &t->quote.bid, &t->bid))
        return d;
    if (auto d = readPrice(price, "ask", ctx, true, &t->quote.ask, &t->ask))
        return d;
    if (t->bid > t->ask)
        return fail(DropReason::BidAboveAsk, QStringLiteral("bid %1 is above ask %2").arg(t->quote.bid, t->quote.ask));
    if (auto d = readPrice(price, "mid", ctx, false, &t->quote.mid, &t->mid))
        return d;
    if (t->quote.mid.isEmpty()) {
        t->quote.mid = (core::decimal::isPlain(t->quote.bid) && core::decimal::isPlain(t->quote.ask))
            ? core::decimal::midpoint(t->quote.bid, t->quote.ask)
            : core::decimal::fromDouble((t->bid + t->ask) / 2);
        t->mid = core::decimal::toDouble(t->quote.mid);
    } else if (t->mid < t->bid || t->mid > t->ask) {
        return fail(DropReason::OutOfRange, QStringLiteral("mid %1 is outside bid/ask").arg(t->quote.mid));
    }
    if (auto d = readTimestamp(price, QStringLiteral("time"), ctx, &t->quote.time, &t->timeMicros))
        return d;
    t->timeFromPayload =
        price.value(QStringLiteral("time")).isString() && !price.value(QStringLiteral("time")).toString().isEmpty();
    t->relayedMicros = ctx.receivedMicros;
    t->priceExtras = without(price, {"bid", "ask", "mid", "time"});
    t->extras = without(o, {"instrument", "price", "timestamp"});
    return std::nullopt;
}

std::optional<Drop> parseVolatility(const QJsonObject &o, const Context &ctx, core::VolatilityAlert *a)
{
    if (auto d = readPair(o.value(QStringLiteral("instrument")), QStringLiteral("instrument"), ctx, &a->instrument,
                          &a->index))
        return d;
    std::optional<double> vol;
    if (auto d = readNumber(o, QStringLiteral("volatility"), true, &vol))
        return d;
    if (*vol < 0)
        return fail(DropReason::OutOfRange, QStringLiteral("volatility must not be negative"));
    a->volatility = *vol;
    if (auto d = readAlertFields(o, ctx, a))
        return d;
    if (a->message.isEmpty()) {
        a->message = a->threshold
            ? QStringLiteral("Volatility (%1) exceeded threshold (%2)").arg(num(a->volatility), num(*a->threshold))
            : QStringLiteral("Volatility of %1 at %2").arg(a->instrument, num(a->volatility));
    }
    a->receivedMicros = ctx.receivedMicros;
    a->extras = without(o, {"instrument", "volatility", "threshold", "severity", "message", "timestamp"});
    return std::nullopt;
}

std::optional<Drop> parseCorrelation(const QJsonObject &o, const Context &ctx, core::CorrelationAlert *a)
{
    const QJsonValue inst = o.value(QStringLiteral("instruments"));
    if (!inst.isUndefined() && !inst.isNull()) {
        if (!inst.isArray())
            return fail(DropReason::WrongType, QStringLiteral("instruments must be an array of two pairs"));
        const QJsonArray arr = inst.toArray();
        if (arr.size() != 2)
            return fail(DropReason::OutOfRange, QStringLiteral("instruments must name exactly two pairs"));
        if (auto d = readPair(arr.at(0), QStringLiteral("instruments[0]"), ctx, &a->pairA, &a->indexA))
            return d;
        if (auto d = readPair(arr.at(1), QStringLiteral("instruments[1]"), ctx, &a->pairB, &a->indexB))
            return d;
    } else {
        if (!o.contains(QStringLiteral("pair_a")) && !o.contains(QStringLiteral("pair_b")))
            return fail(DropReason::MissingField, QStringLiteral("instruments (or pair_a and pair_b) is missing"));
        if (auto d = readPair(o.value(QStringLiteral("pair_a")), QStringLiteral("pair_a"), ctx, &a->pairA, &a->indexA))
            return d;
        if (auto d = readPair(o.value(QStringLiteral("pair_b")), QStringLiteral("pair_b"), ctx, &a->pairB, &a->indexB))
            return d;
    }
    if (a->indexA == a->indexB)
        return fail(DropReason::OutOfRange, QStringLiteral("a correlation needs two different pairs"));
    std::optional<double> corr;
    if (auto d = readNumber(o, QStringLiteral("correlation"), true, &corr))
        return d;
    if (*corr < -1.0000001 || *corr > 1.0000001)
        return fail(DropReason::OutOfRange, QStringLiteral("correlation must be between -1 and 1"));
    a->correlation = *corr;
    if (auto d = readNumber(o, QStringLiteral("previous_correlation"), false, &a->previous))
        return d;
    if (a->previous && (*a->previous < -1.0000001 || *a->previous > 1.0000001))
        return fail(DropReason::OutOfRange, QStringLiteral("previous_correlation must be between -1 and 1"));
    if (auto d = readNumber(o, QStringLiteral("change"), false, &a->change))
        return d;
    if (!a->change && a->previous)
        a->change = a->correlation - *a->previous;
    if (auto d = readAlertFields(o, ctx, a))
        return d;
    if (a->message.isEmpty()) {
        a->message = a->previous
            ? QStringLiteral("Correlation %1/%2 changed from %3 to %4")
                  .arg(a->pairA, a->pairB, num(*a->previous), num(a->correlation))
            : QStringLiteral("Correlation %1/%2 at %3").arg(a->pairA, a->pairB, num(a->correlation));
    }
    a->receivedMicros = ctx.receivedMicros;
    a->extras = without(o,
                        {"instruments", "pair_a", "pair_b", "correlation", "previous_correlation", "change",
                         "threshold", "severity", "message", "timestamp"});
    return std::nullopt;
}

std::optional<Drop> parseDataReady(const QJsonObject &o, const Context &ctx, core::DataReady *r)
{
    const QJsonValue type = o.value(QStringLiteral("data_type"));
    if (type.isUndefined() || type.isNull())
        return fail(DropReason::MissingField, QStringLiteral("data_type is missing"));
    if (!type.isString())
        return fail(DropReason::WrongType, QStringLiteral("data_type must be a string"));
    r->dataType = type.toString().trimmed();
    if (r->dataType.isEmpty() || r->dataType.size() > 200)
        return fail(DropReason::OutOfRange, QStringLiteral("data_type must be 1 to 200 characters"));
    const QJsonValue inst = o.value(QStringLiteral("instruments"));
    if (!inst.isUndefined() && !inst.isNull()) {
        if (!inst.isArray())
            return fail(DropReason::WrongType, QStringLiteral("instruments must be an array of strings"));
        const QJsonArray names = inst.toArray();
        for (const QJsonValue v : names) {
            if (!v.isString())
                return fail(DropReason::WrongType, QStringLiteral("instruments must be an array of strings"));
            const int idx = ctx.instruments.lookup(v.toString());
            r->instruments << (idx >= 0 ? ctx.instruments.pair(idx) : v.toString());
        }
    }
    if (auto d = readOptionalString(o, QStringLiteral("message"), &r->message))
        return d;
    qint64 ignored = 0;
    if (auto d = readTimestamp(o, QStringLiteral("timestamp"), ctx, &r->timestamp, &ignored))
        return d;
    if (r->message.isEmpty())
        r->message = QStringLiteral("New %1 data available").arg(r->dataType);
    r->receivedMicros = ctx.receivedMicros;
    r->extras = without(o, {"data_type", "instruments", "message", "timestamp"});
    return std::nullopt;
}

} // namespace fx::protocol::payload
