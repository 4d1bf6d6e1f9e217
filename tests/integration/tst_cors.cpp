// Origins and CORS (SECURITY.md, "Origins (CORS)"; PROTOCOL.md §7 and §9): the default "*"
// without credentials, an explicit list matched exactly and reflected with credentials,
// preflights that allow only what the server uses, and WebSocket upgrades (plain JSON and
// Socket.IO) refused with a readable 403 for a browser origin outside the list.

#include "support/httpclient.h"
#include "support/serverprocess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fx::test;

namespace {

// One raw request on a fresh connection; the reply's head and (Content-Length) body. A 101
// reply has no body: the head is the whole answer.
HttpReply exchange(quint16 port, const QByteArray &request)
{
    PendingHttp pending;
    pending.sendRaw(port, request);
    return pending.wait();
}

QByteArray originLine(const QByteArray &origin)
{
    return origin.isNull() ? QByteArray() : "Origin: " + origin + "\r\n";
}

HttpReply upgrade(quint16 port, const QByteArray &target, const QByteArray &origin)
{
    return exchange(port,
                    "GET " + target
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + originLine(origin) + "\r\n");
}

HttpReply get(quint16 port, const QByteArray &target, const QByteArray &origin)
{
    return exchange(
        port, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + originLine(origin) + "\r\n");
}

HttpReply preflight(quint16 port, const QByteArray &target, const QByteArray &origin, const QByteArray &method = "POST")
{
    return exchange(port,
                    "OPTIONS " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + originLine(origin)
                        + "Access-Control-Request-Method: " + method
                        + "\r\nAccess-Control-Request-Headers: content-type, x-evil, cookie\r\n\r\n");
}

bool hasAccessControl(const HttpReply &r)
{
    return r.head.toLower().contains("access-control-");
}

const QByteArray kPolling = "/socket.io/?EIO=4&transport=polling";
const QByteArray kSioWs = "/socket.io/?EIO=4&transport=websocket";

} // namespace

