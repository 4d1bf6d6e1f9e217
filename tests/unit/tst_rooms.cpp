// Rooms and the request handler without sockets: join, leave, all, invalid, mixed, and the
// reply payloads of PROTOCOL.md ("Events you receive").

#include "protocol/envelope.h"
#include "server/broadcast.h"
#include "server/client.h"
#include "server/pricebook.h"
#include "server/requesthandler.h"
#include "server/roomregistry.h"
#include "server/servercontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace fx;
using namespace fx::server;

namespace {

// A session whose wire is a list: records every event it is sent.
class RecordingSession final : public Client
{
public:
    RecordingSession() : Client(newSessionId(), WireProtocol::PlainJson, QStringLiteral("test"), 0) {}
    QString transportName() const override { return QStringLiteral("memory"); }
    void deliver(const Broadcast &b) override { delivered.append(b.event); }
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &) override
    {
        events.append(event.toString());
        payloads.append(QJsonDocument::fromJson(data.toByteArray()).object());
    }
    qint64 queuedBytes() const override { return 0; }
    void disconnect(DisconnectReason r, int, const QString &) override { markDead(r); }

    QStringList delivered;
    QStringList events;
    QList<QJsonObject> payloads;
};

QJsonObject pairs(const QJsonValue &v)
{
    return QJsonObject{{QStringLiteral("pairs"), v}};
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

} // namespace

class TestRooms : public QObject
{
    Q_OBJECT

    ServerOptions options()
    {
        ServerOptions o;
        o.ioThreads = 1;
        o.maxClients = 10;
        return o;
    }

private Q_SLOTS:
    void registryJoinLeave()
    {
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        RecordingSession a, b, c;
        QVERIFY(rooms.join(&a, 0));
        QVERIFY(!rooms.join(&a, 0)); // already a member
        QVERIFY(rooms.join(&b, 0));
        QVERIFY(rooms.join(&c, 0));
        QVERIFY(rooms.join(&b, 5));
        QCOMPARE(rooms.members(0).size(), size_t(3));
        QCOMPARE(ctx.stats().snapshot().roomSubscribers[0], 3);
        QVERIFY(rooms.leave(&a, 0)); // swap-remove keeps the others reachable
        QVERIFY(!rooms.leave(&a, 0));
        QCOMPARE(rooms.members(0).size(), size_t(2));
        QVERIFY(b.inRoom(0) && c.inRoom(0) && !a.inRoom(0));
        QVERIFY(rooms.leave(&c, 0));
        QCOMPARE(rooms.members(0), std::vector<Client *>{&b});
        rooms.leaveAll(&b);
        QCOMPARE(b.subscriptionCount(), 0);
        QVERIFY(rooms.members(0).empty() && rooms.members(5).empty());
        QCOMPARE(ctx.stats().snapshot().roomSubscribers[5], 0);
        QVERIFY(!rooms.join(&a, 20)); // out of range
        QVERIFY(!rooms.join(&a, -1));
    }

    void subscribeForms_data()
    {
        QTest::addColumn<QJsonObject>("data");
        QTest::addColumn<int>("count");
        QTest::newRow("single") << pairs(QJsonArray{QStringLiteral("EUR_USD")}) << 1;
        QTest::newRow("several") << pairs(
            QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY")})
                                 << 3;
        QTest::newRow("duplicates") << pairs(QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("eur/usd")}) << 1;
        QTest::newRow("all string") << pairs(QStringLiteral("all")) << 20;
        QTest::newRow("all list") << pairs(QJsonArray{QStringLiteral("all")}) << 20;
        QTest::newRow("no pairs") << QJsonObject{} << 20;
        QTest::newRow("one string") << pairs(QStringLiteral("USD_CHF")) << 1;
    }

