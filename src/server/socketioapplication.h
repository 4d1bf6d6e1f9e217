#pragma once

// What runs behind the server's Engine.IO and Socket.IO endpoints. The server's protocol layer
// (EngineIoSession) parses packets and calls an application; which application runs is chosen
// by whoever composes the server (ServerOptions::socketIoApplication): the product
// (ProductSocketIoApp: the events of PROTOCOL.md over Socket.IO) unless another is given, such
// as the echo application of the upstream test suites (src/conformance). Nothing in the server
// knows which one it is. Every call runs on the I/O thread that owns the session.

#include "protocol/socketio.h"
#include "server/serverstats.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace fx::server {

class EngineIoSession;
class IoShard;

class SocketIoApplication
{
public:
    virtual ~SocketIoApplication() = default;

    // Whether the server also serves raw Engine.IO sessions (no Socket.IO layer) at
    // /engine.io/; each message packet of those goes to onEngineMessage().
    virtual bool servesRawEngineIo() const { return false; }
    virtual void onEngineMessage(EngineIoSession &, const QByteArray &, bool) {}

    // A CONNECT to nsp. Return nullopt to accept (the CONNECT reply is sent, then afterConnect()),
    // or the CONNECT_ERROR payload to refuse.
    virtual std::optional<QJsonObject> onConnect(EngineIoSession &s, const QString &nsp, const QByteArray &socketId,
                                                 const QJsonValue &auth) = 0;
    virtual void afterConnect(EngineIoSession &s, const QString &nsp, const QJsonValue &auth) = 0;
    // The data of the CONNECT reply to an accepted CONNECT: {"sid": socketId} unless the
    // application gives the socket another id or adds fields (the product's "pid": PROTOCOL.md,
    // "Socket.IO connection state recovery").
    virtual QJsonObject connectReply(EngineIoSession &, const QString &, const QByteArray &socketId)
    {
        return QJsonObject{{QStringLiteral("sid"), QString::fromLatin1(socketId)}};
    }
    virtual void onEvent(EngineIoSession &s, const QString &nsp, const protocol::sio::Packet &p,
                         const QList<QByteArray> &attachments) = 0;
    // The client left nsp (DISCONNECT) or the connection closed.
    virtual void onDisconnect(EngineIoSession &s, const QString &nsp, DisconnectReason why) = 0;
    // SECURITY.md, "Bounds": every Socket.IO packet (an Engine.IO text message of a SocketIo
    // session) and every WebSocket ping frame, before anything is decoded; bytes: its size as one Engine.IO
    // message, type included (0 for a ping). False drops it undecoded (the application may have closed the session). The
    // default admits everything.
    virtual bool admitPacket(EngineIoSession &, qsizetype) { return true; }
    // Whether binary attachments are buffered for onEvent()/onAck(). False: a binary packet is
    // passed on at once, without them, and its attachments are discarded as they arrive.
    virtual bool acceptsAttachments() const { return true; }
    // Largest Socket.IO packet or attachment (one WebSocket message) a session accepts;
    // Engine.IO's maxPayload still bounds a polling body.
    virtual qint64 maxPacketBytes(qint64 maxPayload) const { return maxPayload; }
    // Client ACKs of server-requested acks (unused by the product; accepted and ignored).
    virtual void onAck(EngineIoSession &, const QString &, const protocol::sio::Packet &, const QList<QByteArray> &) {}
};

// Makes the application of one I/O thread (each IoShard has its own; it lives on that thread).
using SocketIoApplicationFactory = std::function<std::unique_ptr<SocketIoApplication>(IoShard &shard)>;

} // namespace fx::server
