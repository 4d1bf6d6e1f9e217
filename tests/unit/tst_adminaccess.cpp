// SECURITY.md, "Admin endpoints": the token check and the redaction, without sockets.

#include "server/adminaccess.h"

#include <QTest>

using namespace fx::server;

class TestAdminAccess : public QObject
{
    Q_OBJECT

    const QString kToken = QStringLiteral("s3cret-Admin-Token-42");

private Q_SLOTS:
    void constantTimeEqualsCompares()
    {
        QVERIFY(constantTimeEquals("abcdefghijklmnop", "abcdefghijklmnop"));
        QVERIFY(!constantTimeEquals("abcdefghijklmnop", "abcdefghijklmno"));
        QVERIFY(!constantTimeEquals("abcdefghijklmnop", "abcdefghijklmnopq"));
        QVERIFY(!constantTimeEquals("abcdefghijklmnop", "Abcdefghijklmnop"));
        QVERIFY(!constantTimeEquals("abcdefghijklmnop", "abcdefghijklmnoP"));
        // A presented value that repeats the token is not the token.
        QVERIFY(!constantTimeEquals("abcd", "abcdabcd"));
        QVERIFY(!constantTimeEquals("abcd", ""));
        QVERIFY(!constantTimeEquals("", ""));
        QVERIFY(!constantTimeEquals("", "x"));
    }

    void headerChecks_data()
    {
        QTest::addColumn<bool>("hasHeader");
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expected");
        const QByteArray t = kToken.toLatin1();
        const int anon = int(AdminAccess::Anonymous), ok = int(AdminAccess::Granted), no = int(AdminAccess::Refused);
        QTest::newRow("no header") << false << QByteArray() << anon;
        QTest::newRow("empty header") << true << QByteArray() << no;
        QTest::newRow("Basic") << true << "Basic " + t.toBase64() << no;
        QTest::newRow("Basic with the token") << true << "Basic " + t << no;
        QTest::newRow("bare token") << true << t << no;
        QTest::newRow("Bearer alone") << true << QByteArray("Bearer") << no;
        QTest::newRow("empty bearer") << true << QByteArray("Bearer ") << no;
        QTest::newRow("one short") << true << "Bearer " + t.chopped(1) << no;
        QTest::newRow("one longer") << true << "Bearer " + t + "x" << no;
        QTest::newRow("other case") << true << "Bearer " + t.toUpper() << no;
        QTest::newRow("twice") << true << "Bearer " + t + t << no;
        QTest::newRow("right") << true << "Bearer " + t << ok;
        QTest::newRow("scheme in any case") << true << "bEARER " + t << ok;
        QTest::newRow("extra spaces") << true << "Bearer   " + t + "  " << ok;
    }

    void headerChecks()
    {
        QFETCH(bool, hasHeader);
        QFETCH(QByteArray, header);
        QFETCH(int, expected);
        QCOMPARE(int(adminAccess(kToken, hasHeader, header)), expected);
        // No token configured: nobody is refused and nobody is granted.
        QCOMPARE(adminAccess(QString(), hasHeader, header), AdminAccess::Anonymous);
    }

    void redactionKeepsStatesAndCounts()
    {
        const QJsonObject redis{{QStringLiteral("connected"), false},
                                {QStringLiteral("state"), QStringLiteral("disconnected")},
                                {QStringLiteral("endpoint"), QStringLiteral("10.1.2.3:6379")},
                                {QStringLiteral("status"), QStringLiteral("Redis disconnected (10.1.2.3:6379 ...)")},
                                {QStringLiteral("reason"), QStringLiteral("Connection refused")},
                                {QStringLiteral("connects"), 3},
                                {QStringLiteral("retry_in_ms"), 500}};
        const QJsonObject r = redactedRedisStatus(redis);
        for (const char *gone : {"endpoint", "status", "reason"})
            QVERIFY2(!r.contains(QLatin1String(gone)), gone);
        for (const char *kept : {"connected", "state", "connects", "retry_in_ms"})
            QVERIFY2(r.contains(QLatin1String(kept)), kept);

        const QJsonObject db{{QStringLiteral("state"), QStringLiteral("error")},
                             {QStringLiteral("engine"), QStringLiteral("postgres")},
                             {QStringLiteral("location"), QStringLiteral("db.internal:5432/fx")},
                             {QStringLiteral("last_error"), QStringLiteral("could not connect to db.internal")},
                             {QStringLiteral("written_ticks"), 7}};
        const QJsonObject d = redactedDatabaseStatus(db);
        QVERIFY(!d.contains(QStringLiteral("location")));
        QVERIFY(!d.contains(QStringLiteral("last_error")));
        QCOMPARE(d.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        QCOMPARE(d.value(QStringLiteral("written_ticks")).toInt(), 7);
    }
};

QTEST_GUILESS_MAIN(TestAdminAccess)
#include "tst_adminaccess.moc"
