// SECURITY.md, "Admin endpoints": /metrics and the detailed /health behind WEBSOCKET_ADMIN_TOKEN,
// get_server_stats without endpoints, paths and error texts, the start-up warnings, and the
// token itself never shown. Tested as an attacker would: real server processes, raw HTTP.

#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fx::test;

namespace {

const QByteArray kToken = "Adm1n-T0ken-for-tests-0123456789";

HttpReply getWith(quint16 port, const QByteArray &path, const QByteArray &authorization, bool send = true,
                  const QByteArray &method = "GET")
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (send)
        headers.append({"Authorization", authorization});
    return httpRequest(port, method, path, {}, headers);
}

QJsonObject json(const HttpReply &r)
{
    return QJsonDocument::fromJson(r.body).object();
}

QProcessEnvironment withToken(const QByteArray &token)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"), QString::fromLatin1(token));
    return env;
}

QProcessEnvironment withoutToken()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"));
    return env;
}

QByteArray statsText(quint16 port)
{
    WsClient c;
    if (!c.connectTo(QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)))
        return {};
    const QJsonObject data = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
                                 .value(QStringLiteral("data"))
                                 .toObject();
    return QJsonDocument(data).toJson(QJsonDocument::Compact);
}

// The server_stats payload as a Socket.IO client receives it (PROTOCOL.md §9).
QByteArray socketIoStatsText(quint16 port)
{
    RawWsClient ws;
    if (!ws.connectTo(port, "/socket.io/?EIO=4&transport=websocket") || !ws.nextText().startsWith("0{"))
        return {};
    ws.sendText("40");
    if (!ws.nextText().startsWith("40{"))
        return {};
    ws.sendText("42[\"get_server_stats\",{}]");
    for (int i = 0; i < 5; ++i) {
        const QByteArray p = ws.nextText();
        if (p.startsWith("42[\"server_stats\","))
            return QJsonDocument(QJsonDocument::fromJson(p.mid(2)).array().at(1).toObject())
                .toJson(QJsonDocument::Compact);
    }
    return {};
}

} // namespace

