// The portable side of the acceptor's platform seam (acceptor.h), Qt only: QTcpServer accepts
// (its own loop, paused and resumed around the errors it reports). A plain connection's socket is
// made here (Qt reads a peer's address only through one), admitted and moved to its shard; with
// TLS the bare descriptor goes to its shard, which makes the QSslSocket and admits it there.

#include "server/acceptor.h"

#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"

#include <QTcpSocket>

namespace fx::server {

void Acceptor::watch()
{
    connect(this, &QTcpServer::acceptError, this, [this] { onAcceptError(errorString()); });
}

void Acceptor::unwatch()
{
    pauseAccepting();
}

void Acceptor::setAccepting(bool on)
{
    if (!isListening())
        return;
    if (on)
        resumeAccepting();
    else
        pauseAccepting();
}

void Acceptor::incomingConnection(qintptr descriptor)
{
    IoShard *shard = nextShard();
    if (m_ctx.tls().enabled()) {
        // TLS: the bare descriptor; the shard makes the QSslSocket on its own thread and admits
        // the peer there (one made here and moved broke a handshake now and then).
        m_backoffMs = 0; // accepting works (again)
        QMetaObject::invokeMethod(
            shard, [shard, descriptor] { shard->adoptUnadmitted(descriptor); }, Qt::QueuedConnection);
        return;
    }
    // Plain: admitted here, in accept order (Qt reads a peer's address only through a socket
    // object), then the socket moves to its shard.
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = ConnectionLimits::key(socket->peerAddress());
    if (!admit(peer)) {
        socket->write(refusal());
        socket->flush();
        socket->abort();
        delete socket;
        return;
    }
    socket->moveToThread(shard->thread());
    QMetaObject::invokeMethod(
        shard, [shard, socket, peer] { shard->adoptConnected(socket, peer); }, Qt::QueuedConnection);
}

} // namespace fx::server
