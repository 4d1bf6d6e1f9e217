// PROTOCOL.md, "Alert rules", served: the real fxmonitor-server, a real redis-server (the CTest
// fixture) publishing ticks, QWebSocket clients on the plain JSON protocol (request ids) and raw
// Socket.IO clients (acknowledgements). set_alert, list_alerts, update_alert, delete_alert and
// price_alert on both protocols; when rules fire through real ticks (at, just under and just over
// the value; crosses both ways; once and every); only the owner is told; the limits per client
// and in all, at, under and over, counted in /metrics; invalid payloads; expiry by the timer;
// a token's sub keeping its rules across connections, and the pairs a token permits.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}
QString eventOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("event")).toString();
}
QJsonObject ruleOf(const QJsonObject &data)
{
    return data.value(QStringLiteral("rule")).toObject();
}
QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

// A rule's set_alert data.
QJsonObject rule(const QString &pair, const QString &condition, double value, const QJsonValue &repeat = {})
{
    QJsonObject o{{QStringLiteral("pair"), pair},
                  {QStringLiteral("field"), QStringLiteral("bid")},
                  {QStringLiteral("condition"), condition},
                  {QStringLiteral("value"), value}};
    if (!repeat.isNull())
        o.insert(QStringLiteral("repeat"), repeat);
    return o;
}

// A server on the shared redis-server, with its own channel prefix.
struct Rig
{
    ServerProcess server;
    QString prefix;
    quint16 redisPort = 0;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QString token; // with WEBSOCKET_AUTH=jwt: the token of the Redis-status check
    std::unique_ptr<redis::RedisPublisher> pub;

    bool start(const QStringList &extra = {})
    {
        prefix = QStringLiteral("ar%1:").arg(QRandomGenerator::global()->generate() % 1000000);
        redisPort = fixtureRedisPort();
        if (!redisPort) {
            qWarning("no redis fixture: run through ctest (FX_TEST_REDIS_DIR)");
            return false;
        }
        pub = publisherFor(redisPort);
        const QStringList args =
            QStringList{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                        QStringLiteral("--redis-port"), QString::number(redisPort),
                        QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix}
            + extra;
        if (!server.start(args, env))
            return false;
        WsClient c;
        if (!c.connectTo(url(token)))
            return false;
        return QTest::qWaitFor(
            [&] {
                const QJsonObject s = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
                return dataOf(s).value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool();
            },
            10000);
    }
    QString url(const QString &withToken = {}) const
    {
        return server.wsUrl() + (withToken.isEmpty() ? QString() : QStringLiteral("?token=") + withToken);
    }
    bool tick(const char *pair, const char *bid, const char *ask)
    {
        return publishRaw(QStringLiteral(R"({"instrument":"%1","price":{"bid":"%2","ask":"%3"}})")
                              .arg(QLatin1String(pair), QLatin1String(bid), QLatin1String(ask)));
    }
    bool publishRaw(const QString &price)
    {
        QString err;
        const bool ok = pub->publish(prefix + QStringLiteral("price_updates"), price.toUtf8(), &err);
        if (!ok)
            qWarning("publish: %s", qPrintable(err));
        return ok;
    }
    // EUR_USD at this bid, the ask 2 pips over it.
    bool eurUsd(const char *bid)
    {
        const QByteArray ask = QByteArray::number(QByteArray(bid).toDouble() + 0.0002, 'f', 4);
        return tick("EUR_USD", bid, ask.constData());
    }
    int connectedClients(WsClient &c)
    {
        return dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
            .value(QStringLiteral("connected_clients"))
            .toInt();
    }
};

// A plain JSON request with an id: the reply of that name, which must carry the id.
QJsonObject call(WsClient &c, const QString &event, const QJsonObject &data, const QString &replyEvent, int id)
{
    c.send(event, data, id);
    const QJsonObject reply = c.waitFor(replyEvent);
    if (reply.value(QStringLiteral("id")).toInt() != id) {
        qWarning("reply %s without the request's id %d", qPrintable(replyEvent), id);
        return {};
    }
    return reply;
}

// Everything the client got up to now: a once rule on GBP_USD, set now, fires on a GBP_USD tick
// published after everything before it; firings reach a client in the order of the ticks, so
// what came before that price_alert is all that came (the marker rule is deleted again).
QList<QJsonObject> drain(Rig &rig, WsClient &c)
{
    static int n = 0;
    const int id = 9000 + ++n;
    const QJsonObject set =
        call(c, QStringLiteral("set_alert"), rule(QStringLiteral("GBP_USD"), QStringLiteral("above"), 0.5),
             QStringLiteral("alert_set"), id);
    const QString markerId = str(dataOf(set), "id");
    if (markerId.isEmpty() || !rig.tick("GBP_USD", "1.2500", "1.2502"))
        return {};
    QList<QJsonObject> got = c.takeUntil(
        [&](const QJsonObject &e) { return eventOf(e) == u"price_alert" && str(ruleOf(dataOf(e)), "id") == markerId; });
    if (got.isEmpty()) {
        qWarning("the marker rule did not fire");
        return {};
    }
    got.removeLast();
    call(c, QStringLiteral("delete_alert"), {{QStringLiteral("id"), markerId}}, QStringLiteral("alert_deleted"), id);
    return got;
}
QList<QJsonObject> alertsIn(const QList<QJsonObject> &events)
{
    QList<QJsonObject> out;
    for (const QJsonObject &e : events)
        if (eventOf(e) == u"price_alert")
            out.append(dataOf(e));
    return out;
}

