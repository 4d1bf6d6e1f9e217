#include "gui/smallmultiplespanel.h"

#include "core/instruments.h"
#include "core/timeutil.h"
#include "gui/sparkline.h"
#include "storage/storagereader.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

namespace fx::gui {

namespace {
constexpr qint64 kWindows[] = {60'000, 5 * 60'000, 15 * 60'000, 3'600'000};
}

SmallMultiplesPanel::SmallMultiplesPanel(const core::InstrumentSet &instruments, storage::StorageReader *reader,
                                         QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_window(new QComboBox(this))
    , m_gridHost(new QWidget(this))
    , m_grid(new QGridLayout(m_gridHost))
    , m_repaint(new QTimer(this))
{
    setObjectName(QStringLiteral("smallMultiplesPanel"));
    m_window->addItems({tr("Last minute"), tr("Last 5 minutes"), tr("Last 15 minutes"), tr("Last hour")});
    m_window->setCurrentIndex(2);
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    auto *label = new QLabel(tr("Mid price of every pair, blue rising, red falling over the window:"), this);
    bar->addWidget(label, 1);
    bar->addWidget(m_window);
    m_grid->setContentsMargins(2, 2, 2, 2);
    m_grid->setSpacing(4);
    for (int i = 0; i < instruments.size(); ++i) {
        const QString &pair = instruments.pair(i);
        auto *s = new Sparkline(pair, core::InstrumentSet::quoteDecimals(pair), m_gridHost);
        s->setWindowMs(kWindows[2]);
        connect(s, &Sparkline::clicked, this, &SmallMultiplesPanel::pairActivated);
        connect(s, &Sparkline::doubleClicked, this, &SmallMultiplesPanel::chartRequested);
        m_lines.append(s);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    // Scrolls rather than growing the window when the panel is small.
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_gridHost);
    layout->addWidget(scroll, 1);
    reflow();

    connect(m_window, &QComboBox::currentIndexChanged, this, [this](int i) {
        for (Sparkline *s : std::as_const(m_lines)) {
            s->clear();
            s->setWindowMs(kWindows[std::clamp(i, 0, 3)]);
        }
        backfill();
    });
    m_repaint->setInterval(250);
    connect(m_repaint, &QTimer::timeout, this, [this] {
        for (Sparkline *s : std::as_const(m_lines))
            s->refresh();
    });
    m_repaint->start();
    if (m_reader)
        connect(m_reader, &storage::StorageReader::ticksReady, this, &SmallMultiplesPanel::onTicks);
    backfill();
}

SmallMultiplesPanel::~SmallMultiplesPanel() = default;

void SmallMultiplesPanel::backfill()
{
    m_requests.clear();
    if (!m_reader)
        return;
    const qint64 window = kWindows[std::clamp(m_window->currentIndex(), 0, 3)];
    for (int i = 0; i < m_lines.size(); ++i) {
        storage::SeriesQuery q;
        q.pair = m_lines.at(i)->pair();
        q.fromMicros = core::nowMicros() - window * 1000;
        q.limit = 5000; // thinned to Sparkline::kMaxPoints
        m_requests.insert(m_reader->requestTicks(q), i);
    }
}

void SmallMultiplesPanel::onTicks(quint64 id, const QList<storage::TickRecord> &rows)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    const int i = it.value();
    m_requests.erase(it);
    QVector<ChartPoint> pts;
    pts.reserve(rows.size());
    for (const storage::TickRecord &r : rows)
        pts.append(ChartPoint{r.quotedAtMicros / 1000, r.bid, r.ask, r.mid});
    m_lines.at(i)->prepend(pts);
}

void SmallMultiplesPanel::onMarket(const engine::MarketDelta &delta)
{
    for (auto it = delta.ticks.cbegin(); it != delta.ticks.cend(); ++it)
        if (it.key() >= 0 && it.key() < m_lines.size())
            m_lines.at(it.key())->addTicks(it.value());
}

void SmallMultiplesPanel::setStale(int pairIndex, bool stale)
{
    if (pairIndex >= 0 && pairIndex < m_lines.size())
        m_lines.at(pairIndex)->setStale(stale);
}

void SmallMultiplesPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    reflow();
}

void SmallMultiplesPanel::reflow()
{
    const int columns = std::max(1, (width() - 12) / 150);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (Sparkline *s : std::as_const(m_lines))
        m_grid->removeWidget(s);
    for (int i = 0; i < m_lines.size(); ++i)
        m_grid->addWidget(m_lines.at(i), i / columns, i % columns);
}

} // namespace fx::gui
