// Engine.IO v4 and Socket.IO v5 codecs: every packet type both ways, and malformed input.

#include "protocol/engineio.h"
#include "protocol/socketio.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace fx::protocol;

class TestSocketIoCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eioText_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("type");
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("open") << QByteArray("0{\"sid\":\"x\"}") << int('0') << QByteArray("{\"sid\":\"x\"}");
        QTest::newRow("close") << QByteArray("1") << int('1') << QByteArray();
        QTest::newRow("ping") << QByteArray("2") << int('2') << QByteArray();
        QTest::newRow("probe") << QByteArray("2probe") << int('2') << QByteArray("probe");
        QTest::newRow("pong") << QByteArray("3probe") << int('3') << QByteArray("probe");
        QTest::newRow("message") << QByteArray("4hello") << int('4') << QByteArray("hello");
        QTest::newRow("empty message") << QByteArray("4") << int('4') << QByteArray();
        QTest::newRow("upgrade") << QByteArray("5") << int('5') << QByteArray();
        QTest::newRow("noop") << QByteArray("6") << int('6') << QByteArray();
        QTest::newRow("utf8") << QByteArray("4caf\xc3\xa9") << int('4') << QByteArray("caf\xc3\xa9");
    }
    void eioText()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, type);
        QFETCH(QByteArray, data);
        const auto p = eio::decodeText(wire);
        QVERIFY(p);
        QCOMPARE(int(p->type), type);
        QCOMPARE(p->data, data);
        QCOMPARE(eio::encodeText(*p), wire);
    }

    void eioBadText()
    {
        QVERIFY(!eio::decodeText(""));
        QVERIFY(!eio::decodeText("abc"));
        QVERIFY(!eio::decodeText("7"));
        QVERIFY(!eio::decodeText("b"));
    }

    void eioPayload()
    {
        const auto ps = eio::decodePayload("4hello\x1e"
                                           "bAQIDBA==\x1e"
                                           "2\x1e"
                                           "4");
        QVERIFY(ps);
        QCOMPARE(ps->size(), 4);
        QCOMPARE(ps->at(0), eio::Packet::message("hello"));
        QCOMPARE(ps->at(1), eio::Packet::message(QByteArray("\x01\x02\x03\x04", 4), true));
        QCOMPARE(ps->at(2).type, eio::PacketType::Ping);
        QCOMPARE(ps->at(3), eio::Packet::message(""));
        QCOMPARE(eio::encodePayload(*ps),
                 QByteArray("4hello\x1e"
                            "bAQIDBA==\x1e"
                            "2\x1e"
                            "4"));
        QCOMPARE(eio::encodePayload({eio::Packet::message("x")}), QByteArray("4x"));
        QCOMPARE(eio::encodePayload({}), QByteArray());
    }

    void eioBadPayload_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("abc");
        QTest::newRow("bad record") << QByteArray("4ok\x1exyz");
        QTest::newRow("empty record") << QByteArray("4ok\x1e");
        QTest::newRow("bad base64") << QByteArray("b@@@");
    }
    void eioBadPayload()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!eio::decodePayload(body));
    }

    void eioOpenAndErrors()
    {
        QCOMPARE(eio::openPacket("abc", true, 25000, 20000, 1000000),
                 QByteArray("0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":"
                            "20000,\"maxPayload\":1000000}"));
        QCOMPARE(eio::openPacket("abc", false, 300, 200, 1000000).mid(0, 30),
                 QByteArray("0{\"sid\":\"abc\",\"upgrades\":[],\"p"));
        QCOMPARE(eio::errorBody(eio::HttpError::SessionIdUnknown),
                 QByteArray("{\"code\":1,\"message\":\"Session ID unknown\"}"));
        QCOMPARE(eio::errorStatus(eio::HttpError::Forbidden), 403);
        QCOMPARE(eio::errorStatus(eio::HttpError::TransportUnknown), 400);
    }

    void sioRoundTrip_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("nsp");
        QTest::addColumn<qint64>("id"); // -1: none
        QTest::addColumn<int>("attachments");
        QTest::newRow("connect") << QByteArray("0") << 0 << "/" << qint64(-1) << 0;
        QTest::newRow("connect auth") << QByteArray("0{\"token\":\"123\"}") << 0 << "/" << qint64(-1) << 0;
        QTest::newRow("connect nsp") << QByteArray("0/admin,") << 0 << "/admin" << qint64(-1) << 0;
        QTest::newRow("connect nsp auth")
            << QByteArray("0/admin,{\"token\":\"abc\"}") << 0 << "/admin" << qint64(-1) << 0;
        QTest::newRow("connect reply") << QByteArray("0{\"sid\":\"abc\"}") << 0 << "/" << qint64(-1) << 0;
        QTest::newRow("disconnect") << QByteArray("1") << 1 << "/" << qint64(-1) << 0;
        QTest::newRow("disconnect nsp") << QByteArray("1/admin,") << 1 << "/admin" << qint64(-1) << 0;
        QTest::newRow("event") << QByteArray("2[\"foo\"]") << 2 << "/" << qint64(-1) << 0;
        QTest::newRow("event args") << QByteArray("2[\"message\",1,\"2\",{\"3\":[true]}]") << 2 << "/" << qint64(-1)
                                    << 0;
        QTest::newRow("event ack") << QByteArray("212[\"foo\"]") << 2 << "/" << qint64(12) << 0;
        QTest::newRow("event nsp ack") << QByteArray("2/admin,17[\"name\"]") << 2 << "/admin" << qint64(17) << 0;
        QTest::newRow("ack") << QByteArray("3456[1,\"2\",{\"3\":[false]}]") << 3 << "/" << qint64(456) << 0;
        QTest::newRow("ack empty") << QByteArray("312[]") << 3 << "/" << qint64(12) << 0;
        QTest::newRow("connect error") << QByteArray("4{\"message\":\"Invalid namespace\"}") << 4 << "/" << qint64(-1)
                                       << 0;
        QTest::newRow("connect error nsp")
            << QByteArray("4/random,{\"message\":\"Invalid namespace\"}") << 4 << "/random" << qint64(-1) << 0;
        QTest::newRow("binary event") << QByteArray(
            "52-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")
                                      << 5 << "/" << qint64(-1) << 2;
        QTest::newRow("binary ack") << QByteArray(
            "62-789[{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]")
                                    << 6 << "/" << qint64(789) << 2;
        QTest::newRow("binary nested") << QByteArray("51-/admin,3[\"up\",{\"file\":{\"_placeholder\":true,\"num\":0}}]")
                                       << 5 << "/admin" << qint64(3) << 1;
    }
    void sioRoundTrip()
    {
        QFETCH(QByteArray, wire);
        QFETCH(int, type);
        QFETCH(QString, nsp);
        QFETCH(qint64, id);
        QFETCH(int, attachments);
        const sio::Decoded d = sio::decode(wire);
        QVERIFY2(d.packet, qPrintable(d.error));
        QCOMPARE(int(d.packet->type), type);
        QCOMPARE(d.packet->nsp, nsp);
        QCOMPARE(d.packet->id.has_value(), id >= 0);
        if (id >= 0)
            QCOMPARE(qint64(*d.packet->id), id);
        QCOMPARE(d.packet->attachments, attachments);
        QCOMPARE(sio::encode(*d.packet), wire);
    }

    void sioNamespaceWithoutComma()
    {
        const sio::Decoded d = sio::decode("0/custom");
        QVERIFY(d.packet);
        QCOMPARE(d.packet->nsp, QStringLiteral("/custom"));
        QCOMPARE(sio::encode(*d.packet), QByteArray("0/custom,"));
    }

    void sioEncodes()
    {
        sio::Packet p;
        p.type = sio::PacketType::Event;
        p.data = QJsonArray{QStringLiteral("price_update"), QJsonObject{{QStringLiteral("a"), 1}}};
        QCOMPARE(sio::encode(p), QByteArray("2[\"price_update\",{\"a\":1}]"));
        p.type = sio::PacketType::ConnectError;
        p.nsp = QStringLiteral("/x");
        p.data = QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
        QCOMPARE(sio::encode(p), QByteArray("4/x,{\"message\":\"Invalid namespace\"}"));
        QCOMPARE(sio::eventName(*sio::decode("2[\"hello\",1]").packet), QStringLiteral("hello"));
    }

    void sioRejects_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("unknown type") << QByteArray("abc");
        QTest::newRow("type 7") << QByteArray("7[]");
        QTest::newRow("event object") << QByteArray("2{}");
        QTest::newRow("event empty array") << QByteArray("2[]");
        QTest::newRow("event name object") << QByteArray("2[{}]");
        QTest::newRow("event bad ack id") << QByteArray("2abc[\"message-with-ack\",1]");
        QTest::newRow("event bad json") << QByteArray("2[\"x\"");
        QTest::newRow("event no payload") << QByteArray("2");
        QTest::newRow("reserved name") << QByteArray("2[\"connect\"]");
        QTest::newRow("reserved name 2") << QByteArray("2[\"disconnecting\"]");
        QTest::newRow("connect array") << QByteArray("0[]");
        QTest::newRow("connect string") << QByteArray("0\"x\"");
        QTest::newRow("disconnect payload") << QByteArray("1{}");
        QTest::newRow("ack object") << QByteArray("31{}");
        QTest::newRow("ack without payload") << QByteArray("31");
        QTest::newRow("binary no count") << QByteArray("5[\"x\"]");
        QTest::newRow("binary zero") << QByteArray("50-[\"x\"]");
        QTest::newRow("binary too many") << QByteArray("511-[\"x\"]");
        QTest::newRow("binary bad placeholder") << QByteArray("51-[\"x\",{\"_placeholder\":true,\"num\":1}]");
        QTest::newRow("binary missing placeholder") << QByteArray("52-[\"x\",{\"_placeholder\":true,\"num\":0}]");
        QTest::newRow("binary duplicate placeholder")
            << QByteArray("52-[\"x\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":0}]");
        QTest::newRow("huge ack id") << QByteArray("29999999999999999999[\"x\"]");
        QTest::newRow("connect error none") << QByteArray("4");
    }
    void sioRejects()
    {
        QFETCH(QByteArray, wire);
        const sio::Decoded d = sio::decode(wire);
        QVERIFY(!d.packet);
        QVERIFY(!d.error.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSocketIoCodec)
#include "tst_socketio_codec.moc"
