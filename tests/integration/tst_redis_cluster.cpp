// REDIS.md, "Cluster": a real three-master Redis Cluster on loopback (redis-cli --cluster
// create). The real fxmonitor-server subscribes through one node, reads the price:<PAIR> hashes
// of every node through MOVED (and through ASK during a manual slot migration), and moves to
// another node when its node is SIGKILLed while prices keep reaching real WebSocket clients.
// The publisher (RedisPublisher) follows MOVED/ASK for HSET and publishes through any node.

#include "redis/redisreplies.h"
#include "support/httpclient.h"
#include "support/redisha.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace fx;
using namespace fx::test;

namespace {
const QString kAdminToken = QStringLiteral("redis-cluster-admin-token-0123");

QJsonObject redisHealth(quint16 port)
{
    return adminHealth(port, kAdminToken).value(QStringLiteral("redis")).toObject();
}

redis::RedisConfig clusterConfig(const ClusterSetup &cluster)
{
    redis::RedisConfig c;
    QString err;
    core::parseHostPortList(cluster.nodeList(), &c.clusterNodes, &err);
    c.connectTimeoutMs = 1000;
    return c;
}

QProcessEnvironment clusterEnv(const ClusterSetup &cluster)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REDIS_CLUSTER_NODES"), cluster.nodeList());
    env.insert(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"), kAdminToken);
    return env;
}

QString bidOf(WsClient &c, const QString &pair)
{
    return c
        .request(QStringLiteral("request_price"), {{QStringLiteral("instrument"), pair}},
                 QStringLiteral("price_response"))
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("price"))
        .toObject()
        .value(QStringLiteral("bid"))
        .toString();
}

const QStringList kPairs{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY"),
                         QStringLiteral("AUD_USD"), QStringLiteral("USD_CAD"), QStringLiteral("USD_CHF"),
                         QStringLiteral("NZD_USD"), QStringLiteral("EUR_GBP")};
} // namespace

