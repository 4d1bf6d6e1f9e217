// The fast side of the acceptor's platform seam (acceptor.h): our own accept4() loop on a
// QSocketNotifier, the peer's address from getpeername() and the 503 written straight to the
// descriptor; the shard makes the socket object on its own thread.

#include "server/acceptor.h"

#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"

#include <QSocketNotifier>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace fx::server {

void Acceptor::watch()
{
    pauseAccepting(); // QTcpServer's own accept loop stays off: acceptPending() accepts
    m_notifier = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Acceptor::acceptPending);
}

void Acceptor::unwatch()
{
    delete m_notifier;
    m_notifier = nullptr;
}

void Acceptor::setAccepting(bool on)
{
    if (!m_notifier)
        return;
    m_notifier->setEnabled(on);
    if (on)
        acceptPending(); // level-triggered anyway; this saves a pass
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
        onAcceptError(QString::fromLocal8Bit(std::strerror(err)));
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
    const QHostAddress peer = peerOf(descriptor);
    if (!admit(peer)) {
        if (!m_ctx.tls().enabled()) {
            const QByteArray &response = refusal();
            [[maybe_unused]] const ssize_t n =
                ::send(int(descriptor), response.constData(), size_t(response.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            ::shutdown(int(descriptor), SHUT_WR);
        }
        ::close(int(descriptor));
        return;
    }
    IoShard *shard = nextShard();
    QMetaObject::invokeMethod(
        shard, [shard, descriptor, peer] { shard->adoptSocket(descriptor, peer); }, Qt::QueuedConnection);
}

} // namespace fx::server
