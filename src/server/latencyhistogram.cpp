#include "server/latencyhistogram.h"

#include <QJsonValue>

#include <algorithm>
#include <cmath>

namespace fx::server {

int LatencyHistogram::bucketOf(qint64 nanos)
{
    return int(std::lower_bound(kEdgeNanos.begin(), kEdgeNanos.end(), nanos) - kEdgeNanos.begin());
}

QByteArray LatencyHistogram::edgeLabel(int edge)
{
    return QByteArray::number(double(kEdgeNanos[size_t(edge)]) / 1e9, 'g', 6);
}

void LatencyHistogram::record(qint64 nanos, quint64 weight, qint64 nowNanos)
{
    if (weight == 0)
        return;
    const int b = bucketOf(nanos);
    add(m_counts[size_t(b)], weight);
    if (nanos < 0)
        add(m_negative, weight);
    else
        add(m_sumNanos, quint64(nanos) * weight);
    const qint64 second = nowNanos / 1'000'000'000;
    Slot &slot = m_slots[size_t(second % qint64(m_slots.size()))];
    if (slot.second.load(std::memory_order_relaxed) != second) {
        // Reused after a lap: a reader racing this sees a few counts of either second, which a
        // monitoring figure can take.
        for (auto &c : slot.counts)
            c.store(0, std::memory_order_relaxed);
        slot.second.store(second, std::memory_order_relaxed);
    }
    add(slot.counts[size_t(b)], weight);
}

LatencyHistogram::Snapshot LatencyHistogram::total() const
{
    Snapshot s;
    for (int i = 0; i < kBuckets; ++i) {
        s.counts[size_t(i)] = m_counts[size_t(i)].load(std::memory_order_relaxed);
        s.count += s.counts[size_t(i)];
    }
    s.sumSeconds = double(m_sumNanos.load(std::memory_order_relaxed)) / 1e9;
    s.negative = m_negative.load(std::memory_order_relaxed);
    return s;
}

LatencyHistogram::Snapshot LatencyHistogram::window(qint64 nowNanos) const
{
    Snapshot s;
    const qint64 now = nowNanos / 1'000'000'000;
    for (const Slot &slot : m_slots) {
        const qint64 second = slot.second.load(std::memory_order_relaxed);
        if (second < 0 || second > now || second <= now - kWindowSeconds)
            continue;
        for (int i = 0; i < kBuckets; ++i) {
            const quint64 n = slot.counts[size_t(i)].load(std::memory_order_relaxed);
            s.counts[size_t(i)] += n;
            s.count += n;
        }
    }
    return s;
}

void LatencyHistogram::Snapshot::merge(const Snapshot &other)
{
    for (int i = 0; i < kBuckets; ++i)
        counts[size_t(i)] += other.counts[size_t(i)];
    count += other.count;
    sumSeconds += other.sumSeconds;
    negative += other.negative;
}

std::optional<double> LatencyHistogram::Snapshot::quantileSeconds(double q) const
{
    if (count == 0)
        return std::nullopt;
    const double rank = std::clamp(q, 0.0, 1.0) * double(count);
    double below = 0;
    for (int i = 0; i < kBuckets; ++i) {
        const double n = double(counts[size_t(i)]);
        if (n > 0 && below + n >= rank) {
            if (i == kEdges)
                return double(kEdgeNanos.back()) / 1e9;
            const double lo = i == 0 ? 0.0 : double(kEdgeNanos[size_t(i - 1)]);
            const double hi = double(kEdgeNanos[size_t(i)]);
            return (lo + (hi - lo) * std::clamp((rank - below) / n, 0.0, 1.0)) / 1e9;
        }
        below += n;
    }
    return double(kEdgeNanos.back()) / 1e9;
}

QJsonObject percentilesMs(const LatencyHistogram::Snapshot &s)
{
    auto ms = [&s](double q) -> QJsonValue {
        const std::optional<double> v = s.quantileSeconds(q);
        return v ? QJsonValue(std::round(*v * 1e6) / 1e3) : QJsonValue(QJsonValue::Null); // µs precision
    };
    return QJsonObject{{QStringLiteral("p50"), ms(0.5)}, {QStringLiteral("p99"), ms(0.99)}};
}

QJsonObject deliveryLatencyJson(const DeliveryLatencySnapshot &s)
{
    QJsonObject receipt = percentilesMs(s.receiptWindow);
    receipt.insert(QStringLiteral("count"), qint64(s.receiptWindow.count));
    QJsonObject age = percentilesMs(s.ageWindow);
    age.insert(QStringLiteral("count"), qint64(s.ageWindow.count));
    age.insert(QStringLiteral("negative_total"), qint64(s.age.negative));
    return QJsonObject{{QStringLiteral("window_seconds"), LatencyHistogram::kWindowSeconds},
                       {QStringLiteral("receipt_ms"), receipt},
                       {QStringLiteral("age_ms"), age}};
}

QByteArray prometheusHistogram(const char *name, const char *help, const LatencyHistogram::Snapshot &s)
{
    QByteArray out;
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + " histogram\n";
    quint64 cumulative = 0;
    for (int i = 0; i < LatencyHistogram::kBuckets; ++i) {
        cumulative += s.counts[size_t(i)];
        out += name;
        out += "_bucket{le=\"";
        out += i < LatencyHistogram::kEdges ? LatencyHistogram::edgeLabel(i) : QByteArray("+Inf");
        out += "\"} " + QByteArray::number(cumulative) + '\n';
    }
    out += name + QByteArray("_sum ") + QByteArray::number(s.sumSeconds, 'g', 17) + '\n';
    out += name + QByteArray("_count ") + QByteArray::number(s.count) + '\n';
    return out;
}

} // namespace fx::server
