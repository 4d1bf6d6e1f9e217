#include "gui/chartfeedgaps.h"

#include "gui/theme.h"

#include <QChart>
#include <QCoreApplication>
#include <QPainter>
#include <algorithm>

namespace fx::gui {

static qint64 endMs(const engine::FeedOutage &o, qint64 hiMs)
{
    return o.endMicros ? o.endMicros / 1000 : hiMs; // still going on: up to the right edge
}

bool ChartFeedGaps::set(const QList<engine::FeedOutage> &outages)
{
    const bool same = outages.size() == m_outages.size()
        && std::equal(outages.begin(), outages.end(), m_outages.begin(),
                      [](const engine::FeedOutage &a, const engine::FeedOutage &b) {
                          return a.startMicros == b.startMicros && a.endMicros == b.endMicros;
                      });
    if (same)
        return false;
    m_outages = outages;
    return true;
}

int ChartFeedGaps::visible(qint64 loMs, qint64 hiMs) const
{
    return int(std::count_if(m_outages.begin(), m_outages.end(), [&](const engine::FeedOutage &o) {
        return o.startMicros / 1000 <= hiMs && endMs(o, hiMs) >= loMs;
    }));
}

void ChartFeedGaps::paint(QPainter *painter, QChart *chart, QAbstractSeries *series, qint64 loMs, qint64 hiMs,
                          double yMin) const
{
    const QRectF plot = chart->plotArea();
    const double top = chart->mapToScene(plot.topLeft()).y();
    const double bottom = chart->mapToScene(plot.bottomLeft()).y();
    const double left = chart->mapToScene(plot.topLeft()).x();
    const double right = chart->mapToScene(plot.topRight()).x();
    QColor fill = Theme::stale();
    fill.setAlpha(70);
    QColor edge = Theme::error();
    edge.setAlpha(160);
    for (const engine::FeedOutage &o : m_outages) {
        const qint64 start = o.startMicros / 1000, end = endMs(o, hiMs);
        if (start > hiMs || end < loMs)
            continue;
        auto x = [&](qint64 ms) {
            return chart->mapToScene(chart->mapToPosition(QPointF(double(std::clamp(ms, loMs, hiMs)), yMin), series))
                .x();
        };
        const double x0 = std::max(left, x(start)), x1 = std::min(right, std::max(x(end), x0 + 2)); // at least 2 px
        const QRectF band(QPointF(x0, top), QPointF(x1, bottom));
        painter->fillRect(band, fill);
        painter->setPen(QPen(edge, 1, Qt::DashLine));
        if (start >= loMs)
            painter->drawLine(QPointF(x0, top), QPointF(x0, bottom));
        if (o.endMicros && end <= hiMs)
            painter->drawLine(QPointF(x1, top), QPointF(x1, bottom));
        const QString label = QCoreApplication::translate("fx::gui::ChartFeedGaps", "Feed down");
        if (band.width() > painter->fontMetrics().horizontalAdvance(label) + 8) {
            painter->setPen(edge);
            painter->drawText(band.adjusted(4, 4, -4, -4), Qt::AlignTop | Qt::AlignHCenter, label);
        }
    }
}

} // namespace fx::gui
