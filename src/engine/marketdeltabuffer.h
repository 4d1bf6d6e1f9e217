#pragma once

// Live market data for the desktop app, coalesced. The Redis thread calls add() with every
// batch (cheap: a mutex, a few copies); the GUI thread calls take() on its refresh timer
// (at most 20 times a second) and gets what changed since the last call: the newest quote of
// each pair that ticked, the ticks for the charts (bounded per pair), and every alert and
// notice (bounded; the oldest are dropped first and counted).

#include "core/instruments.h"
#include "core/marketdata.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QVector>
#include <atomic>

namespace fx::engine {

struct TickPoint
{
    qint64 timeMs = 0; // quote time, ms since the epoch (UTC)
    double bid = 0;
    double ask = 0;
    double mid = 0;
};

struct MarketDelta
{
    QHash<int, core::PriceTick> quotes; // pair index -> newest tick since the last take()
    QHash<int, QVector<TickPoint>> ticks; // pair index -> ticks since the last take(), in order
    QList<core::MarketEvent> alerts; // volatility and correlation alerts, in order
    QList<core::DataReady> notices;
    quint64 tickCount = 0; // ticks in this delta (all pairs)
    quint64 droppedTicks = 0; // chart points dropped because the GUI fell behind
    bool isEmpty() const { return quotes.isEmpty() && alerts.isEmpty() && notices.isEmpty(); }
};

class MarketDeltaBuffer
{
public:
    static constexpr int kMaxTicksPerPair = 4000;
    static constexpr int kMaxAlerts = 10000;

    explicit MarketDeltaBuffer(const core::InstrumentSet &instruments) : m_instruments(instruments) {}
    const core::InstrumentSet &instruments() const { return m_instruments; }

    // Any thread.
    void add(const QList<core::MarketEvent> &events);
    // Off: add() keeps nothing (the headless server, where no window takes the deltas: up to
    // 4,000 chart points per pair and 10,000 alerts would otherwise fill up for nobody).
    void setEnabled(bool on) { m_enabled.store(on, std::memory_order_relaxed); }
    // Warm-up prices (quotes only, no chart points).
    void addQuotes(const QList<core::MarketEvent> &prices);
    // The GUI thread.
    MarketDelta take();

private:
    const core::InstrumentSet m_instruments;
    QMutex m_mutex;
    MarketDelta m_pending;
    std::atomic<bool> m_enabled{true};
};

} // namespace fx::engine
