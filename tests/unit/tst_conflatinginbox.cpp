// The inbox between the Redis thread and an I/O thread (server/conflatinginbox.h): order kept,
// one drain posted per burst, prices replaced by the newest of their pair only once the oldest
// waiting batch is more than kBehindMs old, alerts and notices never replaced or dropped.

#include "server/conflatinginbox.h"

#include <QDeadlineTimer>
#include <QTest>

#include <thread>
#include <vector>

using namespace fx::server;

namespace {

constexpr qint64 kMs = 1000000; // nanoseconds

BroadcastPtr price(int room, int seq)
{
    auto b = std::make_shared<Broadcast>();
    b->scope = Broadcast::Scope::Room;
    b->roomA = room;
    b->event = QStringLiteral("price_update");
    b->data = QByteArray::number(seq);
    b->conflatable = true;
    return b;
}

BroadcastPtr alert(int room, int seq)
{
    auto b = std::make_shared<Broadcast>();
    b->scope = Broadcast::Scope::Room;
    b->roomA = room;
    b->event = QStringLiteral("volatility_alert");
    b->data = QByteArray::number(seq);
    b->isAlert = true;
    return b;
}

QStringList describe(const BroadcastBatch &batch)
{
    QStringList out;
    for (const BroadcastPtr &b : batch)
        out << QStringLiteral("%1/%2/%3").arg(b->event.left(1)).arg(b->roomA).arg(QString::fromLatin1(b->data));
    return out;
}

} // namespace

class TestConflatingInbox : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsOrderAndPostsOneDrainPerBurst()
    {
        ConflatingInbox inbox(4);
        auto r = inbox.put({price(0, 1), alert(1, 2)}, 0);
        QVERIFY(r.postDrain);
        QCOMPARE(r.conflated, 0u);
        r = inbox.put({price(0, 3)}, 1 * kMs);
        QVERIFY(!r.postDrain); // a drain is already on its way
        QCOMPARE(describe(inbox.take()), (QStringList{"p/0/1", "v/1/2", "p/0/3"}));
        QVERIFY(inbox.take().isEmpty());
        QVERIFY(inbox.put({price(2, 4)}, 2 * kMs).postDrain); // a new burst posts again
        QVERIFY(!inbox.put({}, 3 * kMs).postDrain); // nothing to deliver: no drain
        QCOMPARE(describe(inbox.take()), (QStringList{"p/2/4"}));
    }

    void replacesPricesOnlyWhenBehind()
    {
        ConflatingInbox inbox(4);
        inbox.put({price(0, 1)}, 0);
        // Exactly kBehindMs after the oldest waiting batch: not behind yet, nothing replaced.
        auto r = inbox.put({price(0, 2)}, ConflatingInbox::kBehindMs * kMs);
        QCOMPARE(r.conflated, 0u);
        // Just over: the newest price takes the place of the newest waiting one of its pair.
        r = inbox.put({price(0, 3), price(1, 4)}, ConflatingInbox::kBehindMs * kMs + 1);
        QCOMPARE(r.conflated, 1u);
        QCOMPARE(describe(inbox.take()), (QStringList{"p/0/1", "p/0/3", "p/1/4"}));
    }

    void alertsAndNoticesAreNeverReplaced()
    {
        ConflatingInbox inbox(4);
        inbox.put({alert(0, 1), price(0, 2)}, 0);
        const qint64 late = (ConflatingInbox::kBehindMs + 50) * kMs;
        auto everyone = std::make_shared<Broadcast>(); // data_ready: scope Everyone, no room
        everyone->event = QStringLiteral("data_ready");
        everyone->data = "n";
        const auto r = inbox.put({alert(0, 3), price(0, 4), everyone, alert(0, 5)}, late);
        QCOMPARE(r.conflated, 1u);
        QCOMPARE(describe(inbox.take()), (QStringList{"v/0/1", "p/0/4", "v/0/3", "d/-1/n", "v/0/5"}));
    }

    void warmUpPricesAndUnknownRoomsPassUntouched()
    {
        ConflatingInbox inbox(2);
        auto warm = std::make_shared<Broadcast>(*price(0, 1));
        warm->cacheOnly = true;
        inbox.put({price(0, 2), price(5, 3)}, 0); // room 5 is outside the instrument set
        const auto r = inbox.put({warm, price(5, 4), price(-1, 5)}, (ConflatingInbox::kBehindMs + 1) * kMs);
        QCOMPARE(r.conflated, 0u);
        QCOMPARE(describe(inbox.take()), (QStringList{"p/0/2", "p/5/3", "p/0/1", "p/5/4", "p/-1/5"}));
    }

    void takeStartsTheClockAgain()
    {
        ConflatingInbox inbox(1);
        inbox.put({price(0, 1)}, 0);
        inbox.take();
        // The first batch after a take is the oldest waiting one: its time starts the clock.
        inbox.put({price(0, 2)}, 500 * kMs);
        QCOMPARE(inbox.put({price(0, 3)}, 550 * kMs).conflated, 0u);
        QCOMPARE(describe(inbox.take()), (QStringList{"p/0/2", "p/0/3"}));
    }

    void manyProducersOneConsumerLoseNothing()
    {
        ConflatingInbox inbox(8);
        constexpr int kPerThread = 20000;
        std::vector<std::thread> producers;
        for (int t = 0; t < 2; ++t)
            producers.emplace_back([&inbox, t] {
                for (int i = 0; i < kPerThread; ++i)
                    inbox.put({alert(t, i)}, 0); // alerts: never conflated, all must arrive
            });
        int received[2] = {0, 0};
        int next[2] = {0, 0};
        bool ordered = true;
        auto drain = [&] {
            for (const BroadcastPtr &b : inbox.take()) {
                const int t = b->roomA;
                ordered = ordered && b->data.toInt() == next[t];
                ++next[t];
                ++received[t];
            }
        };
        // Drain while the producers run (bounded: they finish in well under the deadline).
        QDeadlineTimer deadline(20000);
        while (received[0] + received[1] < 2 * kPerThread && !deadline.hasExpired())
            drain();
        for (auto &p : producers)
            p.join();
        drain();
        QVERIFY(ordered);
        QCOMPARE(received[0], kPerThread);
        QCOMPARE(received[1], kPerThread);
    }
};

QTEST_APPLESS_MAIN(TestConflatingInbox)
#include "tst_conflatinginbox.moc"
