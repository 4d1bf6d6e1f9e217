// PROTOCOL.md, "History and recovery" end to end: a real redis-server (the CTest fixture), the
// real fxmonitor-server, real QWebSocket clients. Snapshots on subscribe, offsets and epochs on
// every relayed event, recovery after a connection dropped by either side while the feed keeps
// publishing (every message once, in order), history exhausted, epoch changed by a restart,
// conflated recovery, the validation of "recover" and of the settings.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <map>
#include <memory>
#include <thread>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}
QString eventOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("event")).toString();
}
bool isBarrier(const QJsonObject &e)
{
    return eventOf(e) == u"data_ready" && dataOf(e).value(QStringLiteral("data_type")).toString() == u"barrier";
}
QByteArray price(const char *pair, int n)
{
    return QStringLiteral(R"({"instrument":"%1","price":{"bid":"1.%2","ask":"1.%3"},"n":%4})")
        .arg(QLatin1String(pair))
        .arg(10000 + n)
        .arg(10002 + n)
        .arg(n)
        .toUtf8();
}
QByteArray volatility(const char *pair, int n)
{
    return QStringLiteral(R"({"instrument":"%1","volatility":0.03,"threshold":0.02,"severity":"warning","n":%2})")
        .arg(QLatin1String(pair))
        .arg(n)
        .toUtf8();
}

struct Rig
{
    ServerProcess server;
    QString prefix;
    int db = 0;
    quint16 redisPort = 0;
    QStringList args;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString token; // with WEBSOCKET_AUTH=jwt: the token of the Redis-status check
    std::unique_ptr<redis::RedisPublisher> pub;

    bool start(int database, const QStringList &extra = {})
    {
        db = database;
        prefix = QStringLiteral("r%1:").arg(QRandomGenerator::global()->generate() % 1000000);
        redisPort = fixtureRedisPort();
        if (!redisPort) {
            qWarning("no redis fixture: run through ctest (FX_TEST_REDIS_DIR)");
            return false;
        }
        pub = publisherFor(redisPort, db);
        args = QStringList{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("--redis-port"), QString::number(redisPort),
                           QStringLiteral("--redis-db"),   QString::number(db),
                           QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix}
            + extra;
        return server.start(args, env) && waitRedisConnected();
    }
    bool restart()
    {
        server.stop();
        return server.start(args, env) && waitRedisConnected();
    }
    bool waitRedisConnected()
    {
        WsClient c;
        if (!c.connectTo(server.wsUrl() + (token.isEmpty() ? QString() : QStringLiteral("?token=") + token)))
            return false;
        return QTest::qWaitFor(
            [&] {
                const QJsonObject s = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
                return dataOf(s).value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool();
            },
            10000);
    }
    void publish(const char *channel, const QByteArray &payload)
    {
        QString err;
        QVERIFY2(pub->publish(prefix + QLatin1String(channel), payload, &err), qPrintable(err));
    }
    void barrier() { publish("data_ready", R"({"data_type":"barrier"})"); }
};

QJsonObject subscribe(WsClient &c, const QJsonObject &data)
{
    return c.request(QStringLiteral("subscribe"), data, QStringLiteral("subscription_confirmed"));
}

