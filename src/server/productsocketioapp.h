#pragma once

// The product behind Socket.IO: PROTOCOL.md's events on namespace "/" only. A CONNECT counts
// against max clients (refused with CONNECT_ERROR "SERVER_FULL"); then connection_established.
// I/O thread only.

#include "server/socketioapplication.h"

namespace fx::server {

class ProductSocketIoApp final : public SocketIoApplication
{
public:
    explicit ProductSocketIoApp(IoShard &shard) : m_shard(shard) {}
    std::optional<QJsonObject> onConnect(EngineIoSession &s, const QString &nsp, const QByteArray &socketId,
                                         const QJsonValue &auth) override;
    void afterConnect(EngineIoSession &s, const QString &nsp, const QJsonValue &auth) override;
    // PROTOCOL.md, "Socket.IO connection state recovery": {"sid", "pid"} with
    // WEBSOCKET_SIO_RECOVERY, the sid of a recovered session being its old one.
    QJsonObject connectReply(EngineIoSession &s, const QString &nsp, const QByteArray &socketId) override;
    void onEvent(EngineIoSession &s, const QString &nsp, const protocol::sio::Packet &p,
                 const QList<QByteArray> &attachments) override;
    void onDisconnect(EngineIoSession &s, const QString &nsp, DisconnectReason why) override;
    // SECURITY.md, "Bounds": the rate limit of requests, and WEBSOCKET_MAX_MESSAGE_SIZE per
    // packet; before a namespace is joined at most WEBSOCKET_RATE_BURST packets. No attachments
    // (binary events are answered INVALID_PAYLOAD at once).
    bool admitPacket(EngineIoSession &s, qsizetype bytes) override;
    bool acceptsAttachments() const override { return false; }
    qint64 maxPacketBytes(qint64 maxPayload) const override;

private:
    IoShard &m_shard;
};

} // namespace fx::server
