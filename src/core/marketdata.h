#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>
#include <variant>

namespace fx::core {

enum class Severity { Info, Warning, Critical };
QString severityName(Severity s);
// info / warning / critical, case-insensitive ("warn" accepted); nullopt otherwise.
std::optional<Severity> parseSeverity(QStringView text);

// Prices travel as the decimal text the pipeline published ("1.09450" stays "1.09450").
namespace decimal {
// Plain decimal: digits, optional fraction, no sign, no exponent.
bool isPlain(QStringView text);
// The value of a plain decimal (isPlain) without QString::toDouble()'s allocations; nullopt
// when the text is not one.
std::optional<double> plainValue(QStringView text);
// The value of any decimal text: plainValue(), else QString::toDouble().
double toDouble(QStringView text);
// Exact midpoint of two plain decimals, e.g. ("1.0945","1.0948") -> "1.09465".
QString midpoint(QStringView a, QStringView b);
// Shortest text that reads back as the same double (for numbers that arrived as JSON numbers
// with an exponent, the only case where digits cannot be kept).
QString fromDouble(double v);
} // namespace decimal

struct PriceQuote
{
    QString bid;
    QString ask;
    QString mid;
    QString time; // ISO 8601 as published, or the time of receipt when absent
};

struct PriceTick
{
    QString instrument;
    int index = -1; // position in the InstrumentSet
    PriceQuote quote;
    double bid = 0; // numeric values, for charts and checks (never re-emitted)
    double ask = 0;
    double mid = 0;
    qint64 timeMicros = 0; // quote time
    qint64 relayedMicros = 0; // when this server received it; becomes "timestamp"
    bool timeFromPayload = false; // timeMicros is the payload's own price.time (not the receipt)
    qint64 receivedNanos = 0; // monotonic, when the Redis thread read it (0: not from Redis)
    QJsonObject priceExtras; // extra fields inside "price", passed through
    QJsonObject extras; // extra top-level fields, passed through

    QJsonObject priceObject() const; // {bid, ask, mid, time} + price extras
    QJsonObject toPayload() const; // PROTOCOL.md price_update
    // toPayload() as compact JSON, byte for byte what QJsonDocument writes (keys sorted), written
    // directly when there are no extras and no string needs escaping: this runs for every tick.
    QByteArray payloadJson() const;
};

struct VolatilityAlert
{
    QString instrument;
    int index = -1;
    double volatility = 0;
    std::optional<double> threshold;
    Severity severity = Severity::Warning;
    QString message;
    QString timestamp;
    qint64 raisedMicros = 0;
    qint64 receivedMicros = 0;
    qint64 receivedNanos = 0; // monotonic, when the Redis thread read it (0: not from Redis)
    QJsonObject extras;

    QJsonObject toPayload() const;
};

struct CorrelationAlert
{
    QString pairA;
    QString pairB;
    int indexA = -1;
    int indexB = -1;
    double correlation = 0;
    std::optional<double> previous;
    std::optional<double> change;
    std::optional<double> threshold;
    Severity severity = Severity::Warning;
    QString message;
    QString timestamp;
    qint64 raisedMicros = 0;
    qint64 receivedMicros = 0;
    qint64 receivedNanos = 0; // monotonic, when the Redis thread read it (0: not from Redis)
    QJsonObject extras;

    QJsonObject toPayload() const;
};

struct DataReady
{
    QString dataType;
    QStringList instruments;
    QString message;
    QString timestamp;
    qint64 receivedMicros = 0;
    qint64 receivedNanos = 0; // monotonic, when the Redis thread read it (0: not from Redis)
    QJsonObject extras;

    QJsonObject toPayload() const;
};

using MarketEvent = std::variant<PriceTick, VolatilityAlert, CorrelationAlert, DataReady>;

// ARCHITECTURE.md, "Delivery latency": the monotonic time the Redis thread read the event.
inline qint64 receivedNanos(const MarketEvent &e)
{
    return std::visit([](const auto &x) { return x.receivedNanos; }, e);
}
inline void setReceivedNanos(MarketEvent &e, qint64 nanos)
{
    std::visit([nanos](auto &x) { x.receivedNanos = nanos; }, e);
}

} // namespace fx::core
