#include "engine/marketdeltabuffer.h"

namespace fx::engine {

void MarketDeltaBuffer::add(const QList<core::MarketEvent> &events)
{
    if (!m_enabled.load(std::memory_order_relaxed))
        return;
    QMutexLocker lock(&m_mutex);
    for (const core::MarketEvent &e : events) {
        if (const auto *t = std::get_if<core::PriceTick>(&e)) {
            m_pending.quotes.insert(t->index, *t);
            QVector<TickPoint> &series = m_pending.ticks[t->index];
            if (series.size() >= kMaxTicksPerPair) {
                series.removeFirst();
                ++m_pending.droppedTicks;
            }
            series.append(TickPoint{t->timeMicros / 1000, t->bid, t->ask, t->mid});
            ++m_pending.tickCount;
        } else if (const auto *d = std::get_if<core::DataReady>(&e)) {
            if (m_pending.notices.size() < 1000)
                m_pending.notices.append(*d);
        } else {
            if (m_pending.alerts.size() >= kMaxAlerts)
                m_pending.alerts.removeFirst();
            m_pending.alerts.append(e);
        }
    }
}

void MarketDeltaBuffer::addQuotes(const QList<core::MarketEvent> &prices)
{
    QMutexLocker lock(&m_mutex);
    for (const core::MarketEvent &e : prices)
        if (const auto *t = std::get_if<core::PriceTick>(&e); t && !m_pending.quotes.contains(t->index))
            m_pending.quotes.insert(t->index, *t);
}

MarketDelta MarketDeltaBuffer::take()
{
    QMutexLocker lock(&m_mutex);
    MarketDelta out;
    std::swap(out, m_pending);
    return out;
}

} // namespace fx::engine
