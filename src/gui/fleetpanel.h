#pragma once

// The fleet panel (docs/GUI.md, "Fleet"): every fxmonitor server publishing heartbeats on the
// Redis (engine::FleetWatch behind a FleetModel in a TablePanel), totals across the fleet above
// (servers live and stale, clients, messages and bytes per second), sparklines of each server's
// clients and messages per second, stale servers in red. A server turning stale raises an
// operator alert (operatorAlert: the window puts it in the alerts panel and the tray), one
// coming back a "returned" entry; a server that leaves cleanly goes without an alert. GUI thread;
// refreshed four times a second from the watch, which never waits on Redis.

#include <QStyledItemDelegate>
#include <QWidget>

class QLabel;
class QTimer;

namespace fx::engine {
class FleetWatch;
}

namespace fx::gui {

struct AlertRow;
class FleetModel;
class TablePanel;

// Paints SparklineRole (a QVector<double>) as a small line, red when the row is stale.
class SparklineDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SparklineDelegate)

public:
    explicit SparklineDelegate(QObject *parent = nullptr);
    ~SparklineDelegate() override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

class FleetPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetPanel)

public:
    static constexpr int kRefreshMs = 250;

    // watch may be null (the engine watches no fleet): the panel says so.
    FleetPanel(FleetModel *model, engine::FleetWatch *watch, QWidget *parent = nullptr);
    ~FleetPanel() override;

    TablePanel *table() const { return m_table; }
    FleetModel *model() const { return m_model; }
    QLabel *totalsLabel() const { return m_totals; }
    // Refreshes the model and the totals now (the timer does it four times a second).
    void refresh();

    static AlertRow staleAlert(const QString &serverId, qint64 silentMs, int staleSeconds);
    static AlertRow returnedAlert(const QString &serverId, qint64 silentMs);

Q_SIGNALS:
    void operatorAlert(const fx::gui::AlertRow &row);

private:
    FleetModel *m_model;
    engine::FleetWatch *m_watch;
    TablePanel *m_table;
    QLabel *m_totals;
    QTimer *m_timer;
};

} // namespace fx::gui
