#pragma once

// Counters of the streaming server. One model for every reader (server_stats, /health,
// /metrics, the GUI). Hot counters live in per-shard blocks written by one I/O thread each and
// summed by readers; rare events use shared atomics. No locks.

#include "auth/tokenverifier.h"
#include "protocol/contract.h"
#include "server/latencyhistogram.h"

#include <QString>
#include <QStringList>
#include <array>
#include <atomic>
#include <memory>
#include <vector>

namespace fx::server {

// Why a client was disconnected by the server or went away.
enum class DisconnectReason {
    ClientClosed, // close frame / EIO close from the client
    Vanished, // TCP closed without a close handshake
    KeepaliveTimeout, // no pong in time
    MessageTooLarge, // close 1009
    RateLimited, // close 1008 after a sustained flood
    SlowConsumer, // send queue over the limit
    ServerFull, // refused at connect, close 1013
    Kicked, // operator disconnected it
    Shutdown, // server stopping, close 1001
    ProtocolError, // broken Engine.IO / Socket.IO framing
    Unauthorized, // refused at connect: no valid token (WEBSOCKET_AUTH=jwt), close 1008
    TokenExpired, // the token expired while connected, close 4001
};
inline constexpr int kDisconnectReasonCount = 12;
QString disconnectReasonName(DisconnectReason r);

// SECURITY.md, "Bounds": a connection refused or closed by a bound, or a resource failure
// survived (fxmonitor_bound_hits_total{bound=...}).
enum class BoundHit {
    HttpWriteQueue, // plain HTTP responses not drained within the deadline: closed
    HeadTimeout, // request head not complete by its deadline: 408, closed
    Handshakes, // too many connections in their handshake: refused at accept
    HandshakesPerAddress, // the same from one address
    ClientsPerAddress, // WEBSOCKET_MAX_CONNECTIONS_PER_IP: close 1013 / CONNECT_ERROR
    AcceptError, // accept() failed (descriptors, memory): retried after a pause
    OutOfMemory, // std::bad_alloc on a connection's path: that connection dropped
    LingeringClose, // protocol-error close followed by a read-and-discard grace period
};
inline constexpr int kBoundHitCount = 8;
QString boundHitName(BoundHit b);

struct alignas(64) ShardCounters
{
    std::atomic<quint64> messagesSent{0};
    std::atomic<quint64> bytesSent{0};
    std::atomic<quint64> messagesReceived{0};
    std::atomic<quint64> bytesReceived{0};
    std::atomic<quint64> conflated{0}; // price updates replaced by a newer one for a slow client
    std::atomic<quint64> broadcasts{0};
    std::atomic<quint64> overloadConflated{0}; // replaced before reaching any client: the shard fell behind
    // SECURITY.md, "Bounds": Socket.IO packets decoded (JSON parsed) after passing the rate and
    // size limits, bytes of binary attachments buffered, WebSocket ping frames received.
    std::atomic<quint64> sioDecoded{0};
    std::atomic<quint64> sioAttachmentBytes{0};
    std::atomic<quint64> wsPings{0};
    // ARCHITECTURE.md, "Delivery latency": this thread's share of the latency histograms.
    DeliveryLatency latency;

