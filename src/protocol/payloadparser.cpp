#include "core/payloadparser.h"

#include "core/timeutil.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <cmath>

namespace fx::core {

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

namespace {

// QJsonDocument turns numbers into doubles, which would lose "1.09450"'s last zero. This
// scanner walks the (already validated) JSON text once and records the literal text of every
// number whose key is bid/ask/mid inside an object under the key "price", by path
// ("price.bid" for a single object, "3.price.bid" for item 3 of a batch).
class RawPriceNumbers
{
public:
    explicit RawPriceNumbers(QByteArrayView json) { scan(json); }
    QString value(const QString &path) const { return m_values.value(path); }

private:
    struct Frame
    {
        bool isObject = false;
        int index = 0;       // arrays: next element index
        QByteArray key;      // objects: current key
        bool expectKey = true;
    };

    void scan(QByteArrayView s)
    {
        QList<Frame> stack;
        qsizetype i = 0;
        const qsizetype n = s.size();
        auto path = [&stack]() {
            QStringList parts;
            for (const Frame &f : stack)
                parts << (f.isObject ? QString::fromUtf8(f.key) : QString::number(f.index));
            return parts.join(u'.');
        };
        auto valueDone = [&stack]() {
            if (stack.isEmpty())
                return;
            Frame &f = stack.last();
            if (f.isObject)
                f.expectKey = true;
        };
        while (i < n) {
            const char c = s[i];
            if (c == '{' || c == '[') {
                Frame f;
                f.isObject = (c == '{');
                stack.append(f);
                ++i;
            } else if (c == '}' || c == ']') {
                if (!stack.isEmpty())
                    stack.removeLast();
                valueDone();
                ++i;
            } else if (c == ',') {
                if (!stack.isEmpty() && !stack.last().isObject)
                    ++stack.last().index;
                if (!stack.isEmpty() && stack.last().isObject)
                    stack.last().expectKey = true;
                ++i;
            } else if (c == ':') {
                if (!stack.isEmpty())
                    stack.last().expectKey = false;
                ++i;
            } else if (c == '"') {
                const qsizetype start = ++i;
                while (i < n && s[i] != '"') {
                    if (s[i] == '\\')
                        ++i;
                    ++i;
                }
                const QByteArray text = s.sliced(start, std::min(i, n) - start).toByteArray();
                ++i;
                if (!stack.isEmpty() && stack.last().isObject && stack.last().expectKey)
                    stack.last().key = text; // escapes in key names are not expected here
                else
                    valueDone();
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                const qsizetype start = i;
                while (i < n && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'
                                 || s[i] == 'e' || s[i] == 'E' || s[i] == '+' || s[i] == '-'))
                    ++i;
                if (stack.size() >= 2 && stack.last().isObject) {
                    const Frame &leaf = stack.last();
                    const Frame &parent = stack.at(stack.size() - 2);
                    if (parent.isObject && parent.key == "price"
                        && (leaf.key == "bid" || leaf.key == "ask" || leaf.key == "mid"))
                        m_values.insert(path(), QString::fromLatin1(s.sliced(start, i - start)));
                }
                valueDone();
            } else if (c == 't' || c == 'f' || c == 'n') {
                while (i < n && std::isalpha(static_cast<unsigned char>(s[i])))
                    ++i;
                valueDone();
            } else {
                ++i; // whitespace
            }
        }
    }

