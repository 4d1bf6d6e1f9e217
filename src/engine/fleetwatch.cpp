#include "engine/fleetwatch.h"

#include "core/timeutil.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(fxFleetLog, "fx.fleet")

namespace fx::engine {

FleetWatch::FleetWatch(int staleSeconds, QObject *parent)
    : QObject(parent)
    , m_staleMs(qint64(std::clamp(staleSeconds, 1, 3600)) * 1000)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(250); // a stale server turns red within a quarter of a second
    connect(m_timer, &QTimer::timeout, this, [this] { checkStale(nowMs()); });
    m_timer->start();
}

FleetWatch::~FleetWatch() = default;

qint64 FleetWatch::nowMs()
{
    return core::monotonicMillis();
}

void FleetWatch::setStaleSeconds(int seconds)
{
    m_staleMs = qint64(std::clamp(seconds, 1, 3600)) * 1000;
    checkStale(nowMs());
}

bool FleetWatch::ingest(const QByteArray &payload, qint64 nowMs)
{
    const FleetParse p = parseFleetMessage(payload);
    if (!p.message) {
        refuse(p.reason, p.detail);
        return false;
    }
    return accept(*p.message, nowMs, nowMs);
}

bool FleetWatch::ingestKey(const QByteArray &value, qint64 ageMs, qint64 nowMs)
{
    const FleetParse p = parseFleetMessage(value);
    if (!p.message) {
        refuse(p.reason, p.detail);
        return false;
    }
    if (p.message->kind != FleetMessage::Kind::Heartbeat) {
        refuse(FleetReject::UnknownType, QStringLiteral("a fleet key holds a leave"));
        return false;
    }
    return accept(*p.message, nowMs - std::max<qint64>(0, ageMs), nowMs);
}

void FleetWatch::refuse(FleetReject reason, const QString &detail)
{
    ++m_rejected[size_t(reason)];
    const QString name = fleetRejectName(reason);
    qint64 suppressed = 0;
    if (m_logLimiter.allow(name, &suppressed))
        qCWarning(fxFleetLog).noquote() << QStringLiteral("ignored a fleet message (%1): %2%3")
                                               .arg(name, detail,
                                                    suppressed
                                                        ? QStringLiteral(" (%1 similar suppressed)").arg(suppressed)
                                                        : QString());
    Q_EMIT messageRejected(name, detail);
}

bool FleetWatch::accept(const FleetMessage &m, qint64 seenMs, qint64 nowMs)
{
    const QString &id = m.heartbeat.serverId;
    const int at = indexOf(id);
    if (m.kind == FleetMessage::Kind::Leave) {
        ++m_accepted;
        if (at >= 0) {
            qCInfo(fxFleetLog).noquote() << "server" << id << "left the fleet (clean stop)";
            remove(at);
            Q_EMIT serverRemoved(id);
        }
        return true;
    }
    if (at < 0) {
        if (m_servers.size() >= kMaxServers) {
            ++m_overLimit;
            qint64 suppressed = 0;
            if (m_logLimiter.allow(QStringLiteral("limit"), &suppressed))
                qCWarning(fxFleetLog).noquote()
                    << QStringLiteral("ignored server %1: %2 servers tracked already").arg(id).arg(kMaxServers);
            return false;
        }
        ++m_accepted;
        FleetServer s;
        s.heartbeat = m.heartbeat;
        s.firstSeenMs = seenMs;
        s.lastSeenMs = seenMs;
        s.lastSeenWallMs = core::nowMillis() - (nowMs - seenMs);
        s.clientsHistory = {double(m.heartbeat.clients)};
        s.messagesHistory = {m.heartbeat.messagesPerS};
        m_index.insert(id, int(m_servers.size()));
        m_servers.append(s);
        ++m_revision;
        qCInfo(fxFleetLog).noquote() << "server" << id << "joined the fleet";
        Q_EMIT serverAdded(id);
        checkStale(nowMs); // a key read at start may be stale already
        return true;
    }
    ++m_accepted;
    FleetServer &s = m_servers[at];
    if (seenMs < s.lastSeenMs)
        return true; // older than what we have (a key read after a heartbeat arrived)
    const qint64 previousMs = s.lastSeenMs;
    s.heartbeat = m.heartbeat;
    s.lastSeenMs = seenMs;
    s.lastSeenWallMs = core::nowMillis() - (nowMs - seenMs);
    s.clientsHistory.append(double(m.heartbeat.clients));
    s.messagesHistory.append(m.heartbeat.messagesPerS);
    if (s.clientsHistory.size() > kHistory) {
        s.clientsHistory.remove(0, s.clientsHistory.size() - kHistory);
        s.messagesHistory.remove(0, s.messagesHistory.size() - kHistory);
    }
    ++m_revision;
    if (s.stale && nowMs - seenMs <= m_staleMs) {
        const qint64 silent = seenMs - previousMs;
        s.stale = false;
        s.staleSinceMs = 0;
        qCWarning(fxFleetLog).noquote() << "server" << id << "is back after" << silent << "ms of silence";
        Q_EMIT serverReturned(id, silent);
    }
    return true;
}

void FleetWatch::checkStale(qint64 nowMs)
{
    for (FleetServer &s : m_servers) {
        if (s.stale || nowMs - s.lastSeenMs <= m_staleMs)
            continue;
        s.stale = true;
        s.staleSinceMs = s.lastSeenMs + m_staleMs;
        ++m_revision;
        const qint64 silent = nowMs - s.lastSeenMs;
        qCWarning(fxFleetLog).noquote() << "server" << s.heartbeat.serverId << "is stale: silent for" << silent << "ms";
        Q_EMIT serverStale(s.heartbeat.serverId, silent);
    }
}

void FleetWatch::remove(int index)
{
    m_servers.remove(index);
    m_index.clear();
    for (int i = 0; i < m_servers.size(); ++i)
        m_index.insert(m_servers.at(i).heartbeat.serverId, i);
    ++m_revision;
}

void FleetWatch::clear()
{
    m_servers.clear();
    m_index.clear();
    ++m_revision;
}

FleetTotals FleetWatch::totals() const
{
    FleetTotals t;
    for (const FleetServer &s : m_servers) {
        if (s.stale) {
            ++t.stale;
            continue;
        }
        ++t.live;
        t.clients += s.heartbeat.clients;
        t.messagesPerS += s.heartbeat.messagesPerS;
        t.bytesPerS += s.heartbeat.bytesPerS;
    }
    return t;
}

quint64 FleetWatch::rejectedTotal() const
{
    quint64 n = 0;
    for (quint64 r : m_rejected)
        n += r;
    return n;
}

} // namespace fx::engine
