// Issue 16's table (bench_fanout table) and p99 curve (bench_fanout curve): fx and the kernel
// floor measured in the same run, the fx / floor ratios, and the targets met or missed by how much.

#include "fanout.h"

#include <QFile>
#include <QLocale>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <optional>

namespace fx::bench::fanout {

namespace {

// Issue 16's targets (docs/PERFORMANCE.md, "Kernel pace").
constexpr double kP99Ratio = 1.2;
constexpr double kCpuRatio = 1.15;
constexpr int kConfirmTicks = 3000; // x 1,000 clients = 3,000,000 deliveries/s
constexpr double kIdleKb = 10;
constexpr double kIdleSeconds = 1.5;
constexpr qint64 kMaxDeliveries = 12800000; // a sweep's upper bound, per second
// A curve stops for a target past its knee: this much lost, or this p99.
constexpr double kCurveStopLostPercent = 5;
constexpr double kCurveStopP99Ms = 2000;

struct FixedRow
{
    const char *name;
    int clients;
    int rate; // ticks/s; deliveries/s = rate x clients
};
constexpr FixedRow kFixedRows[] = {
    {"1k-20k", 1000, 20},
    {"1k-100k", 1000, 100},
    {"10k-20k", 10000, 2},
    {"10k-100k", 10000, 10},
};

QString num(qint64 n)
{
    QLocale l(QLocale::English);
    return l.toString(n);
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

QString ratio(double a, double b)
{
    return b > 0 ? QString::number(a / b, 'f', 2) + u'x' : QStringLiteral("-");
}

// "met (1.05x, target 1.2x)" or "missed by 16 % (1.39x, target 1.2x)": lower is better.
QString verdict(double value, double target, const QString &unit = QStringLiteral("x"))
{
    const QString v = QString::number(value, 'f', 2) + unit;
    const QString t = QString::number(target, 'g', 3) + unit;
    if (value <= target)
        return QStringLiteral("met (%1, target %2)").arg(v, t);
    return QStringLiteral("missed by %1 % (%2, target %3)")
        .arg(QString::number(100.0 * (value / target - 1), 'f', 0), v, t);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

// Repeated runs of one target and load as one: each figure's median, the deliveries summed.
RelayResult medianOf(const std::vector<RelayResult> &runs)
{
    RelayResult m = runs.front();
    const auto med = [&](double RelayResult::*field) {
        std::vector<double> v;
        for (const RelayResult &r : runs)
            v.push_back(r.*field);
        return median(v);
    };
    m.p50Ms = med(&RelayResult::p50Ms);
    m.p99Ms = med(&RelayResult::p99Ms);
    m.maxMs = med(&RelayResult::maxMs);
    m.serverCpuPerDeliveryUs = med(&RelayResult::serverCpuPerDeliveryUs);
    m.published = m.expected = m.received = 0;
    for (const RelayResult &r : runs) {
        m.published += r.published;
        m.expected += r.expected;
        m.received += r.received;
    }
    return m;
}

// "12.5 ms / 9.80 µs": the median p99 and CPU per delivery; over several runs, their ranges.
QString relayCell(const RelayResult &r, const std::vector<RelayResult> &runs = {})
{
    QString s = QStringLiteral("%1 ms / %2 µs")
                    .arg(QString::number(r.p99Ms, 'f', 1), QString::number(r.serverCpuPerDeliveryUs, 'f', 2));
    if (runs.size() > 1) {
        const auto [p0, p1] = std::minmax_element(runs.begin(), runs.end(),
                                                  [](const auto &a, const auto &b) { return a.p99Ms < b.p99Ms; });
        const auto [c0, c1] = std::minmax_element(runs.begin(), runs.end(), [](const auto &a, const auto &b) {
            return a.serverCpuPerDeliveryUs < b.serverCpuPerDeliveryUs;
        });
        s += QStringLiteral(" (%1 runs: p99 %2-%3 ms, CPU %4-%5 µs)")
                 .arg(runs.size())
                 .arg(p0->p99Ms, 0, 'f', 1)
                 .arg(p1->p99Ms, 0, 'f', 1)
                 .arg(c0->serverCpuPerDeliveryUs, 0, 'f', 2)
                 .arg(c1->serverCpuPerDeliveryUs, 0, 'f', 2);
    }
    if (r.lost())
        s += QStringLiteral(" (%1 % lost)").arg(QString::number(r.lostPercent(), 'f', 2));
    return s;
}

// "1,200,000/s (1,300,000/s: 3.6 % lost, p99 294 ms)": the highest rate that passed, then the
// lowest that did not; without a pass, the lowest rate tried and how it missed.
QString sweepCell(const SweepResult &r, int clients)
{
    const auto miss = [&](const RelayResult &m) {
        return QStringLiteral("%1/s: %2 % lost, p99 %3 ms")
            .arg(num(qint64(m.rate) * clients), QString::number(m.lostPercent(), 'f', 1),
                 QString::number(m.p99Ms, 'f', 0));
    };
    QString s;
    if (r.fast > 0) {
        s = num(qint64(r.fast) * clients) + QStringLiteral("/s");
        if (r.bounded)
            s += QStringLiteral(" (the sweep's bound)");
        if (r.firstMiss.rate > 0)
            s += QStringLiteral(" (") + miss(r.firstMiss) + u')';
    } else {
        s = QStringLiteral("none (down to ") + miss(r.firstMiss) + u')';
    }
    if (r.noLoss > r.fast)
        s += QStringLiteral("; no loss up to %1/s").arg(num(qint64(r.noLoss) * clients));
    return s;
}

QString idleCell(const IdleResult &r, int clients)
{
    return QStringLiteral("%1 KB each, %2 of %3 connected in %4 s")
        .arg(QString::number(r.kbPerClient(), 'f', 1), num(r.connected), num(clients),
             QString::number(r.connectSeconds, 'f', 2));
}

} // namespace

SweepResult sweepRate(const QString &target, int clients, int seconds, int threads, int startRate, int maxRate)
{
    SweepResult out;
    int good = 0, bad = 0, lossy = 0;
    auto run = [&](int rate) {
        const RelayResult r = runRelay(target, clients, rate, seconds, threads);
        printRelay(target, r);
        if (r.complete())
            out.noLoss = std::max(out.noLoss, rate);
        else if (!lossy || rate < lossy)
            lossy = rate;
        if (r.complete() && r.p99Ms <= 100) {
            if (!bad || rate < bad)
                good = std::max(good, rate);
        } else if (!bad || rate < bad) {
            bad = rate;
            out.firstMiss = r;
        }
        return r.complete();
    };
    int rate = std::max(1, startRate);
    for (; rate <= maxRate && !interrupted; rate *= 2)
        if (!run(rate))
            break;
    out.bounded = rate > maxRate;
    for (int down = startRate / 2; !good && down >= 1 && !interrupted; down /= 2)
        run(down);
    for (int step = 0; step < 3 && good && bad && bad - good > good / 8 && !interrupted; ++step)
        run((good + bad) / 2);
    // The loss edge, when it lies above the p99 edge: the same three steps.
    for (int step = 0;
         step < 3 && out.noLoss > good && lossy > out.noLoss && lossy - out.noLoss > out.noLoss / 8 && !interrupted;
         ++step)
        run((out.noLoss + lossy) / 2);
    out.fast = good;
    return out;
}

QStringList tableRowNames()
{
    QStringList names;
    for (const FixedRow &r : kFixedRows)
        names << QLatin1StringView(r.name);
    names << QStringLiteral("1k-max") << QStringLiteral("10k-idle") << QStringLiteral("both");
    return names;
}

int runTable(const TableOptions &o)
{
    const QStringList targets{QStringLiteral("fx"), QStringLiteral("floor")};
    say(QStringLiteral("# issue 16 table: fx and floor in one run; %1 x %2 s per fixed rate (the medians), %3 s per "
                       "sweep step")
            .arg(o.repeat)
            .arg(o.seconds)
            .arg(o.sweepSeconds));
    QStringList table{
        QStringLiteral(
            "| load | FX Monitor p99 / CPU per delivery | floor p99 / CPU per delivery | ratio fx / floor |"),
        QStringLiteral("|---|---|---|---|")};
    QStringList verdicts;
    setBothCores(false);

    for (const FixedRow &row : kFixedRows) {
        if (!o.rows.contains(QLatin1StringView(row.name)) || interrupted)
            continue;
        QHash<QString, std::vector<RelayResult>> runs;
        for (int i = 0; i < o.repeat && !interrupted; ++i)
            for (const QString &t : targets) { // alternating, so a busy spell hits both
                runs[t].push_back(runRelay(t, row.clients, row.rate, o.seconds, o.threads));
                printRelay(t, runs[t].back());
            }
        if (runs[QStringLiteral("floor")].empty())
            break;
        QHash<QString, RelayResult> r;
        for (const QString &t : targets)
            r[t] = medianOf(runs[t]);
        const RelayResult &fx = r[QStringLiteral("fx")], &fl = r[QStringLiteral("floor")];
        const QString load =
            QStringLiteral("%1 clients, %2 deliveries/s").arg(num(row.clients), num(qint64(row.rate) * row.clients));
        table << QStringLiteral("| %1 | %2 | %3 | %4 / %5 |")
                     .arg(load, relayCell(fx, runs[QStringLiteral("fx")]), relayCell(fl, runs[QStringLiteral("floor")]),
                          ratio(fx.p99Ms, fl.p99Ms), ratio(fx.serverCpuPerDeliveryUs, fl.serverCpuPerDeliveryUs));
        verdicts << QStringLiteral("- %1: p99 %2; CPU per delivery %3%4")
                        .arg(load, verdict(fx.p99Ms / std::max(0.001, fl.p99Ms), kP99Ratio),
                             verdict(fx.serverCpuPerDeliveryUs / std::max(0.001, fl.serverCpuPerDeliveryUs), kCpuRatio),
                             fx.lost() ? QStringLiteral("; fx lost %1 %").arg(fx.lostPercent(), 0, 'f', 2) : QString());
    }

    std::optional<SweepResult> oneCore1k;
    if (o.rows.contains(QStringLiteral("1k-max")) && !interrupted) {
        QHash<QString, SweepResult> s;
        for (const QString &t : targets)
            s[t] = sweepRate(t, 1000, o.sweepSeconds, o.threads, 100, int(kMaxDeliveries / 1000));
        oneCore1k = s[QStringLiteral("fx")];
        table << QStringLiteral("| 1,000 clients, highest rate with no loss and p99 < 100 ms | %1 | %2 | %3 |")
                     .arg(sweepCell(s[QStringLiteral("fx")], 1000), sweepCell(s[QStringLiteral("floor")], 1000),
                          ratio(s[QStringLiteral("fx")].fast, s[QStringLiteral("floor")].fast));
        QStringList runs;
        int passed = 0;
        for (int i = 0; i < o.confirmRuns && !interrupted; ++i) {
            const RelayResult r = runRelay(QStringLiteral("fx"), 1000, kConfirmTicks, o.sweepSeconds, o.threads);
            printRelay(QStringLiteral("fx"), r);
            const bool ok = r.complete() && r.p99Ms < 100;
            passed += ok ? 1 : 0;
            runs << QStringLiteral("%1 % lost, p99 %2 ms")
                        .arg(QString::number(r.lostPercent(), 'f', 2), QString::number(r.p99Ms, 'f', 0));
        }
        if (o.confirmRuns > 0) {
            table << QStringLiteral("| 1,000 clients, %1 deliveries/s, %2 runs | %3 | | |")
                         .arg(num(qint64(kConfirmTicks) * 1000))
                         .arg(o.confirmRuns)
                         .arg(runs.join(QStringLiteral("; ")));
            verdicts << QStringLiteral("- 3,000,000 deliveries/s at 1,000 clients with no loss and p99 < 100 ms in "
                                       "%1 consecutive runs: %2 of %1 passed (%3); the highest rate that passed "
                                       "the sweep: %4/s")
                            .arg(o.confirmRuns)
                            .arg(passed)
                            .arg(passed == o.confirmRuns ? QStringLiteral("met") : QStringLiteral("missed"),
                                 num(qint64(s[QStringLiteral("fx")].fast) * 1000));
        }
    }

    if (o.rows.contains(QStringLiteral("10k-idle")) && !interrupted) {
        QHash<QString, IdleResult> r;
        for (const QString &t : targets) {
            r[t] = runIdle(t, 10000, o.threads);
            say(QStringLiteral("%1 idle: %2, load %3").arg(t, idleCell(r[t], 10000)).arg(loadAverage()));
        }
        const IdleResult &fx = r[QStringLiteral("fx")], &fl = r[QStringLiteral("floor")];
        table << QStringLiteral("| 10,000 idle clients | %1 | %2 | %3 memory / %4 connect time |")
                     .arg(idleCell(fx, 10000), idleCell(fl, 10000), ratio(fx.kbPerClient(), fl.kbPerClient()),
                          ratio(fx.connectSeconds, fl.connectSeconds));
        verdicts << QStringLiteral("- 10,000 idle clients: memory %1; connect time %2%3")
                        .arg(verdict(fx.kbPerClient(), kIdleKb, QStringLiteral(" KB")),
                             verdict(fx.connectSeconds, kIdleSeconds, QStringLiteral(" s")),
                             fx.connected < 10000 ? QStringLiteral("; only %1 connected").arg(fx.connected)
                                                  : QString());
    }

    QStringList cores;
    if (o.rows.contains(QStringLiteral("both")) && !interrupted) {
        // fx's highest rate at 1,000 and 10,000 clients, on one core and on both.
        struct Cell
        {
            int clients;
            bool both;
            std::optional<SweepResult> r;
        };
        std::vector<Cell> cells{{1000, false, oneCore1k}, {10000, false, {}}, {1000, true, {}}, {10000, true, {}}};
        for (Cell &c : cells) {
            if (c.r || interrupted)
                continue;
            setBothCores(c.both);
            say(QStringLiteral("# fx on %1, %2 clients").arg(c.both ? u"both cores" : u"one core").arg(c.clients));
            c.r = sweepRate(QStringLiteral("fx"), c.clients, o.sweepSeconds, o.threads, 100000 / c.clients,
                            int(kMaxDeliveries / c.clients));
        }
        setBothCores(false);
        cores << QStringLiteral("| fx, highest rate with no loss and p99 < 100 ms | one core (server on CPU 0, "
                                "--io-threads 1) | both cores (nothing pinned, default --io-threads) |")
              << QStringLiteral("|---|---|---|");
        for (int clients : {1000, 10000}) {
            QString one, both;
            for (const Cell &c : cells)
                if (c.clients == clients && c.r)
                    (c.both ? both : one) = sweepCell(*c.r, clients);
            cores << QStringLiteral("| %1 clients | %2 | %3 |").arg(num(clients), one, both);
        }
    }

    say(QString());
    say(table.join(u'\n'));
    if (!cores.isEmpty()) {
        say(QString());
        say(cores.join(u'\n'));
    }
    say(QString());
    say(QStringLiteral("Targets (issue 16):"));
    say(verdicts.join(u'\n'));
    if (interrupted)
        say(QStringLiteral("(interrupted: the rows above are partial)"));
    return interrupted ? 130 : 0;
}

int runCurve(const CurveOptions &o)
{
    const QList<qint64> grid = o.deliveries.isEmpty()
        ? QList<qint64>{20000, 50000, 100000, 200000, 500000, 1000000, 2000000, 3000000, 4000000}
        : o.deliveries;
    QFile file(o.csvPath);
    if (o.csvPath.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        std::fprintf(stderr, "curve: cannot write --csv '%s'\n", qPrintable(o.csvPath));
        return 2;
    }
    QTextStream csv(&file);
    csv << "target,clients,ticks_per_s,offered_deliveries_per_s,deliveries_per_s,p50_ms,p99_ms,max_ms,lost_percent,"
           "cpu_us_per_delivery\n";
    csv.flush();
    for (int clients : o.clients)
        for (const QString &t : o.targets) {
            int lastRate = 0;
            for (qint64 d : grid) {
                if (interrupted)
                    break;
                const int rate = int(std::max<qint64>(1, (d + clients / 2) / clients));
                if (rate == lastRate)
                    continue;
                lastRate = rate;
                const RelayResult r = runRelay(t, clients, rate, o.seconds, o.threads);
                printRelay(t, r);
                csv << t << ',' << r.clients << ',' << rate << ',' << qint64(rate) * clients << ','
                    << qint64(r.deliveriesPerSecond()) << ',' << QString::number(r.p50Ms, 'f', 2) << ','
                    << QString::number(r.p99Ms, 'f', 2) << ',' << QString::number(r.maxMs, 'f', 2) << ','
                    << QString::number(r.lostPercent(), 'f', 3) << ','
                    << QString::number(r.serverCpuPerDeliveryUs, 'f', 3) << '\n';
                csv.flush();
                if (r.lostPercent() > kCurveStopLostPercent || r.p99Ms > kCurveStopP99Ms)
                    break; // past the knee: more would only queue longer
            }
        }
    return interrupted ? 130 : 0;
}

} // namespace fx::bench::fanout
