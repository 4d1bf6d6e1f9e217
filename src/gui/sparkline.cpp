#include "gui/sparkline.h"

#include "core/timeutil.h"
#include "gui/format.h"
#include "gui/theme.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace fx::gui {

Sparkline::Sparkline(const QString &pair, int decimals, QWidget *parent)
    : QWidget(parent)
    , m_pair(pair)
    , m_decimals(decimals)
{
    setObjectName(QStringLiteral("sparkline_") + pair);
    setToolTip(tr("%1: click to show it in the price chart, double-click to open a chart panel").arg(pair));
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::PointingHandCursor);
}

Sparkline::~Sparkline() = default;

void Sparkline::setWindowMs(qint64 ms)
{
    m_points.setSpanMs(ms);
    m_dirty = true;
}

void Sparkline::addTicks(const QVector<engine::TickPoint> &ticks)
{
    for (const engine::TickPoint &t : ticks)
        m_points.append(ChartPoint{t.timeMs, t.bid, t.ask, t.mid});
    m_dirty = true;
}

void Sparkline::prepend(const QVector<ChartPoint> &history)
{
    m_points.prepend(history);
    m_dirty = true;
}

void Sparkline::clear()
{
    m_points.clear();
    m_dirty = true;
}

void Sparkline::setStale(bool stale)
{
    if (stale != m_stale) {
        m_stale = stale;
        m_dirty = true;
    }
}

void Sparkline::refresh()
{
    if (m_dirty && isVisible() && !visibleRegion().isEmpty()) {
        m_dirty = false;
        update();
    }
}

QSize Sparkline::sizeHint() const
{
    return QSize(190, 78);
}

QSize Sparkline::minimumSizeHint() const
{
    return QSize(110, 52);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Window));
    const QRectF frame = QRectF(rect()).adjusted(1.5, 1.5, -1.5, -1.5);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRoundedRect(frame, 4, 4);

    const QVector<ChartPoint> &pts = m_points.points();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm(bold);
    const QRectF header = frame.adjusted(6, 3, -6, 0);
    p.setFont(bold);
    p.setPen(m_stale ? Theme::stale() : pal.color(QPalette::Text));
    p.drawText(header, Qt::AlignLeft | Qt::AlignTop, m_pair);
    if (pts.isEmpty()) {
        p.setFont(font());
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(frame, Qt::AlignCenter, tr("waiting for prices"));
        return;
    }
    const double first = pts.constFirst().mid, last = pts.constLast().mid;
    const int dir = last > first ? 1 : (last < first ? -1 : 0);
    const QColor lineColour =
        m_stale ? Theme::stale() : (dir > 0 ? Theme::up() : (dir < 0 ? Theme::down() : pal.color(QPalette::Text)));
    QFont mono = fmt::numberFont();
    p.setFont(mono);
    const QFontMetrics mfm(mono);
    const QString price = QLocale().toString(last, 'f', m_decimals);
    const QString change = m_stale
        ? tr("stale")
        : (first > 0 ? fmt::signedDecimal((last - first) / first * 100.0, 2) + QStringLiteral(" %") : QString());
    // Pair, price and change on one line when they fit; otherwise the change goes below the pair.
    const double room = header.width() - fm.horizontalAdvance(m_pair) - 8;
    const bool oneLine = mfm.horizontalAdvance(price + QStringLiteral("  ") + change) <= room;
    p.setPen(lineColour);
    if (oneLine) {
        p.drawText(header, Qt::AlignRight | Qt::AlignTop, price + QStringLiteral("  ") + change);
    } else {
        p.drawText(header, Qt::AlignRight | Qt::AlignTop, price);
        p.drawText(header.adjusted(0, fm.height(), 0, 0), Qt::AlignRight | Qt::AlignTop, change);
    }
    const QRectF plot = frame.adjusted(6, fm.height() * (oneLine ? 1 : 2) + 6, -6, -5);
    if (plot.height() < 8 || pts.size() < 2)
        return;
    double lo = first, hi = first;
    for (const ChartPoint &c : pts) {
        lo = std::min(lo, c.mid);
        hi = std::max(hi, c.mid);
    }
    if (hi - lo < 1e-12) {
        hi += 1e-6;
        lo -= 1e-6;
    }
    // The window, or less while the history is shorter than it (no empty left part).
    const qint64 t1 = std::max(pts.constLast().t, core::nowMillis());
    const qint64 t0 = std::max(t1 - m_points.spanMs(), pts.constFirst().t);
    if (t1 <= t0)
        return;
    QPainterPath path;
    bool started = false;
    for (const ChartPoint &c : pts) {
        if (c.t < t0)
            continue;
        const double x = plot.left() + plot.width() * double(c.t - t0) / double(t1 - t0);
        const double y = plot.bottom() - plot.height() * (c.mid - lo) / (hi - lo);
        if (!started) {
            path.moveTo(x, y);
            started = true;
        } else {
            path.lineTo(x, y);
        }
    }
    QColor fill = lineColour;
    fill.setAlpha(35);
    QPainterPath area = path;
    area.lineTo(path.currentPosition().x(), plot.bottom());
    area.lineTo(path.elementAt(0).x, plot.bottom());
    area.closeSubpath();
    p.fillPath(area, fill);
    QPen line(lineColour, 1); // thin cosmetic pen: the rasteriser's fast path
    line.setCosmetic(true);
    p.setPen(line);
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setBrush(lineColour);
    p.drawEllipse(path.currentPosition(), 2.2, 2.2);
}

void Sparkline::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT clicked(m_pair);
}

void Sparkline::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT doubleClicked(m_pair);
}

} // namespace fx::gui
