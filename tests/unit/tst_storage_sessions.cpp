// Which FX sessions are open at an instant, weekends included (MarketSessions, no database).

#include "core/marketsessions.h"

#include <QTest>
#include <QTimeZone>

using fx::core::MarketSession;
using fx::core::MarketSessions;

namespace {
// 2025-11-17 is a Monday.
QDateTime utc(int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2025, 11, day), QTime(hour, minute), Qt::UTC);
}
} // namespace

class TestStorageSessions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void table()
    {
        const QList<MarketSession> &all = MarketSessions::all();
        QCOMPARE(all.size(), 4);
        QStringList names;
        for (const MarketSession &s : all)
            names << QStringLiteral("%1 %2-%3")
                         .arg(s.name, MarketSession::formatMinute(s.openMinute),
                              MarketSession::formatMinute(s.closeMinute));
        QCOMPARE(
            names,
            (QStringList{"Sydney 21:00-06:00", "Tokyo 00:00-09:00", "London 08:00-17:00", "New York 13:00-22:00"}));
        QVERIFY(all.at(0).spansMidnight());
        QVERIFY(!all.at(2).spansMidnight());
    }

    void openAt_data()
    {
        QTest::addColumn<QDateTime>("when");
        QTest::addColumn<QStringList>("open");
        QTest::addColumn<bool>("market");

        // Monday
        QTest::newRow("Mon 00:00 Sydney+Tokyo") << utc(17, 0) << QStringList{"Sydney", "Tokyo"} << true;
        QTest::newRow("Mon 05:59 Sydney+Tokyo") << utc(17, 5, 59) << QStringList{"Sydney", "Tokyo"} << true;
        QTest::newRow("Mon 06:00 Sydney closed") << utc(17, 6) << QStringList{"Tokyo"} << true;
        QTest::newRow("Mon 08:00 Tokyo+London") << utc(17, 8) << QStringList{"Tokyo", "London"} << true;
        QTest::newRow("Mon 09:00 Tokyo closed") << utc(17, 9) << QStringList{"London"} << true;
        QTest::newRow("Mon 13:00 London+New York") << utc(17, 13) << QStringList{"London", "New York"} << true;
        QTest::newRow("Mon 16:59 London+New York") << utc(17, 16, 59) << QStringList{"London", "New York"} << true;
        QTest::newRow("Mon 17:00 New York") << utc(17, 17) << QStringList{"New York"} << true;
        QTest::newRow("Mon 21:00 New York+Sydney") << utc(17, 21) << QStringList{"Sydney", "New York"} << true;
        QTest::newRow("Mon 22:00 Sydney") << utc(17, 22) << QStringList{"Sydney"} << true;
        QTest::newRow("Wed 23:59 Sydney") << utc(19, 23, 59) << QStringList{"Sydney"} << true;
        // Friday: the week closes at 22:00; Sydney does not open on Friday evening.
        QTest::newRow("Fri 03:00 Sydney+Tokyo") << utc(21, 3) << QStringList{"Sydney", "Tokyo"} << true;
        QTest::newRow("Fri 21:00 New York only") << utc(21, 21) << QStringList{"New York"} << true;
        QTest::newRow("Fri 21:59 New York only") << utc(21, 21, 59) << QStringList{"New York"} << true;
        QTest::newRow("Fri 22:00 closed") << utc(21, 22) << QStringList{} << false;
        QTest::newRow("Fri 23:30 closed") << utc(21, 23, 30) << QStringList{} << false;
        // Weekend.
        QTest::newRow("Sat 00:00 closed") << utc(22, 0) << QStringList{} << false;
        QTest::newRow("Sat 03:00 closed (no Tokyo)") << utc(22, 3) << QStringList{} << false;
        QTest::newRow("Sat 10:00 closed (no London)") << utc(22, 10) << QStringList{} << false;
        QTest::newRow("Sat 21:30 closed (no Sydney)") << utc(22, 21, 30) << QStringList{} << false;
        QTest::newRow("Sun 12:00 closed") << utc(23, 12) << QStringList{} << false;
        QTest::newRow("Sun 20:59 closed") << utc(23, 20, 59) << QStringList{} << false;
        // Sunday 21:00: the week opens with Sydney's Monday session.
        QTest::newRow("Sun 21:00 Sydney") << utc(23, 21) << QStringList{"Sydney"} << true;
        QTest::newRow("Sun 23:00 Sydney") << utc(23, 23) << QStringList{"Sydney"} << true;
        // Other zones are converted: 2025-11-17 09:00 in Tokyo (UTC+9) is Monday 00:00 UTC.
        QTest::newRow("zone conversion") << QDateTime(QDate(2025, 11, 17), QTime(9, 0), QTimeZone(9 * 3600))
                                         << QStringList{"Sydney", "Tokyo"} << true;
        QTest::newRow("invalid instant") << QDateTime() << QStringList{} << false;
    }
    void openAt()
    {
        QFETCH(QDateTime, when);
        QFETCH(QStringList, open);
        QFETCH(bool, market);
        QCOMPARE(MarketSessions::openAt(when), open);
        QCOMPARE(MarketSessions::isMarketOpen(when), market);
    }

    // Over a whole week, minute by minute: some session is open exactly when the market is.
    void sessionsMatchTheWeek()
    {
        const QDateTime start = utc(16, 0); // Sunday 00:00
        int openMinutes = 0;
        for (int m = 0; m < 7 * 24 * 60; ++m) {
            const QDateTime t = start.addSecs(qint64(m) * 60);
            const bool any = !MarketSessions::openAt(t).isEmpty();
            if (any != MarketSessions::isMarketOpen(t))
                QFAIL(qPrintable(t.toString(Qt::ISODate)));
            openMinutes += any;
        }
        QCOMPARE(openMinutes, 5 * 24 * 60 + 60); // Sun 21:00 to Fri 22:00 = 121 hours
    }
};

QTEST_APPLESS_MAIN(TestStorageSessions)
#include "tst_storage_sessions.moc"
