#include "gui/chartpanel.h"

#include "core/instruments.h"
#include "gui/alertsmodel.h"
#include "gui/pricechartview.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QStandardPaths>
#include <QToolButton>
#include <QVBoxLayout>

namespace fx::gui {

ChartPanel::ChartPanel(const core::InstrumentSet &instruments, storage::StorageReader *reader,
                       const GuiSettings &defaults, QWidget *parent)
    : QWidget(parent)
    , m_instruments(instruments)
    , m_chart(new PriceChartView(reader, this))
    , m_pair(new QComboBox(this))
    , m_windows(new QButtonGroup(this))
    , m_line(new QToolButton(this))
    , m_candles(new QToolButton(this))
    , m_live(new QToolButton(this))
{
    setObjectName(QStringLiteral("chartPanel"));
    m_pair->addItems(instruments.pairs());
    m_pair->setToolTip(tr("Pair shown"));
    m_pair->setObjectName(QStringLiteral("pairCombo"));
    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 0);
    bar->setSpacing(2);
    bar->addWidget(m_pair);
    bar->addSpacing(8);
    for (int w = 0; w < kChartWindowCount; ++w) {
        auto *b = new QToolButton(this);
        b->setText(chartWindowLabel(ChartWindow(w)));
        b->setCheckable(true);
        b->setAutoRaise(true);
        b->setToolTip(tr("Show the last %1").arg(chartWindowLabel(ChartWindow(w))));
        m_windows->addButton(b, w);
        bar->addWidget(b);
    }
    m_windows->setExclusive(true);
    bar->addSpacing(8);
    auto *modes = new QButtonGroup(this);
    m_line->setText(tr("Line"));
    m_line->setToolTip(tr("Bid, ask and mid lines"));
    m_candles->setText(tr("Candles"));
    m_candles->setToolTip(tr("Candlesticks of the mid price: one minute each (five minutes in the 1 day window)"));
    for (QToolButton *b : {m_line, m_candles}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        modes->addButton(b);
        bar->addWidget(b);
    }
    bar->addStretch(1);
    m_live->setText(tr("Live"));
    m_live->setToolTip(tr("Back to the live window (or double-click the chart)"));
    m_live->setAutoRaise(true);
    m_live->setEnabled(false);
    auto *png = new QToolButton(this);
    png->setText(tr("PNG…"));
    png->setToolTip(tr("Export the chart as a PNG image"));
    png->setAutoRaise(true);
    bar->addWidget(m_live);
    bar->addWidget(png);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_chart, 1);
    m_chart->setToolTip(tr("Wheel: zoom time · drag: zoom into a box · Shift+drag or middle button: pan · "
                           "double-click or right-click: back to live"));

    connect(m_pair, &QComboBox::currentTextChanged, this, [this](const QString &p) {
        m_pairIndex = m_instruments.indexOf(p);
        m_chart->setPair(p);
        Q_EMIT pairChanged(p);
    });
    connect(m_windows, &QButtonGroup::idClicked, this, [this](int id) { m_chart->setWindow(ChartWindow(id)); });
    connect(m_line, &QToolButton::clicked, this, [this] { m_chart->setMode(PriceChartView::Mode::Line); });
    connect(m_candles, &QToolButton::clicked, this, [this] { m_chart->setMode(PriceChartView::Mode::Candles); });
    connect(m_live, &QToolButton::clicked, m_chart, &PriceChartView::followLive);
    connect(m_chart, &PriceChartView::followingChanged, this,
            [this](bool following) { m_live->setEnabled(!following); });
    connect(png, &QToolButton::clicked, this, &ChartPanel::exportPngInteractive);

    setCandles(defaults.chartCandles);
    setWindow(defaults.chartWindow);
    if (!instruments.isEmpty()) {
        m_pairIndex = 0;
        m_chart->setPair(instruments.pair(0));
    }
}

ChartPanel::~ChartPanel() = default;

QString ChartPanel::pair() const
{
    return m_chart->pair();
}

void ChartPanel::setPair(const QString &pair)
{
    const int i = m_pair->findText(pair);
    if (i >= 0)
        m_pair->setCurrentIndex(i);
}

void ChartPanel::setWindow(ChartWindow w)
{
    if (QAbstractButton *b = m_windows->button(int(w)))
        b->setChecked(true);
    m_chart->setWindow(w);
}

void ChartPanel::setCandles(bool on)
{
    (on ? m_candles : m_line)->setChecked(true);
    m_chart->setMode(on ? PriceChartView::Mode::Candles : PriceChartView::Mode::Line);
}

void ChartPanel::onMarket(const engine::MarketDelta &delta)
{
    if (m_pairIndex >= 0) {
        const auto it = delta.ticks.constFind(m_pairIndex);
        if (it != delta.ticks.cend())
            m_chart->addTicks(it.value());
    }
}

void ChartPanel::addAlerts(const QVector<AlertRow> &alerts)
{
    for (const AlertRow &a : alerts)
        m_chart->addAlert(AlertMark{a.raisedMicros / 1000, a.severity, a.message, a.pair, a.pairB});
}

void ChartPanel::setFeedOutages(const QList<engine::FeedOutage> &outages)
{
    m_chart->setFeedOutages(outages);
}

bool ChartPanel::exportPng(const QString &path) const
{
    return m_chart->grab().save(path, "PNG");
}

void ChartPanel::exportPngInteractive()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString name = QStringLiteral("%1-%2.png")
                             .arg(pair(), QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QFileDialog::getSaveFileName(this, tr("Export chart as PNG"), QDir(dir).filePath(name),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!exportPng(path))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

void ChartPanel::applyTheme()
{
    m_chart->applyTheme();
}

} // namespace fx::gui
