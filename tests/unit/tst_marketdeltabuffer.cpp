// The desktop's market feed: coalesced per refresh, bounded, thread-safe.

#include "engine/marketdeltabuffer.h"

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

class TestMarketDeltaBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void coalesces()
    {
        const core::InstrumentSet set;
        engine::MarketDeltaBuffer buffer(set);
        QVERIFY(buffer.take().isEmpty());
        buffer.add({tick(set, 0, 1.1, 1), tick(set, 0, 1.2, 2), tick(set, 3, 150.0, 3)});
        core::VolatilityAlert a;
        a.instrument = set.pair(0);
        a.index = 0;
        core::DataReady d;
        d.dataType = QStringLiteral("volatility");
        buffer.add({a, d, tick(set, 0, 1.3, 4)});
        engine::MarketDelta delta = buffer.take();
        QCOMPARE(delta.quotes.size(), 2);
        QCOMPARE(delta.quotes.value(0).bid, 1.3); // newest only
        QCOMPARE(delta.ticks.value(0).size(), 3); // every point for the chart, in order
        QCOMPARE(delta.ticks.value(0).last().timeMs, qint64(4));
        QCOMPARE(delta.alerts.size(), 1);
        QCOMPARE(delta.notices.size(), 1);
        QCOMPARE(delta.tickCount, quint64(4));
        QVERIFY(buffer.take().isEmpty()); // drained
    }

    void bounded()
    {
        const core::InstrumentSet set;
        engine::MarketDeltaBuffer buffer(set);
        QList<core::MarketEvent> many;
        for (int i = 0; i < engine::MarketDeltaBuffer::kMaxTicksPerPair + 500; ++i)
            many.append(tick(set, 1, 1.0 + i * 1e-5, i));
        buffer.add(many);
        const engine::MarketDelta d = buffer.take();
        QCOMPARE(d.ticks.value(1).size(), engine::MarketDeltaBuffer::kMaxTicksPerPair);
        QCOMPARE(d.droppedTicks, quint64(500));
        QCOMPARE(d.ticks.value(1).first().timeMs, qint64(500)); // the oldest went first
    }

    void disabledKeepsNothing()
    {
        // The headless server turns it off: nobody takes the deltas there.
        const core::InstrumentSet set;
        engine::MarketDeltaBuffer buffer(set);
        buffer.setEnabled(false);
        core::VolatilityAlert a;
        a.instrument = set.pair(0);
        buffer.add({tick(set, 0, 1.1, 1), a});
        QVERIFY(buffer.take().isEmpty());
        buffer.setEnabled(true); // and on again, as the desktop has it
        buffer.add({tick(set, 0, 1.2, 2), a});
        const engine::MarketDelta d = buffer.take();
        QCOMPARE(d.ticks.value(0).size(), 1);
        QCOMPARE(d.alerts.size(), 1);
    }

    void warmUpDoesNotOverrideLive()
    {
        const core::InstrumentSet set;
        engine::MarketDeltaBuffer buffer(set);
        buffer.add({tick(set, 2, 150.5, 10)});
        buffer.addQuotes({tick(set, 2, 149.0, 5), tick(set, 4, 0.66, 5)});
        const engine::MarketDelta d = buffer.take();
        QCOMPARE(d.quotes.value(2).bid, 150.5);
        QCOMPARE(d.quotes.value(4).bid, 0.66);
        QVERIFY(!d.ticks.contains(4)); // warm-up prices are not chart points
    }

    void concurrentProducers()
    {
        const core::InstrumentSet set;
        engine::MarketDeltaBuffer buffer(set);
        std::atomic<bool> stop{false};
        std::atomic<quint64> produced{0};
        QThread *producer = QThread::create([&] {
            int i = 0;
            while (!stop) {
                buffer.add({tick(set, i % 20, 1.0, i)}), ++i;
                ++produced;
            }
        });
        producer->start();
        // Take while the producer adds, until 50 takes have each found something new.
        quint64 total = 0;
        int fruitful = 0;
        QDeadlineTimer deadline(30000);
        while (fruitful < 50 && !deadline.hasExpired()) {
            const quint64 n = buffer.take().tickCount;
            total += n;
            fruitful += n > 0;
        }
        stop = true;
        producer->wait();
        delete producer;
        total += buffer.take().tickCount;
        QCOMPARE(fruitful, 50);
        QCOMPARE(total, produced.load()); // every tick counted once, none lost or doubled
    }
};

QTEST_APPLESS_MAIN(TestMarketDeltaBuffer)
#include "tst_marketdeltabuffer.moc"