    void add(std::atomic<quint64> &c, quint64 n = 1)
    {
        c.store(c.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
};

struct StatsSnapshot
{
    int connectedClients = 0;
    int peakClients = 0;
    quint64 totalConnections = 0;
    int maxClients = 0;
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 messagesReceived = 0;
    quint64 bytesReceived = 0;
    quint64 conflated = 0;
    quint64 broadcasts = 0;
    quint64 overloadConflated = 0;
    quint64 sioDecoded = 0;
    quint64 sioAttachmentBytes = 0;
    quint64 wsPings = 0;
    quint64 httpRequests = 0;
    quint64 httpErrors = 0;
    quint64 originRefused = 0; // requests and upgrades refused for their Origin
    quint64 adminRefused = 0; // /health and /metrics refused (401) without the admin token
    std::array<quint64, auth::kTokenFailureCount> authRefused{}; // tokens refused, by failure
    quint64 forbidden = 0; // requests for pairs the client's token does not permit
    quint64 recovered = 0; // PROTOCOL.md, "History and recovery": messages replayed to reconnected clients
    std::array<quint64, protocol::kErrorCodeCount> errors{};
    std::array<quint64, kDisconnectReasonCount> disconnects{};
    std::array<quint64, kBoundHitCount> boundHits{};
    std::vector<int> roomSubscribers; // by pair index
    double uptimeSeconds = 0;
    // ARCHITECTURE.md, "Delivery latency": every I/O thread's histograms merged.
    DeliveryLatencySnapshot latency;

    // Refused tokens by reason name ("expired": 3), the reasons with a count only.
    QList<QPair<QString, quint64>> authRefusedByReason() const;
    quint64 authRefusedTotal() const;
};

class ServerStats
{
public:
    ServerStats(int shards, int rooms, int maxClients);

    ShardCounters &shard(int i) { return *m_shards[size_t(i)]; }

    // Reserves a client slot; false when the server is full.
    bool tryAddClient();
    void removeClient();
    int connectedClients() const { return m_connected.load(std::memory_order_relaxed); }

    void roomJoined(int room) { m_rooms[size_t(room)].fetch_add(1, std::memory_order_relaxed); }
    void roomLeft(int room) { m_rooms[size_t(room)].fetch_sub(1, std::memory_order_relaxed); }

    void countError(protocol::ErrorCode code) { m_errors[size_t(code)].fetch_add(1, std::memory_order_relaxed); }
    void countDisconnect(DisconnectReason r) { m_disconnects[size_t(r)].fetch_add(1, std::memory_order_relaxed); }
    void countBound(BoundHit b) { m_boundHits[size_t(b)].fetch_add(1, std::memory_order_relaxed); }
    void countHttp(bool error)
    {
        m_http.fetch_add(1, std::memory_order_relaxed);
        if (error)
            m_httpErrors.fetch_add(1, std::memory_order_relaxed);
    }

    // A browser request or upgrade refused for an Origin outside CORS_ALLOWED_ORIGINS.
    void countOriginRefused() { m_originRefused.fetch_add(1, std::memory_order_relaxed); }

    // /health or /metrics refused (401) for a missing or wrong admin token.
    void countAdminRefused() { m_adminRefused.fetch_add(1, std::memory_order_relaxed); }

    // SECURITY.md, "Tokens": a token refused (at connect or refresh_token), by failure.
    void countAuthRefused(auth::TokenFailure f) { m_authRefused[size_t(f)].fetch_add(1, std::memory_order_relaxed); }
    // SECURITY.md, "Pair permissions": a pair refused to a client (FORBIDDEN, forbidden_pairs).
    void countForbidden(quint64 n = 1) { m_forbidden.fetch_add(n, std::memory_order_relaxed); }

    // PROTOCOL.md, "History and recovery": messages replayed by recoveries.
    void countRecovered(quint64 n) { m_recovered.fetch_add(n, std::memory_order_relaxed); }

    StatsSnapshot snapshot() const;

private:
    std::vector<std::unique_ptr<ShardCounters>> m_shards;
    std::unique_ptr<std::atomic<int>[]> m_roomsStorage;
    std::atomic<int> *m_rooms;
    int m_roomCount;
    int m_maxClients;
    std::atomic<int> m_connected{0};
    std::atomic<int> m_peak{0};
    std::atomic<quint64> m_total{0};
    std::atomic<quint64> m_http{0};
    std::atomic<quint64> m_httpErrors{0};
    std::atomic<quint64> m_originRefused{0};
    std::atomic<quint64> m_adminRefused{0};
    std::array<std::atomic<quint64>, auth::kTokenFailureCount> m_authRefused{};
    std::atomic<quint64> m_forbidden{0};
    std::atomic<quint64> m_recovered{0};
    std::array<std::atomic<quint64>, protocol::kErrorCodeCount> m_errors{};
    std::array<std::atomic<quint64>, kDisconnectReasonCount> m_disconnects{};
    std::array<std::atomic<quint64>, kBoundHitCount> m_boundHits{};
    qint64 m_startedNs;
};

} // namespace fx::server
