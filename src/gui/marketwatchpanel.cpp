#include "gui/marketwatchpanel.h"

#include "core/timeutil.h"
#include "gui/format.h"
#include "gui/marketwatchmodel.h"
#include "gui/tablepanel.h"
#include "storage/storagereader.h"

#include <QAction>
#include <QHeaderView>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace fx::gui {

MarketWatchPanel::MarketWatchPanel(MarketWatchModel *model, storage::StorageReader *reader, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_reader(reader)
    , m_table(new TablePanel(model, tr("No pairs configured (FX_PAIRS)."), this))
{
    setObjectName(QStringLiteral("marketWatchPanel"));
    m_table->setObjectName(QStringLiteral("market-watch")); // also the CSV file name
    QTreeView *view = m_table->view();
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    auto *open = new QAction(tr("Open chart in a new panel"), this);
    auto *show = new QAction(tr("Show in the price chart"), this);
    view->addActions({show, open});
    connect(open, &QAction::triggered, this, [this] {
        if (const QString p = currentPair(); !p.isEmpty())
            Q_EMIT chartRequested(p);
    });
    connect(show, &QAction::triggered, this, [this] {
        if (const QString p = currentPair(); !p.isEmpty())
            Q_EMIT pairActivated(p);
    });
    connect(view, &QTreeView::clicked, this,
            [this](const QModelIndex &i) { Q_EMIT pairActivated(m_model->pairAt(m_table->sourceIndex(i).row())); });
    connect(view, &QTreeView::doubleClicked, this,
            [this](const QModelIndex &i) { Q_EMIT chartRequested(m_model->pairAt(m_table->sourceIndex(i).row())); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    // Widths from the font: the whole table fits the default dock without scrolling.
    const QFontMetrics mono(fmt::numberFont()), plain(view->font());
    const int pad = 14;
    view->header()->setStretchLastSection(true);
    view->header()->resizeSection(MarketWatchModel::Pair, plain.horizontalAdvance(QStringLiteral("EUR_USD")) + 2 * pad);
    view->header()->resizeSection(MarketWatchModel::Bid, mono.horizontalAdvance(QStringLiteral("000.00000")) + pad);
    view->header()->resizeSection(MarketWatchModel::Ask, mono.horizontalAdvance(QStringLiteral("000.00000")) + pad);
    view->header()->resizeSection(
        MarketWatchModel::Spread,
        std::max(mono.horizontalAdvance(QStringLiteral("00.0")), plain.horizontalAdvance(tr("Spread"))) + pad);
    view->header()->resizeSection(
        MarketWatchModel::Change,
        std::max(mono.horizontalAdvance(QStringLiteral("+000.0")), plain.horizontalAdvance(tr("Change"))) + pad);
    view->header()->resizeSection(
        MarketWatchModel::ChangePercent,
        std::max(mono.horizontalAdvance(QStringLiteral("+0.00 %")), plain.horizontalAdvance(tr("Change %"))) + pad);
    view->header()->resizeSection(MarketWatchModel::Time, mono.horizontalAdvance(QStringLiteral("00:00:00")) + pad);

    if (m_reader)
        connect(m_reader, &storage::StorageReader::barsReady, this, &MarketWatchPanel::onBars);
    // The trading day rolls over at 21:00 UTC: take new references then.
    auto *roll = new QTimer(this);
    roll->setInterval(30'000);
    connect(roll, &QTimer::timeout, this, [this] {
        if (tradingDayStart(core::nowMicros()) != m_dayStart) {
            m_model->clearReferences();
            loadReferences();
        }
    });
    roll->start();
    loadReferences();
}

MarketWatchPanel::~MarketWatchPanel() = default;

QSize MarketWatchPanel::sizeHint() const
{
    // Every column visible without scrolling.
    int w = 0;
    for (int c = 0; c < MarketWatchModel::ColumnCount; ++c)
        w += m_table->view()->header()->sectionSize(c);
    return QSize(w + m_table->view()->verticalScrollBar()->sizeHint().width() + 12, QWidget::sizeHint().height());
}

qint64 MarketWatchPanel::tradingDayStart(qint64 utcMicros)
{
    constexpr qint64 day = 86'400'000'000LL, offset = 21LL * 3'600'000'000LL;
    const qint64 midnight = utcMicros - ((utcMicros % day) + day) % day;
    return utcMicros >= midnight + offset ? midnight + offset : midnight + offset - day;
}

void MarketWatchPanel::loadReferences()
{
    m_dayStart = tradingDayStart(core::nowMicros());
    if (!m_reader)
        return;
    m_requests.clear();
    for (int i = 0; i < m_model->rowCount(); ++i) {
        storage::SeriesQuery q;
        q.pair = m_model->pairAt(i);
        q.fromMicros = m_dayStart;
        q.limit = 2000; // a day has 1,440 minutes: every bar of the day, the first among them
        m_requests.insert(m_reader->requestBars(q), i);
    }
}

void MarketWatchPanel::onBars(quint64 requestId, const QList<storage::BarRecord> &rows)
{
    const auto it = m_requests.find(requestId);
    if (it == m_requests.end())
        return;
    const int pair = it.value();
    m_requests.erase(it);
    if (!rows.isEmpty())
        m_model->setReference(pair, rows.first().open, rows.first().minuteMicros);
}

QString MarketWatchPanel::currentPair() const
{
    const QModelIndex i = m_table->sourceIndex(m_table->view()->currentIndex());
    return i.isValid() ? m_model->pairAt(i.row()) : QString();
}

} // namespace fx::gui
