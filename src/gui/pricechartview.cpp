#include "gui/pricechartview.h"

#include "core/instruments.h"
#include "core/timeutil.h"
#include "gui/charthistory.h"
#include "gui/format.h"
#include "gui/priceseries.h"

#include <QApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QTimer>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace fx::gui {

PriceChartView::PriceChartView(storage::StorageReader *reader, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_series(std::make_unique<PriceSeries>(chart()))
    , m_history(new ChartHistory(reader, this))
    , m_redraw(new QTimer(this))
{
    setObjectName(QStringLiteral("priceChart"));
    setMinimumSize(320, 220);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    // The price axis in the locale's notation (French: 1,08959); its digits stay the pair's.
    chart()->setLocale(QLocale());
    chart()->setLocalizeNumbers(true);

    // A range the operator sets (rubber band, pan) stops following the live edge.
    connect(m_series->x(), &QDateTimeAxis::rangeChanged, this, [this] {
        if (!m_settingRange && m_following)
            setFollowing(false);
    });
    m_redraw->setInterval(kRedrawMs);
    connect(m_redraw, &QTimer::timeout, this, &PriceChartView::redraw);
    m_redraw->start();

    connect(m_history, &ChartHistory::pricesReady, this, &PriceChartView::onHistoryPrices);
    connect(m_history, &ChartHistory::alertsReady, this,
            [this](const QVector<AlertMark> &marks) { m_marks.merge(marks); });
    connect(m_history, &ChartHistory::finished, this, &PriceChartView::backfilled);
    applyTheme();
    setMode(Mode::Line);
}

PriceChartView::~PriceChartView() = default;

void PriceChartView::applyTheme()
{
    m_series->applyTheme();
    m_dirty = true;
}

int PriceChartView::decimals() const
{
    return m_pair.isEmpty() ? 5 : core::InstrumentSet::quoteDecimals(m_pair);
}

qint64 PriceChartView::candlePeriodMs() const
{
    return m_window == ChartWindow::OneDay ? 5 * 60'000 : 60'000;
}

bool PriceChartView::isBackfilling() const
{
    return m_history->isPending();
}

void PriceChartView::setPair(const QString &pair)
{
    if (pair == m_pair)
        return;
    m_pair = pair;
    m_marks.clear();
    m_series->y()->setLabelFormat(QStringLiteral("%.") + QString::number(decimals()) + u'f');
    backfill();
}

void PriceChartView::setWindow(ChartWindow window)
{
    if (window == m_window && !m_points.isEmpty())
        return;
    m_window = window;
    const qint64 span = chartWindowMs(window);
    m_points.setSpanMs(span);
    m_series->x()->setFormat(span <= 15 * 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    followLive();
    backfill();
}

void PriceChartView::setMode(Mode mode)
{
    const bool changed = mode != m_mode;
    m_mode = mode;
    m_series->showLines(mode == Mode::Line);
    if (changed)
        backfill();
    m_dirty = true;
}

// --- data ----------------------------------------------------------------------------------

void PriceChartView::backfill()
{
    m_points.clear();
    m_candles.setPeriod(candlePeriodMs(), int(chartWindowMs(m_window) / candlePeriodMs()) + 2);
    m_candles.clear();
    m_series->clearCandles();
    m_dirty = true;
    m_history->request(m_pair, m_window, m_mode == Mode::Line, kMaxMarks);
}

void PriceChartView::onHistoryPrices(const QVector<ChartPoint> &points, const QVector<Candle> &candles)
{
    // The history goes before the live points already held.
    m_points.prepend(points);
    m_candles.prependBars(candles);
    m_dirty = true;
}

void PriceChartView::addTicks(const QVector<engine::TickPoint> &ticks)
{
    if (ticks.isEmpty())
        return;
    QVector<ChartPoint> pts;
    pts.reserve(ticks.size());
    for (const engine::TickPoint &t : ticks) {
        pts.append(ChartPoint{t.timeMs, t.bid, t.ask, t.mid});
        m_candles.addTick(t.timeMs, t.mid);
    }
    m_points.append(pts);
    m_dirty = true;
}

void PriceChartView::addAlert(const AlertMark &mark)
{
    if (m_marks.add(mark, m_pair))
        m_dirty = true;
}

void PriceChartView::setFeedOutages(const QList<engine::FeedOutage> &outages)
{
    if (m_gaps.set(outages))
        m_dirty = true;
}

int PriceChartView::visibleFeedGaps() const
{
    return m_gaps.visible(m_series->x()->min().toMSecsSinceEpoch(), m_series->x()->max().toMSecsSinceEpoch());
}

// --- drawing -------------------------------------------------------------------------------

bool PriceChartView::isShown() const
{
    // The viewport covers the view: its region is the one that can be seen.
    return isVisible() && !viewport()->visibleRegion().isEmpty();
}

void PriceChartView::showEvent(QShowEvent *event)
{
    QChartView::showEvent(event);
    m_dirty = true;
    QTimer::singleShot(0, this, &PriceChartView::redraw);
}

void PriceChartView::setFollowing(bool on)
{
    if (on == m_following)
        return;
    m_following = on;
    if (on)
        m_manualY = false;
    Q_EMIT followingChanged(on);
}

void PriceChartView::followLive()
{
    setFollowing(true);
    m_manualY = false;
    m_dirty = true;
    redraw();
}

void PriceChartView::setXRange(qint64 minMs, qint64 maxMs)
{
    m_settingRange = true;
    m_series->x()->setRange(QDateTime::fromMSecsSinceEpoch(minMs), QDateTime::fromMSecsSinceEpoch(maxMs));
    m_settingRange = false;
}

void PriceChartView::fitY()
{
    const qint64 lo = m_series->x()->min().toMSecsSinceEpoch(), hi = m_series->x()->max().toMSecsSinceEpoch();
    double minV = std::numeric_limits<double>::max(), maxV = std::numeric_limits<double>::lowest();
    auto take = [&](double v) {
        if (std::isfinite(v)) {
            minV = std::min(minV, v);
            maxV = std::max(maxV, v);
        }
    };
    if (m_mode == Mode::Line) {
        for (const ChartPoint &p : m_points.points()) {
            if (p.t < lo || p.t > hi)
                continue;
            take(p.bid);
            take(p.ask);
            take(p.mid);
        }
    } else {
        for (const Candle &c : m_candles.candles()) {
            if (c.start + candlePeriodMs() < lo || c.start > hi)
                continue;
            take(c.low);
            take(c.high);
        }
    }
    if (minV > maxV)
        return;
    const double pip = core::InstrumentSet::pipSize(m_pair);
    const double pad = std::max((maxV - minV) * 0.08, pip);
    m_settingRange = true;
    m_series->y()->setRange(minV - pad, maxV + pad);
    m_settingRange = false;
}

void PriceChartView::redraw()
{
    if (!m_dirty || !isShown())
        return; // nothing new, or hidden: no drawing at all
    m_dirty = false;
    ++m_redraws;
    const QVector<ChartPoint> &pts = m_points.points();
    m_settingRange = true; // new points may move the axes: not the operator's doing
    if (m_mode == Mode::Line)
        m_series->setLines(pts);
    else
        m_series->setCandles(m_candles.candles(), candlePeriodMs());
    m_settingRange = false;
    if (m_following) {
        const qint64 now = core::nowMillis(), span = chartWindowMs(m_window);
        qint64 right = now;
        if (!pts.isEmpty() && pts.constLast().t < now - span) // a replay in the past: show its data
            right = pts.constLast().t;
        setXRange(right - span, right + span / 60);
    }
    if (!m_manualY)
        fitY();
    viewport()->update();
}

void PriceChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Feed outages shaded, under the alert markers.
    m_gaps.paint(painter, chart(), m_series->mid(), m_series->x()->min().toMSecsSinceEpoch(),
                 m_series->x()->max().toMSecsSinceEpoch(), m_series->y()->min());
    // Alert markers on the time axis.
    m_marks.paint(painter, chart(), m_series->mid(), m_series->x()->min().toMSecsSinceEpoch(),
                  m_series->x()->max().toMSecsSinceEpoch(), m_series->y()->min());
    // Empty state: say what the chart waits for.
    if ((m_mode == Mode::Line ? m_points.isEmpty() : m_candles.candles().isEmpty()) && !m_pair.isEmpty()) {
        const QRectF sp(chart()->mapToScene(plot.topLeft()), chart()->mapToScene(plot.bottomRight()));
        painter->setPen(QApplication::palette().color(QPalette::PlaceholderText));
        painter->drawText(
            sp, Qt::AlignCenter | Qt::TextWordWrap,
            isBackfilling()
                ? tr("Reading the history of %1…").arg(m_pair)
                : tr("No price of %1 in this window yet: prices appear as the pipeline publishes them.").arg(m_pair));
    }
    // Crosshair with price and time.
    m_crosshair.paint(painter, this);
    painter->restore();
}

// --- mouse ---------------------------------------------------------------------------------

void PriceChartView::wheelEvent(QWheelEvent *event)
{
    const QPointF valueAt =
        chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())), m_series->mid());
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const double lo = double(m_series->x()->min().toMSecsSinceEpoch());
    const double hi = double(m_series->x()->max().toMSecsSinceEpoch());
    const double at = std::clamp(valueAt.x(), lo, hi);
    const qint64 newLo = qint64(at - (at - lo) * factor), newHi = qint64(at + (hi - at) * factor);
    if (newHi - newLo < 2000)
        return; // two seconds at most zoomed in
    setFollowing(false);
    setXRange(newLo, newHi);
    m_dirty = true;
    redraw();
    event->accept();
}