    QHash<QString, QString> m_values;
};

struct Context
{
    const InstrumentSet &instruments;
    qint64 receivedMicros;
    const RawPriceNumbers &raw;
    QString pathPrefix; // "" or "3." for batch items
};

std::optional<Drop> fail(DropReason r, const QString &detail)
{
    return Drop{r, detail};
}

// A decimal price field: a JSON string of plain decimal digits or a JSON number.
std::optional<Drop> readPrice(const QJsonObject &price, const char *key, const Context &ctx,
                              bool required, QString *text, double *value)
{
    const QString k = QString::fromLatin1(key);
    const QJsonValue v = price.value(k);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fail(DropReason::MissingField, QStringLiteral("price.%1 is missing").arg(k));
        return std::nullopt;
    }
    const QString s = v.isString() ? v.toString().trimmed() : QString();
    const std::optional<double> plain = v.isString() ? decimal::plainValue(s) : std::nullopt;
    if (plain) {
        // The usual case, digits and a point: kept as received.
        *text = s;
        *value = *plain;
    } else if (v.isString()) {
        bool ok = false;
        const double d = s.toDouble(&ok);
        if (ok && !std::isfinite(d))
            return fail(DropReason::NonFinite, QStringLiteral("price.%1 is not finite").arg(k));
        const QString lower = s.toLower();
        if (lower.contains(u"nan") || lower.contains(u"inf"))
            return fail(DropReason::NonFinite, QStringLiteral("price.%1 is not finite").arg(k));
        if (!ok)
            return fail(DropReason::WrongType, QStringLiteral("price.%1 is not a number: \"%2\"").arg(k, s.left(40)));
        if (d <= 0)
            return fail(DropReason::OutOfRange, QStringLiteral("price.%1 must be positive").arg(k));
        *text = decimal::fromDouble(d); // "1e-3", "+1.5", " 1.5": digits as a plain decimal
        *value = d;
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return fail(DropReason::NonFinite, QStringLiteral("price.%1 is not finite").arg(k));
        const QString raw = ctx.raw.value(ctx.pathPrefix + QStringLiteral("price.") + k);
        *text = decimal::isPlain(raw) ? raw : decimal::fromDouble(d);
        *value = d;
    } else {
        return fail(DropReason::WrongType, QStringLiteral("price.%1 must be a string or a number").arg(k));
    }
    if (!(*value > 0))
        return fail(DropReason::OutOfRange, QStringLiteral("price.%1 must be positive").arg(k));
    return std::nullopt;
}

// A plain JSON number, or a numeric string; finite.
std::optional<Drop> readNumber(const QJsonObject &o, const QString &key, bool required,
                               std::optional<double> *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fail(DropReason::MissingField, QStringLiteral("%1 is missing").arg(key));
        return std::nullopt;
    }
    double d = 0;
    if (v.isDouble()) {
        d = v.toDouble();
    } else if (v.isString()) {
        bool ok = false;
        d = v.toString().trimmed().toDouble(&ok);
        const QString lower = v.toString().toLower();
        if (lower.contains(u"nan") || lower.contains(u"inf"))
            return fail(DropReason::NonFinite, QStringLiteral("%1 is not finite").arg(key));
        if (!ok)
            return fail(DropReason::WrongType, QStringLiteral("%1 is not a number").arg(key));
    } else {
        return fail(DropReason::WrongType, QStringLiteral("%1 must be a number").arg(key));
    }
    if (!std::isfinite(d))
        return fail(DropReason::NonFinite, QStringLiteral("%1 is not finite").arg(key));
    *out = d;
    return std::nullopt;
}

std::optional<Drop> readOptionalString(const QJsonObject &o, const QString &key, QString *out)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull())
        return std::nullopt;
    if (!v.isString())
        return fail(DropReason::WrongType, QStringLiteral("%1 must be a string").arg(key));
    *out = v.toString();
    return std::nullopt;
}

// Optional ISO 8601 timestamp; absent means the time of receipt.
std::optional<Drop> readTimestamp(const QJsonObject &o, const QString &key, const Context &ctx,
                                  QString *text, qint64 *micros)
{
    QString s;
    if (auto d = readOptionalString(o, key, &s))
        return d;
    if (s.isEmpty()) {
        *micros = ctx.receivedMicros;
        *text = isoTimestamp(ctx.receivedMicros);
        return std::nullopt;
    }
    if (!parseIsoTimestamp(s, micros))
        return fail(DropReason::WrongType, QStringLiteral("%1 is not an ISO 8601 time: \"%2\"").arg(key, s.left(40)));
    *text = s;
    return std::nullopt;
}

