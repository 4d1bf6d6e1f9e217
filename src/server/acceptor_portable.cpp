// The portable side of the acceptor's platform seam (acceptor.h), Qt only: QTcpServer accepts
// (its own loop, paused and resumed around the errors it reports); the socket object is made
// here, since Qt reads a peer's address only through one, and moved to its shard's thread.

#include "server/acceptor.h"

#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"

#include <QSslSocket>
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
    const bool tls = m_ctx.tls().enabled();
    QTcpSocket *socket = tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QHostAddress peer = ConnectionLimits::key(socket->peerAddress());
    if (!admit(peer)) {
        if (!tls) {
            socket->write(refusal());
            socket->flush();
        }
        socket->abort();
        delete socket;
        return;
    }
    IoShard *shard = nextShard();
    socket->moveToThread(shard->thread());
    QMetaObject::invokeMethod(
        shard, [shard, socket, peer] { shard->adoptConnected(socket, peer); }, Qt::QueuedConnection);
}

} // namespace fx::server
