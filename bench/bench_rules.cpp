// Alert rule evaluation (issue 17, rules/rulebook.h): the cost of RuleBook::evaluate() per tick
// with 100,000 rules of 1,000 owners on 20 pairs, beside the same loop over an empty book (the
// baseline of the same run). The ticks are a random walk per pair, round robin over the pairs,
// stamped 50 us apart: 20,000 ticks per second of market time, so change_pct windows, cooldowns
// and expiries see the time they would at that rate. Prints figures; asserts nothing.
//
//   bench_rules [--rules N] [--owners N] [--seconds S] [--seed N] [--far]
//
// The rules' thresholds lie within 200 points of the walk's centre (the walk stays within 250),
// so they fire often; with --far they lie 300 to 500 points away and never fire after the first
// tick: what is left is the search.

#include "core/instruments.h"
#include "rules/rulebook.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

using namespace fx::rules;

namespace {

constexpr qint64 kT0 = 1765000000000LL;
constexpr int kTicksPerSecond = 20000;

long rssKiB()
{
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

struct Walk
{
    std::vector<qint64> level; // in points (1e-5, JPY 1e-3)
    std::vector<qint64> center;
    std::vector<double> unit;
};

Walk makeWalk(const fx::core::InstrumentSet &pairs)
{
    Walk w;
    for (int p = 0; p < pairs.size(); ++p) {
        const bool jpy = pairs.pair(p).endsWith(u"JPY");
        w.unit.push_back(jpy ? 1e3 : 1e5);
        w.center.push_back(jpy ? 150000 : 110000 + 1000 * p);
        w.level.push_back(w.center.back());
    }
    return w;
}

QJsonObject randomRule(QRandomGenerator &rng, const fx::core::InstrumentSet &pairs, const Walk &w, qint64 nowMs,
                       bool far)
{
    const int p = int(rng.bounded(pairs.size()));
    QJsonObject o{{"pair", pairs.pair(p)}};
    const int kind = int(rng.bounded(100));
    // Field: mostly bid and mid, as traders set them.
    Field field = kind < 40 ? Field::Bid : kind < 70 ? Field::Mid : kind < 90 ? Field::Ask : Field::Spread;
    const int c = int(rng.bounded(100));
    const Condition condition = c < 35 ? Condition::Above
        : c < 70                       ? Condition::Below
        : c < 90                       ? Condition::Crosses
                                       : Condition::ChangePct;
    o.insert("condition", conditionName(condition));
    if (far && condition == Condition::ChangePct && field == Field::Spread)
        field = Field::Bid; // a spread of 1 to 5 points changes by hundreds of per cent
    o.insert("field", fieldName(field));
    if (condition == Condition::ChangePct) {
        static const int windows[] = {5, 30, 60, 300};
        const double pct = far ? 50 : 0.05 + 0.05 * rng.bounded(10);
        o.insert("value", rng.bounded(2) ? pct : -pct);
        o.insert("window_seconds", windows[rng.bounded(4)]);
    } else if (field == Field::Spread) {
        o.insert("value", double((far ? 100 : 1) + rng.bounded(30)) / w.unit[size_t(p)]);
    } else {
        // Thresholds within 200 points of the price, where the walk goes; --far: 300 to 500
        // points away, where it never goes (the search alone, nothing fires after the first tick).
        const qint64 offset = far ? (rng.bounded(2) ? 1 : -1) * (300 + rng.bounded(201)) : rng.bounded(-200, 201);
        o.insert("value", double(w.center[size_t(p)] + offset) / w.unit[size_t(p)]);
    }
    const int r = int(rng.bounded(100));
    if (r < 25)
        o.insert("repeat", "once");
    else if (r < 75)
        o.insert("repeat", "every");
    else
        o.insert("repeat", QJsonObject{{"cooldown_seconds", 60}});
    if (rng.bounded(10) == 0)
        o.insert("expires_at", double(nowMs + 1000 * qint64(1 + rng.bounded(3600))));
    return o;
}

struct RunResult
{
    double nsPerTick = 0;
    double firedPerTick = 0;
    double p50 = 0, p99 = 0, p999 = 0, max = 0; // ns
    qint64 firedP99 = 0, firedMax = 0; // rules fired by one tick
    qint64 expired = 0;
};

RunResult run(RuleBook &book, const fx::core::InstrumentSet &pairs, int seconds, quint32 seed)
{
    QRandomGenerator rng(seed);
    Walk w = makeWalk(pairs);
    const qint64 ticks = qint64(seconds) * kTicksPerSecond;
    const size_t count = static_cast<size_t>(ticks);
    std::vector<double> bids(count), asks(count);
    for (qint64 i = 0; i < ticks; ++i) {
        const size_t p = size_t(i % pairs.size());
        w.level[p] = std::clamp<qint64>(w.level[p] + rng.bounded(-2, 3), w.center[p] - 250, w.center[p] + 250);
        bids[size_t(i)] = double(w.level[p]) / w.unit[p];
        asks[size_t(i)] = double(w.level[p] + 1 + rng.bounded(4)) / w.unit[p];
    }
    std::vector<qint64> durations(count), firedCounts(count);
    RunResult out;
    qint64 fired = 0;
    using Clock = std::chrono::steady_clock;
    const auto begin = Clock::now();
    for (qint64 i = 0; i < ticks; ++i) {
        const auto t0 = Clock::now();
        const Evaluation e =
            book.evaluate(int(i % pairs.size()), bids[size_t(i)], asks[size_t(i)], kT0 + i * 1000 / kTicksPerSecond);
        durations[size_t(i)] = std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t0).count();
        fired += qint64(e.fired.size());
        firedCounts[size_t(i)] = qint64(e.fired.size());
        out.expired += qint64(e.expired.size());
    }
    const double total = double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - begin).count());
    std::sort(durations.begin(), durations.end());
    std::sort(firedCounts.begin(), firedCounts.end());
    out.firedP99 = firedCounts[size_t(0.99 * double(count - 1))];
    out.firedMax = firedCounts.back();
    auto pct = [&](double q) { return double(durations[size_t(q * double(durations.size() - 1))]); };
    out.nsPerTick = total / double(ticks);
    out.firedPerTick = double(fired) / double(ticks);
    out.p50 = pct(0.5);
    out.p99 = pct(0.99);
    out.p999 = pct(0.999);
    out.max = double(durations.back());
    return out;
}

