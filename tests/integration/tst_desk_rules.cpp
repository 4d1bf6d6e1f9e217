// PROTOCOL.md, "Alert rules" and "Desk rules" (issue 17, item 4), end to end in one process: the
// real engine (its embedded server, its SQLite storage in a temporary folder, its Redis
// subscriber) against a private redis-server publishing real ticks, and real clients on both
// protocols with real tokens (WEBSOCKET_AUTH=jwt).
//  - a client's fired rule lands in the alert history with its owner; get_alert_history shows
//    it to that owner and to no other token user;
//  - a desk rule with "broadcast" sends price_alert to every client whose token permits the pair
//    (plain WebSocket and Socket.IO), not to one whose token does not; without "broadcast" no
//    client gets it but the alert history and the desk (deskAlertsFired) do;
//  - a client cannot set "broadcast"; the desk is exempt from WEBSOCKET_MAX_ALERTS_PER_CLIENT.

#include "core/settings.h"
#include "engine/engine.h"
#include "redis/redispublisher.h"
#include "server/streamserver.h"
#include "storage/storage.h"
#include "storage/storagereader.h"
#include "support/redisserver.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

QJsonObject bidRule(const QString &pair, const QString &condition, double value)
{
    return QJsonObject{{QStringLiteral("pair"), pair},
                       {QStringLiteral("field"), QStringLiteral("bid")},
                       {QStringLiteral("condition"), condition},
                       {QStringLiteral("value"), value}};
}

// A raw Socket.IO client over Engine.IO's WebSocket transport (one packet per frame), answering
// the server's pings; packets are kept until taken.
class Sio : public QObject
{
public:
    bool open(quint16 port, const QJsonObject &auth)
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
        return !event(QStringLiteral("connection_established")).isEmpty();
    }
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
    QJsonObject event(const QString &name, int timeoutMs = 5000)
    {
        const QString t = take(QStringLiteral("42[\"%1\"").arg(name), timeoutMs);
        return QJsonDocument::fromJson(t.mid(2).toUtf8()).array().at(1).toObject();
    }

private:
    QWebSocket m_ws;
    QStringList m_in;
};

} // namespace

