#pragma once

// The field readers behind PayloadParser: each reads one field of a payload object, checks
// its type and range, and returns the Drop that refuses the message, or nothing.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "protocol/payloadparser.h"
#include "protocol/rawpricenumbers.h"

#include <QJsonObject>
#include <QJsonValue>

#include <initializer_list>
#include <optional>

namespace fx::protocol::payload {

// What every reader of one message (or one batch item) needs.
struct Context
{
    const core::InstrumentSet &instruments;
    qint64 receivedMicros;
    const RawPriceNumbers &raw;
    QString pathPrefix; // "" or "3." for batch items
};

inline std::optional<Drop> fail(DropReason r, const QString &detail)
{
    return Drop{r, detail};
}

// A decimal price field under "price": a JSON string of plain decimal digits or a JSON
// number; positive and finite. *text keeps the digits received.
std::optional<Drop> readPrice(const QJsonObject &price, const char *key, const Context &ctx, bool required,
                              QString *text, double *value);

// A plain JSON number, or a numeric string; finite.
std::optional<Drop> readNumber(const QJsonObject &o, const QString &key, bool required, std::optional<double> *out);

// A string when present; absent and null leave *out alone.
std::optional<Drop> readOptionalString(const QJsonObject &o, const QString &key, QString *out);

// Optional ISO 8601 timestamp; absent means the time of receipt.
std::optional<Drop> readTimestamp(const QJsonObject &o, const QString &key, const Context &ctx, QString *text,
                                  qint64 *micros);

// "severity": info, warning or critical (any case); absent means warning.
std::optional<Drop> readSeverity(const QJsonObject &o, core::Severity *out);

// A configured pair, normalised to its canonical name; `what` names the field in the detail.
std::optional<Drop> readPair(const QJsonValue &v, const QString &what, const Context &ctx, QString *pair, int *index);

// The object without the listed keys: the extra fields relayed as received.
QJsonObject without(const QJsonObject &o, std::initializer_list<const char *> keys);

// A number for a generated message: 6 significant digits.
QString num(double v);

} // namespace fx::protocol::payload