class TestAdmin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedWithoutTheToken_data()
    {
        QTest::addColumn<bool>("send");
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("no header") << false << QByteArray();
        QTest::newRow("Basic") << true << "Basic " + ("admin:" + kToken).toBase64();
        QTest::newRow("Basic with the token") << true << "Basic " + kToken;
        QTest::newRow("empty bearer") << true << QByteArray("Bearer ");
        QTest::newRow("bare token") << true << kToken;
        QTest::newRow("one character short") << true << "Bearer " + kToken.chopped(1);
        QTest::newRow("one character longer") << true << "Bearer " + kToken + "9";
        QTest::newRow("other case") << true << "Bearer " + kToken.toLower();
    }

    void refusedWithoutTheToken()
    {
        QFETCH(bool, send);
        QFETCH(QByteArray, authorization);
        ServerProcess server;
        QVERIFY(server.start({}, withToken(kToken)));
        const quint16 port = server.port();

        for (const QByteArray &method : {QByteArray("GET"), QByteArray("HEAD")}) {
            const HttpReply m = getWith(port, "/metrics", authorization, send, method);
            QCOMPARE(m.status, 401);
            QVERIFY2(m.header("www-authenticate").startsWith("Bearer"), m.head.constData());
            QCOMPARE(m.header("cache-control"), QByteArray("no-store"));
            QVERIFY(!m.body.contains("fxmonitor_"));
        }
        const HttpReply m = getWith(port, "/metrics", authorization, send);
        QCOMPARE(json(m).value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(json(m).value(QStringLiteral("status")).toInt(), 401);

        const HttpReply h = getWith(port, "/health", authorization, send);
        if (!send) {
            // What a load balancer probes: the status alone.
            QCOMPARE(h.status, 200);
            QCOMPARE(json(h).keys(), QStringList{QStringLiteral("status")});
            QCOMPARE(json(h).value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        } else {
            QCOMPARE(h.status, 401);
            QVERIFY(h.header("www-authenticate").startsWith("Bearer"));
            QVERIFY(!h.body.contains("redis"));
        }

        // Counted, logged without the presented value, and the token appears nowhere.
        const HttpReply ok = getWith(port, "/metrics", "Bearer " + kToken);
        QCOMPARE(ok.status, 200);
        QVERIFY2(ok.body.contains("\nfxmonitor_admin_refused_total " + QByteArray(send ? "4" : "3") + "\n"),
                 ok.body.constData());
        QCOMPARE(server.stop(), 0);
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("refused GET /metrics from 127.0.0.1")), qPrintable(log));
        QVERIFY(!log.contains(QString::fromLatin1(kToken)));
        if (send && authorization.size() > 8)
            QVERIFY(!log.contains(QString::fromLatin1(authorization.mid(7))));
        QVERIFY(!log.contains(QStringLiteral("admin endpoints are open")));
        QVERIFY(!log.contains(QStringLiteral("WEBSOCKET_AUTH=none"))); // loopback
    }

    void theTokenOpensMetricsAndDetailedHealth()
    {
        ServerProcess server;
        QVERIFY(server.start({}, withToken(kToken)));
        const quint16 port = server.port();
        for (const QByteArray &auth : {"Bearer " + kToken, "bearer " + kToken}) {
            const HttpReply m = getWith(port, "/metrics", auth);
            QCOMPARE(m.status, 200);
            QVERIFY(m.body.contains("# TYPE fxmonitor_admin_refused_total counter"));
            QVERIFY(m.body.contains("# TYPE fxmonitor_connected_clients gauge"));
        }
        const HttpReply h = getWith(port, "/health", "Bearer " + kToken);
        QCOMPARE(h.status, 200);
        const QJsonObject health = json(h);
        QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        for (const char *k : {"clients", "redis", "database", "version", "uptime_seconds"})
            QVERIFY2(health.contains(QLatin1String(k)), k);
        const QString redisEndpoint =
            health.value(QStringLiteral("redis")).toObject().value(QStringLiteral("endpoint")).toString();
        const QString dbLocation =
            health.value(QStringLiteral("database")).toObject().value(QStringLiteral("location")).toString();
        QVERIFY(redisEndpoint.startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(dbLocation.endsWith(QStringLiteral("test.sqlite")));

        // Clients see states and counts, never the endpoint, the path or an error text.
        const QByteArray stats = statsText(port);
        const QJsonObject s = QJsonDocument::fromJson(stats).object();
        const QJsonObject redis = s.value(QStringLiteral("redis")).toObject();
        const QJsonObject db = s.value(QStringLiteral("database")).toObject();
        QVERIFY(redis.contains(QStringLiteral("state")));
        QVERIFY(redis.contains(QStringLiteral("connected")));
        QVERIFY(db.contains(QStringLiteral("state")));
        for (const char *k : {"endpoint", "status", "reason"})
            QVERIFY2(!redis.contains(QLatin1String(k)), k);
        for (const char *k : {"location", "last_error"})
            QVERIFY2(!db.contains(QLatin1String(k)), k);
        QVERIFY2(!stats.contains(redisEndpoint.toUtf8()), stats.constData());
        QVERIFY2(!stats.contains(dbLocation.toUtf8()), stats.constData());
        QVERIFY(!stats.contains("refused")); // the connection error's text
        QVERIFY(s.contains(QStringLiteral("connected_clients")));
        // Socket.IO clients get the same redacted payload.
        const QByteArray sio = socketIoStatsText(port);
        QVERIFY2(sio.contains("\"connected_clients\""), sio.constData());
        QVERIFY(sio.contains("\"state\""));
        QVERIFY(!sio.contains(redisEndpoint.toUtf8()));
        QVERIFY(!sio.contains(dbLocation.toUtf8()));
        QVERIFY(!sio.contains("\"endpoint\"") && !sio.contains("\"location\"") && !sio.contains("\"reason\""));
        QCOMPARE(server.stop(), 0);
        QVERIFY(!server.log().contains(QString::fromLatin1(kToken)));
    }

    void withoutATokenMetricsStayOpenAndHealthIsMinimal()
    {
        ServerProcess server;
        QVERIFY(server.start({}, withoutToken()));
        const quint16 port = server.port();
        HttpReply m = getWith(port, "/metrics", {}, false);
        QCOMPARE(m.status, 200);
        QVERIFY(m.body.contains("fxmonitor_admin_refused_total 0\n"));
        // Nobody can present a token that does not exist: minimal /health whatever is sent.
        for (const QByteArray &auth :
             {QByteArray(), QByteArray("Bearer anything-at-all-1234567"), QByteArray("Basic eDp5")}) {
            const HttpReply h = getWith(port, "/health", auth, !auth.isEmpty());
            QCOMPARE(h.status, 200);
            QCOMPARE(json(h).keys(), QStringList{QStringLiteral("status")});
        }
        // get_server_stats as before: existing clients keep working.
        const QJsonObject s = QJsonDocument::fromJson(statsText(port)).object();
        QVERIFY(s.value(QStringLiteral("redis"))
                    .toObject()
                    .value(QStringLiteral("endpoint"))
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.1:")));
        QVERIFY(s.value(QStringLiteral("database")).toObject().contains(QStringLiteral("location")));
        QCOMPARE(server.stop(), 0);
        QCOMPARE(server.log().count(QStringLiteral("admin endpoints are open")), 1);
        QVERIFY(server.log().contains(QStringLiteral("WEBSOCKET_ADMIN_TOKEN is not set")));
    }

    void badTokensStopTheStart_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::newRow("15 characters") << QByteArray("abcdefghijklmno");
        QTest::newRow("short") << QByteArray("secret");
        QTest::newRow("a space") << QByteArray("abcdefgh ijklmnopq");
    }

    void badTokensStopTheStart()
    {
        QFETCH(QByteArray, token);
        QByteArray out, err;
        const int rc = runProgram(fx::test::serverBin(), {QStringLiteral("--port"), QStringLiteral("0")}, &out, &err,
                                  withToken(token));
        QCOMPARE(rc, 2);
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("invalid WEBSOCKET_ADMIN_TOKEN (from environment)"), err.constData());
        QVERIFY2(!err.contains(token), err.constData());
        // Through --set as well; still never repeated.
        QCOMPARE(
            runProgram(fx::test::serverBin(),
                       {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_ADMIN_TOKEN=") + QString::fromLatin1(token)},
                       &out, &err, withoutToken()),
            2);
        QVERIFY2(err.contains("invalid WEBSOCKET_ADMIN_TOKEN (from --set)"), err.constData());
        QVERIFY(!err.contains(token));
    }

    void printConfigMasksTheToken()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config")}, &out, &err, withToken(kToken)),
                 0);
        QVERIFY2(out.contains("WEBSOCKET_ADMIN_TOKEN=********  (environment)"), out.constData());
        QVERIFY(!out.contains(kToken));
        QVERIFY(!err.contains(kToken));
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config")}, &out, &err, withoutToken()), 0);
        QVERIFY(out.contains("WEBSOCKET_ADMIN_TOKEN=  (default)"));
    }

    void listeningBeyondLoopbackIsSaidPlainly()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--host"), QStringLiteral("0.0.0.0")}, withToken(kToken)));
        // A warning, not a refusal: clients are served as before.
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(server.stop(), 0);
        const QString log = server.log();
        QCOMPARE(log.count(QStringLiteral("WEBSOCKET_AUTH=none")), 1);
        QVERIFY(log.contains(
            QStringLiteral("any client that reaches port %1 can read every price and alert").arg(server.port())));
        QVERIFY(log.contains(QStringLiteral("WARN")));
    }
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
