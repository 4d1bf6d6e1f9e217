// ARCHITECTURE.md, "Delivery latency": the real fxmonitor-server on a real redis-server with a
// real WebSocket client. /metrics carries both histograms in the Prometheus text format
// (buckets cumulative and monotone, +Inf equal to _count, _sum present), the counts rise by one
// per delivered price, only prices with their own "time" add to the age histogram, a time ahead
// of the server's clock counts in the first bucket and in the negative counter, and
// server_stats and /health report p50/p99 of the last ten seconds.

#include "core/timeutil.h"
#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/wsclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace fx;
using namespace fx::test;

namespace {

struct Histogram
{
    QList<QPair<double, quint64>> buckets; // le (inf for +Inf), cumulative count, in text order
    double sum = -1;
    quint64 count = 0;
    bool typed = false;
};

// One histogram out of the /metrics text; QVERIFY-style problems go to *why.
Histogram parseHistogram(const QByteArray &text, const QByteArray &name)
{
    Histogram h;
    for (const QByteArray &line : text.split('\n')) {
        if (line == "# TYPE " + name + " histogram")
            h.typed = true;
        if (line.startsWith(name + "_bucket{le=\"")) {
            const qsizetype q = line.indexOf('"', name.size() + 12);
            const QByteArray le = line.mid(name.size() + 12, q - name.size() - 12);
            const double edge = le == "+Inf" ? qInf() : le.toDouble();
            h.buckets.append({edge, line.mid(line.lastIndexOf(' ') + 1).toULongLong()});
        } else if (line.startsWith(name + "_sum ")) {
            h.sum = line.mid(name.size() + 5).toDouble();
        } else if (line.startsWith(name + "_count ")) {
            h.count = line.mid(name.size() + 7).toULongLong();
        }
    }
    return h;
}

void checkWellFormed(const Histogram &h)
{
    QVERIFY(h.typed);
    QVERIFY(h.buckets.size() >= 20);
    for (qsizetype i = 1; i < h.buckets.size(); ++i) {
        QVERIFY(h.buckets.at(i).first > h.buckets.at(i - 1).first); // edges rise
        QVERIFY(h.buckets.at(i).second >= h.buckets.at(i - 1).second); // cumulative
    }
    QCOMPARE(h.buckets.first().first, 5e-05);
    QCOMPARE(h.buckets.at(h.buckets.size() - 2).first, 10.0);
    QVERIFY(qIsInf(h.buckets.last().first));
    QCOMPARE(h.buckets.last().second, h.count);
    QVERIFY(h.sum >= 0);
}

QByteArray price(const char *pair, int n, const QString &time)
{
    QJsonObject p{{QStringLiteral("bid"), QStringLiteral("1.%1").arg(1000 + n)},
                  {QStringLiteral("ask"), QStringLiteral("1.%1").arg(1002 + n)}};
    if (!time.isEmpty())
        p.insert(QStringLiteral("time"), time);
    return QJsonDocument(QJsonObject{{QStringLiteral("instrument"), QLatin1String(pair)}, {QStringLiteral("price"), p}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestDeliveryLatency : public QObject
{
    Q_OBJECT

    RedisServer m_redis;
    std::unique_ptr<redis::RedisPublisher> m_pub;
    ServerProcess m_server;

    static constexpr const char *kToken = "latency-admin-token-0123";

    HttpReply admin(const QByteArray &path)
    {
        return httpRequest(m_server.port(), "GET", path, {}, {{"Authorization", QByteArray("Bearer ") + kToken}});
    }
    QByteArray metrics() { return admin("/metrics").body; }

    void publishAndReceive(WsClient &client, const QByteArray &payload, int expected)
    {
        QString err;
        QVERIFY2(m_pub->publish(QStringLiteral("price_updates"), payload, &err), qPrintable(err));
        QTRY_COMPARE_WITH_TIMEOUT(client.count(QStringLiteral("price_update")), expected, 5000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_redis.start());
        m_pub = publisherFor(m_redis.port());
        // With the admin token /health is the detailed one (SECURITY.md, "Admin endpoints").
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WEBSOCKET_ADMIN_TOKEN"), QLatin1String(kToken));
        QVERIFY(m_server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                                QStringLiteral("--redis-port"), QString::number(m_redis.port())},
                               env));
    }

    void histogramsCountEveryDelivery()
    {
        const QByteArray before = metrics();
        const Histogram latency0 = parseHistogram(before, "fxmonitor_delivery_latency_seconds");
        const Histogram age0 = parseHistogram(before, "fxmonitor_delivery_age_seconds");
        checkWellFormed(latency0);
        checkWellFormed(age0);
        QCOMPARE(latency0.count, quint64(0));
        QCOMPARE(metricValue(before, "fxmonitor_delivery_age_negative_total"), 0.0);

        // Two clients in the room: every price is two deliveries.
        WsClient a, b;
        QVERIFY(a.connectTo(m_server.wsUrl()));
        QVERIFY(b.connectTo(m_server.wsUrl()));
        for (WsClient *c : {&a, &b})
            QVERIFY(!c->request(QStringLiteral("subscribe"),
                                {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                                QStringLiteral("subscription_confirmed"))
                         .isEmpty());
        // Wait until the subscriber is connected: a price reaches the clients.
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QString err;
                                     m_pub->publish(QStringLiteral("price_updates"), price("EUR_USD", 0, {}), &err);
                                     return a.count(QStringLiteral("price_update")) > 0;
                                 }()),
                                 10000);
        // A marker price behind the warm-up ones: everything before it has arrived with it.
        QString markerErr;
        QVERIFY(m_pub->publish(QStringLiteral("price_updates"), price("EUR_USD", 999, {}), &markerErr));
        auto isMarker = [](const QJsonObject &e) {
            return e.value(QStringLiteral("event")).toString() == u"price_update"
                && e.value(QStringLiteral("data"))
                       .toObject()
                       .value(QStringLiteral("price"))
                       .toObject()
                       .value(QStringLiteral("bid"))
                == QStringLiteral("1.1999");
        };
        quint64 latencyStart = 0;
        for (WsClient *c : {&a, &b}) {
            const QList<QJsonObject> got = c->takeUntil(isMarker, 5000);
            QVERIFY(!got.isEmpty());
            for (const QJsonObject &e : got)
                latencyStart += e.value(QStringLiteral("event")).toString() == u"price_update" ? 1 : 0;
        }
        QVERIFY(a.take(QStringLiteral("price_update")).isEmpty() && b.take(QStringLiteral("price_update")).isEmpty());
        // Each delivery counts once, recorded right after its write.
        QTRY_COMPARE_WITH_TIMEOUT(parseHistogram(metrics(), "fxmonitor_delivery_latency_seconds").count, latencyStart,
                                  5000);
        const quint64 ageStart = parseHistogram(metrics(), "fxmonitor_delivery_age_seconds").count;
        QCOMPARE(ageStart, quint64(0)); // those prices had no time

        // Without "time": the receipt latency only.
        publishAndReceive(a, price("EUR_USD", 1, {}), 1);
        QTRY_COMPARE(b.count(QStringLiteral("price_update")), 1);
        // With a time 2 s in the past: the age is about 2 s.
        publishAndReceive(a, price("EUR_USD", 2, core::isoTimestamp(core::nowMicros() - 2'000'000)), 2);
        QTRY_COMPARE(b.count(QStringLiteral("price_update")), 2);
        // With a time 5 s ahead (the publisher's clock is fast): the first bucket, counted negative.
        publishAndReceive(a, price("EUR_USD", 3, core::isoTimestamp(core::nowMicros() + 5'000'000)), 3);
        QTRY_COMPARE(b.count(QStringLiteral("price_update")), 3);
        // Another pair's price reaches nobody here: nothing recorded for it.
        QString err;
        QVERIFY(m_pub->publish(QStringLiteral("price_updates"), price("GBP_USD", 4, core::isoNow()), &err));
        publishAndReceive(a, price("EUR_USD", 5, {}), 4); // barrier: GBP_USD went through first
        QTRY_COMPARE(b.count(QStringLiteral("price_update")), 4);

        // Recorded after the write, on the I/O thread: wait for the counts to settle.
        Histogram latency, age;
        QByteArray text;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     text = metrics();
                                     latency = parseHistogram(text, "fxmonitor_delivery_latency_seconds");
                                     return latency.count == latencyStart + 8;
                                 }()),
                                 5000);
        age = parseHistogram(text, "fxmonitor_delivery_age_seconds");
        checkWellFormed(latency);
        checkWellFormed(age);
        QCOMPARE(age.count, ageStart + 4); // two prices with a time, two clients each
        QCOMPARE(metricValue(text, "fxmonitor_delivery_age_negative_total"), 2.0);
        // The negative ones are in the first bucket; the 2 s old ones between 1.5 s and 3 s.
        QVERIFY(age.buckets.first().second >= 2);
        double at1500ms = -1, at3s = -1;
        for (const auto &[le, n] : std::as_const(age.buckets)) {
            if (qFuzzyCompare(le, 1.5))
                at1500ms = double(n);
            if (qFuzzyCompare(le, 3.0))
                at3s = double(n);
        }
        QCOMPARE(at3s - at1500ms, 2.0);
        QVERIFY(age.sum >= 4.0 && age.sum < 6.5);
        // A loopback relay is fast: every delivery under a second.
        for (const auto &[le, n] : std::as_const(latency.buckets))
            if (qFuzzyCompare(le, 1.0))
                QCOMPARE(n, latency.count);

        // server_stats and /health: p50/p99 of the last ten seconds.
        const QJsonObject stats = a.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"))
                                      .value(QStringLiteral("data"))
                                      .toObject();
        const QJsonObject dl = stats.value(QStringLiteral("delivery_latency")).toObject();
        QCOMPARE(dl.value(QStringLiteral("window_seconds")).toInt(), 10);
        const QJsonObject receipt = dl.value(QStringLiteral("receipt_ms")).toObject();
        QVERIFY(receipt.value(QStringLiteral("count")).toInteger() >= 8);
        QVERIFY(receipt.value(QStringLiteral("p50")).isDouble());
        QVERIFY(receipt.value(QStringLiteral("p99")).toDouble() >= receipt.value(QStringLiteral("p50")).toDouble());
        QVERIFY(receipt.value(QStringLiteral("p99")).toDouble() < 1000);
        const QJsonObject ageMs = dl.value(QStringLiteral("age_ms")).toObject();
        QCOMPARE(ageMs.value(QStringLiteral("count")).toInteger(), qint64(ageStart + 4));
        QCOMPARE(ageMs.value(QStringLiteral("negative_total")).toInteger(), 2);
        QVERIFY(ageMs.value(QStringLiteral("p99")).toDouble() > 1500);
        const QJsonObject health = QJsonDocument::fromJson(admin("/health").body).object();
        QVERIFY(health.value(QStringLiteral("delivery_latency"))
                    .toObject()
                    .value(QStringLiteral("receipt_ms"))
                    .toObject()
                    .value(QStringLiteral("p50"))
                    .isDouble());
    }
};

QTEST_GUILESS_MAIN(TestDeliveryLatency)
#include "tst_delivery_latency.moc"
