#pragma once

// Every room (one per configured pair) with its subscriber count, expandable to its members.
// Fed by the same client snapshots as ClientsModel and updated the same way: members that
// left are removed in contiguous runs, arrivals inserted in one call per room, counts changed
// with dataChanged. Never a reset per refresh. GUI thread.

#include "server/clientinfo.h"

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
    // What the previous snapshot said of a client: a snapshot is compared client by client
    // (one lookup each), and only clients whose rooms, address or protocol changed touch the
    // rooms, so 10,000 unchanged clients cost 10,000 comparisons, not a rebuild of 20 rooms.
    struct Known
    {
        QStringList rooms;
        QString peer;
        QString protocol;
        quint32 generation = 0;
    };
    struct RoomChanges
    {
        QList<int> leaving; // member rows
        QList<int> changed; // member rows whose address or protocol changed
        QVector<const server::ClientInfo *> joining;
    };
    void applyRoom(int r, RoomChanges &changes);

    QVector<Room> m_rooms;
    QHash<QString, int> m_roomIndex;
    QHash<QByteArray, Known> m_known;
    quint32 m_generation = 0;
};

} // namespace fx::gui
