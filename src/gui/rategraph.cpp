#include "gui/rategraph.h"

#include "gui/format.h"
#include "gui/theme.h"

#include <QPainter>
#include <QPainterPath>

namespace fx::gui {

RateGraph::RateGraph(std::function<QString(double)> format, QWidget *parent)
    : QWidget(parent)
    , m_format(std::move(format))
{
    setToolTip(tr("The last two minutes, four samples a second"));
    m_samples.reserve(kSamples);
}

RateGraph::~RateGraph() = default;

void RateGraph::addSample(double value)
{
    if (m_samples.size() >= kSamples)
        m_samples.removeFirst();
    m_samples.append(value);
    if (isVisible())
        update();
}

void RateGraph::clear()
{
    m_samples.clear();
    update();
}

QSize RateGraph::sizeHint() const
{
    return QSize(240, 54);
}

QSize RateGraph::minimumSizeHint() const
{
    return QSize(120, 40);
}

void RateGraph::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    p.setPen(pal.color(QPalette::Mid));
    p.setBrush(pal.color(QPalette::Base));
    p.drawRect(frame);
    double peak = 0;
    for (const double v : std::as_const(m_samples))
        peak = std::max(peak, v);
    const QColor c = Theme::up();
    p.setFont(fmt::numberFont());
    const QFontMetrics fm(p.font());
    if (!m_samples.isEmpty()) {
        const QRectF plot = frame.adjusted(2, fm.height() + 2, -2, -2);
        const double scale = peak > 0 ? peak * 1.1 : 1;
        QPainterPath path;
        const double step = plot.width() / double(kSamples - 1);
        const double x0 = plot.right() - step * double(m_samples.size() - 1);
        path.moveTo(x0, plot.bottom());
        for (qsizetype i = 0; i < m_samples.size(); ++i)
            path.lineTo(x0 + step * double(i), plot.bottom() - plot.height() * m_samples.at(i) / scale);
        path.lineTo(plot.right(), plot.bottom());
        QColor fill = c;
        fill.setAlpha(60);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillPath(path, fill);
        QPen pen(c, 1);
        pen.setCosmetic(true);
        p.setPen(pen);
        p.drawPath(path);
    }
    p.setPen(pal.color(QPalette::Text));
    const QString now = m_samples.isEmpty() ? QStringLiteral("—") : m_format(m_samples.constLast());
    p.drawText(frame.adjusted(4, 1, -4, 0), Qt::AlignLeft | Qt::AlignTop, now);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(frame.adjusted(4, 1, -4, 0), Qt::AlignRight | Qt::AlignTop, tr("peak %1").arg(m_format(peak)));
}

} // namespace fx::gui
