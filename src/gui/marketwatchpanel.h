#pragma once

// The market watch panel: the configured pairs' quotes (MarketWatchModel behind a
// TablePanel). Double-click opens a chart of the pair. At start and when the trading day
// rolls over (21:00 UTC) it asks storage for each pair's first one-minute bar of the day, the
// reference of the "change" columns (asynchronous; until it arrives the first tick stands in).

#include "storage/storagetypes.h"

#include <QHash>
#include <QWidget>

class QAction;

namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class MarketWatchModel;
class TablePanel;

class MarketWatchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketWatchPanel)

public:
    MarketWatchPanel(MarketWatchModel *model, storage::StorageReader *reader, QWidget *parent = nullptr);
    ~MarketWatchPanel() override;

    TablePanel *table() const { return m_table; }
    MarketWatchModel *model() const { return m_model; }
    // Start of the trading day that contains utcMicros: the latest 21:00 UTC at or before it.
    static qint64 tradingDayStart(qint64 utcMicros);
    void loadReferences();
    QSize sizeHint() const override;

Q_SIGNALS:
    void chartRequested(const QString &pair); // open a chart panel for the pair
    void pairActivated(const QString &pair); // show it in the main chart

private:
    void onBars(quint64 requestId, const QList<storage::BarRecord> &rows);
    QString currentPair() const;

    MarketWatchModel *m_model;
    storage::StorageReader *m_reader;
    TablePanel *m_table;
    QHash<quint64, int> m_requests; // request id -> pair index
    qint64 m_dayStart = 0;
};

} // namespace fx::gui
