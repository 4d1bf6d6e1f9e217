#include "gui/roomsmodel.h"

#include "gui/format.h"
#include "gui/modelroles.h"

#include <algorithm>

namespace fx::gui {

// internalId: 0 for a room row, room + 1 for a member row.
RoomsModel::RoomsModel(const QStringList &rooms, QObject *parent) : QAbstractItemModel(parent)
{
    for (const QString &r : rooms) {
        m_roomIndex.insert(r, int(m_rooms.size()));
        m_rooms.append(Room{r, {}, {}});
    }
}

RoomsModel::~RoomsModel() = default;

QModelIndex RoomsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_rooms.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const int r = parent.row();
    if (r >= m_rooms.size() || row >= m_rooms.at(r).members.size())
        return {};
    return createIndex(row, column, quintptr(r) + 1);
}

QModelIndex RoomsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int RoomsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rooms.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_rooms.at(parent.row()).members.size());
}

int RoomsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RoomsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const int col = index.column();
    if (index.internalId() == 0) {
        const Room &room = m_rooms.at(index.row());
        const int n = int(room.members.size());
        switch (role) {
        case Qt::DisplayRole:
            if (col == Name)
                return room.name;
            if (col == Subscribers)
                return fmt::count(n);
            return {};
        case SortRole:
            if (col == Subscribers)
                return n;
            return col == Name ? room.name : QString();
        case ExportRole:
            if (col == Subscribers)
                return n;
            return col == Name ? room.name : QString();
        case Qt::ToolTipRole: return tr("%n subscriber(s) in %1", nullptr, n).arg(room.name);
        case Qt::TextAlignmentRole:
            return int((col == Subscribers ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
        case Qt::FontRole:
            if (col == Subscribers)
                return fmt::numberFont();
            break;
        default: break;
        }
        return {};
    }
    const Room &room = m_rooms.at(int(index.internalId() - 1));
    const Member &m = room.members.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SortRole:
    case ExportRole:
        if (col == Name)
            return QString::fromLatin1(m.id);
        if (col == Address)
            return m.peer.isEmpty() && role == Qt::DisplayRole ? tr("not known yet") : m.peer;
        return {};
    case Qt::ToolTipRole: return tr("%1 (%2), member of %3").arg(m.peer, m.protocol, room.name);
    case Qt::FontRole:
        if (col == Name)
            return fmt::numberFont();
        break;
    default: break;
    }
    return {};
}

QVariant RoomsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Room / client");
    case Subscribers: return tr("Subscribers");
    case Address: return tr("Remote address");
    }
    return {};
}

QString RoomsModel::roomAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const int r = index.internalId() == 0 ? index.row() : int(index.internalId() - 1);
    return r < m_rooms.size() ? m_rooms.at(r).name : QString();
}

QByteArray RoomsModel::clientAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.internalId() == 0)
        return {};
    return m_rooms.at(int(index.internalId() - 1)).members.at(index.row()).id;
}

int RoomsModel::memberCount(const QString &room) const
{
    const int r = roomRow(room);
    return r < 0 ? 0 : int(m_rooms.at(r).members.size());
}

void RoomsModel::update(const QList<server::ClientInfo> &clients)
{
    const quint32 generation = ++m_generation;
    QVector<RoomChanges> changes(m_rooms.size());
    auto leave = [&](int r, const QByteArray &id) {
        if (const int row = m_rooms.at(r).index.value(id, -1); row >= 0)
            changes[r].leaving.append(row);
    };
    for (const server::ClientInfo &c : clients) {
        auto it = m_known.find(c.id);
        if (it == m_known.end()) {
            m_known.insert(c.id, Known{c.rooms, c.peer, c.protocol, generation});
            for (const QString &room : c.rooms)
                if (const int r = roomRow(room); r >= 0)
                    changes[r].joining.append(&c);
            continue;
        }
        Known &k = *it;
        k.generation = generation;
        if (k.rooms == c.rooms && k.peer == c.peer && k.protocol == c.protocol)
            continue; // the usual case
        const bool detailsChanged = k.peer != c.peer || k.protocol != c.protocol;
        for (const QString &room : std::as_const(k.rooms))
            if (const int r = roomRow(room); r >= 0) {
                if (!c.rooms.contains(room))
                    leave(r, c.id);
                else if (detailsChanged)
                    if (const int row = m_rooms.at(r).index.value(c.id, -1); row >= 0)
                        changes[r].changed.append(row);
            }
        for (const QString &room : c.rooms)
            if (const int r = roomRow(room); r >= 0 && !k.rooms.contains(room))
                changes[r].joining.append(&c);
        k.rooms = c.rooms;
        k.peer = c.peer;
        k.protocol = c.protocol;
    }
    // Clients of the previous snapshot that are gone.
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (it->generation == generation) {
            ++it;
            continue;
        }
        for (const QString &room : std::as_const(it->rooms))
            if (const int r = roomRow(room); r >= 0)
                leave(r, it.key());
        it = m_known.erase(it);
    }
    // Address changes first (rows still where they were), then departures, then arrivals.
    for (int r = 0; r < m_rooms.size(); ++r) {
        RoomChanges &rc = changes[r];
        if (!rc.leaving.isEmpty() || !rc.changed.isEmpty() || !rc.joining.isEmpty())
            applyRoom(r, rc);
    }
}

void RoomsModel::applyRoom(int r, RoomChanges &changes)
{
    Room &room = m_rooms[r];
    const QModelIndex parent = createIndex(r, 0, quintptr(0));
    for (const int row : std::as_const(changes.changed)) {
        Member &m = room.members[row];
        const Known &k = m_known[m.id];
        m.peer = k.peer;
        m.protocol = k.protocol;
        Q_EMIT dataChanged(index(row, Name, parent), index(row, Address, parent));
    }
    if (!changes.leaving.isEmpty()) {
        std::sort(changes.leaving.begin(), changes.leaving.end());
        changes.leaving.erase(std::unique(changes.leaving.begin(), changes.leaving.end()), changes.leaving.end());
        forEachRowRunBackwards(changes.leaving, [&](int first, int last) {
            beginRemoveRows(parent, first, last);
            room.members.remove(first, last - first + 1);
            endRemoveRows();
        });
        room.index.clear();
        for (int i = 0; i < room.members.size(); ++i)
            room.index.insert(room.members.at(i).id, i);
    }
    if (!changes.joining.isEmpty()) {
        const int first = int(room.members.size());
        beginInsertRows(parent, first, first + int(changes.joining.size()) - 1);
        for (const server::ClientInfo *c : std::as_const(changes.joining)) {
            room.index.insert(c->id, int(room.members.size()));
            room.members.append(Member{c->id, c->peer, c->protocol});
        }
        endInsertRows();
    }
    if (!changes.leaving.isEmpty() || !changes.joining.isEmpty())
        Q_EMIT dataChanged(index(r, Subscribers), index(r, Subscribers));
}

} // namespace fx::gui
