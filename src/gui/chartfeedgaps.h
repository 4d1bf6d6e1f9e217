#pragma once

// Outages of the market data feed on a price chart's time axis: each span during which the
// Redis subscriber had no connection (engine::EngineStatus::feedOutages) is shaded over the
// plot, with "Feed down" written at its top, so a flat stretch of line reads as "no data" and
// not as "a quiet market". An outage still going on reaches the right edge. GUI thread.

#include "engine/enginestatus.h"

#include <QList>

class QAbstractSeries;
class QChart;
class QPainter;

namespace fx::gui {

class ChartFeedGaps
{
public:
    // True when the list differs from the one held (the chart then redraws).
    bool set(const QList<engine::FeedOutage> &outages);
    int size() const { return int(m_outages.size()); }
    // The outages overlapping [loMs, hiMs], shaded in the plot area of series' chart.
    void paint(QPainter *painter, QChart *chart, QAbstractSeries *series, qint64 loMs, qint64 hiMs, double yMin) const;
    // How many outages overlap [loMs, hiMs] (what paint() shades).
    int visible(qint64 loMs, qint64 hiMs) const;

private:
    QList<engine::FeedOutage> m_outages;
};

} // namespace fx::gui
