#pragma once

// Bounded chart data, pure (no widgets, no threads): what a chart keeps between redraws.
//
// SeriesBuffer holds bid/ask/mid points in time order, drops points older than its span, and
// when it holds more than maxPoints halves the density of its older half (keeps every other
// point there), so recent data stays at full resolution and memory and drawing cost are
// bounded whatever the tick rate. CandleBuffer aggregates mids into fixed-period OHLC candles,
// bounded to the span.

#include <QVector>
#include <QtGlobal>

#include <algorithm>

namespace fx::gui {

struct ChartPoint
{
    qint64 t = 0; // ms since the epoch (UTC)
    double bid = 0;
    double ask = 0;
    double mid = 0;
};

class SeriesBuffer
{
public:
    explicit SeriesBuffer(int maxPoints = 2000, qint64 spanMs = 300'000)
        : m_max(std::max(16, maxPoints))
        , m_span(spanMs)
    {
    }

    void setSpanMs(qint64 spanMs);
    qint64 spanMs() const { return m_span; }
    int maxPoints() const { return m_max; }
    // Points in time order; older than the newest point held are skipped.
    void append(const QVector<ChartPoint> &points);
    void append(const ChartPoint &p);
    // History (oldest first) placed before what is held, keeping what arrived live.
    void prepend(const QVector<ChartPoint> &history);
    void clear() { m_points.clear(); }
    const QVector<ChartPoint> &points() const { return m_points; }
    bool isEmpty() const { return m_points.isEmpty(); }
    quint64 decimations() const { return m_decimations; }

private:
    void trim();

    QVector<ChartPoint> m_points;
    int m_max;
    qint64 m_span;
    quint64 m_decimations = 0;
};

struct Candle
{
    qint64 start = 0; // ms, start of the period
    double open = 0, high = 0, low = 0, close = 0;
};

class CandleBuffer
{
public:
    CandleBuffer(qint64 periodMs = 60'000, int maxCandles = 300) : m_period(periodMs), m_max(maxCandles) {}

    void setPeriod(qint64 periodMs, int maxCandles);
    qint64 periodMs() const { return m_period; }
    void addTick(qint64 t, double mid);
    // Stored one-minute bars (oldest first), regrouped into this buffer's period; live
    // candles at or after the last bar's period are kept.
    void prependBars(const QVector<Candle> &minuteBars);
    void clear() { m_candles.clear(); }
    const QVector<Candle> &candles() const { return m_candles; }

private:
    void trim();

    QVector<Candle> m_candles;
    qint64 m_period;
    int m_max;
};

} // namespace fx::gui
