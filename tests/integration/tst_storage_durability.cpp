// Durability on SQLite: a writer process is killed with SIGKILL in the middle of its stream;
// every alert of a batch it reported committed must be in the file afterwards, and the file
// must pass PRAGMA integrity_check. Three rounds on the same file.

#include "storagetestsupport.h"

#include "storage/schema.h"
#include "storage/storagethread.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fx::storage;
using namespace fx::storage::test;

class TestStorageDurability : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killMidStream()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("durable.sqlite"));
        const StorageConfig config = StorageConfig::sqlite(path);
        qint64 nextId = 1;

        for (int round = 1; round <= 3; ++round) {
            QProcess writer;
            writer.setProcessChannelMode(QProcess::SeparateChannels);
            writer.setReadChannel(QProcess::StandardOutput);
            writer.start(QStringLiteral(FX_DURABILITY_WRITER), {path, QString::number(nextId)});
            QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

            // Let it commit a good number of batches, then kill it without warning.
            QByteArray out;
            int committedLines = 0;
            QVERIFY2(QTest::qWaitFor(
                         [&] {
                             out += writer.readAllStandardOutput();
                             committedLines = int(out.count("committed "));
                             return committedLines >= 25 || writer.state() == QProcess::NotRunning;
                         },
                         30000),
                     "the writer did not report 25 commits within 30 s");
            QCOMPARE(writer.state(), QProcess::Running);
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(10000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            out += writer.readAllStandardOutput();

            // Only complete lines count: a line cut by the kill was not reported.
            qint64 reported = 0;
            int lines = 0;
            const QList<QByteArray> all = out.split('\n');
            for (qsizetype i = 0; i + 1 < all.size(); ++i) {
                const QByteArray &line = all.at(i);
                QVERIFY2(line.startsWith("committed "), line.constData());
                const qint64 id = line.mid(10).toLongLong();
                QVERIFY2(id > reported, "ids grow from batch to batch");
                reported = id;
                ++lines;
            }
            QVERIFY(lines >= 25);
            QVERIFY(reported >= nextId);

            SqlConnection c;
            QString error;
            QVERIFY2(c.open(config, &error), qPrintable(error)); // recovers the WAL
            QCOMPARE(scalar(c, QStringLiteral("PRAGMA integrity_check")).toString(), QStringLiteral("ok"));
            // Every reported alert is there, with no gap, each with its own sequence number.
            QCOMPARE(count(c, QStringLiteral("alerts"), QStringLiteral("id <= %1").arg(reported)), reported);
            QSqlQuery q(c.database());
            QVERIFY(q.exec(QStringLiteral("SELECT id, message FROM alerts WHERE id <= %1 ORDER BY id").arg(reported)));
            qint64 expected = 1;
            while (q.next()) {
                QCOMPARE(q.value(0).toLongLong(), expected);
                QCOMPARE(q.value(1).toString(), QStringLiteral("seq=%1").arg(expected));
                ++expected;
            }
            QCOMPARE(expected, reported + 1);
            // What the kill interrupted is either fully there or not at all: ids stay dense.
            const qint64 maxId = scalar(c, QStringLiteral("SELECT MAX(id) FROM alerts")).toLongLong();
            QCOMPARE(count(c, QStringLiteral("alerts")), maxId);
            QVERIFY(count(c, QStringLiteral("price_ticks")) > 0);
            q.finish();
            c.close();
            qInfo("round %d: %d batches reported, last id %lld, %lld alerts on disk", round, lines,
                  static_cast<long long>(reported), static_cast<long long>(maxId));
            nextId = maxId + 1;
        }

        // And the program opens it normally afterwards.
        StorageThread thread(config);
        QTRY_COMPARE_WITH_TIMEOUT(thread.storage()->status().state, StorageState::Ok, 15000);
        QCOMPARE(thread.storage()->status().schemaVersion, Schema::kLatestVersion);
    }
};

QTEST_GUILESS_MAIN(TestStorageDurability)
#include "tst_storage_durability.moc"
