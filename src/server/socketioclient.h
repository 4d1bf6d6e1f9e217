#pragma once

// A product client connected over Socket.IO (namespace "/"): the same rooms, counters and
// requests as a plain JSON client; events go out as 42["event",data], replies to requests
// with an ack id also as 43<id>[data]. I/O thread only.

#include "server/client.h"
#include "server/engineiosession.h"

namespace fx::server {

class SocketIoClient final : public Client
{
public:
    SocketIoClient(EngineIoSession *eio, QByteArray socketId, qint64 nowMicros);

    QString transportName() const override;
    void deliver(const Broadcast &b) override;
    void stage(const Broadcast &b) override;
    void flushStaged() override;
    void prefetchForFlush() const override;
    void sendPrepared(const Broadcast &b) override;
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) override;
    qint64 queuedBytes() const override;
    void disconnect(DisconnectReason reason, int closeCode, const QString &text) override;

    // The Engine.IO session is gone (or the client left the namespace).
    void detach() { m_eio = nullptr; }
    EngineIoSession *eio() const { return m_eio; }
    qint64 queuedBytesNow() const override { return m_eio ? m_eio->queuedBytesNow() : 0; }
    bool mayHaveBacklog(qint64 limit) const override { return !m_eio || m_eio->mayHaveBacklog(limit); }

    // PROTOCOL.md, "Socket.IO connection state recovery": with a source, every event this client
    // is sent carries the position as its last argument (the broadcasts have it encoded; replies
    // get the shard's current position), and pid is its private session id.
    void setPositionSource(const quint64 *position) { m_position = position; }
    QByteArray pid;
    // A recovered session: the events it missed, sent after connection_established.
    bool recovered = false;
    QList<BroadcastPtr> pendingReplay;

private:
    EngineIoSession *m_eio;
    const quint64 *m_position = nullptr;
};

} // namespace fx::server
