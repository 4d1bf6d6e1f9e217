#pragma once

// SECURITY.md, "Bounds": connections counted by remote address, shared by the accept thread
// and the I/O threads. A connection holds a handshake slot from accept until its first request
// head is complete (or it goes away); a client holds a client slot from admission until it is
// reaped. Every slot taken is given back exactly once by its holder (HttpConnection, IoShard).
// Thread-safe: one mutex, taken once per connection event, never per message.

#include "core/trustedproxies.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>

class QTcpSocket;

namespace fx::protocol {
struct HttpRequest;
}

namespace fx::server {

// SECURITY.md, "Behind a proxy": the client's "address:port" as the limits, the logs and the
// desktop know it. The I/O thread works it out once from the request head (X-Forwarded-For,
// believed from WEBSOCKET_TRUSTED_PROXIES only) and keeps it on a socket it hands over for a
// WebSocket upgrade; clientPeerOf() reads it back, or the socket's own peer when none was kept.
inline constexpr const char *kClientPeerProperty = "fxClientPeer";
QString clientPeer(const core::TrustedProxies &trusted, const QTcpSocket *socket, const protocol::HttpRequest &request);
QString clientPeerOf(const QTcpSocket *socket);

// Logs one line about a bound hit (SECURITY.md, "Bounds"), at most 5 per key every 10 s, with
// the count of lines held back. Never pass a secret.
void logBound(const QString &key, const QString &line);

class ConnectionLimits
{
public:
    // Connections that have not completed their request head, at most, in all and per address.
    static constexpr int kMaxHandshakes = 4096;
    static constexpr int kMaxHandshakesPerAddress = 1024;

    // maxClientsPerAddress: WEBSOCKET_MAX_CONNECTIONS_PER_IP (0 = no limit).
    // Trusted proxies carry many clients each: only the total bounds their handshakes.
    explicit ConnectionLimits(int maxClientsPerAddress, core::TrustedProxies trusted = {})
        : m_maxClientsPerAddress(maxClientsPerAddress)
        , m_trusted(std::move(trusted))
    {
    }

    enum class Admission { Admitted, TooManyHandshakes, TooManyHandshakesFromAddress };
    Admission beginHandshake(const QHostAddress &peer);
    void endHandshake(const QHostAddress &peer);

    // False when the address has WEBSOCKET_MAX_CONNECTIONS_PER_IP clients already.
    bool tryAddClient(const QHostAddress &peer);
    void removeClient(const QHostAddress &peer);
    int maxClientsPerAddress() const;
    // SIGHUP (docs/OPERATIONS.md, "Reload"): applies to clients admitted from now on; clients
    // already over a lowered limit stay connected.
    void setMaxClientsPerAddress(int maxClientsPerAddress);

    // For /metrics: connections in their handshake now; addresses tracked.
    int handshakes() const;
    int trackedAddresses() const;

    // IPv4 peers of a dual-stack socket arrive as ::ffff:a.b.c.d: one address, one key.
    static QHostAddress key(const QHostAddress &peer);
    // "a.b.c.d:port" or "[v6]:port" / "v6:port" (Client::peer()) to its address.
    static QHostAddress addressOfPeer(const QString &peer);

private:
    struct Counts
    {
        int handshakes = 0;
        int clients = 0;
    };
    void dropIfEmpty(QHash<QHostAddress, Counts>::iterator it);

    int m_maxClientsPerAddress; // under m_mutex
    const core::TrustedProxies m_trusted;
    mutable QMutex m_mutex;
    QHash<QHostAddress, Counts> m_byAddress;
    int m_handshakes = 0;
};

} // namespace fx::server
