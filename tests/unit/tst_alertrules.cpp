// Alert rules (rules/alertrule.h, rules/rulebook.h; PROTOCOL.md, "Alert rules (issue 17, engine)"):
// each condition at, just under and just over its value, crosses both ways and its ties,
// change_pct over a window (not before the window has data), repeat once / every / cooldown,
// expiry, the limits at, under and over, every parse error naming its field, update and delete,
// and a randomized cross-check of evaluate() against a brute-force scan of every rule (the
// proof that the sorted index finds exactly the rules a scan would).

#include "rules/alertrule.h"
#include "rules/rulebook.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <map>

using namespace fx::rules;
using fx::core::InstrumentSet;

namespace {

constexpr qint64 kT0 = 1765000000000LL; // a fixed "now" (2025-12-06)

QJsonObject ruleJson(const QString &condition, double value, const QJsonObject &extra = {},
                     const QString &field = QStringLiteral("bid"), const QString &pair = QStringLiteral("EUR_USD"))
{
    QJsonObject o{{QStringLiteral("pair"), pair},
                  {QStringLiteral("field"), field},
                  {QStringLiteral("condition"), condition},
                  {QStringLiteral("value"), value}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

QJsonObject every()
{
    return {{QStringLiteral("repeat"), QStringLiteral("every")}};
}

struct Desk
{
    InstrumentSet pairs;
    RuleBook book{pairs, QStringLiteral("s1")};
    Owner alice{QString(), 1};
    Owner bob{QStringLiteral("bob"), 2};
    QString lastError;

    // Parses and adds; the id, or empty with lastError set.
    QString add(const QJsonObject &o, const Owner *owner = nullptr, qint64 nowMs = kT0)
    {
        QString field, message;
        ParseContext ctx{&pairs, nowMs, false};
        auto rule = parseAlertRule(o, ctx, &field, &message);
        if (!rule) {
            lastError = field + u':' + message;
            return {};
        }
        const BookResult r = book.add(owner ? *owner : alice, *rule, nowMs);
        if (!r.ok()) {
            lastError = r.message;
            return {};
        }
        return r.rule.id;
    }
    // Fired rule ids, sorted.
    QStringList tick(double bid, double ask, qint64 ts, const QString &pair = QStringLiteral("EUR_USD"))
    {
        QStringList ids;
        for (const Firing &f : book.evaluate(pair, bid, ask, ts).fired)
            ids.append(f.rule.id);
        ids.sort();
        return ids;
    }
    QStringList bidTick(double bid, qint64 ts) { return tick(bid, bid + 0.0002, ts); }
};

// The refused field of a payload.
QString refusedField(const QJsonObject &o, qint64 nowMs = kT0)
{
    InstrumentSet pairs;
    QString field, message;
    const auto r = parseAlertRule(o, ParseContext{&pairs, nowMs, false}, &field, &message);
    if (r)
        return QStringLiteral("(accepted)");
    if (message.isEmpty())
        return QStringLiteral("(no message)");
    return field;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryField()
    {
        InstrumentSet pairs;
        QString field, message;
        const QJsonObject o{{QStringLiteral("pair"), QStringLiteral("eur/usd")},
                            {QStringLiteral("field"), QStringLiteral("mid")},
                            {QStringLiteral("condition"), QStringLiteral("change_pct")},
                            {QStringLiteral("value"), -0.5},
                            {QStringLiteral("window_seconds"), 300},
                            {QStringLiteral("repeat"), QJsonObject{{QStringLiteral("cooldown_seconds"), 60}}},
                            {QStringLiteral("expires_at"), QStringLiteral("2026-01-01T00:00:00Z")},
                            {QStringLiteral("note"), QStringLiteral("Euro slides — sell")}};
        const auto r = parseAlertRule(o, ParseContext{&pairs, kT0, false}, &field, &message);
        QVERIFY2(r, qPrintable(field + u' ' + message));
        QCOMPARE(r->pair, QStringLiteral("EUR_USD"));
        QCOMPARE(r->pairIndex, 0);
        QCOMPARE(r->field, Field::Mid);
        QCOMPARE(r->condition, Condition::ChangePct);
        QCOMPARE(r->value, -0.5);
        QCOMPARE(r->windowSeconds, 300);
        QCOMPARE(r->repeat, Repeat::Cooldown);
        QCOMPARE(r->cooldownSeconds, 60);
        QCOMPARE(r->expiresAtMs, 1767225600000LL);
        QCOMPARE(r->note, QStringLiteral("Euro slides — sell"));
        QVERIFY(r->enabled);
        QCOMPARE(r->createdAtMs, kT0);
        // Defaults: repeat once, no expiry, no note; epoch milliseconds for expires_at.
        const auto d = parseAlertRule(ruleJson(QStringLiteral("above"), 1.1, {{"expires_at", double(kT0 + 1)}}),
                                      ParseContext{&pairs, kT0, false}, &field, &message);
        QVERIFY(d);
        QCOMPARE(d->repeat, Repeat::Once);
        QCOMPARE(d->expiresAtMs, kT0 + 1);
        QVERIFY(d->note.isEmpty());
    }

    void parseErrorsNameTheField_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("field");
        const QJsonObject above = ruleJson(QStringLiteral("above"), 1.1);
        auto with = [&](const char *key, const QJsonValue &v, QJsonObject base = {}) {
            if (base.isEmpty())
                base = above;
            base.insert(QString::fromLatin1(key), v);
            return base;
        };
        auto without = [&](const char *key) {
            QJsonObject o = above;
            o.remove(QString::fromLatin1(key));
            return o;
        };
        const QJsonObject pct = ruleJson(QStringLiteral("change_pct"), 0.5, {{"window_seconds", 60}});
        const QJsonObject spread = ruleJson(QStringLiteral("above"), 0.0, {}, QStringLiteral("spread"));
        QTest::newRow("valid") << above << "(accepted)";
        QTest::newRow("pair missing") << without("pair") << "pair";
        QTest::newRow("pair unknown") << with("pair", "XAU_XAG") << "pair";
        QTest::newRow("pair a number") << with("pair", 1) << "pair";
        QTest::newRow("field missing") << without("field") << "field";
        QTest::newRow("field unknown") << with("field", "last") << "field";
        QTest::newRow("condition missing") << without("condition") << "condition";
        QTest::newRow("condition unknown") << with("condition", "equals") << "condition";
        QTest::newRow("value missing") << without("value") << "value";
        QTest::newRow("value a string") << with("value", "1.1") << "value";
        QTest::newRow("price value 0") << with("value", 0) << "value";
        QTest::newRow("price value negative") << with("value", -1) << "value";
        QTest::newRow("price value just over 0") << with("value", 1e-9) << "(accepted)";
        QTest::newRow("spread value 0") << spread << "(accepted)";
        QTest::newRow("spread value just under 0") << with("value", -1e-9, spread) << "value";
        QTest::newRow("change_pct value 0") << with("value", 0, pct) << "value";
        QTest::newRow("change_pct value 100") << with("value", 100, pct) << "(accepted)";
        QTest::newRow("change_pct value -100") << with("value", -100, pct) << "(accepted)";
        QTest::newRow("change_pct value just over 100") << with("value", 100.000001, pct) << "value";
        QTest::newRow("change_pct value just under -100") << with("value", -100.000001, pct) << "value";
        QTest::newRow("window missing") << ruleJson(QStringLiteral("change_pct"), 0.5) << "window_seconds";
        QTest::newRow("window 0") << with("window_seconds", 0, pct) << "window_seconds";
        QTest::newRow("window 1") << with("window_seconds", 1, pct) << "(accepted)";
        QTest::newRow("window 86400") << with("window_seconds", 86400, pct) << "(accepted)";
        QTest::newRow("window 86401") << with("window_seconds", 86401, pct) << "window_seconds";
        QTest::newRow("window 1.5") << with("window_seconds", 1.5, pct) << "window_seconds";
        QTest::newRow("window without change_pct") << with("window_seconds", 60) << "window_seconds";
        QTest::newRow("repeat unknown") << with("repeat", "twice") << "repeat";
        QTest::newRow("repeat a number") << with("repeat", 3) << "repeat";
        QTest::newRow("cooldown 0") << with("repeat", QJsonObject{{"cooldown_seconds", 0}})
                                    << "repeat.cooldown_seconds";
        QTest::newRow("cooldown 1") << with("repeat", QJsonObject{{"cooldown_seconds", 1}}) << "(accepted)";
        QTest::newRow("cooldown 86400") << with("repeat", QJsonObject{{"cooldown_seconds", 86400}}) << "(accepted)";
        QTest::newRow("cooldown 86401") << with("repeat", QJsonObject{{"cooldown_seconds", 86401}})
                                        << "repeat.cooldown_seconds";
        QTest::newRow("cooldown missing") << with("repeat", QJsonObject{}) << "repeat.cooldown_seconds";
        QTest::newRow("repeat extra key")
            << with("repeat", QJsonObject{{"cooldown_seconds", 5}, {"x", 1}}) << "repeat.x";
        QTest::newRow("expires_at now") << with("expires_at", double(kT0)) << "expires_at";
        QTest::newRow("expires_at just after now") << with("expires_at", double(kT0 + 1)) << "(accepted)";
        QTest::newRow("expires_at past ISO") << with("expires_at", "2020-01-01T00:00:00Z") << "expires_at";
        QTest::newRow("expires_at garbage") << with("expires_at", "tomorrow") << "expires_at";
        QTest::newRow("expires_at fraction ms") << with("expires_at", double(kT0) + 1000.5) << "expires_at";
        QTest::newRow("expires_at year 10000") << with("expires_at", 253402300800000.0) << "expires_at";
        QTest::newRow("note 200") << with("note", QString(200, u'n')) << "(accepted)";
        QTest::newRow("note 201") << with("note", QString(201, u'n')) << "note";
        QTest::newRow("note 200 astral") << with("note", QString(200, u'x').replace(0, 2, QStringLiteral("\U0001F600")))
                                         << "(accepted)";
        QTest::newRow("note control") << with("note", QStringLiteral("a\nb")) << "note";
        QTest::newRow("note lone surrogate") << with("note", QString(QChar(0xD800))) << "note";
        QTest::newRow("note a number") << with("note", 5) << "note";
        QTest::newRow("unknown key") << with("colour", "red") << "colour";
        QTest::newRow("id not settable") << with("id", "s1-1") << "id";
    }

    void parseErrorsNameTheField()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, field);
        QCOMPARE(refusedField(payload), field);
    }

