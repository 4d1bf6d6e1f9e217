// get_alert_history (PROTOCOL.md) against the real fxmonitor-server, fed through a real
// redis-server, on SQLite and on the PostgreSQL fixture: keyset paging through every stored
// alert with no duplicates and no gaps, the filters, the limit at, under and over its bound, the
// opaque cursor refused when altered or reused with other filters, pair permissions from JWT
// tokens (a correlation alert needs both pairs), the concurrent-query bounds while PostgreSQL
// holds a lock, a database that is down, and the same paging from python-socketio with acks.

#include "storagetestsupport.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace fx;
using namespace fx::test;
using namespace fx::storage;
using namespace fx::storage::test;

namespace {

constexpr int kAlerts = 1105; // more than one page at the largest limit
const qint64 kT0 = 1'767'225'600; // 2026-01-01T00:00:00Z

QString at(qint64 second)
{
    return QDateTime::fromSecsSinceEpoch(kT0 + second, Qt::UTC).toString(Qt::ISODate);
}

// Alert i: correlation EUR_USD/GBP_USD (i % 3 == 0, warning), volatility EUR_USD (1, critical)
// or volatility USD_JPY (2, info); two alerts share each second (ties on raised_at).
QByteArray alertPayload(int i, QString *channel)
{
    const QString ts = at(i / 2);
    switch (i % 3) {
    case 0:
        *channel = QStringLiteral("correlation_alerts");
        return QStringLiteral(R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.5,"previous_correlation":0.9,)"
                              R"("severity":"warning","message":"c%1","timestamp":"%2"})")
            .arg(i)
            .arg(ts)
            .toUtf8();
    case 1:
        *channel = QStringLiteral("volatility_alerts");
        return QStringLiteral(R"({"instrument":"EUR_USD","volatility":0.03,"threshold":0.02,"severity":"critical",)"
                              R"("message":"v%1","timestamp":"%2"})")
            .arg(i)
            .arg(ts)
            .toUtf8();
    default:
        *channel = QStringLiteral("volatility_alerts");
        return QStringLiteral(R"({"instrument":"USD_JPY","volatility":0.01,"threshold":0.02,"severity":"info",)"
                              R"("message":"j%1","timestamp":"%2"})")
            .arg(i)
            .arg(ts)
            .toUtf8();
    }
}

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

// One request with an id; the reply envelope that carries the id (alert_history or error).
QJsonObject ask(WsClient &c, const QJsonObject &data, int timeoutMs = 10000)
{
    static int next = 0;
    const int id = ++next;
    c.send(QStringLiteral("get_alert_history"), data, id);
    const QList<QJsonObject> got =
        c.takeUntil([id](const QJsonObject &e) { return e.value(QStringLiteral("id")).toInt() == id; }, timeoutMs);
    return got.isEmpty() ? QJsonObject{} : got.constLast();
}

QString codeOf(const QJsonObject &reply)
{
    return reply.value(QStringLiteral("event")).toString() == u"error"
        ? dataOf(reply).value(QStringLiteral("code")).toString()
        : QString();
}

// Every page of a query, in order; the ids seen. False (with a message) on any irregularity.
bool pageAll(WsClient &c, QJsonObject query, QList<qint64> *ids, int *pages, QString *why)
{
    QString lastKey;
    for (*pages = 0; *pages < 2000; ++*pages) {
        const QJsonObject reply = ask(c, query);
        if (reply.value(QStringLiteral("event")).toString() != u"alert_history") {
            *why = QStringLiteral("page %1: %2").arg(*pages).arg(QString::fromUtf8(QJsonDocument(reply).toJson()));
            return false;
        }
        const QJsonObject d = dataOf(reply);
        for (const QJsonValue v : d.value(QStringLiteral("alerts")).toArray()) {
            const QJsonObject a = v.toObject();
            // Newest first: (raised_at, id) strictly decreasing across pages.
            const QString key = a.value(QStringLiteral("raised_at")).toString() + u'#'
                + QStringLiteral("%1").arg(a.value(QStringLiteral("id")).toInteger(), 12, 10, QChar(u'0'));
            if (!lastKey.isEmpty() && key >= lastKey) {
                *why = QStringLiteral("order broken at %1 after %2").arg(key, lastKey);
                return false;
            }
            lastKey = key;
            ids->append(a.value(QStringLiteral("id")).toInteger());
        }
        if (!d.value(QStringLiteral("has_more")).toBool()) {
            ++*pages;
            if (!d.value(QStringLiteral("next_cursor")).isNull()) {
                *why = QStringLiteral("the last page has a cursor");
                return false;
            }
            return true;
        }
        query.insert(QStringLiteral("cursor"), d.value(QStringLiteral("next_cursor")));
    }
    *why = QStringLiteral("no end");
    return false;
}

