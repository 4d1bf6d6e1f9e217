// The plain JSON envelope, both ways, and the WebSocket frame encoder.

#include "protocol/envelope.h"
#include "protocol/wsframe.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fx::protocol;

class TestEnvelope : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decodesRequests()
    {
        auto r = decodeEnvelope(R"({"event":"subscribe","data":{"pairs":["EUR_USD"]},"id":7})");
        QVERIFY(std::holds_alternative<ClientRequest>(r));
        const auto &req = std::get<ClientRequest>(r);
        QCOMPARE(req.event, QStringLiteral("subscribe"));
        QCOMPARE(req.data.value(QStringLiteral("pairs")).toArray().size(), 1);
        QCOMPARE(req.id.toInt(), 7);

        r = decodeEnvelope(R"({"event":"get_subscriptions"})");
        QVERIFY(std::holds_alternative<ClientRequest>(r));
        QVERIFY(std::get<ClientRequest>(r).data.isEmpty());
        QVERIFY(std::get<ClientRequest>(r).id.isUndefined());

        r = decodeEnvelope(R"({"event":"ping","data":null,"id":"abc"})");
        QVERIFY(std::holds_alternative<ClientRequest>(r));
        QCOMPARE(std::get<ClientRequest>(r).id.toString(), QStringLiteral("abc"));

        // Python's json escapes non-ASCII as \uXXXX: decoded.
        r = decodeEnvelope(R"({"event":"ping","data":{"note":"caf\u00e9"}})");
        QCOMPARE(std::get<ClientRequest>(r).data.value(QStringLiteral("note")).toString(), QStringLiteral("café"));
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("event");
        QTest::newRow("not json") << QByteArray("hello") << int(ErrorCode::InvalidJson) << QString();
        QTest::newRow("truncated") << QByteArray(R"({"event":"ping")") << int(ErrorCode::InvalidJson) << QString();
        QTest::newRow("empty") << QByteArray("") << int(ErrorCode::InvalidJson) << QString();
        QTest::newRow("array") << QByteArray("[1,2]") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("number") << QByteArray("42") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("string") << QByteArray("\"subscribe\"") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("two values") << QByteArray("1,2") << int(ErrorCode::InvalidJson) << QString();
        QTest::newRow("no event") << QByteArray(R"({"data":{}})") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("event number") << QByteArray(R"({"event":5})") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("event empty") << QByteArray(R"({"event":""})") << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("event long") << (QByteArray("{\"event\":\"") + QByteArray(65, 'x') + QByteArray("\"}"))
                                    << int(ErrorCode::InvalidPayload) << QString();
        QTest::newRow("data array") << QByteArray(R"({"event":"subscribe","data":["EUR_USD"]})")
                                    << int(ErrorCode::InvalidPayload) << "subscribe";
        QTest::newRow("data string") << QByteArray(R"({"event":"ping","data":"x"})") << int(ErrorCode::InvalidPayload)
                                     << "ping";
        QTest::newRow("id object") << QByteArray(R"({"event":"ping","id":{}})") << int(ErrorCode::InvalidPayload)
                                   << QString();
    }

    void rejects()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, code);
        QFETCH(QString, event);
        const auto r = decodeEnvelope(text);
        QVERIFY(std::holds_alternative<EnvelopeError>(r));
        const auto &e = std::get<EnvelopeError>(r);
        QCOMPARE(int(e.code), code);
        QCOMPARE(e.event, event);
        QVERIFY(!e.message.isEmpty());
    }

    void encodes()
    {
        const QByteArray data = compactJson(QJsonObject{{QStringLiteral("a"), 1}});
        QCOMPARE(encodeEnvelope(u"pong", data), QByteArray(R"({"event":"pong","data":{"a":1}})"));
        QCOMPARE(encodeEnvelope(u"pong", data, QJsonValue(7)), QByteArray(R"({"event":"pong","data":{"a":1},"id":7})"));
        QCOMPARE(encodeEnvelope(u"pong", data, QJsonValue(QStringLiteral("x\"y"))),
                 QByteArray("{\"event\":\"pong\",\"data\":{\"a\":1},\"id\":\"x\\\"y\"}"));
        // Round trip through a JSON parser.
        const auto doc = QJsonDocument::fromJson(encodeEnvelope(u"e", data, QJsonValue(QStringLiteral("é"))));
        QCOMPARE(doc.object().value(QStringLiteral("id")).toString(), QStringLiteral("é"));
    }

    void frames()
    {
        QCOMPARE(wsFrame("hi"), QByteArray("\x81\x02hi", 4));
        const QByteArray mid(300, 'x');
        const QByteArray f = wsFrame(mid);
        QCOMPARE(f.size(), 304);
        QCOMPARE(quint8(f[1]), quint8(126));
        QCOMPARE((quint8(f[2]) << 8) | quint8(f[3]), 300);
        const QByteArray big(70000, 'y');
        const QByteArray g = wsFrame(big, WsOpcode::Binary);
        QCOMPARE(quint8(g[0]), quint8(0x82));
        QCOMPARE(quint8(g[1]), quint8(127));
        QCOMPARE(g.size(), 70010);
        QCOMPARE(wsFrame(""), QByteArray("\x81\x00", 2));
    }
};

QTEST_APPLESS_MAIN(TestEnvelope)
#include "tst_envelope.moc"
