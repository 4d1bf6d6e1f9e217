#pragma once

// One-minute OHLC bars of mid prices, built from a batch of ticks before it is written. Pure.
//
// A minute may be spread over several batches (and ticks may arrive out of order), so each
// bar carries the quote times of its first and last tick; the database merges a new partial
// bar into a stored one with the same rule as merge(): open of the earliest tick, close of the
// latest (a tie goes to the later arrival), high/low the extremes, counts added.

#include "storage/storagetypes.h"

#include <QList>

namespace fx::storage {

struct BarDelta
{
    QString pair;
    qint64 minuteMicros = 0;
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    qint64 tickCount = 0;
    qint64 openTimeMicros = 0;
    qint64 closeTimeMicros = 0;
};

class BarAggregator
{
public:
    static constexpr qint64 kMinuteMicros = 60LL * 1000 * 1000;

    // Start of the UTC minute holding micros.
    static qint64 minuteOf(qint64 micros);
    // Bars of the ticks, one per (pair, minute), in order of first appearance.
    static QList<BarDelta> aggregate(const QList<TickRecord> &ticks);
    // later: a partial bar of the same pair and minute that arrived after stored.
    static BarDelta merge(const BarDelta &stored, const BarDelta &later);
};

} // namespace fx::storage
