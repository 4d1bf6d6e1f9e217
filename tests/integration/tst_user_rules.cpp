// PROTOCOL.md, "Alert rules": rules and subscriptions that follow the user, on both engines.
// The real fxmonitor-server on a real database (SQLite file, PostgreSQL of the CTest fixture),
// a real redis-server publishing ticks, QWebSocket clients on the plain JSON protocol. A
// client_key (no tokens) and a token's sub: rules and rooms stored, restored after a reconnect
// and after a server restart, the once rule's fired state kept; restore_subscriptions and
// WEBSOCKET_RESTORE_SUBSCRIPTIONS; two servers on one database; the client_key's bounds at,
// under and over; requests sent while the rules are read answered in order.

#include "storagetestsupport.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

#include <memory>

using namespace fx;
using namespace fx::test;
using namespace fx::storage;
using namespace fx::storage::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue x : v.toArray())
        out << x.toString();
    return out;
}

QJsonObject aboveRule(const QString &pair, double value)
{
    return QJsonObject{{QStringLiteral("pair"), pair},
                       {QStringLiteral("field"), QStringLiteral("bid")},
                       {QStringLiteral("condition"), QStringLiteral("above")},
                       {QStringLiteral("value"), value},
                       {QStringLiteral("note"), QStringLiteral("follows me")}};
}

// A server on the shared redis-server (its own channel prefix) and a database.
struct Rig
{
    StorageConfig db;
    QString prefix;
    quint16 redisPort = 0;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    std::unique_ptr<redis::RedisPublisher> pub;

    bool init(const StorageConfig &database)
    {
        db = database;
        prefix = QStringLiteral("ur%1:").arg(QRandomGenerator::global()->generate() % 1000000);
        redisPort = fixtureRedisPort();
        if (!redisPort) {
            qWarning("no redis fixture: run through ctest (FX_TEST_REDIS_DIR)");
            return false;
        }
        pub = publisherFor(redisPort);
        if (db.engine == Engine::Postgres) {
            env.insert(QStringLiteral("DB_HOST"), db.host);
            env.insert(QStringLiteral("DB_PORT"), QString::number(db.port));
            env.insert(QStringLiteral("DB_NAME"), db.database);
            env.insert(QStringLiteral("DB_USER"), db.user);
            env.insert(QStringLiteral("DB_PASSWORD"), db.password);
        }
        return true;
    }
    QStringList args(const QStringList &extra = {}) const
    {
        QStringList a{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                      QStringLiteral("--redis-port"), QString::number(redisPort),
                      QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix};
        if (db.engine == Engine::Sqlite)
            a << QStringLiteral("--db-path") << db.sqlitePath;
        return a + extra;
    }
    bool start(ServerProcess &server, const QStringList &extra = {}, const QString &token = {})
    {
        if (!server.start(args(extra), env))
            return false;
        WsClient c;
        if (!c.connectTo(url(server, token)))
            return false;
        return QTest::qWaitFor(
            [&] {
                const QJsonObject s = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
                return dataOf(s).value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool();
            },
            10000);
    }
    static QString url(ServerProcess &server, const QString &token = {})
    {
        return server.wsUrl() + (token.isEmpty() ? QString() : QStringLiteral("?token=") + token);
    }
    bool eurUsd(const char *bid)
    {
        const QByteArray ask = QByteArray::number(QByteArray(bid).toDouble() + 0.0002, 'f', 4);
        QString err;
        const bool ok = pub->publish(prefix + QStringLiteral("price_updates"),
                                     QStringLiteral(R"({"instrument":"EUR_USD","price":{"bid":"%1","ask":"%2"}})")
                                         .arg(QLatin1String(bid), QLatin1String(ask))
                                         .toUtf8(),
                                     &err);
        if (!ok)
            qWarning("publish: %s", qPrintable(err));
        return ok;
    }
    qint64 rows(const QString &table, const QString &where = {}) const
    {
        SqlConnection c;
        QString err;
        if (!c.open(db, &err)) {
            qWarning("%s", qPrintable(err));
            return -1;
        }
        return count(c, table, where);
    }
};

int alertRules(WsClient &c)
{
    return dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
        .value(QStringLiteral("alert_rules"))
        .toObject()
        .value(QStringLiteral("rules"))
        .toInt(-1);
}