    void jsonRoundTrip()
    {
        Desk desk;
        const QString id = desk.add(ruleJson(QStringLiteral("change_pct"), 0.25,
                                             {{"window_seconds", 60},
                                              {"repeat", QJsonObject{{"cooldown_seconds", 30}}},
                                              {"expires_at", "2026-06-01T12:00:00Z"},
                                              {"note", "watch"}}));
        QVERIFY2(!id.isEmpty(), qPrintable(desk.lastError));
        QCOMPARE(id, QStringLiteral("s1-1"));
        const AlertRule rule = *desk.book.find(id);
        const QJsonObject json = rule.toJson();
        QCOMPARE(json.value("repeat").toObject().value("cooldown_seconds").toInt(), 30);
        QCOMPARE(json.value("expires_at").toString(), QStringLiteral("2026-06-01T12:00:00.000000Z"));
        QVERIFY(json.value("last_fired_at").isNull());
        QString field, message;
        const auto back = ruleFromJson(json, ParseContext{&desk.pairs, kT0, true}, &field, &message);
        QVERIFY2(back, qPrintable(field + u' ' + message));
        QCOMPARE(back->toJson(), json);
        // Stored rules: a past expiry is read (the book refuses it), an unknown key is not.
        const auto past = ruleFromJson(json, ParseContext{&desk.pairs, 1790000000000LL, true}, &field, &message);
        QVERIFY(past);
        QCOMPARE(desk.book.restore(desk.alice, *past, 1790000000000LL).refusal, Refusal::Expired);
        QJsonObject odd = json;
        odd.insert("extra", 1);
        QVERIFY(!ruleFromJson(odd, ParseContext{&desk.pairs, kT0, true}, &field, &message));
        QCOMPARE(field, QStringLiteral("extra"));
    }

    void deskBroadcastAndLimit()
    {
        // PROTOCOL.md, "Desk rules": "broadcast" only where allowed (the desk), read back from the
        // stored form, absent (false) in a rule stored before the flag.
        InstrumentSet pairs;
        QString field, message;
        QJsonObject o = ruleJson(QStringLiteral("above"), 1.1);
        o.insert("broadcast", true);
        QVERIFY(!parseAlertRule(o, ParseContext{&pairs, kT0, false}, &field, &message));
        QCOMPARE(field, QStringLiteral("broadcast"));
        QVERIFY(message.contains(QStringLiteral("desk")));
        ParseContext desk{&pairs, kT0, false};
        desk.allowBroadcast = true;
        auto rule = parseAlertRule(o, desk, &field, &message);
        QVERIFY2(rule, qPrintable(message));
        QVERIFY(rule->broadcast);
        o.insert("broadcast", 1);
        QVERIFY(!parseAlertRule(o, desk, &field, &message));
        QCOMPARE(field, QStringLiteral("broadcast"));
        rule->id = QStringLiteral("s1-9");
        QJsonObject json = rule->toJson();
        QCOMPARE(json.value("broadcast"), QJsonValue(true));
        auto back = ruleFromJson(json, ParseContext{&pairs, kT0, true}, &field, &message);
        QVERIFY2(back, qPrintable(message));
        QVERIFY(back->broadcast);
        json.remove("broadcast");
        back = ruleFromJson(json, ParseContext{&pairs, kT0, true}, &field, &message);
        QVERIFY(back && !back->broadcast);
        QVERIFY(!parseAlertUpdate({{"id", "s1-9"}, {"broadcast", true}}, &field, &message));
        QCOMPARE(field, QStringLiteral("broadcast"));

        // The desk holds up to kMaxDeskRules whatever the per-client limit; they count in the total.
        RuleBook book{pairs, QStringLiteral("s1"), RuleBookLimits{1, kMaxDeskRules + 1}};
        const Owner deskOwner{QString(), kDeskHandle};
        QVERIFY(isDesk(deskOwner));
        QVERIFY(!isDesk(Owner{QString(), 1}));
        const auto plain = parseAlertRule(ruleJson(QStringLiteral("above"), 1.1), desk, &field, &message);
        QVERIFY(plain);
        for (int i = 0; i < kMaxDeskRules; ++i)
            QVERIFY(book.add(deskOwner, *plain, kT0).ok());
        QCOMPARE(book.add(deskOwner, *plain, kT0).refusal, Refusal::PerClientLimit); // just over
        QVERIFY(book.add(Owner{QString(), 1}, *plain, kT0).ok()); // the last of the total
        QCOMPARE(book.add(Owner{QString(), 2}, *plain, kT0).refusal, Refusal::TotalLimit);
        QCOMPARE(book.size(), kMaxDeskRules + 1);
    }

