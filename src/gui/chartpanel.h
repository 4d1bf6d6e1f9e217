#pragma once

// A price chart panel: the pair, the window (1 min to 1 day), line or candles, a "Live" button
// to return to the live edge after zooming, and PNG export, above a PriceChartView. Fed by
// the owner with each market delta (this pair's ticks, every alert).

#include "engine/enginestatus.h"
#include "engine/marketdeltabuffer.h"
#include "gui/guisettings.h"

#include <QWidget>

class QButtonGroup;
class QComboBox;
class QToolButton;

namespace fx::core {
class InstrumentSet;
}
namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class PriceChartView;
struct AlertRow;

class ChartPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartPanel)

public:
    ChartPanel(const core::InstrumentSet &instruments, storage::StorageReader *reader, const GuiSettings &defaults,
               QWidget *parent = nullptr);
    ~ChartPanel() override;

    PriceChartView *chart() const { return m_chart; }
    QString pair() const;
    void setPair(const QString &pair);
    void setWindow(ChartWindow w);
    void setCandles(bool on);
    void onMarket(const engine::MarketDelta &delta);
    void addAlerts(const QVector<AlertRow> &alerts);
    void setFeedOutages(const QList<engine::FeedOutage> &outages);
    bool exportPng(const QString &path) const;
    void exportPngInteractive();
    void applyTheme();

Q_SIGNALS:
    void pairChanged(const QString &pair);

private:
    const core::InstrumentSet &m_instruments;
    PriceChartView *m_chart;
    QComboBox *m_pair;
    QButtonGroup *m_windows;
    QToolButton *m_line;
    QToolButton *m_candles;
    QToolButton *m_live;
    int m_pairIndex = -1;
};

} // namespace fx::gui
