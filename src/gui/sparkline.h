#pragma once

// A small chart of one pair's mid price over a short window: the pair, its last price, the
// change over the window (blue up, red down), greyed when stale. Painted by hand (no Qt Charts
// scene per pair), from a bounded SeriesBuffer; repainted by its panel only when it changed
// and is visible. GUI thread.

#include "engine/marketdeltabuffer.h"
#include "gui/seriesbuffer.h"

#include <QWidget>

namespace fx::gui {

class Sparkline final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sparkline)

public:
    static constexpr int kMaxPoints = 300;

    Sparkline(const QString &pair, int decimals, QWidget *parent = nullptr);
    ~Sparkline() override;

    const QString &pair() const { return m_pair; }
    void setWindowMs(qint64 ms);
    void addTicks(const QVector<engine::TickPoint> &ticks);
    void prepend(const QVector<ChartPoint> &history);
    void clear();
    void setStale(bool stale);
    // Repaints when something changed and the widget can be seen.
    void refresh();
    int pointCount() const { return int(m_points.points().size()); }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked(const QString &pair);
    void doubleClicked(const QString &pair);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;

private:
    QString m_pair;
    int m_decimals;
    SeriesBuffer m_points{kMaxPoints};
    bool m_stale = false;
    bool m_dirty = true;
};

} // namespace fx::gui
