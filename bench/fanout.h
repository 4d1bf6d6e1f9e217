#pragma once

// bench_fanout's measurements, shared by its modes (bench_fanout.cpp) and the issue 16 table and
// p99 curve (fanouttable.cpp).

#include <QString>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <vector>

namespace fx::bench::fanout {

// Set by SIGINT / SIGTERM: measurements end early, every child is stopped on the way out.
extern std::atomic<bool> interrupted;

// Where the processes run. One core (the default): the server pinned to CPU 0 with --io-threads 1,
// redis-server, the publisher and the load generator to CPU 1. Both cores: nothing pinned, the
// server with its default --io-threads (one per core).
void setBothCores(bool on);
bool bothCores();
// The machine's 1-minute load average (the benches share it with builds): printed with each run.
double loadAverage();

struct IdleResult
{
    int connected = 0;
    double connectSeconds = 0;
    qint64 rssBeforeKb = 0, rssAfterKb = 0;
    double kbPerClient() const { return connected ? double(rssAfterKb - rssBeforeKb) / connected : 0; }
};
IdleResult runIdle(const QString &target, int clients, int threads);

struct RelayResult
{
    int clients = 0;
    int rate = 0;
    int seconds = 0;
    quint64 published = 0;
    quint64 expected = 0;
    quint64 received = 0;
    double p50Ms = 0, p99Ms = 0, maxMs = 0;
    double serverCpuPerDeliveryUs = 0;
    qint64 peakRssKb = 0;
    int rulesSet = 0; // fx-rules: alert rules accepted (alert_set) before the measurement
    quint64 lost() const { return expected > received ? expected - received : 0; }
    double lostPercent() const { return expected ? 100.0 * double(lost()) / double(expected) : 0; }
    // Every delivery arrived and the publisher kept (90 % of) the rate.
    bool complete() const
    {
        return expected > 0 && received >= expected && published >= quint64(rate) * quint64(seconds) * 9 / 10;
    }
    double deliveriesPerSecond() const { return double(received) / std::max(1.0, double(published) / rate); }
};
RelayResult runRelay(const QString &target, int clients, int rate, int seconds, int threads);
void printRelay(const QString &target, const RelayResult &r);

// The highest tick rate with no loss, and with no loss and p99 < 100 ms: doubling from
// startRate while nothing is lost (halving instead when startRate already misses), then three
// bisection steps between the highest rate that passed and the lowest that did not (and three
// more at the loss edge when it lies higher).
struct SweepResult
{
    int noLoss = 0; // ticks/s
    int fast = 0; // ticks/s, also p99 < 100 ms
    bool bounded = false; // stopped at maxRate, not at a miss
    RelayResult firstMiss; // the lowest rate that lost or missed the p99 (rate 0: none)
};
SweepResult sweepRate(const QString &target, int clients, int seconds, int threads, int startRate, int maxRate);

struct TableOptions
{
    QStringList rows; // see kTableRows in fanouttable.cpp
    int seconds = 10; // per fixed-rate measurement
    int sweepSeconds = 5; // per sweep step
    int threads = 2;
    int confirmRuns = 3;
    int repeat = 1; // runs of each fixed-rate row, fx and the floor alternating; the table shows medians
};
int runTable(const TableOptions &o);
QStringList tableRowNames();

struct CurveOptions
{
    QList<int> clients{1000, 10000};
    QStringList targets{QStringLiteral("fx"), QStringLiteral("floor")};
    QList<qint64> deliveries; // per second; the default grid when empty
    int seconds = 5;
    int threads = 2;
    QString csvPath;
};
int runCurve(const CurveOptions &o);

} // namespace fx::bench::fanout
