#pragma once

// One pair's price chart: bid, ask and mid lines on a time axis, or candlesticks (one-minute
// candles; five-minute candles for the one-day window, to stay under 300 candles). History is
// read from storage when the pair, window or mode changes (asynchronous: ticks and one-minute
// bars); live ticks are appended in batches by the owner (at most 20 times a second) into
// bounded buffers (SeriesBuffer: at most kMaxPoints per series, older data thinned out), and
// the series are redrawn from a 200 ms timer, only when something changed and only while the
// chart is visible.
//
// Mouse: wheel zooms the time axis around the cursor, drag with the left button zooms into a
// rectangle, middle button or Shift+drag pans, double-click or right-click returns to the live
// window. A crosshair shows price and time (local, and UTC) under the cursor; volatility and
// correlation alerts are marked as triangles on the time axis. GUI thread.
//
// The view holds the data, the visible range and the mouse; its parts are their own classes:
// PriceSeries (series, axes, theme), ChartHistory (the storage requests), ChartAlertMarks and
// ChartCrosshair.

#include "engine/marketdeltabuffer.h"
#include "gui/chartalertmarks.h"
#include "gui/chartcrosshair.h"
#include "gui/chartfeedgaps.h"
#include "gui/guisettings.h"
#include "gui/seriesbuffer.h"

#include <QChartView>
#include <memory>

class QTimer;

namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class ChartHistory;
class PriceSeries;

class PriceChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PriceChartView)

public:
    enum class Mode { Line, Candles };
    static constexpr int kMaxPoints = 1500;
    static constexpr int kMaxMarks = 500;
    static constexpr int kRedrawMs = 200;

    explicit PriceChartView(storage::StorageReader *reader, QWidget *parent = nullptr);
    ~PriceChartView() override;

    void setPair(const QString &pair);
    const QString &pair() const { return m_pair; }
    void setWindow(ChartWindow window);
    ChartWindow window() const { return m_window; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    // This pair's new ticks, in order.
    void addTicks(const QVector<engine::TickPoint> &ticks);
    // An alert; kept when it involves this pair.
    void addAlert(const AlertMark &mark);
    // Feed outages (engine::EngineStatus::feedOutages), shaded on the time axis.
    void setFeedOutages(const QList<engine::FeedOutage> &outages);
    // Outages in the visible time range (what is shaded now).
    int visibleFeedGaps() const;
    void followLive();
    bool isFollowing() const { return m_following; }
    // Draws what changed since the last call, only when the chart can be seen (the 200 ms
    // timer calls it).
    void redraw();
    void applyTheme();

    int pointCount() const { return int(m_points.points().size()); }
    int candleCount() const { return int(m_candles.candles().size()); }
    int markCount() const { return m_marks.size(); }
    quint64 redraws() const { return m_redraws; }
    bool isBackfilling() const;
    // The crosshair's readout ("1.08412 · 12:03:04 (11:03:04 UTC)"), empty when not shown.
    const QString &crosshairText() const { return m_crosshair.text(); }

Q_SIGNALS:
    void followingChanged(bool following);
    void backfilled();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void backfill();
    void onHistoryPrices(const QVector<ChartPoint> &points, const QVector<Candle> &candles);
    void setFollowing(bool on);
    void setXRange(qint64 minMs, qint64 maxMs);
    void fitY();
    bool isShown() const;
    qint64 candlePeriodMs() const;
    int decimals() const;
    void updateCrosshair(const QPointF &viewPos);

    QString m_pair;
    ChartWindow m_window = ChartWindow::FiveMinutes;
    Mode m_mode = Mode::Line;
    SeriesBuffer m_points{kMaxPoints};
    CandleBuffer m_candles;
    ChartAlertMarks m_marks{kMaxMarks};
    ChartFeedGaps m_gaps;
    ChartCrosshair m_crosshair;
    std::unique_ptr<PriceSeries> m_series;
    ChartHistory *m_history;
    QTimer *m_redraw;
    bool m_dirty = true;
    bool m_following = true;
    bool m_manualY = false;
    bool m_settingRange = false;
    quint64 m_redraws = 0;

    bool m_panning = false;
    QPoint m_lastPan;
};

} // namespace fx::gui
