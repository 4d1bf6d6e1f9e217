#pragma once

// The fixed behaviour the upstream Engine.IO and Socket.IO server test suites expect (see
// docs/TESTING.md): /engine.io/ echoes every message; /socket.io/ has namespaces "/" and
// "/custom", emits "auth" with the CONNECT payload, answers "message" with "message-back" and
// acknowledges "message-with-ack" with the same arguments. One instance per I/O thread, used
// only there.

#include "server/socketioapplication.h"

namespace fx::conformance {

class EchoApplication final : public server::SocketIoApplication
{
public:
    // Clients that read the CONNECT reply and then register a listener for the next frame (the
    // upstream suites, with ws' synchronous events) miss a packet that came in the same read.
    // The reference server writes the next packet only after the previous write completed;
    // this delay gives the same separation on a loaded machine.
    static constexpr int kAuthEventDelayMs = 15;

    explicit EchoApplication(server::IoShard &shard) : m_shard(shard) {}

    bool servesRawEngineIo() const override { return true; }
    void onEngineMessage(server::EngineIoSession &s, const QByteArray &data, bool binary) override;
    std::optional<QJsonObject> onConnect(server::EngineIoSession &s, const QString &nsp, const QByteArray &socketId,
                                         const QJsonValue &auth) override;
    void afterConnect(server::EngineIoSession &s, const QString &nsp, const QJsonValue &auth) override;
    void onEvent(server::EngineIoSession &s, const QString &nsp, const protocol::sio::Packet &p,
                 const QList<QByteArray> &attachments) override;
    void onDisconnect(server::EngineIoSession &, const QString &, server::DisconnectReason) override {}

private:
    server::IoShard &m_shard;
};

} // namespace fx::conformance
