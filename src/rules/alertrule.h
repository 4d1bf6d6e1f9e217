#pragma once

// One client's alert rule (PROTOCOL.md, "Alert rules (issue 17, engine)"): the set_alert payload
// read and checked, the update_alert change, and the rule's JSON form (alerts_list, the
// database, price_alert). Pure functions and plain values: any thread.

#include "core/instruments.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace fx::rules {

enum class Field { Bid, Ask, Mid, Spread };
enum class Condition { Above, Below, Crosses, ChangePct };
enum class Repeat { Once, Every, Cooldown };

inline constexpr int kFieldCount = 4;
inline constexpr int kMaxWindowSeconds = 86400;
inline constexpr int kMaxCooldownSeconds = 86400;
inline constexpr int kMaxNoteLength = 200; // characters (code points)
inline constexpr int kMaxIdLength = 64;
inline constexpr double kMaxChangePct = 100.0;
// 9999-12-31T23:59:59.999Z: the latest expires_at (so that it prints as ISO 8601).
inline constexpr qint64 kMaxExpiresAtMs = 253402300799999LL;

QString fieldName(Field f);
QString conditionName(Condition c);
std::optional<Field> parseField(QStringView text);
std::optional<Condition> parseCondition(QStringView text);

struct AlertRule
{
    // Definition (set_alert)
    QString id; // given by the RuleBook
    QString pair; // canonical configured name, e.g. EUR_USD
    int pairIndex = -1; // in the InstrumentSet of the ParseContext
    Field field = Field::Bid;
    Condition condition = Condition::Above;
    double value = 0; // a price (above/below/crosses) or a percentage (change_pct)
    int windowSeconds = 0; // change_pct only
    Repeat repeat = Repeat::Once;
    int cooldownSeconds = 0; // Repeat::Cooldown only
    qint64 expiresAtMs = 0; // 0: never
    QString note;
    // A desk (operator) rule only: its firing also goes to every client as price_alert
    // (PROTOCOL.md, "Desk rules"). A client's set_alert cannot set it.
    bool broadcast = false;
    // State
    bool enabled = true;
    qint64 createdAtMs = 0;
    qint64 timesFired = 0;
    qint64 lastFiredMs = 0; // 0: never

    // {"id", "pair", "field", "condition", "value", ["window_seconds"], "repeat", "expires_at",
    //  "note", "broadcast", "enabled", "created_at", "times_fired", "last_fired_at"}: times as ISO 8601 UTC
    // with milliseconds, or null.
    QJsonObject toJson() const;
};

struct ParseContext
{
    const core::InstrumentSet *instruments = nullptr;
    qint64 nowMs = 0; // expires_at must be later than this
    // Reading a stored rule (ruleFromJson): a past expires_at is accepted (the book drops it).
    bool allowPastExpiry = false;
    // The desk's own rules (the operator's New rule dialog): "broadcast" may be given. A
    // client's set_alert is refused with field "broadcast".
    bool allowBroadcast = false;
};

// The set_alert payload. Returns the rule (id empty, state fresh), or nullopt with *errorField
// naming the offending field (dotted for nested ones: "repeat.cooldown_seconds") and *message a
// sentence for people.
std::optional<AlertRule> parseAlertRule(const QJsonObject &data, const ParseContext &context, QString *errorField,
                                        QString *message);

// A stored rule (AlertRule::toJson()) read back: the definition checked like parseAlertRule
// (past expiry allowed when the context says so), the state fields read as well.
std::optional<AlertRule> ruleFromJson(const QJsonObject &json, const ParseContext &context, QString *errorField,
                                      QString *message);

// Whether `value` is a valid value for a rule of this field and condition (finite; > 0 for a
// price field; >= 0 for the spread; change_pct: not 0 and |value| <= 100).
bool checkRuleValue(Field field, Condition condition, double value, QString *message);

// The update_alert payload: {"id", "enabled": bool, "value": number}, at least one of the last two.
struct AlertUpdate
{
    QString id;
    std::optional<bool> enabled;
    std::optional<double> value;
};
std::optional<AlertUpdate> parseAlertUpdate(const QJsonObject &data, QString *errorField, QString *message);
// Applies an update to a rule (checking the new value against the rule's field and condition).
// The rule is unchanged when it returns false.
bool applyAlertUpdate(AlertRule *rule, const AlertUpdate &update, QString *errorField, QString *message);

// The delete_alert payload: {"id"}. Returns the id, or nullopt.
std::optional<QString> parseAlertId(const QJsonObject &data, QString *errorField, QString *message);

} // namespace fx::rules