std::optional<Drop> readSeverity(const QJsonObject &o, Severity *out)
{
    QString s;
    if (auto d = readOptionalString(o, QStringLiteral("severity"), &s))
        return d;
    if (s.isEmpty()) {
        *out = Severity::Warning;
        return std::nullopt;
    }
    const auto sev = parseSeverity(s);
    if (!sev)
        return fail(DropReason::OutOfRange, QStringLiteral("severity must be info, warning or critical: \"%1\"").arg(s.left(20)));
    *out = *sev;
    return std::nullopt;
}

std::optional<Drop> readPair(const QJsonValue &v, const QString &what, const Context &ctx,
                             QString *pair, int *index)
{
    if (v.isUndefined() || v.isNull())
        return fail(DropReason::MissingField, QStringLiteral("%1 is missing").arg(what));
    if (!v.isString())
        return fail(DropReason::WrongType, QStringLiteral("%1 must be a string").arg(what));
    const int idx = ctx.instruments.lookup(v.toString());
    if (idx < 0)
        return fail(DropReason::UnknownPair, QStringLiteral("%1 \"%2\" is not a configured pair").arg(what, v.toString().left(20)));
    *index = idx;
    *pair = ctx.instruments.pair(idx);
    return std::nullopt;
}

QJsonObject without(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    qsizetype known = 0;
    for (const char *k : keys)
        known += o.contains(QLatin1StringView(k));
    if (known == o.size())
        return {}; // the usual case: nothing extra, no copy
    QJsonObject rest = o;
    for (const char *k : keys)
        rest.remove(QLatin1StringView(k));
    return rest;
}

QString num(double v) { return QString::number(v, 'g', 6); }

std::optional<Drop> parsePrice(const QJsonObject &o, const Context &ctx, PriceTick *t)
{
    if (auto d = readPair(o.value(QStringLiteral("instrument")), QStringLiteral("instrument"), ctx,
                          &t->instrument, &t->index))
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
        t->quote.mid = (decimal::isPlain(t->quote.bid) && decimal::isPlain(t->quote.ask))
                           ? decimal::midpoint(t->quote.bid, t->quote.ask)
                           : decimal::fromDouble((t->bid + t->ask) / 2);
        t->mid = decimal::toDouble(t->quote.mid);
    } else if (t->mid < t->bid || t->mid > t->ask) {
        return fail(DropReason::OutOfRange, QStringLiteral("mid %1 is outside bid/ask").arg(t->quote.mid));
    }
    if (auto d = readTimestamp(price, QStringLiteral("time"), ctx, &t->quote.time, &t->timeMicros))
        return d;
    t->relayedMicros = ctx.receivedMicros;
    t->priceExtras = without(price, {"bid", "ask", "mid", "time"});
    t->extras = without(o, {"instrument", "price", "timestamp"});
    return std::nullopt;
}

std::optional<Drop> parseVolatility(const QJsonObject &o, const Context &ctx, VolatilityAlert *a)
{
    if (auto d = readPair(o.value(QStringLiteral("instrument")), QStringLiteral("instrument"), ctx,
                          &a->instrument, &a->index))
        return d;
    std::optional<double> vol;
    if (auto d = readNumber(o, QStringLiteral("volatility"), true, &vol))
        return d;
    if (*vol < 0)
        return fail(DropReason::OutOfRange, QStringLiteral("volatility must not be negative"));
    a->volatility = *vol;
    if (auto d = readNumber(o, QStringLiteral("threshold"), false, &a->threshold))
        return d;
    if (auto d = readSeverity(o, &a->severity))
        return d;
    if (auto d = readOptionalString(o, QStringLiteral("message"), &a->message))
        return d;
    if (auto d = readTimestamp(o, QStringLiteral("timestamp"), ctx, &a->timestamp, &a->raisedMicros))
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

std::optional<Drop> parseCorrelation(const QJsonObject &o, const Context &ctx, CorrelationAlert *a)
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
    if (auto d = readNumber(o, QStringLiteral("threshold"), false, &a->threshold))
        return d;
    if (auto d = readSeverity(o, &a->severity))
        return d;
    if (auto d = readOptionalString(o, QStringLiteral("message"), &a->message))
        return d;
    if (auto d = readTimestamp(o, QStringLiteral("timestamp"), ctx, &a->timestamp, &a->raisedMicros))
        return d;
    if (a->message.isEmpty()) {
        a->message = a->previous
            ? QStringLiteral("Correlation %1/%2 changed from %3 to %4").arg(a->pairA, a->pairB, num(*a->previous), num(a->correlation))
            : QStringLiteral("Correlation %1/%2 at %3").arg(a->pairA, a->pairB, num(a->correlation));
    }
    a->receivedMicros = ctx.receivedMicros;
    a->extras = without(o, {"instruments", "pair_a", "pair_b", "correlation", "previous_correlation",
                            "change", "threshold", "severity", "message", "timestamp"});
    return std::nullopt;
}