// A raw Socket.IO client over Engine.IO's WebSocket transport (one packet per frame), answering
// the server's pings; packets are kept until taken.
class Sio : public QObject
{
public:
    bool open(quint16 port, const QJsonObject &auth = {})
    {
        connect(&m_ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            if (t == u"2")
                m_ws.sendTextMessage(QStringLiteral("3"));
            else
                m_in << t;
        });
        m_ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(port)));
        if (!take(QStringLiteral("0{")).startsWith(u'0'))
            return false;
        m_ws.sendTextMessage(QStringLiteral("40")
                             + QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
        if (!take(QStringLiteral("40{")).startsWith(u"40"))
            return false;
        m_welcome = event(QStringLiteral("connection_established"));
        return !m_welcome.isEmpty();
    }
    QJsonObject welcome() const { return m_welcome; }
    void close() { m_ws.close(); }
    // EVENT with an acknowledgement id: 42<ack>["event",data]
    void emitWithAck(const QString &name, const QJsonObject &data, int ack)
    {
        m_ws.sendTextMessage(QStringLiteral("42%1").arg(ack)
                             + QString::fromUtf8(QJsonDocument(QJsonArray{name, data}).toJson(QJsonDocument::Compact)));
    }
    // The first packet starting with prefix (removed; others stay); empty on timeout.
    QString take(const QString &prefix, int timeoutMs = 5000)
    {
        QString got;
        (void)QTest::qWaitFor(
            [&] {
                for (qsizetype i = 0; i < m_in.size(); ++i)
                    if (m_in.at(i).startsWith(prefix)) {
                        got = m_in.takeAt(i);
                        return true;
                    }
                return false;
            },
            timeoutMs);
        return got;
    }
    // An event's data (42["name",data]); empty on timeout.
    QJsonObject event(const QString &name)
    {
        const QString t = take(QStringLiteral("42[\"%1\"").arg(name));
        return QJsonDocument::fromJson(t.mid(2).toUtf8()).array().at(1).toObject();
    }
    // The data an acknowledgement carries (43<ack>[data]); empty on timeout.
    QJsonObject ack(int ack)
    {
        const QString prefix = QStringLiteral("43%1[").arg(ack);
        const QString t = take(prefix);
        return QJsonDocument::fromJson(t.mid(prefix.size() - 1).toUtf8()).array().at(0).toObject();
    }
    // Emits and returns the acknowledgement's data, which must be what the reply event carried.
    QJsonObject request(const QString &name, const QJsonObject &data, const QString &replyEvent, int ackId)
    {
        emitWithAck(name, data, ackId);
        const QJsonObject reply = event(replyEvent);
        const QJsonObject acked = ack(ackId);
        if (reply != acked) {
            qWarning("the ack of %s does not carry the %s event", qPrintable(name), qPrintable(replyEvent));
            return {};
        }
        return acked;
    }
    qsizetype count(const QString &name) const
    {
        return std::count_if(m_in.cbegin(), m_in.cend(),
                             [&](const QString &t) { return t.startsWith(QStringLiteral("42[\"%1\"").arg(name)); });
    }

private:
    QWebSocket m_ws;
    QStringList m_in;
    QJsonObject m_welcome;
};

} // namespace

class TestAlertRulesServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bothProtocolsAndOnlyTheOwner()
    {
        Rig rig;
        QVERIFY(rig.start());
        WsClient plain, other;
        Sio sio;
        QVERIFY(plain.connectTo(rig.url()));
        QVERIFY(other.connectTo(rig.url()));
        QVERIFY(sio.open(rig.server.port()));
        QVERIFY(!dataOf(plain.welcome()).contains(QStringLiteral("alerts"))); // anonymous, no rule yet

        // set_alert on both protocols: the id in the reply, the rule as sent.
        QJsonObject set = call(plain, QStringLiteral("set_alert"),
                               rule(QStringLiteral("eur_usd"), QStringLiteral("above"), 1.09, QStringLiteral("every")),
                               QStringLiteral("alert_set"), 11);
        const QString plainId = str(dataOf(set), "id");
        QVERIFY(!plainId.isEmpty());
        QCOMPARE(str(ruleOf(dataOf(set)), "id"), plainId);
        QCOMPARE(str(ruleOf(dataOf(set)), "pair"), QStringLiteral("EUR_USD"));
        QCOMPARE(str(ruleOf(dataOf(set)), "repeat"), QStringLiteral("every"));
        QCOMPARE(ruleOf(dataOf(set)).value(QStringLiteral("enabled")), QJsonValue(true));
        QCOMPARE(ruleOf(dataOf(set)).value(QStringLiteral("times_fired")).toInt(), 0);
        QVERIFY(!str(dataOf(set), "timestamp").isEmpty());
        QJsonObject sioRule = rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09);
        sioRule.insert(QStringLiteral("note"), QStringLiteral("ECB day"));
        const QJsonObject sioSet = sio.request(QStringLiteral("set_alert"), sioRule, QStringLiteral("alert_set"), 21);
        const QString sioId = str(sioSet, "id");
        QVERIFY(!sioId.isEmpty());
        QVERIFY(sioId != plainId);
        QCOMPARE(str(ruleOf(sioSet), "repeat"), QStringLiteral("once")); // the default
        QCOMPARE(str(ruleOf(sioSet), "note"), QStringLiteral("ECB day"));

        // list_alerts: each client its own rules only.
        QJsonObject list = dataOf(call(plain, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 12));
        QCOMPARE(list.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(list.value(QStringLiteral("max_per_client")).toInt(), 100);
        QCOMPARE(str(list.value(QStringLiteral("alerts")).toArray().at(0).toObject(), "id"), plainId);
        const QJsonObject sioList = sio.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 22);
        QCOMPARE(sioList.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(str(sioList.value(QStringLiteral("alerts")).toArray().at(0).toObject(), "id"), sioId);
        list = dataOf(call(other, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 31));
        QCOMPARE(list.value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(list.value(QStringLiteral("alerts")).toArray(), QJsonArray{});

        // update_alert: a new value, then disabled and enabled again, on both protocols.
        QJsonObject updated = dataOf(call(plain, QStringLiteral("update_alert"),
                                          {{QStringLiteral("id"), plainId}, {QStringLiteral("value"), 1.0905}},
                                          QStringLiteral("alert_updated"), 13));
        QCOMPARE(str(updated, "id"), plainId);
        QCOMPARE(ruleOf(updated).value(QStringLiteral("value")).toDouble(), 1.0905);
        updated = dataOf(call(plain, QStringLiteral("update_alert"),
                              {{QStringLiteral("id"), plainId}, {QStringLiteral("value"), 1.09}},
                              QStringLiteral("alert_updated"), 14));
        QCOMPARE(ruleOf(updated).value(QStringLiteral("value")).toDouble(), 1.09);
        QJsonObject sioUpdated = sio.request(QStringLiteral("update_alert"),
                                             {{QStringLiteral("id"), sioId}, {QStringLiteral("enabled"), false}},
                                             QStringLiteral("alert_updated"), 23);
        QCOMPARE(ruleOf(sioUpdated).value(QStringLiteral("enabled")), QJsonValue(false));
        sioUpdated = sio.request(QStringLiteral("update_alert"),
                                 {{QStringLiteral("id"), sioId}, {QStringLiteral("enabled"), true}},
                                 QStringLiteral("alert_updated"), 24);
        QCOMPARE(ruleOf(sioUpdated).value(QStringLiteral("enabled")), QJsonValue(true));

        // Another client can neither update nor delete them: the same words as an unknown id.
        for (const QString &id : {plainId, sioId, QStringLiteral("no-such-rule")}) {
            QJsonObject err = dataOf(
                call(other, QStringLiteral("delete_alert"), {{QStringLiteral("id"), id}}, QStringLiteral("error"), 32));
            QCOMPARE(str(err, "code"), QStringLiteral("INVALID_PAYLOAD"));
            QCOMPARE(str(err.value(QStringLiteral("details")).toObject(), "field"), QStringLiteral("id"));
            err = dataOf(call(other, QStringLiteral("update_alert"),
                              {{QStringLiteral("id"), id}, {QStringLiteral("enabled"), false}}, QStringLiteral("error"),
                              33));
            QCOMPARE(str(err, "code"), QStringLiteral("INVALID_PAYLOAD"));
            QCOMPARE(str(err.value(QStringLiteral("details")).toObject(), "field"), QStringLiteral("id"));
        }

        // Ticks: under, then over. The owners (not subscribed) get price_alert; the client
        // subscribed to the pair without a rule gets the prices and no alert.
        QCOMPARE(dataOf(call(other, QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("EUR_USD")}},
                             QStringLiteral("subscription_confirmed"), 34))
                     .value(QStringLiteral("pairs"))
                     .toArray(),
                 QJsonArray{QStringLiteral("EUR_USD")});
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.eurUsd("1.0910"));
        const QJsonObject plainAlert = dataOf(plain.waitFor(QStringLiteral("price_alert")));
        QCOMPARE(str(ruleOf(plainAlert), "id"), plainId);
        QCOMPARE(plainAlert.value(QStringLiteral("price")).toDouble(), 1.091);
        QCOMPARE(plainAlert.value(QStringLiteral("bid")).toDouble(), 1.091);
        QCOMPARE(plainAlert.value(QStringLiteral("ask")).toDouble(), 1.0912);
        QVERIFY(!str(plainAlert, "time").isEmpty());
        QVERIFY(!plainAlert.contains(QStringLiteral("change_pct")));
        QCOMPARE(ruleOf(plainAlert).value(QStringLiteral("times_fired")).toInt(), 1);
        QCOMPARE(ruleOf(plainAlert).value(QStringLiteral("enabled")), QJsonValue(true)); // every
        const QJsonObject sioAlert = sio.event(QStringLiteral("price_alert"));
        QCOMPARE(str(ruleOf(sioAlert), "id"), sioId);
        QCOMPARE(sioAlert.value(QStringLiteral("price")).toDouble(), 1.091);
        QCOMPARE(ruleOf(sioAlert).value(QStringLiteral("enabled")), QJsonValue(false)); // once
        QCOMPARE(ruleOf(sioAlert).value(QStringLiteral("times_fired")).toInt(), 1);
        // The owners' alerts went out after both prices; a round trip to the other client after
        // them is a barrier for anything sent to that client before.
        QVERIFY(!call(other, QStringLiteral("ping"), {}, QStringLiteral("pong"), 35).isEmpty());
        QCOMPARE(other.count(QStringLiteral("price_update")), 2);
        QCOMPARE(other.count(QStringLiteral("price_alert")), 0);
        QCOMPARE(plain.count(QStringLiteral("price_alert")), 0); // once each
        QCOMPARE(plain.count(QStringLiteral("price_update")), 0); // not subscribed
        QCOMPARE(sio.count(QStringLiteral("price_alert")), 0);

        // delete_alert on both protocols.
        const QJsonObject deleted =
            dataOf(call(plain, QStringLiteral("delete_alert"), {{QStringLiteral("id"), plainId}},
                        QStringLiteral("alert_deleted"), 15));
        QCOMPARE(str(deleted, "id"), plainId);
        QCOMPARE(str(deleted, "reason"), QStringLiteral("deleted"));
        QCOMPARE(ruleOf(deleted).value(QStringLiteral("times_fired")).toInt(), 1);
        const QJsonObject sioDeleted = sio.request(QStringLiteral("delete_alert"), {{QStringLiteral("id"), sioId}},
                                                   QStringLiteral("alert_deleted"), 25);
        QCOMPARE(str(sioDeleted, "id"), sioId);
        QCOMPARE(str(sioDeleted, "reason"), QStringLiteral("deleted"));
        QCOMPARE(dataOf(call(plain, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 16))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);
        QCOMPARE(sio.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 26)
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);
        // Deleted: the next crossing tells nobody.
        QVERIFY(rig.eurUsd("1.0880"));
        QVERIFY(rig.eurUsd("1.0920"));
        QCOMPARE(alertsIn(drain(rig, plain)), QList<QJsonObject>{});
        QCOMPARE(rig.server.stop(), 0);
    }

    void whenRulesFire()
    {
        Rig rig;
        QVERIFY(rig.start());
        WsClient c;
        QVERIFY(c.connectTo(rig.url()));
        const auto set = [&](const QString &condition, const QJsonValue &repeat) {
            return str(
                dataOf(call(c, QStringLiteral("set_alert"), rule(QStringLiteral("EUR_USD"), condition, 1.09, repeat),
                            QStringLiteral("alert_set"), 1)),
                "id");
        };
        const QString once = set(QStringLiteral("above"), QStringLiteral("once"));
        const QString every = set(QStringLiteral("above"), QStringLiteral("every"));
        const QString crosses = set(QStringLiteral("crosses"), QStringLiteral("every"));
        QVERIFY(!once.isEmpty() && !every.isEmpty() && !crosses.isEmpty());
        // The rules a list of price_alert fired, sorted (one tick fires its rules in no set order).
        const auto firedBy = [](const QList<QJsonObject> &alerts) {
            QStringList ids;
            for (const QJsonObject &a : alerts)
                ids << str(ruleOf(a), "id");
            ids.sort();
            return ids;
        };
        const auto sorted = [](QStringList ids) {
            ids.sort();
            return ids;
        };

        // Just under, then at the value: above is not true (equal is not above), crosses has
        // nothing to cross yet.
        QVERIFY(rig.eurUsd("1.0899"));
        QVERIFY(rig.eurUsd("1.0900"));
        QCOMPARE(firedBy(alertsIn(drain(rig, c))), QStringList{});
        // Just over: the three fire, on that tick.
        QVERIFY(rig.eurUsd("1.0901"));
        QList<QJsonObject> alerts = alertsIn(drain(rig, c));
        QCOMPARE(firedBy(alerts), sorted({once, every, crosses}));
        for (const QJsonObject &a : std::as_const(alerts)) {
            QCOMPARE(a.value(QStringLiteral("price")).toDouble(), 1.0901);
            QCOMPARE(ruleOf(a).value(QStringLiteral("times_fired")).toInt(), 1);
            QVERIFY(!str(ruleOf(a), "last_fired_at").isEmpty());
            // once: disabled by its firing; every and crosses stay enabled
            QCOMPARE(ruleOf(a).value(QStringLiteral("enabled")), QJsonValue(str(ruleOf(a), "id") != once));
        }
        // Back to the value and over again: every fires a second time; crosses does not (the
        // value touched 1.09 and went back to the side it came from); once stays quiet.
        QVERIFY(rig.eurUsd("1.0900"));
        QVERIFY(rig.eurUsd("1.0901"));
        alerts = alertsIn(drain(rig, c));
        QCOMPARE(firedBy(alerts), QStringList{every});
        QCOMPARE(ruleOf(alerts.at(0)).value(QStringLiteral("times_fired")).toInt(), 2);
        // Down through the value (via equal): crosses fires the other way.
        QVERIFY(rig.eurUsd("1.0900"));
        QCOMPARE(firedBy(alertsIn(drain(rig, c))), QStringList{});
        QVERIFY(rig.eurUsd("1.0899"));
        alerts = alertsIn(drain(rig, c));
        QCOMPARE(firedBy(alerts), QStringList{crosses});
        QCOMPARE(alerts.at(0).value(QStringLiteral("price")).toDouble(), 1.0899);
        QCOMPARE(ruleOf(alerts.at(0)).value(QStringLiteral("times_fired")).toInt(), 2);
        // A jump over the value in one tick: every and crosses.
        QVERIFY(rig.eurUsd("1.0950"));
        QCOMPARE(firedBy(alertsIn(drain(rig, c))), sorted({every, crosses}));

        // list_alerts shows the once rule disabled, and each rule's count.
        const QJsonArray listed = dataOf(call(c, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 2))
                                      .value(QStringLiteral("alerts"))
                                      .toArray();
        QCOMPARE(listed.size(), 3);
        QMap<QString, QJsonObject> byId;
        for (const QJsonValue &v : listed)
            byId.insert(str(v.toObject(), "id"), v.toObject());
        QCOMPARE(byId.value(once).value(QStringLiteral("enabled")), QJsonValue(false));
        QCOMPARE(byId.value(once).value(QStringLiteral("times_fired")).toInt(), 1);
        QCOMPARE(byId.value(every).value(QStringLiteral("enabled")), QJsonValue(true));
        QCOMPARE(byId.value(every).value(QStringLiteral("times_fired")).toInt(), 3);
        QCOMPARE(byId.value(crosses).value(QStringLiteral("times_fired")).toInt(), 3);
        // Enabled again, the once rule is armed anew: the first tick over the value fires it.
        QCOMPARE(ruleOf(dataOf(call(c, QStringLiteral("update_alert"),
                                    {{QStringLiteral("id"), once}, {QStringLiteral("enabled"), true}},
                                    QStringLiteral("alert_updated"), 3)))
                     .value(QStringLiteral("enabled")),
                 QJsonValue(true));
        QVERIFY(rig.eurUsd("1.0951"));
        alerts = alertsIn(drain(rig, c));
        QCOMPARE(firedBy(alerts), QStringList{once});
        QCOMPARE(ruleOf(alerts.at(0)).value(QStringLiteral("times_fired")).toInt(), 2);
        QCOMPARE(rig.server.stop(), 0);
    }

    void limitsPerClientAndInAll()
    {
        Rig rig;
        QVERIFY(rig.start({QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=3"),
                           QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_ALERTS=5")}));
        auto a = std::make_unique<WsClient>();
        WsClient b;
        QVERIFY(a->connectTo(rig.url()));
        QVERIFY(b.connectTo(rig.url()));
        const QJsonObject r = rule(QStringLiteral("EUR_USD"), QStringLiteral("below"), 1.05);
        int id = 0;
        // Per client: the 2nd (under) and the 3rd (at the limit) accepted, the 4th refused.
        for (int i = 1; i <= 3; ++i)
            QVERIFY(!str(dataOf(call(*a, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id")
                         .isEmpty());
        QJsonObject err = dataOf(call(*a, QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id));
        QCOMPARE(str(err, "code"), QStringLiteral("TOO_MANY_ALERTS"));
        QCOMPARE(str(err, "event"), QStringLiteral("set_alert"));
        QVERIFY2(str(err, "message").contains(QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT")),
                 qPrintable(str(err, "message")));
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_per_client"), 3}}));
        const QJsonObject listA =
            dataOf(call(*a, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), ++id));
        QCOMPARE(listA.value(QStringLiteral("count")).toInt(), 3);
        QCOMPARE(listA.value(QStringLiteral("max_per_client")).toInt(), 3);

        // In all: the 4th and 5th (at the limit) accepted from the second client, the 6th refused
        // although that client holds 2 of its 3.
        QVERIFY(
            !str(dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id").isEmpty());
        const QString bSecond =
            str(dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id");
        QVERIFY(!bSecond.isEmpty());
        err = dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id));
        QCOMPARE(str(err, "code"), QStringLiteral("TOO_MANY_ALERTS"));
        QVERIFY2(str(err, "message").contains(QStringLiteral("WEBSOCKET_MAX_ALERTS")), qPrintable(str(err, "message")));
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_total"), 5}}));
        // A deleted rule frees its place at once.
        QVERIFY(!call(b, QStringLiteral("delete_alert"), {{QStringLiteral("id"), bSecond}},
                      QStringLiteral("alert_deleted"), ++id)
                     .isEmpty());
        QVERIFY(
            !str(dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id").isEmpty());
        err = dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id));
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_total"), 5}}));

        // The anonymous client goes: its 3 rules are deleted, the total has room again.
        a.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rig.connectedClients(b), 1, 5000);
        QVERIFY(
            !str(dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id").isEmpty());
        err = dataOf(call(b, QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id)); // now b's own limit
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_per_client"), 3}}));
        // The same over Socket.IO: the refusal in the ack, the rules gone with the client.
        auto sio = std::make_unique<Sio>();
        QVERIFY(sio->open(rig.server.port()));
        QVERIFY(!str(sio->request(QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id), "id").isEmpty());
        QVERIFY(!str(sio->request(QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id), "id").isEmpty());
        err = sio->request(QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id); // 5 in all again
        QCOMPARE(str(err, "code"), QStringLiteral("TOO_MANY_ALERTS"));
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_total"), 5}}));
        sio->close();
        sio.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rig.connectedClients(b), 1, 5000);
        WsClient c;
        QVERIFY(c.connectTo(rig.url()));
        QVERIFY(
            !str(dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id").isEmpty());
        QVERIFY(
            !str(dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), ++id)), "id").isEmpty());
        err = dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("error"), ++id)); // 5 in all again
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_total"), 5}}));

        // Each refusal counted.
        QCOMPARE(metricValue(rig.server.port(), "fxmonitor_client_errors_total{code=\"TOO_MANY_ALERTS\"}", 0), 6.0);
        QCOMPARE(rig.server.stop(), 0);
    }

    void settingsAreBounded_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("per client -1") << QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=-1") << 2;
        QTest::newRow("per client 0") << QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=0") << 0;
        QTest::newRow("per client 10000") << QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=10000") << 0;
        QTest::newRow("per client 10001") << QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=10001") << 2;
        QTest::newRow("per client 1.5") << QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=1.5") << 2;
        QTest::newRow("in all -1") << QStringLiteral("WEBSOCKET_MAX_ALERTS=-1") << 2;
        QTest::newRow("in all 10000000") << QStringLiteral("WEBSOCKET_MAX_ALERTS=10000000") << 0;
        QTest::newRow("in all 10000001") << QStringLiteral("WEBSOCKET_MAX_ALERTS=10000001") << 2;
    }

    void settingsAreBounded()
    {
        QFETCH(QString, setting);
        QFETCH(int, exitCode);
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config"), QStringLiteral("--set"), setting},
                            &out, &err),
                 exitCode);
        const QString name = setting.section(u'=', 0, 0);
        if (exitCode == 2) { // one line naming the setting
            const QString text = QString::fromUtf8(err).trimmed();
            QVERIFY2(text.contains(name), qPrintable(text));
            QCOMPARE(text.count(u'\n'), 0);
        } else {
            QVERIFY2(out.contains(setting.toUtf8()), out.constData());
        }
    }

    void alertRulesOff()
    {
        // WEBSOCKET_MAX_ALERTS_PER_CLIENT=0: every set_alert is refused; the rest answers.
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=0")}));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        const QJsonObject err =
            dataOf(call(c, QStringLiteral("set_alert"), rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09),
                        QStringLiteral("error"), 1));
        QCOMPARE(str(err, "code"), QStringLiteral("TOO_MANY_ALERTS"));
        QCOMPARE(err.value(QStringLiteral("details")).toObject(), (QJsonObject{{QStringLiteral("max_per_client"), 0}}));
        const QJsonObject list = dataOf(call(c, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 2));
        QCOMPARE(list.value(QStringLiteral("count")).toInt(), 0);
        QCOMPARE(list.value(QStringLiteral("max_per_client")).toInt(), 0);
        QCOMPARE(server.stop(), 0);
    }

    void invalidPayloads()
    {
        Rig rig;
        QVERIFY(rig.start());
        WsClient c;
        QVERIFY(c.connectTo(rig.url()));
        const QJsonObject good = rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09);
        const auto with = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = good;
            o.insert(QLatin1String(key), v);
            return o;
        };
        const auto without = [&](const char *key) {
            QJsonObject o = good;
            o.remove(QLatin1String(key));
            return o;
        };
        struct Case
        {
            const char *name;
            QString event;
            QJsonObject data;
            QString field;
        };
        const QString set = QStringLiteral("set_alert");
        const QString update = QStringLiteral("update_alert");
        // A rule to update: refused updates leave it as it was.
        const QString ruleId = str(dataOf(call(c, set, good, QStringLiteral("alert_set"), 100)), "id");
        QVERIFY(!ruleId.isEmpty());
        const QJsonObject idOnly{{QStringLiteral("id"), ruleId}};
        const auto withId = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = idOnly;
            o.insert(QLatin1String(key), v);
            return o;
        };
        const QList<Case> cases{
            {"unknown field", set, with("colour", QStringLiteral("red")), QStringLiteral("colour")},
            {"bad condition", set, with("condition", QStringLiteral("sideways")), QStringLiteral("condition")},
            {"missing value", set, without("value"), QStringLiteral("value")},
            {"value a string", set, with("value", QStringLiteral("1.09")), QStringLiteral("value")},
            {"bad field", set, with("field", QStringLiteral("last")), QStringLiteral("field")},
            {"unknown pair", set, with("pair", QStringLiteral("XXX_YYY")), QStringLiteral("pair")},
            {"cooldown 0", set, with("repeat", QJsonObject{{QStringLiteral("cooldown_seconds"), 0}}),
             QStringLiteral("repeat.cooldown_seconds")},
            {"expired already", set, with("expires_at", QStringLiteral("2020-01-01T00:00:00Z")),
             QStringLiteral("expires_at")},
            {"change_pct without window", set, with("condition", QStringLiteral("change_pct")),
             QStringLiteral("window_seconds")},
            {"update, nothing to change", update, idOnly, QStringLiteral("enabled")},
            {"update, value 0", update, withId("value", 0), QStringLiteral("value")},
            {"update, enabled a string", update, withId("enabled", QStringLiteral("yes")), QStringLiteral("enabled")},
            {"update, unknown field", update, withId("colour", 1), QStringLiteral("colour")},
            {"delete without id", QStringLiteral("delete_alert"), {}, QStringLiteral("id")},
        };
        int id = 100;
        for (const Case &k : cases) {
            const QJsonObject reply = call(c, k.event, k.data, QStringLiteral("error"), ++id);
            const QJsonObject err = dataOf(reply);
            QVERIFY2(!reply.isEmpty(), k.name);
            QVERIFY2(str(err, "code") == u"INVALID_PAYLOAD", k.name);
            QVERIFY2(str(err, "event") == k.event, k.name);
            QVERIFY2(!str(err, "message").isEmpty(), k.name);
            const QString field = str(err.value(QStringLiteral("details")).toObject(), "field");
            QVERIFY2(field == k.field, qPrintable(QStringLiteral("%1: field %2").arg(QLatin1String(k.name), field)));
        }
        // Over Socket.IO: the error event, and the ack carrying it.
        Sio sio;
        QVERIFY(sio.open(rig.server.port()));
        const QJsonObject sioErr = sio.request(set, without("pair"), QStringLiteral("error"), 7);
        QCOMPARE(str(sioErr, "code"), QStringLiteral("INVALID_PAYLOAD"));
        QCOMPARE(str(sioErr.value(QStringLiteral("details")).toObject(), "field"), QStringLiteral("pair"));
        // Nothing else was set, the rule is as it was; each refusal counted.
        const QJsonArray listed =
            dataOf(call(c, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), ++id))
                .value(QStringLiteral("alerts"))
                .toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(str(listed.at(0).toObject(), "id"), ruleId);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("value")).toDouble(), 1.09);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("enabled")), QJsonValue(true));
        QCOMPARE(metricValue(rig.server.port(), "fxmonitor_client_errors_total{code=\"INVALID_PAYLOAD\"}", 0),
                 double(cases.size() + 1));
        QCOMPARE(rig.server.stop(), 0);
    }

    void expiryByTheTimer()
    {
        // Two I/O threads: the sweep runs on the first, the clients live on both.
        Rig rig;
        QVERIFY(rig.start({QStringLiteral("--io-threads"), QStringLiteral("2")}));
        std::vector<std::unique_ptr<WsClient>> clients;
        QStringList ids;
        for (int i = 0; i < 2; ++i) {
            clients.push_back(std::make_unique<WsClient>());
            QVERIFY(clients.back()->connectTo(rig.url()));
        }
        const qint64 expiresAt = QDateTime::currentMSecsSinceEpoch() + 1500;
        for (int i = 0; i < 2; ++i) {
            QJsonObject r = rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09);
            r.insert(QStringLiteral("expires_at"), double(expiresAt));
            const QJsonObject set =
                dataOf(call(*clients[i], QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), 1));
            ids << str(set, "id");
            QCOMPARE(QDateTime::fromString(str(ruleOf(set), "expires_at"), Qt::ISODateWithMs).toMSecsSinceEpoch(),
                     expiresAt);
            // A rule that does not expire stays.
            QVERIFY(!call(*clients[i], QStringLiteral("set_alert"),
                          rule(QStringLiteral("EUR_USD"), QStringLiteral("below"), 1.0), QStringLiteral("alert_set"), 2)
                         .isEmpty());
        }
        // No tick: the timer removes them and tells each owner.
        for (int i = 0; i < 2; ++i) {
            const QJsonObject deleted = dataOf(clients[i]->waitFor(QStringLiteral("alert_deleted"), 5000));
            QVERIFY(QDateTime::currentMSecsSinceEpoch() >= expiresAt);
            QCOMPARE(str(deleted, "id"), ids[i]);
            QCOMPARE(str(deleted, "reason"), QStringLiteral("expired"));
            QCOMPARE(str(ruleOf(deleted), "id"), ids[i]);
            const QJsonArray left =
                dataOf(call(*clients[i], QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 3))
                    .value(QStringLiteral("alerts"))
                    .toArray();
            QCOMPARE(left.size(), 1);
            QCOMPARE(str(left.at(0).toObject(), "condition"), QStringLiteral("below"));
            QCOMPARE(clients[i]->count(QStringLiteral("alert_deleted")), 0); // only its own, once
        }
        // A tick over the value afterwards fires nothing.
        QVERIFY(rig.eurUsd("1.0950"));
        QCOMPARE(alertsIn(drain(rig, *clients[0])), QList<QJsonObject>{});
        QCOMPARE(rig.server.stop(), 0);
    }

    void tickTimesFromTheFuture()
    {
        // The feed's clock is not the server's: a tick stamped two hours ahead neither expires
        // the rules of every pair (expires_at in an hour) nor moves the pair's clock past them.
        Rig rig;
        QVERIFY(rig.start());
        WsClient c;
        QVERIFY(c.connectTo(rig.url()));
        const qint64 inAnHour = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        QJsonObject r = rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09, QStringLiteral("every"));
        r.insert(QStringLiteral("expires_at"), double(inAnHour));
        const QString eur = str(dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), 1)), "id");
        r.insert(QStringLiteral("pair"), QStringLiteral("USD_JPY"));
        r.insert(QStringLiteral("value"), 150);
        const QString jpy = str(dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), 2)), "id");
        QVERIFY(!eur.isEmpty() && !jpy.isEmpty());
        const QString future =
            QDateTime::fromMSecsSinceEpoch(inAnHour + 3600 * 1000, Qt::UTC).toString(Qt::ISODateWithMs);
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.publishRaw(
            QStringLiteral(R"({"instrument":"EUR_USD","price":{"bid":"1.0910","ask":"1.0912","time":"%1"}})")
                .arg(future)));
        // It fires (the tick counts at the server's time, before the rule's expiry) and the
        // rules stay.
        QList<QJsonObject> got = drain(rig, c);
        QList<QJsonObject> alerts = alertsIn(got);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(str(ruleOf(alerts.at(0)), "id"), eur);
        for (const QJsonObject &e : std::as_const(got))
            QVERIFY2(eventOf(e) != u"alert_deleted" || str(dataOf(e), "reason") != u"expired",
                     QJsonDocument(e).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(dataOf(call(c, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 3))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 2);
        // The pair's clock was not moved: later ticks at the server's time fire it again.
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.eurUsd("1.0910"));
        alerts = alertsIn(drain(rig, c));
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(ruleOf(alerts.at(0)).value(QStringLiteral("times_fired")).toInt(), 2);
        QCOMPARE(rig.server.stop(), 0);
    }

    void cooldownAndChangePctOnTickTimes()
    {
        // Ticks stamped by the feed (an hour ago, so the server's clock does not cap them): the
        // rules' times are the ticks' times.
        Rig rig;
        QVERIFY(rig.start());
        WsClient c;
        QVERIFY(c.connectTo(rig.url()));
        const qint64 t0 = (QDateTime::currentMSecsSinceEpoch() / 1000 - 3600) * 1000;
        const auto at = [&](int seconds) {
            return QDateTime::fromMSecsSinceEpoch(t0 + seconds * 1000LL, Qt::UTC).toString(Qt::ISODateWithMs);
        };
        const auto tick = [&](const char *pair, const char *bid, const char *ask, int seconds) {
            return rig.publishRaw(QStringLiteral(R"({"instrument":"%1","price":{"bid":"%2","ask":"%3","time":"%4"}})")
                                      .arg(QLatin1String(pair), QLatin1String(bid), QLatin1String(ask), at(seconds)));
        };
        const auto set = [&](const QJsonObject &r) {
            return str(dataOf(call(c, QStringLiteral("set_alert"), r, QStringLiteral("alert_set"), 1)), "id");
        };
        const QString cooldown = set(rule(QStringLiteral("AUD_USD"), QStringLiteral("above"), 0.65,
                                          QJsonObject{{QStringLiteral("cooldown_seconds"), 60}}));
        QJsonObject pct = rule(QStringLiteral("NZD_USD"), QStringLiteral("change_pct"), 0.5, QStringLiteral("every"));
        pct.insert(QStringLiteral("window_seconds"), 60);
        const QString change = set(pct);
        QJsonObject spreadRule =
            rule(QStringLiteral("USD_CAD"), QStringLiteral("above"), 0.0005, QStringLiteral("every"));
        spreadRule.insert(QStringLiteral("field"), QStringLiteral("spread"));
        const QString spread = set(spreadRule);
        QVERIFY(!cooldown.isEmpty() && !change.isEmpty() && !spread.isEmpty());

        // Cooldown: fires at 1 s; the edge at 3 s falls in the 60 s cooldown and is dropped (not
        // delayed); the edge at 62 s fires.
        QVERIFY(tick("AUD_USD", "0.6490", "0.6492", 0));
        QVERIFY(tick("AUD_USD", "0.6510", "0.6512", 1));
        QVERIFY(tick("AUD_USD", "0.6490", "0.6492", 2));
        QVERIFY(tick("AUD_USD", "0.6510", "0.6512", 3));
        QVERIFY(tick("AUD_USD", "0.6490", "0.6492", 4));
        QVERIFY(tick("AUD_USD", "0.6510", "0.6512", 62));
        // change_pct over 60 s: +0.3 % before the history reaches back 60 s, then +0.6 %.
        QVERIFY(tick("NZD_USD", "0.6000", "0.6002", 0));
        QVERIFY(tick("NZD_USD", "0.6018", "0.6020", 30));
        QVERIFY(tick("NZD_USD", "0.6036", "0.6038", 61));
        // spread (ask - bid): 2 pips, then 10.
        QVERIFY(tick("USD_CAD", "1.3600", "1.3602", 0));
        QVERIFY(tick("USD_CAD", "1.3600", "1.3610", 1));
        const QList<QJsonObject> alerts = alertsIn(drain(rig, c));
        QList<QJsonObject> cooled, changed, spreads;
        for (const QJsonObject &a : alerts) {
            const QString id = str(ruleOf(a), "id");
            (id == cooldown ? cooled : id == change ? changed : spreads).append(a);
        }
        QCOMPARE(cooled.size(), 2);
        QCOMPARE(str(cooled.at(0), "time"), at(1).chopped(1) + QStringLiteral("000Z"));
        QCOMPARE(str(cooled.at(1), "time"), at(62).chopped(1) + QStringLiteral("000Z"));
        QCOMPARE(ruleOf(cooled.at(1)).value(QStringLiteral("times_fired")).toInt(), 2);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).value(QStringLiteral("change_pct")).toDouble(), 0.6);
        QCOMPARE(changed.at(0).value(QStringLiteral("price")).toDouble(), 0.6036);
        QCOMPARE(spreads.size(), 1);
        QCOMPARE(spreads.at(0).value(QStringLiteral("price")).toDouble(), 0.001);
        QCOMPARE(alerts.size(), 4);
        QCOMPARE(rig.server.stop(), 0);
    }

    void tokenUsersKeepTheirRules()
    {
        const QString alice = QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+600"})"));
        const QString bob = QString::fromLatin1(TokenMint::hs256(R"({"sub":"bob","exp":"+600"})"));
        const QString narrowToken =
            QString::fromLatin1(TokenMint::hs256(R"({"sub":"eve","exp":"+600","pairs":["EUR_USD","GBP_USD"]})"));
        QVERIFY(!alice.isEmpty() && !bob.isEmpty() && !narrowToken.isEmpty());
        Rig rig;
        rig.env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        rig.env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret()));
        rig.token = bob;
        QVERIFY(rig.start());

        auto first = std::make_unique<WsClient>();
        QVERIFY(first->connectTo(rig.url(alice)));
        QVERIFY(!dataOf(first->welcome()).contains(QStringLiteral("alerts")));
        const QString id =
            str(dataOf(call(*first, QStringLiteral("set_alert"),
                            rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09, QStringLiteral("every")),
                            QStringLiteral("alert_set"), 1)),
                "id");
        QVERIFY(!id.isEmpty());
        first.reset();
        QTRY_COMPARE_WITH_TIMEOUT(metricValue(rig.server.port(), "fxmonitor_connected_clients", -1), 0.0, 5000);

        // The same sub again: its rule is listed in connection_established, and fires here.
        WsClient again;
        QVERIFY(again.connectTo(rig.url(alice)));
        const QJsonArray held = dataOf(again.welcome()).value(QStringLiteral("alerts")).toArray();
        QCOMPARE(held.size(), 1);
        QCOMPARE(str(held.at(0).toObject(), "id"), id);
        QCOMPARE(dataOf(call(again, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 2))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 1);
        // Another user sees none of it and cannot delete it.
        WsClient other;
        QVERIFY(other.connectTo(rig.url(bob)));
        QVERIFY(!dataOf(other.welcome()).contains(QStringLiteral("alerts")));
        QCOMPARE(dataOf(call(other, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 3))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);
        QCOMPARE(str(dataOf(call(other, QStringLiteral("delete_alert"), {{QStringLiteral("id"), id}},
                                 QStringLiteral("error"), 4))
                         .value(QStringLiteral("details"))
                         .toObject(),
                     "field"),
                 QStringLiteral("id"));
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.eurUsd("1.0910"));
        const QJsonObject fired = dataOf(again.waitFor(QStringLiteral("price_alert")));
        QCOMPARE(str(ruleOf(fired), "id"), id);
        QCOMPARE(fired.value(QStringLiteral("price")).toDouble(), 1.091);
        QVERIFY(!call(other, QStringLiteral("ping"), {}, QStringLiteral("pong"), 5).isEmpty());
        QCOMPARE(other.count(QStringLiteral("price_alert")), 0);

        // Over Socket.IO (the token in CONNECT's auth) too; the newest connection gets the alerts.
        auto sio = std::make_unique<Sio>();
        QVERIFY(sio->open(rig.server.port(), {{QStringLiteral("token"), alice}}));
        const QJsonArray sioHeld = sio->welcome().value(QStringLiteral("alerts")).toArray();
        QCOMPARE(sioHeld.size(), 1);
        QCOMPARE(str(sioHeld.at(0).toObject(), "id"), id);
        QCOMPARE(sioHeld.at(0).toObject().value(QStringLiteral("times_fired")).toInt(), 1);
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.eurUsd("1.0910"));
        const QJsonObject sioFired = sio->event(QStringLiteral("price_alert"));
        QCOMPARE(str(ruleOf(sioFired), "id"), id);
        QCOMPARE(ruleOf(sioFired).value(QStringLiteral("times_fired")).toInt(), 2);
        QVERIFY(!call(again, QStringLiteral("ping"), {}, QStringLiteral("pong"), 6).isEmpty());
        QCOMPARE(again.count(QStringLiteral("price_alert")), 0);
        // The newest goes: the connection still open gets them again.
        sio->close();
        sio.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rig.connectedClients(other), 2, 5000);
        QVERIFY(rig.eurUsd("1.0890"));
        QVERIFY(rig.eurUsd("1.0910"));
        const QJsonObject backHere = dataOf(again.waitFor(QStringLiteral("price_alert")));
        QCOMPARE(str(ruleOf(backHere), "id"), id);
        QCOMPARE(ruleOf(backHere).value(QStringLiteral("times_fired")).toInt(), 3);

        // Two connections of a user holding no rule yet: the one that sets a rule goes, the other
        // (connected before there was any rule) gets its alerts.
        const QString carol = QString::fromLatin1(TokenMint::hs256(R"({"sub":"carol","exp":"+600"})"));
        auto setter = std::make_unique<WsClient>();
        WsClient stays;
        QVERIFY(stays.connectTo(rig.url(carol)));
        QVERIFY(setter->connectTo(rig.url(carol)));
        QVERIFY(!dataOf(stays.welcome()).contains(QStringLiteral("alerts"))); // none held
        const QString carolId = str(
            dataOf(call(*setter, QStringLiteral("set_alert"),
                        rule(QStringLiteral("USD_JPY"), QStringLiteral("below"), 150), QStringLiteral("alert_set"), 9)),
            "id");
        QVERIFY(!carolId.isEmpty());
        setter.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rig.connectedClients(other), 3, 5000); // again, other, stays
        QVERIFY(rig.tick("USD_JPY", "149.50", "149.52"));
        const QJsonObject carolFired = dataOf(stays.waitFor(QStringLiteral("price_alert")));
        QCOMPARE(str(ruleOf(carolFired), "id"), carolId);

        // A token whose pairs do not include the pair: FORBIDDEN, counted; a permitted pair is fine.
        WsClient narrow;
        QVERIFY(narrow.connectTo(rig.url(narrowToken)));
        const QJsonObject err =
            dataOf(call(narrow, QStringLiteral("set_alert"),
                        rule(QStringLiteral("USD_JPY"), QStringLiteral("above"), 150), QStringLiteral("error"), 6));
        QCOMPARE(str(err, "code"), QStringLiteral("FORBIDDEN"));
        QCOMPARE(str(err.value(QStringLiteral("details")).toObject(), "field"), QStringLiteral("pair"));
        QVERIFY(!str(err, "message").contains(narrowToken)); // no token in the words
        QVERIFY(!call(narrow, QStringLiteral("set_alert"),
                      rule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.2), QStringLiteral("alert_set"), 7)
                     .isEmpty());
        QCOMPARE(dataOf(call(narrow, QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"), 8))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 1);
        QCOMPARE(metricValue(rig.server.port(), "fxmonitor_client_errors_total{code=\"FORBIDDEN\"}", 0), 1.0);
        QCOMPARE(rig.server.stop(), 0);
    }

    void firedRulesInTheAlertHistory()
    {
        // PROTOCOL.md, "In the alert history", on the headless server (its SQLite database): the
        // owner reads its fired rule back with get_alert_history; another token user does not;
        // "broadcast" from a client is refused and counted.
        const QString alice = QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+600"})"));
        const QString bob = QString::fromLatin1(TokenMint::hs256(R"({"sub":"bob","exp":"+600"})"));
        Rig rig;
        rig.env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        rig.env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret()));
        rig.token = bob;
        QVERIFY(rig.start());
        WsClient a, b;
        QVERIFY(a.connectTo(rig.url(alice)));
        QVERIFY(b.connectTo(rig.url(bob)));
        QJsonObject data = rule(QStringLiteral("EUR_USD"), QStringLiteral("below"), 1.05);
        data.insert(QStringLiteral("broadcast"), true);
        const QJsonObject err = dataOf(call(a, QStringLiteral("set_alert"), data, QStringLiteral("error"), 1));
        QCOMPARE(str(err, "code"), QStringLiteral("INVALID_PAYLOAD"));
        QCOMPARE(str(err.value(QStringLiteral("details")).toObject(), "field"), QStringLiteral("broadcast"));
        QCOMPARE(metricValue(rig.server.port(), "fxmonitor_client_errors_total{code=\"INVALID_PAYLOAD\"}", 0), 1.0);
        data.remove(QStringLiteral("broadcast"));
        const QString id =
            str(dataOf(call(a, QStringLiteral("set_alert"), data, QStringLiteral("alert_set"), 2)), "id");
        QVERIFY(!id.isEmpty());
        QVERIFY(rig.eurUsd("1.0600"));
        QVERIFY(rig.eurUsd("1.0400"));
        QCOMPARE(str(ruleOf(dataOf(a.waitFor(QStringLiteral("price_alert")))), "id"), id);

        const QJsonObject onlyPrice{{QStringLiteral("types"), QStringLiteral("price_alert")}};
        QJsonArray rows;
        int n = 10;
        QVERIFY(QTest::qWaitFor(
            [&] {
                rows = dataOf(call(a, QStringLiteral("get_alert_history"), onlyPrice, QStringLiteral("alert_history"),
                                   ++n))
                           .value(QStringLiteral("alerts"))
                           .toArray();
                return !rows.isEmpty();
            },
            10000));
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(str(row, "owner"), QStringLiteral("alice"));
        QCOMPARE(str(row, "type"), QStringLiteral("price_alert"));
        QCOMPARE(str(row, "message"), QStringLiteral("EUR_USD bid fell below 1.05 (1.04)"));
        QCOMPARE(str(ruleOf(row.value(QStringLiteral("data")).toObject()), "id"), id);
        QCOMPARE(dataOf(call(b, QStringLiteral("get_alert_history"), onlyPrice, QStringLiteral("alert_history"), 99))
                     .value(QStringLiteral("count"))
                     .toInt(),
                 0);
        QCOMPARE(rig.server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestAlertRulesServer)
#include "tst_alert_rules_server.moc"
