#include "rules/pricehistory.h"

#include <algorithm>

namespace fx::rules {

void PriceHistory::Ring::record(qint64 bucket, double value)
{
    const qint64 n = qint64(slots.size());
    if (last < 0) {
        first = last = bucket;
    } else if (bucket > last) {
        // Seconds (minutes) without a tick keep the value before them.
        const double carried = slots[size_t(last % n)];
        for (qint64 b = std::max(last + 1, bucket - n + 1); b < bucket; ++b)
            slots[size_t(b % n)] = carried;
        last = bucket;
        first = std::max(first, last - n + 1);
    } else if (bucket < last) {
        return; // an older tick: the history keeps time's order
    }
    slots[size_t(bucket % n)] = value;
}

std::optional<double> PriceHistory::Ring::at(qint64 bucket) const
{
    if (last < 0 || bucket < first)
        return std::nullopt;
    return slots[size_t(std::min(bucket, last) % qint64(slots.size()))];
}

void PriceHistory::record(qint64 tsMs, double value)
{
    if (tsMs < 0)
        return;
    m_seconds.record(tsMs / m_seconds.unitMs, value);
    m_minutes.record(tsMs / m_minutes.unitMs, value);
}

std::optional<double> PriceHistory::valueBefore(qint64 tsMs, int windowSeconds) const
{
    const qint64 target = tsMs - qint64(windowSeconds) * 1000;
    if (target < 0)
        return std::nullopt;
    const Ring &ring = windowSeconds <= kSecondResolutionUpTo ? m_seconds : m_minutes;
    return ring.at(target / ring.unitMs);
}

} // namespace fx::rules
