#pragma once

// RuleBook's private state (rulebook.cpp: rules and owners; ruleevaluation.cpp: the index and
// evaluate()). Not part of the module's interface.

#include "rules/pricehistory.h"
#include "rules/rulebook.h"

#include <QHash>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <vector>

namespace fx::rules {

using Slot = quint32;
// Thresholds of one kind of rule, sorted; each armed rule holds the iterator of its node.
using ThresholdMap = std::multimap<double, Slot>;

// change_pct rules of one window on one pair and field: their change thresholds, rising (value > 0)
// and falling (value < 0), and the change the last tick saw (NaN: the window had no data).
struct WindowGroup
{
    ThresholdMap up;
    ThresholdMap down;
    double prevChange = std::numeric_limits<double>::quiet_NaN();
    double newChange = std::numeric_limits<double>::quiet_NaN(); // during evaluate()
    int rules = 0; // rules of the book (enabled or not) with this window
};

struct FieldState
{
    ThresholdMap above;
    ThresholdMap below;
    ThresholdMap crosses;
    std::map<int, WindowGroup> windows; // by window_seconds
    std::unique_ptr<PriceHistory> history; // from the first change_pct rule on
    bool hasCur = false; // cur: the field's value now; prev: the value before the run of ticks
    bool hasPrev = false; // equal to cur began (for crosses' ties)
    double cur = 0;
    double prev = 0;
    // Rules armed since the last tick (above, below, change_pct): checked once on the next tick
    // for "already true". (slot, arm generation); stale pairs are skipped and compacted.
    std::vector<std::pair<Slot, quint32>> pending;
    int pendingLive = 0;
};

struct Entry
{
    AlertRule rule;
    QString owner; // Owner::identity()
    Owner holder; // who receives its alerts (setHandle() updates it)
    quint64 seq = 0; // unique per rule set, in the order they were set
    quint32 armGeneration = 0;
    bool live = false;
    bool armed = false; // in its threshold map
    bool pending = false;
    ThresholdMap::iterator pos;
};

struct OwnerRecord
{
    Owner owner;
    std::map<quint64, Slot> rules; // by seq
};

struct ExpiryItem
{
    qint64 expiresAtMs;
    Slot slot;
    quint64 seq;
    bool operator>(const ExpiryItem &o) const { return expiresAtMs > o.expiresAtMs; }
};

struct RuleBook::Impl
{
    std::vector<Entry> entries;
    std::vector<Slot> freeSlots;
    QHash<QString, Slot> byId;
    QHash<QString, OwnerRecord> owners;
    std::vector<std::array<FieldState, kFieldCount>> fields; // per pair index
    std::vector<qint64> pairTime; // per pair index: the latest tick time seen (0: none)
    std::vector<ExpiryItem> expiryHeap; // min-heap (std::greater)
    int expiringLive = 0;
    int live = 0;
    quint64 nextNumber = 1;
    quint64 nextSeq = 1;
    std::vector<Slot> scratch;

    FieldState &state(const AlertRule &r) { return fields[size_t(r.pairIndex)][size_t(r.field)]; }
    ThresholdMap &mapOf(const AlertRule &r);
    void arm(Slot slot);
    void disarm(Slot slot);
    void release(Slot slot); // removes the rule from the book entirely
    Firing firing(const Entry &e) const;
    void fire(Slot slot, double price, double change, double bid, double ask, qint64 tsMs, Evaluation *out);
    void evaluateField(FieldState &fs, double v, double bid, double ask, qint64 tsMs, Evaluation *out);
    void sweep(qint64 nowMs, std::vector<Firing> *out);
};

inline double roundTo10Decimals(double x)
{
    return std::round(x * 1e10) / 1e10;
}

} // namespace fx::rules
