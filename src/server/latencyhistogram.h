#pragma once

// Delivery latency as a histogram (ARCHITECTURE.md, "Delivery latency"): fixed log-spaced
// buckets from 50 µs to 10 s (and +Inf), written by one I/O thread each with relaxed atomics
// (nothing allocated, no lock), merged by readers. Besides the totals since start (the
// Prometheus histogram), one-second slots keep the last kWindowSeconds for p50/p99.

#include <QByteArray>
#include <QJsonObject>
#include <QtGlobal>
#include <array>
#include <atomic>
#include <optional>

namespace fx::server {

class LatencyHistogram
{
public:
    // Upper bounds (inclusive, Prometheus "le") in nanoseconds: 1, 1.5, 2, 3, 5, 7 per decade.
    static constexpr std::array<qint64, 33> kEdgeNanos{
        50'000,        70'000,        100'000,       150'000,       200'000,       300'000,       500'000,
        700'000,       1'000'000,     1'500'000,     2'000'000,     3'000'000,     5'000'000,     7'000'000,
        10'000'000,    15'000'000,    20'000'000,    30'000'000,    50'000'000,    70'000'000,    100'000'000,
        150'000'000,   200'000'000,   300'000'000,   500'000'000,   700'000'000,   1'000'000'000, 1'500'000'000,
        2'000'000'000, 3'000'000'000, 5'000'000'000, 7'000'000'000, 10'000'000'000};
    static constexpr int kEdges = int(kEdgeNanos.size());
    static constexpr int kBuckets = kEdges + 1; // the last one is +Inf
    static constexpr int kWindowSeconds = 10;

    // The bucket a value falls in: the first edge >= nanos; a negative value counts in the first.
    static int bucketOf(qint64 nanos);
    // The edge in seconds as /metrics writes it ("5e-05", "0.0015", "10").
    static QByteArray edgeLabel(int edge);

    // Merged counts, not cumulative: counts[i] observations in bucket i.
    struct Snapshot
    {
        std::array<quint64, kBuckets> counts{};
        quint64 count = 0;
        double sumSeconds = 0;
        quint64 negative = 0; // observations below zero (clock skew), counted in the first bucket

        void merge(const Snapshot &other);
        // The q-quantile (0..1) in seconds, interpolated linearly inside its bucket (as
        // Prometheus' histogram_quantile does); the +Inf bucket answers the last edge. nullopt
        // when there is no observation.
        std::optional<double> quantileSeconds(double q) const;
    };

    // Writer side (one thread per histogram): weight observations of `nanos`, at monotonic time
    // nowNanos (which one-second slot they go to).
    void record(qint64 nanos, quint64 weight, qint64 nowNanos);

    // Reader side (any thread).
    Snapshot total() const;
    // The observations of the last kWindowSeconds seconds before nowNanos (monotonic).
    Snapshot window(qint64 nowNanos) const;

private:
    static void add(std::atomic<quint64> &c, quint64 n)
    {
        c.store(c.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }

    struct Slot
    {
        std::atomic<qint64> second{-1}; // the monotonic second these counts belong to
        std::array<std::atomic<quint64>, kBuckets> counts{};
    };

    std::array<std::atomic<quint64>, kBuckets> m_counts{};
    std::atomic<quint64> m_sumNanos{0};
    std::atomic<quint64> m_negative{0};
    std::array<Slot, kWindowSeconds + 2> m_slots{};
};

// The two histograms of one I/O thread: receipt on the Redis thread -> write to the socket, and
// the payload's own time -> write to the socket.
struct DeliveryLatency
{
    LatencyHistogram receipt;
    LatencyHistogram age;
};

struct DeliveryLatencySnapshot
{
    LatencyHistogram::Snapshot receipt; // since start
    LatencyHistogram::Snapshot age;
    LatencyHistogram::Snapshot receiptWindow; // the last LatencyHistogram::kWindowSeconds
    LatencyHistogram::Snapshot ageWindow;
};

// PROTOCOL.md, server_stats and /health: "delivery_latency", p50/p99 in ms over the window
// (null when nothing was delivered in it) and the observation counts.
QJsonObject deliveryLatencyJson(const DeliveryLatencySnapshot &s);
// The window's {"p50": ms, "p99": ms} of one histogram (null values when empty).
QJsonObject percentilesMs(const LatencyHistogram::Snapshot &s);
// One Prometheus histogram: # HELP, # TYPE, cumulative _bucket{le=...} lines, _sum, _count.
QByteArray prometheusHistogram(const char *name, const char *help, const LatencyHistogram::Snapshot &s);

} // namespace fx::server
