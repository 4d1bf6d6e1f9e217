#pragma once

// The alerts marked on a price chart's time axis: volatility and correlation alerts involving the
// chart's pair, as triangles in their severity's colour with a dotted line up the plot, at most
// a bounded number (the oldest go first). Stored alerts merge with live ones without doubles.
// GUI thread.

#include <QString>
#include <QVector>

class QAbstractSeries;
class QChart;
class QPainter;
class QPointF;

namespace fx::gui {

struct AlertMark
{
    qint64 ms = 0;
    QString severity;
    QString text;
    QString pair;
    QString pairB;
};

class ChartAlertMarks
{
public:
    explicit ChartAlertMarks(int maxMarks) : m_max(maxMarks) {}

    int size() const { return int(m_marks.size()); }
    void clear() { m_marks.clear(); }
    // A live alert; kept when it involves pair. Returns whether it was kept.
    bool add(const AlertMark &mark, const QString &pair);
    // Alerts read from storage: those not held yet join, in time order.
    void merge(const QVector<AlertMark> &stored);

    // The triangles of the alerts between loMs and hiMs, on the time axis of series' chart (scene
    // coordinates); yMin is the value axis' minimum.
    void paint(QPainter *painter, QChart *chart, QAbstractSeries *series, qint64 loMs, qint64 hiMs, double yMin) const;
    // The mark under chartPos (chart coordinates: within 6 px of its time, near the axis), or null.
    const AlertMark *at(QChart *chart, QAbstractSeries *series, double yMin, const QPointF &chartPos) const;

private:
    int m_max;
    QVector<AlertMark> m_marks;
};

} // namespace fx::gui