    void aboveAtUnderOver()
    {
        Desk desk;
        const QString id = desk.add(ruleJson(QStringLiteral("above"), 1.1, every()));
        QCOMPARE(desk.bidTick(1.0999, kT0 + 1), QStringList()); // just under (first tick: not true)
        QCOMPARE(desk.bidTick(1.1, kT0 + 2), QStringList()); // at: not above
        QCOMPARE(desk.bidTick(1.10001, kT0 + 3), QStringList{id}); // just over
        QCOMPARE(desk.bidTick(1.1002, kT0 + 4), QStringList()); // still above: no new edge
        QCOMPARE(desk.bidTick(1.1, kT0 + 5), QStringList());
        QCOMPARE(desk.bidTick(1.1005, kT0 + 6), QStringList{id}); // true again
        QCOMPARE(desk.book.find(id)->timesFired, 2);
        QCOMPARE(desk.book.find(id)->lastFiredMs, kT0 + 6);
    }

    void belowAtUnderOver()
    {
        Desk desk;
        const QString id = desk.add(ruleJson(QStringLiteral("below"), 1.1, every()));
        QCOMPARE(desk.bidTick(1.10001, kT0 + 1), QStringList()); // just over
        QCOMPARE(desk.bidTick(1.1, kT0 + 2), QStringList()); // at: not below
        QCOMPARE(desk.bidTick(1.09999, kT0 + 3), QStringList{id}); // just under
        QCOMPARE(desk.bidTick(1.09, kT0 + 4), QStringList());
        QCOMPARE(desk.bidTick(1.2, kT0 + 5), QStringList());
        QCOMPARE(desk.bidTick(1.0, kT0 + 6), QStringList{id}); // a jump over it counts
    }

    void crossesBothWays()
    {
        Desk desk;
        const QString id = desk.add(ruleJson(QStringLiteral("crosses"), 1.1, every()));
        QCOMPARE(desk.bidTick(1.099, kT0 + 1), QStringList());
        QCOMPARE(desk.bidTick(1.1, kT0 + 2), QStringList()); // at: not yet crossed
        QCOMPARE(desk.bidTick(1.1, kT0 + 3), QStringList());
        QCOMPARE(desk.bidTick(1.101, kT0 + 4), QStringList{id}); // up, through the touch
        QCOMPARE(desk.bidTick(1.1, kT0 + 5), QStringList());
        QCOMPARE(desk.bidTick(1.101, kT0 + 6), QStringList()); // touched and went back: no crossing
        QCOMPARE(desk.bidTick(1.1, kT0 + 7), QStringList());
        QCOMPARE(desk.bidTick(1.0999, kT0 + 8), QStringList{id}); // down, through the touch
        QCOMPARE(desk.bidTick(1.10001, kT0 + 9), QStringList{id}); // up, straight across
        QCOMPARE(desk.bidTick(1.09999, kT0 + 10), QStringList{id}); // down, straight across
    }

    void firstTickAfterSet()
    {
        Desk desk;
        QCOMPARE(desk.bidTick(1.2, kT0), QStringList());
        const QString above = desk.add(ruleJson(QStringLiteral("above"), 1.1));
        const QString below = desk.add(ruleJson(QStringLiteral("below"), 1.1));
        const QString crosses = desk.add(ruleJson(QStringLiteral("crosses"), 1.1));
        QCOMPARE(desk.bidTick(1.2, kT0 + 1), QStringList{above}); // already true: fires
        QCOMPARE(desk.bidTick(1.0, kT0 + 2), (QStringList{below, crosses}));
        // A rule set before the pair's first tick: above fires when the first tick is above.
        Desk fresh;
        const QString early = fresh.add(ruleJson(QStringLiteral("above"), 1.1));
        const QString cross = fresh.add(ruleJson(QStringLiteral("crosses"), 1.1));
        QCOMPARE(fresh.bidTick(1.2, kT0), QStringList{early});
        QCOMPARE(fresh.bidTick(1.3, kT0 + 1), QStringList());
        QVERIFY(!cross.isEmpty());
    }

    void midAndSpread()
    {
        Desk desk;
        const QString mid = desk.add(ruleJson(QStringLiteral("above"), 1.10015, every(), QStringLiteral("mid")));
        const QString spread = desk.add(ruleJson(QStringLiteral("above"), 0.0003, every(), QStringLiteral("spread")));
        const QString ask = desk.add(ruleJson(QStringLiteral("below"), 1.1003, every(), QStringLiteral("ask")));
        QCOMPARE(desk.tick(1.1, 1.1003, kT0), QStringList()); // mid 1.10015 and spread 0.0003: at
        QCOMPARE(desk.tick(1.1, 1.1004, kT0 + 1), (QStringList{mid, spread}));
        QCOMPARE(desk.tick(1.1, 1.10029, kT0 + 2), QStringList{ask});
        // USD_JPY: the same arithmetic on three decimals.
        const QString jpy = desk.add(
            ruleJson(QStringLiteral("crosses"), 150.0015, every(), QStringLiteral("mid"), QStringLiteral("USD_JPY")));
        QCOMPARE(desk.tick(150.0, 150.002, kT0 + 3, QStringLiteral("USD_JPY")), QStringList());
        QCOMPARE(desk.tick(150.001, 150.002, kT0 + 4, QStringLiteral("USD_JPY")), QStringList()); // at: 150.0015
        QCOMPARE(desk.tick(150.002, 150.003, kT0 + 5, QStringLiteral("USD_JPY")), QStringList{jpy});
    }

    void changePctOverAWindow()
    {
        Desk desk;
        const QString up =
            desk.add(ruleJson(QStringLiteral("change_pct"), 0.5, {{"window_seconds", 60}, {"repeat", "every"}}));
        const QString down =
            desk.add(ruleJson(QStringLiteral("change_pct"), -0.5, {{"window_seconds", 60}, {"repeat", "every"}}));
        QVERIFY2(!up.isEmpty() && !down.isEmpty(), qPrintable(desk.lastError));
        QCOMPARE(desk.bidTick(1.0, kT0), QStringList());
        QCOMPARE(desk.bidTick(1.02, kT0 + 30000), QStringList()); // +2 %, but the window has no data yet
        QCOMPARE(desk.bidTick(1.004, kT0 + 61000), QStringList()); // +0.4 % over 60 s: just under
        const Evaluation at = desk.book.evaluate(QStringLiteral("EUR_USD"), 1.005, 1.0052, kT0 + 62000);
        QCOMPARE(at.fired.size(), size_t(1)); // +0.5 %: at
        QCOMPARE(at.fired.front().rule.id, up);
        QCOMPARE(at.fired.front().changePct, 0.5);
        QCOMPARE(at.fired.front().toJson().value("change_pct").toDouble(), 0.5);
        QCOMPARE(desk.bidTick(1.006, kT0 + 63000), QStringList()); // still true: no new edge
        // 60 s before 91 s: 1.02 (from 30 s on). 1.0149 is -0.5 % of 1.02 (1.0149): down fires at it.
        QCOMPARE(desk.bidTick(1.0149, kT0 + 91000), QStringList{down});
        QCOMPARE(desk.bidTick(1.01491, kT0 + 91500), QStringList()); // just over -0.5 %: true no more
        QCOMPARE(desk.bidTick(1.0148, kT0 + 91600), QStringList{down}); // over -0.5 %: again
        QVERIFY(desk.book.evaluate(QStringLiteral("EUR_USD"), 1.0, 1.0002, kT0 + 91700).fired.size() == 0);
    }

