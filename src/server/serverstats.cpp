#include "server/serverstats.h"

#include "core/timeutil.h"

namespace fx::server {

QString disconnectReasonName(DisconnectReason r)
{
    switch (r) {
    case DisconnectReason::ClientClosed: return QStringLiteral("client_closed");
    case DisconnectReason::Vanished: return QStringLiteral("vanished");
    case DisconnectReason::KeepaliveTimeout: return QStringLiteral("keepalive_timeout");
    case DisconnectReason::MessageTooLarge: return QStringLiteral("message_too_large");
    case DisconnectReason::RateLimited: return QStringLiteral("rate_limited");
    case DisconnectReason::SlowConsumer: return QStringLiteral("slow_consumer");
    case DisconnectReason::ServerFull: return QStringLiteral("server_full");
    case DisconnectReason::Kicked: return QStringLiteral("kicked");
    case DisconnectReason::Shutdown: return QStringLiteral("shutdown");
    case DisconnectReason::ProtocolError: return QStringLiteral("protocol_error");
    case DisconnectReason::Unauthorized: return QStringLiteral("unauthorized");
    case DisconnectReason::TokenExpired: return QStringLiteral("token_expired");
    }
    return {};
}

QString boundHitName(BoundHit b)
{
    switch (b) {
    case BoundHit::HttpWriteQueue: return QStringLiteral("http_write_queue");
    case BoundHit::HeadTimeout: return QStringLiteral("head_timeout");
    case BoundHit::Handshakes: return QStringLiteral("handshakes");
    case BoundHit::HandshakesPerAddress: return QStringLiteral("handshakes_per_ip");
    case BoundHit::ClientsPerAddress: return QStringLiteral("connections_per_ip");
    case BoundHit::AcceptError: return QStringLiteral("accept_error");
    case BoundHit::OutOfMemory: return QStringLiteral("out_of_memory");
    case BoundHit::LingeringClose: return QStringLiteral("lingering_close");
    }
    return {};
}

ServerStats::ServerStats(int shards, int rooms, int maxClients)
    : m_roomsStorage(new std::atomic<int>[size_t(std::max(rooms, 1))])
    , m_rooms(m_roomsStorage.get())
    , m_roomCount(rooms)
    , m_maxClients(maxClients)
    , m_startedNs(core::monotonicNanos())
{
    for (int i = 0; i < shards; ++i)
        m_shards.push_back(std::make_unique<ShardCounters>());
    for (int i = 0; i < std::max(rooms, 1); ++i)
        m_rooms[i].store(0);
}

bool ServerStats::tryAddClient()
{
    int cur = m_connected.load(std::memory_order_relaxed);
    do {
        if (cur >= m_maxClients)
            return false;
    } while (!m_connected.compare_exchange_weak(cur, cur + 1, std::memory_order_relaxed));
    m_total.fetch_add(1, std::memory_order_relaxed);
    int peak = m_peak.load(std::memory_order_relaxed);
    while (cur + 1 > peak && !m_peak.compare_exchange_weak(peak, cur + 1, std::memory_order_relaxed)) {}
    return true;
}

void ServerStats::removeClient()
{
    m_connected.fetch_sub(1, std::memory_order_relaxed);
}

StatsSnapshot ServerStats::snapshot() const
{
    StatsSnapshot s;
    s.connectedClients = m_connected.load(std::memory_order_relaxed);
    s.peakClients = m_peak.load(std::memory_order_relaxed);
    s.totalConnections = m_total.load(std::memory_order_relaxed);
    s.maxClients = m_maxClients;
    for (const auto &sh : m_shards) {
        s.messagesSent += sh->messagesSent.load(std::memory_order_relaxed);
        s.bytesSent += sh->bytesSent.load(std::memory_order_relaxed);
        s.messagesReceived += sh->messagesReceived.load(std::memory_order_relaxed);
        s.bytesReceived += sh->bytesReceived.load(std::memory_order_relaxed);
        s.conflated += sh->conflated.load(std::memory_order_relaxed);
        s.broadcasts += sh->broadcasts.load(std::memory_order_relaxed);
        s.overloadConflated += sh->overloadConflated.load(std::memory_order_relaxed);
        s.sioDecoded += sh->sioDecoded.load(std::memory_order_relaxed);
        s.sioAttachmentBytes += sh->sioAttachmentBytes.load(std::memory_order_relaxed);
        s.wsPings += sh->wsPings.load(std::memory_order_relaxed);
    }
    s.httpRequests = m_http.load(std::memory_order_relaxed);
    s.httpErrors = m_httpErrors.load(std::memory_order_relaxed);
    s.originRefused = m_originRefused.load(std::memory_order_relaxed);
    s.adminRefused = m_adminRefused.load(std::memory_order_relaxed);
    for (size_t i = 0; i < m_authRefused.size(); ++i)
        s.authRefused[i] = m_authRefused[i].load(std::memory_order_relaxed);
    s.forbidden = m_forbidden.load(std::memory_order_relaxed);
    s.recovered = m_recovered.load(std::memory_order_relaxed);
    for (size_t i = 0; i < s.errors.size(); ++i)
        s.errors[i] = m_errors[i].load(std::memory_order_relaxed);
    for (size_t i = 0; i < s.disconnects.size(); ++i)
        s.disconnects[i] = m_disconnects[i].load(std::memory_order_relaxed);
    for (size_t i = 0; i < s.boundHits.size(); ++i)
        s.boundHits[i] = m_boundHits[i].load(std::memory_order_relaxed);
    s.roomSubscribers.resize(size_t(m_roomCount));
    for (int i = 0; i < m_roomCount; ++i)
        s.roomSubscribers[size_t(i)] = m_rooms[i].load(std::memory_order_relaxed);
    const qint64 now = core::monotonicNanos();
    for (const auto &sh : m_shards) {
        s.latency.receipt.merge(sh->latency.receipt.total());
        s.latency.age.merge(sh->latency.age.total());
        s.latency.receiptWindow.merge(sh->latency.receipt.window(now));
        s.latency.ageWindow.merge(sh->latency.age.window(now));
    }
    s.uptimeSeconds = double(now - m_startedNs) / 1e9;
    return s;
}

QList<QPair<QString, quint64>> StatsSnapshot::authRefusedByReason() const
{
    QList<QPair<QString, quint64>> out;
    for (size_t i = 0; i < authRefused.size(); ++i)
        if (authRefused[i] > 0)
            out.append({auth::reasonName(auth::TokenFailure(i)), authRefused[i]});
    return out;
}

quint64 StatsSnapshot::authRefusedTotal() const
{
    quint64 n = 0;
    for (const quint64 v : authRefused)
        n += v;
    return n;
}

} // namespace fx::server
