// The product over Socket.IO, on the wire: same events and payloads as plain JSON (one session
// model, two wire formats), CONNECT_ERROR for refusals, binary refused with an error event,
// CORS for browsers, and long-polling sessions bounded like WebSocket ones.

#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace fx::test;

namespace {
// The next Socket.IO text frame other than a ping.
QByteArray nextPacket(RawWsClient &ws, int timeoutMs = 3000)
{
    return ws.nextText(timeoutMs);
}
QJsonArray eventOf(const QByteArray &packet)
{
    return QJsonDocument::fromJson(packet.mid(packet.indexOf('['))).array();
}
} // namespace

class TestSocketIoProduct : public QObject
{
    Q_OBJECT

    bool sioConnect(RawWsClient &ws, quint16 port)
    {
        if (!ws.connectTo(port, "/socket.io/?EIO=4&transport=websocket"))
            return false;
        if (!nextPacket(ws).startsWith("0{"))
            return false;
        ws.sendText("40");
        return nextPacket(ws).startsWith("40{\"sid\":");
    }

private Q_SLOTS:
    void sameEventsBothWireFormats()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port())}));
        RawWsClient sio;
        QVERIFY(sioConnect(sio, server.port()));
        // connection_established comes right after the CONNECT reply.
        QJsonArray ev = eventOf(nextPacket(sio));
        QCOMPARE(ev.at(0).toString(), QStringLiteral("connection_established"));
        QCOMPARE(ev.at(1).toObject().value(QStringLiteral("available_pairs")).toArray().size(), 20);

        WsClient plain;
        QVERIFY(plain.connectTo(server.wsUrl()));
        sio.sendText("4212[\"subscribe\",{\"pairs\":[\"EUR_USD\",\"BAD\"]}]");
        const QByteArray reply = nextPacket(sio), ackPacket = nextPacket(sio);
        QVERIFY(reply.startsWith("42[\"subscription_confirmed\","));
        QVERIFY(ackPacket.startsWith("4312["));
        QCOMPARE(eventOf(ackPacket).at(0).toObject(), eventOf(reply).at(1).toObject()); // the ack carries the reply
        const QJsonObject plainReply =
            plain
                .request(QStringLiteral("subscribe"),
                         {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("BAD")}}},
                         QStringLiteral("subscription_confirmed"))
                .value(QStringLiteral("data"))
                .toObject();
        QJsonObject a = eventOf(reply).at(1).toObject(), b = plainReply;
        a.remove(QStringLiteral("timestamp"));
        b.remove(QStringLiteral("timestamp"));
        QCOMPARE(a, b);

        auto pub = publisherFor(redis.port());
        QString err;
        QVERIFY(pub->publish(QStringLiteral("price_updates"),
                             R"({"instrument":"EUR_USD","price":{"bid":"1.09450","ask":"1.09470"}})", &err));
        const QJsonArray sioPrice = eventOf(nextPacket(sio));
        const QJsonObject plainPrice =
            plain.waitFor(QStringLiteral("price_update")).value(QStringLiteral("data")).toObject();
        QCOMPARE(sioPrice.at(0).toString(), QStringLiteral("price_update"));
        QCOMPARE(sioPrice.at(1).toObject(), plainPrice); // the same bytes encoded once

        // Both clients are counted and listed alike.
        const QJsonObject stats = plain.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
                                      .value(QStringLiteral("data"))
                                      .toObject();
        QCOMPARE(stats.value(QStringLiteral("connected_clients")).toInt(), 2);
        QCOMPARE(stats.value(QStringLiteral("rooms")).toObject().value(QStringLiteral("price_EUR_USD")).toInt(), 2);
        QCOMPARE(server.stop(), 0);
    }

    void refusals()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--max-clients"), QStringLiteral("1")}));
        RawWsClient first;
        QVERIFY(sioConnect(first, server.port()));
        // Unknown namespaces are refused; the Engine.IO connection stays.
        RawWsClient second;
        QVERIFY(second.connectTo(server.port(), "/socket.io/?EIO=4&transport=websocket"));
        QVERIFY(nextPacket(second).startsWith("0{"));
        second.sendText("40/admin,");
        QCOMPARE(nextPacket(second), QByteArray("44/admin,{\"message\":\"Invalid namespace\"}"));
        // Over max clients: CONNECT_ERROR SERVER_FULL (same message as the WebSocket close reason).
        second.sendText("40");
        const QByteArray refused = nextPacket(second);
        QVERIFY2(refused.startsWith("44{"), refused.constData());
        const QJsonObject o = QJsonDocument::fromJson(refused.mid(2)).object();
        QCOMPARE(o.value(QStringLiteral("message")).toString(), QStringLiteral("SERVER_FULL"));
        QVERIFY(second.socket().state() == QAbstractSocket::ConnectedState);

        // Binary events are not part of the contract: an error event (and the ack), no close.
        nextPacket(first); // connection_established
        first.sendText("451-7[\"subscribe\",{\"_placeholder\":true,\"num\":0}]");
        first.sendFrame(2, "xyz");
        const QJsonArray e = eventOf(nextPacket(first));
        QCOMPARE(e.at(0).toString(), QStringLiteral("error"));
        QCOMPARE(e.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAYLOAD"));
        QVERIFY(nextPacket(first).startsWith("437["));
        // Arguments that are not objects, and unknown events, are errors too.
        first.sendText("42[\"subscribe\",\"EUR_USD\"]");
        QCOMPARE(eventOf(nextPacket(first)).at(1).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("INVALID_PAYLOAD"));
        first.sendText("42[\"fly\",{}]");
        QCOMPARE(eventOf(nextPacket(first)).at(1).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("UNKNOWN_EVENT"));
        QVERIFY(first.socket().state() == QAbstractSocket::ConnectedState);
        // Broken framing closes the connection.
        first.sendText("42{}");
        QVERIFY(first.waitForDisconnected(2000));
        QCOMPARE(server.stop(), 0);
    }

    void cors()
    {
        ServerProcess server;
        QVERIFY(
            server.start({QStringLiteral("--set"), QStringLiteral("CORS_ALLOWED_ORIGINS=http://desk.example:8080")}));
        HttpReply r = httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling", {},
                                  {{"Origin", "http://desk.example:8080"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://desk.example:8080"));
        QCOMPARE(r.header("access-control-allow-credentials"), QByteArray("true"));
        const QByteArray sid = sidOf(r.body);
        r = httpRequest(server.port(), "POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40",
                        {{"Origin", "http://desk.example:8080"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://desk.example:8080"));
        r = httpRequest(server.port(), "OPTIONS", "/socket.io/?EIO=4&transport=polling", {},
                        {{"Origin", "http://desk.example:8080"},
                         {"Access-Control-Request-Method", "POST"},
                         {"Access-Control-Request-Headers", "content-type"}});
        QCOMPARE(r.status, 204);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("http://desk.example:8080"));
        QCOMPARE(r.header("access-control-allow-methods"), QByteArray("GET, POST"));
        // The headers the server uses, not a reflection of the request's.
        QCOMPARE(r.header("access-control-allow-headers"), QByteArray("Content-Type, Authorization"));
        // Other origins are refused (403, code 4), for polling and WebSocket alike.
        r = httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling", {},
                        {{"Origin", "http://evil.example"}});
        QCOMPARE(r.status, 403);
        QCOMPARE(QJsonDocument::fromJson(r.body).object().value(QStringLiteral("code")).toInt(), 4);
        QVERIFY(r.header("access-control-allow-origin").isEmpty());
        QCOMPARE(server.stop(), 0);

        // The default ("*"): any origin, answered "*" and never with credentials, which
        // socket.io-client accepts (its polling requests are not credentialed by default).
        ServerProcess open;
        QVERIFY(open.start());
        r = httpRequest(open.port(), "GET", "/socket.io/?EIO=4&transport=polling", {},
                        {{"Origin", "http://evil.example"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(r.header("access-control-allow-credentials").isEmpty());
        QCOMPARE(open.stop(), 0);
    }

    void pollingIsBounded()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port()), QStringLiteral("--set"),
                              QStringLiteral("WEBSOCKET_SEND_QUEUE_LIMIT=65536")}));
        const QByteArray sid = sidOf(httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling").body);
        const QByteArray url = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        QCOMPARE(httpRequest(server.port(), "POST", url, "40").status, 200);
        QVERIFY(httpRequest(server.port(), "GET", url).body.contains("connection_established"));
        QCOMPARE(httpRequest(server.port(), "POST", url, "42[\"subscribe\",{\"pairs\":\"all\"}]").status, 200);
        QVERIFY(httpRequest(server.port(), "GET", url).body.contains("subscription_confirmed"));
        // A client that stops polling while 4,000 prices are published keeps at most a bounded
        // queue: beyond the soft limit only the newest price per pair is kept.
        auto pub = publisherFor(redis.port());
        const QStringList pairs{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY"),
                                QStringLiteral("AUD_USD")};
        for (int i = 0; i < 4000; ++i)
            pub->appendPublish(QStringLiteral("price_updates"),
                               QStringLiteral(R"({"instrument":"%1","price":{"bid":"1.%2","ask":"1.%2"},"seq":%3})")
                                   .arg(pairs[i % 4])
                                   .arg(10000 + i)
                                   .arg(i)
                                   .toUtf8());
        QString err;
        QVERIFY2(pub->flush(&err), qPrintable(err));
        // Once the subscriber has counted all 4,000, their broadcasts are already queued to the
        // I/O threads (a sanitizer build is slow: no fixed sleep).
        QTRY_VERIFY_WITH_TIMEOUT(httpRequest(server.port(), "GET", "/metrics")
                                     .body.contains("fxmonitor_redis_messages_total{channel=\"price_updates\"} 4000\n"),
                                 20000);
        // The client polls again until it has the newest price of every pair (an I/O thread may
        // still be delivering when the first poll arrives; a poll with nothing queued is held
        // until something is): everything it got over those polls is bounded ...
        QByteArray received;
        qsizetype packets = 0;
        const auto hasNewest = [&] {
            for (int i = 3996; i < 4000; ++i)
                if (!received.contains("\"seq\":" + QByteArray::number(i)))
                    return false;
            return true;
        };
        for (QDeadlineTimer deadline(20000); !hasNewest() && !deadline.hasExpired();) {
            const HttpReply batch = httpRequest(server.port(), "GET", url);
            QCOMPARE(batch.status, 200);
            packets += batch.body.split('\x1e').size();
            received += batch.body + '\x1e';
        }
        QVERIFY2(packets < 400, qPrintable(QString::number(packets)));
        QVERIFY(received.size() < 80000);
        // ... and the newest price of every pair is among them.
        QVERIFY(hasNewest());
        // The session is alive and polls on.
        QCOMPARE(httpRequest(server.port(), "POST", url, "42[\"ping\",{}]").status, 200);
        QVERIFY(httpRequest(server.port(), "GET", url).body.contains("pong"));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSocketIoProduct)
#include "tst_socketio_product.moc"
