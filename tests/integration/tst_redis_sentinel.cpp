// REDIS.md, "Sentinel": a real master, replica and three redis-sentinel processes on loopback.
// The master is SIGKILLed while a publisher (RedisPublisher following the Sentinels) streams
// prices: the real fxmonitor-server's relay moves to the promoted replica without a restart and
// real WebSocket clients keep receiving prices; the gap is measured and printed. Also: the
// Sentinels' password, a Sentinel answering garbage, every Sentinel down, and the settings that
// may not go together (exit status 2).

#include "support/httpclient.h"
#include "support/redisha.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>

using namespace fx;
using namespace fx::test;

namespace {
const QString kAdminToken = QStringLiteral("redis-sentinel-admin-token-0123");

QJsonObject health(quint16 port)
{
    return adminHealth(port, kAdminToken);
}

QJsonObject redisHealth(quint16 port)
{
    return health(port).value(QStringLiteral("redis")).toObject();
}

QProcessEnvironment sentinelEnv(const QString &sentinels, const QString &password = {})
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("REDIS_SENTINELS"), sentinels);
    env.insert(QStringLiteral("REDIS_SENTINEL_MASTER"), QString::fromLatin1(SentinelSetup::kMaster));
    if (!password.isEmpty())
        env.insert(QStringLiteral("REDIS_SENTINEL_PASSWORD"), password);
    env.insert(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"), kAdminToken);
    return env;
}

redis::RedisConfig sentinelConfig(const QString &sentinels, const QString &password = {})
{
    redis::RedisConfig c;
    QString err;
    core::parseHostPortList(sentinels, &c.sentinels, &err);
    c.sentinelMaster = QString::fromLatin1(SentinelSetup::kMaster);
    c.sentinelPassword = password;
    c.connectTimeoutMs = 1000;
    return c;
}

// Prices every 10 ms through a publisher that follows the Sentinels, with a sequence number.
class PriceStream
{
public:
    explicit PriceStream(const redis::RedisConfig &c) : publisher(c)
    {
        QObject::connect(&timer, &QTimer::timeout, [this] {
            ++seq;
            const QByteArray bid = "1." + QByteArray::number(10000 + seq);
            QString err;
            if (publisher.publish(QStringLiteral("price_updates"),
                                  R"({"instrument":"EUR_USD","price":{"bid":")" + bid + R"(","ask":"9.9"},"seq":)"
                                      + QByteArray::number(seq) + '}',
                                  &err))
                ++published;
            else
                ++failed;
        });
        timer.start(10);
    }
    redis::RedisPublisher publisher;
    QTimer timer;
    int seq = 0;
    int published = 0;
    int failed = 0;
};

// Receipt times of price_update messages at one client.
struct Arrivals
{
    QElapsedTimer clock;
    QList<QPair<qint64, int>> times; // (ms, seq)
    void attach(WsClient &c)
    {
        clock.start();
        QObject::connect(&c.socket(), &QWebSocket::textMessageReceived, [this](const QString &text) {
            const QJsonObject o = QJsonDocument::fromJson(text.toUtf8()).object();
            if (o.value(QStringLiteral("event")).toString() == u"price_update")
                times.append(
                    {clock.elapsed(), o.value(QStringLiteral("data")).toObject().value(QStringLiteral("seq")).toInt()});
        });
    }
    // The longest silence between two prices after `fromMs`: (gap ms, seq before, seq after).
    std::tuple<qint64, int, int> largestGap(qint64 fromMs) const
    {
        std::tuple<qint64, int, int> best{0, 0, 0};
        for (qsizetype i = 1; i < times.size(); ++i)
            if (times[i].first >= fromMs && times[i].first - times[i - 1].first > std::get<0>(best))
                best = {times[i].first - times[i - 1].first, times[i - 1].second, times[i].second};
        return best;
    }
};

