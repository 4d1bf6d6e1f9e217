#pragma once

// One row per connected client, fed by StreamServer::requestClients snapshots (EngineSampler, every
// 500 ms). update() changes the model incrementally: rows of departed clients are removed
// (contiguous runs in one call), arrivals are appended in one insert, and each changed row
// gets one dataChanged over the columns that changed (one range over everything when most
// rows changed). Never a reset per refresh. GUI thread.

#include "server/clientinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace fx::gui {

class ClientsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientsModel)

public:
    enum Column { Id, Address, User, Protocol, Since, Rooms, Messages, Bytes, Rtt, Queue, ColumnCount };

    explicit ClientsModel(QObject *parent = nullptr);
    ~ClientsModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void update(const QList<server::ClientInfo> &clients);
    // Rows of clients in this room are highlighted (empty: none).
    void setHighlightRoom(const QString &room);
    const QString &highlightRoom() const { return m_highlight; }
    int highlightedCount() const;
    bool isHighlighted(int row) const;
    // Number of configured rooms, so "all rooms" can be shown as such.
    void setRoomTotal(int rooms) { m_roomTotal = rooms; }

    const server::ClientInfo &client(int row) const { return m_rows.at(row); }
    int rowOf(const QByteArray &id) const { return m_index.value(id, -1); }

private:
    QString roomsText(const server::ClientInfo &c) const;

    QVector<server::ClientInfo> m_rows; // arrival order; views sort through a proxy
    QHash<QByteArray, int> m_index; // id -> row
    QString m_highlight;
    int m_roomTotal = 0;
};

} // namespace fx::gui
