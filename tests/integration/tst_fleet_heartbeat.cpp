// ARCHITECTURE.md, "Fleet heartbeat": three real fxmonitor-server processes on one real
// redis-server, each with its own WEBSOCKET_SERVER_ID, watched through a raw RESP subscription
// to the fleet channel: every field and its type, seq rising, the key and its expiry, clients
// and rooms counted once a real WebSocket client subscribes, latency p50/p99 once prices flow,
// the leave message and the key removed at SIGTERM, the key expiring after SIGKILL, and the
// heartbeats resuming after Redis is killed and restarted on the same port.

#include "core/timeutil.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <cmath>
#include <csignal>

using namespace fx;
using namespace fx::test;

namespace {

const QString kChannel = QStringLiteral("fxmonitor:fleet");

// A raw RESP client subscribed to one channel: the messages' payloads, parsed as JSON.
class RawSubscriber
{
public:
    bool start(quint16 port, const QString &channel)
    {
        m_channel = channel.toUtf8();
        m_buf.clear();
        m_sock.abort();
        m_sock.connectToHost(QHostAddress::LocalHost, port);
        if (!m_sock.waitForConnected(3000))
            return false;
        m_sock.write("*2\r\n$9\r\nSUBSCRIBE\r\n$" + QByteArray::number(m_channel.size()) + "\r\n" + m_channel + "\r\n");
        // The confirmation: ["subscribe", channel, 1].
        QList<QByteArray> reply;
        for (int i = 0; i < 30 && reply.isEmpty(); ++i) {
            m_sock.waitForReadyRead(100);
            m_buf += m_sock.readAll();
            reply = nextArray();
        }
        return reply.size() == 3 && reply.at(0) == "subscribe";
    }

    // Reads what arrived; every "message" payload as a JSON object (invalid JSON: an empty one).
    void poll()
    {
        m_buf += m_sock.readAll();
        for (;;) {
            const QList<QByteArray> a = nextArray();
            if (a.isEmpty())
                return;
            if (a.size() == 3 && a.at(0) == "message" && a.at(1) == m_channel) {
                raw << a.at(2);
                messages << QJsonDocument::fromJson(a.at(2)).object();
            }
        }
    }

    // The messages of one server and type received so far.
    QList<QJsonObject> of(const QString &serverId, const QString &type = QStringLiteral("heartbeat"))
    {
        poll();
        QList<QJsonObject> out;
        for (const QJsonObject &m : std::as_const(messages))
            if (m.value(QStringLiteral("server_id")).toString() == serverId
                && m.value(QStringLiteral("type")).toString() == type)
                out << m;
        return out;
    }

    QList<QJsonObject> messages;
    QList<QByteArray> raw;

private:
    // One complete array of bulk strings or integers off the buffer; empty when incomplete.
    QList<QByteArray> nextArray()
    {
        qsizetype pos = 0;
        auto line = [&](QByteArray *out) {
            const qsizetype end = m_buf.indexOf("\r\n", pos);
            if (end < 0)
                return false;
            *out = m_buf.mid(pos, end - pos);
            pos = end + 2;
            return true;
        };
        QByteArray head;
        if (!line(&head) || !head.startsWith('*'))
            return {};
        const int n = head.mid(1).toInt();
        QList<QByteArray> out;
        for (int i = 0; i < n; ++i) {
            QByteArray h;
            if (!line(&h))
                return {};
            if (h.startsWith(':')) {
                out << h.mid(1);
                continue;
            }
            const qsizetype len = h.mid(1).toLongLong();
            if (m_buf.size() < pos + len + 2)
                return {};
            out << m_buf.mid(pos, len);
            pos += len + 2;
        }
        m_buf.remove(0, pos);
        return out;
    }

    QTcpSocket m_sock;
    QByteArray m_buf;
    QByteArray m_channel;
};

QProcessEnvironment envWithId(const QString &id)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBSOCKET_SERVER_ID"), id);
    return env;
}

bool isCount(const QJsonValue &v)
{
    return v.isDouble() && std::isfinite(v.toDouble()) && v.toDouble() >= 0 && v.toDouble() == std::floor(v.toDouble());
}

QByteArray price(const char *pair, int n)
{
    return QStringLiteral(R"({"instrument":"%1","price":{"bid":"1.%2","ask":"1.%3","time":"%4"}})")
        .arg(QLatin1String(pair))
        .arg(1000 + n)
        .arg(1002 + n)
        .arg(core::isoNow())
        .toUtf8();
}

} // namespace