    void olderTickCountsAtTheLatestTime()
    {
        Desk desk;
        const QString up =
            desk.add(ruleJson(QStringLiteral("change_pct"), 0.5, {{"window_seconds", 60}, {"repeat", "every"}}));
        const QString cool =
            desk.add(ruleJson(QStringLiteral("above"), 1.003, {{"repeat", QJsonObject{{"cooldown_seconds", 30}}}}));
        QCOMPARE(desk.bidTick(1.0, kT0), QStringList());
        QStringList both{up, cool};
        both.sort();
        QCOMPARE(desk.bidTick(1.006, kT0 + 61000), both);
        QCOMPARE(desk.bidTick(1.0, kT0 + 1000), QStringList()); // out of order: taken at 61 s
        QCOMPARE(desk.bidTick(1.006, kT0 + 62000), QStringList{up}); // a new edge of the change; cooldown holds
        QCOMPARE(desk.bidTick(1.006, kT0 + 2000), QStringList()); // no "first data" again
        QCOMPARE(desk.bidTick(1.0061, kT0 + 63000), QStringList());
    }

    void changePctLongWindowAndFirstData()
    {
        Desk desk;
        desk.bidTick(1.0, kT0); // before any change_pct rule: no history is kept
        const QString hour = desk.add(ruleJson(QStringLiteral("change_pct"), 1.0, {{"window_seconds", 7200}}));
        QCOMPARE(desk.bidTick(1.0, kT0 + 1000), QStringList());
        QCOMPARE(desk.bidTick(1.5, kT0 + 3600 * 1000), QStringList()); // no data 2 h back yet
        QCOMPARE(desk.bidTick(1.0, kT0 + 7000 * 1000), QStringList());
        // At 2 h 2 min: 2 h before is the minute of 1.0 (recorded at 1 s): +1 % fires.
        QCOMPARE(desk.bidTick(1.01, kT0 + 7320 * 1000), QStringList{hour});
        QVERIFY(!desk.book.find(hour)->enabled); // once
    }

    void repeatOnceEveryCooldown()
    {
        Desk desk;
        const QString once = desk.add(ruleJson(QStringLiteral("above"), 1.1));
        const QString all = desk.add(ruleJson(QStringLiteral("above"), 1.1, every()));
        const QString cool =
            desk.add(ruleJson(QStringLiteral("above"), 1.1, {{"repeat", QJsonObject{{"cooldown_seconds", 10}}}}));
        QCOMPARE(desk.bidTick(1.0, kT0), QStringList());
        QStringList first{once, all, cool};
        first.sort();
        QCOMPARE(desk.bidTick(1.2, kT0 + 1000), first);
        QVERIFY(!desk.book.find(once)->enabled);
        QCOMPARE(desk.book.find(once)->timesFired, 1);
        QCOMPARE(desk.bidTick(1.0, kT0 + 2000), QStringList());
        QCOMPARE(desk.bidTick(1.2, kT0 + 10999), QStringList{all}); // cooldown: 9.999 s after
        QCOMPARE(desk.bidTick(1.0, kT0 + 11000), QStringList());
        QStringList again{all, cool};
        again.sort();
        QCOMPARE(desk.bidTick(1.2, kT0 + 11000), again); // 10 s after: not within the cooldown
        QCOMPARE(desk.book.find(cool)->timesFired, 2);
        QCOMPARE(desk.book.find(all)->timesFired, 3);
    }

    void expiry()
    {
        Desk desk;
        const QString soon =
            desk.add(ruleJson(QStringLiteral("above"), 1.1, {{"expires_at", double(kT0 + 5000)}, {"repeat", "every"}}));
        const QString later = desk.add(ruleJson(QStringLiteral("above"), 1.1, {{"expires_at", double(kT0 + 50000)}}));
        QCOMPARE(desk.bidTick(1.0, kT0), QStringList());
        QCOMPARE(desk.bidTick(1.2, kT0 + 4999), (QStringList{soon, later}));
        QCOMPARE(desk.bidTick(1.0, kT0 + 4999), QStringList());
        const Evaluation e = desk.book.evaluate(QStringLiteral("EUR_USD"), 1.2, 1.2002, kT0 + 5000);
        QCOMPARE(e.fired.size(), size_t(0)); // expired at its expires_at
        QCOMPARE(e.expired.size(), size_t(1));
        QCOMPARE(e.expired.front().rule.id, soon);
        QCOMPARE(e.expired.front().owner.handle, desk.alice.handle);
        QVERIFY(!desk.book.find(soon));
        QCOMPARE(desk.book.size(), 1);
        // The timer's sweep, with no tick.
        QCOMPARE(desk.book.expire(kT0 + 49999).size(), size_t(0));
        QCOMPARE(desk.book.expire(kT0 + 50000).size(), size_t(1));
        QCOMPARE(desk.book.size(), 0);
        // Updating an expired rule: unknown.
        const QString gone = desk.add(ruleJson(QStringLiteral("above"), 1.1, {{"expires_at", double(kT0 + 60000)}}));
        QCOMPARE(desk.book.update(desk.alice, AlertUpdate{gone, false, {}}, kT0 + 60000).refusal, Refusal::UnknownRule);
    }