class TestDeskRules : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    QTemporaryDir m_dir;
    std::unique_ptr<engine::Engine> m_engine;
    std::optional<core::Settings> m_settings;
    std::unique_ptr<redis::RedisPublisher> m_pub;

    QString url(const QByteArray &claims) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/ws?token=%2")
            .arg(m_engine->server()->port())
            .arg(QString::fromLatin1(TokenMint::hs256(claims)));
    }

    bool tick(const char *pair, const char *bid, const char *ask)
    {
        QString err;
        const bool ok = m_pub->publish(QStringLiteral("price_updates"),
                                       QStringLiteral(R"({"instrument":"%1","price":{"bid":"%2","ask":"%3"}})")
                                           .arg(QLatin1String(pair), QLatin1String(bid), QLatin1String(ask))
                                           .toUtf8(),
                                       &err);
        if (!ok)
            qWarning("publish: %s", qPrintable(err));
        return ok;
    }

    // Adds a desk rule through the engine (the New rule dialog's path); its id, empty on failure.
    QString addDeskRule(const QJsonObject &data)
    {
        QString field, message, id;
        bool answered = false;
        const bool sent = m_engine->addDeskRule(
            data, this,
            [&](const engine::DeskRuleResult &r) {
                answered = true;
                if (r.ok)
                    id = r.id;
                else
                    qWarning("desk rule refused: %s", qPrintable(r.message));
            },
            &field, &message);
        if (!sent) {
            qWarning("desk rule not sent: %s %s", qPrintable(field), qPrintable(message));
            return {};
        }
        (void)QTest::qWaitFor([&] { return answered; }, 5000);
        return id;
    }

    // get_alert_history of price alerts, until `until` accepts the rows (or 10 s).
    static QJsonArray priceHistory(WsClient &c, const std::function<bool(const QJsonArray &)> &until)
    {
        QJsonArray rows;
        (void)QTest::qWaitFor(
            [&] {
                const QJsonObject r = c.request(QStringLiteral("get_alert_history"),
                                                {{QStringLiteral("types"), QJsonArray{QStringLiteral("price_alert")}}},
                                                QStringLiteral("alert_history"));
                rows = dataOf(r).value(QStringLiteral("alerts")).toArray();
                return until(rows);
            },
            10000);
        return rows;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
        m_pub = publisherFor(m_redis.port());
        core::SettingsLoader loader;
        QString error;
        for (const auto &[name, value] : QList<QPair<QString, QString>>{
                 {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
                 {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
                 {QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt")},
                 {QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret())},
                 // One I/O thread: a request answered on one client is a barrier for what was
                 // queued to every client before it.
                 {QStringLiteral("WEBSOCKET_IO_THREADS"), QStringLiteral("1")},
                 {QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT"), QStringLiteral("2")},
                 {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
                 {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
                 {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx.sqlite"))}})
            QVERIFY2(loader.setOverride(name, value, QStringLiteral("test"), &error), qPrintable(error));
        const std::optional<core::Settings> settings = loader.resolve(&error);
        QVERIFY2(settings, qPrintable(error));
        m_settings = settings;
        m_engine = std::make_unique<engine::Engine>(*settings);
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        // The subscriber is in place once a tick reaches a subscribed client.
        WsClient c;
        QVERIFY(c.connectTo(url(R"({"sub":"probe","exp":"+600"})")));
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("USD_JPY")}},
                  QStringLiteral("subscription_confirmed"));
        QVERIFY(QTest::qWaitFor(
            [&] {
                tick("USD_JPY", "150.000", "150.010");
                return !c.waitFor(QStringLiteral("price_update"), 200).isEmpty();
            },
            10000));
    }

    void cleanupTestCase()
    {
        if (m_engine) {
            QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
            m_engine->stop();
            QVERIFY(stopped.size() == 1 || stopped.wait(5000));
            m_engine.reset();
        }
    }

    void clientFiringStoredForItsOwnerOnly()
    {
        WsClient alice, bob;
        QVERIFY(alice.connectTo(url(R"({"sub":"alice","exp":"+600"})")));
        QVERIFY(bob.connectTo(url(R"({"sub":"bob","exp":"+600"})")));
        const QJsonObject set = alice.request(QStringLiteral("set_alert"),
                                              bidRule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.09),
                                              QStringLiteral("alert_set"));
        const QString id = dataOf(set).value(QStringLiteral("id")).toString();
        QVERIFY(!id.isEmpty());
        QVERIFY(tick("EUR_USD", "1.08000", "1.08020"));
        QVERIFY(tick("EUR_USD", "1.09100", "1.09120"));
        const QJsonObject fired = alice.waitFor(QStringLiteral("price_alert"));
        QCOMPARE(dataOf(fired).value(QStringLiteral("rule")).toObject().value(QStringLiteral("id")).toString(), id);

        // The owner reads it back from the database, with its owner and the rule's data.
        const QJsonArray mine = priceHistory(alice, [](const QJsonArray &rows) { return !rows.isEmpty(); });
        QCOMPARE(mine.size(), 1);
        const QJsonObject row = mine.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("type")).toString(), QStringLiteral("price_alert"));
        QCOMPARE(row.value(QStringLiteral("event")).toString(), QStringLiteral("price_alert"));
        QCOMPARE(row.value(QStringLiteral("owner")).toString(), QStringLiteral("alice"));
        QCOMPARE(row.value(QStringLiteral("pair")).toString(), QStringLiteral("EUR_USD"));
        QCOMPARE(row.value(QStringLiteral("severity")).toString(), QStringLiteral("info"));
        QCOMPARE(row.value(QStringLiteral("value")).toDouble(), 1.091);
        QCOMPARE(row.value(QStringLiteral("threshold")).toDouble(), 1.09);
        QCOMPARE(row.value(QStringLiteral("message")).toString(),
                 QStringLiteral("EUR_USD bid rose above 1.09 (1.091)"));
        QCOMPARE(row.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("rule"))
                     .toObject()
                     .value(QStringLiteral("id")),
                 QJsonValue(id));

        // Another token user sees none of it, filtered or not.
        QCOMPARE(priceHistory(bob, [](const QJsonArray &) { return true; }).size(), 0);
        const QJsonArray all =
            dataOf(bob.request(QStringLiteral("get_alert_history"), {}, QStringLiteral("alert_history")))
                .value(QStringLiteral("alerts"))
                .toArray();
        for (const QJsonValue &v : all)
            QVERIFY2(v.toObject().value(QStringLiteral("owner")).isUndefined(), "bob saw someone's price alert");
    }

    void deskBroadcastReachesPermittedClients()
    {
        WsClient plain, eve;
        Sio sio;
        QVERIFY(plain.connectTo(url(R"({"sub":"carol","exp":"+600"})")));
        QVERIFY(eve.connectTo(url(R"({"sub":"eve","exp":"+600","pairs":["USD_JPY"]})")));
        QVERIFY(sio.open(
            m_engine->server()->port(),
            {{QStringLiteral("token"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"dave","exp":"+600"})"))}}));
        QSignalSpy desk(m_engine.get(), &engine::Engine::deskAlertsFired);
        QJsonObject data = bidRule(QStringLiteral("GBP_USD"), QStringLiteral("above"), 1.3);
        data.insert(QStringLiteral("broadcast"), true);
        const QString id = addDeskRule(data);
        QVERIFY(!id.isEmpty());
        QVERIFY(tick("GBP_USD", "1.29000", "1.29020"));
        QVERIFY(tick("GBP_USD", "1.30500", "1.30520"));

        const QJsonObject got = dataOf(plain.waitFor(QStringLiteral("price_alert")));
        QVERIFY2(!got.isEmpty(), "the plain client did not get the desk's price_alert");
        QCOMPARE(got.value(QStringLiteral("owner")).toString(), QStringLiteral("desk"));
        const QJsonObject rule = got.value(QStringLiteral("rule")).toObject();
        QCOMPARE(rule.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(rule.value(QStringLiteral("broadcast")), QJsonValue(true));
        QCOMPARE(got.value(QStringLiteral("price")).toDouble(), 1.305);
        const QJsonObject sioGot = sio.event(QStringLiteral("price_alert"));
        QCOMPARE(sioGot, got); // the same data on both protocols

        // Eve's token does not permit GBP_USD: a barrier on her (one I/O thread) shows nothing came.
        eve.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        QCOMPARE(eve.count(QStringLiteral("price_alert")), 0);

        // The desk has it too, and so has the alert history (owner "desk").
        QVERIFY(desk.size() == 1 || desk.wait(5000));
        const auto records = desk.at(0).at(0).value<QList<storage::AlertRecord>>();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).owner, QStringLiteral("desk"));
        QCOMPARE(records.at(0).type, QStringLiteral("price_alert"));
        QCOMPARE(records.at(0).pair, QStringLiteral("GBP_USD"));
    }

    void deskRuleWithoutBroadcastStaysOnTheDesk()
    {
        WsClient plain;
        QVERIFY(plain.connectTo(url(R"({"sub":"frank","exp":"+600"})")));
        QSignalSpy desk(m_engine.get(), &engine::Engine::deskAlertsFired);
        const QString id = addDeskRule(bidRule(QStringLiteral("AUD_USD"), QStringLiteral("below"), 0.6));
        QVERIFY(!id.isEmpty());
        QVERIFY(tick("AUD_USD", "0.61000", "0.61020"));
        QVERIFY(tick("AUD_USD", "0.59000", "0.59020"));
        QVERIFY(desk.size() == 1 || desk.wait(5000));
        const auto records = desk.at(0).at(0).value<QList<storage::AlertRecord>>();
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.at(0).owner, QStringLiteral("desk"));
        QCOMPARE(records.at(0).message, QStringLiteral("AUD_USD bid fell below 0.6 (0.59)"));
        // No client got it (the desk's signal comes after the server's publishing: a barrier on
        // the client's only I/O thread shows nothing was queued to it).
        plain.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list"));
        QCOMPARE(plain.count(QStringLiteral("price_alert")), 0);

        // The alert history holds it, with owner "desk" (read as the desk reads it).
        storage::StorageReader *reader = m_engine->storageReader();
        QVERIFY(reader);
        QList<storage::AlertRecord> rows;
        QVERIFY(QTest::qWaitFor(
            [&] {
                storage::AlertQuery q;
                q.filter.type = QStringLiteral("price_alert");
                q.filter.pair = QStringLiteral("AUD_USD");
                QSignalSpy ready(reader, &storage::StorageReader::alertsReady);
                const quint64 request = reader->requestAlerts(q);
                if (!ready.wait(5000))
                    return false;
                for (const QList<QVariant> &args : std::as_const(ready))
                    if (args.at(0).toULongLong() == request)
                        rows = args.at(1).value<storage::AlertPage>().rows;
                return !rows.isEmpty();
            },
            10000));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).owner, QStringLiteral("desk"));
        QCOMPARE(rows.at(0).threshold, std::optional<double>(0.6));
        QCOMPARE(rows.at(0).payload.value(QStringLiteral("rule")).toObject().value(QStringLiteral("broadcast")),
                 QJsonValue(false));
    }

    void clientCannotSetBroadcast()
    {
        WsClient c;
        QVERIFY(c.connectTo(url(R"({"sub":"mallory","exp":"+600"})")));
        QJsonObject data = bidRule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 2.0);
        data.insert(QStringLiteral("broadcast"), true);
        QJsonObject err = c.request(QStringLiteral("set_alert"), data, QStringLiteral("error"));
        QCOMPARE(dataOf(err).value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAYLOAD"));
        QCOMPARE(dataOf(err).value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("broadcast"));
        QVERIFY(dataOf(err).value(QStringLiteral("message")).toString().contains(QStringLiteral("desk")));
        // false is refused as well: the flag is not the client's to give.
        data.insert(QStringLiteral("broadcast"), false);
        err = c.request(QStringLiteral("set_alert"), data, QStringLiteral("error"));
        QCOMPARE(dataOf(err).value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("broadcast"));

        data.remove(QStringLiteral("broadcast"));
        const QString id = dataOf(c.request(QStringLiteral("set_alert"), data, QStringLiteral("alert_set")))
                               .value(QStringLiteral("id"))
                               .toString();
        QVERIFY(!id.isEmpty());
        err = c.request(QStringLiteral("update_alert"),
                        {{QStringLiteral("id"), id}, {QStringLiteral("broadcast"), true}}, QStringLiteral("error"));
        QCOMPARE(dataOf(err).value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAYLOAD"));
        QCOMPARE(dataOf(err).value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("broadcast"));
        const QJsonArray list = dataOf(c.request(QStringLiteral("list_alerts"), {}, QStringLiteral("alerts_list")))
                                    .value(QStringLiteral("alerts"))
                                    .toArray();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("broadcast")), QJsonValue(false));
    }

    void deskExemptFromPerClientLimit()
    {
        // WEBSOCKET_MAX_ALERTS_PER_CLIENT=2 here: the desk holds more (it already has two).
        const QString third = addDeskRule(bidRule(QStringLiteral("USD_CHF"), QStringLiteral("above"), 5.0));
        QVERIFY(!third.isEmpty());
        // A malformed desk rule: the parser's own message, nothing sent.
        QString field, message;
        QVERIFY(!m_engine->addDeskRule(
            bidRule(QStringLiteral("EUR_USD"), QStringLiteral("above"), -1), this,
            [](const engine::DeskRuleResult &) { QFAIL("answered a refused rule"); }, &field, &message));
        QCOMPARE(field, QStringLiteral("value"));
        QCOMPARE(message, QStringLiteral("a price \"value\" must be more than 0"));
        QJsonObject broadcastText = bidRule(QStringLiteral("EUR_USD"), QStringLiteral("above"), 1.0);
        broadcastText.insert(QStringLiteral("broadcast"), QStringLiteral("yes"));
        QVERIFY(!m_engine->addDeskRule(
            broadcastText, this, [](const engine::DeskRuleResult &) {}, &field, &message));
        QCOMPARE(field, QStringLiteral("broadcast"));
    }

    // The desk's rules as the panel lists them (ids), once the engine answers.
    QStringList deskRuleIds()
    {
        QStringList ids;
        bool answered = false;
        m_engine->requestAlertRules(this, [&](const QList<engine::AlertRuleRow> &rows) {
            for (const engine::AlertRuleRow &r : rows)
                if (r.desk && !r.stored)
                    ids << r.id;
            answered = true;
        });
        (void)QTest::qWaitFor([&] { return answered; }, 5000);
        ids.sort();
        return ids;
    }

    void deskRulesComeBackAfterRestart()
    {
        // PROTOCOL.md, "Desk rules": stored under the owner "desk", restored when the server starts.
        const QStringList before = deskRuleIds();
        QVERIFY(before.size() >= 3);
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->storage()->bufferedRows() == 0, 5000);
        QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
        m_engine->stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
        m_engine.reset();
        m_engine = std::make_unique<engine::Engine>(*m_settings);
        QString error;
        QVERIFY2(m_engine->start(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(deskRuleIds(), before, 5000);
    }
};

QTEST_GUILESS_MAIN(TestDeskRules)
#include "tst_desk_rules.moc"