int countAll(WsClient &c, const QJsonObject &query)
{
    QList<qint64> ids;
    int pages = 0;
    QString why;
    if (!pageAll(c, query, &ids, &pages, &why)) {
        qWarning("%s", qPrintable(why));
        return -1;
    }
    return int(ids.size());
}

QNetworkRequest bearer(const ServerProcess &server, const QByteArray &token)
{
    QNetworkRequest req{QUrl(server.wsUrl())};
    req.setRawHeader("Authorization", "Bearer " + token);
    return req;
}

bool connectWith(WsClient &c, const ServerProcess &server, const QByteArray &token)
{
    c.socket().open(bearer(server, token));
    return !c.waitFor(QStringLiteral("connection_established")).isEmpty();
}

} // namespace

class TestAlertHistory : public QObject
{
    Q_OBJECT

    static void configure(const StorageConfig &db, QStringList *args, QProcessEnvironment *env)
    {
        if (db.engine == Engine::Sqlite) {
            *args << QStringLiteral("--db-path") << db.sqlitePath;
            return;
        }
        env->insert(QStringLiteral("DB_HOST"), db.host);
        env->insert(QStringLiteral("DB_PORT"), QString::number(db.port));
        env->insert(QStringLiteral("DB_NAME"), db.database);
        env->insert(QStringLiteral("DB_USER"), db.user);
        env->insert(QStringLiteral("DB_PASSWORD"), db.password);
    }

    static qint64 rows(const StorageConfig &db)
    {
        SqlConnection c;
        QString err;
        if (!c.open(db, &err))
            return -1;
        return count(c, QStringLiteral("alerts"));
    }

    static QProcessEnvironment jwtEnv()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(TokenMint::secret()));
        return env;
    }

    static QByteArray token(const QByteArray &pairsClaim = {})
    {
        return TokenMint::hs256(pairsClaim.isEmpty() ? QByteArray(R"({"sub":"all","exp":"+3600"})")
                                                     : R"({"sub":"some","exp":"+3600","pairs":)" + pairsClaim + "}");
    }

