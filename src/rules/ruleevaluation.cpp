// RuleBook::evaluate(): the index walk (PROTOCOL.md, "Alert rules (issue 17, engine)").
//
// Per pair and field, `cur` is the field's value after the last tick and `prev` the value before
// the run of ticks equal to `cur`. A tick moving the field from cur to v (v != cur) changes the
// state of exactly these rules, each found with two binary searches:
//   above T   (true while value > T):  cur <= T < v            -> [cur, v)
//   below T   (true while value < T):  v < T <= cur            -> (v, cur]
//   crosses T (sides < T and > T; a value equal to T keeps the side it came from):
//             T strictly between cur and v, and T == cur when prev lies on the other side of cur.
// change_pct rules of window W compare the change c = (v - value W seconds ago) / that * 100 with
// their threshold, like above (>= T, T > 0) and below (<= T, T < 0) on c.

#include "rules/rulebook.h"
#include "rules/rulebookimpl.h"

#include <algorithm>

namespace fx::rules {

namespace {

void collect(ThresholdMap::const_iterator from, ThresholdMap::const_iterator to, std::vector<Slot> *out)
{
    for (; from != to; ++from)
        out->push_back(from->second);
}

bool holds(Condition c, double threshold, double x)
{
    switch (c) {
    case Condition::Above: return x > threshold;
    case Condition::Below: return x < threshold;
    case Condition::ChangePct: return threshold > 0 ? x >= threshold : x <= threshold;
    case Condition::Crosses: break;
    }
    return false;
}

} // namespace

void RuleBook::Impl::fire(Slot slot, double price, double change, double bid, double ask, qint64 tsMs, Evaluation *out)
{
    Entry &e = entries[slot];
    AlertRule &r = e.rule;
    if (!e.live || !r.enabled)
        return;
    if (r.expiresAtMs > 0 && tsMs >= r.expiresAtMs)
        return;
    if (r.repeat == Repeat::Cooldown && r.lastFiredMs > 0 && tsMs - r.lastFiredMs < qint64(r.cooldownSeconds) * 1000)
        return;
    ++r.timesFired;
    r.lastFiredMs = tsMs;
    if (r.repeat == Repeat::Once) {
        disarm(slot);
        r.enabled = false;
    }
    Firing f = firing(e);
    f.price = price;
    f.changePct = change;
    f.bid = bid;
    f.ask = ask;
    f.timeMs = tsMs;
    out->fired.push_back(std::move(f));
}

void RuleBook::Impl::evaluateField(FieldState &fs, double v, double bid, double ask, qint64 tsMs, Evaluation *out)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    if (fs.history) {
        fs.history->record(tsMs, v);
        for (auto &[window, g] : fs.windows) {
            const std::optional<double> then = fs.history->valueBefore(tsMs, window);
            g.newChange = then && *then > 0 ? std::round((v - *then) / *then * 100 * 1e9) / 1e9 : nan;
        }
    }

    // Rules armed since the last tick that were already true: the walk below sees edges only.
    if (fs.pendingLive > 0) {
        std::vector<std::pair<Slot, quint32>> pending;
        pending.swap(fs.pending);
        for (const auto &[slot, generation] : pending) {
            Entry &e = entries[slot];
            if (!e.live || !e.pending || e.armGeneration != generation)
                continue;
            e.pending = false;
            --fs.pendingLive;
            const AlertRule &r = e.rule;
            bool fires = false;
            double change = 0;
            if (r.condition == Condition::ChangePct) {
                const WindowGroup &g = fs.windows[r.windowSeconds];
                change = g.newChange;
                // No change before (NaN): the walk fires every rule already true.
                fires = !std::isnan(g.prevChange) && !std::isnan(change) && holds(r.condition, r.value, g.prevChange)
                    && holds(r.condition, r.value, change);
            } else {
                fires = holds(r.condition, r.value, v) && (!fs.hasCur || holds(r.condition, r.value, fs.cur));
            }
            if (fires)
                fire(slot, v, change, bid, ask, tsMs, out);
        }
        pending.clear();
        if (fs.pending.empty())
            fs.pending.swap(pending); // keep the capacity
    }

