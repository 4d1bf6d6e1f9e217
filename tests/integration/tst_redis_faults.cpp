// Redis going away must never stop the server: SIGKILL the redis-server mid-stream, watch the
// state, restart it on the same port, and prices flow again without restarting anything.
// A wrong password is a clear state, a log line and retries, never a crash.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace fx;
using namespace fx::test;

namespace {
QJsonObject redisState(WsClient &c)
{
    return c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
        .value(QStringLiteral("data"))
        .toObject()
        .value(QStringLiteral("redis"))
        .toObject();
}

// The detailed /health needs the admin token (SECURITY.md, "Admin endpoints").
const QString kAdminToken = QStringLiteral("redis-faults-admin-token-0123");

QJsonObject health(quint16 port)
{
    return adminHealth(port, kAdminToken);
}
} // namespace

class TestRedisFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killAndRestartRedis()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port()), QStringLiteral("--set"),
                              QStringLiteral("WEBSOCKET_ADMIN_TOKEN=") + kAdminToken}));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(redisState(c).value(QStringLiteral("connected")).toBool(), 5000);
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));

        // A publisher streaming prices every 10 ms; it reconnects by itself after failures.
        auto pub = publisherFor(redis.port());
        int seq = 0;
        QTimer stream;
        QObject::connect(&stream, &QTimer::timeout, [&] {
            QString err;
            pub->publish(QStringLiteral("price_updates"),
                         QStringLiteral(R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"},"seq":%1})")
                             .arg(++seq)
                             .toUtf8(),
                         &err);
        });
        stream.start(10);
        QVERIFY(!c.waitFor(QStringLiteral("price_update"), 3000).isEmpty());

        redis.kill9();
        QTRY_VERIFY_WITH_TIMEOUT(redisState(c).value(QStringLiteral("state")).toString() == u"disconnected", 5000);
        const QJsonObject down = redisState(c);
        QVERIFY(!down.value(QStringLiteral("connected")).toBool());
        QVERIFY(down.contains(QStringLiteral("retry_in_ms")));
        // Clients get the state, not the error text or the endpoint (a token is configured);
        // the operator's /health has both.
        QVERIFY(!down.contains(QStringLiteral("reason")));
        QVERIFY(!down.contains(QStringLiteral("endpoint")));
        const QJsonObject h = health(server.port());
        QCOMPARE(h.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(h.value(QStringLiteral("redis")).toObject().value(QStringLiteral("state")).toString(),
                 QStringLiteral("disconnected"));
        QVERIFY(!h.value(QStringLiteral("redis")).toObject().value(QStringLiteral("reason")).toString().isEmpty());
        QVERIFY(c.isConnected()); // clients stay connected
        QVERIFY(server.log().contains(QStringLiteral("unavailable")));

        // Every price relayed before the kill was handed to the client's I/O thread before the
        // subscriber reported the disconnect; a request on the same connection is answered after
        // them, so nothing from before the restart is left once the reply is in.
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        c.takeAll();
        QVERIFY(redis.restart());
        QElapsedTimer sinceRestart;
        sinceRestart.start();
        QVERIFY(!c.waitFor(QStringLiteral("price_update"), 5000).isEmpty());
        const qint64 resumedMs = sinceRestart.elapsed();
        qInfo("prices flowed again %lld ms after redis restarted", resumedMs);
        QVERIFY2(resumedMs < 2000, qPrintable(QString::number(resumedMs)));
        QVERIFY(redisState(c).value(QStringLiteral("connected")).toBool());
        QCOMPARE(redisState(c).value(QStringLiteral("connects")).toInt(), 2);
        QCOMPARE(health(server.port()).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        stream.stop();
        QCOMPARE(server.stop(), 0);
    }

    void redisDownAtStart()
    {
        // No Redis at all: the server serves anyway and keeps retrying.
        const quint16 nobody = freePort();
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(nobody)}));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(redisState(c).value(QStringLiteral("state")).toString() == u"disconnected", 5000);
        QVERIFY(redisState(c)
                    .value(QStringLiteral("reason"))
                    .toString()
                    .contains(QStringLiteral("refused"), Qt::CaseInsensitive));
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        // And connects when Redis appears on that port.
        QProcess late;
        late.start(QStringLiteral("redis-server"),
                   {QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                    QString::number(nobody), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                    QStringLiteral("no")});
        QVERIFY(late.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(redisState(c).value(QStringLiteral("connected")).toBool(), 8000);
        late.terminate();
        late.waitForFinished();
        QCOMPARE(server.stop(), 0);
    }

    void wrongPassword()
    {
        RedisServer redis;
        QVERIFY(redis.start({QStringLiteral("--requirepass"), QStringLiteral("right")}));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REDIS_PASSWORD"), QStringLiteral("wrong"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port())},
                             env));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(
            redisState(c).value(QStringLiteral("reason")).toString().contains(QStringLiteral("authentication failed")),
            5000);
        QCOMPARE(redisState(c).value(QStringLiteral("connected")).toBool(), false);
        // Several retries, each failing the same way, each logged.
        const QString failed = QStringLiteral("authentication to 127.0.0.1:%1 failed").arg(redis.port());
        QTRY_VERIFY_WITH_TIMEOUT(server.log().count(failed) >= 3, 10000);
        QVERIFY(server.isRunning());
        QVERIFY(c.isConnected());
        QCOMPARE(server.stop(), 0);

        // The right password connects.
        env.insert(QStringLiteral("REDIS_PASSWORD"), QStringLiteral("right"));
        ServerProcess good;
        QVERIFY(good.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                            QString::number(redis.port())},
                           env));
        WsClient d;
        QVERIFY(d.connectTo(good.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(redisState(d).value(QStringLiteral("connected")).toBool(), 5000);
        QCOMPARE(good.stop(), 0);
    }

    // REDIS_USERNAME: Redis 6 ACL users (REDIS.md, "Authentication"). The default user is off,
    // so only AUTH <user> <password> gets in.
    void aclUser()
    {
        RedisServer redis;
        QVERIFY(redis.start({QStringLiteral("--user"), QStringLiteral("alice"), QStringLiteral("on"),
                             QStringLiteral(">alice-secret"), QStringLiteral("~*"), QStringLiteral("&*"),
                             QStringLiteral("+@all"), QStringLiteral("--user"), QStringLiteral("default"),
                             QStringLiteral("off")}));
        const QStringList where{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("--redis-port"), QString::number(redis.port())};
        auto envWith = [](const QString &user, const QString &password) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("REDIS_USERNAME"), user);
            env.insert(QStringLiteral("REDIS_PASSWORD"), password);
            return env;
        };

        // The publisher (the feed's) as alice.
        redis::RedisConfig pc;
        pc.host = QStringLiteral("127.0.0.1");
        pc.port = redis.port();
        pc.username = QStringLiteral("alice");
        pc.password = QStringLiteral("alice-secret");
        redis::RedisPublisher pub(pc);
        QString err;
        QVERIFY2(pub.publish(QStringLiteral("warm_up"), "{}", &err), qPrintable(err));

        // Right user and password: subscribed, prices relayed.
        {
            ServerProcess server;
            QVERIFY(server.start(where, envWith(QStringLiteral("alice"), QStringLiteral("alice-secret"))));
            WsClient c;
            QVERIFY(c.connectTo(server.wsUrl()));
            QTRY_VERIFY_WITH_TIMEOUT(redisState(c).value(QStringLiteral("connected")).toBool(), 5000);
            c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                      QStringLiteral("subscription_confirmed"));
            QTimer stream;
            QObject::connect(&stream, &QTimer::timeout, [&] {
                QString e;
                pub.publish(QStringLiteral("price_updates"),
                            R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})", &e);
            });
            stream.start(20);
            QVERIFY(!c.waitFor(QStringLiteral("price_update"), 3000).isEmpty());
            stream.stop();
            QVERIFY(!server.log().contains(QStringLiteral("alice-secret")));
            QCOMPARE(server.stop(), 0);
        }

        // Wrong password: a clear state, retried with backoff, the server keeps serving.
        {
            ServerProcess server;
            QVERIFY(server.start(where, envWith(QStringLiteral("alice"), QStringLiteral("wrong-secret"))));
            WsClient c;
            QVERIFY(c.connectTo(server.wsUrl()));
            QTRY_VERIFY_WITH_TIMEOUT(redisState(c)
                                         .value(QStringLiteral("reason"))
                                         .toString()
                                         .contains(QStringLiteral("authentication failed")),
                                     5000);
            const QJsonObject state = redisState(c);
            QVERIFY2(state.value(QStringLiteral("reason")).toString().contains(QStringLiteral("WRONGPASS")),
                     qPrintable(state.value(QStringLiteral("reason")).toString()));
            QVERIFY(state.value(QStringLiteral("retry_in_ms")).toInt() > 0);
            const QString failed =
                QStringLiteral("authentication to 127.0.0.1:%1 as user alice failed").arg(redis.port());
            QTRY_VERIFY_WITH_TIMEOUT(server.log().count(failed) >= 3, 10000);
            QVERIFY(!server.log().contains(QStringLiteral("wrong-secret")));
            QVERIFY(c.isConnected());
            QCOMPARE(server.stop(), 0);
        }

        // A user without a password: named as a configuration problem, no AUTH sent.
        {
            ServerProcess server;
            QVERIFY(server.start(where, envWith(QStringLiteral("alice"), QString())));
            WsClient c;
            QVERIFY(c.connectTo(server.wsUrl()));
            QTRY_VERIFY_WITH_TIMEOUT(redisState(c)
                                         .value(QStringLiteral("reason"))
                                         .toString()
                                         .contains(QStringLiteral("REDIS_USERNAME is set but REDIS_PASSWORD is empty")),
                                     5000);
            QVERIFY(redisState(c).value(QStringLiteral("retry_in_ms")).toInt() > 0);
            QCOMPARE(server.stop(), 0);
        }

        // The publisher: wrong password and a missing one are clear errors.
        pc.password = QStringLiteral("wrong-secret");
        redis::RedisPublisher wrong(pc);
        QVERIFY(!wrong.publish(QStringLiteral("x"), "{}", &err));
        QVERIFY2(err.contains(QStringLiteral("WRONGPASS")), qPrintable(err));
        pc.password.clear();
        redis::RedisPublisher none(pc);
        QVERIFY(!none.publish(QStringLiteral("x"), "{}", &err));
        QVERIFY2(err.contains(QStringLiteral("REDIS_PASSWORD is empty")), qPrintable(err));

        // --print-config names the user and masks the password.
        QProcess print;
        print.setProcessEnvironment(envWith(QStringLiteral("alice"), QStringLiteral("alice-secret")));
        print.start(fx::test::serverBin(), {QStringLiteral("--print-config")});
        QVERIFY(print.waitForFinished(10000));
        const QString out = QString::fromUtf8(print.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("REDIS_USERNAME=alice  (environment)")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("REDIS_PASSWORD=********  (environment)")));
        QVERIFY(!out.contains(QStringLiteral("alice-secret")));
    }

    void badDatabaseIndex()
    {
        RedisServer redis;
        QVERIFY(redis.start({QStringLiteral("--databases"), QStringLiteral("4")}));
        ServerProcess server;
        QVERIFY(
            server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                          QString::number(redis.port()), QStringLiteral("--redis-db"), QStringLiteral("9")}));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(
            redisState(c).value(QStringLiteral("reason")).toString().contains(QStringLiteral("SELECT 9 failed")), 5000);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRedisFaults)
#include "tst_redis_faults.moc"
