// The portable side of the acceptor's platform seam (acceptor.h), Qt only: QTcpServer accepts
// (its own loop, paused and resumed around the errors it reports) and the bare descriptor goes
// to its shard, which makes the socket object on its own thread and admits the peer there.

#include "server/acceptor.h"

#include "server/ioshard.h"

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
    m_backoffMs = 0; // accepting works (again)
    IoShard *shard = nextShard();
    QMetaObject::invokeMethod(
        shard, [shard, descriptor] { shard->adoptUnadmitted(descriptor); }, Qt::QueuedConnection);
}

} // namespace fx::server
