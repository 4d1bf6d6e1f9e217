#include "gui/clientsmodel.h"

#include "gui/format.h"
#include "gui/modelroles.h"
#include "gui/theme.h"

#include <QBrush>
#include <QFont>

namespace fx::gui {

ClientsModel::ClientsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

ClientsModel::~ClientsModel() = default;

int ClientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ClientsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString protocolText(const server::ClientInfo &c)
{
    const QString proto = c.protocol == u"socket.io" ? ClientsModel::tr("Socket.IO") : ClientsModel::tr("JSON");
    return QStringLiteral("%1 / %2").arg(proto, c.transport);
}

QString ClientsModel::roomsText(const server::ClientInfo &c) const
{
    if (c.rooms.isEmpty())
        return tr("none");
    if (m_roomTotal > 0 && c.rooms.size() == m_roomTotal)
        return tr("all (%1)").arg(c.rooms.size());
    if (c.rooms.size() <= 2) {
        QStringList pairs;
        for (const QString &r : c.rooms)
            pairs << (r.startsWith(u"price_") ? r.mid(6) : r);
        return pairs.join(QStringLiteral(", "));
    }
    return tr("%n room(s)", nullptr, int(c.rooms.size()));
}

QVariant ClientsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const server::ClientInfo &c = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Id: return QString::fromLatin1(c.id);
        case Address: return c.peer.isEmpty() ? tr("not known yet") : c.peer;
        case User: return c.user.isEmpty() ? QStringLiteral("—") : c.user;
        case Protocol: return protocolText(c);
        case Since: return fmt::localTime(c.connectedAtMicros);
        case Rooms: return roomsText(c);
        case Messages: return fmt::count(qint64(c.messagesSent));
        case Bytes: return fmt::bytes(qint64(c.bytesSent));
        case Rtt: return c.rttMs < 0 ? QStringLiteral("—") : fmt::roundTrip(c.rttMs);
        case Queue: return fmt::bytes(c.queuedBytes);
        }
        break;
    case SortRole:
        switch (col) {
        case Id: return QString::fromLatin1(c.id);
        case Address: return c.peer;
        case User: return c.user;
        case Protocol: return protocolText(c);
        case Since: return c.connectedAtMicros;
        case Rooms: return int(c.rooms.size());
        case Messages: return c.messagesSent;
        case Bytes: return c.bytesSent;
        case Rtt: return c.rttMs;
        case Queue: return c.queuedBytes;
        }
        break;
    case ExportRole:
        switch (col) {
        case User: return c.user; // empty, not "—", without a token
        case Since: return fmt::isoUtc(c.connectedAtMicros);
        case Rooms: return c.rooms.join(u';');
        case Messages: return c.messagesSent;
        case Bytes: return c.bytesSent;
        case Rtt: return c.rttMs < 0 ? QVariant(QString()) : QVariant(c.rttMs);
        case Queue: return c.queuedBytes;
        default: return data(index, Qt::DisplayRole);
        }
    case Qt::ToolTipRole:
        switch (col) {
        case Since: return fmt::utc(c.connectedAtMicros);
        case Rooms: return c.rooms.isEmpty() ? tr("Not subscribed to any pair") : c.rooms.join(u'\n');
        case Messages:
            return tr("%1 messages sent, %2 received")
                .arg(fmt::count(qint64(c.messagesSent)), fmt::count(qint64(c.messagesReceived)));
        case User: return tr("The \"sub\" of the client's token (WEBSOCKET_AUTH=jwt)");
        case Rtt: return tr("Last keep-alive round trip");
        case Queue: return tr("Bytes waiting to be written to this client");
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (col >= Messages)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (col >= Messages || col == Id) {
            QFont f = fmt::numberFont();
            if (isHighlighted(index.row()))
                f.setBold(true);
            return f;
        }
        if (isHighlighted(index.row())) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::BackgroundRole:
        if (isHighlighted(index.row()))
            return QBrush(Theme::highlight());
        break;
    default: break;
    }
    return {};
}

QVariant ClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section >= Messages ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (section) {
    case Id: return tr("Client id");
    case Address: return tr("Remote address");
    case User: return tr("User");
    case Protocol: return tr("Protocol / transport");
    case Since: return tr("Connected since");
    case Rooms: return tr("Rooms");
    case Messages: return tr("Messages sent");
    case Bytes: return tr("Bytes sent");
    case Rtt: return tr("Last RTT");
    case Queue: return tr("Send queue");
    }
    return {};
}

