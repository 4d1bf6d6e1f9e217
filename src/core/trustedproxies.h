#pragma once

// WEBSOCKET_TRUSTED_PROXIES (SECURITY.md, "Behind a proxy"): the proxies whose X-Forwarded-For
// header the server believes. A connection from one of them belongs to the client the header
// names; from anywhere else the header is ignored, so a client cannot pick its own address.
// Plain value type, any thread.

#include <QByteArrayView>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

namespace fx::core {

class TrustedProxies
{
public:
    static constexpr int kMaxEntries = 64;
    // Hops of X-Forwarded-For looked at, from the right; more are not believed.
    static constexpr int kMaxHops = 16;

    // "" (none), or a comma-separated list of addresses and subnets ("10.0.0.0/8, ::1").
    // False with *error naming the first bad entry.
    static bool parse(const QString &list, TrustedProxies *out, QString *error);

    bool isEmpty() const { return m_subnets.isEmpty(); }
    bool contains(const QHostAddress &address) const;
    // The client behind peer: peer itself unless peer is trusted; then, walking X-Forwarded-For
    // from the right, the first address that is not a trusted proxy (the leftmost if all are).
    // A hop that is not an address (garbage, "unknown", a name) stops the walk: the last
    // trusted hop before it is the answer, as nothing further left can be believed.
    QHostAddress clientAddress(const QHostAddress &peer, QByteArrayView forwardedFor) const;
    // "address:port" for logs and limits: the peer's own port, or 0 for a forwarded client
    // (the proxy does not say the client's port).
    QString clientPeer(const QHostAddress &peer, quint16 port, QByteArrayView forwardedFor) const;

private:
    QList<QPair<QHostAddress, int>> m_subnets;
};

} // namespace fx::core