void PriceChartView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
        m_panning = true;
        m_lastPan = event->position().toPoint();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        event->accept();
        return;
    }
    QChartView::mousePressEvent(event);
}

void PriceChartView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint d = event->position().toPoint() - m_lastPan;
        m_lastPan = event->position().toPoint();
        setFollowing(false);
        m_manualY = true;
        chart()->scroll(-d.x(), d.y());
        m_dirty = true;
    }
    updateCrosshair(event->position());
    QChartView::mouseMoveEvent(event);
}

void PriceChartView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        unsetCursor();
        event->accept();
        return;
    }
    if (event->button() == Qt::RightButton) {
        followLive(); // instead of QChartView's zoom-out step
        event->accept();
        return;
    }
    const bool wasFollowing = m_following;
    QChartView::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && wasFollowing != m_following)
        m_manualY = true; // a rubber band set both axes
}

void PriceChartView::mouseDoubleClickEvent(QMouseEvent *event)
{
    followLive();
    event->accept();
}

void PriceChartView::leaveEvent(QEvent *event)
{
    m_crosshair.hide();
    viewport()->update();
    QChartView::leaveEvent(event);
}

void PriceChartView::updateCrosshair(const QPointF &viewPos)
{
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    if (!chart()->plotArea().contains(chartPos)) {
        if (m_crosshair.hide())
            viewport()->update();
        return;
    }
    m_crosshair.show(viewPos, chart()->mapToValue(chartPos, m_series->mid()), decimals());
    // An alert marker under the cursor: its message as a tooltip.
    if (const AlertMark *m = m_marks.at(chart(), m_series->mid(), m_series->y()->min(), chartPos))
        QToolTip::showText(mapToGlobal(viewPos.toPoint()),
                           QStringLiteral("%1\n%2").arg(fmt::localTime(m->ms * 1000), m->text), this);
    viewport()->update();
}

} // namespace fx::gui
