// Test helper for tst_storage_durability: writes alerts into a SQLite file as fast as the
// storage takes them and prints "committed <last alert id>" after every committed batch, until
// it is killed. Alert n (counting from the first id argument) has the message "seq=<n>".
//
//   storage_durability_writer <db path> <first id>

#include "core/marketdata.h"
#include "core/timeutil.h"
#include "storage/storagethread.h"

#include <QCoreApplication>
#include <QTimer>
#include <cstdio>

using namespace fx::storage;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: storage_durability_writer <db path> <first id>\n");
        return 2;
    }
    StorageConfig config = StorageConfig::sqlite(QString::fromLocal8Bit(argv[1]));
    config.batchRows = 200;
    config.batchIntervalMs = 5;
    qint64 seq = QByteArray(argv[2]).toLongLong();

    StorageThread thread(config);
    Storage *storage = thread.storage();
    // On the storage thread, right after COMMIT returned.
    QObject::connect(
        storage, &Storage::batchCommitted, storage,
        [](const CommitInfo &info) {
            if (info.lastAlertId > 0) {
                std::printf("committed %lld\n", static_cast<long long>(info.lastAlertId));
                std::fflush(stdout);
            }
        },
        Qt::DirectConnection);

    QTimer feed;
    feed.setInterval(1);
    QObject::connect(&feed, &QTimer::timeout, &app, [&] {
        if (storage->bufferedRows() > 5000)
            return; // keep the buffer bounded without dropping anything
        QList<fx::core::MarketEvent> events;
        for (int i = 0; i < 100; ++i) {
            fx::core::VolatilityAlert a;
            a.instrument = QStringLiteral("EUR_USD");
            a.volatility = 0.01;
            a.severity = fx::core::Severity::Warning;
            a.message = QStringLiteral("seq=%1").arg(seq++);
            a.raisedMicros = a.receivedMicros = fx::core::nowMicros();
            a.timestamp = fx::core::isoTimestamp(a.raisedMicros);
            events << a;
            // Ticks too, so the kill also lands inside tick inserts and bar upserts.
            fx::core::PriceTick t;
            t.instrument = QStringLiteral("EUR_USD");
            t.quote = {QStringLiteral("1.1"), QStringLiteral("1.2"), QStringLiteral("1.15"), {}};
            t.bid = 1.1;
            t.ask = 1.2;
            t.mid = 1.15;
            t.timeMicros = t.relayedMicros = a.raisedMicros;
            events << t;
        }
        storage->recordEvents(events);
    });
    QTimer::singleShot(0, &feed, [&] { feed.start(); });
    return app.exec();
}
