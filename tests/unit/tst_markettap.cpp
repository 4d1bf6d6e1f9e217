// The desktop's market feed: coalesced per refresh, bounded, thread-safe.

#include "app/markettap.h"

#include <QDeadlineTimer>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace fx;

namespace {
core::PriceTick tick(const core::InstrumentSet &set, int index, double bid, qint64 ms)
{
    core::PriceTick t;
    t.index = index;
    t.instrument = set.pair(index);
    t.bid = bid;
    t.ask = bid + 0.0001;
    t.mid = bid + 0.00005;
    t.quote = {QString::number(bid), QString::number(t.ask), QString::number(t.mid), QString()};
    t.timeMicros = ms * 1000;
    return t;
}
} // namespace

class TestMarketTap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coalesces()
    {
        const core::InstrumentSet set;
        app::MarketTap tap(set);
        QVERIFY(tap.take().isEmpty());
        tap.add({tick(set, 0, 1.1, 1), tick(set, 0, 1.2, 2), tick(set, 3, 150.0, 3)});
        core::VolatilityAlert a;
        a.instrument = set.pair(0);
        a.index = 0;
        core::DataReady d;
        d.dataType = QStringLiteral("volatility");
        tap.add({a, d, tick(set, 0, 1.3, 4)});
        app::MarketDelta delta = tap.take();
        QCOMPARE(delta.quotes.size(), 2);
        QCOMPARE(delta.quotes.value(0).bid, 1.3); // newest only
        QCOMPARE(delta.ticks.value(0).size(), 3);  // every point for the chart, in order
        QCOMPARE(delta.ticks.value(0).last().timeMs, qint64(4));
        QCOMPARE(delta.alerts.size(), 1);
        QCOMPARE(delta.notices.size(), 1);
        QCOMPARE(delta.tickCount, quint64(4));
        QVERIFY(tap.take().isEmpty()); // drained
    }

    void bounded()
    {
        const core::InstrumentSet set;
        app::MarketTap tap(set);
        QList<core::MarketEvent> many;
        for (int i = 0; i < app::MarketTap::kMaxTicksPerPair + 500; ++i)
            many.append(tick(set, 1, 1.0 + i * 1e-5, i));
        tap.add(many);
        const app::MarketDelta d = tap.take();
        QCOMPARE(d.ticks.value(1).size(), app::MarketTap::kMaxTicksPerPair);
        QCOMPARE(d.droppedTicks, quint64(500));
        QCOMPARE(d.ticks.value(1).first().timeMs, qint64(500)); // the oldest went first
    }

    void warmUpDoesNotOverrideLive()
    {
        const core::InstrumentSet set;
        app::MarketTap tap(set);
        tap.add({tick(set, 2, 150.5, 10)});
        tap.addQuotes({tick(set, 2, 149.0, 5), tick(set, 4, 0.66, 5)});
        const app::MarketDelta d = tap.take();
        QCOMPARE(d.quotes.value(2).bid, 150.5);
        QCOMPARE(d.quotes.value(4).bid, 0.66);
        QVERIFY(!d.ticks.contains(4)); // warm-up prices are not chart points
    }

    void concurrentProducers()
    {
        const core::InstrumentSet set;
        app::MarketTap tap(set);
        std::atomic<bool> stop{false};
        std::atomic<quint64> produced{0};
        QThread *producer = QThread::create([&] {
            int i = 0;
            while (!stop) {
                tap.add({tick(set, i % 20, 1.0, i)}), ++i;
                ++produced;
            }
        });
        producer->start();
        // Take while the producer adds, until 50 takes have each found something new.
        quint64 total = 0;
        int fruitful = 0;
        QDeadlineTimer deadline(30000);
        while (fruitful < 50 && !deadline.hasExpired()) {
            const quint64 n = tap.take().tickCount;
            total += n;
            fruitful += n > 0;
        }
        stop = true;
        producer->wait();
        delete producer;
        total += tap.take().tickCount;
        QCOMPARE(fruitful, 50);
        QCOMPARE(total, produced.load()); // every tick counted once, none lost or doubled
    }
};

QTEST_APPLESS_MAIN(TestMarketTap)
#include "tst_markettap.moc"
