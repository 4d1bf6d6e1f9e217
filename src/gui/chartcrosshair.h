#pragma once

// A price chart's crosshair: dashed lines through the mouse over the plot, and a readout of the
// price and time there ("1.08412 · 12:03:04 (11:03:04 UTC)") in a box beside the cursor that
// stays inside the plot. GUI thread.

#include <QPointF>
#include <QString>

class QChartView;
class QPainter;

namespace fx::gui {

class ChartCrosshair
{
public:
    // At viewPos (view coordinates), over value (time in ms, price) shown with decimals.
    void show(const QPointF &viewPos, const QPointF &value, int decimals);
    // Returns whether it was shown.
    bool hide();
    bool isShown() const { return m_cursor.x() >= 0 && !m_text.isEmpty(); }
    // Empty when not shown.
    const QString &text() const { return m_text; }
    void paint(QPainter *painter, QChartView *view) const;

private:
    QPointF m_cursor{-1, -1}; // view coordinates; negative: no crosshair
    QString m_text;
};

} // namespace fx::gui
