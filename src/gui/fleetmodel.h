#pragma once

// The fleet panel's rows: one per server of engine::FleetWatch, with its heartbeat's figures,
// the sparkline histories (SparklineRole), red when stale. Refreshes from the watch at most
// four times a second (refresh(), called by the panel's timer): rows are appended and removed
// as servers join and leave, never reset, and the "last seen" ages move on. GUI thread.

#include "engine/fleetwatch.h"
#include "gui/modelroles.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace fx::gui {

// A QVector<double> (oldest first) for the sparkline delegate.
inline constexpr int SparklineRole = ExportRole + 1;

class FleetModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetModel)

public:
    enum Column {
        Server,
        Status,
        Mode,
        Version,
        Listen,
        Uptime,
        Clients,
        ClientsTrend,
        Rooms,
        MessagesPerS,
        MessagesTrend,
        BytesPerS,
        Redis,
        Database,
        Latency,
        Conflated,
        Dropped,
        LastSeen,
        ColumnCount
    };

    explicit FleetModel(engine::FleetWatch *watch, QObject *parent = nullptr);
    ~FleetModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    engine::FleetWatch *watch() const { return m_watch; }
    // Takes the watch's current servers (rows added and removed in place) with ages as of nowMs.
    void refresh(qint64 nowMs);
    const engine::FleetServer &server(int row) const { return m_rows.at(row); }
    int rowOf(const QString &serverId) const;
    bool isStale(int row) const { return m_rows.at(row).stale; }

private:
    QPointer<engine::FleetWatch> m_watch;
    QVector<engine::FleetServer> m_rows;
    qint64 m_nowMs = 0;
};

} // namespace fx::gui
