// protocol::WsReader and Utf8Validator (wsreader.h): RFC 6455 framing as a client sends it,
// every check at, under and over its bound, and any split of the bytes giving the same result.

#include "protocol/wsframe.h"
#include "protocol/wsreader.h"

#include <QRandomGenerator>
#include <QTest>

using fx::protocol::Utf8Validator;
using fx::protocol::WsMessage;
using fx::protocol::WsReader;
using Kind = fx::protocol::WsMessage::Kind;

namespace {

// A client frame: masked with a fixed key; rsv: the three reserved bits (0-7).
QByteArray clientFrame(int opcode, QByteArrayView payload, bool fin = true, bool masked = true, int rsv = 0)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | (rsv << 4) | opcode));
    const quint64 len = quint64(payload.size());
    const char maskBit = masked ? char(0x80) : char(0);
    if (len < 126) {
        out.append(char(maskBit | char(len)));
    } else if (len <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(len >> 8));
        out.append(char(len & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((len >> shift) & 0xFF));
    }
    const char key[4] = {0x12, 0x34, 0x56, 0x78};
    if (masked)
        out.append(key, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(masked ? char(payload[i] ^ key[i & 3]) : payload[i]);
    return out;
}

QList<WsMessage> readAll(WsReader &r, QByteArrayView bytes, qsizetype chunk = 0)
{
    QList<WsMessage> out;
    qsizetype at = 0;
    do {
        const qsizetype n = chunk > 0 ? std::min(chunk, bytes.size() - at) : bytes.size() - at;
        r.feed(bytes.sliced(at, n));
        at += n;
        for (WsMessage m = r.next(); m.kind != Kind::None; m = r.next())
            out.append(m);
    } while (at < bytes.size());
    return out;
}

WsMessage only(QByteArrayView bytes, qint64 limit = 65536)
{
    WsReader r(limit, limit);
    const QList<WsMessage> all = readAll(r, bytes);
    return all.size() == 1 ? all.first() : WsMessage{};
}

} // namespace

class TestWsReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void utf8_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::newRow("ascii") << QByteArray("hello") << true;
        QTest::newRow("two-byte") << QByteArray("\xC3\xA9") << true;
        QTest::newRow("three-byte") << QByteArray("\xE2\x82\xAC") << true;
        QTest::newRow("four-byte max") << QByteArray("\xF4\x8F\xBF\xBF") << true;
        QTest::newRow("over U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
        QTest::newRow("last before surrogates") << QByteArray("\xED\x9F\xBF") << true;
        QTest::newRow("overlong two-byte") << QByteArray("\xC0\xAF") << false;
        QTest::newRow("overlong three-byte") << QByteArray("\xE0\x80\xAF") << false;
        QTest::newRow("overlong four-byte") << QByteArray("\xF0\x80\x80\xAF") << false;
        QTest::newRow("lone continuation") << QByteArray("\x80") << false;
        QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << false;
        QTest::newRow("open at end") << QByteArray("\xE2\x82") << false;
    }
    void utf8()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        Utf8Validator whole;
        whole.feed(bytes);
        QCOMPARE(whole.complete(), valid);
        Utf8Validator byByte; // the same split anywhere
        for (char c : bytes)
            byByte.feed(QByteArrayView(&c, 1));
        QCOMPARE(byByte.complete(), valid);
    }

    void textBinaryPingPong()
    {
        WsReader r(1000, 1000);
        const QByteArray bytes = clientFrame(1, "{\"event\":\"ping\"}") + clientFrame(2, "\x01\x02")
            + clientFrame(9, "p") + clientFrame(10, "q");
        const QList<WsMessage> all = readAll(r, bytes);
        QCOMPARE(all.size(), 4);
        QCOMPARE(all[0].kind, Kind::Text);
        QCOMPARE(all[0].payload, QByteArray("{\"event\":\"ping\"}"));
        QCOMPARE(all[1].kind, Kind::Binary);
        QCOMPARE(all[1].payload, QByteArray("\x01\x02"));
        QCOMPARE(all[2].kind, Kind::Ping);
        QCOMPARE(all[2].payload, QByteArray("p"));
        QCOMPARE(all[3].kind, Kind::Pong);
        QCOMPARE(r.heldBytes(), 0); // nothing kept between messages
    }

    // Fragments with a ping between them, fed in every chunk size from 1 byte up.
    void anySplit()
    {
        const QByteArray bytes = clientFrame(1, "Hel", false) + clientFrame(9, "x")
            + clientFrame(0, "lo \xE2\x82", false) + clientFrame(0, "\xAC!", true)
            + clientFrame(1, QByteArray(300, 'a'));
        for (qsizetype chunk = 1; chunk <= bytes.size(); ++chunk) {
            WsReader r(1000, 1000);
            const QList<WsMessage> all = readAll(r, bytes, chunk);
            QVERIFY2(all.size() == 3,
                     qPrintable(QStringLiteral("chunk %1: %2 messages, first %3 %4")
                                    .arg(chunk)
                                    .arg(all.size())
                                    .arg(int(all.value(0).kind))
                                    .arg(all.value(0).reason)));
            QCOMPARE(all[0].kind, Kind::Ping);
            QCOMPARE(all[1].kind, Kind::Text);
            QCOMPARE(all[1].payload, QByteArray("Hello \xE2\x82\xAC!"));
            QCOMPARE(all[2].payload, QByteArray(300, 'a'));
            QCOMPARE(r.heldBytes(), 0);
        }
    }

    void lengths()
    {
        // 7-bit, 16-bit and 64-bit lengths, at the edges.
        for (int n : {0, 125, 126, 65535, 65536, 70000}) {
            const WsMessage m = only(clientFrame(2, QByteArray(n, 'z')), 100000);
            QCOMPARE(m.kind, Kind::Binary);
            QCOMPARE(m.payload.size(), n);
        }
    }

    void sizeLimit()
    {
        const qint64 limit = 1000;
        QCOMPARE(only(clientFrame(1, QByteArray(limit, 'a')), limit).kind, Kind::Text); // at
        QCOMPARE(only(clientFrame(1, QByteArray(limit - 1, 'a')), limit).kind, Kind::Text); // under
        const WsMessage over = only(clientFrame(1, QByteArray(limit + 1, 'a')), limit);
        QCOMPARE(over.kind, Kind::Error);
        QCOMPARE(over.closeCode, 1009);
        // From the header alone, before any payload arrives.
        WsReader r(limit, limit);
        r.feed(clientFrame(1, QByteArray(limit + 1, 'a')).left(8));
        QCOMPARE(r.next().closeCode, 1009);
        QVERIFY(r.failed());
        // Fragments: the message counts, not each frame.
        const QByteArray two = clientFrame(1, QByteArray(600, 'a'), false) + clientFrame(0, QByteArray(401, 'a'));
        QCOMPARE(only(two, limit).closeCode, 1009);
        const QByteArray fits = clientFrame(1, QByteArray(600, 'a'), false) + clientFrame(0, QByteArray(400, 'a'));
        QCOMPARE(only(fits, limit).payload.size(), 1000);
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("unmasked") << clientFrame(1, "a", true, false) << 1002;
        QTest::newRow("rsv1") << clientFrame(1, "a", true, true, 4) << 1002;
        QTest::newRow("rsv3") << clientFrame(1, "a", true, true, 1) << 1002;
        QTest::newRow("opcode 3") << clientFrame(3, "a") << 1002;
        QTest::newRow("opcode 11") << clientFrame(11, "") << 1002;
        QTest::newRow("fragmented ping") << clientFrame(9, "a", false) << 1002;
        QTest::newRow("ping of 126") << clientFrame(9, QByteArray(126, 'a')) << 1002;
        QTest::newRow("continuation first") << clientFrame(0, "a") << 1002;
        QTest::newRow("text inside text") << clientFrame(1, "a", false) + clientFrame(1, "b") << 1002;
        QByteArray msb = clientFrame(2, "");
        msb[1] = char(0x80 | 127);
        msb.insert(2, QByteArray("\x80\0\0\0\0\0\0\0", 8));
        QTest::newRow("64-bit length, top bit") << msb << 1002;
        QTest::newRow("invalid UTF-8") << clientFrame(1, "a\xC0\xAF") << 1007;
        QTest::newRow("UTF-8 left open") << clientFrame(1, "a\xE2\x82") << 1007;
        QTest::newRow("close of one byte") << clientFrame(8, "\x03") << 1002;
        QTest::newRow("close 1005") << clientFrame(8, "\x03\xED") << 1002;
        QTest::newRow("close 999") << clientFrame(8, "\x03\xE7") << 1002;
        QTest::newRow("close 2999") << clientFrame(8, "\x0B\xB7") << 1002;
        QTest::newRow("close 5000") << clientFrame(8, "\x13\x88") << 1002;
        QTest::newRow("close reason not UTF-8") << clientFrame(8, "\x03\xE8\xFF") << 1007;
    }
    void protocolErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const WsMessage m = only(bytes);
        QCOMPARE(m.kind, Kind::Error);
        QCOMPARE(m.closeCode, code);
        QVERIFY(!m.reason.isEmpty());
    }

    // Invalid text is refused at the fragment that breaks it, not at the message's end.
    void utf8FailsFast()
    {
        WsReader r(1000, 1000);
        r.feed(clientFrame(1, "ok \xF4\x90", false));
        const WsMessage m = r.next();
        QCOMPARE(m.kind, Kind::Error);
        QCOMPARE(m.closeCode, 1007);
    }

    void close()
    {
        const WsMessage none = only(clientFrame(8, ""));
        QCOMPARE(none.kind, Kind::Close);
        QCOMPARE(none.closeCode, 1005);
        for (int code : {1000, 1001, 1003, 1007, 1011, 1014, 3000, 4999}) {
            QByteArray payload;
            payload.append(char(code >> 8)).append(char(code & 0xFF)).append("bye \xC3\xA9");
            const WsMessage m = only(clientFrame(8, payload));
            QCOMPARE(m.kind, Kind::Close);
            QCOMPARE(m.closeCode, code);
            QCOMPARE(m.reason, QStringLiteral("bye \u00e9"));
        }
        // Nothing after the close is read.
        WsReader r(100, 100);
        const QList<WsMessage> all = readAll(r, clientFrame(8, "") + clientFrame(1, "late"));
        QCOMPARE(all.size(), 1);
        QVERIFY(r.closed());
    }

    // After the server's close: data frames skipped as they arrive, control frames still read.
    void discardAfterClose()
    {
        WsReader r(100, 100);
        r.setDiscardData(true);
        const QByteArray big =
            clientFrame(2, QByteArray(100000, 'x')) + clientFrame(1, "\xFF") + clientFrame(8, "\x03\xE8");
        QList<WsMessage> all;
        for (qsizetype at = 0; at < big.size(); at += 4096) {
            r.feed(QByteArrayView(big).sliced(at, std::min<qsizetype>(4096, big.size() - at)));
            for (WsMessage m = r.next(); m.kind != Kind::None; m = r.next())
                all.append(m);
            QVERIFY(r.heldBytes() <= 4096); // skipped, never held
        }
        QCOMPARE(all.size(), 1);
        QCOMPARE(all[0].kind, Kind::Close);
        QCOMPARE(all[0].closeCode, 1000);
    }

    void closeFrame()
    {
        QCOMPARE(fx::protocol::wsCloseFrame(1005, QString()), QByteArray("\x88\x00", 2));
        const QByteArray f = fx::protocol::wsCloseFrame(1008, QStringLiteral("RATE_LIMITED"));
        QCOMPARE(f, QByteArray("\x88\x0E\x03\xF0RATE_LIMITED"));
        // A long reason is cut to 123 bytes at a character boundary (é is two bytes).
        const QByteArray cut = fx::protocol::wsCloseFrame(1000, QString(100, QChar(0xE9)));
        QCOMPARE(quint8(cut[1]), 2 + 122);
        Utf8Validator v;
        v.feed(QByteArrayView(cut).sliced(4));
        QVERIFY(v.complete());
    }

    // Random bytes never crash it, and once it fails it stays failed.
    void randomBytes()
    {
        QRandomGenerator rng(16);
        for (int round = 0; round < 2000; ++round) {
            WsReader r(4096, 4096);
            QByteArray junk(int(rng.bounded(1, 300)), Qt::Uninitialized);
            for (char &c : junk)
                c = char(rng.bounded(256));
            readAll(r, junk, qsizetype(rng.bounded(1, 40)));
            if (r.failed())
                QCOMPARE(r.next().kind, Kind::None);
        }
    }
};

QTEST_APPLESS_MAIN(TestWsReader)
#include "tst_wsreader.moc"
