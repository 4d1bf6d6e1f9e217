// Nothing lost silently (STORAGE.md, "Stopping" and "Outages"): the real fxmonitor-server fed
// through a real redis-server, on a PostgreSQL server of this test's own
// (tests/fixtures/postgres.sh) that the test stops and starts.
//
// - An outage long enough to overflow the write buffer: the drops are counted by kind in
//   /metrics and logged (counts only, never a row's content); a stop during the outage ends
//   after DB_SHUTDOWN_FLUSH_SECONDS with the unwritten rows reported by kind.
// - A stop while the database is down that comes back within DB_SHUTDOWN_FLUSH_SECONDS: the
//   flush reconnects and every buffered row is in the database afterwards.
// - DB_SHUTDOWN_FLUSH_SECONDS=0: no wait, what is left is reported.

#include "storagetestsupport.h"
#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <csignal>

using namespace fx;
using namespace fx::test;
using namespace fx::storage;
using namespace fx::storage::test;

namespace {

// /metrics and the detailed /health need it (SECURITY.md, "Admin endpoints").
const QByteArray kAdminToken = "storage-shutdown-admin-token";

HttpReply adminGet(quint16 port, const QByteArray &path)
{
    return httpRequest(port, "GET", path, {}, {{"Authorization", "Bearer " + kAdminToken}});
}

// The value of one series of /metrics, read with the admin token (-1 when it is missing).
double adminMetricValue(quint16 port, const QByteArray &series)
{
    const HttpReply r = adminGet(port, "/metrics");
    return r.status == 200 ? metricValue(r.body, series) : -1;
}

QString databaseState(quint16 port)
{
    const HttpReply r = adminGet(port, "/health");
    return QJsonDocument::fromJson(r.body)
        .object()
        .value(QStringLiteral("database"))
        .toObject()
        .value(QStringLiteral("state"))
        .toString();
}

QByteArray priceMessage(const QString &pair, int seq)
{
    return QStringLiteral(R"({"instrument":"%1","price":{"bid":"1.%2","ask":"1.%3"}})")
        .arg(pair)
        .arg(100000 + seq)
        .arg(100010 + seq)
        .toUtf8();
}

} // namespace

class TestStorageShutdown : public QObject
{
    Q_OBJECT

    QString m_dir;
    std::optional<PgServer> m_pg;
    RedisServer m_redis;

    bool pg(const QString &command)
    {
        QString output;
        if (runPgScript({command, m_dir}, &output))
            return true;
        qWarning().noquote() << output;
        return false;
    }