    // The walk: collect first (a once rule leaves its map when it fires), then fire.
    std::vector<Slot> &found = scratch;
    found.clear();
    if (fs.hasCur && v != fs.cur) {
        const double cur = fs.cur;
        if (v > cur) {
            collect(fs.above.lower_bound(cur), fs.above.lower_bound(v), &found);
            const bool throughCur = fs.hasPrev && fs.prev < cur;
            collect(throughCur ? fs.crosses.lower_bound(cur) : fs.crosses.upper_bound(cur), fs.crosses.lower_bound(v),
                    &found);
        } else {
            collect(fs.below.upper_bound(v), fs.below.upper_bound(cur), &found);
            const bool throughCur = fs.hasPrev && fs.prev > cur;
            collect(fs.crosses.upper_bound(v), throughCur ? fs.crosses.upper_bound(cur) : fs.crosses.lower_bound(cur),
                    &found);
        }
    }
    const size_t priceRules = found.size();
    for (auto &[window, g] : fs.windows) {
        const double c = g.newChange, p = g.prevChange;
        if (std::isnan(c))
            continue;
        if (std::isnan(p)) { // the first change of this window: every rule already true
            collect(g.up.begin(), g.up.upper_bound(c), &found);
            collect(g.down.lower_bound(c), g.down.end(), &found);
        } else if (c > p) {
            collect(g.up.upper_bound(p), g.up.upper_bound(c), &found);
        } else if (c < p) {
            collect(g.down.lower_bound(c), g.down.lower_bound(p), &found);
        }
    }
    // fire() may grow `scratch` no further (it never arms), so the indices stay valid.
    for (size_t i = 0; i < found.size(); ++i) {
        const Slot slot = found[i];
        const double change = i < priceRules ? 0 : fs.windows[entries[slot].rule.windowSeconds].newChange;
        fire(slot, v, change, bid, ask, tsMs, out);
    }

    if (!fs.hasCur) {
        fs.cur = v;
        fs.hasCur = true;
    } else if (v != fs.cur) {
        fs.prev = fs.cur;
        fs.hasPrev = true;
        fs.cur = v;
    }
    for (auto &[window, g] : fs.windows)
        g.prevChange = g.newChange;
}

void RuleBook::Impl::sweep(qint64 nowMs, std::vector<Firing> *out)
{
    auto &heap = expiryHeap;
    while (!heap.empty() && heap.front().expiresAtMs <= nowMs) {
        const ExpiryItem item = heap.front();
        std::pop_heap(heap.begin(), heap.end(), std::greater<>());
        heap.pop_back();
        const Entry &e = entries[item.slot];
        if (!e.live || e.seq != item.seq)
            continue; // deleted before it expired
        Firing f = firing(e);
        f.timeMs = nowMs;
        out->push_back(std::move(f));
        release(item.slot);
    }
    if (heap.size() > size_t(2 * expiringLive + 64)) {
        std::erase_if(heap, [this](const ExpiryItem &i) {
            const Entry &e = entries[i.slot];
            return !e.live || e.seq != i.seq;
        });
        std::make_heap(heap.begin(), heap.end(), std::greater<>());
    }
}

Evaluation RuleBook::evaluate(int pairIndex, double bid, double ask, qint64 tsMs)
{
    Evaluation out;
    d->sweep(tsMs, &out.expired);
    if (pairIndex < 0 || size_t(pairIndex) >= d->fields.size() || !std::isfinite(bid) || !std::isfinite(ask) || bid <= 0
        || ask <= 0)
        return out;
    // A tick older than the pair's last is taken at the last one's time: the history, the
    // cooldowns and the windows only move forward.
    qint64 &pairTime = d->pairTime[size_t(pairIndex)];
    pairTime = std::max(pairTime, tsMs);
    tsMs = pairTime;
    auto &fields = d->fields[size_t(pairIndex)];
    const double values[kFieldCount] = {bid, ask, roundTo10Decimals((bid + ask) / 2), roundTo10Decimals(ask - bid)};
    for (int f = 0; f < kFieldCount; ++f)
        d->evaluateField(fields[size_t(f)], values[f], bid, ask, tsMs, &out);
    return out;
}

Evaluation RuleBook::evaluate(QStringView pair, double bid, double ask, qint64 tsMs)
{
    return evaluate(m_instruments.lookup(pair), bid, ask, tsMs);
}

std::vector<Firing> RuleBook::expire(qint64 nowMs)
{
    std::vector<Firing> out;
    d->sweep(nowMs, &out);
    return out;
}

} // namespace fx::rules
