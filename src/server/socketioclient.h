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
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) override;
    qint64 queuedBytes() const override;
    void disconnect(DisconnectReason reason, int closeCode, const QString &text) override;

    // The Engine.IO session is gone (or the client left the namespace).
    void detach() { m_eio = nullptr; }
    EngineIoSession *eio() const { return m_eio; }

private:
    EngineIoSession *m_eio;
};

} // namespace fx::server
