// The Redis relay end to end: PUBLISH on a real redis-server, the real fxmonitor-server, real
// WebSocket clients. Each test case uses its own channel prefix and database so cases never
// see each other's messages.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

// One server wired to the fixture redis with a private prefix and database.
struct Rig
{
    ServerProcess server;
    QString prefix;
    int db = 0;
    std::unique_ptr<redis::RedisPublisher> pub;

    bool start(int database, const QStringList &extra = {})
    {
        db = database;
        prefix = QStringLiteral("t%1:").arg(QRandomGenerator::global()->generate() % 1000000);
        const quint16 port = fixtureRedisPort();
        if (!port) {
            qWarning("no redis fixture: run through ctest (FX_TEST_REDIS_DIR)");
            return false;
        }
        pub = publisherFor(port, db);
        QStringList args{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                         QStringLiteral("--redis-port"), QString::number(port),
                         QStringLiteral("--redis-db"),   QString::number(db),
                         QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix};
        args += extra;
        return server.start(args);
    }
    void publish(const char *channel, const QByteArray &payload)
    {
        QString err;
        QVERIFY2(pub->publish(prefix + QLatin1String(channel), payload, &err), qPrintable(err));
    }
    bool waitRedisConnected(WsClient &c)
    {
        return QTest::qWaitFor(
            [&] {
                const QJsonObject s = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
                return dataOf(s).value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool();
            },
            10000);
    }
    // A data_ready of type "barrier" reaches every client after everything published before it
    // (the server relays in order): what a client got before it is all the earlier ones brought.
    static bool isBarrier(const QJsonObject &e)
    {
        return e.value(QStringLiteral("event")).toString() == u"data_ready"
            && dataOf(e).value(QStringLiteral("data_type")).toString() == u"barrier";
    }
};

QJsonObject subscribe(WsClient &c, const QJsonValue &pairs)
{
    return c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), pairs}},
                     QStringLiteral("subscription_confirmed"));
}

} // namespace

