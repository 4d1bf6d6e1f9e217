// get_alert_history's request reading and cursor (server/alerthistory.h), without a server or a
// database: each field at, under and over its bounds, the normal forms the query gets, pair
// permissions, and the cursor refused when altered, truncated, extended or carried to other
// filters.

#include "core/instruments.h"
#include "core/timeutil.h"
#include "server/alerthistory.h"
#include "server/client.h"

#include <QJsonArray>
#include <QTest>

using namespace fx;
using namespace fx::server;

namespace {

class NullClient final : public Client
{
public:
    NullClient() : Client(newSessionId(), WireProtocol::PlainJson, QStringLiteral("test"), 0) {}
    QString transportName() const override { return QStringLiteral("memory"); }
    void deliver(const Broadcast &) override {}
    void sendEvent(QStringView, QByteArrayView, const QJsonValue &) override {}
    qint64 queuedBytes() const override { return 0; }
    void disconnect(DisconnectReason r, int, const QString &) override { markDead(r); }
};

} // namespace

class TestAlertHistoryRequest : public QObject
{
    Q_OBJECT

    core::InstrumentSet m_pairs;
    NullClient m_client;

    std::optional<AlertHistoryQuery> parse(const QJsonObject &data, AlertHistoryError *error = nullptr)
    {
        AlertHistoryError ignored;
        return parseAlertHistoryRequest(data, m_pairs, m_client, error ? error : &ignored);
    }

private Q_SLOTS:
    void defaults()
    {
        const auto q = parse({});
        QVERIFY(q);
        QCOMPARE(q->limit, kAlertHistoryDefaultLimit);
        QCOMPARE(q->sinceMicros, 0);
        QCOMPARE(q->untilMicros, 0);
        QVERIFY(q->types.isEmpty() && q->severities.isEmpty() && q->pairs.isEmpty());
        QVERIFY(!q->restricted && !q->hasCursor);
        // null is the same as absent
        QVERIFY(parse({{QStringLiteral("limit"), QJsonValue::Null}, {QStringLiteral("cursor"), QJsonValue::Null}}));
    }

    void limit()
    {
        auto limit = [&](const QJsonValue &v) { return parse({{QStringLiteral("limit"), v}}); };
        QCOMPARE(limit(1)->limit, 1);
        QCOMPARE(limit(999)->limit, 999);
        QCOMPARE(limit(1000)->limit, 1000);
        QCOMPARE(limit(1000.0)->limit, 1000);
        AlertHistoryError e;
        QVERIFY(!parse({{QStringLiteral("limit"), 1001}}, &e));
        QCOMPARE(e.code, protocol::ErrorCode::InvalidPayload);
        QCOMPARE(e.details.value(QStringLiteral("field")).toString(), QStringLiteral("limit"));
        QCOMPARE(e.details.value(QStringLiteral("max_limit")).toInt(), 1000);
        for (const QJsonValue &bad : {QJsonValue(0), QJsonValue(-5), QJsonValue(1.5), QJsonValue(1e300),
                                      QJsonValue(QStringLiteral("5")), QJsonValue(true), QJsonValue(QJsonArray{5})})
            QVERIFY(!limit(bad));
    }

    void times()
    {
        const auto q = parse({{QStringLiteral("since"), QStringLiteral("2025-11-18T12:00:00Z")},
                              {QStringLiteral("until"), QStringLiteral("2025-11-18T12:00:00Z")}});
        QVERIFY(q); // since == until is allowed
        qint64 expected = 0;
        QVERIFY(core::parseIsoTimestamp(u"2025-11-18T12:00:00Z", &expected));
        QCOMPARE(q->sinceMicros, expected);
        QCOMPARE(q->untilMicros, expected);
        AlertHistoryError e;
        QVERIFY(!parse({{QStringLiteral("since"), QStringLiteral("2025-11-18T12:00:00.000001Z")},
                        {QStringLiteral("until"), QStringLiteral("2025-11-18T12:00:00Z")}},
                       &e));
        QCOMPARE(e.details.value(QStringLiteral("field")).toString(), QStringLiteral("since"));
        for (const QJsonValue &bad :
             {QJsonValue(1763467200), QJsonValue(QStringLiteral("today")),
              QJsonValue(QStringLiteral("1969-12-31T23:59:59Z")), QJsonValue(QString(65, u'2'))})
            QVERIFY(!parse({{QStringLiteral("since"), bad}}));
    }

