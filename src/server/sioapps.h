#pragma once

// The applications behind Socket.IO (see SioApplication in eiosession.h), and the product's
// Socket.IO client session. Shard thread only.

#include "server/eiosession.h"
#include "server/session.h"

namespace fx::server {

class IoShard;

// A product client connected over Socket.IO (namespace "/"): the same rooms, counters and
// requests as a plain JSON client; events go out as 42["event",data], replies to requests
// with an ack id also as 43<id>[data].
class SioClientSession final : public Session
{
public:
    SioClientSession(EioSession *eio, QByteArray socketId, qint64 nowMicros);

    QString transportName() const override;
    void deliver(const Broadcast &b) override;
    void stage(const Broadcast &b) override;
    void flushStaged() override;
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) override;
    qint64 queuedBytes() const override;
    void disconnect(DisconnectReason reason, int closeCode, const QString &text) override;

    // The Engine.IO session is gone (or the client left the namespace).
    void detach() { m_eio = nullptr; }
    EioSession *eio() const { return m_eio; }

private:
    EioSession *m_eio;
};

// PROTOCOL.md over Socket.IO: namespace "/" only; CONNECT counts against max clients
// (refused with CONNECT_ERROR "SERVER_FULL"); then connection_established.
class ProductSioApp final : public SioApplication
{
public:
    explicit ProductSioApp(IoShard &shard) : m_shard(shard) {}
    std::optional<QJsonObject> onConnect(EioSession &s, const QString &nsp, const QByteArray &socketId,
                                         const QJsonValue &auth) override;
    void afterConnect(EioSession &s, const QString &nsp, const QJsonValue &auth) override;
    void onEvent(EioSession &s, const QString &nsp, const protocol::sio::Packet &p,
                 const QList<QByteArray> &attachments) override;
    void onDisconnect(EioSession &s, const QString &nsp, DisconnectReason why) override;

private:
    IoShard &m_shard;
};

// The fixed behaviour the upstream Socket.IO and Engine.IO test suites expect
// (ISSUE: conformance server): /engine.io/ echoes every message; /socket.io/ has namespaces
// "/" and "/custom", emits "auth" with the CONNECT payload, answers "message" with
// "message-back" and acks "message-with-ack" with the same arguments.
class ConformanceSioApp final : public SioApplication
{
public:
    void onEngineMessage(EioSession &s, const QByteArray &data, bool binary) override;
    std::optional<QJsonObject> onConnect(EioSession &s, const QString &nsp, const QByteArray &socketId,
                                         const QJsonValue &auth) override;
    void afterConnect(EioSession &s, const QString &nsp, const QJsonValue &auth) override;
    void onEvent(EioSession &s, const QString &nsp, const protocol::sio::Packet &p,
                 const QList<QByteArray> &attachments) override;
    void onDisconnect(EioSession &, const QString &, DisconnectReason) override {}
};

} // namespace fx::server
