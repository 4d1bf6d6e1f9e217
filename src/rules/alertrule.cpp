#include "rules/alertrule.h"

#include "core/timeutil.h"

#include <QJsonValue>
#include <QStringList>
#include <cmath>

namespace fx::rules {

namespace {

const QString kPair = QStringLiteral("pair");
const QString kField = QStringLiteral("field");
const QString kCondition = QStringLiteral("condition");
const QString kValue = QStringLiteral("value");
const QString kWindow = QStringLiteral("window_seconds");
const QString kRepeat = QStringLiteral("repeat");
const QString kCooldown = QStringLiteral("cooldown_seconds");
const QString kExpiresAt = QStringLiteral("expires_at");
const QString kNote = QStringLiteral("note");
const QString kId = QStringLiteral("id");
const QString kEnabled = QStringLiteral("enabled");
const QString kCreatedAt = QStringLiteral("created_at");
const QString kTimesFired = QStringLiteral("times_fired");
const QString kLastFiredAt = QStringLiteral("last_fired_at");
const QString kBroadcast = QStringLiteral("broadcast");

bool fail(QString *errorField, QString *message, const QString &field, const QString &text)
{
    if (errorField)
        *errorField = field;
    if (message)
        *message = text;
    return false;
}

// A whole number in [lo, hi] (a JSON number without a fraction).
bool readInt(const QJsonValue &v, qint64 lo, qint64 hi, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(lo) || d > double(hi))
        return false;
    *out = qint64(d);
    return true;
}

// Printable text: no control, format, unassigned or private-use characters, no lone surrogate.
bool isPrintableText(const QString &s, int *codePoints)
{
    int n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        char32_t c = s.at(i).unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= s.size() || !s.at(i + 1).isLowSurrogate())
                return false;
            c = QChar::surrogateToUcs4(s.at(i), s.at(i + 1));
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return false;
        }
        if (!QChar::isPrint(c))
            return false;
        ++n;
    }
    *codePoints = n;
    return true;
}

QJsonValue isoOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(core::isoTimestamp(ms * 1000)) : QJsonValue(QJsonValue::Null);
}

// An ISO 8601 time (converted to UTC) or epoch milliseconds; 0 for null.
bool readTime(const QJsonValue &v, qint64 *ms)
{
    if (v.isNull()) {
        *ms = 0;
        return true;
    }
    if (v.isString()) {
        qint64 micros = 0;
        if (!core::parseIsoTimestamp(v.toString(), &micros) || micros <= 0)
            return false;
        *ms = micros / 1000;
        return *ms <= kMaxExpiresAtMs;
    }
    return readInt(v, 1, kMaxExpiresAtMs, ms);
}

