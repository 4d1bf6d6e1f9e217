// PostgreSQL going away mid-run, on a server of this test's own (tests/fixtures/postgres.sh),
// not the shared fixture: recordEvents keeps returning at once, the status says so, the writes
// wait in the bounded buffer (oldest ticks dropped and counted, every alert kept) and land
// after the server is back.

#include "storagetestsupport.h"

#include "core/timeutil.h"
#include "storage/storagethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTest>
#include <atomic>

using namespace fx::storage;
using namespace fx::storage::test;
using fx::core::MarketEvent;
using fx::core::Severity;

class TestStoragePgOutage : public QObject
{
    Q_OBJECT

    QString m_dir;
    std::optional<PgServer> m_server;

private Q_SLOTS:
    void initTestCase()
    {
        m_dir = QDir(QStringLiteral(FX_STORAGE_TEST_TMP))
                    .filePath(QStringLiteral("pg-outage-%1").arg(QCoreApplication::applicationPid()));
        QString output;
        QVERIFY2(runPgScript({QStringLiteral("start"), m_dir, QStringLiteral("--fresh")}, &output),
                 qPrintable(QStringLiteral("cannot start a PostgreSQL server of our own: ") + output));
        QString error;
        m_server = readPgEnv(m_dir + QStringLiteral("/pg.env"), &error);
        QVERIFY2(m_server, qPrintable(error));
    }

    void cleanupTestCase()
    {
        QString output;
        if (!m_dir.isEmpty() && !runPgScript({QStringLiteral("destroy"), m_dir}, &output))
            qWarning().noquote() << output;
    }

    void databaseDown()
    {
        StorageConfig config = m_server->config(m_server->database);
        config.connectTimeoutS = 2;
        config.retryInitialMs = 100;
        config.retryMaxMs = 400;
        config.batchIntervalMs = 20;
        config.maxBufferedTicks = 1000;
        // Set on the storage thread (statusChanged is emitted there); outlives it.
        std::atomic<bool> sawError{false};
        StorageThread thread(config);
        Storage *s = thread.storage();
        Replies replies(thread.reader());
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Ok, 15000);

        const qint64 t0 = fx::core::nowMicros() - 3600LL * 1000000;
        auto tickAt = [&](int seq) {
            return tick(QStringLiteral("EUR_USD"), QStringLiteral("1.1"), QStringLiteral("1.2"),
                        t0 + qint64(seq) * 1000);
        };
        QList<MarketEvent> before;
        for (int i = 0; i < 100; ++i)
            before << tickAt(i);
        before << volatility(QStringLiteral("EUR_USD"), 0.1, Severity::Warning, QStringLiteral("before"), t0);
        s->recordEvents(before);
        QVERIFY(waitWritten(s, 100, 1));

        QObject::connect(
            s, &Storage::statusChanged, s,
            [&sawError](const StorageStatus &status) {
                if (status.state == StorageState::Error)
                    sawError = true;
            },
            Qt::DirectConnection);
        QString output;
        QVERIFY2(runPgScript({QStringLiteral("stop"), m_dir}, &output), qPrintable(output));