QString keyOwner(const QString &key)
{
    return QStringLiteral("key:")
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace

class TestUserRules : public QObject
{
    Q_OBJECT

    TestDatabases m_dbs;

    bool freshRig(Rig &rig, const QString &tag)
    {
        QFETCH(int, engine);
        QString err;
        if (!m_dbs.init(Engine(engine), &err)) {
            qWarning("%s", qPrintable(err));
            return false;
        }
        const auto db = m_dbs.fresh(tag, &err);
        if (!db) {
            qWarning("%s", qPrintable(err));
            return false;
        }
        return rig.init(*db);
    }

    static void engines()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("sqlite") << int(Engine::Sqlite);
        QTest::newRow("postgresql") << int(Engine::Postgres);
    }

private Q_SLOTS:
    void clientKeyAcrossReconnectsAndRestarts_data() { engines(); }
    void clientKeyAcrossReconnectsAndRestarts()
    {
        Rig rig;
        QVERIFY(freshRig(rig, QStringLiteral("key")));
        const QString key = QStringLiteral("9f1c2e7a-5b3d-4c8e-a1f0-6d2b7e9c4a51");
        QString ruleId;
        {
            ServerProcess server;
            QVERIFY(rig.start(server));
            WsClient c;
            QVERIFY(c.connectTo(Rig::url(server)));
            const QJsonObject first = dataOf(
                c.request(QStringLiteral("subscribe"),
                          {{QStringLiteral("client_key"), key},
                           {QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}}},
                          QStringLiteral("subscription_confirmed")));
            // A new user: nothing stored yet.
            QCOMPARE(first.value(QStringLiteral("alerts")).toArray().size(), 0);
            QVERIFY(!first.contains(QStringLiteral("subscriptions")));
            QCOMPARE(strings(first.value(QStringLiteral("pairs"))),
                     (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));
            const QJsonObject set =
                dataOf(c.request(QStringLiteral("set_alert"), aboveRule(QStringLiteral("EUR_USD"), 1.2000),
                                 QStringLiteral("alert_set")));
            ruleId = set.value(QStringLiteral("id")).toString();
            QVERIFY(!ruleId.isEmpty());
            // Stored under the key's hash; the key itself is nowhere in the database.
            QTRY_COMPARE_WITH_TIMEOUT(
                rig.rows(QStringLiteral("user_alert_rules"), QStringLiteral("owner = '%1'").arg(keyOwner(key))),
                qint64(1), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(
                rig.rows(QStringLiteral("user_subscriptions"), QStringLiteral("owner = '%1'").arg(keyOwner(key))),
                qint64(1), 10000);
            QCOMPARE(rig.rows(QStringLiteral("user_alert_rules"), QStringLiteral("owner LIKE '%%1%'").arg(key)),
                     qint64(0));
            c.socket().close();
            QVERIFY(c.waitDisconnected());

            // Reconnect: the rule and the rooms come back with the identifying subscribe.
            WsClient again;
            QVERIFY(again.connectTo(Rig::url(server)));
            const QJsonObject back = dataOf(
                again.request(QStringLiteral("subscribe"),
                              {{QStringLiteral("client_key"), key}, {QStringLiteral("restore_subscriptions"), true}},
                              QStringLiteral("subscription_confirmed")));
            QCOMPARE(back.value(QStringLiteral("alerts")).toArray().size(), 1);
            QCOMPARE(back.value(QStringLiteral("alerts")).toArray().at(0).toObject().value(QStringLiteral("id")),
                     QJsonValue(ruleId));
            QCOMPARE(strings(back.value(QStringLiteral("subscriptions"))),
                     (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));
            QCOMPARE(strings(back.value(QStringLiteral("pairs"))),
                     (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));
            // It fires on a real tick: a once rule, disabled after it, and that state is stored.
            QVERIFY(rig.eurUsd("1.2001"));
            const QJsonObject fired = again.waitFor(QStringLiteral("price_alert"), 10000);
            QCOMPARE(dataOf(fired).value(QStringLiteral("rule")).toObject().value(QStringLiteral("id")),
                     QJsonValue(ruleId));
            QTRY_COMPARE_WITH_TIMEOUT(rig.rows(QStringLiteral("user_alert_rules"),
                                               QStringLiteral("id = '%1' AND rule LIKE '%\"enabled\":false%'"
                                                              " AND rule LIKE '%\"times_fired\":1%'")
                                                   .arg(ruleId)),
                                      qint64(1), 10000);
            again.socket().close();
            QVERIFY(again.waitDisconnected());
            QCOMPARE(server.stop(), 0);
        }
        // A restarted server on the same database: the rule (disabled, fired once) and the rooms.
        ServerProcess server;
        QVERIFY(rig.start(server));
        WsClient c;
        QVERIFY(c.connectTo(Rig::url(server)));
        const QJsonObject back = dataOf(c.request(QStringLiteral("subscribe"),
                                                  {{QStringLiteral("client_key"), key},
                                                   {QStringLiteral("restore_subscriptions"), true},
                                                   {QStringLiteral("pairs"), QJsonArray{QStringLiteral("USD_JPY")}}},
                                                  QStringLiteral("subscription_confirmed")));
        const QJsonObject rule = back.value(QStringLiteral("alerts")).toArray().at(0).toObject();
        QCOMPARE(rule.value(QStringLiteral("id")).toString(), ruleId);
        QCOMPARE(rule.value(QStringLiteral("enabled")).toBool(true), false);
        QCOMPARE(rule.value(QStringLiteral("times_fired")).toInt(), 1);
        QCOMPARE(rule.value(QStringLiteral("note")).toString(), QStringLiteral("follows me"));
        // The stored rooms with the one asked for.
        QCOMPARE(strings(back.value(QStringLiteral("pairs"))),
                 (QStringList{QStringLiteral("USD_JPY"), QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));
        // Enabled again, it fires again (once more).
        QCOMPARE(dataOf(c.request(QStringLiteral("update_alert"),
                                  {{QStringLiteral("id"), ruleId}, {QStringLiteral("enabled"), true}},
                                  QStringLiteral("alert_updated")))
                     .value(QStringLiteral("id"))
                     .toString(),
                 ruleId);
        QVERIFY(rig.eurUsd("1.1990"));
        QVERIFY(rig.eurUsd("1.2005"));
        QVERIFY(!c.waitFor(QStringLiteral("price_alert"), 10000).isEmpty());
        // A client without the key sees nothing of it.
        WsClient stranger;
        QVERIFY(stranger.connectTo(Rig::url(server)));
        QCOMPARE(dataOf(stranger.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list")))
                     .value(QStringLiteral("count"))
                     .toInt(-1),
                 0);
        // Both firings (one per server run) are in the alert history, under the key's hash, for
        // this user alone.
        auto priceAlerts = [](WsClient &w) {
            return dataOf(w.request(QStringLiteral("get_alert_history"),
                                    {{QStringLiteral("types"), QJsonArray{QStringLiteral("price_alert")}}},
                                    QStringLiteral("alert_history")))
                .value(QStringLiteral("alerts"))
                .toArray();
        };
        QTRY_COMPARE_WITH_TIMEOUT(priceAlerts(c).size(), 2, 10000);
        for (const QJsonValue row : priceAlerts(c))
            QCOMPARE(row.toObject().value(QStringLiteral("owner")).toString(), keyOwner(key));
        QCOMPARE(priceAlerts(stranger).size(), 0);
    }

    void tokenUserRestoredAtConnect_data() { engines(); }
    void tokenUserRestoredAtConnect()
    {
        Rig rig;
        QVERIFY(freshRig(rig, QStringLiteral("token")));
        rig.env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        rig.env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret()));
        const QString alice = QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+600"})"));
        const QString bob = QString::fromLatin1(TokenMint::hs256(R"({"sub":"bob","exp":"+600"})"));
        QString ruleId;
        {
            ServerProcess server;
            QVERIFY(rig.start(server, {}, alice));
            WsClient c;
            QVERIFY(c.connectTo(Rig::url(server, alice)));
            // A client_key is not read when tokens identify users.
            const QJsonObject sub =
                dataOf(c.request(QStringLiteral("subscribe"),
                                 {{QStringLiteral("client_key"), QStringLiteral("ignored-with-tokens-0001")},
                                  {QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                                 QStringLiteral("subscription_confirmed")));
            QVERIFY(!sub.contains(QStringLiteral("alerts")));
            ruleId = dataOf(c.request(QStringLiteral("set_alert"), aboveRule(QStringLiteral("EUR_USD"), 1.3000),
                                      QStringLiteral("alert_set")))
                         .value(QStringLiteral("id"))
                         .toString();
            QTRY_COMPARE_WITH_TIMEOUT(
                rig.rows(QStringLiteral("user_alert_rules"), QStringLiteral("owner = 'sub:alice'")), qint64(1), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(rig.rows(QStringLiteral("user_subscriptions"),
                                               QStringLiteral("owner = 'sub:alice' AND pairs = '[\"EUR_USD\"]'")),
                                      qint64(1), 10000);
            c.socket().close();
            QVERIFY(c.waitDisconnected());
            // The server lets the rules go once they are stored (the next connection reads them).
            WsClient probe;
            QVERIFY(probe.connectTo(Rig::url(server, bob)));
            QTRY_COMPARE_WITH_TIMEOUT(alertRules(probe), 0, 10000);
            // alice again: connection_established lists the rule and the stored rooms.
            WsClient again;
            QVERIFY(again.connectTo(Rig::url(server, alice)));
            const QJsonObject hello = dataOf(again.welcome());
            QCOMPARE(hello.value(QStringLiteral("alerts")).toArray().size(), 1);
            QCOMPARE(strings(hello.value(QStringLiteral("subscriptions"))), QStringList{QStringLiteral("EUR_USD")});
            QCOMPARE(alertRules(probe), 1);
            QCOMPARE(server.stop(), 0);
        }
        // With WEBSOCKET_RESTORE_SUBSCRIPTIONS a restarted server puts alice back in her rooms.
        ServerProcess server;
        QVERIFY(
            rig.start(server, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_RESTORE_SUBSCRIPTIONS=true")}, bob));
        WsClient c;
        QVERIFY(c.connectTo(Rig::url(server, alice)));
        QCOMPARE(
            dataOf(c.welcome()).value(QStringLiteral("alerts")).toArray().at(0).toObject().value(QStringLiteral("id")),
            QJsonValue(ruleId));
        const QJsonObject rejoined = dataOf(c.waitFor(QStringLiteral("subscription_confirmed")));
        QCOMPARE(strings(rejoined.value(QStringLiteral("pairs"))), QStringList{QStringLiteral("EUR_USD")});
        QCOMPARE(strings(rejoined.value(QStringLiteral("restored_subscriptions"))),
                 QStringList{QStringLiteral("EUR_USD")});
        QVERIFY(rig.eurUsd("1.3001"));
        QVERIFY(!c.waitFor(QStringLiteral("price_update"), 10000).isEmpty());
        QVERIFY(!c.waitFor(QStringLiteral("price_alert"), 10000).isEmpty());
        // bob has nothing stored: no alerts, no rooms, no subscription_confirmed of his own.
        WsClient b;
        QVERIFY(b.connectTo(Rig::url(server, bob)));
        QVERIFY(!dataOf(b.welcome()).contains(QStringLiteral("alerts")));
        QVERIFY(!dataOf(b.welcome()).contains(QStringLiteral("subscriptions")));
        QCOMPARE(dataOf(b.request(QStringLiteral("get_subscriptions"), {}, QStringLiteral("subscriptions")))
                     .value(QStringLiteral("pairs"))
                     .toArray()
                     .size(),
                 0);
    }

    void twoServersOneDatabase_data() { engines(); }
    void twoServersOneDatabase()
    {
        Rig rig;
        QVERIFY(freshRig(rig, QStringLiteral("fleet")));
        ServerProcess a, b;
        QVERIFY(rig.start(a));
        QVERIFY(rig.start(b));
        const QString key = QStringLiteral("fleet-user-key-0123456789");
        auto identify = [&](WsClient &c) {
            return dataOf(c.request(QStringLiteral("subscribe"),
                                    {{QStringLiteral("client_key"), key},
                                     {QStringLiteral("restore_subscriptions"), true},
                                     {QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                                    QStringLiteral("subscription_confirmed")));
        };
        WsClient probeA;
        QVERIFY(probeA.connectTo(Rig::url(a)));
        QString ruleId;
        {
            WsClient c;
            QVERIFY(c.connectTo(Rig::url(a)));
            identify(c);
            ruleId = dataOf(c.request(QStringLiteral("set_alert"), aboveRule(QStringLiteral("EUR_USD"), 1.4000),
                                      QStringLiteral("alert_set")))
                         .value(QStringLiteral("id"))
                         .toString();
            c.socket().close();
            QVERIFY(c.waitDisconnected());
        }
        QTRY_COMPARE_WITH_TIMEOUT(alertRules(probeA), 0, 10000); // stored, then let go by A
        {
            // B reads it; deleting it there deletes it for the user everywhere.
            WsClient c;
            QVERIFY(c.connectTo(Rig::url(b)));
            const QJsonObject back = identify(c);
            QCOMPARE(back.value(QStringLiteral("alerts")).toArray().size(), 1);
            QCOMPARE(back.value(QStringLiteral("alerts")).toArray().at(0).toObject().value(QStringLiteral("id")),
                     QJsonValue(ruleId));
            QVERIFY(rig.eurUsd("1.4001"));
            QVERIFY(!c.waitFor(QStringLiteral("price_alert"), 10000).isEmpty());
            QCOMPARE(dataOf(c.request(QStringLiteral("delete_alert"), {{QStringLiteral("id"), ruleId}},
                                      QStringLiteral("alert_deleted")))
                         .value(QStringLiteral("reason"))
                         .toString(),
                     QStringLiteral("deleted"));
            QTRY_COMPARE_WITH_TIMEOUT(rig.rows(QStringLiteral("user_alert_rules")), qint64(0), 10000);
            c.socket().close();
            QVERIFY(c.waitDisconnected());
        }
        WsClient c;
        QVERIFY(c.connectTo(Rig::url(a)));
        QCOMPARE(identify(c).value(QStringLiteral("alerts")).toArray().size(), 0);
        QCOMPARE(alertRules(probeA), 0);
    }

    void clientKeyBounds()
    {
        // Refusals come before any read of the database (the server's own SQLite file).
        const quint16 redisPort = fixtureRedisPort();
        QVERIFY2(redisPort, "no redis fixture: run through ctest (FX_TEST_REDIS_DIR)");
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redisPort)}));
        auto field = [](const QJsonObject &e) {
            return dataOf(e).value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString();
        };
        auto refused = [&](const QJsonValue &key, const char *expectField = "client_key") {
            WsClient c;
            if (!c.connectTo(server.wsUrl()))
                return false;
            c.send(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), key}});
            const QJsonObject e = c.waitFor(QStringLiteral("error"));
            return dataOf(e).value(QStringLiteral("code")).toString() == QStringLiteral("INVALID_PAYLOAD")
                && field(e) == QLatin1String(expectField) && c.count(QStringLiteral("subscription_confirmed")) == 0;
        };
        auto accepted = [&](const QJsonValue &key) {
            WsClient c;
            if (!c.connectTo(server.wsUrl()))
                return false;
            const QJsonObject r = c.request(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), key}},
                                            QStringLiteral("subscription_confirmed"));
            return dataOf(r).contains(QStringLiteral("alerts"));
        };
        QVERIFY(refused(QString(15, u'k')));
        QVERIFY(accepted(QString(16, u'k')));
        QVERIFY(accepted(QString(128, u'k')));
        QVERIFY(refused(QString(129, u'k')));
        QVERIFY(refused(42));
        QVERIFY(refused(QStringLiteral("sixteen chars ok")));
        QVERIFY(refused(QStringLiteral("k\u00e9y-with-non-ascii-")));
        QVERIFY(accepted(QStringLiteral("~!\"#$%&'()*+,-./0123")));

        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        // Without an identity there is nothing to restore.
        c.send(QStringLiteral("subscribe"), {{QStringLiteral("restore_subscriptions"), true}});
        QCOMPARE(field(c.waitFor(QStringLiteral("error"))), QStringLiteral("restore_subscriptions"));
        c.send(QStringLiteral("subscribe"), {{QStringLiteral("restore_subscriptions"), QStringLiteral("yes")}});
        QCOMPARE(field(c.waitFor(QStringLiteral("error"))), QStringLiteral("restore_subscriptions"));
        // A rule set before the client identified itself becomes the user's.
        const QString id = dataOf(c.request(QStringLiteral("set_alert"), aboveRule(QStringLiteral("EUR_USD"), 2.0),
                                            QStringLiteral("alert_set")))
                               .value(QStringLiteral("id"))
                               .toString();
        const QString key = QStringLiteral("first-key-of-this-connection");
        // The subscribe and the request right after it are answered in order.
        c.send(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), key}}, 1);
        c.send(QStringLiteral("list_alerts"), {}, 2);
        const QList<QJsonObject> replies = c.takeUntil(
            [](const QJsonObject &e) { return e.value(QStringLiteral("event")) == QStringLiteral("alerts_list"); });
        QStringList order;
        for (const QJsonObject &e : replies)
            if (e.contains(QStringLiteral("id")))
                order << e.value(QStringLiteral("event")).toString();
        QCOMPARE(order, (QStringList{QStringLiteral("subscription_confirmed"), QStringLiteral("alerts_list")}));
        QCOMPARE(dataOf(replies.constFirst())
                     .value(QStringLiteral("alerts"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("id")),
                 QJsonValue(id));
        // A second connection with the key is the same user: it holds the same rule.
        WsClient second;
        QVERIFY(second.connectTo(server.wsUrl()));
        QCOMPARE(dataOf(second.request(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), key}},
                                       QStringLiteral("subscription_confirmed")))
                     .value(QStringLiteral("alerts"))
                     .toArray()
                     .size(),
                 1);
        // Another key on the same connection is refused; the same one again is fine.
        c.send(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), QStringLiteral("another-key-0123456789")}});
        QCOMPARE(field(c.waitFor(QStringLiteral("error"))), QStringLiteral("client_key"));
        QVERIFY(!c.request(QStringLiteral("subscribe"), {{QStringLiteral("client_key"), key}},
                           QStringLiteral("subscription_confirmed"))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUserRules)
#include "tst_user_rules.moc"