// Publishes numbered prices of EUR_USD and GBP_USD and every 5th a volatility alert of EUR_USD,
// from its own thread, until stopped.
class Feed
{
public:
    Feed(quint16 port, int db, QString prefix) : m_pub(publisherFor(port, db)), m_prefix(std::move(prefix)) {}
    ~Feed() { stop(); }
    void start()
    {
        m_thread = std::thread([this] {
            for (int n = 1; !m_stop.load(); ++n) {
                QString err;
                m_pub->publish(m_prefix + QStringLiteral("price_updates"), price(n % 2 ? "EUR_USD" : "GBP_USD", n),
                               &err);
                if (n % 5 == 0)
                    m_pub->publish(m_prefix + QStringLiteral("volatility_alerts"), volatility("EUR_USD", n), &err);
                m_sent.store(n);
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
    }
    void stop()
    {
        m_stop.store(true);
        if (m_thread.joinable())
            m_thread.join();
    }
    int sent() const { return m_sent.load(); }

private:
    std::unique_ptr<redis::RedisPublisher> m_pub;
    QString m_prefix;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_sent{0};
};

// What a client saw, per stream ("EUR_USD", "GBP_USD", "alerts"): offsets in arrival order.
struct Seen
{
    std::map<QString, QList<qint64>> offsets;
    QString epoch;
    void add(const QList<QJsonObject> &events)
    {
        for (const QJsonObject &e : events) {
            const QString ev = eventOf(e);
            QString stream;
            if (ev == u"price_update")
                stream = dataOf(e).value(QStringLiteral("instrument")).toString();
            else if (ev == u"volatility_alert" || ev == u"correlation_alert" || ev == u"data_ready")
                stream = QStringLiteral("alerts");
            else
                continue;
            if (e.contains(QStringLiteral("offset"))) {
                offsets[stream].append(e.value(QStringLiteral("offset")).toInteger());
                epoch = e.value(QStringLiteral("epoch")).toString();
            }
        }
    }
    QJsonObject lastOffsets() const
    {
        QJsonObject o;
        for (const auto &[stream, list] : offsets)
            if (!list.isEmpty())
                o.insert(stream, list.last());
        return o;
    }
};

// Every offset of a stream exactly once, consecutive (prices of a room; the alerts a client
// gets are every alert here, as it is in EUR_USD's room and the feed sends no other).
QString checkConsecutive(const Seen &seen)
{
    for (const auto &[stream, list] : seen.offsets)
        for (qsizetype i = 1; i < list.size(); ++i)
            if (list[i] != list[i - 1] + 1)
                return QStringLiteral("%1: offset %2 after %3").arg(stream).arg(list[i]).arg(list[i - 1]);
    return {};
}

// A raw Socket.IO client over Engine.IO's WebSocket transport (one packet per frame): what
// socket.io-client sends and reads, written out, to check the wire and the server's rules.
class RawSio : public QObject
{
public:
    bool open(quint16 port)
    {
        connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) { m_in << t; });
        m_ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(port)));
        return QTest::qWaitFor([&] { return !m_in.isEmpty(); }, 5000) && m_in.takeFirst().startsWith(u'0');
    }
    void send(const QString &packet) { m_ws.sendTextMessage(packet); }
    // The next packet starting with prefix (earlier ones dropped); empty on timeout.
    QString next(const QString &prefix)
    {
        QString got;
        (void)QTest::qWaitFor(
            [&] {
                while (!m_in.isEmpty()) {
                    const QString t = m_in.takeFirst();
                    if (t.startsWith(prefix)) {
                        got = t;
                        return true;
                    }
                }
                return false;
            },
            5000);
        return got;
    }
    // CONNECT with auth; the CONNECT reply's data ({"sid", "pid"}), empty when refused.
    QJsonObject join(const QJsonObject &auth)
    {
        send(QStringLiteral("40") + QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
        const QString reply = next(QStringLiteral("4"));
        return reply.startsWith(u"40") ? QJsonDocument::fromJson(reply.mid(2).toUtf8()).object() : QJsonObject{};
    }
    // An event's arguments: 42["name", data, offset?]
    QJsonArray event(const QString &name)
    {
        const QString t = next(QStringLiteral("42[\"%1\"").arg(name));
        return QJsonDocument::fromJson(t.mid(2).toUtf8()).array();
    }
    void abort() { m_ws.abort(); }

private:
    QWebSocket m_ws;
    QStringList m_in;
};

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT

    std::unique_ptr<Rig> m_validationRig;

private:
    // Runs the feed, drops the client with `drop` mid-stream, reconnects and recovers; checks
    // every message of the three streams arrived exactly once and in order.
    void dropAndRecover(const std::function<void(WsClient &)> &drop, const QStringList &extra = {})
    {
        Rig rig;
        QVERIFY(rig.start(4, extra));
        auto c = std::make_unique<WsClient>();
        QVERIFY(c->connectTo(rig.server.wsUrl()));
        subscribe(*c, {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}}});
        Feed feed(rig.redisPort, rig.db, rig.prefix);
        feed.start();
        Seen seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen.add(c->takeAll()), seen.offsets[QStringLiteral("alerts")].size() >= 5), 10000);
        drop(*c);
        QVERIFY(c->waitDisconnected());
        seen.add(c->take(QStringLiteral("price_update")) + c->take(QStringLiteral("volatility_alert")));
        const int sentAtDrop = feed.sent();
        QTRY_VERIFY_WITH_TIMEOUT(feed.sent() > sentAtDrop + 50, 10000); // missed while away

        c = std::make_unique<WsClient>();
        QVERIFY(c->connectTo(rig.server.wsUrl()));
        const QJsonObject confirmed = subscribe(
            *c,
            {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}},
             {QStringLiteral("recover"),
              QJsonObject{{QStringLiteral("epoch"), seen.epoch}, {QStringLiteral("offsets"), seen.lastOffsets()}}}});
        QCOMPARE(dataOf(confirmed).value(QStringLiteral("recovered")).toObject(),
                 (QJsonObject{{QStringLiteral("EUR_USD"), true},
                              {QStringLiteral("GBP_USD"), true},
                              {QStringLiteral("alerts"), true}}));
        QTRY_VERIFY_WITH_TIMEOUT(feed.sent() > sentAtDrop + 150, 10000); // live again for a while
        feed.stop();
        rig.barrier();
        QList<QJsonObject> after = c->takeUntil(isBarrier, 10000);
        QVERIFY(!after.isEmpty());
        for (const QJsonObject &e : std::as_const(after))
            QVERIFY2(!dataOf(e).contains(QStringLiteral("snapshot")), "a recovered room gets no snapshot");
        seen.add(after);
        QCOMPARE(checkConsecutive(seen), QString());
        // Every price the feed sent reached the client (n counts both pairs' prices).
        const qint64 prices =
            seen.offsets[QStringLiteral("EUR_USD")].size() + seen.offsets[QStringLiteral("GBP_USD")].size();
        QCOMPARE(prices, qint64(feed.sent()));
        QCOMPARE(seen.offsets[QStringLiteral("EUR_USD")].first(), 1);
        // Counted in /metrics: what was replayed, and what the history holds.
        QVERIFY(metricValue(rig.server.port(), "fxmonitor_recovered_messages_total", 0) >= 50);
        QVERIFY(metricValue(rig.server.port(), "fxmonitor_history_messages", 0) > 0);
        QVERIFY(metricValue(rig.server.port(), "fxmonitor_history_bytes", 0) > 0);
        QCOMPARE(rig.server.stop(), 0); // a clean exit (under the sanitizers: no error, no leak)
    }

