#include "engine/firedalerts.h"

#include "core/marketdata.h"
#include "core/timeutil.h"

namespace fx::engine {

static QString number(double v)
{
    return core::decimal::fromDouble(v);
}

static QString signedNumber(double v)
{
    return (v > 0 ? QStringLiteral("+") : QString()) + number(v);
}

QString firedAlertMessage(const rules::Firing &f)
{
    const rules::AlertRule &r = f.rule;
    const QString head = r.pair + u' ' + rules::fieldName(r.field);
    QString text;
    switch (r.condition) {
    case rules::Condition::Above:
        text = QStringLiteral("%1 rose above %2 (%3)").arg(head, number(r.value), number(f.price));
        break;
    case rules::Condition::Below:
        text = QStringLiteral("%1 fell below %2 (%3)").arg(head, number(r.value), number(f.price));
        break;
    case rules::Condition::Crosses:
        text = QStringLiteral("%1 crossed %2 %3 (%4)")
                   .arg(head, f.price >= r.value ? QStringLiteral("above") : QStringLiteral("below"), number(r.value),
                        number(f.price));
        break;
    case rules::Condition::ChangePct:
        text = QStringLiteral("%1 changed by %2 % in %3 s (rule %4 %)")
                   .arg(head, signedNumber(f.changePct))
                   .arg(r.windowSeconds)
                   .arg(signedNumber(r.value));
        break;
    }
    if (!r.note.isEmpty())
        text += QStringLiteral(": ") + r.note;
    return text;
}

storage::AlertRecord firedAlertRecord(const server::FiredRule &fired)
{
    const rules::Firing &f = fired.firing;
    storage::AlertRecord a;
    a.type = QStringLiteral("price_alert");
    a.pair = f.rule.pair;
    // A change_pct rule compares percentages: its row holds the change and the rule's percentage.
    const bool pct = f.rule.condition == rules::Condition::ChangePct;
    a.value = pct ? f.changePct : f.price;
    a.threshold = f.rule.value;
    a.severity = QStringLiteral("info");
    a.message = firedAlertMessage(f);
    a.receivedAtMicros = core::nowMicros();
    a.raisedAtMicros = f.timeMs > 0 ? f.timeMs * 1000 : a.receivedAtMicros;
    a.payload = f.toJson();
    if (fired.desk())
        a.payload.insert(QStringLiteral("owner"), fired.owner);
    a.owner = fired.owner;
    return a;
}

} // namespace fx::engine
