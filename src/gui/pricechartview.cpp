#include "gui/pricechartview.h"

#include "core/instruments.h"
#include "core/timeutil.h"
#include "gui/format.h"
#include "gui/theme.h"
#include "storage/storagereader.h"

#include <QApplication>
#include <QCandlestickSeries>
#include <QCandlestickSet>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>

#include <cmath>
#include <limits>

namespace fx::gui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

PriceChartView::PriceChartView(storage::StorageReader *reader, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_reader(reader)
    , m_bid(new QLineSeries)
    , m_ask(new QLineSeries)
    , m_mid(new QLineSeries)
    , m_candleSeries(new QCandlestickSeries)
    , m_x(new QDateTimeAxis)
    , m_y(new QValueAxis)
    , m_redraw(new QTimer(this))
{
    setObjectName(QStringLiteral("priceChart"));
    setMinimumSize(320, 220);
    QChart *c = chart();
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->legend()->setAlignment(Qt::AlignTop);
    m_bid->setName(tr("Bid"));
    m_ask->setName(tr("Ask"));
    m_mid->setName(tr("Mid"));
    m_candleSeries->setName(tr("Mid, OHLC"));
    m_candleSeries->setBodyOutlineVisible(false);
    m_candleSeries->setMinimumColumnWidth(2);
    for (QAbstractSeries *s : {static_cast<QAbstractSeries *>(m_bid), static_cast<QAbstractSeries *>(m_ask),
                               static_cast<QAbstractSeries *>(m_mid), static_cast<QAbstractSeries *>(m_candleSeries)})
        c->addSeries(s);
    c->addAxis(m_x, Qt::AlignBottom);
    c->addAxis(m_y, Qt::AlignRight);
    for (QAbstractSeries *s : c->series()) {
        s->attachAxis(m_x);
        s->attachAxis(m_y);
    }
    m_x->setTickCount(6);
    m_y->setTickCount(6);
    setRenderHint(QPainter::Antialiasing);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    m_cursor = QPointF(-1, -1);

    // A range the operator sets (rubber band, pan) stops following the live edge.
    connect(m_x, &QDateTimeAxis::rangeChanged, this, [this] {
        if (!m_settingRange && m_following)
            setFollowing(false);
    });
    m_redraw->setInterval(kRedrawMs);
    connect(m_redraw, &QTimer::timeout, this, &PriceChartView::redraw);
    m_redraw->start();

    if (m_reader) {
        connect(m_reader, &storage::StorageReader::ticksReady, this, &PriceChartView::onTicks);
        connect(m_reader, &storage::StorageReader::barsReady, this, &PriceChartView::onBars);
        connect(m_reader, &storage::StorageReader::alertsReady, this, &PriceChartView::onAlerts);
        connect(m_reader, &storage::StorageReader::queryFailed, this, &PriceChartView::onFailed);
    }
    applyTheme();
    setMode(Mode::Line);
}

PriceChartView::~PriceChartView() = default;

void PriceChartView::applyTheme()
{
    QChart *c = chart();
    c->setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setBackgroundBrush(QApplication::palette().color(QPalette::Base));
    const QColor text = QApplication::palette().color(QPalette::Text);
    c->legend()->setLabelColor(text);
    m_x->setLabelsColor(text);
    m_y->setLabelsColor(text);
    QColor grid = text;
    grid.setAlpha(40);
    m_x->setGridLineColor(grid);
    m_y->setGridLineColor(grid);
    // Thin cosmetic pens take the rasteriser's fast line path (wide or dashed pens go through
    // the stroker: several times the cost for 4,500 points).
    QColor midColour = text;
    midColour.setAlpha(150);
    QPen bid(Theme::up(), 1), ask(Theme::down(), 1), mid(midColour, 1);
    for (QPen *pen : {&bid, &ask, &mid})
        pen->setCosmetic(true);
    m_bid->setPen(bid);
    m_ask->setPen(ask);
    m_mid->setPen(mid);
    m_candleSeries->setIncreasingColor(Theme::up());
    m_candleSeries->setDecreasingColor(Theme::down());
    m_candleSeries->setPen(QPen(text, 1));
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

void PriceChartView::setPair(const QString &pair)
{
    if (pair == m_pair)
        return;
    m_pair = pair;
    m_marks.clear();
    m_y->setLabelFormat(QStringLiteral("%.") + QString::number(decimals()) + u'f');
    backfill();
}

void PriceChartView::setWindow(ChartWindow window)
{
    if (window == m_window && !m_points.isEmpty())
        return;
    m_window = window;
    const qint64 span = chartWindowMs(window);
    m_points.setSpanMs(span);
    m_x->setFormat(span <= 15 * 60'000 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
    followLive();
    backfill();
}

void PriceChartView::setMode(Mode mode)
{
    const bool changed = mode != m_mode;
    m_mode = mode;
    const bool line = mode == Mode::Line;
    m_bid->setVisible(line);
    m_ask->setVisible(line);
    m_mid->setVisible(line);
    m_candleSeries->setVisible(!line);
    for (QLegendMarker *mk : chart()->legend()->markers())
        mk->setVisible(mk->series()->isVisible());
    if (changed)
        backfill();
    m_dirty = true;
}

void PriceChartView::backfill()
{
    m_points.clear();
    m_candles.setPeriod(candlePeriodMs(), int(chartWindowMs(m_window) / candlePeriodMs()) + 2);
    m_candles.clear();
    m_candleSeries->clear(); // deletes its sets
    m_sets.clear();
    m_historyTicks.clear();
    m_historyBars.clear();
    m_historyCandles.clear();
    m_pendingTicks = m_pendingBars = m_pendingAlerts = 0;
    m_dirty = true;
    if (!m_reader || m_pair.isEmpty())
        return;
    const qint64 now = core::nowMicros();
    const qint64 from = now - chartWindowMs(m_window) * 1000;
    storage::SeriesQuery q;
    q.pair = m_pair;
    q.fromMicros = from;
    q.limit = 2000; // bars: a day has 1,440
    m_pendingBars = m_reader->requestBars(q);
    if (m_mode == Mode::Line && m_window != ChartWindow::OneDay) {
        q.limit = 20000; // the newest ticks; older minutes come from the bars
        m_pendingTicks = m_reader->requestTicks(q);
    }
    storage::AlertQuery aq;
    aq.filter.pair = m_pair;
    aq.filter.fromMicros = from;
    aq.limit = kMaxMarks;
    m_pendingAlerts = m_reader->requestAlerts(aq);
}

void PriceChartView::onTicks(quint64 id, const QList<storage::TickRecord> &rows)
{
    if (id != m_pendingTicks)
        return;
    m_pendingTicks = 0;
    m_historyTicks.reserve(rows.size());
    for (const storage::TickRecord &r : rows)
        m_historyTicks.append(ChartPoint{r.quotedAtMicros / 1000, r.bid, r.ask, r.mid});
    finishHistory();
}

void PriceChartView::onBars(quint64 id, const QList<storage::BarRecord> &rows)
{
    if (id != m_pendingBars)
        return;
    m_pendingBars = 0;
    for (const storage::BarRecord &b : rows) {
        const qint64 t = b.minuteMicros / 1000;
        m_historyBars.append(ChartPoint{t + 30'000, kNaN, kNaN, b.close});
        m_historyCandles.append(Candle{t, b.open, b.high, b.low, b.close});
    }
    finishHistory();
}

void PriceChartView::onAlerts(quint64 id, const storage::AlertPage &page)
{
    if (id != m_pendingAlerts)
        return;
    m_pendingAlerts = 0;
    for (const storage::AlertRecord &a : page.rows) {
        const qint64 ms = a.raisedAtMicros / 1000;
        const bool known = std::any_of(m_marks.cbegin(), m_marks.cend(), [&](const AlertMark &m) {
            return m.ms == ms && m.text == a.message;
        });
        if (!known)
            m_marks.append(AlertMark{ms, a.severity, a.message, a.pair, a.pairB});
    }
    std::sort(m_marks.begin(), m_marks.end(), [](const AlertMark &a, const AlertMark &b) { return a.ms < b.ms; });
    finishHistory();
}

void PriceChartView::onFailed(quint64 id, const QString &)
{
    if (id == m_pendingTicks)
        m_pendingTicks = 0;
    else if (id == m_pendingBars)
        m_pendingBars = 0;
    else if (id == m_pendingAlerts)
        m_pendingAlerts = 0;
    else
        return;
    finishHistory();
}

void PriceChartView::finishHistory()
{
    if (m_pendingTicks || m_pendingBars)
        return;
    // Bars (mid only) before the first stored tick, then the ticks; live points already held
    // stay after them.
    QVector<ChartPoint> history;
    const qint64 firstTick = m_historyTicks.isEmpty() ? std::numeric_limits<qint64>::max() : m_historyTicks.constFirst().t;
    for (const ChartPoint &p : std::as_const(m_historyBars))
        if (p.t < firstTick - 30'000)
            history.append(p);
    history += m_historyTicks;
    m_points.prepend(history);
    m_candles.prependBars(m_historyCandles);
    m_historyTicks.clear();
    m_historyBars.clear();
    m_historyCandles.clear();
    m_dirty = true;
    if (!m_pendingAlerts)
        Q_EMIT backfilled();
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
    if (mark.pair != m_pair && mark.pairB != m_pair)
        return;
    m_marks.append(mark);
    if (m_marks.size() > kMaxMarks)
        m_marks.remove(0, m_marks.size() - kMaxMarks);
    m_dirty = true;
}

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
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(minMs), QDateTime::fromMSecsSinceEpoch(maxMs));
    m_settingRange = false;
}

void PriceChartView::fitY()
{
    const qint64 lo = m_x->min().toMSecsSinceEpoch(), hi = m_x->max().toMSecsSinceEpoch();
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
    m_y->setRange(minV - pad, maxV + pad);
    m_settingRange = false;
}

void PriceChartView::redraw()
{
    if (!m_dirty || !isShown())
        return; // nothing new, or hidden: no drawing at all
    m_dirty = false;
    ++m_redraws;
    const QVector<ChartPoint> &pts = m_points.points();
    if (m_mode == Mode::Line) {
        QList<QPointF> bid, ask, mid;
        bid.reserve(pts.size());
        ask.reserve(pts.size());
        mid.reserve(pts.size());
        for (const ChartPoint &p : pts) {
            if (std::isfinite(p.bid))
                bid.append(QPointF(double(p.t), p.bid));
            if (std::isfinite(p.ask))
                ask.append(QPointF(double(p.t), p.ask));
            mid.append(QPointF(double(p.t), p.mid));
        }
        m_settingRange = true; // new points may move the axes: not the operator's doing
        m_bid->replace(bid);
        m_ask->replace(ask);
        m_mid->replace(mid);
        m_settingRange = false;
    } else {
        m_settingRange = true;
        syncCandles();
        // The mid series stays attached for the crosshair's coordinates, but holds nothing.
        if (m_mid->count())
            m_mid->clear();
        m_settingRange = false;
    }
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

void PriceChartView::syncCandles()
{
    const QVector<Candle> &cs = m_candles.candles();
    // Candles that fell off the front go; a different history means a rebuild.
    while (!m_sets.isEmpty() && (cs.isEmpty() || qint64(m_sets.first()->timestamp()) < cs.first().start)) {
        m_candleSeries->remove(m_sets.first());
        m_sets.removeFirst();
    }
    if (!m_sets.isEmpty() && qint64(m_sets.first()->timestamp()) != cs.first().start) {
        m_candleSeries->clear();
        m_sets.clear();
    }
    QList<QCandlestickSet *> fresh;
    for (qsizetype i = 0; i < cs.size(); ++i) {
        const Candle &c = cs.at(i);
        if (i < m_sets.size()) {
            QCandlestickSet *s = m_sets.at(i);
            if (s->close() != c.close || s->high() != c.high || s->low() != c.low || s->open() != c.open) {
                s->setOpen(c.open);
                s->setHigh(c.high);
                s->setLow(c.low);
                s->setClose(c.close);
            }
            continue;
        }
        auto *s = new QCandlestickSet(c.open, c.high, c.low, c.close, double(c.start + candlePeriodMs() / 2));
        fresh.append(s);
        m_sets.append(s);
    }
    if (!fresh.isEmpty())
        m_candleSeries->append(fresh);
}

// --- mouse ---------------------------------------------------------------------------------

void PriceChartView::wheelEvent(QWheelEvent *event)
{
    const QPointF valueAt = chart()->mapToValue(chart()->mapFromScene(mapToScene(event->position().toPoint())), m_mid);
    const double factor = event->angleDelta().y() > 0 ? 0.8 : 1.25;
    const double lo = double(m_x->min().toMSecsSinceEpoch()), hi = double(m_x->max().toMSecsSinceEpoch());
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
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && (event->modifiers() & Qt::ShiftModifier))) {
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
    m_cursor = QPointF(-1, -1);
    m_crosshairText.clear();
    viewport()->update();
    QChartView::leaveEvent(event);
}

void PriceChartView::updateCrosshair(const QPointF &viewPos)
{
    const QPointF chartPos = chart()->mapFromScene(mapToScene(viewPos.toPoint()));
    if (!chart()->plotArea().contains(chartPos)) {
        if (!m_crosshairText.isEmpty()) {
            m_cursor = QPointF(-1, -1);
            m_crosshairText.clear();
            viewport()->update();
        }
        return;
    }
    m_cursor = viewPos;
    const QPointF v = chart()->mapToValue(chartPos, m_mid);
    const qint64 micros = qint64(v.x()) * 1000;
    m_crosshairText = QStringLiteral("%1 · %2 (%3)")
                          .arg(QLocale().toString(v.y(), 'f', decimals()), fmt::localTimeMs(micros),
                               QDateTime::fromMSecsSinceEpoch(qint64(v.x()), Qt::UTC).toString(QStringLiteral("HH:mm:ss 'UTC'")));
    // An alert marker under the cursor: its message as a tooltip.
    const QRectF plot = chart()->plotArea();
    for (const AlertMark &m : std::as_const(m_marks)) {
        const QPointF p = chart()->mapToPosition(QPointF(double(m.ms), m_y->min()), m_mid);
        if (std::abs(p.x() - chartPos.x()) <= 6 && chartPos.y() >= plot.bottom() - 16) {
            QToolTip::showText(mapToGlobal(viewPos.toPoint()),
                               QStringLiteral("%1\n%2").arg(fmt::localTime(m.ms * 1000), m.text), this);
            break;
        }
    }
    viewport()->update();
}

void PriceChartView::drawForeground(QPainter *painter, const QRectF &rect)
{
    QChartView::drawForeground(painter, rect);
    const QRectF plot = chart()->plotArea();
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // Alert markers on the time axis.
    const qint64 lo = m_x->min().toMSecsSinceEpoch(), hi = m_x->max().toMSecsSinceEpoch();
    for (const AlertMark &m : std::as_const(m_marks)) {
        if (m.ms < lo || m.ms > hi)
            continue;
        const QPointF p = chart()->mapToPosition(QPointF(double(m.ms), m_y->min()), m_mid);
        const double x = chart()->mapToScene(p).x(), y = chart()->mapToScene(plot.bottomLeft()).y();
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
        painter->drawLine(QPointF(x, chart()->mapToScene(plot.topLeft()).y()), QPointF(x, y - 11));
    }
    // Empty state: say what the chart waits for.
    if ((m_mode == Mode::Line ? m_points.isEmpty() : m_candles.candles().isEmpty()) && !m_pair.isEmpty()) {
        const QRectF sp(chart()->mapToScene(plot.topLeft()), chart()->mapToScene(plot.bottomRight()));
        painter->setPen(QApplication::palette().color(QPalette::PlaceholderText));
        painter->drawText(sp, Qt::AlignCenter | Qt::TextWordWrap,
                          isBackfilling() ? tr("Reading the history of %1…").arg(m_pair)
                                          : tr("No price of %1 in this window yet: prices appear as the pipeline publishes them.").arg(m_pair));
    }
    // Crosshair with price and time.
    if (m_cursor.x() >= 0 && !m_crosshairText.isEmpty()) {
        const QPointF s = mapToScene(m_cursor.toPoint());
        const QRectF sp(chart()->mapToScene(plot.topLeft()), chart()->mapToScene(plot.bottomRight()));
        QColor c = QApplication::palette().color(QPalette::Text);
        c.setAlpha(150);
        painter->setPen(QPen(c, 1, Qt::DashLine));
        painter->drawLine(QPointF(sp.left(), s.y()), QPointF(sp.right(), s.y()));
        painter->drawLine(QPointF(s.x(), sp.top()), QPointF(s.x(), sp.bottom()));
        QFont f = fmt::numberFont();
        painter->setFont(f);
        const QFontMetrics fm(f);
        QRectF box = fm.boundingRect(m_crosshairText).adjusted(-5, -3, 5, 3);
        box.moveTopLeft(QPointF(s.x() + 10, s.y() - box.height() - 6));
        if (box.right() > sp.right())
            box.moveRight(s.x() - 10);
        if (box.top() < sp.top())
            box.moveTop(s.y() + 6);
        painter->setPen(QPen(c, 1));
        painter->setBrush(QApplication::palette().color(QPalette::ToolTipBase));
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(QApplication::palette().color(QPalette::ToolTipText));
        painter->drawText(box, Qt::AlignCenter, m_crosshairText);
    }
    painter->restore();
}

} // namespace fx::gui