class TestFleetHeartbeat : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    std::unique_ptr<redis::RedisPublisher> m_pub;
    RawSubscriber m_sub;
    ServerProcess m_a, m_b, m_c;

    QStringList redisArgs() const
    {
        return {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                QString::number(m_redis.port())};
    }

    QByteArray command(const QList<QByteArray> &args)
    {
        QString err;
        QByteArray reply;
        if (!m_pub->command(args, &err, &reply))
            qWarning("redis: %s", qPrintable(err));
        return reply;
    }

    // The newest heartbeat of a server once pred accepts it (empty on timeout).
    QJsonObject waitHeartbeat(const QString &id, const std::function<bool(const QJsonObject &)> &pred, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            const QList<QJsonObject> hs = m_sub.of(id);
            if (!hs.isEmpty() && pred(hs.last()))
                return hs.last();
            QTest::qWait(50);
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_redis.start());
        m_pub = publisherFor(m_redis.port());
        QVERIFY(m_sub.start(m_redis.port(), kChannel));
        QVERIFY(m_a.start(redisArgs(), envWithId(QStringLiteral("fleet-a"))));
        QVERIFY(m_b.start(redisArgs(), envWithId(QStringLiteral("fleet-b"))));
        QVERIFY(m_c.start(redisArgs(), envWithId(QStringLiteral("fleet-c"))));
    }

    void everyFieldAndType()
    {
        for (const QString &id : {QStringLiteral("fleet-a"), QStringLiteral("fleet-b"), QStringLiteral("fleet-c")}) {
            QTRY_VERIFY_WITH_TIMEOUT(m_sub.of(id).size() >= 3, 10000);
            const QList<QJsonObject> hs = m_sub.of(id);
            const QJsonObject h = hs.last();
            QCOMPARE(h.value(QStringLiteral("type")).toString(), QStringLiteral("heartbeat"));
            QCOMPARE(h.value(QStringLiteral("schema")).toInt(), 1);
            QCOMPARE(h.value(QStringLiteral("server_id")).toString(), id);
            QVERIFY(!h.value(QStringLiteral("version")).toString().isEmpty());
            QCOMPARE(h.value(QStringLiteral("mode")).toString(), QStringLiteral("headless"));
            QVERIFY(!h.value(QStringLiteral("host")).toString().isEmpty());
            QVERIFY(isCount(h.value(QStringLiteral("pid"))) && h.value(QStringLiteral("pid")).toInteger() > 0);
            const ServerProcess &p = id == u"fleet-a" ? m_a : id == u"fleet-b" ? m_b : m_c;
            QCOMPARE(h.value(QStringLiteral("pid")).toInteger(), const_cast<ServerProcess &>(p).pid());
            QCOMPARE(h.value(QStringLiteral("listen")).toString(), QStringLiteral("127.0.0.1:%1").arg(p.port()));
            QVERIFY(h.value(QStringLiteral("tls")).isBool());
            QCOMPARE(h.value(QStringLiteral("tls")).toBool(), false);
            const qint64 now = core::nowMillis();
            const qint64 started = h.value(QStringLiteral("started_at")).toInteger();
            QVERIFY2(started > now - 60000 && started <= now, qPrintable(QString::number(started)));
            QVERIFY(h.value(QStringLiteral("uptime_s")).isDouble()
                    && h.value(QStringLiteral("uptime_s")).toDouble() >= 0);
            const qint64 time = h.value(QStringLiteral("time")).toInteger();
            QVERIFY(time >= started && time <= now);
            QCOMPARE(h.value(QStringLiteral("interval_ms")).toInt(), 1000);
            for (const char *k : {"seq", "clients", "rooms", "conflated", "dropped"})
                QVERIFY2(isCount(h.value(QLatin1String(k))), k);
            for (const char *k : {"messages_per_s", "bytes_per_s"})
                QVERIFY2(h.value(QLatin1String(k)).isDouble() && h.value(QLatin1String(k)).toDouble() >= 0, k);
            const QJsonObject redis = h.value(QStringLiteral("redis")).toObject();
            QCOMPARE(redis.value(QStringLiteral("state")).toString(), QStringLiteral("connected"));
            QCOMPARE(redis.value(QStringLiteral("endpoint")).toString(),
                     QStringLiteral("127.0.0.1:%1").arg(m_redis.port()));
            QCOMPARE(redis.value(QStringLiteral("via")).toString(), QStringLiteral("direct"));
            const QJsonObject db = h.value(QStringLiteral("database")).toObject();
            QTRY_COMPARE_WITH_TIMEOUT(m_sub.of(id)
                                          .last()
                                          .value(QStringLiteral("database"))
                                          .toObject()
                                          .value(QStringLiteral("state"))
                                          .toString(),
                                      QStringLiteral("ok"), 5000);
            QCOMPARE(db.value(QStringLiteral("driver")).toString(), QStringLiteral("sqlite"));
            QVERIFY(h.contains(QStringLiteral("latency_ms")));
            QVERIFY(h.value(QStringLiteral("latency_ms")).isNull()); // nothing delivered yet
            // seq: from 1, +1 per heartbeat.
            QCOMPARE(hs.first().value(QStringLiteral("seq")).toInteger(), 1);
            for (qsizetype i = 1; i < hs.size(); ++i)
                QCOMPARE(hs.at(i).value(QStringLiteral("seq")).toInteger(),
                         hs.at(i - 1).value(QStringLiteral("seq")).toInteger() + 1);
        }
        // Compact JSON, well under 4 KiB.
        for (const QByteArray &r : std::as_const(m_sub.raw)) {
            QVERIFY(r.size() < 4096);
            QVERIFY(!r.contains('\n'));
        }
    }

    void keyHoldsTheLatestWithAShortExpiry()
    {
        const QByteArray key = "fxmonitor:fleet:fleet-a";
        const qint64 pttl = command({"PTTL", key}).toLongLong();
        QVERIFY2(pttl > 0 && pttl <= 10000, qPrintable(QString::number(pttl)));
        const QJsonObject stored = QJsonDocument::fromJson(command({"GET", key})).object();
        QCOMPARE(stored.value(QStringLiteral("server_id")).toString(), QStringLiteral("fleet-a"));
        QCOMPARE(stored.value(QStringLiteral("type")).toString(), QStringLiteral("heartbeat"));
        // One key per server.
        const QByteArray keys = command({"KEYS", "fxmonitor:fleet:*"});
        QCOMPARE(keys.split('\n').size(), 3);
    }

    void clientsRoomsAndLatencyOnceTheyComeAndPricesFlow()
    {
        WsClient client;
        QVERIFY(client.connectTo(m_a.wsUrl()));
        QVERIFY(
            !client
                 .request(QStringLiteral("subscribe"),
                          {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}}},
                          QStringLiteral("subscription_confirmed"))
                 .isEmpty());
        const QJsonObject counted = waitHeartbeat(
            QStringLiteral("fleet-a"),
            [](const QJsonObject &h) {
                return h.value(QStringLiteral("clients")).toInt() == 1 && h.value(QStringLiteral("rooms")).toInt() == 2;
            },
            5000);
        QVERIFY(!counted.isEmpty());
        QCOMPARE(m_sub.of(QStringLiteral("fleet-b")).last().value(QStringLiteral("clients")).toInt(), 0);

        // Prices until the heartbeat reports the latency of their delivery.
        int n = 0;
        QJsonObject withLatency;
        QElapsedTimer t;
        t.start();
        while (withLatency.isEmpty() && t.elapsed() < 10000) {
            QString err;
            QVERIFY2(m_pub->publish(QStringLiteral("price_updates"), price(n % 2 ? "EUR_USD" : "GBP_USD", n), &err),
                     qPrintable(err));
            ++n;
            QTest::qWait(20);
            const QList<QJsonObject> hs = m_sub.of(QStringLiteral("fleet-a"));
            if (hs.last().value(QStringLiteral("latency_ms")).isObject())
                withLatency = hs.last();
        }
        QVERIFY(!withLatency.isEmpty());
        QVERIFY(client.count(QStringLiteral("price_update")) > 0);
        const QJsonObject latency = withLatency.value(QStringLiteral("latency_ms")).toObject();
        const double p50 = latency.value(QStringLiteral("p50")).toDouble(-1);
        const double p99 = latency.value(QStringLiteral("p99")).toDouble(-1);
        QVERIFY2(p50 >= 0 && p99 >= p50 && p99 <= 10000, qPrintable(QString("%1 %2").arg(p50).arg(p99)));
        // Frames were sent in the last interval: messages and bytes per second.
        const QJsonObject busy = waitHeartbeat(
            QStringLiteral("fleet-a"),
            [](const QJsonObject &h) { return h.value(QStringLiteral("messages_per_s")).toDouble() > 0; }, 5000);
        QVERIFY(!busy.isEmpty());
        QVERIFY(busy.value(QStringLiteral("bytes_per_s")).toDouble()
                > busy.value(QStringLiteral("messages_per_s")).toDouble());
        // A server no client is subscribed to reports no latency.
        QVERIFY(m_sub.of(QStringLiteral("fleet-b")).last().value(QStringLiteral("latency_ms")).isNull());
    }

    void cleanStopLeavesAndRemovesItsKey()
    {
        QCOMPARE(command({"EXISTS", "fxmonitor:fleet:fleet-c"}), QByteArray("1"));
        QElapsedTimer t;
        t.start();
        QCOMPARE(m_c.stop(SIGTERM), 0);
        QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(m_sub.of(QStringLiteral("fleet-c"), QStringLiteral("leave")).size(), 1, 3000);
        const QJsonObject leave = m_sub.of(QStringLiteral("fleet-c"), QStringLiteral("leave")).first();
        QCOMPARE(leave.value(QStringLiteral("schema")).toInt(), 1);
        QVERIFY(isCount(leave.value(QStringLiteral("time"))));
        QCOMPARE(leave.keys().size(), 4);
        QCOMPARE(command({"EXISTS", "fxmonitor:fleet:fleet-c"}), QByteArray("0"));
        // Nothing after the leave.
        const qsizetype after = m_sub.of(QStringLiteral("fleet-c")).size();
        QTest::qWait(1500);
        QCOMPARE(m_sub.of(QStringLiteral("fleet-c")).size(), after);
    }

    void killedServerKeyExpires()
    {
        QCOMPARE(command({"EXISTS", "fxmonitor:fleet:fleet-b"}), QByteArray("1"));
        m_b.stop(SIGKILL);
        // No leave: the key goes when its expiry (at most 10 s after the last heartbeat) runs out.
        const qint64 pttl = command({"PTTL", "fxmonitor:fleet:fleet-b"}).toLongLong();
        QVERIFY2(pttl > 0 && pttl <= 10000, qPrintable(QString::number(pttl)));
        QTRY_COMPARE_WITH_TIMEOUT(command({"EXISTS", "fxmonitor:fleet:fleet-b"}), QByteArray("0"), 12000);
        QVERIFY(m_sub.of(QStringLiteral("fleet-b"), QStringLiteral("leave")).isEmpty());
        // The survivor keeps its key.
        QCOMPARE(command({"EXISTS", "fxmonitor:fleet:fleet-a"}), QByteArray("1"));
    }

    // A Redis that accepts connections but never answers (SIGSTOP) at shutdown: the heartbeat's
    // 1 s timeouts bound the leave, so SIGTERM still ends the server within a few seconds.
    void stopIsBoundedWhileRedisHangs()
    {
        ServerProcess d;
        QVERIFY(d.start(redisArgs(), envWithId(QStringLiteral("fleet-d"))));
        QTRY_VERIFY_WITH_TIMEOUT(!m_sub.of(QStringLiteral("fleet-d")).isEmpty(), 5000);
        const QByteArray info = command({"INFO", "server"});
        const qsizetype at = info.indexOf("process_id:");
        QVERIFY(at >= 0);
        const qint64 redisPid = info.mid(at + 11, info.indexOf('\r', at) - at - 11).trimmed().toLongLong();
        QVERIFY(redisPid > 0);
        QCOMPARE(::kill(pid_t(redisPid), SIGSTOP), 0);
        QElapsedTimer t;
        t.start();
        const int rc = d.stop(SIGTERM, 10000);
        const qint64 took = t.elapsed();
        QCOMPARE(::kill(pid_t(redisPid), SIGCONT), 0);
        QCOMPARE(rc, 0);
        // At most one tick in progress (1 s) and the leave (connect and reply, 1 s each).
        QVERIFY2(took < 4000, qPrintable(QString::number(took)));
        QVERIFY2(d.log().contains(QStringLiteral("fleet heartbeat of fleet-d: could not leave the fleet")),
                 qPrintable(d.log()));
        qInfo("SIGTERM to exit with Redis stopped: %lld ms", took);
        // The key it could not delete expires on its own.
        QTRY_COMPARE_WITH_TIMEOUT(command({"EXISTS", "fxmonitor:fleet:fleet-d"}), QByteArray("0"), 12000);
    }

    void resumesAfterRedisRestarts()
    {
        const qint64 before = m_sub.of(QStringLiteral("fleet-a")).last().value(QStringLiteral("seq")).toInteger();
        m_redis.kill9();
        // Two heartbeat periods without Redis: the server keeps running and logs the outage once.
        QTest::qWait(2500);
        QVERIFY(m_a.isRunning());
        QVERIFY(m_redis.restart());
        m_pub = publisherFor(m_redis.port());
        QVERIFY(m_sub.start(m_redis.port(), kChannel));
        const QJsonObject resumed = waitHeartbeat(
            QStringLiteral("fleet-a"),
            [before](const QJsonObject &h) { return h.value(QStringLiteral("seq")).toInteger() > before; }, 10000);
        QVERIFY(!resumed.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(command({"EXISTS", "fxmonitor:fleet:fleet-a"}), QByteArray("1"), 3000);
        const QString log = m_a.log();
        QCOMPARE(log.count(QStringLiteral("fleet heartbeat of fleet-a: cannot publish")), 1);
        QVERIFY2(log.contains(QStringLiteral("fleet heartbeat of fleet-a: publishing again")), qPrintable(log));
    }

    void cleanupTestCase() { m_a.stop(SIGTERM); }
};

QTEST_GUILESS_MAIN(TestFleetHeartbeat)
#include "tst_fleet_heartbeat.moc"
