// The recovery history (server/streamhistory.h, PROTOCOL.md §10): positions given once per
// event, consecutive per stream and global by seq, encoded into the plain JSON envelope and (with
// Socket.IO recovery) the Socket.IO packet; bounded by size and TTL; reads that say whether they
// are complete; the Socket.IO sessions kept for recovery (server/recoverysessions.h); and a
// client's skipping of events it already has (Client::alreadyHas).

#include "server/client.h"
#include "server/recoverysessions.h"
#include "server/streamhistory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fx;
using namespace fx::server;

namespace {

core::MarketEvent tick(int index, const char *name = "EUR_USD")
{
    core::PriceTick t;
    t.instrument = QString::fromLatin1(name);
    t.index = index;
    t.quote.bid = QStringLiteral("1.1");
    t.quote.ask = QStringLiteral("1.2");
    return t;
}

core::MarketEvent volatility(int index)
{
    core::VolatilityAlert a;
    a.instrument = QStringLiteral("EUR_USD");
    a.index = index;
    return a;
}

QJsonObject envelope(const BroadcastPtr &b)
{
    // The frame's payload after its WebSocket header (2 bytes, or 4 with a 16-bit length).
    const int header = (quint8(b->jsonFrame.at(1)) & 0x7f) == 126 ? 4 : 2;
    return QJsonDocument::fromJson(b->jsonFrame.mid(header)).object();
}

QList<quint64> offsets(const QList<BroadcastPtr> &list)
{
    QList<quint64> o;
    for (const BroadcastPtr &b : list)
        o << b->offset;
    return o;
}

class Dummy final : public Client
{
public:
    Dummy() : Client("c", WireProtocol::PlainJson, QStringLiteral("p"), 0) {}
    QString transportName() const override { return {}; }
    void deliver(const Broadcast &) override {}
    void sendEvent(QStringView, QByteArrayView, const QJsonValue &) override {}
    qint64 queuedBytes() const override { return 0; }
    void disconnect(DisconnectReason, int, const QString &) override {}
};

} // namespace

class TestStreamHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void positionsAndEncoding()
    {
        StreamHistory h(2, 10, 300, false);
        QCOMPARE(h.epoch().size(), 12);
        QVERIFY(StreamHistory(2, 10, 300, false).epoch() != h.epoch()); // a new history, a new epoch
        const BroadcastBatch batch = h.stamp({tick(0), tick(1), volatility(0), tick(0)}, 1000);
        QCOMPARE(batch.size(), 4);
        QCOMPARE(offsets(batch), (QList<quint64>{1, 1, 1, 2}));
        QCOMPARE(batch[2]->stream, h.alertsStream());
        QCOMPARE(batch[3]->seq, quint64(4));
        const QJsonObject e = envelope(batch[3]);
        QCOMPARE(e.value(QStringLiteral("offset")).toInteger(), 2);
        QCOMPARE(e.value(QStringLiteral("epoch")).toString().toLatin1(), h.epoch());
        QCOMPARE(e.value(QStringLiteral("event")).toString(), QStringLiteral("price_update"));
        QVERIFY(batch[3]->sioPacket.endsWith("}]")); // no Socket.IO offset without recovery

        StreamHistory sio(2, 10, 300, true);
        const BroadcastBatch s = sio.stamp({tick(0), tick(1)}, 0);
        QVERIFY2(s[1]->sioPacket.endsWith("},\"2\"]"), s[1]->sioPacket.constData());

        StreamHistory off(2, 0, 300, true); // no history: no positions anywhere
        const BroadcastBatch o = off.stamp({tick(0)}, 0);
        QCOMPARE(o[0]->offset, quint64(0));
        QVERIFY(!envelope(o[0]).contains(QStringLiteral("offset")));
        QVERIFY(o[0]->sioPacket.endsWith("}]"));
        QVERIFY(!off.read(0, 0, 1, 0).complete);
    }

    void boundedBySizeAtJustUnderAndOver()
    {
        StreamHistory h(1, 3, 300, false);
        h.stamp({tick(0), tick(0), tick(0)}, 0); // offsets 1..3: all held
        StreamHistory::Range r = h.read(0, 0, 3, 0);
        QVERIFY(r.complete);
        QCOMPARE(offsets(r.messages), (QList<quint64>{1, 2, 3}));
        h.stamp({tick(0)}, 0); // 4: offset 1 goes
        QVERIFY(!h.read(0, 0, 4, 0).complete);
        r = h.read(0, 1, 4, 0);
        QVERIFY(r.complete);
        QCOMPARE(offsets(r.messages), (QList<quint64>{2, 3, 4}));
        r = h.read(0, 2, 3, 0); // up to what a shard delivered
        QCOMPARE(offsets(r.messages), (QList<quint64>{3}));
        QVERIFY(h.read(0, 4, 4, 0).complete); // nothing missed
        QVERIFY(!h.read(0, 5, 4, 0).complete); // from the future
        QCOMPARE(h.usage().messages, 3);
        QVERIFY(h.usage().bytes > 0);
    }

    void boundedByTtl()
    {
        StreamHistory h(1, 100, 2, false);
        h.stamp({tick(0)}, 0);
        h.stamp({tick(0)}, 1500);
        QVERIFY(h.read(0, 0, 2, 2000).complete); // the first is exactly 2 s old: kept
        QVERIFY(!h.read(0, 0, 2, 2001).complete); // just over
        const StreamHistory::Range r = h.read(0, 1, 2, 2001);
        QVERIFY(r.complete);
        QCOMPARE(offsets(r.messages), (QList<quint64>{2}));
        QCOMPARE(h.usage().messages, 1);
    }

    void readBySeqMergesStreams()
    {
        StreamHistory h(2, 2, 300, true);
        h.stamp({tick(0), tick(1), volatility(0), tick(0), tick(1)}, 0); // seq 1..5
        StreamHistory::Range r = h.readSeq({0, 2}, 1, 5, 0); // EUR_USD and alerts after seq 1
        QVERIFY(r.complete);
        QList<quint64> seqs;
        for (const BroadcastPtr &b : std::as_const(r.messages))
            seqs << b->seq;
        QCOMPARE(seqs, (QList<quint64>{3, 4}));
        h.stamp({tick(0)}, 0); // seq 6 evicts EUR_USD's seq 1
        QVERIFY(!h.readSeq({0}, 0, 6, 0).complete);
        QVERIFY(h.readSeq({0}, 1, 6, 0).complete);
        QVERIFY(h.readSeq({1}, 0, 6, 0).complete); // room 1 lost nothing yet
        QVERIFY(!h.readSeq({1}, 7, 6, 0).complete); // from the future
    }

    void sessionsAreTakenOnceAndExpire()
    {
        RecoverySessions s(2, 10);
        s.persist("p1", {"sid1", QStringLiteral("alice"), {1, 2}, 0}, 0);
        QVERIFY(!s.take("p2", QStringLiteral("alice"), 0));
        QVERIFY(!s.take("p1", QStringLiteral("bob"), 0)); // another user: refused, and it stays
        const auto got = s.take("p1", QStringLiteral("alice"), 10000); // at the TTL: still there
        QVERIFY(got);
        QCOMPARE(got->socketId, QByteArray("sid1"));
        QCOMPARE(got->rooms, (std::vector<int>{1, 2}));
        QVERIFY(!s.take("p1", QStringLiteral("alice"), 0)); // once
        s.persist("p1", {}, 0);
        QVERIFY(!s.take("p1", {}, 10001)); // just over
        s.persist("a", {}, 1);
        s.persist("b", {}, 2);
        s.persist("c", {}, 3); // over capacity: the oldest goes
        QCOMPARE(s.size(), 2);
        QVERIFY(!s.take("a", {}, 3));
        QVERIFY(s.take("b", {}, 3));
    }

    void clientSkipsWhatItHas()
    {
        StreamHistory h(2, 10, 300, false);
        const BroadcastBatch b = h.stamp({tick(0), tick(0), tick(1), tick(0)}, 0);
        Dummy c;
        QVERIFY(!c.skipping());
        c.skipUpTo(0, 2);
        QVERIFY(c.skipping());
        QVERIFY(c.alreadyHas(*b[0]));
        QVERIFY(c.alreadyHas(*b[1]));
        QVERIFY(!c.alreadyHas(*b[2])); // another stream
        QVERIFY(!c.alreadyHas(*b[3])); // offset 3: new, and the skip is over
        QVERIFY(!c.skipping());
        Dummy s;
        s.skipUpToSeq(3);
        QVERIFY(s.alreadyHas(*b[2]));
        QVERIFY(!s.alreadyHas(*b[3]));
        QVERIFY(!s.skipping());
    }
};

QTEST_GUILESS_MAIN(TestStreamHistory)
#include "tst_streamhistory.moc"
