#include "server/acceptor.h"

#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"

#include <QSocketNotifier>
#include <QTimerEvent>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

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
    pauseAccepting(); // QTcpServer's own accept loop stays off: acceptPending() accepts
    m_notifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Acceptor::acceptPending);
    return true;
}

void Acceptor::stop()
{
    m_resume.stop();
    delete m_notifier;
    m_notifier = nullptr;
    close();
}

void Acceptor::acceptPending()
{
    const int listener = int(socketDescriptor());
    for (int i = 0; i < 1024 && m_notifier; ++i) { // then let the event loop breathe
        const int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd >= 0) {
            incomingConnection(fd);
            continue;
        }
        const int err = errno;
        if (err == EAGAIN || err == EWOULDBLOCK)
            return;
        if (err == EINTR || err == ECONNABORTED || err == EPROTO)
            continue; // that connection is gone; the next may be fine
        onAcceptError(err);
        return;
    }
}

namespace {
QHostAddress peerOf(qintptr descriptor)
{
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (::getpeername(int(descriptor), reinterpret_cast<sockaddr *>(&ss), &len) != 0)
        return {};
    return ConnectionLimits::key(QHostAddress(reinterpret_cast<const sockaddr *>(&ss)));
}
} // namespace

void Acceptor::incomingConnection(qintptr descriptor)
{
    m_backoffMs = 0; // accepting works (again)
    const QHostAddress peer = peerOf(descriptor);
    // (A descriptor without a peer address, already reset, takes no slot.)
    const ConnectionLimits::Admission a =
        peer.isNull() ? ConnectionLimits::Admission::Admitted : m_ctx.limits().beginHandshake(peer);
    if (a != ConnectionLimits::Admission::Admitted) {
        // SECURITY.md, "Bounds": refused before any TLS or HTTP work. A plain connection reads a
        // 503 (written without blocking: the socket buffer of a new connection is empty); a
        // TLS client sees the connection closed.
        const bool perAddress = a == ConnectionLimits::Admission::TooManyHandshakesFromAddress;
        m_ctx.stats().countBound(perAddress ? BoundHit::HandshakesPerAddress : BoundHit::Handshakes);
        logBound(perAddress ? QStringLiteral("handshakes_per_ip") : QStringLiteral("handshakes"),
                 perAddress ? QStringLiteral("refused a connection from %1: %2 connections from it in their handshake")
                                  .arg(peer.toString())
                                  .arg(ConnectionLimits::kMaxHandshakesPerAddress)
                            : QStringLiteral("refused a connection from %1: %2 connections in their handshake")
                                  .arg(peer.toString())
                                  .arg(ConnectionLimits::kMaxHandshakes));
        if (!m_ctx.tls().enabled()) {
            static const QByteArray body = R"({"error":"service_unavailable","status":503,"message":)"
                                           R"("too many connections in their handshake; try again later"})";
            static const QByteArray response =
                "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 1\r\n"
                "Connection: close\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\n\r\n" + body;
            [[maybe_unused]] const ssize_t n =
                ::send(int(descriptor), response.constData(), size_t(response.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            ::shutdown(int(descriptor), SHUT_WR);
        }
        ::close(int(descriptor));
        return;
    }
    IoShard *shard = m_shards.at(m_next);
    m_next = (m_next + 1) % int(m_shards.size());
    QMetaObject::invokeMethod(
        shard, [shard, descriptor, peer] { shard->adoptSocket(descriptor, peer); }, Qt::QueuedConnection);
}

void Acceptor::onAcceptError(int error)
{
    // SECURITY.md, "Bounds": counted, logged, and retried after a pause that grows while the
    // error lasts, so running out of descriptors costs no CPU; accepting resumes by itself once
    // they come back (the waiting connections stay in the listen backlog meanwhile).
    m_ctx.stats().countBound(BoundHit::AcceptError);
    m_backoffMs = m_backoffMs ? std::min(m_backoffMs * 2, kMaxBackoffMs) : kFirstBackoffMs;
    logBound(QStringLiteral("accept_error"),
             QStringLiteral("accept failed (%1): retrying in %2 ms")
                 .arg(QString::fromLocal8Bit(std::strerror(error)))
                 .arg(m_backoffMs));
    m_notifier->setEnabled(false);
    m_resume.start(m_backoffMs, this);
}

void Acceptor::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_resume.timerId())
        return QTcpServer::timerEvent(event);
    m_resume.stop();
    if (m_notifier) {
        m_notifier->setEnabled(true);
        acceptPending(); // level-triggered anyway; this saves a pass
    }
}

} // namespace fx::server
