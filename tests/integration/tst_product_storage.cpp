// The product's history across restarts, on both engines: the real fxmonitor-server fed
// through a real redis-server stores every alert, the ticks and one-minute bars behind the
// charts, and every client connection; a restarted server keeps all of it; setting DB_HOST
// (and the other DB_* settings) moves everything to PostgreSQL with no other change.

#include "storagetestsupport.h"
#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QTest>

using namespace fx;
using namespace fx::test;
using namespace fx::storage;
using namespace fx::storage::test;

class TestProductStorage : public QObject
{
    Q_OBJECT

    // Server settings for a database: a --db-path flag, or the DB_* environment.
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

    static qint64 rows(const StorageConfig &db, const QString &table, const QString &where = {})
    {
        SqlConnection c;
        QString err;
        if (!c.open(db, &err)) {
            qWarning("%s", qPrintable(err));
            return -1;
        }
        return count(c, table, where);
    }

private Q_SLOTS:
    void historySurvivesRestarts_data()
    {
        QTest::addColumn<int>("engine");
        QTest::newRow("sqlite") << int(Engine::Sqlite);
        QTest::newRow("postgresql") << int(Engine::Postgres);
    }

    void historySurvivesRestarts()
    {
        QFETCH(int, engine);
        TestDatabases dbs;
        QString err;
        QVERIFY2(dbs.init(Engine(engine), &err), qPrintable(err));
        const auto db = dbs.fresh(QStringLiteral("product"), &err);
        QVERIFY2(db, qPrintable(err));
        RedisServer redis;
        QVERIFY(redis.start());
        QStringList args{QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                         QString::number(redis.port())};
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        configure(*db, &args, &env);
        auto pub = publisherFor(redis.port());

        for (int run = 1; run <= 2; ++run) {
            ServerProcess server;
            QVERIFY(server.start(args, env));
            WsClient c;
            QVERIFY(c.connectTo(server.wsUrl()));
            QTRY_VERIFY_WITH_TIMEOUT(c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
                                         .value(QStringLiteral("data"))
                                         .toObject()
                                         .value(QStringLiteral("redis"))
                                         .toObject()
                                         .value(QStringLiteral("connected"))
                                         .toBool(),
                                     5000);
            const QJsonObject dbState =
                c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("database"))
                    .toObject();
            QCOMPARE(dbState.value(QStringLiteral("engine")).toString(),
                     engine == int(Engine::Sqlite) ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
            if (run == 1) {
                // A live client's rooms reach its history row while it is still connected.
                c.request(QStringLiteral("subscribe"),
                          {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                          QStringLiteral("subscription_confirmed"));
                QTRY_COMPARE_WITH_TIMEOUT(
                    rows(*db, QStringLiteral("client_connections"),
                         QStringLiteral("disconnected_at IS NULL AND rooms LIKE '%price_EUR_USD%'")),
                    qint64(1), 10000);
            }
            for (int i = 0; i < 50; ++i)
                pub->appendPublish(QStringLiteral("price_updates"),
                                   QStringLiteral(R"({"instrument":"EUR_USD","price":{"bid":"1.%1","ask":"1.%2"}})")
                                       .arg(10000 + i)
                                       .arg(10010 + i)
                                       .toUtf8());
            pub->appendPublish(
                QStringLiteral("volatility_alerts"),
                QStringLiteral(
                    R"({"instrument":"EUR_USD","volatility":0.03,"threshold":0.02,"severity":"critical","message":"run %1"})")
                    .arg(run)
                    .toUtf8());
            pub->appendPublish(QStringLiteral("correlation_alerts"),
                               R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.5,"previous_correlation":0.9})");
            QVERIFY2(pub->flush(&err), qPrintable(err));
            QTRY_COMPARE_WITH_TIMEOUT(rows(*db, QStringLiteral("alerts")), qint64(2 * run), 10000);
            QTRY_COMPARE_WITH_TIMEOUT(rows(*db, QStringLiteral("price_ticks")), qint64(50 * run), 10000);
            QVERIFY(rows(*db, QStringLiteral("price_bars_1m")) >= 1);
            c.socket().close();
            QVERIFY(c.waitDisconnected());
            // The connection's row, closed with its reason, once the server noticed.
            QTRY_COMPARE_WITH_TIMEOUT(
                rows(*db, QStringLiteral("client_connections"), QStringLiteral("disconnected_at > 0")), qint64(run),
                10000);
            if (run == 2) {
                // A Socket.IO client on long-polling is in the history too, with its address.
                const QByteArray sid =
                    sidOf(httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling").body);
                QVERIFY(!sid.isEmpty());
                QCOMPARE(
                    httpRequest(server.port(), "POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40").status,
                    200);
                QTRY_COMPARE_WITH_TIMEOUT(rows(*db, QStringLiteral("client_connections"),
                                               QStringLiteral("protocol = 'socket.io' AND transport = 'polling'"
                                                              " AND remote_address LIKE '127.0.0.1:%'")),
                                          qint64(1), 10000);
                // Its upgrade to WebSocket is recorded as it happens, not only at disconnect.
                RawWsClient ws;
                QVERIFY(ws.connectTo(server.port(), "/socket.io/?EIO=4&transport=websocket&sid=" + sid));
                ws.sendText("2probe");
                QCOMPARE(ws.nextText(), QByteArray("3probe"));
                ws.sendText("5");
                QTRY_COMPARE_WITH_TIMEOUT(rows(*db, QStringLiteral("client_connections"),
                                               QStringLiteral("protocol = 'socket.io' AND transport = 'websocket'"
                                                              " AND disconnected_at IS NULL")),
                                          qint64(1), 10000);
            }
            QCOMPARE(server.stop(), 0);
        }
        // Both runs' alerts are there, and nothing else was lost in the restart.
        QCOMPARE(rows(*db, QStringLiteral("alerts"), QStringLiteral("message = 'run 1'")), qint64(1));
        QCOMPARE(rows(*db, QStringLiteral("alerts"), QStringLiteral("message = 'run 2'")), qint64(1));
        QCOMPARE(rows(*db, QStringLiteral("alerts"), QStringLiteral("type = 'correlation'")), qint64(2));
        QCOMPARE(rows(*db, QStringLiteral("market_sessions")), qint64(4));
    }
};

QTEST_GUILESS_MAIN(TestProductStorage)
#include "tst_product_storage.moc"