class TestRedisRelay : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKindReachesExactlyItsAudience()
    {
        Rig rig;
        QVERIFY(rig.start(1));
        WsClient eur, gbp, both, none;
        for (WsClient *c : {&eur, &gbp, &both, &none})
            QVERIFY(c->connectTo(rig.server.wsUrl()));
        QVERIFY(rig.waitRedisConnected(none));
        subscribe(eur, QJsonArray{QStringLiteral("EUR_USD")});
        subscribe(gbp, QJsonArray{QStringLiteral("GBP_USD")});
        subscribe(both, QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")});

        rig.publish(
            "price_updates",
            R"({"instrument":"EUR_USD","price":{"bid":"1.09450","ask":"1.09470","mid":"1.09460","time":"2025-11-18T12:30:00.000000"},"source":"oanda"})");
        rig.publish("volatility_alerts",
                    R"({"instrument":"GBP_USD","volatility":0.0234,"threshold":0.02,"severity":"critical"})");
        rig.publish(
            "correlation_alerts",
            R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.62,"previous_correlation":0.85,"change":-0.23,"threshold":0.2,"severity":"warning","message":"EUR/GBP decoupling","timestamp":"2025-11-18T00:00:00Z"})");
        rig.publish("data_ready", R"({"data_type":"correlation","instruments":["EUR_USD","GBP_USD"]})");
        // A barrier: relayed in order after the four, it ends what each client gets from them.
        rig.publish("data_ready", R"({"data_type":"barrier"})");

        auto events = [](WsClient &c) {
            QList<QJsonObject> got = c.takeUntil(Rig::isBarrier);
            if (got.isEmpty())
                return QStringList{QStringLiteral("(no barrier)")};
            got.removeLast();
            QStringList names;
            for (const QJsonObject &e : got + c.takeAll()) // nothing may follow the barrier either
                names << e.value(QStringLiteral("event")).toString();
            return names;
        };
        // Re-publish a second price to read its payload in detail below.
        QCOMPARE(events(eur),
                 (QStringList{QStringLiteral("price_update"), QStringLiteral("correlation_alert"),
                              QStringLiteral("data_ready")}));
        QCOMPARE(events(gbp),
                 (QStringList{QStringLiteral("volatility_alert"), QStringLiteral("correlation_alert"),
                              QStringLiteral("data_ready")}));
        QCOMPARE(events(both),
                 (QStringList{QStringLiteral("price_update"), QStringLiteral("volatility_alert"),
                              QStringLiteral("correlation_alert"), QStringLiteral("data_ready")}));
        QCOMPARE(events(none), QStringList{QStringLiteral("data_ready")});
    }

    void exactPayloads()
    {
        Rig rig;
        QVERIFY(rig.start(2));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        QVERIFY(rig.waitRedisConnected(c));
        subscribe(c, QStringLiteral("all"));

        // Numbers keep the digits they were published with; mid is computed exactly when absent.
        rig.publish("price_updates", R"({"instrument":"USD_JPY","price":{"bid":150.100,"ask":150.112},"venue":"x"})");
        QJsonObject d = dataOf(c.waitFor(QStringLiteral("price_update")));
        QCOMPARE(d.value(QStringLiteral("instrument")).toString(), QStringLiteral("USD_JPY"));
        const QJsonObject price = d.value(QStringLiteral("price")).toObject();
        QCOMPARE(price.value(QStringLiteral("bid")).toString(), QStringLiteral("150.100"));
        QCOMPARE(price.value(QStringLiteral("ask")).toString(), QStringLiteral("150.112"));
        QCOMPARE(price.value(QStringLiteral("mid")).toString(), QStringLiteral("150.106"));
        QVERIFY(!price.value(QStringLiteral("time")).toString().isEmpty());
        QVERIFY(d.value(QStringLiteral("timestamp")).toString().endsWith(u'Z'));
        QCOMPARE(d.value(QStringLiteral("venue")).toString(), QStringLiteral("x")); // extra field passed through
        QCOMPARE(d.keys(),
                 (QStringList{QStringLiteral("instrument"), QStringLiteral("price"), QStringLiteral("timestamp"),
                              QStringLiteral("venue")}));

        rig.publish("volatility_alerts", R"({"instrument":"EUR_USD","volatility":0.0234,"threshold":0.02})");
        d = dataOf(c.waitFor(QStringLiteral("volatility_alert")));
        QCOMPARE(d.value(QStringLiteral("volatility")).toDouble(), 0.0234);
        QCOMPARE(d.value(QStringLiteral("threshold")).toDouble(), 0.02);
        QCOMPARE(d.value(QStringLiteral("severity")).toString(), QStringLiteral("warning")); // the default
        QCOMPARE(d.value(QStringLiteral("message")).toString(),
                 QStringLiteral("Volatility (0.0234) exceeded threshold (0.02)"));
        for (const char *k : {"instrument", "volatility", "threshold", "severity", "message", "timestamp"})
            QVERIFY2(d.contains(QLatin1String(k)), k);

        rig.publish("correlation_alerts",
                    R"({"pair_a":"EUR_USD","pair_b":"USD_CHF","correlation":-0.91,"previous_correlation":-0.60})");
        d = dataOf(c.waitFor(QStringLiteral("correlation_alert")));
        QCOMPARE(d.value(QStringLiteral("instruments")).toArray(),
                 (QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("USD_CHF")}));
        QVERIFY(qAbs(d.value(QStringLiteral("change")).toDouble() - (-0.31)) < 1e-9);
        for (const char *k : {"instruments", "correlation", "previous_correlation", "change", "threshold", "severity",
                              "message", "timestamp"})
            QVERIFY2(d.contains(QLatin1String(k)), k);

        rig.publish("data_ready", R"({"data_type":"volatility"})");
        d = dataOf(c.waitFor(QStringLiteral("data_ready")));
        QCOMPARE(d.value(QStringLiteral("data_type")).toString(), QStringLiteral("volatility"));
        QCOMPARE(d.value(QStringLiteral("instruments")).toArray(), QJsonArray{});
        QCOMPARE(d.value(QStringLiteral("message")).toString(), QStringLiteral("New volatility data available"));
    }

    void batchOf500InOrder()
    {
        Rig rig;
        QVERIFY(rig.start(3));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        QVERIFY(rig.waitRedisConnected(c));
        subscribe(c, QStringLiteral("all"));
        const QStringList pairs{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY"),
                                QStringLiteral("AUD_NZD")};
        QJsonArray batch;
        for (int i = 0; i < 500; ++i) {
            const QString pair = pairs[i % pairs.size()];
            const QString bid = pair.endsWith(u"JPY") ? QStringLiteral("150.%1").arg(100 + i, 3, 10, QChar(u'0'))
                                                      : QStringLiteral("1.%1").arg(10000 + i, 5, 10, QChar(u'0'));
            batch.append(QJsonObject{
                {QStringLiteral("instrument"), pair},
                {QStringLiteral("price"), QJsonObject{{QStringLiteral("bid"), bid}, {QStringLiteral("ask"), bid}}},
                {QStringLiteral("seq"), i}});
        }
        rig.publish("price_updates", QJsonDocument(batch).toJson(QJsonDocument::Compact));
        QTRY_VERIFY_WITH_TIMEOUT(c.count(QStringLiteral("price_update")) >= 500, 10000);
        // A barrier: the reply to a request comes after every update already on its way.
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        const QList<QJsonObject> got = c.take(QStringLiteral("price_update"));
        QCOMPARE(got.size(), 500);
        QHash<QString, int> lastSeq;
        for (const QJsonObject &e : got) {
            const QJsonObject d = dataOf(e);
            const QString pair = d.value(QStringLiteral("instrument")).toString();
            const int seq = d.value(QStringLiteral("seq")).toInt();
            QVERIFY2(seq > lastSeq.value(pair, -1), "out of order within an instrument");
            lastSeq[pair] = seq;
        }
        // request_price returns what was last published.
        const QJsonObject r =
            c.request(QStringLiteral("request_price"), {{QStringLiteral("instrument"), QStringLiteral("AUD_NZD")}},
                      QStringLiteral("price_response"));
        QCOMPARE(dataOf(r).value(QStringLiteral("seq")).toInt(), 499);
        QCOMPARE(dataOf(r).value(QStringLiteral("price")).toObject().value(QStringLiteral("bid")).toString(),
                 QStringLiteral("1.10499"));
    }

    void cacheWarmUp()
    {
        const quint16 port = fixtureRedisPort();
        QVERIFY(port);
        auto pub = publisherFor(port, 4);
        QString err;
        QVERIFY2(pub->command({"HSET", "price:EUR_USD", "bid", "1.08412", "ask", "1.08421", "mid", "1.084165", "time",
                               "2025-11-18T12:30:00.000000Z"},
                              &err),
                 qPrintable(err));
        QVERIFY(pub->command({"HSET", "price:USD_JPY", "bid", "150.101", "ask", "150.112"}, &err));
        QVERIFY(pub->command({"HSET", "price:GBP_USD", "bid", "oops", "ask", "1.2"}, &err)); // ignored, not fatal
        Rig rig;
        QVERIFY(rig.start(4));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        QVERIFY(rig.waitRedisConnected(c));
        QJsonObject r =
            c.request(QStringLiteral("request_price"), {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                      QStringLiteral("price_response"));
        QCOMPARE(dataOf(r).value(QStringLiteral("price")).toObject().value(QStringLiteral("mid")).toString(),
                 QStringLiteral("1.084165"));
        QCOMPARE(dataOf(r).value(QStringLiteral("price")).toObject().value(QStringLiteral("time")).toString(),
                 QStringLiteral("2025-11-18T12:30:00.000000Z"));
        r = c.request(QStringLiteral("request_all_prices"), {}, QStringLiteral("all_prices_response"));
        QCOMPARE(dataOf(r).value(QStringLiteral("count")).toInt(), 2);
        QCOMPARE(dataOf(r)
                     .value(QStringLiteral("prices"))
                     .toObject()
                     .value(QStringLiteral("USD_JPY"))
                     .toObject()
                     .value(QStringLiteral("mid"))
                     .toString(),
                 QStringLiteral("150.1065"));
        // Warm-up fills the cache but is not broadcast as updates: after subscribing, the first
        // price_update is one published later.
        subscribe(c, QStringLiteral("all"));
        rig.publish("price_updates", R"({"instrument":"AUD_USD","price":{"bid":"0.6501","ask":"0.6503"}})");
        const QList<QJsonObject> first = c.takeUntil(
            [](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == u"price_update"; });
        QVERIFY(!first.isEmpty());
        QCOMPARE(dataOf(first.last()).value(QStringLiteral("instrument")).toString(), QStringLiteral("AUD_USD"));
        pub->command({"FLUSHDB"}, &err);
    }

    void malformedAreDroppedAndCounted_data()
    {
        QTest::addColumn<QString>("channel");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << "price_updates" << QByteArray("hello") << "not_json";
        QTest::newRow("not an object") << "volatility_alerts" << QByteArray("[1]") << "not_object";
        QTest::newRow("missing instrument")
            << "price_updates" << QByteArray(R"({"price":{"bid":"1","ask":"2"}})") << "missing_field";
        QTest::newRow("missing bid") << "price_updates" << QByteArray(R"({"instrument":"EUR_USD","price":{"ask":"2"}})")
                                     << "missing_field";
        QTest::newRow("wrong type") << "price_updates"
                                    << QByteArray(R"({"instrument":"EUR_USD","price":{"bid":true,"ask":"2"}})")
                                    << "wrong_type";
        QTest::newRow("price not object")
            << "price_updates" << QByteArray(R"({"instrument":"EUR_USD","price":"1.1"})") << "wrong_type";
        QTest::newRow("NaN") << "price_updates"
                             << QByteArray(R"({"instrument":"EUR_USD","price":{"bid":"NaN","ask":"2"}})")
                             << "non_finite";
        QTest::newRow("Infinity") << "volatility_alerts"
                                  << QByteArray(R"({"instrument":"EUR_USD","volatility":"Infinity"})") << "non_finite";
        QTest::newRow("unknown pair") << "price_updates"
                                      << QByteArray(R"({"instrument":"ABC_XYZ","price":{"bid":"1","ask":"2"}})")
                                      << "unknown_pair";
        QTest::newRow("bid > ask") << "price_updates"
                                   << QByteArray(R"({"instrument":"EUR_USD","price":{"bid":"1.2","ask":"1.1"}})")
                                   << "bid_above_ask";
        QTest::newRow("negative") << "price_updates"
                                  << QByteArray(R"({"instrument":"EUR_USD","price":{"bid":"-1","ask":"1.1"}})")
                                  << "out_of_range";
        QTest::newRow("1 MB") << "price_updates" << QByteArray(1024 * 1024, ' ') << "too_large";
        QTest::newRow("corr one pair") << "correlation_alerts"
                                       << QByteArray(R"({"instruments":["EUR_USD"],"correlation":0.5})")
                                       << "out_of_range";
        QTest::newRow("corr > 1") << "correlation_alerts"
                                  << QByteArray(R"({"instruments":["EUR_USD","GBP_USD"],"correlation":1.5})")
                                  << "out_of_range";
        QTest::newRow("severity") << "volatility_alerts"
                                  << QByteArray(R"({"instrument":"EUR_USD","volatility":0.1,"severity":"apocalyptic"})")
                                  << "out_of_range";
        QTest::newRow("data_ready no type") << "data_ready" << QByteArray(R"({"instruments":[]})") << "missing_field";
        QTest::newRow("empty batch") << "price_updates" << QByteArray("[]") << "empty_batch";
    }

    void malformedAreDroppedAndCounted()
    {
        QFETCH(QString, channel);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        Rig rig;
        QVERIFY(rig.start(5));
        WsClient c;
        QVERIFY(c.connectTo(rig.server.wsUrl()));
        QVERIFY(rig.waitRedisConnected(c));
        subscribe(c, QStringLiteral("all"));
        rig.publish(channel.toLatin1().constData(), payload);
        // The next valid message on the same channel still flows.
        const QByteArray valid = channel == u"price_updates"
            ? QByteArray(R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})")
            : channel == u"volatility_alerts" ? QByteArray(R"({"instrument":"EUR_USD","volatility":0.1})")
            : channel == u"correlation_alerts"
            ? QByteArray(R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.5})")
            : QByteArray(R"({"data_type":"x"})");
        rig.publish(channel.toLatin1().constData(), valid);
        const QString expected = channel == u"price_updates" ? QStringLiteral("price_update")
            : channel == u"volatility_alerts"                ? QStringLiteral("volatility_alert")
            : channel == u"correlation_alerts"               ? QStringLiteral("correlation_alert")
                                                             : QStringLiteral("data_ready");
        QVERIFY(!c.waitFor(expected).isEmpty());
        QVERIFY(c.takeAll().isEmpty()); // the bad one produced nothing
        const QJsonObject redis =
            dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("redis"))
                .toObject();
        const QString full = rig.prefix + channel;
        const QJsonObject dropped = redis.value(QStringLiteral("dropped")).toObject().value(full).toObject();
        QCOMPARE(dropped.value(reason).toInt(), 1);
        QCOMPARE(redis.value(QStringLiteral("messages")).toObject().value(full).toInt(), 2);
        QVERIFY(rig.server.log().contains(QStringLiteral("dropped a message on ") + full));
        // ... and on /metrics for the operator's monitoring.
        const QByteArray metrics = httpRequest(rig.server.port(), "GET", "/metrics").body;
        QVERIFY2(metrics.contains("fxmonitor_redis_dropped_total{channel=\"" + full.toUtf8() + "\",reason=\""
                                  + reason.toUtf8() + "\"} 1\n"),
                 metrics.constData());
        QVERIFY(metrics.contains("fxmonitor_redis_messages_total{channel=\"" + full.toUtf8() + "\"} 2\n"));
    }

    void prefixAndUnixSocket()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-socket"), redis.socketPath(), QStringLiteral("--set"),
                              QStringLiteral("REDIS_CHANNEL_PREFIX=fx:")}));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(
            dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("redis"))
                .toObject()
                .value(QStringLiteral("connected"))
                .toBool(),
            5000);
        const QJsonObject redisStatus =
            dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("redis"))
                .toObject();
        QVERIFY(redisStatus.value(QStringLiteral("endpoint")).toString().startsWith(QStringLiteral("unix:")));
        QVERIFY(redisStatus.value(QStringLiteral("channels")).toArray().contains(QStringLiteral("fx:price_updates")));
        subscribe(c, QStringLiteral("all"));
        auto pub = publisherFor(redis.port());
        QString err;
        QVERIFY(pub->publish(QStringLiteral("price_updates"),
                             R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})", &err));
        QVERIFY(pub->publish(QStringLiteral("fx:price_updates"),
                             R"({"instrument":"EUR_USD","price":{"bid":"1.3","ask":"1.4"}})", &err));
        const QJsonObject d = dataOf(c.waitFor(QStringLiteral("price_update")));
        QCOMPARE(d.value(QStringLiteral("price")).toObject().value(QStringLiteral("bid")).toString(),
                 QStringLiteral("1.3"));
        // Nothing else: once more in the same order, with a later prefixed price as the barrier.
        QVERIFY(pub->publish(QStringLiteral("price_updates"),
                             R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})", &err));
        QVERIFY(pub->publish(QStringLiteral("fx:price_updates"),
                             R"({"instrument":"EUR_USD","price":{"bid":"1.5","ask":"1.6"}})", &err));
        const QList<QJsonObject> rest = c.takeUntil(
            [](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == u"price_update"; });
        QCOMPARE(rest.size(), 1);
        QCOMPARE(dataOf(rest.first()).value(QStringLiteral("price")).toObject().value(QStringLiteral("bid")).toString(),
                 QStringLiteral("1.5"));
    }
};

QTEST_GUILESS_MAIN(TestRedisRelay)
#include "tst_redis_relay.moc"