// A fake Sentinel on a thread of its own (it must answer while the test thread waits for the
// server): answers AUTH with +OK, SENTINEL get-master-addr-by-name with an invalid address and
// SUBSCRIBE with a confirmation followed by a malformed +switch-master message. Given an
// address, it names that one as the master instead.
class FakeSentinel
{
public:
    explicit FakeSentinel(const QByteArray &host = "127.0.0.1", const QByteArray &port = "99999")
        : m_host(host)
        , m_portText(port)
    {
        m_context.moveToThread(&m_thread);
        m_thread.start();
        QMetaObject::invokeMethod(
            &m_context,
            [this] {
                m_server = new QTcpServer;
                m_server->listen(QHostAddress::LocalHost, 0);
                m_port = m_server->serverPort();
                QObject::connect(m_server, &QTcpServer::newConnection, m_server, [this] {
                    while (QTcpSocket *s = m_server->nextPendingConnection())
                        QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] { answer(s); });
                });
            },
            Qt::BlockingQueuedConnection);
    }
    ~FakeSentinel()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    quint16 port() const { return m_port; }
    // Names this address as the master from now on.
    void name(const QByteArray &host, const QByteArray &port)
    {
        QMutexLocker lock(&m_mutex);
        m_host = host;
        m_portText = port;
    }
    std::atomic<int> queries{0};

private:
    void answer(QTcpSocket *s)
    {
        const QByteArray in = s->readAll();
        if (in.contains("AUTH"))
            s->write("+OK\r\n");
        if (in.contains("get-master-addr-by-name")) {
            ++queries;
            QMutexLocker lock(&m_mutex);
            s->write("*2\r\n$" + QByteArray::number(m_host.size()) + "\r\n" + m_host + "\r\n$"
                     + QByteArray::number(m_portText.size()) + "\r\n" + m_portText + "\r\n");
        }
        if (in.contains("SUBSCRIBE")) {
            const QByteArray msg = "fxmaster 127.0.0.1 1 bad/host 0";
            s->write("*3\r\n$9\r\nsubscribe\r\n$14\r\n+switch-master\r\n:1\r\n"
                     "*3\r\n$7\r\nmessage\r\n$14\r\n+switch-master\r\n$"
                     + QByteArray::number(msg.size()) + "\r\n" + msg + "\r\n");
        }
    }
    QMutex m_mutex;
    QByteArray m_host, m_portText;
    QThread m_thread;
    struct Context : QObject
    {
    } m_context;
    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
};
// From the server's log: the time between the last "+switch-master" line and the first
// "subscribed at" line after it (-1 when either is missing).
qint64 switchToSubscribedMs(const QString &log)
{
    const QStringList lines = log.split(u'\n');
    qsizetype sw = -1;
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines[i].contains(QStringLiteral("Sentinel: master")) && lines[i].contains(QStringLiteral("switched to")))
            sw = i;
    auto stamp = [](const QString &line) { return QDateTime::fromString(line.section(u' ', 0, 0), Qt::ISODateWithMs); };
    for (qsizetype i = sw + 1; sw >= 0 && i < lines.size(); ++i)
        if (lines[i].contains(QStringLiteral("subscribed at")))
            return stamp(lines[sw]).msecsTo(stamp(lines[i]));
    return -1;
}
} // namespace

