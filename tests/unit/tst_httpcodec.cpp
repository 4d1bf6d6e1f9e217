// HTTP request heads: what the front accepts, what it refuses and with which status.

#include "protocol/httpcodec.h"

#include <QTest>

using namespace fx::protocol;

class TestHttpCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesUpgrade()
    {
        const QByteArray req = "GET /socket.io/?EIO=4&transport=websocket&sid=abc%20d HTTP/1.1\r\n"
                               "Host: 127.0.0.1:5001\r\nConnection: keep-alive, Upgrade\r\nUpgrade: websocket\r\n"
                               "Sec-WebSocket-Version: 13\r\n\r\nEXTRA";
        const auto r = parseHttpHead(req);
        QCOMPARE(r.status, HttpParseResult::Complete);
        QCOMPARE(r.headLength, req.size() - 5);
        QCOMPARE(r.request.method, QByteArray("GET"));
        QCOMPARE(r.request.path, QByteArray("/socket.io/"));
        QCOMPARE(r.request.query, QByteArray("EIO=4&transport=websocket&sid=abc%20d"));
        QVERIFY(r.request.isWebSocketUpgrade());
        QVERIFY(r.request.keepAlive());
        QCOMPARE(r.request.header("UPGRADE"), QByteArray("websocket"));
        QCOMPARE(r.request.queryValue(u"sid"), QStringLiteral("abc d"));
        bool present = true;
        QVERIFY(r.request.queryValue(u"t", &present).isEmpty());
        QVERIFY(!present);
    }

    // RFC 6455 §4.2.1: what an upgrade must carry; §4.2.2's own example of the accept value.
    void webSocketUpgradeChecks_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        const QByteArray key = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
        QTest::newRow("fine") << "Host: a\r\n" + key + "Sec-WebSocket-Version: 13\r\n" << 0;
        QTest::newRow("key with spaces around")
            << QByteArray("Host: a\r\nSec-WebSocket-Key:   dGhlIHNhbXBsZSBub25jZQ==  \r\n"
                          "Sec-WebSocket-Version: 13\r\n")
            << 0;
        QTest::newRow("no host") << key + "Sec-WebSocket-Version: 13\r\n" << 400;
        QTest::newRow("version 8") << "Host: a\r\n" + key + "Sec-WebSocket-Version: 8\r\n" << 426;
        QTest::newRow("version 14") << "Host: a\r\n" + key + "Sec-WebSocket-Version: 14\r\n" << 426;
        QTest::newRow("no version") << "Host: a\r\n" + key << 426;
        QTest::newRow("15-byte key") << QByteArray("Host: a\r\nSec-WebSocket-Key: MTIzNDU2Nzg5MDEyMzQ1\r\n"
                                                   "Sec-WebSocket-Version: 13\r\n")
                                     << 400;
        QTest::newRow("17-byte key") << QByteArray("Host: a\r\nSec-WebSocket-Key: MTIzNDU2Nzg5MDEyMzQ1Njc=\r\n"
                                                   "Sec-WebSocket-Version: 13\r\n")
                                     << 400;
        QTest::newRow("16 bytes, not base64") << QByteArray("Host: a\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=*\r\n"
                                                            "Sec-WebSocket-Version: 13\r\n")
                                              << 400;
        QTest::newRow("no key") << QByteArray("Host: a\r\nSec-WebSocket-Version: 13\r\n") << 400;
    }
    void webSocketUpgradeChecks()
    {
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        const auto r =
            parseHttpHead("GET /ws HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + headers + "\r\n");
        if (r.status == HttpParseResult::Error) { // HTTP/1.1 without Host: refused by the parser already
            QCOMPARE(r.errorStatus, status);
            return;
        }
        QCOMPARE(r.status, HttpParseResult::Complete);
        const UpgradeCheck c = checkWebSocketUpgrade(r.request);
        QCOMPARE(c.status, status);
        QCOMPARE(c.message.isEmpty(), status == 0);
        const auto old =
            parseHttpHead("GET /ws HTTP/1.0\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" + headers + "\r\n");
        QCOMPARE(checkWebSocketUpgrade(old.request).status, 400);
        QCOMPARE(webSocketAccept("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    void parsesPostWithBody()
    {
        const auto r = parseHttpHead("POST /x HTTP/1.1\r\nHost: h\r\nContent-Length: 12\r\n\r\n");
        QCOMPARE(r.status, HttpParseResult::Complete);
        QCOMPARE(r.request.contentLength, 12);
        QVERIFY(!r.request.isWebSocketUpgrade());
    }

    void incomplete()
    {
        QCOMPARE(parseHttpHead("GET / HTTP/1.1\r\nHost: h\r\n").status, HttpParseResult::Incomplete);
        QCOMPARE(parseHttpHead("").status, HttpParseResult::Incomplete);
    }

    void http10AndLf()
    {
        const auto r = parseHttpHead("GET /health HTTP/1.0\n\n");
        QCOMPARE(r.status, HttpParseResult::Complete);
        QCOMPARE(r.request.minorVersion, 0);
        QVERIFY(!r.request.keepAlive());
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage") << QByteArray("hello\r\n\r\n") << 400;
        QTest::newRow("no host") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("version") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("relative") << QByteArray("GET x HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("bad length") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n") << 400;
        QTest::newRow("two lengths") << QByteArray(
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")
                                     << 400;
        QTest::newRow("huge body") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999\r\n\r\n")
                                   << 413;
        QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 501;
        QTest::newRow("folding") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n") << 400;
        QTest::newRow("bad name") << QByteArray("GET / HTTP/1.1\r\nHo st: h\r\n\r\n") << 400;
        QTest::newRow("control in target") << QByteArray("GET /a\x01 HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("long target") << QByteArray("GET /" + QByteArray(9000, 'a') + " HTTP/1.1\r\nHost: h\r\n\r\n")
                                     << 414;
        QTest::newRow("too many headers") << [] {
            QByteArray h = "GET / HTTP/1.1\r\nHost: h\r\n";
            for (int i = 0; i < 120; ++i)
                h += "X-" + QByteArray::number(i) + ": v\r\n";
            return h + "\r\n";
        }() << 431;
        QTest::newRow("endless head") << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(20000, 'a')) << 431;
    }

    void errors()
    {
        QFETCH(QByteArray, head);
        QFETCH(int, status);
        const auto r = parseHttpHead(head);
        QCOMPARE(r.status, HttpParseResult::Error);
        QCOMPARE(r.errorStatus, status);
        QVERIFY(!r.error.isEmpty());
    }

    void responses()
    {
        const QByteArray r = httpResponse(404, "application/json", "{}", {{"X-A", "1"}}, false);
        QVERIFY(r.startsWith("HTTP/1.1 404 Not Found\r\n"));
        QVERIFY(r.contains("Content-Length: 2\r\n"));
        QVERIFY(r.contains("X-A: 1\r\n"));
        QVERIFY(r.contains("Connection: close\r\n"));
        QVERIFY(r.endsWith("\r\n\r\n{}"));
        const QByteArray h = httpResponse(200, "text/plain", "hello", {}, true, true);
        QVERIFY(h.contains("Content-Length: 5\r\n"));
        QVERIFY(h.endsWith("\r\n\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestHttpCodec)
#include "tst_httpcodec.moc"
