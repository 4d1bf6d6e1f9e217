#pragma once

// A price chart's series and axes: bid, ask and mid lines, or candlesticks of the mid, on a time
// axis (bottom) and a price axis (right), with pens that follow the theme. Thin cosmetic pens
// keep drawing cheap; the candlesticks follow a CandleBuffer changing only the candles that
// changed. The chart owns the series and axes. GUI thread.

#include "gui/seriesbuffer.h"

#include <QList>

class QCandlestickSeries;
class QCandlestickSet;
class QChart;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace fx::gui {

class PriceSeries
{
    Q_DISABLE_COPY_MOVE(PriceSeries)

public:
    explicit PriceSeries(QChart *chart);
    ~PriceSeries();

    QDateTimeAxis *x() const { return m_x; }
    QValueAxis *y() const { return m_y; }
    // The series the chart's coordinates are mapped through (attached in both modes).
    QLineSeries *mid() const { return m_mid; }

    void applyTheme();
    // Lines or candlesticks; the legend shows only what is drawn.
    void showLines(bool lines);
    // The lines from these points (a point without bid or ask has no point on that line).
    void setLines(const QVector<ChartPoint> &points);
    // The candlesticks from these candles of periodMs; the mid line holds nothing meanwhile.
    void setCandles(const QVector<Candle> &candles, qint64 periodMs);
    void clearCandles();

private:
    QChart *m_chart;
    QLineSeries *m_bid;
    QLineSeries *m_ask;
    QLineSeries *m_mid;
    QCandlestickSeries *m_candles;
    QList<QCandlestickSet *> m_sets; // mirrors the candles last set
    QDateTimeAxis *m_x;
    QValueAxis *m_y;
};

} // namespace fx::gui
