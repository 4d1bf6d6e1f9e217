// Decimal prices kept as received, timestamps, instruments.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "core/timeutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fx::core;

class TestMarketData : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void midpoint_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QString>("mid");
        QTest::newRow("even") << "1.0945"
                              << "1.0947"
                              << "1.0946";
        QTest::newRow("odd") << "1.0945"
                             << "1.0948"
                             << "1.09465";
        QTest::newRow("different decimals") << "1.1"
                                            << "1.25"
                                            << "1.175";
        QTest::newRow("jpy") << "150.101"
                             << "150.112"
                             << "150.1065";
        QTest::newRow("carry") << "9.9999"
                               << "10.0001"
                               << "10.0000";
        QTest::newRow("integers") << "1"
                                  << "2"
                                  << "1.5";
        QTest::newRow("trailing zeros kept") << "1.09450"
                                             << "1.09450"
                                             << "1.09450";
    }
    void midpoint()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QString, mid);
        QCOMPARE(decimal::midpoint(a, b), mid);
    }

    void plainDecimal()
    {
        QVERIFY(decimal::isPlain(u"1.09450"));
        QVERIFY(decimal::isPlain(u"150"));
        QVERIFY(!decimal::isPlain(u"-1.0"));
        QVERIFY(!decimal::isPlain(u"1e-3"));
        QVERIFY(!decimal::isPlain(u"1."));
        QVERIFY(!decimal::isPlain(u".5"));
        QVERIFY(!decimal::isPlain(u""));
        QVERIFY(!decimal::isPlain(u"NaN"));
        for (const char16_t *plain : {u"1.08523", u"151.234", u"0.00001", u"12345678901234567890.123456789012345678"})
            QCOMPARE(decimal::toDouble(QStringView(plain)), QString::fromUtf16(plain).toDouble());
        QVERIFY(!decimal::plainValue(u"1e-3") && !decimal::plainValue(u"+1.5") && !decimal::plainValue(u"NaN"));
        QCOMPARE(decimal::toDouble(u"1e-3"), 0.001); // not plain: QString's reading
    }

    void timestamps()
    {
        QCOMPARE(isoTimestamp(0), QStringLiteral("1970-01-01T00:00:00.000000Z"));
        QCOMPARE(isoTimestamp(1763469296789123LL), QStringLiteral("2025-11-18T12:34:56.789123Z"));
        qint64 us = 0;
        QVERIFY(parseIsoTimestamp(u"2025-11-18T12:34:56.789123Z", &us));
        QCOMPARE(us, 1763469296789123LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T12:34:56.789123", &us)); // naive = UTC (the seed's form)
        QCOMPARE(us, 1763469296789123LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T13:34:56.789+01:00", &us));
        QCOMPARE(us, 1763469296789000LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T12:34:56Z", &us));
        QVERIFY(!parseIsoTimestamp(u"yesterday", &us));
        QVERIFY(!parseIsoTimestamp(u"2025-11-18T12:34:56.Z", &us));
        QVERIFY(!parseIsoTimestamp(u"2025-11-18T12:34:56+25:00", &us));
        // The separators and calendar rules of Qt::ISODate, checked by arithmetic.
        QVERIFY(parseIsoTimestamp(u"2025-11-18 12:34:56.789123", &us));
        QCOMPARE(us, 1763469296789123LL);
        QVERIFY(parseIsoTimestamp(u"  2025-11-18t12:34:56.789123z ", &us));
        QCOMPARE(us, 1763469296789123LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T07:04:56.789123-0530", &us));
        QCOMPARE(us, 1763469296789123LL);
        QVERIFY(parseIsoTimestamp(u"2024-02-29T00:00:00Z", &us));
        QCOMPARE(us, 1709164800000000LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T24:00:00Z", &us)); // the next midnight
        QCOMPARE(us, 1763510400000000LL);
        QVERIFY(parseIsoTimestamp(u"1969-12-31T23:59:59.5Z", &us));
        QCOMPARE(us, -500000LL);
        QVERIFY(parseIsoTimestamp(u"2025-11-18T12:34:56.7891239Z", &us)); // beyond microseconds: cut
        QCOMPARE(us, 1763469296789123LL);
        for (const char16_t *bad :
             {u"2025-02-29T00:00:00", u"1900-02-29T00:00:00", u"2025-04-31T00:00:00", u"2025-13-01T00:00:00",
              u"2025-00-10T00:00:00", u"2025-11-00T00:00:00", u"2025-11-18T24:00:01", u"2025-11-18T23:60:00",
              u"2025-11-18T23:59:60", u"2025-11-18X12:34:56", u"2025-1-18T12:34:56", u"+2025-11-18T12:34:56",
              u"2025-11-18T12:34:5x", u"2025-11-18T12:34:56+01x00", u"2025-11-18T12:34:56+1",
              u"2025-11-18T12:34:56Zulu", u"\u0662025-11-18T12:34:56"})
            QVERIFY2(!parseIsoTimestamp(QStringView(bad), &us), qPrintable(QString::fromUtf16(bad)));
        QVERIFY(!parseIsoTimestamp(u"0000-06-01T00:00:00Z", &us)); // no year 0
        QVERIFY(!parseIsoTimestamp(u"0001-01-01T00:00:00+01:00", &us)); // before year 1 once offset
        QVERIFY(parseIsoTimestamp(u"9999-12-31T23:59:59.999999Z", &us));
        QCOMPARE(isoTimestamp(us), QStringLiteral("9999-12-31T23:59:59.999999Z"));
        // Every instant we print parses back to itself, across the years operators meet.
        for (qint64 t = -2208988800000000LL; t < 4102444800000000LL; t += 86399123457LL) {
            QVERIFY(parseIsoTimestamp(isoTimestamp(t), &us));
            QCOMPARE(us, t);
        }
        const QString now = isoNow();
        QVERIFY(now.endsWith(u'Z'));
        QCOMPARE(now.size(), 27);
    }

    void instruments()
    {
        const InstrumentSet set;
        QCOMPARE(set.size(), 20);
        QCOMPARE(set.room(0), QStringLiteral("price_EUR_USD"));
        QCOMPARE(set.lookup(u"eur/usd"), 0);
        QCOMPARE(set.lookup(u"EURUSD"), 0);
        QCOMPARE(set.lookup(u"EUR_XXX"), -1);
        QCOMPARE(set.roomIndex(u"price_USD_JPY"), 2);
        QCOMPARE(InstrumentSet::pipSize(u"USD_JPY"), 0.01);
        QCOMPARE(InstrumentSet::pipSize(u"EUR_USD"), 0.0001);
        QCOMPARE(InstrumentSet::quoteDecimals(u"EUR_JPY"), 3);
        QVERIFY(!InstrumentSet::isWellFormed(u"EUR_EUR"));
        QVERIFY(!InstrumentSet::normalize(u"EURO"));
    }

    void severities()
    {
        QCOMPARE(parseSeverity(u"CRITICAL"), std::optional<Severity>(Severity::Critical));
        QCOMPARE(parseSeverity(u"warn"), std::optional<Severity>(Severity::Warning));
        QVERIFY(!parseSeverity(u"high"));
        QCOMPARE(severityName(Severity::Info), QStringLiteral("info"));
    }

    // The price_update payload written directly is exactly what QJsonDocument writes, and the
    // cases it cannot write directly (extras, characters to escape) take QJsonDocument's path.
    void pricePayloadJson_data()
    {
        QTest::addColumn<QString>("instrument");
        QTest::addColumn<QString>("time");
        QTest::addColumn<QString>("extraKey");
        QTest::addColumn<bool>("extraInsidePrice");
        QTest::newRow("plain") << "EUR_USD"
                               << "2025-11-18T12:34:56.789123Z" << QString() << false;
        QTest::newRow("seconds only") << "USD_JPY"
                                      << "2025-11-18 12:34:56" << QString() << false;
        QTest::newRow("quote in time") << "EUR_USD"
                                       << "2025-11-18T12:34:56\"Z" << QString() << false;
        QTest::newRow("backslash") << "EUR_USD"
                                   << "a\\b" << QString() << false;
        QTest::newRow("control") << "EUR_USD"
                                 << "a\tb\x01" << QString() << false;
        QTest::newRow("non-ASCII") << QString::fromUtf8("EUR_USD\u00e9\u20ac") << "t" << QString() << false;
        QTest::newRow("extra top-level") << "EUR_USD"
                                         << "t"
                                         << "aaa_source" << false;
        QTest::newRow("extra inside price") << "EUR_USD"
                                            << "t"
                                            << "liquidity" << true;
        QTest::newRow("extra sorting last") << "EUR_USD"
                                            << "t"
                                            << "zzz" << false;
    }

    void pricePayloadJson()
    {
        QFETCH(QString, instrument);
        QFETCH(QString, time);
        QFETCH(QString, extraKey);
        QFETCH(bool, extraInsidePrice);
        PriceTick t;
        t.instrument = instrument;
        t.quote = PriceQuote{QStringLiteral("1.08514"), QStringLiteral("1.08532"), QStringLiteral("1.08523"), time};
        t.relayedMicros = 1763469296789123LL;
        if (!extraKey.isEmpty())
            (extraInsidePrice ? t.priceExtras : t.extras).insert(extraKey, QStringLiteral("x\"y"));
        const QByteArray expected = QJsonDocument(t.toPayload()).toJson(QJsonDocument::Compact);
        QCOMPARE(t.payloadJson(), expected);
        QVERIFY(!QJsonDocument::fromJson(t.payloadJson()).isNull());
    }
};

QTEST_APPLESS_MAIN(TestMarketData)
#include "tst_marketdata.moc"
