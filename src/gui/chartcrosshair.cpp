#include "gui/chartcrosshair.h"

#include "gui/format.h"

#include <QApplication>
#include <QChartView>
#include <QDateTime>
#include <QPainter>

namespace fx::gui {

void ChartCrosshair::show(const QPointF &viewPos, const QPointF &value, int decimals)
{
    m_cursor = viewPos;
    const qint64 micros = qint64(value.x()) * 1000;
    const QString utc =
        QDateTime::fromMSecsSinceEpoch(qint64(value.x()), Qt::UTC).toString(QStringLiteral("HH:mm:ss 'UTC'"));
    m_text =
        QStringLiteral("%1 · %2 (%3)").arg(QLocale().toString(value.y(), 'f', decimals), fmt::localTimeMs(micros), utc);
}

bool ChartCrosshair::hide()
{
    const bool wasShown = !m_text.isEmpty();
    m_cursor = QPointF(-1, -1);
    m_text.clear();
    return wasShown;
}

void ChartCrosshair::paint(QPainter *painter, QChartView *view) const
{
    if (!isShown())
        return;
    QChart *chart = view->chart();
    const QRectF plot = chart->plotArea();
    const QPointF s = view->mapToScene(m_cursor.toPoint());
    const QRectF sp(chart->mapToScene(plot.topLeft()), chart->mapToScene(plot.bottomRight()));
    QColor c = QApplication::palette().color(QPalette::Text);
    c.setAlpha(150);
    painter->setPen(QPen(c, 1, Qt::DashLine));
    painter->drawLine(QPointF(sp.left(), s.y()), QPointF(sp.right(), s.y()));
    painter->drawLine(QPointF(s.x(), sp.top()), QPointF(s.x(), sp.bottom()));
    QFont f = fmt::numberFont();
    painter->setFont(f);
    const QFontMetrics fm(f);
    QRectF box = fm.boundingRect(m_text).adjusted(-5, -3, 5, 3);
    box.moveTopLeft(QPointF(s.x() + 10, s.y() - box.height() - 6));
    if (box.right() > sp.right())
        box.moveRight(s.x() - 10);
    if (box.top() < sp.top())
        box.moveTop(s.y() + 6);
    painter->setPen(QPen(c, 1));
    painter->setBrush(QApplication::palette().color(QPalette::ToolTipBase));
    painter->drawRoundedRect(box, 3, 3);
    painter->setPen(QApplication::palette().color(QPalette::ToolTipText));
    painter->drawText(box, Qt::AlignCenter, m_text);
}

} // namespace fx::gui