    void choices()
    {
        const auto q =
            parse({{QStringLiteral("types"), QJsonArray{QStringLiteral("Volatility"), QStringLiteral("volatility")}},
                   {QStringLiteral("severity"), QStringLiteral("CRITICAL")}});
        QVERIFY(q);
        QCOMPARE(q->types, QStringList{QStringLiteral("volatility")});
        QCOMPARE(q->severities, QStringList{QStringLiteral("critical")});
        AlertHistoryError e;
        QVERIFY(!parse({{QStringLiteral("types"), QJsonArray{QStringLiteral("price")}}}, &e));
        QCOMPARE(
            e.details.value(QStringLiteral("allowed")).toArray(),
            (QJsonArray{QStringLiteral("correlation"), QStringLiteral("price_alert"), QStringLiteral("volatility")}));
        // Fired alert rules (PROTOCOL.md, "Alert rules") are a type of their own.
        QCOMPARE(parse({{QStringLiteral("types"), QJsonArray{QStringLiteral("price_alert")}}})->types,
                 QStringList{QStringLiteral("price_alert")});
        QVERIFY(!parse({{QStringLiteral("severity"), QJsonArray{}}}));
        QVERIFY(!parse({{QStringLiteral("severity"), QJsonObject{}}}));
        QVERIFY(!parse({{QStringLiteral("types"), QJsonArray{1}}}));
        // A list of 1,000 entries is read; 1,001 are refused before any is looked at.
        QJsonArray many;
        for (int i = 0; i < 1000; ++i)
            many.append(QStringLiteral("info"));
        QVERIFY(parse({{QStringLiteral("severity"), many}}));
        many.append(QStringLiteral("info"));
        QVERIFY(!parse({{QStringLiteral("severity"), many}}, &e));
        QVERIFY(e.message.contains(QStringLiteral("1000")));
    }

    void pairsAndPermissions()
    {
        auto q = parse({{QStringLiteral("pairs"), QJsonArray{QStringLiteral("eur_usd"), QStringLiteral("EUR/USD")}}});
        QVERIFY(q);
        QCOMPARE(q->pairs, QStringList{QStringLiteral("EUR_USD")});
        QVERIFY(parse({{QStringLiteral("pairs"), QStringLiteral("all")}})->pairs.isEmpty());
        AlertHistoryError e;
        QVERIFY(
            !parse({{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("XXX_YYY")}}}, &e));
        QCOMPARE(e.code, protocol::ErrorCode::InvalidPair);
        QCOMPARE(e.details.value(QStringLiteral("invalid_pairs")).toArray(), QJsonArray{QStringLiteral("XXX_YYY")});

