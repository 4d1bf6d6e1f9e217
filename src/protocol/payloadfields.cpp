#include "protocol/payloadfields.h"

#include "core/timeutil.h"

#include <cmath>

namespace fx::protocol::payload {

std::optional<Drop> readPrice(const QJsonObject &price, const char *key, const Context &ctx, bool required,
                              QString *text, double *value)
{
    const QString k = QString::fromLatin1(key);
    const QJsonValue v = price.value(k);
    if (v.isUndefined() || v.isNull()) {
        if (required)
            return fail(DropReason::MissingField, QStringLiteral("price.%1 is missing").arg(k));
        return std::nullopt;
    }
    const QString s = v.isString() ? v.toString().trimmed() : QString();
    const std::optional<double> plain = v.isString() ? core::decimal::plainValue(s) : std::nullopt;
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
        *text = core::decimal::fromDouble(d); // "1e-3", "+1.5", " 1.5": digits as a plain decimal
        *value = d;
    } else if (v.isDouble()) {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            return fail(DropReason::NonFinite, QStringLiteral("price.%1 is not finite").arg(k));
        const QString raw = ctx.raw.value(ctx.pathPrefix + QStringLiteral("price.") + k);
        *text = core::decimal::isPlain(raw) ? raw : core::decimal::fromDouble(d);
        *value = d;
    } else {
        return fail(DropReason::WrongType, QStringLiteral("price.%1 must be a string or a number").arg(k));
    }
    if (!(*value > 0))
        return fail(DropReason::OutOfRange, QStringLiteral("price.%1 must be positive").arg(k));
    return std::nullopt;
}

std::optional<Drop> readNumber(const QJsonObject &o, const QString &key, bool required, std::optional<double> *out)
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

std::optional<Drop> readTimestamp(const QJsonObject &o, const QString &key, const Context &ctx, QString *text,
                                  qint64 *micros)
{
    QString s;
    if (auto d = readOptionalString(o, key, &s))
        return d;
    if (s.isEmpty()) {
        *micros = ctx.receivedMicros;
        *text = core::isoTimestamp(ctx.receivedMicros);
        return std::nullopt;
    }
    if (!core::parseIsoTimestamp(s, micros))
        return fail(DropReason::WrongType, QStringLiteral("%1 is not an ISO 8601 time: \"%2\"").arg(key, s.left(40)));
    *text = s;
    return std::nullopt;
}

std::optional<Drop> readSeverity(const QJsonObject &o, core::Severity *out)
{
    QString s;
    if (auto d = readOptionalString(o, QStringLiteral("severity"), &s))
        return d;
    if (s.isEmpty()) {
        *out = core::Severity::Warning;
        return std::nullopt;
    }
    const auto sev = core::parseSeverity(s);
    if (!sev)
        return fail(DropReason::OutOfRange,
                    QStringLiteral("severity must be info, warning or critical: \"%1\"").arg(s.left(20)));
    *out = *sev;
    return std::nullopt;
}

std::optional<Drop> readPair(const QJsonValue &v, const QString &what, const Context &ctx, QString *pair, int *index)
{
    if (v.isUndefined() || v.isNull())
        return fail(DropReason::MissingField, QStringLiteral("%1 is missing").arg(what));
    if (!v.isString())
        return fail(DropReason::WrongType, QStringLiteral("%1 must be a string").arg(what));
    const int idx = ctx.instruments.lookup(v.toString());
    if (idx < 0)
        return fail(DropReason::UnknownPair,
                    QStringLiteral("%1 \"%2\" is not a configured pair").arg(what, v.toString().left(20)));
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

QString num(double v)
{
    return QString::number(v, 'g', 6);
}

} // namespace fx::protocol::payload
