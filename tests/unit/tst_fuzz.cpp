// Mutation fuzzing of every parser that reads bytes from outside: HTTP request heads, the
// plain JSON envelope, Engine.IO packets and polling payloads, Socket.IO packets, Redis
// payloads and ISO timestamps. Deterministic (fixed seeds, bounded rounds), so a failure
// reproduces; run under FX_SANITIZE=1 it is also the sanitizers' fuzz pass.
//
// Beyond "no crash", each round checks a property that a wrong parser breaks:
//   - a decoded packet encodes to bytes that decode to the same packet (round trip);
//   - an Engine.IO text packet encodes back to exactly its input;
//   - a complete HTTP head parses the same from exactly its own bytes, an error carries a
//     status and a reason, and no prefix of a valid head is an error;
//   - every malformed envelope or Redis message is answered by an error or a counted drop,
//     and every price that passes is positive, finite and not inverted.

#include "core/instruments.h"
#include "core/timeutil.h"
#include "protocol/engineio.h"
#include "protocol/envelope.h"
#include "protocol/httpcodec.h"
#include "protocol/payloadparser.h"
#include "protocol/socketio.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <functional>

using namespace fx;

namespace {

constexpr int kRounds = 50000; // per corpus entry: about 2 s in all (20 s under ASan)

// Fragments that tend to reach corners of these grammars.
const QList<QByteArray> &tokens()
{
    static const QList<QByteArray> t{
        "\x1e",
        "\r\n",
        "\r\n\r\n",
        "\n",
        "\0",
        "\"",
        "\\",
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "/",
        "-",
        "b",
        "0",
        "4",
        "42",
        "451-",
        "-1",
        "1e999",
        "NaN",
        "Infinity",
        "null",
        "true",
        "99999999999999999999",
        "{\"_placeholder\":true,\"num\":0}",
        "\xff\xfe",
        "\xc3\x28",
        "\xf0\x9f\x92\xa9",
        "%00",
        "%zz",
        "Content-Length: ",
        "Transfer-Encoding: chunked",
        "Host: x",
        "?EIO=4&transport=polling",
        "2025-02-29T24:00:00",
        "+99:99",
        "EUR_USD",
        "bid",
        "ask",
        "\"price\":",
        "\t",
        " ",
    };
    return t;
}

QByteArray mutate(QByteArray s, QRandomGenerator &rng)
{
    const int edits = 1 + int(rng.bounded(4));
    for (int e = 0; e < edits; ++e) {
        const qsizetype n = s.size();
        const qsizetype at = n ? qsizetype(rng.bounded(quint32(n + 1))) : 0;
        switch (rng.bounded(7)) {
        case 0: // flip a bit
            if (n)
                s[at % n] = char(s[at % n] ^ (1 << rng.bounded(8)));
            break;
        case 1: // a random byte
            s.insert(at, char(rng.bounded(256)));
            break;
        case 2: // delete a run
            if (n)
                s.remove(at % n, qsizetype(1 + rng.bounded(quint32(std::min<qsizetype>(8, n - at % n)))));
            break;
        case 3: // a token
            s.insert(at, tokens().at(qsizetype(rng.bounded(quint32(tokens().size())))));
            break;
        case 4: // truncate
            s.truncate(at);
            break;
        case 5: // repeat a run
            if (n) {
                const qsizetype from = at % n;
                s.insert(at, s.mid(from, qsizetype(1 + rng.bounded(16))));
            }
            break;
        default: // a decimal digit string, sometimes huge
            s.insert(at, QByteArray::number(rng.generate64() >> rng.bounded(64)));
            break;
        }
    }
    return s;
}

// Runs check() on every corpus entry and kRounds mutations of each; a QTest failure inside
// check() returns at once, with the input printed.
template <typename Check>
void fuzz(const QList<QByteArray> &corpus, quint32 seed, Check check)
{
    QRandomGenerator rng(seed);
    for (const QByteArray &base : corpus) {
        check(base);
        if (QTest::currentTestFailed()) {
            qWarning() << "input:" << base.toPercentEncoding(" {}[]:,\"");
            return;
        }
        for (int i = 0; i < kRounds; ++i) {
            const QByteArray input = mutate(base, rng);
            check(input);
            if (QTest::currentTestFailed()) {
                qWarning() << "input:" << input.toPercentEncoding(" {}[]:,\"");
                return;
            }
        }
    }
}

bool sameSio(const protocol::sio::Packet &a, const protocol::sio::Packet &b)
{
    return a.type == b.type && a.nsp == b.nsp && a.id == b.id && a.data == b.data && a.attachments == b.attachments;
}

} // namespace

