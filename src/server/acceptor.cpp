#include "server/acceptor.h"

#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"

#include <QTimerEvent>

namespace fx::server {

Acceptor::Acceptor(QList<IoShard *> shards, ServerContext &context) : m_shards(std::move(shards)), m_ctx(context)
{
    setListenBacklogSize(context.options().listenBacklog);
    // Accepting is cheap; never stop because of pending-connection bookkeeping.
    setMaxPendingConnections(1 << 20);
}

bool Acceptor::start(const QHostAddress &address, quint16 port)
{
    if (!listen(address, port))
        return false;
    watch();
    return true;
}

void Acceptor::stop()
{
    m_resume.stop();
    unwatch();
    close();
}

bool Acceptor::admitPeer(ServerContext &context, const QHostAddress &peer)
{
    // (A connection without a peer address, already reset, takes no slot.)
    const ConnectionLimits::Admission a =
        peer.isNull() ? ConnectionLimits::Admission::Admitted : context.limits().beginHandshake(peer);
    if (a == ConnectionLimits::Admission::Admitted)
        return true;
    // SECURITY.md, "Bounds": refused before any TLS or HTTP work. A plain connection reads a
    // 503 (refusal(), written without blocking: the socket buffer of a new connection is
    // empty); a TLS client sees the connection closed.
    const bool perAddress = a == ConnectionLimits::Admission::TooManyHandshakesFromAddress;
    context.stats().countBound(perAddress ? BoundHit::HandshakesPerAddress : BoundHit::Handshakes);
    logBound(perAddress ? QStringLiteral("handshakes_per_ip") : QStringLiteral("handshakes"),
             perAddress ? QStringLiteral("refused a connection from %1: %2 connections from it in their handshake")
                              .arg(peer.toString())
                              .arg(ConnectionLimits::kMaxHandshakesPerAddress)
                        : QStringLiteral("refused a connection from %1: %2 connections in their handshake")
                              .arg(peer.toString())
                              .arg(ConnectionLimits::kMaxHandshakes));
    return false;
}

bool Acceptor::admit(const QHostAddress &peer)
{
    m_backoffMs = 0; // accepting works (again)
    return admitPeer(m_ctx, peer);
}

const QByteArray &Acceptor::refusal()
{
    static const QByteArray body = R"({"error":"service_unavailable","status":503,"message":)"
                                   R"("too many connections in their handshake; try again later"})";
    static const QByteArray response = "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                                       "Retry-After: 1\r\nConnection: close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return response;
}

IoShard *Acceptor::nextShard()
{
    IoShard *shard = m_shards.at(m_next);
    m_next = (m_next + 1) % int(m_shards.size());
    return shard;
}

void Acceptor::onAcceptError(const QString &why)
{
    // SECURITY.md, "Bounds": counted, logged, and retried after a pause that grows while the
    // error lasts, so running out of descriptors costs no CPU; accepting resumes by itself once
    // they come back (the waiting connections stay in the listen backlog meanwhile).
    m_ctx.stats().countBound(BoundHit::AcceptError);
    m_backoffMs = m_backoffMs ? std::min(m_backoffMs * 2, kMaxBackoffMs) : kFirstBackoffMs;
    logBound(QStringLiteral("accept_error"),
             QStringLiteral("accept failed (%1): retrying in %2 ms").arg(why).arg(m_backoffMs));
    setAccepting(false);
    m_resume.start(m_backoffMs, this);
}

void Acceptor::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_resume.timerId())
        return QTcpServer::timerEvent(event);
    m_resume.stop();
    setAccepting(true);
}

} // namespace fx::server