private Q_SLOTS:
    void history_data()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("sqlite") << int(Engine::Sqlite);
        QTest::newRow("postgresql") << int(Engine::Postgres);
    }

    void history()
    {
        QFETCH(int, engine);
        TestDatabases dbs;
        QString err;
        QVERIFY2(dbs.init(Engine(engine), &err), qPrintable(err));
        const auto db = dbs.fresh(QStringLiteral("history"), &err);
        QVERIFY2(db, qPrintable(err));
        RedisServer redis;
        QVERIFY(redis.start());
        QStringList args{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                         QString::number(redis.port())};
        QProcessEnvironment env = jwtEnv();
        configure(*db, &args, &env);
        ServerProcess server;
        QVERIFY(server.start(args, env));
        WsClient c;
        QVERIFY(connectWith(c, server, token()));
        // The feed is up once the subscription is in place; then the alerts go in.
        QTRY_VERIFY_WITH_TIMEOUT(
            dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("redis"))
                .toObject()
                .value(QStringLiteral("connected"))
                .toBool(),
            10000);
        auto pub = publisherFor(redis.port());
        for (int i = 0; i < kAlerts; ++i) {
            QString channel;
            const QByteArray payload = alertPayload(i, &channel);
            pub->appendPublish(channel, payload);
        }
        QVERIFY2(pub->flush(&err), qPrintable(err));
        QTRY_COMPARE_WITH_TIMEOUT(rows(*db), qint64(kAlerts), 20000);

        // Every alert once, newest first, 100 a page by default.
        QList<qint64> ids;
        int pages = 0;
        QString why;
        QVERIFY2(pageAll(c, {}, &ids, &pages, &why), qPrintable(why));
        QCOMPARE(ids.size(), kAlerts);
        QCOMPARE(QSet<qint64>(ids.begin(), ids.end()).size(), kAlerts);
        QCOMPARE(pages, (kAlerts + 99) / 100);
        // The newest row in full.
        const QJsonObject first = dataOf(ask(c, QJsonObject{{QStringLiteral("limit"), 1}}));
        QCOMPARE(first.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(first.value(QStringLiteral("limit")).toInt(), 1);
        const QJsonObject newest = first.value(QStringLiteral("alerts")).toArray().at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("raised_at")).toString().left(19), at((kAlerts - 1) / 2).left(19));
        QCOMPARE(newest.value(QStringLiteral("message")).toString(), QStringLiteral("c%1").arg(kAlerts - 1));
        QCOMPARE(newest.value(QStringLiteral("type")).toString(), QStringLiteral("correlation"));
        QCOMPARE(newest.value(QStringLiteral("event")).toString(), QStringLiteral("correlation_alert"));
        QCOMPARE(newest.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(newest.value(QStringLiteral("pair")).toString(), QStringLiteral("EUR_USD"));
        QCOMPARE(newest.value(QStringLiteral("pair_b")).toString(), QStringLiteral("GBP_USD"));
        QCOMPARE(newest.value(QStringLiteral("data")).toObject().value(QStringLiteral("instruments")).toArray().size(),
                 2);

        // The limit: at (1000), just under, just over (1001), and nonsense.
        QElapsedTimer took;
        took.start();
        const QJsonObject page1000 = dataOf(ask(c, QJsonObject{{QStringLiteral("limit"), 1000}}));
        const qint64 firstPageMs = took.restart();
        // The page after it (a keyset position deep in the table) costs no more than the first.
        const QJsonObject deep =
            dataOf(ask(c,
                       QJsonObject{{QStringLiteral("limit"), 1000},
                                   {QStringLiteral("cursor"), page1000.value(QStringLiteral("next_cursor"))}}));
        qInfo("a page of 1000 alerts in %lld ms (the first), %lld ms (after 1000 rows; %d rows)", firstPageMs,
              took.elapsed(), deep.value(QStringLiteral("count")).toInt());
        QCOMPARE(deep.value(QStringLiteral("count")).toInt(), kAlerts - 1000);
        QCOMPARE(page1000.value(QStringLiteral("count")).toInt(), 1000);
        QVERIFY(page1000.value(QStringLiteral("has_more")).toBool());
        QCOMPARE(dataOf(ask(c, QJsonObject{{QStringLiteral("limit"), 999}})).value(QStringLiteral("count")).toInt(),
                 999);
        const QJsonObject over = ask(c, QJsonObject{{QStringLiteral("limit"), 1001}});
        QCOMPARE(codeOf(over), QStringLiteral("INVALID_PAYLOAD"));
        QCOMPARE(dataOf(over).value(QStringLiteral("details")).toObject().value(QStringLiteral("field")).toString(),
                 QStringLiteral("limit"));
        QCOMPARE(dataOf(over).value(QStringLiteral("event")).toString(), QStringLiteral("get_alert_history"));
        for (const QJsonValue &bad : {QJsonValue(0), QJsonValue(-1), QJsonValue(2.5), QJsonValue(QStringLiteral("10"))})
            QCOMPARE(codeOf(ask(c, QJsonObject{{QStringLiteral("limit"), bad}})), QStringLiteral("INVALID_PAYLOAD"));
        // The rest of the pages at the largest limit.
        QCOMPARE(countAll(c, QJsonObject{{QStringLiteral("limit"), 1000}}), kAlerts);

        // Filters (counts follow alertPayload's pattern).
        const int correlations = (kAlerts + 2) / 3, criticals = (kAlerts + 1) / 3, infos = kAlerts / 3;
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("types"), QJsonArray{QStringLiteral("correlation")}},
                                      {QStringLiteral("limit"), 1000}}),
                 correlations);
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("types"), QStringLiteral("volatility")},
                                      {QStringLiteral("limit"), 1000}}),
                 kAlerts - correlations);
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("severity"), QJsonArray{QStringLiteral("critical")}},
                                      {QStringLiteral("limit"), 1000}}),
                 criticals);
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("severity"),
                                       QJsonArray{QStringLiteral("INFO"), QStringLiteral("critical")}},
                                      {QStringLiteral("limit"), 1000}}),
                 criticals + infos);
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("pairs"), QJsonArray{QStringLiteral("usd_jpy")}},
                                      {QStringLiteral("limit"), 1000}}),
                 infos);
        // Either pair of a correlation alert.
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("pairs"), QJsonArray{QStringLiteral("GBP_USD")}},
                                      {QStringLiteral("limit"), 1000}}),
                 correlations);
        // since and until are inclusive: seconds 100..199 hold alerts 200..399.
        QCOMPARE(countAll(c,
                          QJsonObject{{QStringLiteral("since"), at(100)},
                                      {QStringLiteral("until"), at(199)},
                                      {QStringLiteral("limit"), 37}}),
                 200);
        QCOMPARE(countAll(c, QJsonObject{{QStringLiteral("since"), at(100)}, {QStringLiteral("until"), at(100)}}), 2);

        // Refused: each field wrong in its own way.
        const QList<QPair<QJsonObject, QString>> refused{
            {{{QStringLiteral("since"), at(10)}, {QStringLiteral("until"), at(9)}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("since"), QStringLiteral("yesterday")}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("until"), 12345}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("types"), QJsonArray{QStringLiteral("price")}}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("types"), QJsonArray{}}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("types"), QJsonArray{1}}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("severity"), QStringLiteral("fatal")}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("pairs"), QJsonArray{QStringLiteral("XXX_YYY")}}}, QStringLiteral("INVALID_PAIR")},
            {{{QStringLiteral("pairs"), QJsonObject{}}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("offset"), 5}}, QStringLiteral("INVALID_PAYLOAD")},
            {{{QStringLiteral("cursor"), 5}}, QStringLiteral("INVALID_CURSOR")},
            {{{QStringLiteral("cursor"), QStringLiteral("not-a-cursor")}}, QStringLiteral("INVALID_CURSOR")},
            {{{QStringLiteral("cursor"), QString(200, u'A')}}, QStringLiteral("INVALID_CURSOR")},
        };
        for (const auto &[request, code] : refused)
            QVERIFY2(codeOf(ask(c, request)) == code, QJsonDocument(request).toJson().constData());
        // The cursor: altered in any character, or reused with other filters, it is refused.
        const QString cursor =
            dataOf(ask(c, QJsonObject{{QStringLiteral("limit"), 10}})).value(QStringLiteral("next_cursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QCOMPARE(codeOf(ask(c, QJsonObject{{QStringLiteral("cursor"), cursor}})), QString());
        for (int i = 0; i < cursor.size(); i += 3) {
            QString altered = cursor;
            altered[i] = altered[i] == u'A' ? u'B' : u'A';
            QVERIFY2(codeOf(ask(c, QJsonObject{{QStringLiteral("cursor"), altered}})) == u"INVALID_CURSOR",
                     qPrintable(altered));
        }
        QCOMPARE(codeOf(ask(c,
                            QJsonObject{{QStringLiteral("cursor"), cursor},
                                        {QStringLiteral("types"), QStringLiteral("correlation")}})),
                 QStringLiteral("INVALID_CURSOR"));

        // Pair permissions: a correlation alert needs both of its pairs.
        WsClient limited, gbpOnly;
        QVERIFY(connectWith(limited, server, token(R"(["EUR_USD","USD_JPY"])")));
        QCOMPARE(countAll(limited, QJsonObject{{QStringLiteral("limit"), 1000}}), kAlerts - correlations);
        QCOMPARE(countAll(limited, QJsonObject{{QStringLiteral("types"), QStringLiteral("correlation")}}), 0);
        const QJsonObject forbidden = ask(limited, QJsonObject{{QStringLiteral("pairs"), QStringLiteral("GBP_USD")}});
        QCOMPARE(codeOf(forbidden), QStringLiteral("FORBIDDEN"));
        QCOMPARE(dataOf(forbidden).value(QStringLiteral("details")).toObject().value(QStringLiteral("forbidden_pairs")),
                 QJsonArray{QStringLiteral("GBP_USD")});
        QVERIFY(connectWith(gbpOnly, server, token(R"(["GBP_USD"])")));
        QCOMPARE(countAll(gbpOnly, {}), 0);
        QCOMPARE(countAll(gbpOnly, QJsonObject{{QStringLiteral("pairs"), QStringLiteral("GBP_USD")}}), 0);

        // Socket.IO (python-socketio): the same pages through acknowledgements.
        QByteArray out, errOut;
        QProcessEnvironment pyEnv = QProcessEnvironment::systemEnvironment();
        pyEnv.insert(QStringLiteral("FX_URL"), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        pyEnv.insert(QStringLiteral("FX_TOKEN"), QString::fromLatin1(token()));
        pyEnv.insert(QStringLiteral("FX_LIMITED"), QString::fromLatin1(token(R"(["EUR_USD","USD_JPY"])")));
        pyEnv.insert(QStringLiteral("FX_TOTAL"), QString::number(kAlerts));
        pyEnv.insert(QStringLiteral("FX_LIMITED_TOTAL"), QString::number(kAlerts - correlations));
        const int rc =
            runProgram(QStringLiteral("/usr/bin/python3"), {QStringLiteral(FX_INTEROP_DIR "/sio_alert_history.py")},
                       &out, &errOut, pyEnv, 60000);
        QVERIFY2(rc == 0 && out.contains("OK"), (out + errOut).constData());

        // Counted by code (server_stats, /metrics), like every refusal.
        const QJsonObject errors =
            dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("errors"))
                .toObject();
        QVERIFY(errors.value(QStringLiteral("INVALID_CURSOR")).toInt() >= cursor.size() / 3 + 4);
        QVERIFY(errors.value(QStringLiteral("INVALID_PAYLOAD")).toInt() >= 14);
        QVERIFY(errors.value(QStringLiteral("FORBIDDEN")).toInt() >= 1);
        QVERIFY(!server.log().contains(QString::fromLatin1(token())));

        if (engine == int(Engine::Postgres))
            boundsWhileLocked(server, *db);
    }

    // PostgreSQL holds an exclusive lock on the alerts table: every query waits, so how many run
    // at once is exact. Per client 2 (the third refused), per server 16 (the seventeenth refused).
    void boundsWhileLocked(ServerProcess &server, const StorageConfig &db)
    {
        SqlConnection lock;
        QString err;
        QVERIFY2(lock.open(db, &err), qPrintable(err));
        QVERIFY2(lock.begin(&err), qPrintable(err));
        QSqlQuery q(lock.database());
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE alerts IN ACCESS EXCLUSIVE MODE")));

        std::vector<std::unique_ptr<WsClient>> clients;
        for (int i = 0; i < 9; ++i) {
            clients.push_back(std::make_unique<WsClient>());
            QVERIFY(connectWith(*clients.back(), server, token()));
        }
        // 8 clients x 2 = 16: at both limits, all accepted (nothing answered while locked).
        for (int i = 0; i < 8; ++i)
            for (int k = 0; k < 2; ++k)
                clients[size_t(i)]->send(QStringLiteral("get_alert_history"), QJsonObject{{QStringLiteral("limit"), 5}},
                                         100 + k);
        // One over, per client: refused at once while its two wait. Asked of every client, this
        // also shows that all 16 are running before the server-wide bound is tried.
        for (int i = 0; i < 8; ++i) {
            const QJsonObject third = ask(*clients[size_t(i)], QJsonObject{{QStringLiteral("limit"), 5}});
            QCOMPARE(codeOf(third), QStringLiteral("TOO_MANY_QUERIES"));
            QCOMPARE(dataOf(third)
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("max_per_client"))
                         .toInt(),
                     2);
        }
        // One over, per server.
        const QJsonObject seventeenth = ask(*clients[8], QJsonObject{{QStringLiteral("limit"), 5}});
        QCOMPARE(codeOf(seventeenth), QStringLiteral("TOO_MANY_QUERIES"));
        QCOMPARE(dataOf(seventeenth)
                     .value(QStringLiteral("details"))
                     .toObject()
                     .value(QStringLiteral("max_per_server"))
                     .toInt(),
                 16);
        for (auto &cl : clients)
            QCOMPARE(cl->count(QStringLiteral("alert_history")), 0);
        // A client that leaves while its queries wait: their answers find no one (and free their
        // slots all the same).
        clients[7]->socket().close();
        QVERIFY(clients[7]->waitDisconnected());
        lock.rollback();
        // Released: every waiting query is answered, and the slots are free again.
        for (int i = 0; i < 7; ++i)
            QTRY_COMPARE_WITH_TIMEOUT(clients[size_t(i)]->count(QStringLiteral("alert_history")), 2, 10000);
        // All 16 slots free again (none kept by the client that left): under a new lock, 8
        // clients x 2 are accepted, as the third of each shows.
        QVERIFY2(lock.begin(&err), qPrintable(err));
        QVERIFY(q.exec(QStringLiteral("LOCK TABLE alerts IN ACCESS EXCLUSIVE MODE")));
        const QList<int> remaining{0, 1, 2, 3, 4, 5, 6, 8};
        for (int i : remaining)
            for (int k = 0; k < 2; ++k)
                clients[size_t(i)]->send(QStringLiteral("get_alert_history"), QJsonObject{{QStringLiteral("limit"), 5}},
                                         200 + k);
        for (int i : remaining) {
            const QJsonObject third = ask(*clients[size_t(i)], QJsonObject{{QStringLiteral("limit"), 5}});
            QCOMPARE(dataOf(third)
                         .value(QStringLiteral("details"))
                         .toObject()
                         .value(QStringLiteral("max_per_client"))
                         .toInt(),
                     2);
        }
        lock.rollback();
        // (ask() took the earlier answers off each queue: what is left is this round's.)
        for (int i : remaining)
            QTRY_COMPARE_WITH_TIMEOUT(clients[size_t(i)]->count(QStringLiteral("alert_history")), 2, 10000);
        for (auto &cl : clients)
            QCOMPARE(cl->count(QStringLiteral("error")), 0);
    }

    // PostgreSQL that does not answer (nothing listens on its port): HISTORY_UNAVAILABLE, the
    // server keeps serving, and no detail of the database reaches the client.
    void databaseDown()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        const quint16 deadPort = freePort();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DB_HOST"), QStringLiteral("127.0.0.1"));
        env.insert(QStringLiteral("DB_PORT"), QString::number(deadPort));
        env.insert(QStringLiteral("DB_NAME"), QStringLiteral("fx"));
        env.insert(QStringLiteral("DB_USER"), QStringLiteral("fx"));
        env.insert(QStringLiteral("DB_PASSWORD"), QStringLiteral("pw-not-to-be-shown"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port())},
                             env));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        const QJsonObject reply = ask(c, {}, 20000);
        QCOMPARE(codeOf(reply), QStringLiteral("HISTORY_UNAVAILABLE"));
        const QJsonObject d = dataOf(reply);
        QCOMPARE(d.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("unavailable"));
        const QString text = QString::fromUtf8(QJsonDocument(d).toJson());
        QVERIFY2(!text.contains(QString::number(deadPort)) && !text.contains(QStringLiteral("pw-not")),
                 qPrintable(text));
        // Still serving, and the refusal is counted by code.
        QCOMPARE(c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty(), false);
        QCOMPARE(dataOf(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                     .value(QStringLiteral("errors"))
                     .toObject()
                     .value(QStringLiteral("HISTORY_UNAVAILABLE"))
                     .toInt(),
                 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertHistory)
#include "tst_alert_history.moc"