private Q_SLOTS:
    void cleanupTestCase() { m_validationRig.reset(); }

    void snapshotOnRequestAndByDefault()
    {
        Rig rig;
        QVERIFY(rig.start(3));
        rig.publish("price_updates", price("EUR_USD", 1));
        rig.publish("price_updates", price("EUR_USD", 2));
        WsClient warm;
        QVERIFY(warm.connectTo(rig.server.wsUrl()));
        QTRY_VERIFY(warm.request(QStringLiteral("request_price"),
                                 {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                                 QStringLiteral("price_response"))
                        .contains(QStringLiteral("data")));

        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        subscribe(c,
                  {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}},
                   {QStringLiteral("snapshot"), true}});
        const QJsonObject snap = c.waitFor(QStringLiteral("price_update"));
        QCOMPARE(dataOf(snap).value(QStringLiteral("snapshot")), QJsonValue(true));
        QCOMPARE(dataOf(snap).value(QStringLiteral("n")).toInt(), 2); // the newest
        QCOMPARE(snap.value(QStringLiteral("offset")).toInteger(), 2);
        QVERIFY(!snap.value(QStringLiteral("epoch")).toString().isEmpty());
        // GBP_USD has no price: no snapshot for it; subscribing again sends none (not new).
        subscribe(
            c, {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}, {QStringLiteral("snapshot"), true}});
        rig.barrier();
        QList<QJsonObject> rest = c.takeUntil(isBarrier);
        QVERIFY(!rest.isEmpty());
        QCOMPARE(rest.size(), 1);

        // Without "snapshot" nothing but the confirmation.
        WsClient plain;
        QVERIFY(plain.connectTo(rig.server.wsUrl()));
        subscribe(plain, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        rig.barrier();
        QCOMPARE(plain.takeUntil(isBarrier).size(), 1);
        // A live price after a snapshot is not marked.
        rig.publish("price_updates", price("EUR_USD", 3));
        const QJsonObject live = c.waitFor(QStringLiteral("price_update"));
        QVERIFY(!dataOf(live).contains(QStringLiteral("snapshot")));
        QCOMPARE(live.value(QStringLiteral("offset")).toInteger(), 3);
        QCOMPARE(live.value(QStringLiteral("epoch")), snap.value(QStringLiteral("epoch")));

        // WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE=true: the default, "snapshot": false opts out.
        Rig def;
        QVERIFY(def.start(5, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE=true")}));
        def.publish("price_updates", price("GBP_USD", 7));
        WsClient a, b;
        QVERIFY(a.connectTo(def.server.wsUrl()));
        QVERIFY(b.connectTo(def.server.wsUrl()));
        QTRY_VERIFY(a.request(QStringLiteral("request_price"),
                              {{QStringLiteral("instrument"), QStringLiteral("GBP_USD")}},
                              QStringLiteral("price_response"))
                        .contains(QStringLiteral("data")));
        subscribe(a, {{QStringLiteral("pairs"), QStringLiteral("GBP_USD")}});
        QCOMPARE(dataOf(a.waitFor(QStringLiteral("price_update"))).value(QStringLiteral("snapshot")), QJsonValue(true));
        subscribe(b, {{QStringLiteral("pairs"), QStringLiteral("GBP_USD")}, {QStringLiteral("snapshot"), false}});
        def.barrier();
        QCOMPARE(b.takeUntil(isBarrier).size(), 1);
    }

    void offsetsAreTheSameOnEveryShard()
    {
        Rig rig;
        QVERIFY(rig.start(6, {QStringLiteral("--io-threads"), QStringLiteral("2")}));
        std::vector<std::unique_ptr<WsClient>> clients;
        for (int i = 0; i < 4; ++i) { // round robin: both shards get clients
            clients.push_back(std::make_unique<WsClient>());
            QVERIFY(clients.back()->connectTo(rig.server.wsUrl()));
            subscribe(*clients.back(), {{QStringLiteral("pairs"), QStringLiteral("all")}});
        }
        for (int n = 1; n <= 10; ++n) {
            rig.publish("price_updates", price(n % 2 ? "EUR_USD" : "USD_JPY", n));
            rig.publish("volatility_alerts", volatility("EUR_USD", n));
        }
        rig.barrier();
        QList<QList<QJsonObject>> got;
        for (auto &c : clients) {
            got.append(c->takeUntil(isBarrier));
            QCOMPARE(got.last().size(), 21);
        }
        for (const QList<QJsonObject> &g : got)
            QCOMPARE(g, got.first()); // offsets and epoch included
        Seen seen;
        seen.add(got.first());
        QCOMPARE(checkConsecutive(seen), QString());
        QCOMPARE(seen.offsets[QStringLiteral("EUR_USD")], (QList<qint64>{1, 2, 3, 4, 5}));
        QCOMPARE(seen.offsets[QStringLiteral("alerts")].size(), 11);
    }

    void recoverAfterClientSideDrop()
    {
        dropAndRecover([](WsClient &c) { c.socket().abort(); });
    }

    void recoverAfterServerSideDrop()
    {
        // The server closes the connection (1009, a message over WEBSOCKET_MAX_MESSAGE_SIZE).
        dropAndRecover([](WsClient &c) { c.sendRaw(QString(70000, u'x')); },
                       {QStringLiteral("--io-threads"), QStringLiteral("2")});
    }

    void historyExhaustedGivesTheSnapshot()
    {
        Rig rig;
        QVERIFY(rig.start(7, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_HISTORY_SIZE=5")}));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        subscribe(c, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        rig.publish("price_updates", price("EUR_USD", 1));
        const QJsonObject first = c.waitFor(QStringLiteral("price_update"));
        const QString epoch = first.value(QStringLiteral("epoch")).toString();
        c.socket().abort();
        // At the bound: 5 newer messages are all still held, so offset 1 recovers.
        for (int n = 2; n <= 6; ++n)
            rig.publish("price_updates", price("EUR_USD", n));
        rig.publish("volatility_alerts", volatility("EUR_USD", 1));
        auto recover = [&](qint64 offset, qint64 alerts) {
            WsClient r;
            if (!r.connectTo(rig.server.wsUrl()))
                return QList<QJsonObject>{};
            // Wait until the server has relayed everything published so far.
            const bool relayed = QTest::qWaitFor([&] {
                return r.request(QStringLiteral("request_price"),
                                 {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                                 QStringLiteral("price_response"))
                           .value(QStringLiteral("data"))
                           .toObject()
                           .value(QStringLiteral("n"))
                           .toInt()
                    >= 6;
            });
            if (!relayed)
                return QList<QJsonObject>{};
            QList<QJsonObject> got{subscribe(r,
                                             {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")},
                                              {QStringLiteral("recover"),
                                               QJsonObject{{QStringLiteral("epoch"), epoch},
                                                           {QStringLiteral("offsets"),
                                                            QJsonObject{{QStringLiteral("EUR_USD"), offset},
                                                                        {QStringLiteral("alerts"), alerts}}}}}})};
            rig.barrier();
            return got + r.takeUntil(isBarrier);
        };
        QList<QJsonObject> ok = recover(1, 0);
        QCOMPARE(dataOf(ok.first()).value(QStringLiteral("recovered")).toObject(),
                 (QJsonObject{{QStringLiteral("EUR_USD"), true}, {QStringLiteral("alerts"), true}}));
        QCOMPARE(ok.size(), 1 + 5 + 1 + 1); // the reply, 5 prices, the alert (missed), the barrier (live)
        // Just over: one more price and offset 1 is gone: false and the newest price as snapshot.
        rig.publish("price_updates", price("EUR_USD", 7));
        QList<QJsonObject> gone = recover(1, 0);
        QCOMPARE(dataOf(gone.first()).value(QStringLiteral("recovered")).toObject(),
                 (QJsonObject{{QStringLiteral("EUR_USD"), false}, {QStringLiteral("alerts"), true}}));
        QCOMPARE(eventOf(gone.at(1)), QStringLiteral("price_update"));
        QCOMPARE(dataOf(gone.at(1)).value(QStringLiteral("snapshot")), QJsonValue(true));
        QCOMPARE(dataOf(gone.at(1)).value(QStringLiteral("n")).toInt(), 7);
        QCOMPARE(gone.at(1).value(QStringLiteral("offset")).toInteger(), 7);
        // An offset from the future is not recovered either.
        QCOMPARE(dataOf(recover(99, 0).first())
                     .value(QStringLiteral("recovered"))
                     .toObject()
                     .value(QStringLiteral("EUR_USD")),
                 QJsonValue(false));
    }

    void epochChangedByRestart()
    {
        Rig rig;
        QVERIFY(rig.start(8));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        subscribe(c, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        rig.publish("price_updates", price("EUR_USD", 1));
        const QJsonObject first = c.waitFor(QStringLiteral("price_update"));
        const QString epoch = first.value(QStringLiteral("epoch")).toString();
        QVERIFY(rig.restart());
        rig.publish("price_updates", price("EUR_USD", 2));
        WsClient r;
        QVERIFY(r.connectTo(rig.server.wsUrl()));
        QTRY_VERIFY(r.request(QStringLiteral("request_price"),
                              {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                              QStringLiteral("price_response"))
                        .value(QStringLiteral("data"))
                        .toObject()
                        .contains(QStringLiteral("n")));
        const QJsonObject confirmed =
            subscribe(r,
                      {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")},
                       {QStringLiteral("recover"),
                        QJsonObject{{QStringLiteral("epoch"), epoch},
                                    {QStringLiteral("offsets"), QJsonObject{{QStringLiteral("EUR_USD"), 1}}}}}});
        QCOMPARE(dataOf(confirmed).value(QStringLiteral("recovered")).toObject(),
                 (QJsonObject{{QStringLiteral("EUR_USD"), false}}));
        const QJsonObject snap = r.waitFor(QStringLiteral("price_update"));
        QCOMPARE(dataOf(snap).value(QStringLiteral("snapshot")), QJsonValue(true));
        QCOMPARE(dataOf(snap).value(QStringLiteral("n")).toInt(), 2);
        QVERIFY(snap.value(QStringLiteral("epoch")).toString() != epoch);
        QCOMPARE(snap.value(QStringLiteral("offset")).toInteger(), 1); // the new history starts over
    }

    void conflatedRecoveryKeepsTheNewestPriceAndEveryAlert()
    {
        Rig rig;
        QVERIFY(rig.start(9));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        subscribe(c, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        rig.publish("price_updates", price("EUR_USD", 1));
        const QString epoch = c.waitFor(QStringLiteral("price_update")).value(QStringLiteral("epoch")).toString();
        c.socket().abort();
        for (int n = 2; n <= 10; ++n) {
            rig.publish("price_updates", price("EUR_USD", n));
            rig.publish("volatility_alerts", volatility("EUR_USD", n));
        }
        WsClient r;
        QVERIFY(r.connectTo(rig.server.wsUrl()));
        QTRY_VERIFY(r.request(QStringLiteral("request_price"),
                              {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                              QStringLiteral("price_response"))
                        .value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("n"))
                        .toInt()
                    == 10);
        subscribe(r,
                  {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")},
                   {QStringLiteral("recover"),
                    QJsonObject{{QStringLiteral("epoch"), epoch},
                                {QStringLiteral("conflate"), true},
                                {QStringLiteral("offsets"),
                                 QJsonObject{{QStringLiteral("EUR_USD"), 1}, {QStringLiteral("alerts"), 0}}}}}});
        rig.barrier();
        const QList<QJsonObject> got = r.takeUntil(isBarrier);
        QStringList names;
        for (const QJsonObject &e : got)
            names << eventOf(e);
        QCOMPARE(names.count(QStringLiteral("price_update")), 1);
        QCOMPARE(names.count(QStringLiteral("volatility_alert")), 9);
        const QList<QJsonObject> prices = [&] {
            QList<QJsonObject> p;
            for (const QJsonObject &e : got)
                if (eventOf(e) == u"price_update")
                    p << e;
            return p;
        }();
        QCOMPARE(dataOf(prices.first()).value(QStringLiteral("n")).toInt(), 10);
    }

    void replayIsBoundedByHalfTheSendQueue()
    {
        // SECURITY.md, "Bounds": a replay may take half of WEBSOCKET_SEND_QUEUE_LIMIT (64 KiB here:
        // 32 KiB). The largest replay within it is recovered, one message more is not.
        Rig rig;
        QVERIFY(rig.start(12, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_SEND_QUEUE_LIMIT=65536")}));
        WsClient observer;
        QVERIFY(observer.connectTo(rig.server.wsUrl()));
        std::map<qint64, qint64> frameBytes; // offset -> bytes of its WebSocket frame
        QString observerEpoch;
        connect(&observer.socket(), &QWebSocket::textMessageReceived, this, [&](const QString &text) {
            const QJsonObject e = QJsonDocument::fromJson(text.toUtf8()).object();
            const qint64 n = text.toUtf8().size();
            if (eventOf(e) != u"price_update")
                return;
            frameBytes[e.value(QStringLiteral("offset")).toInteger()] = n + (n < 126 ? 2 : 4);
            observerEpoch = e.value(QStringLiteral("epoch")).toString();
        });
        subscribe(observer, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        const int total = 400;
        for (int n = 1; n <= total; ++n)
            rig.publish("price_updates", price("EUR_USD", n));
        rig.barrier();
        QVERIFY(!observer.takeUntil(isBarrier, 10000).isEmpty());
        QCOMPARE(qsizetype(frameBytes.size()), qsizetype(total));
        // The smallest offset whose replay (offset + 1 .. total) fits in 32768 bytes.
        qint64 sum = 0, after = total;
        while (after > 0 && sum + frameBytes[after] <= 32768)
            sum += frameBytes[after--];
        QVERIFY(after > 0 && after < total);
        auto recoverFrom = [&](qint64 offset) {
            WsClient r;
            if (!r.connectTo(rig.server.wsUrl()))
                return QJsonObject{};
            const QJsonObject ok = subscribe(
                r,
                {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")},
                 {QStringLiteral("recover"),
                  QJsonObject{{QStringLiteral("epoch"), observerEpoch},
                              {QStringLiteral("offsets"), QJsonObject{{QStringLiteral("EUR_USD"), offset}}}}}});
            rig.barrier();
            const QList<QJsonObject> got = r.takeUntil(isBarrier, 10000);
            QJsonObject result = dataOf(ok).value(QStringLiteral("recovered")).toObject();
            result.insert(QStringLiteral("messages"), qsizetype(got.size() - 1));
            if (!got.isEmpty())
                result.insert(QStringLiteral("first"), dataOf(got.first()));
            return result;
        };
        const QJsonObject within = recoverFrom(after);
        QCOMPARE(within.value(QStringLiteral("EUR_USD")), QJsonValue(true));
        QCOMPARE(within.value(QStringLiteral("messages")).toInteger(), total - after);
        const QJsonObject over = recoverFrom(after - 1);
        QCOMPARE(over.value(QStringLiteral("EUR_USD")), QJsonValue(false));
        QCOMPARE(over.value(QStringLiteral("messages")).toInteger(), 1); // the snapshot
        QCOMPARE(over.value(QStringLiteral("first")).toObject().value(QStringLiteral("snapshot")), QJsonValue(true));
    }

    void socketIoSessionGoesBackToItsOwnUserOnly()
    {
        // PROTOCOL.md §10 and SECURITY.md, "Tokens": with WEBSOCKET_AUTH=jwt a lost session is
        // taken back only by a CONNECT whose token has the same sub; another user's attempt
        // starts afresh and leaves the session for its owner.
        const QString alice = QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+600"})"));
        const QString bob = QString::fromLatin1(TokenMint::hs256(R"({"sub":"bob","exp":"+600"})"));
        Rig rig;
        rig.env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        rig.env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret()));
        rig.token = alice;
        QVERIFY(rig.start(13, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_SIO_RECOVERY=true")}));

        RawSio a;
        QVERIFY(a.open(rig.server.port()));
        const QJsonObject first = a.join({{QStringLiteral("token"), alice}});
        const QString sid = first.value(QStringLiteral("sid")).toString();
        const QString pid = first.value(QStringLiteral("pid")).toString();
        QCOMPARE(pid.size(), 20);
        QCOMPARE(a.event(QStringLiteral("connection_established")).size(), 3); // data, then the position
        a.send(QStringLiteral(R"(42["subscribe",{"pairs":["EUR_USD"]}])"));
        QVERIFY(!a.event(QStringLiteral("subscription_confirmed")).isEmpty());
        rig.publish("price_updates", price("EUR_USD", 1));
        const QJsonArray live = a.event(QStringLiteral("price_update"));
        QCOMPARE(live.size(), 3);
        const QString offset = live.at(2).toString();
        QVERIFY(!offset.isEmpty());
        a.abort();
        rig.publish("price_updates", price("EUR_USD", 2)); // missed

        RawSio b;
        QVERIFY(b.open(rig.server.port()));
        const QJsonObject stranger =
            b.join({{QStringLiteral("token"), bob}, {QStringLiteral("pid"), pid}, {QStringLiteral("offset"), offset}});
        QVERIFY(!stranger.isEmpty());
        QVERIFY(stranger.value(QStringLiteral("pid")).toString() != pid);
        QVERIFY(stranger.value(QStringLiteral("sid")).toString() != sid);

        RawSio back;
        QVERIFY(back.open(rig.server.port()));
        const QJsonObject again = back.join(
            {{QStringLiteral("token"), alice}, {QStringLiteral("pid"), pid}, {QStringLiteral("offset"), offset}});
        QCOMPARE(again.value(QStringLiteral("pid")).toString(), pid); // socket.recovered
        QCOMPARE(again.value(QStringLiteral("sid")).toString(), sid);
        const QJsonArray missed = back.event(QStringLiteral("price_update"));
        QCOMPARE(missed.at(1).toObject().value(QStringLiteral("n")).toInt(), 2);
        QVERIFY(missed.at(2).toString().toULongLong() > offset.toULongLong());
        // Taken back once: the same pid again starts afresh.
        RawSio twice;
        QVERIFY(twice.open(rig.server.port()));
        QVERIFY(twice
                    .join({{QStringLiteral("token"), alice},
                           {QStringLiteral("pid"), pid},
                           {QStringLiteral("offset"), offset}})
                    .value(QStringLiteral("pid"))
                    .toString()
                != pid);
        QCOMPARE(rig.server.stop(), 0);
    }

    void recoverIsValidated_data()
    {
        QTest::addColumn<QJsonValue>("recover");
        QTest::addColumn<QString>("mentions");
        const QJsonObject offsets{{QStringLiteral("EUR_USD"), 1}};
        QTest::newRow("not an object") << QJsonValue(QStringLiteral("x"))
                                       << QStringLiteral("\"recover\" must be an object");
        QTest::newRow("no epoch") << QJsonValue(QJsonObject{{QStringLiteral("offsets"), offsets}})
                                  << QStringLiteral("recover.epoch");
        QTest::newRow("epoch a number") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), 5}, {QStringLiteral("offsets"), offsets}})
                                        << QStringLiteral("recover.epoch");
        QTest::newRow("epoch too long") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), QString(65, u'e')}, {QStringLiteral("offsets"), offsets}})
                                        << QStringLiteral("at most 64");
        QTest::newRow("offsets a list") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")}, {QStringLiteral("offsets"), QJsonArray{1}}})
                                        << QStringLiteral("recover.offsets");
        for (const auto &[name, v] :
             {std::pair{"negative", QJsonValue(-1)}, std::pair{"fraction", QJsonValue(1.5)},
              std::pair{"string", QJsonValue(QStringLiteral("1"))}, std::pair{"over 2^53", QJsonValue(1e16)}})
            QTest::newRow(name) << QJsonValue(
                QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")},
                            {QStringLiteral("offsets"), QJsonObject{{QStringLiteral("EUR_USD"), v}}}})
                                << QStringLiteral("recover.offsets.EUR_USD");
        QTest::newRow("conflate a string")
            << QJsonValue(QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")},
                                      {QStringLiteral("offsets"), offsets},
                                      {QStringLiteral("conflate"), QStringLiteral("yes")}})
            << QStringLiteral("recover.conflate");
        QTest::newRow("unknown room") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")},
                        {QStringLiteral("offsets"), QJsonObject{{QStringLiteral("XXX_YYY"), 1}}}})
                                      << QStringLiteral("do not exist: XXX_YYY");
        QJsonObject atLimit, overLimit;
        for (int i = 0; i < 1000; ++i)
            atLimit.insert(QStringLiteral("room%1").arg(i), 1);
        overLimit = atLimit;
        overLimit.insert(QStringLiteral("room1000"), 1);
        QTest::newRow("1000 entries: checked by name") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")}, {QStringLiteral("offsets"), atLimit}})
                                                       << QStringLiteral("do not exist");
        QTest::newRow("1001 entries") << QJsonValue(
            QJsonObject{{QStringLiteral("epoch"), QStringLiteral("e")}, {QStringLiteral("offsets"), overLimit}})
                                      << QStringLiteral("more than 1000 entries");
    }

    void recoverIsValidated()
    {
        QFETCH(QJsonValue, recover);
        QFETCH(QString, mentions);
        if (!m_validationRig) {
            m_validationRig = std::make_unique<Rig>();
            QVERIFY(m_validationRig->start(10));
        }
        Rig *rig = m_validationRig.get();
        WsClient c;
        QVERIFY(c.connectTo(rig->server.wsUrl()));
        const QJsonObject err =
            c.request(QStringLiteral("subscribe"),
                      {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}, {QStringLiteral("recover"), recover}},
                      QStringLiteral("error"));
        QCOMPARE(dataOf(err).value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAYLOAD"));
        QVERIFY2(dataOf(err).value(QStringLiteral("message")).toString().contains(mentions),
                 qPrintable(dataOf(err).value(QStringLiteral("message")).toString()));
        QCOMPARE(dataOf(err).value(QStringLiteral("event")).toString(), QStringLiteral("subscribe"));
        // Nothing was subscribed.
        const QJsonObject subs =
            c.request(QStringLiteral("get_subscriptions"), {}, QStringLiteral("subscriptions_info"));
        QCOMPARE(dataOf(subs).value(QStringLiteral("pair_count")).toInt(), 0);
        if (QByteArray(QTest::currentDataTag()) == "unknown room")
            QCOMPARE(dataOf(err).value(QStringLiteral("details")).toObject().value(QStringLiteral("unknown_rooms")),
                     QJsonValue(QJsonArray{QStringLiteral("XXX_YYY")}));
        const QJsonObject bad =
            c.request(QStringLiteral("subscribe"),
                      {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}, {QStringLiteral("snapshot"), 1}},
                      QStringLiteral("error"));
        QVERIFY(dataOf(bad).value(QStringLiteral("message")).toString().contains(QStringLiteral("\"snapshot\"")));
    }

    void withoutHistoryNothingIsRecovered()
    {
        Rig rig;
        QVERIFY(rig.start(11, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_HISTORY_SIZE=0")}));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        subscribe(c, {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}});
        rig.publish("price_updates", price("EUR_USD", 1));
        const QJsonObject live = c.waitFor(QStringLiteral("price_update"));
        QVERIFY(!live.contains(QStringLiteral("offset")));
        QVERIFY(!live.contains(QStringLiteral("epoch")));
        const QJsonObject confirmed =
            subscribe(c,
                      {{QStringLiteral("pairs"), QStringLiteral("GBP_USD")},
                       {QStringLiteral("recover"),
                        QJsonObject{{QStringLiteral("epoch"), QStringLiteral("x")},
                                    {QStringLiteral("offsets"), QJsonObject{{QStringLiteral("GBP_USD"), 0}}}}}});
        QCOMPARE(dataOf(confirmed).value(QStringLiteral("recovered")).toObject(),
                 (QJsonObject{{QStringLiteral("GBP_USD"), false}}));
    }

    void settingsAreValidated_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::newRow("size negative") << QStringLiteral("WEBSOCKET_HISTORY_SIZE=-1");
        QTest::newRow("size over 10000") << QStringLiteral("WEBSOCKET_HISTORY_SIZE=10001");
        QTest::newRow("ttl 0") << QStringLiteral("WEBSOCKET_HISTORY_TTL=0");
        QTest::newRow("ttl over a day") << QStringLiteral("WEBSOCKET_HISTORY_TTL=86401");
        QTest::newRow("snapshot maybe") << QStringLiteral("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE=maybe");
        QTest::newRow("sio recovery maybe") << QStringLiteral("WEBSOCKET_SIO_RECOVERY=maybe");
    }

    void settingsAreValidated()
    {
        QFETCH(QString, setting);
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config"), QStringLiteral("--set"), setting},
                            &out, &err),
                 2);
        const QString text = QString::fromUtf8(err).trimmed();
        QVERIFY2(text.contains(setting.section(u'=', 0, 0)), qPrintable(text));
        QCOMPARE(text.count(u'\n'), 0);
    }

    void settingsBoundsAndCombination()
    {
        QByteArray out, err;
        // At the bounds: accepted.
        QCOMPARE(runProgram(fx::test::serverBin(),
                            {QStringLiteral("--print-config"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_HISTORY_SIZE=10000"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_HISTORY_TTL=86400"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_SIO_RECOVERY=true"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE=true")},
                            &out, &err),
                 0);
        QVERIFY2(out.contains("WEBSOCKET_HISTORY_SIZE") && out.contains("WEBSOCKET_SIO_RECOVERY"), out.constData());
        // Socket.IO recovery needs a history.
        QCOMPARE(runProgram(fx::test::serverBin(),
                            {QStringLiteral("--print-config"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_HISTORY_SIZE=0"), QStringLiteral("--set"),
                             QStringLiteral("WEBSOCKET_SIO_RECOVERY=true")},
                            &out, &err),
                 2);
        QVERIFY2(err.contains("WEBSOCKET_SIO_RECOVERY") && err.contains("WEBSOCKET_HISTORY_SIZE"), err.constData());
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
