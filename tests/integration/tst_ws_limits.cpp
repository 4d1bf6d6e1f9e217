// Guard rails against the real server process: keep-alive, max clients, and every kind of bad
// input of the issue. Each is answered with an error event (or the close code), counted in
// server_stats, and never disturbs the other clients.

#include "support/rawwsclient.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fx::test;

namespace {
QJsonObject statsOf(WsClient &c)
{
    return c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
        .value(QStringLiteral("data"))
        .toObject();
}
qint64 counter(const QJsonObject &stats, const char *group, const char *name)
{
    return qint64(stats.value(QLatin1String(group)).toObject().value(QLatin1String(name)).toDouble());
}
QString errorCode(const QJsonObject &envelope)
{
    return envelope.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString();
}
} // namespace

class TestWsLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepAliveDropsSilentClient()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--ping-interval"), QStringLiteral("0.2"),
                              QStringLiteral("--ping-timeout"), QStringLiteral("0.3")}));
        WsClient healthy; // QWebSocket answers pings by itself
        QVERIFY(healthy.connectTo(server.wsUrl()));
        RawWsClient silent; // never answers
        QVERIFY(silent.connectTo(server.port()));
        QVERIFY(silent.waitForDisconnected(5000));
        QVERIFY(silent.pingsReceived() >= 1);
        QVERIFY(healthy.isConnected());
        // Several more ping rounds for the healthy one, timed by the server itself: two more silent
        // clients, one after the other, are each dropped a ping interval plus a timeout after they
        // connect; by the second drop the healthy client has been pinged again (its pings are
        // 200 ms apart) and a missed pong would have dropped it first.
        for (int round = 0; round < 2; ++round) {
            RawWsClient clock;
            QVERIFY(clock.connectTo(server.port()));
            QVERIFY(clock.waitForDisconnected(5000));
            QVERIFY(clock.pingsReceived() >= 1);
            QVERIFY(healthy.isConnected());
        }
        const QJsonObject s = statsOf(healthy);
        QCOMPARE(counter(s, "disconnects", "keepalive_timeout"), 3);
        QCOMPARE(s.value(QStringLiteral("connected_clients")).toInt(), 1);
        QCOMPARE(server.stop(), 0);
    }

    void maxClients()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--max-clients"), QStringLiteral("3")}));
        WsClient a, b, c;
        QVERIFY(a.connectTo(server.wsUrl()));
        QVERIFY(b.connectTo(server.wsUrl()));
        QVERIFY(c.connectTo(server.wsUrl()));

        RawWsClient fourth;
        QVERIFY(fourth.connectTo(server.port()));
        const QByteArray err = fourth.waitForEvent("error");
        QVERIFY2(err.contains("\"code\":\"SERVER_FULL\""), err.constData());
        QCOMPARE(fourth.waitForClose(), 1013);

        // A QWebSocket client sees the error event and the disconnect too.
        WsClient fifth;
        fifth.socket().open(QUrl(server.wsUrl()));
        QCOMPARE(errorCode(fifth.waitFor(QStringLiteral("error"))), QStringLiteral("SERVER_FULL"));
        QVERIFY(fifth.waitDisconnected());

        // The three are unaffected, and a slot frees up when one leaves.
        QVERIFY(a.isConnected() && b.isConnected() && c.isConnected());
        c.socket().close();
        QVERIFY(c.waitDisconnected());
        QTRY_VERIFY_WITH_TIMEOUT(statsOf(a).value(QStringLiteral("connected_clients")).toInt() == 2, 5000);
        WsClient again;
        QVERIFY(again.connectTo(server.wsUrl()));
        const QJsonObject s = statsOf(a);
        QCOMPARE(s.value(QStringLiteral("peak_clients")).toInt(), 3);
        QCOMPARE(counter(s, "disconnects", "server_full"), 2);
        QCOMPARE(counter(s, "errors", "SERVER_FULL"), 2);
        QCOMPARE(server.stop(), 0);
    }

    void badRequests()
    {
        ServerProcess server;
        QVERIFY(server.start());
        WsClient c, bystander;
        QVERIFY(c.connectTo(server.wsUrl()));
        QVERIFY(bystander.connectTo(server.wsUrl()));
        bystander.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                          QStringLiteral("subscription_confirmed"));

        struct Case
        {
            QString text;
            QString code;
        };
        const QList<Case> cases{
            {QStringLiteral("{not json"), QStringLiteral("INVALID_JSON")},
            {QStringLiteral(""), QStringLiteral("INVALID_JSON")},
            {QStringLiteral("[\"subscribe\"]"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("\"subscribe\""), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"fly\"}"), QStringLiteral("UNKNOWN_EVENT")},
            {QStringLiteral("{\"data\":{}}"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":17}"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"subscribe\",\"data\":[1]}"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"subscribe\",\"data\":{\"pairs\":42}}"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"subscribe\",\"data\":{\"pairs\":[1,2]}}"), QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"request_price\",\"data\":{\"instrument\":[]}}"),
             QStringLiteral("INVALID_PAYLOAD")},
            {QStringLiteral("{\"event\":\"ping\",\"id\":{\"x\":1}}"), QStringLiteral("INVALID_PAYLOAD")},
        };
        for (const Case &k : cases) {
            c.sendRaw(k.text);
            const QJsonObject e = c.waitFor(QStringLiteral("error"));
            QVERIFY2(!e.isEmpty(), qPrintable(k.text));
            QCOMPARE(errorCode(e), k.code);
            QVERIFY(!e.value(QStringLiteral("data")).toObject().value(QStringLiteral("message")).toString().isEmpty());
        }
        c.sendBinary(QByteArray("\x00\x01\x02", 3));
        QCOMPARE(errorCode(c.waitFor(QStringLiteral("error"))), QStringLiteral("INVALID_PAYLOAD"));

        QVERIFY(c.isConnected());
        // Nothing leaked to the other client. It may have been told the feed is down (this
        // server may have no Redis to reach: PROTOCOL.md, feed_status), nothing else.
        for (const QJsonObject &m : bystander.takeAll())
            QCOMPARE(m.value(QStringLiteral("event")).toString(), QStringLiteral("feed_status"));
        const QJsonObject s = statsOf(bystander);
        QCOMPARE(counter(s, "errors", "INVALID_JSON"), 2);
        QCOMPARE(counter(s, "errors", "UNKNOWN_EVENT"), 1);
        QCOMPARE(counter(s, "errors", "INVALID_PAYLOAD"), 10);
        QCOMPARE(server.stop(), 0);
    }

    void oversizedFrames()
    {
        ServerProcess server;
        QVERIFY(server.start());
        WsClient bystander;
        QVERIFY(bystander.connectTo(server.wsUrl()));

        // One frame announcing 10 MB: closed with 1009 without the server reading it all.
        RawWsClient raw;
        QVERIFY(raw.connectTo(server.port()));
        raw.writeRaw(RawWsClient::frameHeader(1, 10 * 1024 * 1024) + QByteArray(1024, 'a'));
        QCOMPARE(raw.waitForClose(5000), 1009);

        // QWebSocket sending a 10 MB message (it fragments): also 1009.
        WsClient big;
        QVERIFY(big.connectTo(server.wsUrl()));
        big.sendRaw(QString(10 * 1024 * 1024, u'x'));
        QVERIFY(big.waitDisconnected(10000));
        QCOMPARE(big.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);

        // Just under the 64 KiB default limit is fine (an error event for the bad payload, no close).
        WsClient fine;
        QVERIFY(fine.connectTo(server.wsUrl()));
        fine.sendRaw(QStringLiteral("{\"event\":\"ping\",\"data\":{\"pad\":\"%1\"}}").arg(QString(60000, u'p')));
        QVERIFY(!fine.waitFor(QStringLiteral("pong")).isEmpty());

        QVERIFY(bystander.isConnected());
        QTRY_VERIFY_WITH_TIMEOUT(counter(statsOf(bystander), "disconnects", "message_too_large") == 2, 5000);
        QCOMPARE(counter(statsOf(bystander), "errors", "MESSAGE_TOO_LARGE"), 2);

        // The limit is configurable.
        ServerProcess small;
        QVERIFY(small.start({QStringLiteral("--max-message-size"), QStringLiteral("1024")}));
        WsClient s1;
        QVERIFY(s1.connectTo(small.wsUrl()));
        s1.sendRaw(QString(2000, u'y'));
        QVERIFY(s1.waitDisconnected());
        QCOMPARE(s1.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QCOMPARE(small.stop(), 0);
        QCOMPARE(server.stop(), 0);
    }

    void subscribeFlood()
    {
        ServerProcess server;
        QVERIFY(server.start());
        WsClient flood, bystander;
        QVERIFY(flood.connectTo(server.wsUrl()));
        QVERIFY(bystander.connectTo(server.wsUrl()));
        const QString msg = QStringLiteral("{\"event\":\"subscribe\",\"data\":{\"pairs\":[\"EUR_USD\"]}}");
        for (int i = 0; i < 10000; ++i)
            flood.sendRaw(msg);
        // The other client is served promptly meanwhile.
        QVERIFY(!bystander.request(QStringLiteral("ping"), {}, QStringLiteral("pong"), 5000).isEmpty());
        // Every subscribe is either confirmed or dropped (and counted): wait until all 10,000 are.
        const auto rateLimited = [&] { return counter(statsOf(bystander), "errors", "RATE_LIMITED"); };
        QTRY_COMPARE_WITH_TIMEOUT(flood.count(QStringLiteral("subscription_confirmed")) + rateLimited(), qint64(10000),
                                  30000);
        // A notice sent after the last confirmation may still be on its way: a ping on the flooding
        // connection is answered after it. A ping the limiter drops is counted and tried again.
        qint64 droppedPings = 0;
        for (;;) {
            const qint64 before = rateLimited();
            flood.send(QStringLiteral("ping"));
            QTRY_VERIFY_WITH_TIMEOUT(flood.count(QStringLiteral("pong")) > 0 || rateLimited() > before, 5000);
            if (flood.count(QStringLiteral("pong")) > 0)
                break;
            ++droppedPings;
        }
        QList<QJsonObject> got = flood.takeAll();
        got.removeIf([](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == u"pong"; });
        int confirmed = 0, limited = 0;
        for (const QJsonObject &e : got) {
            const QString ev = e.value(QStringLiteral("event")).toString();
            confirmed += ev == u"subscription_confirmed";
            if (ev == u"error") {
                QCOMPARE(errorCode(e), QStringLiteral("RATE_LIMITED"));
                QVERIFY(e.value(QStringLiteral("data"))
                            .toObject()
                            .value(QStringLiteral("details"))
                            .toObject()
                            .contains(QStringLiteral("dropped")));
                ++limited;
            }
        }
        QVERIFY2(confirmed >= 200 && confirmed < 10000, qPrintable(QString::number(confirmed)));
        QVERIFY(limited >= 1 && limited <= 5); // notices are themselves limited
        QVERIFY(flood.isConnected()); // a burst is not a reason to close
        const QJsonObject s = statsOf(bystander);
        QCOMPARE(counter(s, "errors", "RATE_LIMITED"), 10000 + droppedPings - confirmed);
        QCOMPARE(server.stop(), 0);
    }

    void sustainedFloodIsClosed()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--set"), QStringLiteral("WEBSOCKET_RATE_LIMIT=20"),
                              QStringLiteral("--set"), QStringLiteral("WEBSOCKET_RATE_BURST=20")}));
        // Over the limit continuously for longer than 10 s: closed with 1008 (RATE_LIMITED).
        WsClient bystander;
        QVERIFY(bystander.connectTo(server.wsUrl()));
        RawWsClient raw;
        QVERIFY(raw.connectTo(server.port()));
        int closeCode = -2;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15000 && closeCode == -2 && raw.socket().state() == QAbstractSocket::ConnectedState) {
            for (int i = 0; i < 10; ++i)
                raw.sendText("{\"event\":\"ping\"}");
            for (const RawFrame &f : raw.readFrames(25))
                if (f.opcode == 8)
                    closeCode = f.closeCode();
        }
        const qint64 elapsed = t.elapsed();
        QVERIFY2(elapsed >= 9000 && elapsed < 14000, qPrintable(QString::number(elapsed)));
        // The close frame is sent; a client still writing may see the reset before reading it.
        QVERIFY2(closeCode == 1008 || closeCode == -2, qPrintable(QString::number(closeCode)));
        QVERIFY(raw.waitForDisconnected(3000));
        QTRY_COMPARE_WITH_TIMEOUT(counter(statsOf(bystander), "disconnects", "rate_limited"), qint64(1), 3000);
        QVERIFY(bystander.isConnected());
        QCOMPARE(server.stop(), 0);
    }

    void vanishingClients()
    {
        ServerProcess server;
        QVERIFY(server.start());
        WsClient bystander;
        QVERIFY(bystander.connectTo(server.wsUrl()));
        bystander.request(QStringLiteral("subscribe"), {}, QStringLiteral("subscription_confirmed"));
        for (int i = 0; i < 5; ++i) {
            RawWsClient raw;
            QVERIFY(raw.connectTo(server.port()));
            // Read the welcome first: with nothing unread, abort() closes with a FIN (not a reset)
            // that the server reads after the half frame, so no pause is needed between the two.
            QVERIFY(!raw.waitForEvent("connection_established").isEmpty());
            raw.writeRaw(RawWsClient::frameHeader(1, 100) + QByteArray(10, '{')); // half a frame
            raw.socket().abort();
        }
        // Half an HTTP request, then gone.
        QTcpSocket half;
        half.connectToHost(QStringLiteral("127.0.0.1"), server.port());
        QVERIFY(half.waitForConnected());
        half.write("GET /ws HTTP/1.1\r\nUpgrade: websock");
        half.flush();
        half.abort();
        QTRY_VERIFY_WITH_TIMEOUT(counter(statsOf(bystander), "disconnects", "vanished") == 5, 5000);
        const QJsonObject s = statsOf(bystander);
        QCOMPARE(s.value(QStringLiteral("connected_clients")).toInt(), 1);
        QCOMPARE(s.value(QStringLiteral("rooms")).toObject().value(QStringLiteral("price_EUR_USD")).toInt(), 1);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestWsLimits)
#include "tst_ws_limits.moc"
