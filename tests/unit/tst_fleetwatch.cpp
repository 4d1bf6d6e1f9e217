// The fleet watch (engine/fleetwatch.h, fleetmessage.h): the heartbeat readers' rules (ARCHITECTURE.md, "Fleet watch") at,
// just under and just over their bounds (16 KiB message, 128-character server id, 1000 servers),
// staleness after FLEET_STALE_SECONDS on a driven clock and on the real timer, recovery, a clean
// leave (no alert), keys read at start (their age from the TTL) and the sparkline history bound.

#include "engine/fleetwatch.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace fx::engine;

namespace {

QJsonObject heartbeat(const QString &id, qint64 seq = 1, qint64 clients = 10)
{
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("heartbeat")},
        {QStringLiteral("schema"), 1},
        {QStringLiteral("server_id"), id},
        {QStringLiteral("version"), QStringLiteral("1.2.3")},
        {QStringLiteral("mode"), QStringLiteral("headless")},
        {QStringLiteral("host"), QStringLiteral("box")},
        {QStringLiteral("pid"), 1234},
        {QStringLiteral("listen"), QStringLiteral("0.0.0.0:8765")},
        {QStringLiteral("tls"), false},
        {QStringLiteral("started_at"), 1765000000000.0},
        {QStringLiteral("uptime_s"), 12.3},
        {QStringLiteral("time"), 1765000012300.0},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("interval_ms"), 1000},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("rooms"), 8},
        {QStringLiteral("messages_per_s"), 1234.5},
        {QStringLiteral("bytes_per_s"), 456789.0},
        {QStringLiteral("redis"),
         QJsonObject{{QStringLiteral("state"), QStringLiteral("connected")},
                     {QStringLiteral("endpoint"), QStringLiteral("127.0.0.1:6379")},
                     {QStringLiteral("via"), QStringLiteral("direct")}}},
        {QStringLiteral("database"),
         QJsonObject{{QStringLiteral("state"), QStringLiteral("ok")},
                     {QStringLiteral("driver"), QStringLiteral("sqlite")}}},
        {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("p50"), 0.8}, {QStringLiteral("p99"), 2.1}}},
        {QStringLiteral("conflated"), 0},
        {QStringLiteral("dropped"), 0},
    };
}

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray leave(const QString &id)
{
    return json(QJsonObject{{QStringLiteral("type"), QStringLiteral("leave")},
                            {QStringLiteral("schema"), 1},
                            {QStringLiteral("server_id"), id},
                            {QStringLiteral("time"), 1765000013000.0}});
}

// A heartbeat padded with an unknown field to exactly `size` bytes.
QByteArray padded(qsizetype size)
{
    QJsonObject o = heartbeat(QStringLiteral("pad:1"));
    o.insert(QStringLiteral("padding"), QString());
    const qsizetype base = json(o).size();
    o.insert(QStringLiteral("padding"), QString(size - base, u'x'));
    return json(o);
}

} // namespace

class TestFleetWatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesEveryField()
    {
        const FleetParse p = parseFleetMessage(json(heartbeat(QStringLiteral("host:8765"), 7, 200)));
        QVERIFY2(p.message, qPrintable(p.detail));
        const FleetReport &h = p.message->heartbeat;
        QCOMPARE(h.serverId, QStringLiteral("host:8765"));
        QCOMPARE(h.seq, 7);
        QCOMPARE(h.clients, 200);
        QCOMPARE(h.rooms, 8);
        QCOMPARE(h.messagesPerS, 1234.5);
        QCOMPARE(h.redisState, QStringLiteral("connected"));
        QCOMPARE(h.redisEndpoint, QStringLiteral("127.0.0.1:6379"));
        QCOMPARE(h.databaseDriver, QStringLiteral("sqlite"));
        QCOMPARE(*h.latencyP99Ms, 2.1);
        QCOMPARE(h.listen, QStringLiteral("0.0.0.0:8765"));
        // latency null: no delivery in the window.
        QJsonObject o = heartbeat(QStringLiteral("a"));
        o.insert(QStringLiteral("latency_ms"), QJsonValue::Null);
        const FleetParse q = parseFleetMessage(json(o));
        QVERIFY(q.message);
        QVERIFY(!q.message->heartbeat.latencyP50Ms);
    }

    void messageSizeBound()
    {
        QCOMPARE(padded(kFleetMaxMessageBytes).size(), kFleetMaxMessageBytes);
        QVERIFY(parseFleetMessage(padded(kFleetMaxMessageBytes)).message); // at the limit
        QVERIFY(parseFleetMessage(padded(kFleetMaxMessageBytes - 1)).message); // just under
        const FleetParse over = parseFleetMessage(padded(kFleetMaxMessageBytes + 1)); // just over
        QVERIFY(!over.message);
        QCOMPARE(over.reason, FleetReject::TooLarge);
    }

    void serverIdBound()
    {
        QVERIFY(parseFleetMessage(json(heartbeat(QString(128, u'a')))).message);
        QVERIFY(parseFleetMessage(json(heartbeat(QString(127, u'a')))).message);
        for (const QString &bad : {QString(129, u'a'), QString(), QStringLiteral("has space"),
                                   QStringLiteral("tab\there"), QStringLiteral("nl\n")}) {
            const FleetParse p = parseFleetMessage(json(heartbeat(bad)));
            QVERIFY2(!p.message, qPrintable(bad));
            QCOMPARE(p.reason, FleetReject::BadServerId);
        }
        QJsonObject o = heartbeat(QStringLiteral("x"));
        o.insert(QStringLiteral("server_id"), 42);
        QCOMPARE(parseFleetMessage(json(o)).reason, FleetReject::BadServerId);
    }

    void refusesBadMessages_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<int>("reason");
        auto with = [](const char *field, const QJsonValue &v) {
            QJsonObject o = heartbeat(QStringLiteral("s:1"));
            o.insert(QLatin1String(field), v);
            return json(o);
        };
        QTest::newRow("not json") << QByteArray("{nope") << int(FleetReject::NotJson);
        QTest::newRow("array") << QByteArray("[1,2]") << int(FleetReject::NotJson);
        QTest::newRow("unknown type") << with("type", QStringLiteral("hello")) << int(FleetReject::UnknownType);
        QTest::newRow("no type") << json(QJsonObject{{QStringLiteral("schema"), 1}}) << int(FleetReject::UnknownType);
        QTest::newRow("schema 2") << with("schema", 2) << int(FleetReject::BadSchema);
        QTest::newRow("schema string") << with("schema", QStringLiteral("1")) << int(FleetReject::BadSchema);
        QTest::newRow("negative clients") << with("clients", -1) << int(FleetReject::BadField);
        QTest::newRow("clients as text") << with("clients", QStringLiteral("12")) << int(FleetReject::BadField);
        QTest::newRow("huge rate") << with("messages_per_s", 1e300) << int(FleetReject::BadField);
        QTest::newRow("redis not object") << with("redis", 3) << int(FleetReject::BadField);
        QTest::newRow("version too long") << with("version", QString(65, u'v')) << int(FleetReject::BadField);
    }

    void refusesBadMessages()
    {
        QFETCH(QByteArray, payload);
        QFETCH(int, reason);
        FleetWatch w(5);
        QSignalSpy rejected(&w, &FleetWatch::messageRejected);
        QVERIFY(!w.ingest(payload, 1000));
        QCOMPARE(w.rejected(FleetReject(reason)), 1u);
        QCOMPARE(w.rejectedTotal(), 1u);
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(w.servers().size(), 0); // never a row
        // Unknown fields are ignored.
        QJsonObject o = heartbeat(QStringLiteral("ok:1"));
        o.insert(QStringLiteral("something_new"), QJsonObject{{QStringLiteral("a"), 1}});
        QVERIFY(w.ingest(json(o), 1000));
        QCOMPARE(w.servers().size(), 1);
    }

    void atMostAThousandServers()
    {
        FleetWatch w(5);
        for (int i = 0; i < FleetWatch::kMaxServers; ++i)
            QVERIFY(w.ingest(json(heartbeat(QStringLiteral("srv:%1").arg(i))), 1000));
        QCOMPARE(w.servers().size(), FleetWatch::kMaxServers);
        QCOMPARE(w.overLimit(), 0u);
        QVERIFY(!w.ingest(json(heartbeat(QStringLiteral("one-too-many"))), 1000)); // just over
        QCOMPARE(w.servers().size(), FleetWatch::kMaxServers);
        QCOMPARE(w.overLimit(), 1u);
        QCOMPARE(w.indexOf(QStringLiteral("one-too-many")), -1);
        // Known servers keep updating at the limit.
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("srv:5"), 2, 99)), 1500));
        QCOMPARE(w.servers().at(w.indexOf(QStringLiteral("srv:5"))).heartbeat.clients, 99);
        // One leaves: room for the next.
        QVERIFY(w.ingest(leave(QStringLiteral("srv:0")), 2000));
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("one-too-many"))), 2000));
        QCOMPARE(w.servers().size(), FleetWatch::kMaxServers);
        QCOMPARE(w.indexOf(QStringLiteral("srv:1")), 0); // order kept
    }

    void staleAfterTheStalePeriodThenBack()
    {
        FleetWatch w(5);
        QSignalSpy stale(&w, &FleetWatch::serverStale);
        QSignalSpy back(&w, &FleetWatch::serverReturned);
        QSignalSpy added(&w, &FleetWatch::serverAdded);
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("a:1"))), 10000));
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("b:1"))), 10000));
        QCOMPARE(added.size(), 2);
        w.checkStale(15000); // exactly the period: not yet
        QCOMPARE(stale.size(), 0);
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("b:1"), 2)), 14000));
        w.checkStale(15001); // just over for a:1
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.at(0).at(0).toString(), QStringLiteral("a:1"));
        QCOMPARE(stale.at(0).at(1).toLongLong(), 5001);
        QVERIFY(w.servers().at(0).stale);
        QVERIFY(!w.servers().at(1).stale);
        FleetTotals t = w.totals();
        QCOMPARE(t.live, 1);
        QCOMPARE(t.stale, 1);
        QCOMPARE(t.clients, 10); // the stale server's clients are not counted
        w.checkStale(16000);
        QCOMPARE(stale.size(), 1); // once
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("a:1"), 9, 30)), 20000));
        QCOMPARE(back.size(), 1);
        QCOMPARE(back.at(0).at(0).toString(), QStringLiteral("a:1"));
        QCOMPARE(back.at(0).at(1).toLongLong(), 10000); // silent from 10 s to 20 s
        QVERIFY(!w.servers().at(0).stale);
        t = w.totals();
        QCOMPARE(t.live, 2);
        QCOMPARE(t.clients, 40);
        QCOMPARE(t.messagesPerS, 2469.0);
    }

    void leaveRemovesWithoutAlert()
    {
        FleetWatch w(5);
        QSignalSpy stale(&w, &FleetWatch::serverStale);
        QSignalSpy removed(&w, &FleetWatch::serverRemoved);
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("a:1"))), 1000));
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("b:1"))), 1000));
        QVERIFY(w.ingest(leave(QStringLiteral("a:1")), 1500));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(w.servers().size(), 1);
        QCOMPARE(w.indexOf(QStringLiteral("b:1")), 0);
        QCOMPARE(w.indexOf(QStringLiteral("a:1")), -1);
        w.checkStale(100000);
        QCOMPARE(stale.size(), 1); // b:1 only: a:1 left cleanly
        QCOMPARE(stale.at(0).at(0).toString(), QStringLiteral("b:1"));
        QVERIFY(w.ingest(leave(QStringLiteral("unknown:1")), 1500)); // harmless
        QCOMPARE(removed.size(), 1);
    }

    void staleOnTheRealClock()
    {
        FleetWatch w(1); // FLEET_STALE_SECONDS=1, the smallest
        QSignalSpy stale(&w, &FleetWatch::serverStale);
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("a:1"))), FleetWatch::nowMs()));
        QVERIFY(!w.servers().at(0).stale);
        QVERIFY(stale.wait(3000)); // the watch's own timer
        QVERIFY(w.servers().at(0).stale);
        QVERIFY(stale.at(0).at(1).toLongLong() > 1000);
    }

    void keysReadAtStart()
    {
        FleetWatch w(5);
        QSignalSpy stale(&w, &FleetWatch::serverStale);
        // Written 2 s ago: live; written 8 s ago: stale at once (its server died 8 s ago).
        QVERIFY(w.ingestKey(json(heartbeat(QStringLiteral("fresh:1"))), 2000, 100000));
        QVERIFY(w.ingestKey(json(heartbeat(QStringLiteral("old:1"))), 8000, 100000));
        QCOMPARE(stale.size(), 1);
        QCOMPARE(stale.at(0).at(0).toString(), QStringLiteral("old:1"));
        QCOMPARE(w.servers().at(0).lastSeenMs, 98000);
        // A heartbeat then a key older than it: the key changes nothing.
        QVERIFY(w.ingest(json(heartbeat(QStringLiteral("fresh:1"), 5, 77)), 100500));
        QVERIFY(w.ingestKey(json(heartbeat(QStringLiteral("fresh:1"), 4, 1)), 3000, 100600));
        QCOMPARE(w.servers().at(0).heartbeat.clients, 77);
        // A key never holds a leave.
        QVERIFY(!w.ingestKey(leave(QStringLiteral("fresh:1")), 0, 100700));
        QCOMPARE(w.servers().size(), 2);
    }

    void aSecondOfAThousandServers()
    {
        // What the desk's main thread spends per second with a full fleet (reported, and every
        // heartbeat accepted).
        QList<QByteArray> beats;
        for (int i = 0; i < FleetWatch::kMaxServers; ++i)
            beats << json(heartbeat(QStringLiteral("srv-%1.example:8765").arg(i)));
        FleetWatch w(5);
        QElapsedTimer t;
        t.start();
        for (int round = 0; round < 5; ++round)
            for (const QByteArray &b : std::as_const(beats))
                QVERIFY(w.ingest(b, 1000 + round));
        const double msPerSecond = double(t.nsecsElapsed()) / 1e6 / 5;
        qInfo("1,000 heartbeats of %lld bytes: %.2f ms of the main thread per second", qint64(beats.first().size()),
              msPerSecond);
        QCOMPARE(w.servers().size(), FleetWatch::kMaxServers);
        QCOMPARE(w.accepted(), quint64(5 * FleetWatch::kMaxServers));
    }

    void historyIsBounded()
    {
        FleetWatch w(5);
        for (int i = 0; i < FleetWatch::kHistory + 30; ++i)
            QVERIFY(w.ingest(json(heartbeat(QStringLiteral("a:1"), i + 1, i)), 1000 + i));
        const FleetServer &s = w.servers().at(0);
        QCOMPARE(s.clientsHistory.size(), FleetWatch::kHistory);
        QCOMPARE(s.messagesHistory.size(), FleetWatch::kHistory);
        QCOMPARE(s.clientsHistory.last(), double(FleetWatch::kHistory + 29));
        QCOMPARE(s.clientsHistory.first(), 30.0);
    }
};

QTEST_GUILESS_MAIN(TestFleetWatch)
#include "tst_fleetwatch.moc"
