// fxmonitor-feed -> redis-server -> fxmonitor-server -> WebSocket client, all real processes:
// prices flow within seconds with no configuration beyond where Redis is, every price is a
// valid quote, the feed's price:<PAIR> hashes warm a restarted server, and alerts arrive.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using namespace fx;
using namespace fx::test;

class TestFeedEndToEnd : public QObject
{
    Q_OBJECT

    QStringList redisArgs(int db) const
    {
        return {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--redis-port"), QString::number(fixtureRedisPort()),
                QStringLiteral("--redis-db"),   QString::number(db),
                QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + m_prefix};
    }
    QString m_prefix = QStringLiteral("e2e%1:").arg(QRandomGenerator::global()->generate() % 100000);

private Q_SLOTS:
    void pricesFlowFromTheFeed()
    {
        QVERIFY(fixtureRedisPort());
        ServerProcess feed(fx::test::feedBin());
        feed.process().setProgram(fx::test::feedBin());
        feed.process().setArguments(redisArgs(7)
                                    + QStringList{QStringLiteral("--rate"), QStringLiteral("200"),
                                                  QStringLiteral("--seed"), QStringLiteral("7"),
                                                  QStringLiteral("--burst-probability"), QStringLiteral("0.05"),
                                                  QStringLiteral("--vol-interval"), QStringLiteral("1")});
        feed.process().start();
        QVERIFY(feed.process().waitForStarted());

        ServerProcess server;
        QVERIFY(server.start(redisArgs(7)));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QElapsedTimer t;
        t.start();
        c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));
        const QJsonObject first = c.waitFor(QStringLiteral("price_update"), 5000);
        QVERIFY2(!first.isEmpty(), "no price within 5 s");
        qInfo("first price %lld ms after subscribing", t.elapsed());

        // Prices until more than 100 have come and every pair has had one: each a sane quote with
        // the pair's decimals.
        QList<QJsonObject> prices;
        QSet<QString> pairs;
        const auto enough = [&] {
            for (const QJsonObject &e : c.take(QStringLiteral("price_update"))) {
                prices.append(e);
                pairs.insert(e.value(QStringLiteral("data")).toObject().value(QStringLiteral("instrument")).toString());
            }
            return prices.size() > 100 && pairs.size() >= 20;
        };
        QTRY_VERIFY_WITH_TIMEOUT(enough(), 15000);
        pairs.clear();
        for (const QJsonObject &e : prices) {
            const QJsonObject d = e.value(QStringLiteral("data")).toObject();
            const QString pair = d.value(QStringLiteral("instrument")).toString();
            pairs.insert(pair);
            const QJsonObject p = d.value(QStringLiteral("price")).toObject();
            const QString bid = p.value(QStringLiteral("bid")).toString(),
                          ask = p.value(QStringLiteral("ask")).toString();
            QVERIFY2(core::decimal::isPlain(bid) && core::decimal::isPlain(ask), qPrintable(bid + u' ' + ask));
            QVERIFY(bid.toDouble() > 0 && bid.toDouble() < ask.toDouble());
            QCOMPARE(bid.size() - bid.indexOf(u'.') - 1, core::InstrumentSet::quoteDecimals(pair));
        }
        QCOMPARE(pairs.size(), 20);

        // Alerts and data_ready reach the client too (the bursty settings make them quick).
        QVERIFY(!c.waitFor(QStringLiteral("data_ready"), 8000).isEmpty());
        QVERIFY(!c.waitFor(QStringLiteral("volatility_alert"), 30000).isEmpty());

        // A restarted server warms its cache from the feed's price:<PAIR> hashes at once.
        QCOMPARE(server.stop(), 0);
        ServerProcess again;
        QVERIFY(again.start(redisArgs(7)));
        WsClient d;
        QVERIFY(d.connectTo(again.wsUrl()));
        QTRY_VERIFY_WITH_TIMEOUT(
            d.request(QStringLiteral("request_all_prices"), {}, QStringLiteral("all_prices_response"))
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("count"))
                    .toInt()
                == 20,
            3000);
        QCOMPARE(again.stop(), 0);
        QCOMPARE(feed.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFeedEndToEnd)
#include "tst_feed_e2e.moc"
