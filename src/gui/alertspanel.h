#pragma once

// The alerts panel: the stored alert history (StorageReader::requestAlerts, 200 rows a page,
// "Load older" for more), newest first, filtered by type, severity, pair, message text and
// time range in the database; live alerts from the market tap appear at the top at once.
// Acknowledge the selected alerts (Ctrl+K) or every unacknowledged alert matching the filter
// (Storage::acknowledgeAlerts / acknowledgeMatching), export what is shown as CSV (Ctrl+E).
// After each commit that wrote alerts, page 0 is read again (coalesced) so live rows get
// their database ids and acknowledgements from other servers show.

#include "gui/alertsmodel.h"
#include "storage/storagetypes.h"

#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTimer;

namespace fx::engine {
class Engine;
struct MarketDelta;
} // namespace fx::engine

namespace fx::gui {

class TablePanel;

class AlertsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsPanel)

public:
    static constexpr int kPageSize = 200;

    AlertsPanel(AlertsModel *model, engine::Engine *engine, const QStringList &pairs, QWidget *parent = nullptr);
    ~AlertsPanel() override;

    TablePanel *table() const { return m_table; }
    AlertsModel *model() const { return m_model; }
    QAction *acknowledgeAction() const { return m_ack; }
    QAction *acknowledgeAllAction() const { return m_ackAll; }
    storage::AlertFilter filter() const;
    qint64 total() const { return m_total; }

    void onMarket(const engine::MarketDelta &delta);
    // An operator alert (the fleet panel): shown at the top when it matches the filter; it is
    // not stored in the database (it is this desk's observation, not the pipeline's alert).
    void addOperatorAlert(const AlertRow &row);
    // Alerts that did not come through the market tap (the desk's rules, Engine::deskAlertsFired):
    // shown as live alerts and passed on by liveAlerts like the pipeline's.
    void addLiveAlerts(const QVector<AlertRow> &rows);
    // Reads the first page again with the current filter (replaces the rows).
    void reload();
    void loadMore();
    // Selects the row of the first alert whose message contains text (tests).
    bool selectMessage(const QString &text);
    void acknowledgeSelected();
    // Every unacknowledged alert matching the filter; asks first when confirm is set.
    void acknowledgeAll(bool confirm);
    static QString operatorName();

Q_SIGNALS:
    // Every live alert, whatever the filter (badge, notifications, chart markers).
    void liveAlerts(const QVector<fx::gui::AlertRow> &rows);
    void message(const QString &text);
    void pageLoaded();

private:
    void onAlerts(quint64 id, const storage::AlertPage &page);
    void onFailed(quint64 id, const QString &error);
    void scheduleRefresh();
    void refresh();
    void updateStatus();
    void updateActions();
    void onFilterChanged();

    AlertsModel *m_model;
    engine::Engine *m_engine;
    TablePanel *m_table;
    QComboBox *m_type;
    QComboBox *m_severity;
    QComboBox *m_pair;
    QComboBox *m_ackState;
    QComboBox *m_period;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QPushButton *m_more;
    QLabel *m_status;
    QAction *m_ack;
    QAction *m_ackAll;
    QTimer *m_refreshTimer;
    QTimer *m_textTimer;
    quint64 m_reloadId = 0;
    quint64 m_moreId = 0;
    quint64 m_refreshId = 0;
    qint64 m_total = 0;
    QString m_error;
};

} // namespace fx::gui
