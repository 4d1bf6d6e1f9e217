// The delivery latency histogram (server/latencyhistogram.h): bucket edges at, just under and
// just over an edge, negative values, merging, percentiles, the ten-second window and the
// Prometheus text.

#include "server/latencyhistogram.h"

#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace fx::server;

namespace {
constexpr qint64 kSecond = 1'000'000'000;
using H = LatencyHistogram;
} // namespace

class TestLatencyHistogram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void edgesAreLogSpacedFrom50usTo10s()
    {
        QCOMPARE(H::kEdgeNanos.front(), qint64(50'000));
        QCOMPARE(H::kEdgeNanos.back(), 10 * kSecond);
        for (int i = 1; i < H::kEdges; ++i) {
            const double ratio = double(H::kEdgeNanos[size_t(i)]) / double(H::kEdgeNanos[size_t(i - 1)]);
            QVERIFY2(ratio > 1.3 && ratio <= 1.67, qPrintable(QString::number(i)));
        }
        QCOMPARE(H::edgeLabel(0), QByteArray("5e-05"));
        QCOMPARE(H::edgeLabel(9), QByteArray("0.0015"));
        QCOMPARE(H::edgeLabel(H::kEdges - 1), QByteArray("10"));
    }

    void bucketAtJustUnderAndJustOverAnEdge()
    {
        // Prometheus "le": a value equal to an edge belongs to that edge's bucket.
        for (int i = 0; i < H::kEdges; ++i) {
            const qint64 e = H::kEdgeNanos[size_t(i)];
            QCOMPARE(H::bucketOf(e), i);
            QCOMPARE(H::bucketOf(e - 1), i);
            QCOMPARE(H::bucketOf(e + 1), i + 1);
        }
        QCOMPARE(H::bucketOf(0), 0);
        QCOMPARE(H::bucketOf(-5 * kSecond), 0); // clock skew: the first bucket
        QCOMPARE(H::bucketOf(10 * kSecond + 1), H::kEdges); // +Inf
        QCOMPARE(H::bucketOf(std::numeric_limits<qint64>::max()), H::kEdges);
    }

    void recordsCountsSumAndNegatives()
    {
        auto h = std::make_unique<H>();
        const qint64 now = 100 * kSecond;
        h->record(1'000'000, 3, now); // 1 ms, three clients
        h->record(-2'000'000, 2, now); // 2 ms in the future
        h->record(20 * kSecond, 1, now); // over the last edge
        h->record(5'000'000, 0, now); // no client: nothing
        const H::Snapshot s = h->total();
        QCOMPARE(s.count, quint64(6));
        QCOMPARE(s.counts[size_t(H::bucketOf(1'000'000))], quint64(3));
        QCOMPARE(s.counts[0], quint64(2));
        QCOMPARE(s.counts[size_t(H::kEdges)], quint64(1));
        QCOMPARE(s.negative, quint64(2));
        QVERIFY(qAbs(s.sumSeconds - (0.003 + 20.0)) < 1e-9); // negatives add nothing to the sum
    }

    void percentilesInterpolateInsideTheBucket()
    {
        H::Snapshot empty;
        QVERIFY(!empty.quantileSeconds(0.5));
        auto h = std::make_unique<H>();
        const qint64 now = 50 * kSecond;
        // 100 observations in (0.7 ms, 1 ms]: p50 lies halfway through that bucket.
        h->record(800'000, 100, now);
        const H::Snapshot s = h->total();
        QCOMPARE(*s.quantileSeconds(0.5), (0.7e-3 + 1e-3) / 2);
        QCOMPARE(*s.quantileSeconds(1.0), 1e-3);
        // One slow delivery in 100: p99 is in the fast bucket, p100 in the slow one.
        auto g = std::make_unique<H>();
        g->record(800'000, 99, now);
        g->record(2 * kSecond + 1, 1, now); // (2 s, 3 s]
        const H::Snapshot t = g->total();
        QVERIFY(*t.quantileSeconds(0.99) <= 1e-3);
        QVERIFY(*t.quantileSeconds(1.0) > 2.0 && *t.quantileSeconds(1.0) <= 3.0);
        // The +Inf bucket answers the last edge.
        auto inf = std::make_unique<H>();
        inf->record(60 * kSecond, 1, now);
        QCOMPARE(*inf->total().quantileSeconds(0.5), 10.0);
        // The first bucket starts at zero.
        auto low = std::make_unique<H>();
        low->record(10'000, 2, now);
        QCOMPARE(*low->total().quantileSeconds(0.5), 25e-6);
    }

    void mergeAddsEverything()
    {
        auto a = std::make_unique<H>();
        auto b = std::make_unique<H>();
        a->record(100'000, 1, kSecond);
        b->record(100'000, 2, kSecond);
        b->record(-1, 1, kSecond);
        H::Snapshot m = a->total();
        m.merge(b->total());
        QCOMPARE(m.count, quint64(4));
        QCOMPARE(m.counts[size_t(H::bucketOf(100'000))], quint64(3));
        QCOMPARE(m.negative, quint64(1));
        QVERIFY(qAbs(m.sumSeconds - 0.0003) < 1e-12);
    }

    void windowKeepsTheLastTenSeconds()
    {
        auto h = std::make_unique<H>();
        const qint64 t0 = 1000 * kSecond;
        h->record(1'000'000, 5, t0); // second 1000
        h->record(2'000'000, 7, t0 + 9 * kSecond); // second 1009
        QCOMPARE(h->window(t0 + 9 * kSecond).count, quint64(12));
        QCOMPARE(h->window(t0 + 10 * kSecond).count, quint64(7)); // second 1000 left the window
        QCOMPARE(h->window(t0 + 19 * kSecond + kSecond / 2).count, quint64(0));
        QCOMPARE(h->total().count, quint64(12)); // the totals keep everything
        // A slot reused a lap later starts from zero.
        h->record(3'000'000, 1, t0 + 12 * kSecond); // same slot as second 1000
        const H::Snapshot w = h->window(t0 + 12 * kSecond);
        QCOMPARE(w.count, quint64(8));
        QCOMPARE(w.counts[size_t(H::bucketOf(1'000'000))], quint64(0));
    }

    void jsonAndPrometheusText()
    {
        DeliveryLatencySnapshot s;
        QJsonObject j = deliveryLatencyJson(s);
        QVERIFY(j.value(QStringLiteral("receipt_ms")).toObject().value(QStringLiteral("p50")).isNull());
        QCOMPARE(j.value(QStringLiteral("window_seconds")).toInt(), 10);
        auto h = std::make_unique<H>();
        h->record(800'000, 10, kSecond);
        s.receipt = h->total();
        s.receiptWindow = h->window(kSecond);
        j = deliveryLatencyJson(s);
        const QJsonObject r = j.value(QStringLiteral("receipt_ms")).toObject();
        QCOMPARE(r.value(QStringLiteral("p50")).toDouble(), 0.85);
        QCOMPARE(r.value(QStringLiteral("count")).toInt(), 10);

        const QByteArray text = prometheusHistogram("x_seconds", "help", s.receipt);
        const QList<QByteArray> lines = text.split('\n');
        QCOMPARE(lines.at(0), QByteArray("# HELP x_seconds help"));
        QCOMPARE(lines.at(1), QByteArray("# TYPE x_seconds histogram"));
        QCOMPARE(lines.at(2), QByteArray("x_seconds_bucket{le=\"5e-05\"} 0"));
        QVERIFY(text.contains("x_seconds_bucket{le=\"0.001\"} 10\n"));
        QVERIFY(text.contains("x_seconds_bucket{le=\"+Inf\"} 10\n"));
        QVERIFY(text.contains("x_seconds_sum 0.0080000000000000002\n") || text.contains("x_seconds_sum 0.008\n"));
        QVERIFY(text.contains("x_seconds_count 10\n"));
    }
};

QTEST_GUILESS_MAIN(TestLatencyHistogram)
#include "tst_latencyhistogram.moc"