class TestRedisCluster : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void subscribeReadThroughMovedAndSurviveANode()
    {
        ClusterSetup cluster;
        QVERIFY(cluster.start(3));
        // Our slot hash agrees with the cluster's.
        for (const QString &p : kPairs) {
            const QByteArray key = "price:" + p.toUtf8();
            QCOMPARE(redis::keySlot(key), redisCommand(cluster.node(0).port(), {"CLUSTER", "KEYSLOT", key}).toInt());
        }

        // The publisher writes every hash through node 0, following MOVED to the owners.
        redis::RedisPublisher pub(clusterConfig(cluster));
        QSet<int> owners;
        for (qsizetype i = 0; i < kPairs.size(); ++i) {
            QString err;
            QVERIFY2(
                pub.command({"HSET", "price:" + kPairs[i].toUtf8(), "bid", "1.1" + QByteArray::number(i), "ask", "2.2"},
                            &err),
                qPrintable(err));
            owners << cluster.nodeOfKey("price:" + kPairs[i].toUtf8());
        }
        QVERIFY2(owners.size() >= 2, "the keys should live on more than one node");
        QVERIFY(pub.redirects() >= 1);
        QCOMPARE(pub.via(), QStringLiteral("cluster"));

        ServerProcess server;
        QVERIFY(server.start({}, clusterEnv(cluster)));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool(), 10000);
        QJsonObject r = redisHealth(server.port());
        QCOMPARE(r.value(QStringLiteral("via")).toString(), QStringLiteral("cluster"));
        QCOMPARE(r.value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(cluster.node(0).port()));

        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        // Every hash was warmed, those on node 0 directly and the others through MOVED.
        for (qsizetype i = 0; i < kPairs.size(); ++i)
            QTRY_COMPARE_WITH_TIMEOUT(bidOf(c, kPairs[i]), QStringLiteral("1.1%1").arg(i), 5000);
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));

        int seq = 0;
        QTimer stream;
        QObject::connect(&stream, &QTimer::timeout, [&] {
            QString err;
            pub.publish(QStringLiteral("price_updates"),
                        R"({"instrument":"EUR_USD","price":{"bid":"1.5","ask":"1.6"},"seq":)"
                            + QByteArray::number(++seq) + '}',
                        &err);
        });
        stream.start(10);
        QVERIFY(!c.waitFor(QStringLiteral("price_update"), 5000).isEmpty());

        // Node 0 dies: the subscriber moves to another node, the publisher too, prices flow on.
        cluster.node(0).kill9();
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool()
                                     && redisHealth(server.port()).value(QStringLiteral("endpoint")).toString()
                                         != QStringLiteral("127.0.0.1:%1").arg(cluster.node(0).port()),
                                 15000);
        c.takeAll();
        QVERIFY(!c.waitFor(QStringLiteral("price_update"), 5000).isEmpty());
        QVERIFY(pub.endpoint() != QStringLiteral("127.0.0.1:%1").arg(cluster.node(0).port()));
        r = redisHealth(server.port());
        QVERIFY(r.value(QStringLiteral("connects")).toInt() >= 2);
        QCOMPARE(r.value(QStringLiteral("via")).toString(), QStringLiteral("cluster"));
        stream.stop();
        QCOMPARE(server.stop(), 0);
    }

    void askDuringSlotMigration()
    {
        ClusterSetup cluster;
        QVERIFY(cluster.start(3));
        const QString pair = QStringLiteral("USD_CHF");
        const QByteArray key = "price:" + pair.toUtf8();
        const int from = cluster.nodeOfKey(key);
        QVERIFY(from >= 0);
        const int to = (from + 1) % cluster.size();
        const quint16 fromPort = cluster.node(from).port(), toPort = cluster.node(to).port();
        const QByteArray slot = QByteArray::number(redis::keySlot(key));
        const QByteArray fromId = redisCommand(fromPort, {"CLUSTER", "MYID"}),
                         toId = redisCommand(toPort, {"CLUSTER", "MYID"});
        QCOMPARE(redisCommand(toPort, {"CLUSTER", "SETSLOT", slot, "IMPORTING", fromId}), QByteArray("OK"));
        QCOMPARE(redisCommand(fromPort, {"CLUSTER", "SETSLOT", slot, "MIGRATING", toId}), QByteArray("OK"));

        // A new key of a migrating slot: the owner answers ASK; the publisher asks the target.
        redis::RedisConfig config = clusterConfig(cluster);
        config.clusterNodes = {core::HostPort{QStringLiteral("127.0.0.1"), fromPort}};
        redis::RedisPublisher pub(config);
        QString err;
        QVERIFY2(pub.command({"HSET", key, "bid", "0.91", "ask", "0.92"}, &err), qPrintable(err));
        QVERIFY(pub.redirects() >= 1);
        // Written on the importing node (readable there after ASKING), not on the old owner.
        auto importing = publisherFor(toPort);
        QByteArray bid;
        QVERIFY(importing->command({"ASKING"}, &err));
        QVERIFY2(importing->command({"HGET", key, "bid"}, &err, &bid), qPrintable(err));
        QCOMPARE(bid, QByteArray("0.91"));
        QVERIFY(redisCommand(fromPort, {"HGET", key, "bid"}).isEmpty()); // the old owner answers ASK

        // The server subscribed through the old owner reads the hash through ASK.
        QProcessEnvironment env = clusterEnv(cluster);
        env.insert(QStringLiteral("REDIS_CLUSTER_NODES"), QStringLiteral("127.0.0.1:%1").arg(fromPort));
        ServerProcess server;
        QVERIFY(server.start({}, env));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool(), 10000);
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_COMPARE_WITH_TIMEOUT(bidOf(c, pair), QStringLiteral("0.91"), 5000);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedisCluster)
#include "tst_redis_cluster.moc"
