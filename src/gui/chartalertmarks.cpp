#include "gui/chartalertmarks.h"

#include "gui/theme.h"

#include <QChart>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace fx::gui {

bool ChartAlertMarks::add(const AlertMark &mark, const QString &pair)
{
    if (mark.pair != pair && mark.pairB != pair)
        return false;
    m_marks.append(mark);
    if (m_marks.size() > m_max)
        m_marks.remove(0, m_marks.size() - m_max);
    return true;
}

void ChartAlertMarks::merge(const QVector<AlertMark> &stored)
{
    for (const AlertMark &a : stored) {
        const bool known = std::any_of(m_marks.cbegin(), m_marks.cend(),
                                       [&](const AlertMark &m) { return m.ms == a.ms && m.text == a.text; });
        if (!known)
            m_marks.append(a);
    }
    std::sort(m_marks.begin(), m_marks.end(), [](const AlertMark &a, const AlertMark &b) { return a.ms < b.ms; });
}

void ChartAlertMarks::paint(QPainter *painter, QChart *chart, QAbstractSeries *series, qint64 loMs, qint64 hiMs,
                            double yMin) const
{
    const QRectF plot = chart->plotArea();
    for (const AlertMark &m : m_marks) {
        if (m.ms < loMs || m.ms > hiMs)
            continue;
        const QPointF p = chart->mapToPosition(QPointF(double(m.ms), yMin), series);
        const double x = chart->mapToScene(p).x(), y = chart->mapToScene(plot.bottomLeft()).y();
        QPainterPath tri;
        tri.moveTo(x, y - 11);
        tri.lineTo(x - 6, y - 1);
        tri.lineTo(x + 6, y - 1);
        tri.closeSubpath();
        const QColor c = Theme::severity(m.severity);
        painter->fillPath(tri, c);
        painter->setPen(QPen(c.darker(150), 1));
        painter->drawPath(tri);
        QColor line = c;
        line.setAlpha(70);
        painter->setPen(QPen(line, 1, Qt::DotLine));
        painter->drawLine(QPointF(x, chart->mapToScene(plot.topLeft()).y()), QPointF(x, y - 11));
    }
}

const AlertMark *ChartAlertMarks::at(QChart *chart, QAbstractSeries *series, double yMin, const QPointF &chartPos) const
{
    const QRectF plot = chart->plotArea();
    for (const AlertMark &m : m_marks) {
        const QPointF p = chart->mapToPosition(QPointF(double(m.ms), yMin), series);
        if (std::abs(p.x() - chartPos.x()) <= 6 && chartPos.y() >= plot.bottom() - 16)
            return &m;
    }
    return nullptr;
}

} // namespace fx::gui