    void limits()
    {
        InstrumentSet pairs;
        RuleBook defaults(pairs, QStringLiteral("d"));
        QCOMPARE(defaults.limits().maxPerClient, 100);
        QCOMPARE(defaults.limits().maxTotal, 100000);

        Desk desk;
        desk.book.setLimits(RuleBookLimits{3, 5});
        const Owner carol{QString(), 3};
        const QJsonObject r = ruleJson(QStringLiteral("above"), 1.1);
        QVERIFY(!desk.add(r).isEmpty());
        QVERIFY(!desk.add(r).isEmpty()); // under
        QVERIFY(!desk.add(r).isEmpty()); // at: 3
        QCOMPARE(desk.book.count(desk.alice), 3);
        QString field, message;
        const AlertRule parsed = *parseAlertRule(r, ParseContext{&desk.pairs, kT0, false}, &field, &message);
        BookResult over = desk.book.add(desk.alice, parsed, kT0);
        QCOMPARE(over.refusal, Refusal::PerClientLimit); // over
        QVERIFY(over.message.contains(QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT")));
        QVERIFY(!desk.add(r, &desk.bob).isEmpty());
        QVERIFY(!desk.add(r, &desk.bob).isEmpty()); // the server at 5
        over = desk.book.add(carol, parsed, kT0);
        QCOMPARE(over.refusal, Refusal::TotalLimit);
        QVERIFY(over.message.contains(QStringLiteral("WEBSOCKET_MAX_ALERTS")));
        QCOMPARE(desk.book.size(), 5);
        QVERIFY(desk.book.remove(desk.alice, desk.book.list(desk.alice).front().id).ok());
        QVERIFY(desk.book.add(carol, parsed, kT0).ok()); // room again
        QCOMPARE(desk.book.add(desk.alice, parsed, kT0).refusal, Refusal::TotalLimit);
    }

    void changePctWindowsPerPairField()
    {
        Desk desk;
        desk.book.setLimits(RuleBookLimits{1000, 1000});
        for (int w = 1; w <= RuleBook::kMaxWindowsPerPairField; ++w)
            QVERIFY(!desk.add(ruleJson(QStringLiteral("change_pct"), 1, {{"window_seconds", w}})).isEmpty());
        QVERIFY(desk.add(ruleJson(QStringLiteral("change_pct"), 1, {{"window_seconds", 999}})).isEmpty());
        QVERIFY(!desk.add(ruleJson(QStringLiteral("change_pct"), 2, {{"window_seconds", 5}})).isEmpty()); // in use
        QVERIFY(!desk.add(ruleJson(QStringLiteral("change_pct"), 1, {{"window_seconds", 999}}, QStringLiteral("ask")))
                     .isEmpty()); // another field
    }

    void updateAndDelete()
    {
        Desk desk;
        const QString id = desk.add(ruleJson(QStringLiteral("above"), 1.1, every()));
        QCOMPARE(desk.bidTick(1.15, kT0), QStringList{id});
        // A new value moves the rule: now 1.2; 1.15 is under it.
        BookResult r = desk.book.update(desk.alice, AlertUpdate{id, {}, 1.2}, kT0);
        QVERIFY(r.ok());
        QCOMPARE(r.rule.value, 1.2);
        QCOMPARE(desk.bidTick(1.16, kT0 + 1), QStringList());
        QCOMPARE(desk.bidTick(1.21, kT0 + 2), QStringList{id});
        // Invalid value, another owner's rule, an unknown id.
        r = desk.book.update(desk.alice, AlertUpdate{id, {}, -1.0}, kT0);
        QCOMPARE(r.refusal, Refusal::InvalidValue);
        QCOMPARE(r.field, QStringLiteral("value"));
        QCOMPARE(desk.book.find(id)->value, 1.2);
        QCOMPARE(desk.book.update(desk.bob, AlertUpdate{id, false, {}}, kT0).refusal, Refusal::UnknownRule);
        QCOMPARE(desk.book.remove(desk.bob, id).refusal, Refusal::UnknownRule);
        QCOMPARE(desk.book.update(desk.alice, AlertUpdate{QStringLiteral("s1-99"), false, {}}, kT0).refusal,
                 Refusal::UnknownRule);
        // Disabled: no firing. Enabled again while true: fires on the next tick (re-armed).
        QVERIFY(desk.book.update(desk.alice, AlertUpdate{id, false, {}}, kT0).ok());
        QCOMPARE(desk.bidTick(1.0, kT0 + 3), QStringList());
        QCOMPARE(desk.bidTick(1.3, kT0 + 4), QStringList());
        QVERIFY(desk.book.update(desk.alice, AlertUpdate{id, true, {}}, kT0).ok());
        QCOMPARE(desk.bidTick(1.3, kT0 + 5), QStringList{id});
        // The operator may update and delete anyone's.
        const QString bobs = desk.add(ruleJson(QStringLiteral("below"), 1.0), &desk.bob);
        // The desk tells the owner: ownerOf names who holds it (nothing for an unknown id).
        QCOMPARE(desk.book.ownerOf(bobs)->handle, desk.bob.handle);
        QCOMPARE(desk.book.ownerOf(bobs)->key, desk.bob.key);
        QCOMPARE(desk.book.ownerOf(id)->handle, desk.alice.handle);
        QVERIFY(!desk.book.ownerOf(QStringLiteral("s1-99")));
        QVERIFY(desk.book.updateAny(AlertUpdate{bobs, false, {}}, kT0).ok());
        QCOMPARE(desk.book.list(desk.bob).front().enabled, false);
        QVERIFY(desk.book.removeAny(bobs).ok());
        QCOMPARE(desk.book.count(desk.bob), 0);
        QVERIFY(!desk.book.ownerOf(bobs));
        // Delete, and everything of an owner.
        QVERIFY(desk.book.remove(desk.alice, id).ok());
        QCOMPARE(desk.book.remove(desk.alice, id).refusal, Refusal::UnknownRule);
        QCOMPARE(desk.bidTick(1.0, kT0 + 6), QStringList());
        QCOMPARE(desk.bidTick(1.4, kT0 + 7), QStringList());
        for (int i = 0; i < 3; ++i)
            desk.add(ruleJson(QStringLiteral("above"), 1.5 + i));
        desk.add(ruleJson(QStringLiteral("above"), 1.5), &desk.bob);
        QCOMPARE(desk.book.list(desk.alice).size(), 3);
        QCOMPARE(desk.book.list(desk.alice).at(1).value, 2.5); // in the order set
        QCOMPARE(desk.book.removeOwner(desk.alice), 3);
        QCOMPARE(desk.book.size(), 1);
        QCOMPARE(desk.tick(1.6, 1.6002, kT0 + 8).size(), 1); // bob's only
        // Bob connected again: his alerts go to the new handle.
        desk.book.setHandle(QStringLiteral("bob"), 42);
        const QString b2 = desk.book.list(desk.bob).front().id;
        QVERIFY(desk.book.update(desk.bob, AlertUpdate{b2, true, {}}, kT0).ok()); // his once rule fired: enable it
        const Evaluation e = desk.book.evaluate(QStringLiteral("EUR_USD"), 1.7, 1.7002, kT0 + 9);
        QCOMPARE(e.fired.size(), size_t(1));
        QCOMPARE(e.fired.front().rule.id, b2);
        QCOMPARE(e.fired.front().owner.key, QStringLiteral("bob"));
        QCOMPARE(e.fired.front().owner.handle, quint64(42));
        QCOMPARE(e.fired.front().price, 1.7);
        QCOMPARE(e.fired.front().timeMs, kT0 + 9);
        const QJsonObject alert = e.fired.front().toJson();
        QCOMPARE(alert.value("rule").toObject().value("id").toString(), b2);
        QCOMPARE(alert.value("rule").toObject().value("times_fired").toInt(), 2);
        QCOMPARE(alert.value("price").toDouble(), 1.7);
        QCOMPARE(alert.value("ask").toDouble(), 1.7002);
        QCOMPARE(alert.value("time").toString(), QStringLiteral("2025-12-06T05:46:40.009000Z"));
        QVERIFY(!alert.contains("change_pct"));
    }

    void pagesCoverTheBook()
    {
        // The desk's copy a page at a time (AlertService::all): every rule once, with its holder.
        Desk desk;
        QStringList ids;
        for (int i = 0; i < 7; ++i)
            ids << desk.add(ruleJson(QStringLiteral("above"), 1.1 + i * 0.01), i % 2 ? &desk.bob : &desk.alice);
        QVERIFY(desk.book.removeAny(ids.takeAt(3)).ok()); // a free slot in the middle
        for (int max : {1, 2, 3, 6, 7, 100}) {
            QStringList seen;
            qint64 from = 0;
            int pages = 0;
            while (from >= 0) {
                const auto page = desk.book.page(from, max, &from);
                QVERIFY(page.size() <= max);
                for (const auto &[owner, rule] : page) {
                    seen << rule.id;
                    QCOMPARE(owner.handle, desk.book.ownerOf(rule.id)->handle);
                }
                QVERIFY(++pages <= 8);
            }
            seen.sort();
            QStringList expected = ids;
            expected.sort();
            QCOMPARE(seen, expected);
        }
        qint64 next = 0;
        QVERIFY(desk.book.page(0, 0, &next).isEmpty());
        QCOMPARE(next, 0); // max 0: nothing taken, the same place again
        Desk empty;
        QVERIFY(empty.book.page(0, 10, &next).isEmpty());
        QCOMPARE(next, -1);
    }

    void reusedSlotIsNotCheckedForItsFormerPair()
    {
        Desk desk;
        QVERIFY(!desk.add(ruleJson(QStringLiteral("above"), 5.0)).isEmpty()); // keeps EUR_USD bid's check busy
        const QString a = desk.add(ruleJson(QStringLiteral("above"), 1.0)); // pending on EUR_USD bid
        QVERIFY(desk.book.remove(desk.alice, a).ok());
        const QString b = desk.add(ruleJson(QStringLiteral("below"), 2.0, {}, QStringLiteral("ask"),
                                            QStringLiteral("GBP_USD"))); // takes a's place
        QCOMPARE(desk.tick(1.1, 1.1002, kT0), QStringList()); // EUR_USD: b is not checked here
        QCOMPARE(desk.tick(1.27, 1.2702, kT0 + 1, QStringLiteral("GBP_USD")), QStringList{b});
    }

    void updatePayload()
    {
        QString field, message;
        auto u = parseAlertUpdate(QJsonObject{{"id", "s1-1"}, {"enabled", false}, {"value", 1.2}}, &field, &message);
        QVERIFY(u);
        QCOMPARE(*u->enabled, false);
        QCOMPARE(*u->value, 1.2);
        QVERIFY(!parseAlertUpdate(QJsonObject{{"id", "s1-1"}}, &field, &message));
        QCOMPARE(field, QStringLiteral("enabled"));
        QVERIFY(!parseAlertUpdate(QJsonObject{{"enabled", true}}, &field, &message));
        QCOMPARE(field, QStringLiteral("id"));
        QVERIFY(!parseAlertUpdate(QJsonObject{{"id", QString(65, u'x')}, {"enabled", true}}, &field, &message));
        QCOMPARE(field, QStringLiteral("id"));
        QVERIFY(parseAlertUpdate(QJsonObject{{"id", QString(64, u'x')}, {"enabled", true}}, &field, &message));
        QVERIFY(!parseAlertUpdate(QJsonObject{{"id", "a"}, {"enabled", "yes"}}, &field, &message));
        QCOMPARE(field, QStringLiteral("enabled"));
        QVERIFY(!parseAlertUpdate(QJsonObject{{"id", "a"}, {"value", "1"}}, &field, &message));
        QCOMPARE(field, QStringLiteral("value"));
        QVERIFY(!parseAlertUpdate(QJsonObject{{"id", "a"}, {"value", 1}, {"pair", "EUR_USD"}}, &field, &message));
        QCOMPARE(field, QStringLiteral("pair"));
        QVERIFY(parseAlertId(QJsonObject{{"id", "s1-1"}}, &field, &message));
        QVERIFY(!parseAlertId(QJsonObject{{"id", 1}}, &field, &message));
        QCOMPARE(field, QStringLiteral("id"));
        // applyAlertUpdate checks the value against the rule's condition.
        AlertRule pct;
        pct.condition = Condition::ChangePct;
        pct.value = 0.5;
        QVERIFY(!applyAlertUpdate(&pct, AlertUpdate{"x", {}, 0.0}, &field, &message));
        QCOMPARE(pct.value, 0.5);
        QVERIFY(applyAlertUpdate(&pct, AlertUpdate{"x", {}, -3.0}, &field, &message));
        QCOMPARE(pct.value, -3.0);
    }

    void restoreKeepsIds()
    {
        Desk desk;
        AlertRule rule = *parseAlertRule(ruleJson(QStringLiteral("above"), 1.1), ParseContext{&desk.pairs, kT0, false},
                                         nullptr, nullptr);
        rule.id = QStringLiteral("s1-41");
        QVERIFY(desk.book.restore(desk.bob, rule, kT0).ok());
        QCOMPARE(desk.book.restore(desk.bob, rule, kT0).refusal, Refusal::DuplicateId);
        rule.id = QStringLiteral("other-7"); // another server's
        QVERIFY(desk.book.restore(desk.bob, rule, kT0).ok());
        QCOMPARE(desk.add(ruleJson(QStringLiteral("above"), 1.1)), QStringLiteral("s1-42"));
    }

    void randomizedCrossCheck();
    void parserFuzz();
};

namespace {

// The brute-force model: every rule checked on every tick of its pair, with the semantics of
// PROTOCOL.md written out directly (no sorting, no ranges).
struct ModelRule
{
    AlertRule r;
    QString owner;
    bool justArmed = false; // armed since the pair's last tick
    int side = 0; // crosses: -1 below, +1 above, 0 unknown
};

struct ModelField
{
    std::vector<std::pair<qint64, double>> samples; // every tick's value
    bool hasLast = false;
    double last = 0;
    qint64 lastTs = 0;
};

double round10(double x)
{
    return std::round(x * 1e10) / 1e10;
}

struct Model
{
    std::map<QString, ModelRule> rules;
    std::map<std::pair<int, int>, ModelField> fields; // (pair, field)

    int sideFromHistory(const ModelField &f, double t) const
    {
        for (auto it = f.samples.rbegin(); it != f.samples.rend(); ++it)
            if (it->second != t)
                return it->second > t ? 1 : -1;
        return 0;
    }
    void arm(ModelRule &m)
    {
        if (!m.r.enabled)
            return;
        m.justArmed = true;
        m.side = sideFromHistory(fields[{m.r.pairIndex, int(m.r.field)}], m.r.value);
    }
    static double change(const ModelField &f, qint64 ts, double v, int window)
    {
        const double nan = std::numeric_limits<double>::quiet_NaN();
        const qint64 unit = window <= 3600 ? 1000 : 60000;
        const qint64 target = ts - qint64(window) * 1000;
        if (f.samples.empty() || target < 0 || target / unit < f.samples.front().first / unit)
            return nan;
        double ref = nan;
        for (const auto &[t, x] : f.samples)
            if (t / unit <= target / unit)
                ref = x;
        return ref > 0 ? std::round((v - ref) / ref * 100 * 1e9) / 1e9 : nan;
    }
    static bool holds(const AlertRule &r, double x)
    {
        switch (r.condition) {
        case Condition::Above: return x > r.value;
        case Condition::Below: return x < r.value;
        case Condition::ChangePct: return !std::isnan(x) && (r.value > 0 ? x >= r.value : x <= r.value);
        case Condition::Crosses: break;
        }
        return false;
    }

    // Fired ids (sorted) and expired ids (sorted).
    std::pair<QStringList, QStringList> tick(int pair, double bid, double ask, qint64 ts)
    {
        QStringList expired, fired;
        for (auto it = rules.begin(); it != rules.end();) {
            if (it->second.r.expiresAtMs > 0 && it->second.r.expiresAtMs <= ts) {
                expired.append(it->first);
                it = rules.erase(it);
            } else {
                ++it;
            }
        }
        const double values[4] = {bid, ask, round10((bid + ask) / 2), round10(ask - bid)};
        for (auto &[id, m] : rules) {
            AlertRule &r = m.r;
            if (r.pairIndex != pair || !r.enabled)
                continue;
            const ModelField &f = fields[{pair, int(r.field)}];
            const double v = values[int(r.field)];
            bool edge = false;
            switch (r.condition) {
            case Condition::Above:
            case Condition::Below: edge = holds(r, v) && (m.justArmed || !f.hasLast || !holds(r, f.last)); break;
            case Condition::Crosses:
                if (v != r.value) {
                    const int now = v > r.value ? 1 : -1;
                    edge = m.side != 0 && m.side != now;
                    m.side = now;
                }
                break;
            case Condition::ChangePct: {
                const double c = change(f, ts, v, r.windowSeconds);
                const double p =
                    f.hasLast ? change(f, f.lastTs, f.last, r.windowSeconds) : std::numeric_limits<double>::quiet_NaN();
                edge = holds(r, c) && (m.justArmed || std::isnan(p) || !holds(r, p));
                break;
            }
            }
            m.justArmed = false;
            if (!edge)
                continue;
            if (r.repeat == Repeat::Cooldown && r.lastFiredMs > 0 && ts - r.lastFiredMs < r.cooldownSeconds * 1000LL)
                continue;
            ++r.timesFired;
            r.lastFiredMs = ts;
            if (r.repeat == Repeat::Once)
                r.enabled = false;
            fired.append(id);
        }
        for (int field = 0; field < 4; ++field) {
            ModelField &f = fields[{pair, field}];
            f.samples.emplace_back(ts, values[field]);
            f.hasLast = true;
            f.last = values[field];
            f.lastTs = ts;
        }
        fired.sort();
        expired.sort();
        return {fired, expired};
    }
};

} // namespace

void TestAlertRules::randomizedCrossCheck()
{
    QRandomGenerator rng(20261207); // deterministic
    InstrumentSet pairs;
    RuleBook book(pairs, QStringLiteral("x"), RuleBookLimits{1000, 100000});
    Model model;
    const int pairIdx[3] = {pairs.indexOf(u"EUR_USD"), pairs.indexOf(u"USD_JPY"), pairs.indexOf(u"GBP_USD")};
    const double unit[3] = {1e5, 1e3, 1e5}; // grid: 1 / unit
    const qint64 center[3] = {110000, 150000, 127000};
    qint64 level[3] = {center[0], center[1], center[2]};
    const int windows[4] = {1, 7, 60, 3700};
    qint64 ts = kT0;
    int counts[4] = {0, 0, 0, 0}; // fired per condition

    auto randomRule = [&](int p, int forcedField, bool forceChange) {
        QJsonObject o;
        o.insert("pair", pairs.pair(pairIdx[p]));
        const int field = forcedField >= 0 ? forcedField : int(rng.bounded(4));
        o.insert("field", fieldName(Field(field)));
        const Condition c = forceChange ? Condition::ChangePct : Condition(rng.bounded(4));
        o.insert("condition", conditionName(c));
        if (c == Condition::ChangePct) {
            const double pct = (1 + rng.bounded(40)) * 0.0005;
            o.insert("value", rng.bounded(2) ? pct : -pct);
            o.insert("window_seconds", windows[rng.bounded(4)]);
        } else if (field == int(Field::Spread)) {
            o.insert("value", round10(double(rng.bounded(6)) / unit[p]));
        } else if (field == int(Field::Mid)) {
            o.insert("value", round10(double(2 * center[p] + rng.bounded(-120, 121)) / 2 / unit[p]));
        } else {
            o.insert("value", double(center[p] + rng.bounded(-60, 61)) / unit[p]);
        }
        const int rep = int(rng.bounded(10));
        if (rep < 3)
            o.insert("repeat", "once");
        else if (rep < 8)
            o.insert("repeat", "every");
        else
            o.insert("repeat", QJsonObject{{"cooldown_seconds", int(1 + rng.bounded(30))}});
        if (rng.bounded(5) == 0)
            o.insert("expires_at", double(ts + 1000 * qint64(1 + rng.bounded(6000))));
        return o;
    };
    QString lastId;
    auto addRule = [&](const QJsonObject &o) {
        QString field, message;
        auto rule = parseAlertRule(o, ParseContext{&pairs, ts, false}, &field, &message);
        QVERIFY2(rule, qPrintable(field + u' ' + message + u' ' + QJsonDocument(o).toJson()));
        const Owner owner{QString(), quint64(1 + rng.bounded(50))};
        const BookResult r = book.add(owner, *rule, ts);
        QVERIFY2(r.ok(), qPrintable(r.message));
        ModelRule m{r.rule, owner.identity()};
        model.arm(m);
        model.rules.emplace(r.rule.id, m);
        lastId = r.rule.id;
    };
    // One change_pct rule per pair and field first: their histories start with the first tick.
    for (int p = 0; p < 3; ++p)
        for (int f = 0; f < 4; ++f)
            addRule(randomRule(p, f, true));
    for (int i = 0; i < 1500; ++i)
        addRule(randomRule(int(rng.bounded(3)), -1, false));

    qint64 totalFired = 0, totalExpired = 0;
    for (int n = 0; n < 6000; ++n) {
        ts += 100 + rng.bounded(1400);
        // Churn between ticks: adds, deletes, updates.
        const int op = int(rng.bounded(20));
        if (op < 3) {
            addRule(randomRule(int(rng.bounded(3)), -1, rng.bounded(4) == 0));
        } else if (op == 7) {
            // Set and deleted before the pair's next tick, its place taken at once by another.
            addRule(randomRule(int(rng.bounded(3)), -1, false));
            QVERIFY(book.removeAny(lastId).ok());
            model.rules.erase(lastId);
            addRule(randomRule(int(rng.bounded(3)), -1, false));
        } else if (op < 7 && !model.rules.empty()) {
            auto it = std::next(model.rules.begin(), qsizetype(rng.bounded(quint32(model.rules.size()))));
            if (op < 5) {
                QVERIFY(book.removeAny(it->first).ok());
                model.rules.erase(it);
            } else {
                ModelRule &m = it->second;
                AlertUpdate u{it->first, {}, {}};
                if (rng.bounded(2))
                    u.enabled = !m.r.enabled;
                else
                    u.value = m.r.condition == Condition::ChangePct ? -m.r.value : m.r.value + 1 / unit[0];
                const BookResult r = book.updateAny(u, ts);
                if (m.r.expiresAtMs > 0 && m.r.expiresAtMs <= ts) {
                    QCOMPARE(r.refusal, Refusal::UnknownRule);
                } else {
                    QVERIFY2(r.ok(), qPrintable(r.message));
                    m.r = r.rule;
                    model.arm(m);
                }
            }
        }
        const int p = int(rng.bounded(3));
        level[p] += rng.bounded(-3, 4);
        level[p] = std::clamp(level[p], center[p] - 80, center[p] + 80);
        const double bid = double(level[p]) / unit[p];
        const double ask = double(level[p] + rng.bounded(5)) / unit[p];
        const Evaluation e = book.evaluate(pairIdx[p], bid, ask, ts);
        const auto [fired, expired] = model.tick(pairIdx[p], bid, ask, ts);
        QStringList got, gotExpired;
        for (const Firing &f : e.fired) {
            got.append(f.rule.id);
            const double values[4] = {bid, ask, round10((bid + ask) / 2), round10(ask - bid)};
            QCOMPARE(f.price, values[int(f.rule.field)]);
            QCOMPARE(f.rule.timesFired, model.rules.at(f.rule.id).r.timesFired);
            ++counts[int(f.rule.condition)];
        }
        for (const Firing &f : e.expired)
            gotExpired.append(f.rule.id);
        got.sort();
        gotExpired.sort();
        QVERIFY2(got == fired,
                 qPrintable(QStringLiteral("tick %1: evaluate() fired [%2], the scan [%3]")
                                .arg(n)
                                .arg(got.join(u' '), fired.join(u' '))));
        QCOMPARE(gotExpired, expired);
        totalFired += fired.size();
        totalExpired += expired.size();
    }
    QCOMPARE(book.size(), int(model.rules.size()));
    qInfo("cross-check: %lld firings, %lld expiries, %d rules left; by condition: above %d, below %d, crosses %d, "
          "change_pct %d",
          totalFired, totalExpired, book.size(), counts[0], counts[1], counts[2], counts[3]);
    for (int c = 0; c < 4; ++c)
        QVERIFY2(counts[c] > 20, "every condition fired in the run");
    QVERIFY(totalExpired > 10);
}

// Random payloads built from the known keys, unknown ones and values of every JSON type near the
// bounds: no crash, every refusal names a field and says why, and every accepted rule keeps the
// invariants the book relies on and reads back from its JSON form unchanged.
void TestAlertRules::parserFuzz()
{
    QRandomGenerator rng(4242);
    InstrumentSet pairs;
    RuleBook book(pairs, QStringLiteral("f"), RuleBookLimits{1000000, 1000000});
    const QStringList keys{"pair",   "field",      "condition", "value", "window_seconds",
                           "repeat", "expires_at", "note",      "id",    "x"};
    const QJsonArray values{"EUR_USD",
                            "eurusd",
                            "USD_JPY",
                            "XXX_YYY",
                            "",
                            "bid",
                            "ask",
                            "mid",
                            "spread",
                            "above",
                            "below",
                            "crosses",
                            "change_pct",
                            "once",
                            "every",
                            "2026-01-01T00:00:00Z",
                            "2020-01-01T00:00:00Z",
                            "not a time",
                            0,
                            -1,
                            1,
                            1.5,
                            0.5,
                            -0.5,
                            100,
                            100.5,
                            86400,
                            86401,
                            1e308,
                            -1e308,
                            double(kT0 + 1000),
                            double(kT0 - 1),
                            true,
                            false,
                            QJsonValue(),
                            QJsonArray{1, 2},
                            QJsonObject{{"cooldown_seconds", 60}},
                            QJsonObject{{"cooldown_seconds", 0}},
                            QJsonObject{{"cooldown_seconds", 60}, {"y", 1}},
                            QString(201, u'n'),
                            QStringLiteral("tab\there")};
    const QStringList core{"pair", "field", "condition", "value"};
    const QHash<QString, QJsonArray> plausible{{"pair", QJsonArray{"EUR_USD", "eurusd", "USD_JPY", "GBP_USD"}},
                                               {"field", QJsonArray{"bid", "ask", "mid", "spread"}},
                                               {"condition", QJsonArray{"above", "below", "crosses", "change_pct"}},
                                               {"value", QJsonArray{0, 0.5, -0.5, 1.1, 100, 1e-9}}};
    int accepted = 0;
    for (int i = 0; i < 50000; ++i) {
        QJsonObject o;
        // Mostly the four required keys with plausible values, so that many are accepted.
        for (const QString &k : core) {
            const QJsonArray &pool = plausible.value(k);
            const int dice = int(rng.bounded(20));
            if (dice == 0)
                continue; // left out
            o.insert(k,
                     dice < 17 ? pool.at(qsizetype(rng.bounded(quint32(pool.size()))))
                               : values.at(qsizetype(rng.bounded(quint32(values.size())))));
        }
        const int extra = int(rng.bounded(4));
        for (int e = 0; e < extra; ++e)
            o.insert(keys.at(qsizetype(rng.bounded(quint32(keys.size())))),
                     values.at(qsizetype(rng.bounded(quint32(values.size())))));
        QString field, message;
        const auto rule = parseAlertRule(o, ParseContext{&pairs, kT0, false}, &field, &message);
        if (!rule) {
            QVERIFY2(!field.isEmpty() && !message.isEmpty(), qPrintable(QJsonDocument(o).toJson()));
            QVERIFY2(o.contains(field) || field.startsWith(QStringLiteral("repeat.")) || core.contains(field)
                         || field == QStringLiteral("window_seconds"),
                     qPrintable(field));
            continue;
        }
        ++accepted;
        QVERIFY(rule->pairIndex >= 0 && rule->pairIndex < pairs.size());
        QVERIFY(std::isfinite(rule->value));
        QVERIFY(checkRuleValue(rule->field, rule->condition, rule->value, &message));
        QCOMPARE(rule->condition == Condition::ChangePct, rule->windowSeconds > 0);
        QVERIFY(rule->windowSeconds <= kMaxWindowSeconds);
        QCOMPARE(rule->repeat == Repeat::Cooldown, rule->cooldownSeconds > 0);
        QVERIFY(rule->expiresAtMs == 0 || rule->expiresAtMs > kT0);
        QVERIFY(rule->note.size() <= kMaxNoteLength);
        const BookResult r = book.add(Owner{QString(), quint64(i % 100)}, *rule, kT0);
        if (!r.ok()) {
            QCOMPARE(r.refusal, Refusal::TooManyWindows); // the only refusal left with these limits
            continue;
        }
        const auto back = ruleFromJson(r.rule.toJson(), ParseContext{&pairs, kT0, true}, &field, &message);
        QVERIFY2(back, qPrintable(field + u' ' + message));
        QCOMPARE(back->toJson(), r.rule.toJson());
        book.evaluate(rule->pairIndex, 1.0 + rng.bounded(100) / 1e4, 1.0 + rng.bounded(100) / 1e4 + 0.0002, kT0 + i);
    }
    qInfo("parser fuzz: %d of 50000 payloads accepted, %d rules in the book (the others expired)", accepted,
          book.size());
    QVERIFY(accepted > 1000);
}

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
