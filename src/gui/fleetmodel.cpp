#include "gui/fleetmodel.h"

#include "gui/format.h"
#include "gui/theme.h"

#include <QBrush>
#include <QFont>
#include <cmath>

namespace fx::gui {

FleetModel::FleetModel(engine::FleetWatch *watch, QObject *parent) : QAbstractTableModel(parent), m_watch(watch)
{
}

FleetModel::~FleetModel() = default;

int FleetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FleetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int FleetModel::rowOf(const QString &serverId) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).heartbeat.serverId == serverId)
            return i;
    return -1;
}

void FleetModel::refresh(qint64 nowMs)
{
    m_nowMs = nowMs;
    const QVector<engine::FleetServer> next = m_watch ? m_watch->servers() : QVector<engine::FleetServer>();
    // The watch removes in place and appends at the end: remove the rows that left (last first),
    // then what remains is a prefix of the new list.
    QSet<QString> ids;
    for (const engine::FleetServer &s : next)
        ids.insert(s.heartbeat.serverId);
    for (int i = int(m_rows.size()) - 1; i >= 0; --i)
        if (!ids.contains(m_rows.at(i).heartbeat.serverId)) {
            beginRemoveRows(QModelIndex(), i, i);
            m_rows.remove(i);
            endRemoveRows();
        }
    bool prefix = m_rows.size() <= next.size();
    for (int i = 0; prefix && i < m_rows.size(); ++i)
        prefix = m_rows.at(i).heartbeat.serverId == next.at(i).heartbeat.serverId;
    if (!prefix) { // cannot happen with the watch's order; stay correct anyway
        beginResetModel();
        m_rows = next;
        endResetModel();
        return;
    }
    const int old = int(m_rows.size());
    for (int i = 0; i < old; ++i)
        m_rows[i] = next.at(i);
    if (old > 0)
        Q_EMIT dataChanged(index(0, 0), index(old - 1, ColumnCount - 1));
    if (next.size() > old) {
        beginInsertRows(QModelIndex(), old, int(next.size()) - 1);
        m_rows += next.mid(old);
        endInsertRows();
    }
}

static QString rate(double v)
{
    return fmt::decimal(v, v < 100 ? 1 : 0);
}

static QString latencyText(const engine::FleetReport &h)
{
    if (!h.latencyP50Ms && !h.latencyP99Ms)
        return QStringLiteral("—");
    return QStringLiteral("%1 / %2 ms")
        .arg(h.latencyP50Ms ? fmt::decimal(*h.latencyP50Ms, 1) : QStringLiteral("—"),
             h.latencyP99Ms ? fmt::decimal(*h.latencyP99Ms, 1) : QStringLiteral("—"));
}