bool readDefinition(const QJsonObject &data, const ParseContext &context, AlertRule *rule, QString *errorField,
                    QString *message)
{
    const QJsonValue pair = data.value(kPair);
    if (!pair.isString())
        return fail(errorField, message, kPair,
                    QStringLiteral("\"pair\" is required: a pair name such as \"EUR_USD\""));
    const int index = context.instruments ? context.instruments->lookup(pair.toString()) : -1;
    if (index < 0)
        return fail(errorField, message, kPair,
                    QStringLiteral("\"%1\" is not an available pair").arg(pair.toString().left(32)));
    rule->pairIndex = index;
    rule->pair = context.instruments->pair(index);

    const auto field = parseField(data.value(kField).toString());
    if (!data.value(kField).isString() || !field)
        return fail(errorField, message, kField,
                    QStringLiteral("\"field\" must be \"bid\", \"ask\", \"mid\" or \"spread\""));
    rule->field = *field;

    const auto condition = parseCondition(data.value(kCondition).toString());
    if (!data.value(kCondition).isString() || !condition)
        return fail(errorField, message, kCondition,
                    QStringLiteral("\"condition\" must be \"above\", \"below\", \"crosses\" or \"change_pct\""));
    rule->condition = *condition;

    const QJsonValue value = data.value(kValue);
    if (!value.isDouble())
        return fail(errorField, message, kValue, QStringLiteral("\"value\" is required: a number"));
    QString why;
    if (!checkRuleValue(rule->field, rule->condition, value.toDouble(), &why))
        return fail(errorField, message, kValue, why);
    rule->value = value.toDouble();

    const QJsonValue window = data.value(kWindow);
    if (rule->condition == Condition::ChangePct) {
        qint64 w = 0;
        if (!readInt(window, 1, kMaxWindowSeconds, &w))
            return fail(errorField, message, kWindow,
                        QStringLiteral("\"window_seconds\" is required for change_pct: a whole number from 1 to %1")
                            .arg(kMaxWindowSeconds));
        rule->windowSeconds = int(w);
    } else if (!window.isUndefined()) {
        return fail(errorField, message, kWindow, QStringLiteral("\"window_seconds\" is only for change_pct"));
    }

    const QJsonValue repeat = data.value(kRepeat);
    if (repeat.isUndefined() || repeat == QJsonValue(QStringLiteral("once"))) {
        rule->repeat = Repeat::Once;
    } else if (repeat == QJsonValue(QStringLiteral("every"))) {
        rule->repeat = Repeat::Every;
    } else if (repeat.isObject()) {
        const QJsonObject r = repeat.toObject();
        for (auto it = r.begin(); it != r.end(); ++it)
            if (it.key() != kCooldown)
                return fail(errorField, message, kRepeat + u'.' + it.key().left(32),
                            QStringLiteral("unknown field in \"repeat\"; the only one is \"cooldown_seconds\""));
        qint64 c = 0;
        if (!readInt(r.value(kCooldown), 1, kMaxCooldownSeconds, &c))
            return fail(
                errorField, message, kRepeat + u'.' + kCooldown,
                QStringLiteral("\"cooldown_seconds\" must be a whole number from 1 to %1").arg(kMaxCooldownSeconds));
        rule->repeat = Repeat::Cooldown;
        rule->cooldownSeconds = int(c);
    } else {
        return fail(errorField, message, kRepeat,
                    QStringLiteral("\"repeat\" must be \"once\", \"every\" or {\"cooldown_seconds\": N}"));
    }

    const QJsonValue expires = data.value(kExpiresAt);
    if (!expires.isUndefined()) {
        qint64 ms = 0;
        if (!readTime(expires, &ms))
            return fail(errorField, message, kExpiresAt,
                        QStringLiteral("\"expires_at\" must be an ISO 8601 time such as \"2026-12-31T23:59:59Z\" or "
                                       "milliseconds since 1970, before the year 10000"));
        if (ms != 0 && ms <= context.nowMs && !context.allowPastExpiry)
            return fail(errorField, message, kExpiresAt, QStringLiteral("\"expires_at\" must be in the future"));
        rule->expiresAtMs = ms;
    }

    const QJsonValue note = data.value(kNote);
    if (!note.isUndefined()) {
        int length = 0;
        if (!note.isString() || !isPrintableText(note.toString(), &length) || length > kMaxNoteLength)
            return fail(errorField, message, kNote,
                        QStringLiteral("\"note\" must be text of at most %1 printable characters").arg(kMaxNoteLength));
        rule->note = note.toString();
    }

    const QJsonValue broadcast = data.value(kBroadcast);
    if (!broadcast.isUndefined()) {
        if (!context.allowBroadcast)
            return fail(errorField, message, kBroadcast,
                        QStringLiteral("\"broadcast\" is for the desk's own rules: a client's rule alerts only "
                                       "its owner"));
        if (!broadcast.isBool())
            return fail(errorField, message, kBroadcast, QStringLiteral("\"broadcast\" must be true or false"));
        rule->broadcast = broadcast.toBool();
    }
    return true;
}

bool refuseUnknown(const QJsonObject &data, const QStringList &known, QString *errorField, QString *message)
{
    for (auto it = data.begin(); it != data.end(); ++it)
        if (!known.contains(it.key()))
            return fail(errorField, message, it.key().left(32),
                        QStringLiteral("unknown field \"%1\"; known fields: %2")
                            .arg(it.key().left(32), known.join(QStringLiteral(", "))));
    return true;
}

