#include "storage/baraggregator.h"

#include <QHash>
#include <algorithm>

namespace fx::storage {

qint64 BarAggregator::minuteOf(qint64 micros)
{
    qint64 m = micros / kMinuteMicros;
    if (micros % kMinuteMicros < 0)
        --m;
    return m * kMinuteMicros;
}

BarDelta BarAggregator::merge(const BarDelta &stored, const BarDelta &later)
{
    BarDelta r = stored;
    if (later.openTimeMicros < stored.openTimeMicros) {
        r.open = later.open;
        r.openTimeMicros = later.openTimeMicros;
    }
    if (later.closeTimeMicros >= stored.closeTimeMicros) {
        r.close = later.close;
        r.closeTimeMicros = later.closeTimeMicros;
    }
    r.high = std::max(stored.high, later.high);
    r.low = std::min(stored.low, later.low);
    r.tickCount = stored.tickCount + later.tickCount;
    return r;
}

QList<BarDelta> BarAggregator::aggregate(const QList<TickRecord> &ticks)
{
    QList<BarDelta> bars;
    QHash<QString, QHash<qint64, qsizetype>> index; // pair -> minute -> position in bars
    for (const TickRecord &t : ticks) {
        BarDelta one;
        one.pair = t.pair;
        one.minuteMicros = minuteOf(t.quotedAtMicros);
        one.open = one.high = one.low = one.close = t.mid;
        one.tickCount = 1;
        one.openTimeMicros = one.closeTimeMicros = t.quotedAtMicros;
        auto &minutes = index[t.pair];
        const auto it = minutes.constFind(one.minuteMicros);
        if (it == minutes.constEnd()) {
            minutes.insert(one.minuteMicros, bars.size());
            bars.append(one);
        } else {
            bars[*it] = merge(bars[*it], one);
        }
    }
    return bars;
}

} // namespace fx::storage