        // A token for EUR_USD and USD_JPY: the query carries them; others are refused by name.
        std::vector<bool> permitted(size_t(m_pairs.size()), false);
        permitted[size_t(m_pairs.lookup(u"EUR_USD"))] = true;
        permitted[size_t(m_pairs.lookup(u"USD_JPY"))] = true;
        NullClient limited;
        limited.setPermittedPairs(true, permitted);
        q = parseAlertHistoryRequest({}, m_pairs, limited, &e);
        QVERIFY(q && q->restricted);
        QCOMPARE(q->permittedPairs, (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")}));
        QVERIFY(
            !parseAlertHistoryRequest({{QStringLiteral("pairs"), QStringLiteral("GBP_USD")}}, m_pairs, limited, &e));
        QCOMPARE(e.code, protocol::ErrorCode::Forbidden);
        QCOMPARE(e.details.value(QStringLiteral("forbidden_pairs")).toArray(), QJsonArray{QStringLiteral("GBP_USD")});
        // A token that permits nothing: a query that matches nothing, not every alert.
        NullClient none;
        none.setPermittedPairs(true, std::vector<bool>(size_t(m_pairs.size()), false));
        q = parseAlertHistoryRequest({}, m_pairs, none, &e);
        QVERIFY(q && q->restricted && q->permittedPairs.isEmpty());
    }

    void unknownFields()
    {
        AlertHistoryError e;
        QVERIFY(!parse({{QStringLiteral("offset"), 100}}, &e));
        QCOMPARE(e.details.value(QStringLiteral("field")).toString(), QStringLiteral("offset"));
    }

    void cursor()
    {
        const QJsonObject filters{
            {QStringLiteral("types"), QStringLiteral("volatility")},
            {QStringLiteral("pairs"), QJsonArray{QStringLiteral("USD_JPY"), QStringLiteral("EUR_USD")}}};
        const auto base = parse(filters);
        QVERIFY(base);
        const QString c = encodeAlertHistoryCursor(*base, 1'763'467'200'123'456, 4242);
        QVERIFY(c.size() <= 64);
        QVERIFY(!c.contains(u'=') && !c.contains(u'+') && !c.contains(u'/'));
        QJsonObject with = filters;
        with.insert(QStringLiteral("cursor"), c);
        auto q = parse(with);
        QVERIFY(q && q->hasCursor);
        QCOMPARE(q->beforeRaisedAt, 1'763'467'200'123'456);
        QCOMPARE(q->beforeId, 4242);
        // The pairs in another order, or another limit, are the same filters.
        with.insert(QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")});
        with.insert(QStringLiteral("limit"), 7);
        QVERIFY(parse(with));

        auto refused = [&](const QJsonObject &request) {
            AlertHistoryError e;
            return !parse(request, &e) && e.code == protocol::ErrorCode::InvalidCursor;
        };
        // Every single character altered.
        for (int i = 0; i < c.size(); ++i) {
            QString altered = c;
            altered[i] = altered[i] == u'A' ? u'B' : u'A';
            QJsonObject r = filters;
            r.insert(QStringLiteral("cursor"), altered);
            QVERIFY2(refused(r), qPrintable(altered));
        }
        // The same bytes spelt otherwise: the last character's unused low bits set (a cursor
        // of 29 bytes is 39 characters, 2 bits to spare) is refused, not read as the cursor.
        {
            static const QString alphabet =
                QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
            QCOMPARE((c.size() * 6) % 8, 2);
            QString alias = c;
            alias.back() = alphabet.at(alphabet.indexOf(c.back()) ^ 1);
            QCOMPARE(QByteArray::fromBase64(alias.toLatin1(), QByteArray::Base64UrlEncoding),
                     QByteArray::fromBase64(c.toLatin1(), QByteArray::Base64UrlEncoding));
            QJsonObject r = filters;
            r.insert(QStringLiteral("cursor"), alias);
            QVERIFY2(refused(r), qPrintable(alias));
        }
        for (const QString &bad :
             {c.left(c.size() - 1), c + u'A', QString(), QStringLiteral("!!!!"), QString(129, u'A')}) {
            QJsonObject r = filters;
            r.insert(QStringLiteral("cursor"), bad);
            QVERIFY2(refused(r), qPrintable(bad));
        }
        // Other filters.
        for (const auto &[key, value] :
             {std::pair{QStringLiteral("types"), QJsonValue(QStringLiteral("correlation"))},
              std::pair{QStringLiteral("severity"), QJsonValue(QStringLiteral("info"))},
              std::pair{QStringLiteral("since"), QJsonValue(QStringLiteral("2025-01-01T00:00:00Z"))},
              std::pair{QStringLiteral("pairs"), QJsonValue(QStringLiteral("EUR_USD"))}}) {
            QJsonObject r = filters;
            r.insert(QStringLiteral("cursor"), c);
            r.insert(key, value);
            QVERIFY2(refused(r), qPrintable(key));
        }
        // Not a string.
        QVERIFY(refused({{QStringLiteral("cursor"), 5}}));
        // The payload: a cursor only when there is more.
        AlertHistoryResult page;
        page.more = true;
        page.lastRaisedAt = 10;
        page.lastId = 3;
        QVERIFY(alertHistoryPayload(*base, page).value(QStringLiteral("next_cursor")).isString());
        page.more = false;
        QVERIFY(alertHistoryPayload(*base, page).value(QStringLiteral("next_cursor")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestAlertHistoryRequest)
#include "tst_alerthistory_request.moc"