void print(const char *label, const RunResult &r)
{
    std::printf("%-16s %10.0f ns/tick  %8.3f fired/tick  p50 %7.0f ns  p99 %8.0f ns  p99.9 %8.0f ns  max %9.0f ns  "
                "%5.2f %% of a core at 20,000 ticks/s  %lld expired; fired by one tick: p99 %lld, max %lld\n",
                label, r.nsPerTick, r.firedPerTick, r.p50, r.p99, r.p999, r.max, r.nsPerTick * kTicksPerSecond / 1e7,
                r.expired, r.firedP99, r.firedMax);
}

} // namespace

int main(int argc, char **argv)
{
    int rules = 100000, owners = 1000, seconds = 10;
    quint32 seed = 17;
    bool far = false;
    for (int i = 1; i < argc; ++i) {
        const bool valued = i + 1 < argc;
        if (!std::strcmp(argv[i], "--far")) {
            far = true;
        } else if (valued && !std::strcmp(argv[i], "--rules")) {
            rules = std::atoi(argv[++i]);
        } else if (valued && !std::strcmp(argv[i], "--owners")) {
            owners = std::atoi(argv[++i]);
        } else if (valued && !std::strcmp(argv[i], "--seconds")) {
            seconds = std::atoi(argv[++i]);
        } else if (valued && !std::strcmp(argv[i], "--seed")) {
            seed = quint32(std::strtoul(argv[++i], nullptr, 10));
        } else {
            std::fprintf(stderr, "usage: bench_rules [--rules N] [--owners N] [--seconds S] [--seed N] [--far]\n");
            return 2;
        }
    }
    rules = std::max(rules, 0);
    owners = std::max(owners, 1);
    seconds = std::max(seconds, 1);
    const fx::core::InstrumentSet pairs; // the 20 default pairs
    std::printf("bench_rules: %d rules over %d owners on %d pairs, %d s of ticks at %d ticks/s (%d ticks)%s\n", rules,
                owners, int(pairs.size()), seconds, kTicksPerSecond, seconds * kTicksPerSecond,
                far ? ", thresholds far from the price" : "");

    RuleBook empty(pairs, QStringLiteral("b0"));
    const RunResult baseline = run(empty, pairs, seconds, seed);

    const long rssBefore = rssKiB();
    RuleBook book(pairs, QStringLiteral("b1"),
                  RuleBookLimits{std::max(100, (rules + owners - 1) / owners), std::max(100000, rules)});
    QRandomGenerator rng(seed + 1);
    const Walk walk = makeWalk(pairs);
    const auto loadStart = std::chrono::steady_clock::now();
    int refused = 0;
    for (int i = 0; i < rules; ++i) {
        QString field, message;
        const auto rule =
            parseAlertRule(randomRule(rng, pairs, walk, kT0, far), ParseContext{&pairs, kT0, false}, &field, &message);
        if (!rule || !book.add(Owner{QString(), quint64(1 + i % owners)}, *rule, kT0).ok())
            ++refused;
    }
    const double loadMs =
        double(
            std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - loadStart).count())
        / 1000.0;
    std::printf("loaded %d rules in %.0f ms (%.2f us per set_alert, parse included), %d refused, RSS +%ld KiB\n",
                book.size(), loadMs, loadMs * 1000.0 / std::max(1, rules), refused, rssKiB() - rssBefore);
    const RunResult loaded = run(book, pairs, seconds, seed);

    print("0 rules", baseline);
    char label[32];
    std::snprintf(label, sizeof label, "%d rules", rules);
    print(label, loaded);
    std::printf("extra per tick: %.0f ns; rules left after the run: %d (once rules fired stay, disabled)\n",
                loaded.nsPerTick - baseline.nsPerTick, book.size());
    return 0;
}
