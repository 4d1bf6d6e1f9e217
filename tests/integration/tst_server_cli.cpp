// The fxmonitor-server executable: flags, configuration errors, HTTP endpoints, shutdown.

#include "support/rawwsclient.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace fx::test;

namespace {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QByteArray raw;
};

// A raw HTTP/1.1 request on a fresh connection; returns status and body.
HttpResult httpRequest(quint16 port, const QByteArray &request)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    HttpResult r;
    if (!s.waitForConnected(3000))
        return r;
    s.write(request);
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        if (s.waitForReadyRead(100))
            r.raw += s.readAll();
        const qsizetype head = r.raw.indexOf("\r\n\r\n");
        if (head > 0) {
            const QByteArray h = r.raw.left(head);
            const qsizetype cl = h.toLower().indexOf("content-length: ");
            const int len = cl < 0 ? 0 : h.mid(cl + 16, h.indexOf("\r\n", cl) - cl - 16).toInt();
            if (r.raw.size() >= head + 4 + len) {
                r.status = r.raw.mid(9, 3).toInt();
                r.body = r.raw.mid(head + 4, len);
                return r;
            }
        }
        if (s.state() != QAbstractSocket::ConnectedState && !s.bytesAvailable())
            break;
    }
    if (r.raw.startsWith("HTTP/1.1 "))
        r.status = r.raw.mid(9, 3).toInt();
    return r;
}

QByteArray get(const QByteArray &path, quint16 port)
{
    return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n\r\n";
}

} // namespace

class TestServerCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void invalidConfigurationExits2_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("port 70000") << QStringList{QStringLiteral("--port"), QStringLiteral("70000")} << QString()
                                    << "WEBSOCKET_PORT";
        QTest::newRow("max clients -3") << QStringList{QStringLiteral("--max-clients"), QStringLiteral("-3")}
                                        << QString() << "WEBSOCKET_MAX_CLIENTS";
        QTest::newRow("unreadable env") << QStringList{QStringLiteral("--env-file"),
                                                       QStringLiteral("/nonexistent/.env")}
                                        << QString() << "/nonexistent/.env";
        QTest::newRow("bad env var") << QStringList{} << "WEBSOCKET_PING_TIMEOUT=-1"
                                     << "WEBSOCKET_PING_TIMEOUT";
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("--frobnicate")} << QString() << "frobnicate";
        QTest::newRow("bad --set") << QStringList{QStringLiteral("--set"), QStringLiteral("NOPE=1")} << QString()
                                   << "NOPE";
        QTest::newRow("cors path") << QStringList{QStringLiteral("--set"),
                                                  QStringLiteral("CORS_ALLOWED_ORIGINS=https://ops.example/app")}
                                   << QString() << "CORS_ALLOWED_ORIGINS";
        QTest::newRow("cors wildcard") << QStringList{} << "CORS_ALLOWED_ORIGINS=*,https://*.ops.example"
                                       << "CORS_ALLOWED_ORIGINS";
        QTest::newRow("shutdown flush") << QStringList{} << "DB_SHUTDOWN_FLUSH_SECONDS=soon"
                                        << "DB_SHUTDOWN_FLUSH_SECONDS";
        QTest::newRow("log file") << QStringList{QStringLiteral("--log-file"), QStringLiteral("/proc/nope/x.log")}
                                  << QString() << "LOG_FILE";
    }

    void invalidConfigurationExits2()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, env);
        QFETCH(QString, mentions);
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        if (!env.isEmpty())
            e.insert(env.section(u'=', 0, 0), env.section(u'=', 1));
        QByteArray out, err;
        const int rc = runProgram(fx::test::serverBin(), args, &out, &err, e);
        QCOMPARE(rc, 2);
        const QString text = QString::fromUtf8(err).trimmed();
        QVERIFY2(text.contains(mentions), qPrintable(text));
        QCOMPARE(text.count(u'\n'), 0); // one clear line
    }

    void helpVersionPrintConfig()
    {
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY(out.contains("--max-clients"));
        QVERIFY(out.contains("--env-file"));
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--version")}, &out, &err), 0);
        QVERIFY(out.startsWith("fxmonitor-server "));

        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("my.env")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("WEBSOCKET_PORT=6001\nREDIS_PASSWORD=hunter2\n");
        f.close();
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QStringLiteral("42"));
        QCOMPARE(runProgram(fx::test::serverBin(),
                            {QStringLiteral("--env-file"), f.fileName(), QStringLiteral("--log-level"),
                             QStringLiteral("debug"), QStringLiteral("--print-config")},
                            &out, &err, e),
                 0);
        QVERIFY2(out.contains("WEBSOCKET_PORT=6001  (my.env:1)"), out.constData());
        QVERIFY(out.contains("WEBSOCKET_MAX_CLIENTS=42  (environment)"));
        QVERIFY(out.contains("LOG_LEVEL=debug  (--log-level)"));
        QVERIFY(out.contains("REDIS_PASSWORD=********"));
        QVERIFY(!out.contains("hunter2"));
    }

    void portInUseIsAClearError()
    {
        ServerProcess first;
        QVERIFY(first.start());
        QByteArray out, err;
        const int rc = runProgram(fx::test::serverBin(),
                                  {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                                   QString::number(first.port())},
                                  &out, &err);
        QCOMPARE(rc, 1);
        QVERIFY2(err.contains("cannot listen on 127.0.0.1:" + QByteArray::number(first.port())), err.constData());
    }

    void httpEndpoints()
    {
        // With an admin token (SECURITY.md, "Admin endpoints"): the detailed /health and /metrics.
        const QByteArray token = "cli-test-admin-token-0123456789";
        const QByteArray auth = "Authorization: Bearer " + token + "\r\n\r\n";
        ServerProcess server;
        QVERIFY(server.start(
            {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_ADMIN_TOKEN=") + QString::fromLatin1(token)}));
        const quint16 port = server.port();

        HttpResult r = httpRequest(port, get("/health", port).chopped(2) + auth);
        QCOMPARE(r.status, 200);
        const QJsonObject health = QJsonDocument::fromJson(r.body).object();
        // No Redis answers (ServerProcess points it at a closed port): degraded, and why.
        QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QVERIFY(!health.value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool());
        for (const char *k : {"clients", "redis", "database", "version", "uptime_seconds"})
            QVERIFY2(health.contains(QLatin1String(k)), k);

        r = httpRequest(port, get("/does/not/exist", port));
        QCOMPARE(r.status, 404);
        const QJsonObject nf = QJsonDocument::fromJson(r.body).object();
        QCOMPARE(nf.value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        QVERIFY(nf.value(QStringLiteral("message")).toString().contains(QStringLiteral("/does/not/exist")));

        r = httpRequest(port, get("/", port));
        QCOMPARE(r.status, 426);
        QVERIFY(QJsonDocument::fromJson(r.body).isObject());

        r = httpRequest(port, get("/metrics", port));
        QCOMPARE(r.status, 401);
        r = httpRequest(port, get("/metrics", port).chopped(2) + auth);
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.contains("# TYPE fxmonitor_connected_clients gauge"));
        QVERIFY(r.body.contains("fxmonitor_room_subscribers{room=\"price_EUR_USD\"} 0"));

        r = httpRequest(port, "this is not http\r\n\r\n");
        QCOMPARE(r.status, 400);
        r = httpRequest(port, "GET / HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(40000, 'a') + "\r\n\r\n");
        QCOMPARE(r.status, 431);

        // Keep-alive: two requests on one connection.
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(s.waitForConnected(3000));
        s.write(get("/health", port) + get("/nope", port));
        QByteArray all;
        QDeadlineTimer deadline(5000);
        while (all.count("HTTP/1.1 ") < 2 && !deadline.hasExpired())
            if (s.waitForReadyRead(100))
                all += s.readAll();
        QVERIFY(all.contains("HTTP/1.1 200 OK"));
        QVERIFY(all.contains("HTTP/1.1 404 Not Found"));

        // CORS preflight: by default any origin, as "*" and without credentials.
        r = httpRequest(port,
                        "OPTIONS /health HTTP/1.1\r\nHost: x\r\nOrigin: http://example.com\r\n"
                        "Access-Control-Request-Method: GET\r\n\r\n");
        QCOMPARE(r.status, 204);
        QVERIFY(r.raw.contains("Access-Control-Allow-Origin: *\r\n"));
        QVERIFY(r.raw.contains("Access-Control-Allow-Methods: GET\r\n"));
        QVERIFY(!r.raw.contains("Access-Control-Allow-Credentials"));

        // A slow client that never finishes its request head does not hold the server.
        QTcpSocket slow;
        slow.connectToHost(QStringLiteral("127.0.0.1"), port);
        QVERIFY(slow.waitForConnected(3000));
        slow.write("GET /health HTTP/1.1\r\nHost:");
        QCOMPARE(httpRequest(port, get("/health", port)).status, 200);
        QCOMPARE(server.stop(), 0);
    }

    void gracefulShutdown_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << 15;
        QTest::newRow("SIGINT") << 2;
    }

    void gracefulShutdown()
    {
        QFETCH(int, signal);
        ServerProcess server;
        QVERIFY(server.start());
        WsClient a, b;
        QVERIFY(a.connectTo(server.wsUrl()));
        QVERIFY(b.connectTo(server.wsUrl(QStringLiteral("/"))));
        RawWsClient raw;
        QVERIFY(raw.connectTo(server.port()));
        QVERIFY(!raw.waitForEvent("connection_established").isEmpty());

        QSignalSpy closedA(&a.socket(), &QWebSocket::disconnected);
        ::kill(pid_t(server.pid()), signal);
        QCOMPARE(raw.waitForClose(5000), 1001);
        QVERIFY(a.waitDisconnected(5000));
        QVERIFY(b.waitDisconnected(5000));
        QCOMPARE(a.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QCOMPARE(b.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
        QVERIFY(server.process().state() == QProcess::NotRunning || server.process().waitForFinished(5000));
        QCOMPARE(server.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.process().exitCode(), 0);
        QVERIFY(server.log().contains(QStringLiteral("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_server_cli.moc"