        // 5,000 ticks and 50 alerts while the server is down: every call returns at once.
        const int batches = 50;
        const int ticksPerBatch = 100;
        qint64 slowestMicros = 0;
        for (int b = 0; b < batches; ++b) {
            QList<MarketEvent> events;
            for (int i = 0; i < ticksPerBatch; ++i)
                events << tickAt(1000 + b * ticksPerBatch + i);
            events << volatility(QStringLiteral("EUR_USD"), 0.2, Severity::Critical, QStringLiteral("during %1").arg(b),
                                 t0 + qint64(b) * 1000000);
            QElapsedTimer call;
            call.start();
            s->recordEvents(events);
            slowestMicros = std::max(slowestMicros, call.nsecsElapsed() / 1000);
            if (b == 10) {
                // The first write after the stop fails: the status says so.
                QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Error, 20000);
            }
        }
        ConnectionRecord conn;
        conn.id = QStringLiteral("during-outage");
        conn.peer = QStringLiteral("127.0.0.1:1");
        conn.protocol = QStringLiteral("json");
        conn.transport = QStringLiteral("websocket");
        conn.connectedAtMicros = t0;
        s->recordConnection(conn);
        qInfo("slowest recordEvents call while the database was down: %lld us", static_cast<long long>(slowestMicros));
        QVERIFY2(slowestMicros < 50000, "recordEvents must not wait for the database");

        StorageStatus st = s->status();
        QCOMPARE(st.state, StorageState::Error);
        QVERIFY(!st.lastError.isEmpty());
        QVERIFY(st.retryInMs > 0);
        QCOMPARE(st.droppedTicks, quint64(batches * ticksPerBatch - 1000)); // the bound holds 1,000
        QCOMPARE(st.bufferedRows, qint64(1000 + batches + 1)); // ticks, every alert, the connection
        QCOMPARE(st.droppedAlerts, quint64(0));
        const QJsonObject j = s->statusJson();
        QCOMPARE(j.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        QCOMPARE(j.value(QStringLiteral("dropped_ticks")).toInteger(), qint64(4000));
        QVERIFY(!j.value(QStringLiteral("last_error")).toString().isEmpty());
        QVERIFY(sawError.load());
        // The storage keeps trying (reconnect with backoff).
        const quint64 attempts = st.openAttempts;
        QTRY_VERIFY_WITH_TIMEOUT(s->status().openAttempts >= attempts + 2, 15000);
        // Reads fail cleanly too.
        QString readError;
        QVERIFY(!replies.alerts({}, &readError));
        QVERIFY(!readError.isEmpty());

        // Back up: everything buffered lands.
        QVERIFY2(runPgScript({QStringLiteral("start"), m_dir}, &output), qPrintable(output));
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Ok, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(s->status().bufferedRows, qint64(0), 30000);
        QTRY_COMPARE_WITH_TIMEOUT(s->status().writtenAlerts, quint64(1 + batches), 10000);
        st = s->status();
        QCOMPARE(st.writtenTicks, quint64(100 + 1000));
        QCOMPARE(st.writtenAlerts, quint64(1 + batches));
        QCOMPARE(st.writtenConnections, quint64(1));
        QCOMPARE(st.droppedTicks, quint64(4000));
        QVERIFY(!st.lastError.isEmpty()); // kept for the operator

        // In the database: the oldest outage ticks were the ones dropped.
        const auto ticks = replies.ticks({QStringLiteral("EUR_USD"), t0 + 1000 * 1000, 0, 100000});
        QVERIFY(ticks);
        QCOMPARE(ticks->size(), 1000);
        QCOMPARE(ticks->first().quotedAtMicros, t0 + qint64(1000 + 4000) * 1000);
        QCOMPARE(ticks->last().quotedAtMicros, t0 + qint64(1000 + 4999) * 1000);
        const auto early = replies.ticks({QStringLiteral("EUR_USD"), 0, t0 + 1000 * 1000, 100000});
        QVERIFY(early);
        QCOMPARE(early->size(), 100);
        // Every alert is there.
        const auto alerts = replies.alerts({{}, 0, 1000});
        QVERIFY(alerts);
        QCOMPARE(alerts->total, qint64(1 + batches));
        AlertFilter during;
        during.text = QStringLiteral("during");
        const auto outageAlerts = replies.alerts({during, 0, 1000});
        QVERIFY(outageAlerts);
        QCOMPARE(outageAlerts->total, qint64(batches));
        const auto conns = replies.connections({conn.id, {}, 10});
        QVERIFY(conns);
        QCOMPARE(conns->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestStoragePgOutage)
#include "tst_storage_pg_outage.moc"