bool ClientsModel::isHighlighted(int row) const
{
    return !m_highlight.isEmpty() && m_rows.at(row).rooms.contains(m_highlight);
}

int ClientsModel::highlightedCount() const
{
    if (m_highlight.isEmpty())
        return 0;
    int n = 0;
    for (const server::ClientInfo &c : m_rows)
        n += c.rooms.contains(m_highlight) ? 1 : 0;
    return n;
}

void ClientsModel::setHighlightRoom(const QString &room)
{
    if (room == m_highlight)
        return;
    m_highlight = room;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
                           {Qt::BackgroundRole, Qt::FontRole});
}

void ClientsModel::update(const QList<server::ClientInfo> &clients)
{
    QHash<QByteArray, const server::ClientInfo *> incoming;
    incoming.reserve(clients.size());
    for (const server::ClientInfo &c : clients)
        incoming.insert(c.id, &c);

    // Departures: remove contiguous runs, last run first so earlier rows keep their numbers.
    QVector<int> gone;
    for (int i = 0; i < m_rows.size(); ++i)
        if (!incoming.contains(m_rows.at(i).id))
            gone.append(i);
    forEachRowRunBackwards(gone, [this](int first, int last) {
        beginRemoveRows(QModelIndex(), first, last);
        m_rows.remove(first, last - first + 1);
        endRemoveRows();
    });
    if (!gone.isEmpty()) {
        m_index.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).id, i);
    }

    // Changes: one dataChanged per changed row over the columns that changed, emitted right
    // after that row changes (a sorting proxy compares it with its neighbours, which must not
    // have changed unannounced); one range over everything when most rows changed.
    struct Change
    {
        int row, first, last;
    };
    QVector<Change> changes;
    for (int i = 0; i < m_rows.size(); ++i) {
        const server::ClientInfo &old = m_rows.at(i);
        const server::ClientInfo &now = *incoming.value(old.id);
        int first = ColumnCount, last = -1;
        auto mark = [&](bool differs, int col) {
            if (differs) {
                first = std::min(first, col);
                last = std::max(last, col);
            }
        };
        mark(old.peer != now.peer, Address);
        mark(old.user != now.user, User);
        mark(old.protocol != now.protocol || old.transport != now.transport, Protocol);
        mark(old.connectedAtMicros != now.connectedAtMicros, Since);
        if (old.rooms != now.rooms) {
            // The highlight depends on the rooms: every column may change colour.
            if (m_highlight.isEmpty())
                mark(true, Rooms);
            else {
                mark(true, Id);
                mark(true, Queue);
            }
        }
        mark(old.messagesSent != now.messagesSent || old.messagesReceived != now.messagesReceived, Messages);
        mark(old.bytesSent != now.bytesSent, Bytes);
        mark(old.rttMs != now.rttMs, Rtt);
        mark(old.queuedBytes != now.queuedBytes, Queue);
        if (last >= 0)
            changes.append({i, first, last});
    }
    if (changes.size() > m_rows.size() / 2 && changes.size() > 1) {
        // Over the columns that changed only: a proxy sorted by another column (the id, by
        // default) then has nothing to re-sort.
        int first = ColumnCount, last = -1;
        for (const Change &c : std::as_const(changes)) {
            m_rows[c.row] = *incoming.value(m_rows.at(c.row).id);
            first = std::min(first, c.first);
            last = std::max(last, c.last);
        }
        Q_EMIT dataChanged(index(0, first), index(int(m_rows.size()) - 1, last));
    } else {
        for (const Change &c : std::as_const(changes)) {
            m_rows[c.row] = *incoming.value(m_rows.at(c.row).id);
            Q_EMIT dataChanged(index(c.row, c.first), index(c.row, c.last));
        }
    }

    // Arrivals: one insert at the end, in the order the server listed them.
    QVector<const server::ClientInfo *> fresh;
    for (const server::ClientInfo &c : clients)
        if (!m_index.contains(c.id) && incoming.value(c.id) == &c) // a duplicate id counts once
            fresh.append(&c);
    if (!fresh.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        for (const server::ClientInfo *c : std::as_const(fresh)) {
            m_index.insert(c->id, int(m_rows.size()));
            m_rows.append(*c);
        }
        endInsertRows();
    }
}

} // namespace fx::gui
