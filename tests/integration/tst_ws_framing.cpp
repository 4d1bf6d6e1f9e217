// The plain JSON WebSocket as the server frames it after the upgrade (ARCHITECTURE.md, "Platform
// seams", own WebSocket framing), against the real server process and a client on a bare socket
// that sends what libraries would not: fragments with control frames between them, a request
// split into single bytes, several requests in one write, every protocol error RFC 6455 names, and messages at, under and over the size limit. Each case runs with the server's
// own framing and with Qt's (FX_WS_FRAMING=qt), which must agree; the exact close codes of the
// protocol errors are checked where the server's own framing runs.

#include "core/platform.h"
#include "support/rawwsclient.h"
#include "support/serverprocess.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QTest>

using namespace fx::test;

namespace {

QProcessEnvironment framingEnv(bool qt)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (qt)
        env.insert(QStringLiteral("FX_WS_FRAMING"), QStringLiteral("qt"));
    else
        env.remove(QStringLiteral("FX_WS_FRAMING"));
    return env;
}

// Connected and welcomed.
bool open(RawWsClient &c, quint16 port)
{
    return c.connectTo(port) && !c.waitForEvent("connection_established").isEmpty();
}

// What a bare socket received until marker came (or 5 s passed).
QByteArray readUntil(QTcpSocket &s, const QByteArray &marker)
{
    QByteArray got;
    QDeadlineTimer deadline(5000);
    while (!got.contains(marker) && !deadline.hasExpired()
           && s.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
        got += s.readAll();
    return got;
}

bool ownFraming(bool qt)
{
    return !qt && !fx::core::platform::isPortableBuild();
}

} // namespace