std::optional<Drop> parseDataReady(const QJsonObject &o, const Context &ctx, DataReady *r)
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
        for (const QJsonValue &v : inst.toArray()) {
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

} // namespace

PayloadParser::PayloadParser(InstrumentSet instruments, qsizetype maxPayload)
    : m_instruments(std::move(instruments)), m_maxPayload(maxPayload)
{
}

ParseResult PayloadParser::parse(ChannelKind kind, QByteArrayView payload, qint64 receivedMicros) const
{
    ParseResult result;
    if (payload.size() > m_maxPayload) {
        result.drops.append({DropReason::TooLarge,
                             QStringLiteral("message of %1 bytes exceeds the %2 byte limit").arg(payload.size()).arg(m_maxPayload)});
        return result;
    }
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError) {
        result.drops.append({DropReason::NotJson, QStringLiteral("not JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset)});
        return result;
    }
    const bool needsRaw = kind == ChannelKind::Prices;
    const RawPriceNumbers raw(needsRaw ? payload : QByteArrayView());

    auto one = [&](const QJsonValue &v, const QString &prefix) {
        if (!v.isObject()) {
            result.drops.append({DropReason::NotObject, QStringLiteral("%1message must be a JSON object").arg(prefix.isEmpty() ? QString() : QStringLiteral("batch item %1: ").arg(prefix.chopped(1)))});
            return;
        }
        const Context ctx{m_instruments, receivedMicros, raw, prefix};
        const QJsonObject o = v.toObject();
        std::optional<Drop> drop;
        switch (kind) {
        case ChannelKind::Prices: {
            PriceTick t;
            drop = parsePrice(o, ctx, &t);
            if (!drop)
                result.events.append(std::move(t));
            break;
        }
        case ChannelKind::Volatility: {
            VolatilityAlert a;
            drop = parseVolatility(o, ctx, &a);
            if (!drop)
                result.events.append(std::move(a));
            break;
        }
        case ChannelKind::Correlation: {
            CorrelationAlert a;
            drop = parseCorrelation(o, ctx, &a);
            if (!drop)
                result.events.append(std::move(a));
            break;
        }
        case ChannelKind::DataReady: {
            DataReady r;
            drop = parseDataReady(o, ctx, &r);
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
            result.drops.append({DropReason::TooLarge, QStringLiteral("batch of %1 items exceeds %2").arg(arr.size()).arg(kMaxBatch)});
            return result;
        }
        result.events.reserve(arr.size());
        for (qsizetype i = 0; i < arr.size(); ++i)
            one(arr.at(i), QString::number(i) + u'.');
        return result;
    }
    if (!doc.isObject()) {
        result.drops.append({DropReason::NotObject, kind == ChannelKind::Prices
                                                        ? QStringLiteral("message must be a JSON object or an array of objects")
                                                        : QStringLiteral("message must be a JSON object")});
        return result;
    }
    one(doc.object(), QString());
    return result;
}

} // namespace fx::core
