#include "server/acceptor.h"

#include "server/ioshard.h"
#include "server/servercontext.h"

namespace fx::server {

Acceptor::Acceptor(QList<IoShard *> shards, ServerContext &context) : m_shards(std::move(shards)), m_ctx(context)
{
    setListenBacklogSize(context.options().listenBacklog);
    // Accepting is cheap; never stop because of pending-connection bookkeeping.
    setMaxPendingConnections(1 << 20);
}

void Acceptor::incomingConnection(qintptr descriptor)
{
    IoShard *shard = m_shards.at(m_next);
    m_next = (m_next + 1) % int(m_shards.size());
    QMetaObject::invokeMethod(
        shard, [shard, descriptor] { shard->adoptSocket(descriptor); }, Qt::QueuedConnection);
}

} // namespace fx::server
