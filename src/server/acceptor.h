#pragma once

// Accepts TCP connections on the accept thread and hands each descriptor to an I/O shard,
// round robin, where it is parsed, upgraded and served. Only the listening socket lives here.

#include <QList>
#include <QTcpServer>
#include <atomic>

namespace fx::server {

class IoShard;
class ServerContext;

class Acceptor final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Acceptor)

public:
    Acceptor(QList<IoShard *> shards, ServerContext &context);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QList<IoShard *> m_shards;
    ServerContext &m_ctx;
    int m_next = 0;
};

} // namespace fx::server