bool readId(const QJsonValue &v, QString *id, QString *errorField, QString *message)
{
    int length = 0;
    if (!v.isString() || v.toString().isEmpty() || !isPrintableText(v.toString(), &length)
        || v.toString().size() > kMaxIdLength)
        return fail(
            errorField, message, kId,
            QStringLiteral("\"id\" is required: the id alert_set gave (at most %1 characters)").arg(kMaxIdLength));
    *id = v.toString();
    return true;
}

} // namespace

QString fieldName(Field f)
{
    switch (f) {
    case Field::Bid: return QStringLiteral("bid");
    case Field::Ask: return QStringLiteral("ask");
    case Field::Mid: return QStringLiteral("mid");
    case Field::Spread: return QStringLiteral("spread");
    }
    return {};
}

QString conditionName(Condition c)
{
    switch (c) {
    case Condition::Above: return QStringLiteral("above");
    case Condition::Below: return QStringLiteral("below");
    case Condition::Crosses: return QStringLiteral("crosses");
    case Condition::ChangePct: return QStringLiteral("change_pct");
    }
    return {};
}

std::optional<Field> parseField(QStringView text)
{
    for (Field f : {Field::Bid, Field::Ask, Field::Mid, Field::Spread})
        if (text == fieldName(f))
            return f;
    return std::nullopt;
}

std::optional<Condition> parseCondition(QStringView text)
{
    for (Condition c : {Condition::Above, Condition::Below, Condition::Crosses, Condition::ChangePct})
        if (text == conditionName(c))
            return c;
    return std::nullopt;
}

bool checkRuleValue(Field field, Condition condition, double value, QString *message)
{
    if (!std::isfinite(value))
        return fail(nullptr, message, kValue, QStringLiteral("\"value\" must be a finite number"));
    if (condition == Condition::ChangePct) {
        if (value == 0 || std::fabs(value) > kMaxChangePct)
            return fail(nullptr, message, kValue,
                        QStringLiteral("a change_pct \"value\" is a percentage: not 0, from -100 to 100"));
        return true;
    }
    if (field == Field::Spread ? value < 0 : value <= 0)
        return fail(nullptr, message, kValue,
                    field == Field::Spread ? QStringLiteral("a spread \"value\" must be 0 or more")
                                           : QStringLiteral("a price \"value\" must be more than 0"));
    return true;
}

QJsonObject AlertRule::toJson() const
{
    QJsonObject o{{kId, id},
                  {kPair, pair},
                  {kField, fieldName(field)},
                  {kCondition, conditionName(condition)},
                  {kValue, value},
                  {kExpiresAt, isoOrNull(expiresAtMs)},
                  {kNote, note},
                  {kBroadcast, broadcast},
                  {kEnabled, enabled},
                  {kCreatedAt, isoOrNull(createdAtMs)},
                  {kTimesFired, double(timesFired)},
                  {kLastFiredAt, isoOrNull(lastFiredMs)}};
    if (condition == Condition::ChangePct)
        o.insert(kWindow, windowSeconds);
    switch (repeat) {
    case Repeat::Once: o.insert(kRepeat, QStringLiteral("once")); break;
    case Repeat::Every: o.insert(kRepeat, QStringLiteral("every")); break;
    case Repeat::Cooldown: o.insert(kRepeat, QJsonObject{{kCooldown, cooldownSeconds}}); break;
    }
    return o;
}

std::optional<AlertRule> parseAlertRule(const QJsonObject &data, const ParseContext &context, QString *errorField,
                                        QString *message)
{
    // "broadcast" is known (readDefinition refuses it from a client with a clear message).
    static const QStringList known{kPair, kField, kCondition, kValue, kWindow, kRepeat, kExpiresAt, kNote, kBroadcast};
    if (!refuseUnknown(data, known, errorField, message))
        return std::nullopt;
    AlertRule rule;
    if (!readDefinition(data, context, &rule, errorField, message))
        return std::nullopt;
    rule.createdAtMs = context.nowMs;
    return rule;
}

