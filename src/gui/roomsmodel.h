#pragma once

// Every room (one per configured pair) with its subscriber count, expandable to its members.
// Fed by the same client snapshots as ClientsModel and updated the same way: members that
// left are removed in contiguous runs, arrivals inserted in one call per room, counts changed
// with dataChanged. Never a reset per refresh. GUI thread.

#include "server/ioshard.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QVector>

namespace fx::gui {

class RoomsModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomsModel)

public:
    enum Column { Name, Subscribers, Address, ColumnCount };

    explicit RoomsModel(const QStringList &rooms, QObject *parent = nullptr);
    ~RoomsModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void update(const QList<server::ClientInfo> &clients);

    // The room of a room row, or of a member row's parent.
    QString roomAt(const QModelIndex &index) const;
    // The client id of a member row (empty for a room row).
    QByteArray clientAt(const QModelIndex &index) const;
    int roomRow(const QString &room) const { return m_roomIndex.value(room, -1); }
    int memberCount(const QString &room) const;

private:
    struct Member
    {
        QByteArray id;
        QString peer;
        QString protocol;
    };
    struct Room
    {
        QString name;
        QVector<Member> members;
        QHash<QByteArray, int> index; // id -> member row
    };
    void updateRoom(int r, const QVector<const server::ClientInfo *> &now);

    QVector<Room> m_rooms;
    QHash<QString, int> m_roomIndex;
};

} // namespace fx::gui
