// Every request of PROTOCOL.md ("Requests you send") against the real server process, with the exact reply
// event names and fields of "Events you receive", over both plain JSON paths.

#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace fx::test;

namespace {
QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &x : v.toArray())
        out << x.toString();
    return out;
}

bool isIsoMicros(const QJsonValue &v)
{
    static const QRegularExpression re(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$"));
    return re.match(v.toString()).hasMatch();
}

void requireKeys(const QJsonObject &o, std::initializer_list<const char *> keys)
{
    for (const char *k : keys)
        QVERIFY2(o.contains(QLatin1String(k)), k);
}
} // namespace

class TestWsProtocol : public QObject
{
    Q_OBJECT

    ServerProcess m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.start({QStringLiteral("--ping-interval"), QStringLiteral("2.5"),
                                QStringLiteral("--ping-timeout"), QStringLiteral("1.5")}));
    }

    void cleanupTestCase() { QCOMPARE(m_server.stop(), 0); }

    void connectionEstablished_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("/ws") << "/ws";
        QTest::newRow("/") << "/";
        QTest::newRow("/ with query") << "/?token=abc";
    }

    void connectionEstablished()
    {
        QFETCH(QString, path);
        WsClient c;
        QVERIFY(c.connectTo(m_server.wsUrl(path)));
        const QJsonObject w = c.welcome();
        QCOMPARE(w.value(QStringLiteral("event")).toString(), QStringLiteral("connection_established"));
        const QJsonObject d = w.value(QStringLiteral("data")).toObject();
        requireKeys(d,
                    {"client_id", "server_version", "available_pairs", "ping_interval", "ping_timeout", "timestamp"});
        QCOMPARE(d.value(QStringLiteral("client_id")).toString().size(), 20);
        QCOMPARE(d.value(QStringLiteral("available_pairs")).toArray().size(), 20);
        QCOMPARE(d.value(QStringLiteral("ping_interval")).toDouble(), 2.5);
        QCOMPARE(d.value(QStringLiteral("ping_timeout")).toDouble(), 1.5);
        QVERIFY(isIsoMicros(d.value(QStringLiteral("timestamp"))));
    }

    void subscribeUnsubscribeInfo()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.wsUrl()));
        QJsonObject r =
            c.request(QStringLiteral("subscribe"),
                      {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}}},
                      QStringLiteral("subscription_confirmed"));
        QJsonObject d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"pairs", "rooms", "pair_count", "total_subscriptions", "invalid_pairs"});
        QCOMPARE(strings(d.value(QStringLiteral("pairs"))),
                 (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));
        QCOMPARE(strings(d.value(QStringLiteral("rooms"))),
                 (QStringList{QStringLiteral("price_EUR_USD"), QStringLiteral("price_GBP_USD")}));
        QCOMPARE(d.value(QStringLiteral("pair_count")).toInt(), 2);
        QCOMPARE(d.value(QStringLiteral("total_subscriptions")).toInt(), 2);

        // Mixed valid and invalid.
        r = c.request(QStringLiteral("subscribe"),
                      {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("USD_JPY"), QStringLiteral("ABC_XYZ")}}},
                      QStringLiteral("subscription_confirmed"));
        d = r.value(QStringLiteral("data")).toObject();
        QCOMPARE(strings(d.value(QStringLiteral("pairs"))), QStringList{QStringLiteral("USD_JPY")});
        QCOMPARE(strings(d.value(QStringLiteral("invalid_pairs"))), QStringList{QStringLiteral("ABC_XYZ")});
        QCOMPARE(d.value(QStringLiteral("total_subscriptions")).toInt(), 3);

        // None valid: only an error.
        r = c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("NOPE")}}},
                      QStringLiteral("error"));
        d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"code", "message", "event", "details"});
        QCOMPARE(d.value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAIR"));
        QCOMPARE(d.value(QStringLiteral("event")).toString(), QStringLiteral("subscribe"));
        QCOMPARE(strings(d.value(QStringLiteral("details")).toObject().value(QStringLiteral("invalid_pairs"))),
                 QStringList{QStringLiteral("NOPE")});

        // The next request's reply comes after anything more for this one: it had only the error.
        r = c.request(QStringLiteral("get_subscriptions"), {}, QStringLiteral("subscriptions_info"));
        QVERIFY(c.take(QStringLiteral("subscription_confirmed")).isEmpty());
        d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"pairs", "rooms", "pair_count"});
        QCOMPARE(d.value(QStringLiteral("pair_count")).toInt(), 3);

        r = c.request(QStringLiteral("unsubscribe"), {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("GBP_USD")}}},
                      QStringLiteral("unsubscription_confirmed"));
        d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"pairs", "pair_count", "total_subscriptions"});
        QCOMPARE(strings(d.value(QStringLiteral("pairs"))), QStringList{QStringLiteral("GBP_USD")});
        QCOMPARE(d.value(QStringLiteral("total_subscriptions")).toInt(), 2);

        r = c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                      QStringLiteral("subscription_confirmed"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("total_subscriptions")).toInt(), 20);
        r = c.request(QStringLiteral("unsubscribe"), {}, QStringLiteral("unsubscription_confirmed"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("total_subscriptions")).toInt(), 0);
    }

    void requestIdsAreEchoed()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.wsUrl()));
        c.send(QStringLiteral("ping"), {}, QJsonValue(QStringLiteral("req-1")));
        QJsonObject r = c.waitFor(QStringLiteral("pong"));
        QCOMPARE(r.value(QStringLiteral("id")).toString(), QStringLiteral("req-1"));
        c.send(QStringLiteral("nope"), {}, QJsonValue(99));
        r = c.waitFor(QStringLiteral("error"));
        QCOMPARE(r.value(QStringLiteral("id")).toInt(), 99);
        c.send(QStringLiteral("get_subscriptions"));
        r = c.waitFor(QStringLiteral("subscriptions_info"));
        QVERIFY(!r.contains(QStringLiteral("id")));
    }

    void prices()
    {
        WsClient c;
        QVERIFY(c.connectTo(m_server.wsUrl()));
        // No Redis configured: no price yet.
        QJsonObject r = c.request(QStringLiteral("request_price"),
                                  {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}}, QStringLiteral("error"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("PRICE_UNAVAILABLE"));
        r = c.request(QStringLiteral("request_price"), {{QStringLiteral("pair"), QStringLiteral("XXX_YYY")}},
                      QStringLiteral("error"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("INVALID_PAIR"));
        r = c.request(QStringLiteral("request_price"), {}, QStringLiteral("error"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("INVALID_PAYLOAD"));

        r = c.request(QStringLiteral("request_all_prices"), {}, QStringLiteral("all_prices_response"));
        const QJsonObject d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"prices", "count", "timestamp"});
        QCOMPARE(d.value(QStringLiteral("count")).toInt(), 0);
    }

    void statsAndPing()
    {
        WsClient c, other;
        QVERIFY(c.connectTo(m_server.wsUrl()));
        QVERIFY(other.connectTo(m_server.wsUrl()));
        other.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("AUD_USD")}}},
                      QStringLiteral("subscription_confirmed"));
        QJsonObject r = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
        QJsonObject d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d,
                    {"connected_clients", "peak_clients", "total_connections", "max_clients", "rooms", "messages_sent",
                     "messages_received", "uptime_seconds", "redis", "timestamp"});
        QVERIFY(d.value(QStringLiteral("connected_clients")).toInt() >= 2);
        QVERIFY(d.value(QStringLiteral("peak_clients")).toInt()
                >= d.value(QStringLiteral("connected_clients")).toInt());
        QVERIFY(d.value(QStringLiteral("total_connections")).toInt() >= 2);
        QCOMPARE(d.value(QStringLiteral("max_clients")).toInt(), 1000);
        QCOMPARE(d.value(QStringLiteral("rooms")).toObject().value(QStringLiteral("price_AUD_USD")).toInt(), 1);
        QVERIFY(d.value(QStringLiteral("messages_sent")).toInt() > 0);
        QVERIFY(d.value(QStringLiteral("messages_received")).toInt() > 0);
        requireKeys(d.value(QStringLiteral("redis")).toObject(), {"connected", "channels"});

        const qint64 sent = QDateTime::currentMSecsSinceEpoch();
        r = c.request(QStringLiteral("ping"), {{QStringLiteral("timestamp"), sent}}, QStringLiteral("pong"));
        d = r.value(QStringLiteral("data")).toObject();
        requireKeys(d, {"client_timestamp", "server_timestamp"});
        QCOMPARE(qint64(d.value(QStringLiteral("client_timestamp")).toDouble()), sent);
        QVERIFY(qAbs(qint64(d.value(QStringLiteral("server_timestamp")).toDouble()) - sent) < 5000);
        r = c.request(QStringLiteral("ping"), {}, QStringLiteral("pong"));
        QVERIFY(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("client_timestamp")).isNull());
    }

    void clientsAreIsolated()
    {
        // One client's subscriptions and errors never show up at another.
        WsClient a, b;
        QVERIFY(a.connectTo(m_server.wsUrl()));
        QVERIFY(b.connectTo(m_server.wsUrl()));
        a.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));
        a.sendRaw(QStringLiteral("garbage"));
        QVERIFY(!a.waitFor(QStringLiteral("error")).isEmpty());
        const QJsonObject r = b.request(QStringLiteral("get_subscriptions"), {}, QStringLiteral("subscriptions_info"));
        QCOMPARE(r.value(QStringLiteral("data")).toObject().value(QStringLiteral("pair_count")).toInt(), 0);
        QVERIFY(b.takeAll().isEmpty());
        QVERIFY(a.welcome().value(QStringLiteral("data")).toObject().value(QStringLiteral("client_id"))
                != b.welcome().value(QStringLiteral("data")).toObject().value(QStringLiteral("client_id")));
    }
};

QTEST_GUILESS_MAIN(TestWsProtocol)
#include "tst_ws_protocol.moc"
