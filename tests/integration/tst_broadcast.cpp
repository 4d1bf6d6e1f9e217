// Fan-out through the server's own publish API (the Redis relay's entry point) to 50 real
// QWebSocket clients with mixed subscriptions: each event reaches exactly its audience, once.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "server/streamserver.h"
#include "support/httpclient.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <set>

using namespace fx;
using namespace fx::test;

namespace {

core::PriceTick tick(int index, const QString &bid, const QString &ask)
{
    core::PriceTick t;
    t.index = index;
    t.instrument = core::InstrumentSet().pair(index);
    t.quote = {bid, ask, core::decimal::midpoint(bid, ask), QStringLiteral("2025-11-18T12:30:00.000000Z")};
    t.relayedMicros = 1763469296789123LL;
    return t;
}

// Client i's pairs: two pairs, or all (every 10th), or none (every 13th).
std::set<int> pairsOf(int i)
{
    if (i % 13 == 12)
        return {};
    if (i % 10 == 0) {
        std::set<int> all;
        for (int p = 0; p < 20; ++p)
            all.insert(p);
        return all;
    }
    return {i % 20, (i * 7 + 3) % 20};
}

} // namespace

class TestBroadcast : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fiftyClientsMixedRooms()
    {
        server::ServerOptions o;
        o.address = QHostAddress::LocalHost;
        o.port = 0;
        o.ioThreads = 2;
        server::StreamServer server(o);
        QString err;
        QVERIFY2(server.start(&err), qPrintable(err));
        const QString url = QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port());
        const core::InstrumentSet inst;

        constexpr int N = 50;
        std::vector<std::unique_ptr<WsClient>> clients;
        for (int i = 0; i < N; ++i) {
            clients.push_back(std::make_unique<WsClient>());
            QVERIFY(clients.back()->connectTo(url));
            const std::set<int> ps = pairsOf(i);
            if (ps.empty())
                continue;
            QJsonArray names;
            for (int p : ps)
                names.append(inst.pair(p));
            const QJsonObject r =
                clients.back()->request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), names}},
                                        QStringLiteral("subscription_confirmed"));
            QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("pair_count")).toInt(),
                     int(ps.size()));
        }

        QList<core::MarketEvent> events;
        for (int p = 0; p < 20; ++p)
            events.append(tick(p, QStringLiteral("1.09450"), QStringLiteral("1.09470")));
        core::VolatilityAlert va;
        va.instrument = inst.pair(3);
        va.index = 3;
        va.volatility = 0.0234;
        va.threshold = 0.02;
        va.severity = core::Severity::Critical;
        va.message = QStringLiteral("Volatility (0.0234) exceeded threshold (0.02)");
        va.timestamp = QStringLiteral("2025-11-18T12:34:56.789123Z");
        events.append(va);
        core::CorrelationAlert ca;
        ca.pairA = inst.pair(0);
        ca.pairB = inst.pair(1);
        ca.indexA = 0;
        ca.indexB = 1;
        ca.correlation = 0.62;
        ca.previous = 0.85;
        ca.change = -0.23;
        ca.message = QStringLiteral("changed");
        ca.timestamp = va.timestamp;
        events.append(ca);
        core::DataReady dr;
        dr.dataType = QStringLiteral("volatility");
        dr.instruments = {inst.pair(0)};
        dr.message = QStringLiteral("New volatility data available");
        dr.timestamp = va.timestamp;
        events.append(dr);
        server.publish(events);
        // A barrier: a data_ready of its own type, published after, reaches every client after
        // everything of the first batch that was meant for it (each shard delivers in order).
        core::DataReady marker;
        marker.dataType = QStringLiteral("barrier");
        marker.message = QStringLiteral("barrier");
        marker.timestamp = va.timestamp;
        server.publish(QList<core::MarketEvent>{marker});
        const auto isMarker = [](const QJsonObject &e) {
            const QJsonObject d = e.value(QStringLiteral("data")).toObject();
            return e.value(QStringLiteral("event")).toString() == u"data_ready"
                && d.value(QStringLiteral("data_type")).toString() == u"barrier";
        };

        for (int i = 0; i < N; ++i) {
            const std::set<int> ps = pairsOf(i);
            QList<QJsonObject> got = clients[size_t(i)]->takeUntil(isMarker);
            QVERIFY2(!got.isEmpty(), qPrintable(QStringLiteral("client %1 got no barrier").arg(i)));
            got.removeLast();
            QVERIFY(clients[size_t(i)]->takeAll().isEmpty()); // nothing after the barrier either
            std::multiset<QString> prices;
            int vol = 0, corr = 0, ready = 0;
            for (const QJsonObject &e : got) {
                const QString ev = e.value(QStringLiteral("event")).toString();
                const QJsonObject d = e.value(QStringLiteral("data")).toObject();
                if (ev == u"price_update") {
                    prices.insert(d.value(QStringLiteral("instrument")).toString());
                    const QJsonObject price = d.value(QStringLiteral("price")).toObject();
                    QCOMPARE(price.value(QStringLiteral("bid")).toString(),
                             QStringLiteral("1.09450")); // digits as sent
                    QCOMPARE(price.value(QStringLiteral("ask")).toString(), QStringLiteral("1.09470"));
                    QCOMPARE(price.value(QStringLiteral("mid")).toString(), QStringLiteral("1.09460"));
                    QCOMPARE(price.value(QStringLiteral("time")).toString(),
                             QStringLiteral("2025-11-18T12:30:00.000000Z"));
                    QCOMPARE(d.value(QStringLiteral("timestamp")).toString(),
                             QStringLiteral("2025-11-18T12:34:56.789123Z"));
                } else if (ev == u"volatility_alert") {
                    ++vol;
                    QCOMPARE(d.value(QStringLiteral("instrument")).toString(), inst.pair(3));
                    QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("critical"));
                    QCOMPARE(d.value(QStringLiteral("threshold")).toDouble(), 0.02);
                } else if (ev == u"correlation_alert") {
                    ++corr;
                    QCOMPARE(d.value(QStringLiteral("instruments")).toArray(),
                             (QJsonArray{inst.pair(0), inst.pair(1)}));
                    QCOMPARE(d.value(QStringLiteral("previous_correlation")).toDouble(), 0.85);
                } else if (ev == u"data_ready") {
                    ++ready;
                    QCOMPARE(d.value(QStringLiteral("data_type")).toString(), QStringLiteral("volatility"));
                } else {
                    QFAIL(qPrintable(QStringLiteral("client %1 got unexpected %2").arg(i).arg(ev)));
                }
            }
            std::multiset<QString> expected;
            for (int p : ps)
                expected.insert(inst.pair(p));
            QVERIFY2(prices == expected, qPrintable(QStringLiteral("client %1 price updates").arg(i)));
            QCOMPARE(vol, ps.count(3) ? 1 : 0);
            QCOMPARE(corr, (ps.count(0) || ps.count(1)) ? 1 : 0); // once, even when in both rooms
            QCOMPARE(ready, 1);
        }

        // request_price returns what was last published.
        // Client 7 is not in USD_JPY's room: it asks until its I/O thread has the new price.
        server.publish(QList<core::MarketEvent>{tick(2, QStringLiteral("150.101"), QStringLiteral("150.112"))});
        const auto midOfUsdJpy = [&] {
            const QJsonObject r = clients[7]->request(QStringLiteral("request_price"),
                                                      {{QStringLiteral("instrument"), QStringLiteral("USD_JPY")}},
                                                      QStringLiteral("price_response"));
            const QJsonObject d = r.value(QStringLiteral("data")).toObject();
            return d.value(QStringLiteral("price")).toObject().value(QStringLiteral("mid")).toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(midOfUsdJpy(), QStringLiteral("150.1065"), 5000);
        const QJsonObject all =
            clients[8]->request(QStringLiteral("request_all_prices"), {}, QStringLiteral("all_prices_response"));
        QCOMPARE(all.value(QStringLiteral("data")).toObject().value(QStringLiteral("count")).toInt(), 20);

        // The clients table the desktop shows: every client, its rooms, from all shards.
        QList<server::ClientInfo> rows;
        bool answered = false;
        QObject receiver;
        server.requestClients(&receiver, [&](const QList<server::ClientInfo> &r) {
            rows = r;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 5000);
        QCOMPARE(rows.size(), N);
        int withAll = 0;
        for (const server::ClientInfo &c : rows) {
            QCOMPARE(c.protocol, QStringLiteral("websocket"));
            QVERIFY(c.messagesSent >= 1);
            withAll += c.rooms.size() == 20;
        }
        QCOMPARE(withAll, 5); // clients 0, 10, 20, 30, 40

        QSignalSpy stopped(&server, &server::StreamServer::stopped);
        server.stop();
        QVERIFY(stopped.wait(5000));
        for (auto &c : clients)
            QVERIFY(c->waitDisconnected());
    }

    void socketIoClientsInTheClientsTable()
    {
        // A Socket.IO client on long-polling: its address (from its handshake request) and the
        // Engine.IO heartbeat's round trip are in the desktop's clients table.
        server::ServerOptions o;
        o.address = QHostAddress::LocalHost;
        o.port = 0;
        o.ioThreads = 2;
        o.pingIntervalMs = 200;
        o.pingTimeoutMs = 2000;
        server::StreamServer server(o);
        QString err;
        QVERIFY2(server.start(&err), qPrintable(err));
        const QByteArray sid = sidOf(httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling").body);
        QVERIFY(!sid.isEmpty());
        const QByteArray url = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        QCOMPARE(httpRequest(server.port(), "POST", url, "40").status, 200);
        QVERIFY(httpRequest(server.port(), "GET", url).body.contains("connection_established"));
        // The next poll is held until the heartbeat's ping ("2"); answer it with a pong.
        QCOMPARE(httpRequest(server.port(), "GET", url).body, QByteArray("2"));
        QCOMPARE(httpRequest(server.port(), "POST", url, "3").status, 200);

        QList<server::ClientInfo> rows;
        QObject receiver;
        auto snapshot = [&] {
            bool answered = false;
            server.requestClients(&receiver, [&](const QList<server::ClientInfo> &r) {
                rows = r;
                answered = true;
            });
            return QTest::qWaitFor([&] { return answered; }, 5000);
        };
        QTRY_VERIFY_WITH_TIMEOUT(snapshot() && rows.size() == 1 && rows.first().rttMs >= 0, 5000);
        const server::ClientInfo &c = rows.first();
        QCOMPARE(c.protocol, QStringLiteral("socket.io"));
        QCOMPARE(c.transport, QStringLiteral("polling"));
        QVERIFY2(c.peer.startsWith(QStringLiteral("127.0.0.1:")), qPrintable(c.peer));
        QVERIFY(c.rttMs < 2000);

        QSignalSpy stopped(&server, &server::StreamServer::stopped);
        server.stop();
        QVERIFY(stopped.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestBroadcast)
#include "tst_broadcast.moc"