class TestFuzz : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void httpHeads()
    {
        const QList<QByteArray> corpus{
            "GET /socket.io/?EIO=4&transport=polling&t=N8hyd6w HTTP/1.1\r\nHost: localhost:5001\r\n"
            "Accept: */*\r\nOrigin: http://localhost:8080\r\n\r\n",
            "POST /socket.io/?EIO=4&transport=polling&sid=abc HTTP/1.1\r\nHost: a\r\nContent-Type: "
            "text/plain;charset=UTF-8\r\nContent-Length: 5\r\n\r\n40{}\x1e"
            "2",
            "GET /ws HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n",
            "GET /health HTTP/1.0\r\n\r\n",
            "OPTIONS /socket.io/?EIO=4 HTTP/1.1\r\nHost: b\r\nAccess-Control-Request-Headers: authorization\r\n\r\n",
        };
        // Every prefix of a valid head waits for more; none is an error.
        for (const QByteArray &head : corpus) {
            const protocol::HttpParseResult whole = protocol::parseHttpHead(head);
            QVERIFY2(whole.status == protocol::HttpParseResult::Complete,
                     qPrintable(whole.error + u' ' + QString::fromLatin1(head)));
            for (qsizetype n = 0; n < whole.headLength; ++n)
                QCOMPARE(protocol::parseHttpHead(QByteArrayView(head).first(n)).status,
                         protocol::HttpParseResult::Incomplete);
        }
        fuzz(corpus, 1, [](const QByteArray &in) {
            const protocol::HttpParseResult r = protocol::parseHttpHead(in);
            switch (r.status) {
            case protocol::HttpParseResult::Complete: {
                QVERIFY(r.headLength > 0 && r.headLength <= in.size());
                const protocol::HttpParseResult again = protocol::parseHttpHead(QByteArrayView(in).first(r.headLength));
                QCOMPARE(again.status, protocol::HttpParseResult::Complete);
                QCOMPARE(again.headLength, r.headLength);
                QCOMPARE(again.request.method, r.request.method);
                QCOMPARE(again.request.target, r.request.target);
                QVERIFY(r.request.contentLength >= 0);
                break;
            }
            case protocol::HttpParseResult::Error:
                QVERIFY2(QList<int>({400, 413, 414, 431, 501, 505}).contains(r.errorStatus),
                         qPrintable(QString::number(r.errorStatus)));
                QVERIFY(!r.error.isEmpty());
                break;
            case protocol::HttpParseResult::Incomplete: break;
            }
        });
    }

    void envelopes()
    {
        const QList<QByteArray> corpus{
            R"({"event":"subscribe","data":{"pairs":["EUR_USD","GBP_USD"]}})",
            R"({"event":"request_price","data":{"pair":"USD_JPY"},"id":7})",
            R"({"event":"ping","data":{"timestamp":"2025-11-18T12:34:56Z"},"id":"a"})",
            R"({"event":"get_server_stats"})",
        };
        fuzz(corpus, 2, [](const QByteArray &in) {
            const auto r = protocol::decodeEnvelope(in);
            if (const auto *err = std::get_if<protocol::EnvelopeError>(&r)) {
                QVERIFY(!err->message.isEmpty());
                return;
            }
            const auto &req = std::get<protocol::ClientRequest>(r);
            QVERIFY(!req.event.isEmpty());
            QVERIFY(req.id.isUndefined() || req.id.isString() || req.id.isDouble());
            // What was accepted was a JSON object with that event name.
            const QJsonDocument doc = QJsonDocument::fromJson(in);
            QVERIFY(doc.isObject());
            QCOMPARE(doc.object().value(QStringLiteral("event")).toString(), req.event);
        });
    }

    void engineIoPackets()
    {
        const QList<QByteArray> corpus{
            "2", "3probe", "4hello", "5", "6", "1", "40/custom,{\"token\":1}", "4\xe2\x82\xac"};
        fuzz(corpus, 3, [](const QByteArray &in) {
            const auto p = protocol::eio::decodeText(in);
            if (!p)
                return;
            QCOMPARE(protocol::eio::encodeText(*p), in);
        });
    }

    void engineIoPayloads()
    {
        const QList<QByteArray> corpus{
            "4hello\x1e"
            "2\x1e"
            "bAQIDBA==",
            "40\x1e"
            "42[\"subscribe\",{\"pairs\":[\"EUR_USD\"]}]",
            "bAA==",
            "3",
        };
        fuzz(corpus, 4, [](const QByteArray &in) {
            const auto packets = protocol::eio::decodePayload(in);
            if (!packets)
                return;
            QVERIFY(!packets->isEmpty());
            const QByteArray encoded = protocol::eio::encodePayload(*packets);
            const auto again = protocol::eio::decodePayload(encoded);
            QVERIFY(again.has_value());
            QCOMPARE(*again, *packets);
        });
    }

    void socketIoPackets()
    {
        const QList<QByteArray> corpus{
            "0",
            "0{\"token\":\"abc\"}",
            "0/custom,",
            "1",
            "1/custom,",
            "2[\"subscribe\",{\"pairs\":[\"EUR_USD\"]}]",
            "21[\"message-with-ack\",1,\"2\",{\"3\":[true]}]",
            "2/custom,12[\"hello\"]",
            "3[\"ok\"]",
            "312[]",
            "4{\"message\":\"Invalid namespace\"}",
            "51-[\"message\",{\"_placeholder\":true,\"num\":0}]",
            "62-/custom,5[{\"_placeholder\":true,\"num\":0},"
            "{\"_placeholder\":true,\"num\":1}]",
        };
        fuzz(corpus, 5, [](const QByteArray &in) {
            const protocol::sio::Decoded d = protocol::sio::decode(in);
            if (!d.packet) {
                QVERIFY(!d.error.isEmpty());
                return;
            }
            const protocol::sio::Packet &p = *d.packet;
            QVERIFY(p.attachments >= 0 && p.attachments <= protocol::sio::kMaxAttachments);
            QVERIFY(p.nsp.startsWith(u'/'));
            const protocol::sio::Decoded again = protocol::sio::decode(protocol::sio::encode(p));
            QVERIFY2(again.packet.has_value(), qPrintable(again.error));
            QVERIFY(sameSio(*again.packet, p));
        });
    }

    void redisPayloads()
    {
        const protocol::PayloadParser parser{core::InstrumentSet()};
        const QList<QPair<protocol::ChannelKind, QByteArray>> corpus{
            {protocol::ChannelKind::Prices,
             R"({"instrument":"EUR_USD","price":{"bid":"1.08514","ask":"1.08532","time":"2025-11-18T12:34:56.789123Z"}})"},
            {protocol::ChannelKind::Prices,
             R"([{"instrument":"USD_JPY","price":{"bid":151.234,"ask":151.251,"mid":151.2425}},{"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}}])"},
            {protocol::ChannelKind::Volatility,
             R"({"instrument":"GBP_USD","volatility":0.0123,"threshold":0.01,"severity":"critical","message":"m","timestamp":"2025-11-18T12:00:00"})"},
            {protocol::ChannelKind::Correlation,
             R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.42,"previous_correlation":0.81,"change":-0.39,"threshold":0.3})"},
            {protocol::ChannelKind::DataReady,
             R"({"data_type":"volatility","instruments":["EUR_USD"],"message":"done"})"},
        };
        for (const auto &[kind, base] : corpus) {
            const protocol::ChannelKind k = kind;
            fuzz({base}, 6 + quint32(k), [&parser, k](const QByteArray &in) {
                const protocol::ParseResult r = parser.parse(k, in, core::nowMicros());
                QVERIFY(!r.events.isEmpty() || !r.drops.isEmpty()); // nothing vanishes uncounted
                for (const protocol::Drop &d : r.drops)
                    QVERIFY(!d.detail.isEmpty());
                for (const core::MarketEvent &e : r.events) {
                    if (const auto *t = std::get_if<core::PriceTick>(&e)) {
                        QVERIFY(t->index >= 0 && t->index < parser.instruments().size());
                        QVERIFY(std::isfinite(t->bid) && std::isfinite(t->ask) && std::isfinite(t->mid));
                        QVERIFY(t->bid > 0 && t->bid <= t->ask && t->mid >= t->bid && t->mid <= t->ask);
                        QVERIFY(core::decimal::isPlain(t->quote.bid) && core::decimal::isPlain(t->quote.ask));
                        QVERIFY(QJsonDocument::fromJson(t->payloadJson()).isObject());
                    } else if (const auto *v = std::get_if<core::VolatilityAlert>(&e)) {
                        QVERIFY(v->index >= 0 && std::isfinite(v->volatility));
                    } else if (const auto *c = std::get_if<core::CorrelationAlert>(&e)) {
                        QVERIFY(c->indexA >= 0 && c->indexB >= 0 && std::isfinite(c->correlation));
                    }
                }
            });
            if (QTest::currentTestFailed())
                return;
        }
    }

    void timestamps()
    {
        const QList<QByteArray> corpus{"2025-11-18T12:34:56.789123Z", "2024-02-29 23:59:59+05:30",
                                       "1970-01-01T00:00:00-0000"};
        fuzz(corpus, 20, [](const QByteArray &in) {
            qint64 us = 0;
            if (!core::parseIsoTimestamp(QString::fromUtf8(in), &us))
                return;
            // Whatever was accepted names an instant that prints and parses back to itself.
            qint64 again = 0;
            QVERIFY(core::parseIsoTimestamp(core::isoTimestamp(us), &again));
            QCOMPARE(again, us);
        });
    }
};

QTEST_APPLESS_MAIN(TestFuzz)
#include "tst_fuzz.moc"