class TestCors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultAnyOriginWithoutCredentials()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const quint16 port = server.port();
        for (const QByteArray &origin : {QByteArray("http://anywhere.example"), QByteArray("null")}) {
            HttpReply r = get(port, "/health", origin);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
            QVERIFY(r.header("access-control-allow-credentials").isEmpty());
            // Socket.IO long-polling, as socket.io-client sends it (withCredentials: false).
            r = get(port, kPolling, origin);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
            QVERIFY(r.header("access-control-allow-credentials").isEmpty());
            const QByteArray sid = sidOf(r.body);
            QVERIFY(!sid.isEmpty());
            r = exchange(port,
                         "POST " + kPolling + "&sid=" + sid
                             + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: "
                               "text/plain;charset=UTF-8\r\nContent-Length: 2\r\n"
                             + originLine(origin) + "\r\n40");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
            QVERIFY(r.header("access-control-allow-credentials").isEmpty());
            // Any origin may upgrade.
            QCOMPARE(upgrade(port, "/ws", origin).status, 101);
            QCOMPARE(upgrade(port, "/", origin).status, 101);
            QCOMPARE(upgrade(port, kSioWs, origin).status, 101);
        }
        // No Origin: no CORS headers at all.
        HttpReply r = get(port, "/health", {});
        QCOMPARE(r.status, 200);
        QVERIFY(!hasAccessControl(r));

        // Preflights allow the endpoint's methods and the server's headers, nothing reflected.
        r = preflight(port, kPolling, "http://anywhere.example");
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(r.header("access-control-allow-credentials").isEmpty());
        QCOMPARE(r.header("access-control-allow-methods"), QByteArray("GET, POST"));
        QCOMPARE(r.header("access-control-allow-headers"), QByteArray("Content-Type, Authorization"));
        QCOMPARE(r.header("access-control-max-age"), QByteArray("600"));
        for (const QByteArray &path : {QByteArray("/health"), QByteArray("/metrics")}) {
            r = preflight(port, path, "http://anywhere.example", "GET");
            QCOMPARE(r.status, 204);
            QCOMPARE(r.header("access-control-allow-methods"), QByteArray("GET"));
            QVERIFY(!r.header("access-control-allow-headers").toLower().contains("x-evil"));
        }
        QCOMPARE(metricValue(port, "fxmonitor_origin_refused_total"), 0.0);
        QCOMPARE(server.stop(), 0);
    }

    void explicitListIsExact_data()
    {
        QTest::addColumn<QByteArray>("origin");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("listed") << QByteArray("http://desk.example:8080") << true;
        QTest::newRow("listed https") << QByteArray("https://ops.example") << true;
        QTest::newRow("host in upper case") << QByteArray("http://DESK.Example:8080") << true;
        QTest::newRow("default port written") << QByteArray("https://ops.example:443") << true;
        QTest::newRow("other port") << QByteArray("http://desk.example:8081") << false;
        QTest::newRow("no port") << QByteArray("http://desk.example") << false;
        QTest::newRow("other scheme") << QByteArray("https://desk.example:8080") << false;
        QTest::newRow("http for https") << QByteArray("http://ops.example") << false;
        QTest::newRow("suffix") << QByteArray("http://desk.example:8080.evil") << false;
        QTest::newRow("domain suffix") << QByteArray("https://ops.example.evil") << false;
        QTest::newRow("subdomain") << QByteArray("https://evil.ops.example") << false;
        QTest::newRow("prefix") << QByteArray("https://xops.example") << false;
        QTest::newRow("path") << QByteArray("http://desk.example:8080/") << false;
        QTest::newRow("user info") << QByteArray("http://desk.example:8080@evil.example") << false;
        QTest::newRow("null") << QByteArray("null") << false;
        QTest::newRow("star") << QByteArray("*") << false;
    }

    void explicitListIsExact()
    {
        QFETCH(QByteArray, origin);
        QFETCH(bool, allowed);
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--set"),
                              QStringLiteral("CORS_ALLOWED_ORIGINS=http://desk.example:8080, https://ops.example")}));
        const quint16 port = server.port();

        HttpReply r = get(port, "/health", origin);
        QCOMPARE(r.status, 200); // a plain GET is served; the browser may read it only when allowed
        QVERIFY(r.header("vary").contains("Origin"));
        if (allowed) {
            QCOMPARE(r.header("access-control-allow-origin"), origin); // as the browser sent it
            QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        } else {
            QVERIFY(!hasAccessControl(r));
        }

        r = get(port, kPolling, origin);
        if (allowed) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("access-control-allow-origin"), origin);
            QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        } else {
            QCOMPARE(r.status, 403);
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toInt(), 4);
            QVERIFY(!hasAccessControl(r));
        }

        r = preflight(port, kPolling, origin);
        if (allowed) {
            QCOMPARE(r.status, 204);
            QCOMPARE(r.header("access-control-allow-origin"), origin);
            QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
            QCOMPARE(r.header("access-control-allow-methods"), QByteArray("GET, POST"));
            QCOMPARE(r.header("access-control-allow-headers"), QByteArray("Content-Type, Authorization"));
        } else {
            QCOMPARE(r.status, 403);
            QVERIFY(!hasAccessControl(r));
        }

        // Upgrades: plain JSON on / and /ws, Socket.IO; a refusal is a 403 the client can read.
        for (const QByteArray &path : {QByteArray("/ws"), QByteArray("/")}) {
            r = upgrade(port, path, origin);
            if (allowed) {
                QCOMPARE(r.status, 101);
            } else {
                QCOMPARE(r.status, 403);
                const QJsonObject body = QJsonDocument::fromJson(r.body).object();
                QCOMPARE(body.value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
                QVERIFY(body.value(QStringLiteral("message")).toString().contains(u"CORS_ALLOWED_ORIGINS"));
            }
        }
        r = upgrade(port, kSioWs, origin);
        if (allowed) {
            QCOMPARE(r.status, 101);
        } else {
            QCOMPARE(r.status, 403);
            QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toInt(), 4);
        }

        // Every refusal counted (polling, preflight, 3 upgrades) and logged.
        QCOMPARE(metricValue(port, "fxmonitor_origin_refused_total"), allowed ? 0.0 : 5.0);
        if (!allowed)
            QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("refused origin")), 5000);
        QCOMPARE(server.stop(), 0);
    }

    void withoutOriginNeverRefused()
    {
        // Non-browser clients (Python, Node ws, Qt) send no Origin.
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--set"), QStringLiteral("CORS_ALLOWED_ORIGINS=https://ops.example")}));
        const quint16 port = server.port();
        QCOMPARE(upgrade(port, "/ws", {}).status, 101);
        QCOMPARE(upgrade(port, kSioWs, {}).status, 101);
        HttpReply r = get(port, kPolling, {});
        QCOMPARE(r.status, 200);
        QVERIFY(!hasAccessControl(r));
        QCOMPARE(get(port, "/health", {}).status, 200);
        QCOMPARE(metricValue(port, "fxmonitor_origin_refused_total"), 0.0);
        QCOMPARE(server.stop(), 0);
    }

    void nullOnlyWhenListed()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--set"), QStringLiteral("CORS_ALLOWED_ORIGINS=null,http://[::1]:8080")}));
        const quint16 port = server.port();
        HttpReply r = get(port, kPolling, "null");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("null"));
        QCOMPARE(upgrade(port, "/ws", "null").status, 101);
        QCOMPARE(upgrade(port, "/ws", "http://[::1]:8080").status, 101);
        QCOMPARE(upgrade(port, "/ws", "http://[::2]:8080").status, 403);
        QCOMPARE(upgrade(port, "/ws", "NULL").status, 403);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCors)
#include "tst_cors.moc"
