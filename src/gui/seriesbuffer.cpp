#include "gui/seriesbuffer.h"

#include <algorithm>
#include <limits>

namespace fx::gui {

void SeriesBuffer::setSpanMs(qint64 spanMs)
{
    m_span = spanMs;
    trim();
}

void SeriesBuffer::append(const ChartPoint &p)
{
    if (!m_points.isEmpty() && p.t < m_points.constLast().t)
        return;
    m_points.append(p);
    if (m_points.size() > m_max || p.t - m_points.constFirst().t > m_span + m_span / 10)
        trim();
}

void SeriesBuffer::append(const QVector<ChartPoint> &points)
{
    m_points.reserve(m_points.size() + points.size());
    for (const ChartPoint &p : points)
        if (m_points.isEmpty() || p.t >= m_points.constLast().t)
            m_points.append(p);
    trim();
}

void SeriesBuffer::prepend(const QVector<ChartPoint> &history)
{
    if (history.isEmpty())
        return;
    const qint64 firstLive = m_points.isEmpty() ? std::numeric_limits<qint64>::max() : m_points.constFirst().t;
    QVector<ChartPoint> merged;
    merged.reserve(history.size() + m_points.size());
    for (const ChartPoint &p : history)
        if (p.t < firstLive && (merged.isEmpty() || p.t >= merged.constLast().t))
            merged.append(p);
    merged += m_points;
    m_points.swap(merged);
    trim();
}

void SeriesBuffer::trim()
{
    if (m_points.isEmpty())
        return;
    // Older than the span (with 10 % slack for panning): dropped.
    const qint64 oldest = m_points.constLast().t - m_span - m_span / 10;
    const auto firstKept = std::lower_bound(m_points.cbegin(), m_points.cend(), oldest,
                                            [](const ChartPoint &p, qint64 t) { return p.t < t; });
    if (firstKept != m_points.cbegin())
        m_points.remove(0, firstKept - m_points.cbegin());
    // Too many: the older half keeps every other point, until the whole fits.
    while (m_points.size() > m_max) {
        const qsizetype half = m_points.size() / 2;
        qsizetype out = 0;
        for (qsizetype i = 0; i < half; i += 2)
            m_points[out++] = m_points.at(i);
        for (qsizetype i = half; i < m_points.size(); ++i)
            m_points[out++] = m_points.at(i);
        m_points.resize(out);
        ++m_decimations;
    }
}

void CandleBuffer::setPeriod(qint64 periodMs, int maxCandles)
{
    if (periodMs != m_period)
        m_candles.clear();
    m_period = periodMs;
    m_max = maxCandles;
    trim();
}

void CandleBuffer::addTick(qint64 t, double mid)
{
    const qint64 start = t - ((t % m_period) + m_period) % m_period;
    if (!m_candles.isEmpty() && start < m_candles.constLast().start)
        return; // late tick of a closed candle
    if (m_candles.isEmpty() || start > m_candles.constLast().start) {
        m_candles.append(Candle{start, mid, mid, mid, mid});
        trim();
        return;
    }
    Candle &c = m_candles.last();
    c.high = std::max(c.high, mid);
    c.low = std::min(c.low, mid);
    c.close = mid;
}

void CandleBuffer::prependBars(const QVector<Candle> &minuteBars)
{
    QVector<Candle> grouped;
    const qint64 firstLive = m_candles.isEmpty() ? std::numeric_limits<qint64>::max() : m_candles.constFirst().start;
    for (const Candle &b : minuteBars) {
        const qint64 start = b.start - ((b.start % m_period) + m_period) % m_period;
        if (start >= firstLive)
            break;
        if (!grouped.isEmpty() && grouped.constLast().start == start) {
            Candle &c = grouped.last();
            c.high = std::max(c.high, b.high);
            c.low = std::min(c.low, b.low);
            c.close = b.close;
        } else if (grouped.isEmpty() || start > grouped.constLast().start) {
            grouped.append(Candle{start, b.open, b.high, b.low, b.close});
        }
    }
    grouped += m_candles;
    m_candles.swap(grouped);
    trim();
}

void CandleBuffer::trim()
{
    if (m_candles.size() > m_max)
        m_candles.remove(0, m_candles.size() - m_max);
}

} // namespace fx::gui
