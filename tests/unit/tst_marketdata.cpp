// Decimal prices kept as received, timestamps, instruments.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "core/timeutil.h"

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
        QTest::newRow("even") << "1.0945" << "1.0947" << "1.0946";
        QTest::newRow("odd") << "1.0945" << "1.0948" << "1.09465";
        QTest::newRow("different decimals") << "1.1" << "1.25" << "1.175";
        QTest::newRow("jpy") << "150.101" << "150.112" << "150.1065";
        QTest::newRow("carry") << "9.9999" << "10.0001" << "10.0000";
        QTest::newRow("integers") << "1" << "2" << "1.5";
        QTest::newRow("trailing zeros kept") << "1.09450" << "1.09450" << "1.09450";
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
};

QTEST_APPLESS_MAIN(TestMarketData)
#include "tst_marketdata.moc"