std::optional<AlertRule> ruleFromJson(const QJsonObject &json, const ParseContext &context, QString *errorField,
                                      QString *message)
{
    static const QStringList known{kId,   kPair,    kField,     kCondition, kValue,      kWindow,      kRepeat,
                                   kNote, kEnabled, kExpiresAt, kCreatedAt, kTimesFired, kLastFiredAt, kBroadcast};
    if (!refuseUnknown(json, known, errorField, message))
        return std::nullopt;
    // A stored rule may carry "broadcast" (a desk rule); one stored before the flag has none.
    ParseContext stored = context;
    stored.allowBroadcast = true;
    QJsonObject definition = json;
    if (definition.value(kExpiresAt).isNull())
        definition.remove(kExpiresAt);
    AlertRule rule;
    if (!readId(json.value(kId), &rule.id, errorField, message)
        || !readDefinition(definition, stored, &rule, errorField, message))
        return std::nullopt;
    if (!json.value(kEnabled).isBool())
        return fail(errorField, message, kEnabled, QStringLiteral("\"enabled\" must be true or false")), std::nullopt;
    rule.enabled = json.value(kEnabled).toBool();
    if (!readTime(json.value(kCreatedAt), &rule.createdAtMs))
        return fail(errorField, message, kCreatedAt, QStringLiteral("\"created_at\" must be a time")), std::nullopt;
    if (!readInt(json.value(kTimesFired), 0, qint64(1) << 53, &rule.timesFired))
        return fail(errorField, message, kTimesFired, QStringLiteral("\"times_fired\" must be a count")), std::nullopt;
    if (!readTime(json.value(kLastFiredAt), &rule.lastFiredMs))
        return fail(errorField, message, kLastFiredAt, QStringLiteral("\"last_fired_at\" must be a time or null")),
               std::nullopt;
    return rule;
}

std::optional<AlertUpdate> parseAlertUpdate(const QJsonObject &data, QString *errorField, QString *message)
{
    static const QStringList known{kId, kEnabled, kValue};
    if (data.contains(kBroadcast))
        return fail(errorField, message, kBroadcast,
                    QStringLiteral("\"broadcast\" is for the desk's own rules: a client's rule alerts only its owner")),
               std::nullopt;
    if (!refuseUnknown(data, known, errorField, message))
        return std::nullopt;
    AlertUpdate update;
    if (!readId(data.value(kId), &update.id, errorField, message))
        return std::nullopt;
    const QJsonValue enabled = data.value(kEnabled);
    if (!enabled.isUndefined()) {
        if (!enabled.isBool())
            return fail(errorField, message, kEnabled, QStringLiteral("\"enabled\" must be true or false")),
                   std::nullopt;
        update.enabled = enabled.toBool();
    }
    const QJsonValue value = data.value(kValue);
    if (!value.isUndefined()) {
        if (!value.isDouble() || !std::isfinite(value.toDouble()))
            return fail(errorField, message, kValue, QStringLiteral("\"value\" must be a finite number")), std::nullopt;
        update.value = value.toDouble();
    }
    if (!update.enabled && !update.value)
        return fail(errorField, message, kEnabled, QStringLiteral("nothing to update: give \"enabled\" or \"value\"")),
               std::nullopt;
    return update;
}

bool applyAlertUpdate(AlertRule *rule, const AlertUpdate &update, QString *errorField, QString *message)
{
    if (update.value) {
        QString why;
        if (!checkRuleValue(rule->field, rule->condition, *update.value, &why))
            return fail(errorField, message, kValue, why);
        rule->value = *update.value;
    }
    if (update.enabled)
        rule->enabled = *update.enabled;
    return true;
}

std::optional<QString> parseAlertId(const QJsonObject &data, QString *errorField, QString *message)
{
    static const QStringList known{kId};
    QString id;
    if (!refuseUnknown(data, known, errorField, message) || !readId(data.value(kId), &id, errorField, message))
        return std::nullopt;
    return id;
}

} // namespace fx::rules