    QProcessEnvironment env(int flushSeconds) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("DB_HOST"), m_pg->host);
        e.insert(QStringLiteral("DB_PORT"), QString::number(m_pg->port));
        e.insert(QStringLiteral("DB_NAME"), m_pg->database);
        e.insert(QStringLiteral("DB_USER"), m_pg->user);
        e.insert(QStringLiteral("DB_PASSWORD"), m_pg->password);
        e.insert(QStringLiteral("DB_SHUTDOWN_FLUSH_SECONDS"), QString::number(flushSeconds));
        e.insert(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"), QString::fromLatin1(kAdminToken));
        return e;
    }

    QStringList args() const
    {
        return {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                QString::number(m_redis.port())};
    }

    qint64 rows(const QString &table, const QString &where)
    {
        SqlConnection c;
        QString err;
        if (!c.open(m_pg->config(m_pg->database), &err)) {
            qWarning("%s", qPrintable(err));
            return -1;
        }
        return count(c, table, where);
    }

    // Publishes count price updates of pair (sequence numbers from first) in chunks, each once
    // the server has received the one before (so Redis never holds much for it).
    static bool publishPrices(quint16 serverPort, quint16 redisPort, const QString &pair, int first, int count)
    {
        auto pub = publisherFor(redisPort);
        const double before =
            adminMetricValue(serverPort, R"(fxmonitor_redis_messages_total{channel="price_updates"})");
        const int chunk = 20000;
        for (int done = 0; done < count;) {
            const int n = std::min(chunk, count - done);
            for (int i = 0; i < n; ++i)
                pub->appendPublish(QStringLiteral("price_updates"), priceMessage(pair, first + done + i));
            QString err;
            if (!pub->flush(&err)) {
                qWarning("%s", qPrintable(err));
                return false;
            }
            done += n;
            const double want = std::max(before, 0.0) + done;
            if (!QTest::qWaitFor(
                    [&] {
                        return adminMetricValue(serverPort,
                                                R"(fxmonitor_redis_messages_total{channel="price_updates"})")
                            >= want;
                    },
                    120000)) {
                qWarning("the server did not receive %d price updates", int(want));
                return false;
            }
        }
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = QDir(QStringLiteral(FX_STORAGE_TEST_TMP))
                    .filePath(QStringLiteral("pg-shutdown-%1").arg(QCoreApplication::applicationPid()));
        QString output;
        QVERIFY2(runPgScript({QStringLiteral("start"), m_dir, QStringLiteral("--fresh")}, &output),
                 qPrintable(QStringLiteral("cannot start a PostgreSQL server of our own: ") + output));
        QString error;
        m_pg = readPgEnv(m_dir + QStringLiteral("/pg.env"), &error);
        QVERIFY2(m_pg, qPrintable(error));
        // No output buffer limit for the subscriber: a slow (sanitizer) build must not be cut off.
        QVERIFY(m_redis.start({QStringLiteral("--client-output-buffer-limit"), QStringLiteral("pubsub 0 0 0")}));
    }

    void cleanupTestCase()
    {
        QString output;
        if (!m_dir.isEmpty() && !runPgScript({QStringLiteral("destroy"), m_dir}, &output))
            qWarning().noquote() << output;
    }

    // 201,000 ticks while the database is down: the buffer keeps 200,000 (its bound), drops the
    // oldest 1,000, counted by kind in /metrics and logged; a stop then gives up after 2 s.
    void outageOverflowsThenStopGivesUp()
    {
        QVERIFY(pg(QStringLiteral("start")));
        ServerProcess server;
        QVERIFY(server.start(args(), env(2)));
        QTRY_COMPARE_WITH_TIMEOUT(databaseState(server.port()), QStringLiteral("ok"), 30000);
        QCOMPARE(adminMetricValue(server.port(), R"(fxmonitor_storage_dropped_total{kind="ticks"})"), 0.0);

        QVERIFY(pg(QStringLiteral("stop")));
        const int bound = 200000;
        QVERIFY(publishPrices(server.port(), m_redis.port(), QStringLiteral("EUR_USD"), 0, bound + 1000));
        QTRY_COMPARE_WITH_TIMEOUT(adminMetricValue(server.port(), R"(fxmonitor_storage_dropped_total{kind="ticks"})"),
                                  1000.0, 30000);
        QCOMPARE(adminMetricValue(server.port(), R"(fxmonitor_storage_dropped_total{kind="alerts"})"), 0.0);
        QCOMPARE(adminMetricValue(server.port(), R"(fxmonitor_storage_dropped_total{kind="connections"})"), 0.0);
        QCOMPARE(adminMetricValue(server.port(), "fxmonitor_storage_buffered_rows"), double(bound));
        QCOMPARE(databaseState(server.port()), QStringLiteral("error"));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("write buffer full")), 15000);

        // A stop during the outage: the flush retries for DB_SHUTDOWN_FLUSH_SECONDS, then the
        // process exits and says what it could not write.
        QCOMPARE(server.stop(SIGTERM, 120000), 0);
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("stopping with 200000 rows not written within DB_SHUTDOWN_FLUSH_SECONDS "
                                             "(2 s): 0 alerts, 200000 ticks, 0 connection records, 0 "
                                             "acknowledgements")),
                 qPrintable(log.right(4000)));
        QVERIFY2(log.contains(QStringLiteral("the shutdown flush wrote 0 alerts, 0 ticks, 0 connection records")),
                 qPrintable(log.right(4000)));
        // Every drop line together: the total, by kind.
        QVERIFY2(log.contains(QStringLiteral("in all: 0 alerts, 1000 ticks, 0 connection records")),
                 qPrintable(log.right(4000)));
        // Counts only: no row's content and no secret reaches the log.
        QVERIFY(!log.contains(QStringLiteral("1.100500")));
        QVERIFY(!m_pg->password.isEmpty());
        QVERIFY(!log.contains(m_pg->password));
        QVERIFY(pg(QStringLiteral("start")));
        QCOMPARE(rows(QStringLiteral("price_ticks"), QStringLiteral("pair = 'EUR_USD'")), qint64(0));
    }

    // The database is down at the stop and comes back within DB_SHUTDOWN_FLUSH_SECONDS: the
    // flush reconnects and writes every row that waited.
    void stopWithDatabaseBackWritesEverything()
    {
        QVERIFY(pg(QStringLiteral("start")));
        ServerProcess server;
        QVERIFY(server.start(args(), env(300)));
        QTRY_COMPARE_WITH_TIMEOUT(databaseState(server.port()), QStringLiteral("ok"), 30000);
        QVERIFY(pg(QStringLiteral("stop")));

        QVERIFY(publishPrices(server.port(), m_redis.port(), QStringLiteral("GBP_USD"), 0, 300));
        auto pub = publisherFor(m_redis.port());
        for (int i = 0; i < 2; ++i)
            pub->appendPublish(
                QStringLiteral("volatility_alerts"),
                QStringLiteral(
                    R"({"instrument":"GBP_USD","volatility":0.03,"threshold":0.02,"severity":"critical","message":"shutdown %1"})")
                    .arg(i)
                    .toUtf8());
        QString err;
        QVERIFY2(pub->flush(&err), qPrintable(err));
        QTRY_COMPARE_WITH_TIMEOUT(adminMetricValue(server.port(), "fxmonitor_storage_buffered_rows"), 302.0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(databaseState(server.port()), QStringLiteral("error"), 30000);

        QCOMPARE(::kill(pid_t(server.pid()), SIGTERM), 0);
        // The process is flushing (it cannot write yet) while the database comes back.
        QVERIFY(pg(QStringLiteral("start")));
        QVERIFY(server.process().waitForFinished(300000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("the shutdown flush wrote 2 alerts, 300 ticks, 0 connection records")),
                 qPrintable(log.right(4000)));
        QVERIFY2(!log.contains(QStringLiteral("not written")), qPrintable(log.right(4000)));
        QCOMPARE(rows(QStringLiteral("price_ticks"), QStringLiteral("pair = 'GBP_USD'")), qint64(300));
        QCOMPARE(rows(QStringLiteral("alerts"), QStringLiteral("message LIKE 'shutdown %'")), qint64(2));
    }

    // DB_SHUTDOWN_FLUSH_SECONDS=0: the stop does not wait for the database and reports what is left.
    void zeroDoesNotWait()
    {
        QVERIFY(pg(QStringLiteral("start")));
        ServerProcess server;
        QVERIFY(server.start(args(), env(0)));
        QTRY_COMPARE_WITH_TIMEOUT(databaseState(server.port()), QStringLiteral("ok"), 30000);
        QVERIFY(pg(QStringLiteral("stop")));
        QVERIFY(publishPrices(server.port(), m_redis.port(), QStringLiteral("USD_JPY"), 0, 10));
        QTRY_COMPARE_WITH_TIMEOUT(adminMetricValue(server.port(), "fxmonitor_storage_buffered_rows"), 10.0, 30000);
        QCOMPARE(server.stop(SIGTERM, 120000), 0);
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("stopping with 10 rows not written within DB_SHUTDOWN_FLUSH_SECONDS (0 "
                                             "s): 0 alerts, 10 ticks, 0 connection records, 0 acknowledgements")),
                 qPrintable(log.right(4000)));
        QVERIFY(pg(QStringLiteral("start")));
        QCOMPARE(rows(QStringLiteral("price_ticks"), QStringLiteral("pair = 'USD_JPY'")), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestStorageShutdown)
#include "tst_storage_shutdown.moc"