class TestWsFraming : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fragmentsAndControlFrames_data() { framings(); }
    void fragmentsAndControlFrames()
    {
        QFETCH(bool, qt);
        ServerProcess server;
        QVERIFY(server.start({}, framingEnv(qt)));
        RawWsClient c;
        QVERIFY(open(c, server.port()));
        // {"event":"ping","id":7} in three fragments, a ping between the first two.
        c.sendFrame(1, "{\"event\":", false);
        c.sendFrame(9, "are you there");
        c.sendFrame(0, "\"ping\",", false);
        c.sendFrame(0, "\"id\":7}", true);
        const RawFrame pong = c.nextFrame();
        QCOMPARE(pong.opcode, 10);
        QCOMPARE(pong.payload, QByteArray("are you there"));
        const QByteArray answer = c.waitForEvent("pong");
        QVERIFY2(answer.contains("\"id\":7"), answer.constData());

        // One byte at a time, each its own TCP write.
        const QByteArray eight = "{\"event\":\"ping\",\"id\":8}";
        const QByteArray frame = RawWsClient::frameHeader(1, quint64(eight.size())) + eight;
        for (char b : frame) {
            c.writeRaw(QByteArray(1, b));
            QTest::qWait(1); // separate segments; nothing is asserted on time
        }
        QVERIFY(c.waitForEvent("pong").contains("\"id\":8"));

        // Several requests in one write.
        QByteArray many;
        for (int i = 0; i < 5; ++i) {
            const QByteArray text = QByteArray("{\"event\":\"ping\",\"id\":") + QByteArray::number(100 + i) + "}";
            many += RawWsClient::frameHeader(1, quint64(text.size())) + text;
        }
        c.writeRaw(many);
        for (int i = 0; i < 5; ++i)
            QVERIFY(c.waitForEvent("pong").contains("\"id\":" + QByteArray::number(100 + i)));

        // An empty text message is a bad request, answered, the connection kept.
        c.sendFrame(1, "");
        QVERIFY(!c.waitForEvent("error").isEmpty());
        c.sendFrame(1, "{\"event\":\"ping\",\"id\":9}");
        QVERIFY(c.waitForEvent("pong").contains("\"id\":9"));
        QCOMPARE(server.stop(), 0);
    }

    // The upgrade answered by the server itself (wschannel.h, acceptOwnUpgrade): the client's
    // first frame in the same write as its request is served; the answer and the welcome come
    // in order. (Qt's QWebSocketServer loses such a frame: RFC 6455 §4.1 has the client wait.)
    void frameWithTheUpgrade_data() { framings(); }
    void frameWithTheUpgrade()
    {
        QFETCH(bool, qt);
        if (!ownFraming(qt))
            QSKIP("QWebSocketServer answers the upgrade here");
        ServerProcess server;
        QVERIFY(server.start({}, framingEnv(qt)));
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(5000));
        const QByteArray text = "{\"event\":\"ping\",\"id\":42}";
        s.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
                + RawWsClient::frameHeader(1, quint64(text.size())) + text);
        const QByteArray got = readUntil(s, "\"id\":42");
        QVERIFY2(got.contains("\"id\":42"), got.constData());
        // RFC 6455 §4.2.2's own example: this key is answered with this accept value.
        QVERIFY(got.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        QVERIFY(got.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(got.indexOf("connection_established") < got.indexOf("\"id\":42"));
        QCOMPARE(server.stop(), 0);
    }

    // RFC 6455 §4.2.1 checked by the server where it answers upgrades itself: a version other
    // than 13 gets 426 with the version it speaks (§4.4), a key that is not 16 bytes in base64,
    // no key, or HTTP/1.0 gets 400; each with a JSON body, counted, and the next client served.
    void badUpgrades_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        const QByteArray start = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n";
        const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        QTest::newRow("version 8") << start + key + "Sec-WebSocket-Version: 8\r\n\r\n" << 426;
        QTest::newRow("no version") << start + key + "\r\n" << 426;
        QTest::newRow("short key") << start + "Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n" << 400;
        QTest::newRow("key not base64") << start
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=!\r\nSec-WebSocket-Version: 13\r\n\r\n"
                                        << 400;
        QTest::newRow("no key") << start + "Sec-WebSocket-Version: 13\r\n\r\n" << 400;
        QByteArray http10 = start + key + "Sec-WebSocket-Version: 13\r\n\r\n";
        http10.replace("HTTP/1.1", "HTTP/1.0");
        QTest::newRow("HTTP/1.0") << http10 << 400;
    }
    void badUpgrades()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        if (!ownFraming(false))
            QSKIP("QWebSocketServer answers the upgrade in the portable build");
        ServerProcess server;
        QVERIFY(server.start());
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(s.waitForConnected(5000));
        s.write(head);
        const QByteArray got = readUntil(s, "}");
        QVERIFY2(got.startsWith("HTTP/1.1 " + QByteArray::number(status)), got.constData());
        QVERIFY(got.contains("\"message\""));
        if (status == 426)
            QVERIFY(got.contains("Sec-WebSocket-Version: 13\r\n"));
        RawWsClient next; // and the server serves the next client
        QVERIFY(open(next, server.port()));
        QCOMPARE(server.stop(), 0);
    }

    void closeHandshake_data() { framings(); }
    void closeHandshake()
    {
        QFETCH(bool, qt);
        ServerProcess server;
        QVERIFY(server.start({}, framingEnv(qt)));
        RawWsClient c;
        QVERIFY(open(c, server.port()));
        QByteArray payload("\x0F\xA0", 2); // 4000, an application's code
        payload += "done";
        c.sendFrame(8, payload);
        QCOMPARE(c.waitForClose(), 4000); // echoed (RFC 6455 §5.5.1)
        QVERIFY(c.waitForDisconnected()); // and the server closes the TCP connection
        QCOMPARE(server.stop(), 0);
    }

    void protocolErrors_data()
    {
        QTest::addColumn<bool>("qt");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<bool>("qtRefuses"); // Qt 6.4's QWebSocket reads unmasked frames as if masked
        const QByteArray text = "{\"event\":\"ping\"}";
        const QByteArray header = RawWsClient::frameHeader(1, quint64(text.size()));
        QByteArray unmasked = header.left(2) + text;
        unmasked[1] = char(quint8(unmasked[1]) & 0x7F);
        QByteArray rsv1 = header + text;
        rsv1[0] = char(quint8(rsv1[0]) | 0x40);
        for (bool qt : {false, true}) {
            const char *mode = qt ? "qt" : "own";
            QTest::addRow("%s: unmasked", mode) << qt << unmasked << 1002 << false;
            QTest::addRow("%s: reserved bit", mode) << qt << rsv1 << 1002 << true;
            QTest::addRow("%s: reserved opcode", mode) << qt << RawWsClient::frameHeader(3, 0) << 1002 << true;
            QTest::addRow("%s: continuation first", mode) << qt << RawWsClient::frameHeader(0, 1) + "a" << 1002 << true;
            QTest::addRow("%s: fragmented ping", mode)
                << qt << RawWsClient::frameHeader(9, 1, false) + "a" << 1002 << true;
            QTest::addRow("%s: invalid UTF-8", mode)
                << qt << RawWsClient::frameHeader(1, 3) + "a\xC0\xAF" << 1007 << true;
            QTest::addRow("%s: close 1005", mode)
                << qt << RawWsClient::frameHeader(8, 2) + QByteArray("\x03\xED", 2) << 1002 << true;
        }
    }
    void protocolErrors()
    {
        QFETCH(bool, qt);
        QFETCH(bool, qtRefuses);
        if (!ownFraming(qt) && !qtRefuses)
            QSKIP("Qt's QWebSocket (FX_WS_FRAMING=qt, the portable build) accepts this frame");
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        ServerProcess server;
        QVERIFY(server.start({}, framingEnv(qt)));
        RawWsClient c;
        QVERIFY(open(c, server.port()));
        c.writeRaw(bytes);
        const int closed = c.waitForClose();
        QVERIFY2(closed != -2, "the server kept the connection open");
        if (ownFraming(qt))
            QCOMPARE(closed, code);
        QVERIFY(c.waitForDisconnected());
        // The server goes on serving others.
        RawWsClient next;
        QVERIFY(open(next, server.port()));
        QCOMPARE(server.stop(), 0);
    }

    // WEBSOCKET_MAX_MESSAGE_SIZE: at and under the limit served, one byte over closed with 1009,
    // in one frame or in fragments; the announced length alone is enough.
    void sizeLimit_data() { framings(); }
    void sizeLimit()
    {
        QFETCH(bool, qt);
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--max-message-size"), QStringLiteral("1024")}, framingEnv(qt)));
        auto request = [](int size) { // {"event":"ping","id":N,"p":"xxx..."} of exactly size bytes
            QByteArray t = "{\"event\":\"ping\",\"id\":5,\"p\":\"\"}";
            t.insert(t.size() - 2, QByteArray(size - t.size(), 'x'));
            return t;
        };
        for (int size : {1023, 1024}) {
            RawWsClient c;
            QVERIFY(c.connectTo(server.port()));
            c.sendText(request(size));
            QVERIFY2(c.waitForEvent("pong").contains("\"id\":5"), qPrintable(QString::number(size)));
            const QByteArray t = request(size);
            c.sendFrame(1, t.left(500), false); // the same in two fragments
            c.sendFrame(0, t.mid(500), true);
            QVERIFY(c.waitForEvent("pong").contains("\"id\":5"));
        }
        RawWsClient over;
        QVERIFY(over.connectTo(server.port()));
        over.sendText(request(1025));
        QCOMPARE(over.waitForClose(), 1009);
        RawWsClient overFragments;
        QVERIFY(overFragments.connectTo(server.port()));
        const QByteArray t = request(1025);
        overFragments.sendFrame(1, t.left(1000), false);
        overFragments.sendFrame(0, t.mid(1000), true);
        QCOMPARE(overFragments.waitForClose(), 1009);
        RawWsClient announced; // a header announcing 1 MB, then nothing
        QVERIFY(announced.connectTo(server.port()));
        announced.writeRaw(RawWsClient::frameHeader(2, 1 << 20));
        QCOMPARE(announced.waitForClose(), 1009);
        QCOMPARE(server.stop(), 0);
    }

private:
    static void framings()
    {
        QTest::addColumn<bool>("qt");
        QTest::newRow("own") << false;
        QTest::newRow("qt") << true;
    }
};

QTEST_GUILESS_MAIN(TestWsFraming)
#include "tst_ws_framing.moc"