class TestRedisSentinel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failoverKeepsPricesFlowing()
    {
        SentinelSetup ha;
        QVERIFY(ha.start());
        QVERIFY(ha.waitReady(20000));
        const quint16 firstMaster = ha.server(0).port(), replica = ha.server(1).port();
        // A cached price only in the hashes (never published): warmed at each (re)connect.
        QCOMPARE(redisCommand(firstMaster, {"HSET", "price:GBP_USD", "bid", "1.25", "ask", "1.26"}), QByteArray("2"));

        ServerProcess server;
        QVERIFY(server.start({}, sentinelEnv(ha.sentinelList())));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool(), 10000);
        QJsonObject r = redisHealth(server.port());
        QCOMPARE(r.value(QStringLiteral("via")).toString(), QStringLiteral("sentinel"));
        QCOMPARE(r.value(QStringLiteral("endpoint")).toString(), QStringLiteral("127.0.0.1:%1").arg(firstMaster));
        QCOMPARE(r.value(QStringLiteral("sentinel_master")).toString(), QStringLiteral("fxmaster"));

        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));
        Arrivals arrivals;
        arrivals.attach(c);
        PriceStream stream(sentinelConfig(ha.sentinelList()));
        QTRY_VERIFY_WITH_TIMEOUT(arrivals.times.size() >= 20, 5000);
        QCOMPARE(stream.publisher.endpoint(), QStringLiteral("127.0.0.1:%1").arg(firstMaster));

        const qint64 killedAt = arrivals.clock.elapsed();
        QCOMPARE(ha.killMaster(), 0);
        QVERIFY(ha.waitMaster(1, 20000));
        // Prices flow again through the promoted replica, without restarting anything.
        const qsizetype before = arrivals.times.size();
        QTRY_VERIFY_WITH_TIMEOUT(arrivals.times.size() >= before + 20, 15000);
        const auto [gap, lastBefore, firstAfter] = arrivals.largestGap(killedAt);
        qInfo("Sentinel failover: prices stopped after seq %d and resumed with seq %d: %lld ms without prices "
              "(down-after-milliseconds 1000)",
              lastBefore, firstAfter, gap);
        QVERIFY2(gap < 15000, qPrintable(QString::number(gap)));
        QVERIFY(firstAfter > lastBefore);
        QCOMPARE(stream.publisher.endpoint(), QStringLiteral("127.0.0.1:%1").arg(replica));
        QVERIFY(stream.publisher.masterSwitches() >= 1);
        QVERIFY(c.isConnected());

        // The status names the new master; the cache was warmed again from it.
        QTRY_COMPARE_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("endpoint")).toString(),
                                  QStringLiteral("127.0.0.1:%1").arg(replica), 5000);
        r = redisHealth(server.port());
        QCOMPARE(r.value(QStringLiteral("via")).toString(), QStringLiteral("sentinel"));
        QVERIFY(r.value(QStringLiteral("connected")).toBool());
        QVERIFY(r.value(QStringLiteral("connects")).toInt() >= 2);
        // The subscriber heard the Sentinels' +switch-master (it does not wait for its backoff).
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("master_switches")).toInt() >= 1,
                                 5000);
        qInfo("the relay subscribed on the new master %lld ms after the Sentinel's +switch-master",
              switchToSubscribedMs(server.log()));
        QTRY_VERIFY_WITH_TIMEOUT(server.log().count(QStringLiteral("warmed the price cache")) >= 2, 5000);
        const QJsonObject price =
            c.request(QStringLiteral("request_price"), {{QStringLiteral("instrument"), QStringLiteral("GBP_USD")}},
                      QStringLiteral("price_response"));
        QCOMPARE(price.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("price"))
                     .toObject()
                     .value(QStringLiteral("bid"))
                     .toString(),
                 QStringLiteral("1.25"));
        stream.timer.stop();
        QCOMPARE(server.stop(), 0);
    }

    void sentinelPassword()
    {
        SentinelSetup ha;
        SentinelSetup::Options o;
        o.sentinelPassword = QStringLiteral("sentinel-secret-42");
        o.sentinels = 1;
        QVERIFY(ha.start(o));
        ServerProcess good;
        QVERIFY(good.start({}, sentinelEnv(ha.sentinelList(), o.sentinelPassword)));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(good.port()).value(QStringLiteral("connected")).toBool(), 10000);
        QCOMPARE(redisHealth(good.port()).value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(ha.server(0).port()));

        ServerProcess wrong;
        QVERIFY(wrong.start({}, sentinelEnv(ha.sentinelList(), QStringLiteral("not-the-password"))));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(wrong.port()).value(QStringLiteral("state")).toString() == u"disconnected",
                                 10000);
        const QString reason = redisHealth(wrong.port()).value(QStringLiteral("reason")).toString();
        QVERIFY2(reason.contains(QStringLiteral("AUTH failed")), qPrintable(reason));
        QVERIFY(!reason.contains(QStringLiteral("not-the-password")));
        QVERIFY(!wrong.log().contains(QStringLiteral("not-the-password")));
        QVERIFY(!good.log().contains(o.sentinelPassword));
        QCOMPARE(wrong.stop(), 0);
        QCOMPARE(good.stop(), 0);
    }

    void badSentinelAddress()
    {
        SentinelSetup ha;
        SentinelSetup::Options o;
        o.sentinels = 1;
        QVERIFY(ha.start(o));
        QVERIFY(ha.waitReady(20000));
        FakeSentinel fake; // port 99999
        FakeSentinel namesReplica("127.0.0.1", QByteArray::number(ha.server(1).port()));
        // The fakes first: the bad address is refused and counted, the replica is refused by its
        // ROLE, and the real Sentinel, asked last, names the master.
        ServerProcess server;
        QVERIFY(server.start({},
                             sentinelEnv(QStringLiteral("127.0.0.1:%1,127.0.0.1:%2,%3")
                                             .arg(fake.port())
                                             .arg(namesReplica.port())
                                             .arg(ha.sentinelList()))));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool(), 10000);
        QVERIFY(fake.queries >= 1);
        QVERIFY(namesReplica.queries >= 1);
        QCOMPARE(redisHealth(server.port()).value(QStringLiteral("endpoint")).toString(),
                 QStringLiteral("127.0.0.1:%1").arg(ha.server(0).port()));
        // The bad address and the malformed +switch-master are both counted, logged, and ignored.
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("bad_replies")).toInt() >= 2, 5000);
        // The log is read from the server's stderr pipe: it may come a moment after the counter.
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("refused a malformed Redis reply")), 5000);
        QVERIFY(redisHealth(server.port()).value(QStringLiteral("connected")).toBool());
        QCOMPARE(redisHealth(server.port()).value(QStringLiteral("master_switches")).toInt(), 0);
        QCOMPARE(server.stop(), 0);

        // A publisher skips them the same way.
        redis::RedisPublisher pub(sentinelConfig(QStringLiteral("127.0.0.1:%1,127.0.0.1:%2,%3")
                                                     .arg(fake.port())
                                                     .arg(namesReplica.port())
                                                     .arg(ha.sentinelList())));
        QString err;
        QVERIFY2(pub.publish(QStringLiteral("price_updates"), "{}", &err), qPrintable(err));
        QCOMPARE(pub.endpoint(), QStringLiteral("127.0.0.1:%1").arg(ha.server(0).port()));
        QVERIFY(pub.badReplies() >= 1);
    }

    // A master demoted to a replica answers writes with READONLY: the publisher asks the
    // Sentinels again and retries on the master they name now.
    void publisherFollowsADemotedMaster()
    {
        RedisServer a, b;
        QVERIFY(a.start());
        QVERIFY(b.start({QStringLiteral("--replicaof"), QStringLiteral("127.0.0.1"), QString::number(a.port())}));
        FakeSentinel sentinel("127.0.0.1", QByteArray::number(a.port()));
        redis::RedisPublisher pub(sentinelConfig(QStringLiteral("127.0.0.1:%1").arg(sentinel.port())));
        QString err;
        QVERIFY2(pub.command({"HSET", "price:EUR_USD", "bid", "1.1", "ask", "1.2"}, &err), qPrintable(err));
        QCOMPARE(pub.endpoint(), QStringLiteral("127.0.0.1:%1").arg(a.port()));

        // Swap the roles; a connection opened before the swap now gets READONLY for a write.
        auto before = publisherFor(a.port());
        QVERIFY(before->command({"PING"}, &err));
        QCOMPARE(redisCommand(b.port(), {"REPLICAOF", "NO", "ONE"}), QByteArray("OK"));
        QCOMPARE(redisCommand(a.port(), {"REPLICAOF", "127.0.0.1", QByteArray::number(b.port())}), QByteArray("OK"));
        QVERIFY(!before->command({"SET", "x", "1"}, &err));
        QVERIFY2(err.startsWith(QStringLiteral("READONLY")), qPrintable(err));
        sentinel.name("127.0.0.1", QByteArray::number(b.port()));

        err.clear();
        QVERIFY2(pub.command({"HSET", "price:EUR_USD", "bid", "1.3", "ask", "1.4"}, &err), qPrintable(err));
        QCOMPARE(pub.endpoint(), QStringLiteral("127.0.0.1:%1").arg(b.port()));
        QCOMPARE(pub.masterSwitches(), quint64(1));
        QCOMPARE(redisCommand(b.port(), {"HGET", "price:EUR_USD", "bid"}), QByteArray("1.3"));
    }

    void allSentinelsDown()
    {
        const QString nobody = QStringLiteral("127.0.0.1:%1,127.0.0.1:%2").arg(freePort()).arg(freePort());
        ServerProcess server;
        QVERIFY(server.start({}, sentinelEnv(nobody)));
        QTRY_VERIFY_WITH_TIMEOUT(
            redisHealth(server.port()).value(QStringLiteral("state")).toString() == u"disconnected", 5000);
        const QJsonObject r = redisHealth(server.port());
        QVERIFY2(r.value(QStringLiteral("reason")).toString().contains(QStringLiteral("no Sentinel")),
                 qPrintable(r.value(QStringLiteral("reason")).toString()));
        QCOMPARE(r.value(QStringLiteral("via")).toString(), QStringLiteral("sentinel"));
        QVERIFY(r.contains(QStringLiteral("retry_in_ms")));
        QCOMPARE(health(server.port()).value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        // It keeps trying (each attempt logged, rate-limited) and keeps serving.
        QTRY_VERIFY_WITH_TIMEOUT(server.log().count(QStringLiteral("unavailable")) >= 3, 10000);
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        // A publisher reports the same instead of hanging.
        redis::RedisPublisher pub(sentinelConfig(nobody));
        QString err;
        QElapsedTimer t;
        t.start();
        QVERIFY(!pub.publish(QStringLiteral("price_updates"), "{}", &err));
        QVERIFY2(err.contains(QStringLiteral("no Sentinel")), qPrintable(err));
        QVERIFY(t.elapsed() < 5000);
        QCOMPARE(server.stop(), 0);
    }

    void settingsThatDoNotGoTogether_data()
    {
        QTest::addColumn<QStringList>("vars");
        QTest::addColumn<QString>("named");
        QTest::newRow("sentinels+cluster")
            << QStringList{"REDIS_SENTINELS=127.0.0.1:1", "REDIS_SENTINEL_MASTER=m", "REDIS_CLUSTER_NODES=127.0.0.1:2"}
            << "REDIS_SENTINELS";
        QTest::newRow("sentinels+socket")
            << QStringList{"REDIS_SENTINELS=127.0.0.1:1", "REDIS_SENTINEL_MASTER=m", "REDIS_SOCKET=/tmp/x.sock"}
            << "REDIS_SENTINELS";
        QTest::newRow("no master") << QStringList{"REDIS_SENTINELS=127.0.0.1:1"} << "REDIS_SENTINEL_MASTER";
        QTest::newRow("bad port") << QStringList{"REDIS_SENTINELS=127.0.0.1:65536", "REDIS_SENTINEL_MASTER=m"}
                                  << "REDIS_SENTINELS";
        QTest::newRow("cluster+db") << QStringList{"REDIS_CLUSTER_NODES=127.0.0.1:1", "REDIS_DB=3"} << "REDIS_DB";
    }

    void settingsThatDoNotGoTogether()
    {
        QFETCH(QStringList, vars);
        QFETCH(QString, named);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &v : vars)
            env.insert(v.section(u'=', 0, 0), v.section(u'=', 1));
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--port"), QStringLiteral("0")}, &out, &err, env),
                 2);
        const QList<QByteArray> lines = err.trimmed().split('\n');
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].contains(named.toUtf8()), lines[0].constData());
    }

    // bench/sentinel_failover: FX_BENCH_FAILOVERS failovers in a row, the price gap of each.
    void benchFailovers()
    {
        const int n = qEnvironmentVariableIntValue("FX_BENCH_FAILOVERS");
        if (n <= 0)
            QSKIP("set FX_BENCH_FAILOVERS (bench/sentinel_failover does)");
        SentinelSetup ha;
        QVERIFY(ha.start());
        QVERIFY(ha.waitReady(20000));
        ServerProcess server;
        QVERIFY(server.start({}, sentinelEnv(ha.sentinelList())));
        QTRY_VERIFY_WITH_TIMEOUT(redisHealth(server.port()).value(QStringLiteral("connected")).toBool(), 10000);
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));
        Arrivals arrivals;
        arrivals.attach(c);
        PriceStream stream(sentinelConfig(ha.sentinelList()));
        QList<qint64> gaps;
        for (int i = 0; i < n; ++i) {
            QTRY_VERIFY_WITH_TIMEOUT(arrivals.times.size() >= 20, 10000);
            const qint64 killedAt = arrivals.clock.elapsed();
            const int killed = ha.killMaster();
            QVERIFY(killed >= 0);
            QVERIFY(ha.waitMaster(1 - killed, 30000));
            const qsizetype before = arrivals.times.size();
            QTRY_VERIFY_WITH_TIMEOUT(arrivals.times.size() >= before + 20, 20000);
            const auto [gap, lastBefore, firstAfter] = arrivals.largestGap(killedAt);
            qInfo("failover %d: %lld ms without prices (seq %d -> %d); the relay subscribed on the new master %lld ms "
                  "after the Sentinel's +switch-master",
                  i + 1, gap, lastBefore, firstAfter, switchToSubscribedMs(server.log()));
            gaps << gap;
            // The killed master comes back as a replica of the new one before the next round.
            QVERIFY(ha.restartServer(killed));
            QVERIFY(ha.waitReady(30000));
        }
        std::sort(gaps.begin(), gaps.end());
        qInfo("sentinel_failover: %d failovers, price interruption min %lld ms, median %lld ms, max %lld ms", n,
              gaps.first(), gaps[gaps.size() / 2], gaps.last());
        stream.timer.stop();
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedisSentinel)
#include "tst_redis_sentinel.moc"
