// feed_status (PROTOCOL.md) across a real redis-server killed with SIGKILL and restarted on
// the same port, against the real fxmonitor-server: clients that sent subscribe get "down"
// then "up" with the gap, clients that did not get nothing (the predecessor's clients see no
// new event), connection_established carries the current state, and the first price after
// the restart comes after "up".

#include "core/timeutil.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QTest>
#include <QTimer>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

qint64 micros(const QJsonValue &iso)
{
    qint64 m = 0;
    return core::parseIsoTimestamp(iso.toString(), &m) ? m : -1;
}

} // namespace

class TestFeedStatus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void downAndUpAcrossARedisRestart()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port())}));
        // Up once the subscription is in place: a client connecting then is told so.
        QJsonObject feed;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     WsClient probe;
                                     if (!probe.connectTo(server.wsUrl()))
                                         return false;
                                     feed = probe.welcome()
                                                .value(QStringLiteral("data"))
                                                .toObject()
                                                .value(QStringLiteral("feed_status"))
                                                .toObject();
                                     return feed.value(QStringLiteral("state")).toString() == u"up";
                                 }()),
                                 10000);
        QVERIFY(micros(feed.value(QStringLiteral("since"))) > 0);
        QVERIFY(feed.contains(QStringLiteral("gap_ms")));

        WsClient subscribed, subscribedNoPairs, silent, subscribesDuringOutage;
        QVERIFY(subscribed.connectTo(server.wsUrl()));
        QVERIFY(subscribedNoPairs.connectTo(server.wsUrl()));
        QVERIFY(silent.connectTo(server.wsUrl()));
        QVERIFY(subscribesDuringOutage.connectTo(server.wsUrl()));
        subscribed.request(QStringLiteral("subscribe"),
                           {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                           QStringLiteral("subscription_confirmed"));
        // A subscribe that names no valid pair still asks for feed_status.
        subscribedNoPairs.request(QStringLiteral("subscribe"),
                                  {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("XXX_YYY")}}},
                                  QStringLiteral("error"));

        // A python-socketio client, subscribed, waits for the same two events.
        QProcess py;
        QProcessEnvironment pyEnv = QProcessEnvironment::systemEnvironment();
        pyEnv.insert(QStringLiteral("FX_URL"), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        py.setProcessEnvironment(pyEnv);
        py.start(QStringLiteral("/usr/bin/python3"), {QStringLiteral(FX_INTEROP_DIR "/sio_feed_status.py")});
        QByteArray pyOut;
        QTRY_VERIFY_WITH_TIMEOUT(
            (pyOut += py.readAllStandardOutput()).contains("READY") || py.state() == QProcess::NotRunning, 15000);
        QVERIFY2(py.state() == QProcess::Running, py.readAllStandardError().constData());

        const qint64 killedAt = core::nowMicros();
        QElapsedTimer sinceKill;
        sinceKill.start();
        redis.kill9();
        const QJsonObject down = subscribed.waitFor(QStringLiteral("feed_status"), 10000);
        QVERIFY(!down.isEmpty());
        QCOMPARE(dataOf(down).value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        const qint64 downSince = micros(dataOf(down).value(QStringLiteral("since")));
        QVERIFY2(downSince >= killedAt - 1000 && downSince <= core::nowMicros(),
                 qPrintable(QString::number(downSince)));
        QVERIFY(!dataOf(down).contains(QStringLiteral("gap_ms")));
        QCOMPARE(dataOf(subscribedNoPairs.waitFor(QStringLiteral("feed_status"), 5000)).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("down")));
        // Once, however many reconnect attempts fail: wait for two failed attempts (their backoff
        // delays differ), then a request answered after them is the barrier.
        QSet<qint64> delays;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     const QJsonObject r = dataOf(silent.request(QStringLiteral("get_server_stats"), {},
                                                                                 QStringLiteral("server_stats")))
                                                               .value(QStringLiteral("redis"))
                                                               .toObject();
                                     if (r.contains(QStringLiteral("retry_in_ms")))
                                         delays.insert(r.value(QStringLiteral("retry_in_ms")).toInteger());
                                     return delays.size() >= 2;
                                 }()),
                                 10000);
        QVERIFY(!subscribed.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(subscribed.count(QStringLiteral("feed_status")), 0);
        // A client that was told "up" at connect and subscribes now is told "down" right after
        // its subscription_confirmed (it missed the broadcast).
        QVERIFY(!subscribesDuringOutage.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(subscribesDuringOutage.count(QStringLiteral("feed_status")), 0); // nothing before its subscribe
        subscribesDuringOutage.send(QStringLiteral("subscribe"),
                                    {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("USD_JPY")}}});
        const QList<QJsonObject> afterSubscribe = subscribesDuringOutage.takeUntil(
            [&](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == u"feed_status"; });
        QCOMPARE(afterSubscribe.size(), 2);
        QCOMPARE(afterSubscribe.at(0).value(QStringLiteral("event")).toString(),
                 QStringLiteral("subscription_confirmed"));
        QCOMPARE(dataOf(afterSubscribe.at(1)).value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        QCOMPARE(micros(dataOf(afterSubscribe.at(1)).value(QStringLiteral("since"))), downSince);
        // A second subscribe does not repeat it.
        subscribesDuringOutage.request(QStringLiteral("subscribe"),
                                       {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                                       QStringLiteral("subscription_confirmed"));
        QVERIFY(!subscribesDuringOutage.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(subscribesDuringOutage.count(QStringLiteral("feed_status")), 0);
        // A client that connects now is told the feed is down, since when.
        WsClient late;
        QVERIFY(late.connectTo(server.wsUrl()));
        const QJsonObject lateFeed =
            late.welcome().value(QStringLiteral("data")).toObject().value(QStringLiteral("feed_status")).toObject();
        QCOMPARE(lateFeed.value(QStringLiteral("state")).toString(), QStringLiteral("down"));
        QCOMPARE(micros(lateFeed.value(QStringLiteral("since"))), downSince);

        const qint64 restartedAfterMs = sinceKill.elapsed();
        QVERIFY(redis.restart());
        const QJsonObject up = subscribed.waitFor(QStringLiteral("feed_status"), 10000);
        const qint64 upAfterMs = sinceKill.elapsed();
        QVERIFY(!up.isEmpty());
        QCOMPARE(dataOf(up).value(QStringLiteral("state")).toString(), QStringLiteral("up"));
        const qint64 gapMs = dataOf(up).value(QStringLiteral("gap_ms")).toInteger(-1);
        const qint64 upSince = micros(dataOf(up).value(QStringLiteral("since")));
        // The outage as the server saw it lies between the kill-to-restart and kill-to-"up" times
        // the test measured (the subscriber notices the kill within milliseconds).
        QVERIFY2(gapMs >= restartedAfterMs - 100 && gapMs <= upAfterMs + 10,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(gapMs).arg(restartedAfterMs).arg(upAfterMs)));
        QCOMPARE(gapMs, (upSince - downSince) / 1000);
        QCOMPARE(dataOf(subscribedNoPairs.waitFor(QStringLiteral("feed_status"), 5000)).value(QStringLiteral("state")),
                 QJsonValue(QStringLiteral("up")));
        QCOMPARE(
            dataOf(subscribesDuringOutage.waitFor(QStringLiteral("feed_status"), 5000)).value(QStringLiteral("state")),
            QJsonValue(QStringLiteral("up")));

        QVERIFY(py.waitForFinished(15000));
        pyOut += py.readAllStandardOutput();
        QVERIFY2(py.exitCode() == 0 && pyOut.contains("OK"), (pyOut + py.readAllStandardError()).constData());

        // Prices flow again, after "up".
        auto pub = publisherFor(redis.port());
        QString err;
        QVERIFY2(pub->publish(QStringLiteral("price_updates"),
                              R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})", &err),
                 qPrintable(err));
        QVERIFY(!subscribed.waitFor(QStringLiteral("price_update"), 5000).isEmpty());

        // The client that never subscribed saw none of it; the one that connected late is told
        // on its own subscribe from then on.
        QVERIFY(!silent.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(silent.count(QStringLiteral("feed_status")), 0);
        QCOMPARE(late.count(QStringLiteral("feed_status")), 0);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFeedStatus)
#include "tst_feed_status.moc"
