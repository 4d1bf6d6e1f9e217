#pragma once

// The recent values of one pair's field for change_pct rules: the last value of each second for
// the last hour and of each minute for the last day, in two fixed rings (about 40 KiB), so that
// "the value window_seconds ago" is one array read. Recording is O(1) per tick, amortised over
// the seconds a gap between ticks fills. Plain value type: one thread at a time.

#include <QtGlobal>
#include <optional>
#include <vector>

namespace fx::rules {

class PriceHistory
{
public:
    // Windows up to this many seconds are read at one-second resolution, longer ones at one minute.
    static constexpr int kSecondResolutionUpTo = 3600;

    void record(qint64 tsMs, double value);
    // The last value recorded at or before the second (or, for windows over an hour, the minute)
    // of `tsMs - windowSeconds`; nullopt while the history does not reach back that far.
    std::optional<double> valueBefore(qint64 tsMs, int windowSeconds) const;

private:
    struct Ring
    {
        Ring(qint64 size, qint64 unitMs) : slots(size), unitMs(unitMs) {}
        void record(qint64 bucket, double value);
        std::optional<double> at(qint64 bucket) const;
        std::vector<double> slots;
        qint64 unitMs;
        qint64 first = -1; // oldest bucket still held
        qint64 last = -1; // newest bucket written
    };
    Ring m_seconds{kSecondResolutionUpTo + 2, 1000};
    Ring m_minutes{86400 / 60 + 2, 60000};
};

} // namespace fx::rules