    void subscribeForms()
    {
        QFETCH(QJsonObject, data);
        QFETCH(int, count);
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        PriceBook prices(20);
        RequestHandler h(ctx, rooms, prices);
        RecordingSession s;
        QList<Reply> out;
        h.handle(s, QStringLiteral("subscribe"), data, &out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].event, QStringLiteral("subscription_confirmed"));
        const QJsonObject p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(p.value(QStringLiteral("pair_count")).toInt(), count);
        QCOMPARE(p.value(QStringLiteral("pairs")).toArray().size(), count);
        QCOMPARE(p.value(QStringLiteral("rooms")).toArray().size(), count);
        QCOMPARE(p.value(QStringLiteral("total_subscriptions")).toInt(), count);
        QVERIFY(p.value(QStringLiteral("invalid_pairs")).toArray().isEmpty());
        QVERIFY(p.value(QStringLiteral("rooms")).toArray().first().toString().startsWith(QStringLiteral("price_")));
        QCOMPARE(s.subscriptionCount(), count);
    }

    void mixedAndInvalid()
    {
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        PriceBook prices(20);
        RequestHandler h(ctx, rooms, prices);
        RecordingSession s;
        QList<Reply> out;
        h.handle(s, QStringLiteral("subscribe"),
                 pairs(QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("XXX_YYY"), QStringLiteral("nonsense")}),
                 &out);
        QCOMPARE(out.size(), 1);
        QJsonObject p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(strings(p.value(QStringLiteral("pairs"))), QStringList{QStringLiteral("EUR_USD")});
        QCOMPARE(strings(p.value(QStringLiteral("invalid_pairs"))),
                 (QStringList{QStringLiteral("XXX_YYY"), QStringLiteral("nonsense")}));
        QCOMPARE(p.value(QStringLiteral("pair_count")).toInt(), 1);

        // None valid: only an error, no subscription change.
        out.clear();
        h.handle(s, QStringLiteral("subscribe"), pairs(QJsonArray{QStringLiteral("XXX_YYY")}), &out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].event, QStringLiteral("error"));
        p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(p.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAIR"));
        QCOMPARE(p.value(QStringLiteral("event")).toString(), QStringLiteral("subscribe"));
        QCOMPARE(strings(p.value(QStringLiteral("details")).toObject().value(QStringLiteral("invalid_pairs"))),
                 QStringList{QStringLiteral("XXX_YYY")});
        QCOMPARE(s.subscriptionCount(), 1);
        QCOMPARE(ctx.stats().snapshot().errors[size_t(protocol::ErrorCode::InvalidPair)], quint64(1));

        // Wrong types.
        for (const QJsonValue &bad :
             {QJsonValue(5), QJsonValue(QJsonObject{}), QJsonValue(QJsonArray{1}), QJsonValue(QJsonArray{})}) {
            out.clear();
            h.handle(s, QStringLiteral("subscribe"), pairs(bad), &out);
            QCOMPARE(out.size(), 1);
            QCOMPARE(QJsonDocument::fromJson(out[0].data).object().value(QStringLiteral("code")).toString(),
                     QStringLiteral("INVALID_PAYLOAD"));
        }
    }

    void unsubscribeAndInfo()
    {
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        PriceBook prices(20);
        RequestHandler h(ctx, rooms, prices);
        RecordingSession s;
        QList<Reply> out;
        h.handle(s, QStringLiteral("subscribe"), pairs(QStringLiteral("all")), &out);
        out.clear();
        h.handle(s, QStringLiteral("unsubscribe"), pairs(QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("BAD")}),
                 &out);
        QCOMPARE(out[0].event, QStringLiteral("unsubscription_confirmed"));
        QJsonObject p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(strings(p.value(QStringLiteral("pairs"))), QStringList{QStringLiteral("EUR_USD")});
        QCOMPARE(p.value(QStringLiteral("pair_count")).toInt(), 1);
        QCOMPARE(p.value(QStringLiteral("total_subscriptions")).toInt(), 19);
        QCOMPARE(strings(p.value(QStringLiteral("invalid_pairs"))), QStringList{QStringLiteral("BAD")});

        out.clear();
        h.handle(s, QStringLiteral("get_subscriptions"), {}, &out);
        QCOMPARE(out[0].event, QStringLiteral("subscriptions_info"));
        p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(p.value(QStringLiteral("pair_count")).toInt(), 19);
        QVERIFY(!strings(p.value(QStringLiteral("pairs"))).contains(QStringLiteral("EUR_USD")));
        QVERIFY(strings(p.value(QStringLiteral("rooms"))).contains(QStringLiteral("price_GBP_USD")));

        out.clear();
        h.handle(s, QStringLiteral("unsubscribe"), {}, &out); // no pairs = all
        QCOMPARE(QJsonDocument::fromJson(out[0].data).object().value(QStringLiteral("total_subscriptions")).toInt(), 0);
        QCOMPARE(ctx.stats().snapshot().roomSubscribers[1], 0);
    }

    void prices()
    {
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        PriceBook book(20);
        RequestHandler h(ctx, rooms, book);
        RecordingSession s;
        QList<Reply> out;
        h.handle(s, QStringLiteral("request_price"),
                 QJsonObject{{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}}, &out);
        QCOMPARE(QJsonDocument::fromJson(out[0].data).object().value(QStringLiteral("code")).toString(),
                 QStringLiteral("PRICE_UNAVAILABLE"));

        core::PriceTick t;
        t.instrument = QStringLiteral("EUR_USD");
        t.index = 0;
        t.quote = {QStringLiteral("1.09450"), QStringLiteral("1.09470"), QStringLiteral("1.09460"),
                   QStringLiteral("2025-11-18T12:30:00.000000Z")};
        t.relayedMicros = 1;
        const BroadcastPtr b = encodeBroadcast(core::MarketEvent(t));
        book.update(0, *b);

        out.clear();
        h.handle(s, QStringLiteral("request_price"), QJsonObject{{QStringLiteral("pair"), QStringLiteral("eur_usd")}},
                 &out);
        QCOMPARE(out[0].event, QStringLiteral("price_response"));
        const QJsonObject p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(p.value(QStringLiteral("instrument")).toString(), QStringLiteral("EUR_USD"));
        QCOMPARE(p.value(QStringLiteral("price")).toObject().value(QStringLiteral("bid")).toString(),
                 QStringLiteral("1.09450"));

        out.clear();
        h.handle(s, QStringLiteral("request_all_prices"), {}, &out);
        const QJsonObject all = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(all.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(all.value(QStringLiteral("prices"))
                     .toObject()
                     .value(QStringLiteral("EUR_USD"))
                     .toObject()
                     .value(QStringLiteral("ask"))
                     .toString(),
                 QStringLiteral("1.09470"));

        for (const QJsonObject &bad : {QJsonObject{}, QJsonObject{{QStringLiteral("instrument"), 3}},
                                       QJsonObject{{QStringLiteral("instrument"), QStringLiteral("XXX")}}}) {
            out.clear();
            h.handle(s, QStringLiteral("request_price"), bad, &out);
            QCOMPARE(out[0].event, QStringLiteral("error"));
        }
    }

    void pingStatsUnknown()
    {
        ServerContext ctx(options());
        RoomRegistry rooms(20, &ctx.stats());
        PriceBook book(20);
        RequestHandler h(ctx, rooms, book);
        RecordingSession s;
        QList<Reply> out;
        h.handle(s, QStringLiteral("ping"), QJsonObject{{QStringLiteral("timestamp"), 1234}}, &out);
        QJsonObject p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(out[0].event, QStringLiteral("pong"));
        QCOMPARE(p.value(QStringLiteral("client_timestamp")).toInt(), 1234);
        QVERIFY(p.value(QStringLiteral("server_timestamp")).toDouble() > 1.7e12);

        out.clear();
        h.handle(s, QStringLiteral("get_server_stats"), {}, &out);
        p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(out[0].event, QStringLiteral("server_stats"));
        for (const char *k : {"connected_clients", "peak_clients", "total_connections", "max_clients", "rooms",
                              "messages_sent", "messages_received", "uptime_seconds", "redis", "timestamp"})
            QVERIFY2(p.contains(QLatin1String(k)), k);
        QCOMPARE(p.value(QStringLiteral("rooms")).toObject().size(), 20);
        QVERIFY(p.value(QStringLiteral("redis")).toObject().contains(QStringLiteral("connected")));
        QVERIFY(p.value(QStringLiteral("redis")).toObject().contains(QStringLiteral("channels")));

        out.clear();
        h.handle(s, QStringLiteral("launch_rockets"), {}, &out);
        p = QJsonDocument::fromJson(out[0].data).object();
        QCOMPARE(p.value(QStringLiteral("code")).toString(), QStringLiteral("UNKNOWN_EVENT"));
        QCOMPARE(p.value(QStringLiteral("event")).toString(), QStringLiteral("launch_rockets"));

        const Reply w = h.welcome(s);
        p = QJsonDocument::fromJson(w.data).object();
        QCOMPARE(w.event, QStringLiteral("connection_established"));
        for (const char *k :
             {"client_id", "server_version", "available_pairs", "ping_interval", "ping_timeout", "timestamp"})
            QVERIFY2(p.contains(QLatin1String(k)), k);
    }

    void rateLimit()
    {
        ServerOptions o = options();
        o.rateLimit = 10;
        o.rateBurst = 5;
        o.rateLimitCloseAfterMs = 1000;
        RecordingSession s;
        int accepted = 0, notified = 0;
        for (int i = 0; i < 20; ++i) {
            const auto a = s.admitRequest(1000, o);
            accepted += a == Client::Admission::Accept;
            notified += a == Client::Admission::DropAndNotify;
        }
        QCOMPARE(accepted, 5); // the burst
        QCOMPARE(notified, 1); // one notice per second
        QCOMPARE(s.droppedRequests(), quint64(15));
        QCOMPARE(s.admitRequest(1100, o), Client::Admission::Accept); // refilled one token in 100 ms
        QVERIFY(s.admitRequest(1100, o) != Client::Admission::Accept);
        // Still flooding after the grace period: close.
        Client::Admission last = Client::Admission::Accept;
        for (qint64 t = 1100; t <= 2300; t += 10)
            for (int i = 0; i < 5; ++i)
                last = s.admitRequest(t, o);
        QCOMPARE(last, Client::Admission::Close);
    }
};

QTEST_APPLESS_MAIN(TestRooms)
#include "tst_rooms.moc"