QVariant FleetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const engine::FleetServer &s = m_rows.at(index.row());
    const engine::FleetReport &h = s.heartbeat;
    const int col = index.column();
    const qint64 ageMs = std::max<qint64>(0, m_nowMs - s.lastSeenMs);
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Server: return h.serverId;
        case Status: return s.stale ? tr("Stale: silent %1").arg(fmt::milliseconds(ageMs - ageMs % 1000)) : tr("Live");
        case Mode: return h.mode == u"headless" ? tr("headless") : (h.mode == u"desktop" ? tr("desktop") : h.mode);
        case Version: return h.version;
        case Listen: return h.tls ? h.listen + QStringLiteral(" (TLS)") : h.listen;
        case Uptime: return fmt::duration(qint64(h.uptimeS));
        case Clients: return fmt::count(h.clients);
        case Rooms: return fmt::count(h.rooms);
        case MessagesPerS: return rate(h.messagesPerS);
        case BytesPerS: return tr("%1/s").arg(fmt::bytes(qint64(h.bytesPerS)));
        case Redis:
            return h.redisEndpoint.isEmpty() ? h.redisState
                                             : QStringLiteral("%1 · %2").arg(h.redisState, h.redisEndpoint);
        case Database:
            return h.databaseDriver.isEmpty() ? h.databaseState
                                              : QStringLiteral("%1 · %2").arg(h.databaseState, h.databaseDriver);
        case Latency: return latencyText(h);
        case Conflated: return fmt::count(h.conflated);
        case Dropped: return fmt::count(h.dropped);
        case LastSeen: return ageMs < 1000 ? tr("just now") : tr("%1 ago").arg(fmt::milliseconds(ageMs - ageMs % 1000));
        }
        break;
    case SortRole:
        switch (col) {
        case Server: return h.serverId;
        case Status: return s.stale ? 1 : 0;
        case Uptime: return h.uptimeS;
        case Clients:
        case ClientsTrend: return h.clients;
        case Rooms: return h.rooms;
        case MessagesPerS:
        case MessagesTrend: return h.messagesPerS;
        case BytesPerS: return h.bytesPerS;
        case Latency: return h.latencyP99Ms.value_or(-1);
        case Conflated: return h.conflated;
        case Dropped: return h.dropped;
        case LastSeen: return ageMs;
        default: return data(index, Qt::DisplayRole);
        }
    case ExportRole:
        switch (col) {
        case Status: return s.stale ? QStringLiteral("stale") : QStringLiteral("live");
        case Mode: return h.mode;
        case Listen: return h.listen;
        case Uptime: return h.uptimeS;
        case Clients: return h.clients;
        case Rooms: return h.rooms;
        case MessagesPerS: return h.messagesPerS;
        case BytesPerS: return h.bytesPerS;
        case ClientsTrend:
        case MessagesTrend: return QString();
        case Latency:
            return QStringLiteral("%1/%2").arg(h.latencyP50Ms ? QString::number(*h.latencyP50Ms) : QString(),
                                               h.latencyP99Ms ? QString::number(*h.latencyP99Ms) : QString());
        case Conflated: return h.conflated;
        case Dropped: return h.dropped;
        case LastSeen: return fmt::isoUtc(s.lastSeenWallMs * 1000);
        default: return data(index, Qt::DisplayRole);
        }
    case SparklineRole:
        if (col == ClientsTrend)
            return QVariant::fromValue(s.clientsHistory);
        if (col == MessagesTrend)
            return QVariant::fromValue(s.messagesHistory);
        break;
    case Qt::ToolTipRole:
        if (col == LastSeen)
            return fmt::utc(s.lastSeenWallMs * 1000);
        if (col == Server)
            return tr("%1 (host %2, pid %3)").arg(h.serverId, h.host).arg(h.pid);
        if (col == Status && s.stale)
            return tr("No heartbeat for longer than FLEET_STALE_SECONDS (%1 s)")
                .arg(m_watch ? m_watch->staleSeconds() : 0);
        if (col == Redis && !h.redisVia.isEmpty())
            return tr("Redis %1 via %2").arg(h.redisEndpoint, h.redisVia);
        if (col == Latency)
            return tr("Delivery latency p50 / p99, last 10 s (from receipt on the Redis thread to the socket write)");
        break;
    case Qt::DecorationRole:
        if (col == Server)
            return Theme::dot(s.stale ? Theme::error() : Theme::ok());
        break;
    case Qt::ForegroundRole:
        if (s.stale)
            return QBrush(Theme::error());
        if (col == Redis && h.redisState != u"connected")
            return QBrush(Theme::warning());
        if (col == Database && h.databaseState != u"ok" && h.databaseState != u"off")
            return QBrush(Theme::warning());
        break;
    case Qt::FontRole:
        if (col == Status && s.stale) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (col == Clients || col == Rooms || col == MessagesPerS || col == BytesPerS || col == Conflated
            || col == Dropped || col == Uptime || col == Latency)
            return fmt::numberFont();
        break;
    case Qt::TextAlignmentRole:
        switch (col) {
        case Uptime:
        case Clients:
        case Rooms:
        case MessagesPerS:
        case BytesPerS:
        case Latency:
        case Conflated:
        case Dropped: return int(Qt::AlignRight | Qt::AlignVCenter);
        default: return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default: break;
    }
    return {};
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Server: return tr("Server");
    case Status: return tr("Status");
    case Mode: return tr("Mode");
    case Version: return tr("Version");
    case Listen: return tr("Listen");
    case Uptime: return tr("Uptime");
    case Clients: return tr("Clients");
    case ClientsTrend: return tr("Clients trend");
    case Rooms: return tr("Rooms");
    case MessagesPerS: return tr("Msg/s");
    case MessagesTrend: return tr("Msg/s trend");
    case BytesPerS: return tr("Bytes/s");
    case Redis: return tr("Redis");
    case Database: return tr("Database");
    case Latency: return tr("Latency p50/p99");
    case Conflated: return tr("Conflated");
    case Dropped: return tr("Dropped");
    case LastSeen: return tr("Last seen");
    }
    return {};
}

} // namespace fx::gui
