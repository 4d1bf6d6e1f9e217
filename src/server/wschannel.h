#pragma once

// The WebSocket under a plain JSON client (PlainJsonClient) once the upgrade is answered: how
// its frames go out and how what the client sends comes back to it. Two implementations:
//
// - QtWsChannel (wschannel.cpp): the QWebSocket that QWebSocketServer made, over its QTcpSocket
//   (or QSslSocket). Used for TLS, in the portable build, and with FX_WS_FRAMING=qt.
// - the project's own framing on the bare descriptor (ownwebsocket_linux.cpp: protocol::WsReader
//   to read, one sendmsg() per batch to write). The upgrade is answered by the shard
//   (acceptOwnUpgrade) and the QTcpSocket let go, with the 16 KB read chunk Qt keeps per socket;
//   no QWebSocket, and no 32 KB write chunk for its answer (PERFORMANCE.md, "Idle clients").
//   Platform seam (ARCHITECTURE.md, "Platform seams"): ownFramingFor() and acceptOwnUpgrade()
//   are ownwebsocket_linux.cpp or, with FX_PORTABLE, ownwebsocket_portable.cpp, which keeps Qt's.
//
// Shard thread only. The channel calls its client back (PlainJsonClient::onChannel*); release()
// cuts that link, after which the channel finishes on its own (a lingering close) and frees itself.

#include "server/socketwriter.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QObject;
class QTcpSocket;
class QWebSocket;

namespace fx::protocol {
struct HttpRequest;
}

namespace fx::server {

class PlainJsonClient;
class ServerStats;
struct ShardCounters;

class WsChannel
{
public:
    virtual ~WsChannel() = default;
    void attach(PlainJsonClient *client) { m_client = client; }
    // Frames are complete, pre-encoded and shared, never copied on the direct path (what waits is
    // kept as a shared copy). Returns the bytes taken.
    virtual quint64 writeFrames(FrameRefs frames) = 0;
    virtual void writeFrame(const QByteArray &frame) = 0;
    // Bytes held in user space for the client (ours or Qt's; for TLS also the encrypted ones).
    virtual qint64 pendingBytes() const = 0;
    // SECURITY.md, "Bounds": what the kernel holds (ioctl SIOCOUTQ; 0 where unknown).
    virtual qint64 kernelQueuedBytes() const = 0;
    virtual bool isTls() const = 0;
    // The server's keep-alive ping; the answer comes back as onChannelPong(rtt).
    virtual void ping() = 0;
    // A close handshake with code and reason, what was queued before it still sent.
    virtual void close(int code, const QString &reason) = 0;
    // Cut off now, nothing more sent.
    virtual void abort() = 0;
    // The client is gone: no more calls back. Frees the channel now or when its close is done.
    virtual void release() = 0;

protected:
    PlainJsonClient *m_client = nullptr;
};

inline qint64 pendingBytes(const WsChannel *c)
{
    return c ? c->pendingBytes() : 0;
}
inline qint64 kernelQueuedBytes(const WsChannel *c)
{
    return c ? c->kernelQueuedBytes() : 0;
}

// The QWebSocket's channel; also wires the socket's signals to the client.
WsChannel *makeQtWsChannel(QWebSocket *ws, QTcpSocket *tcp, ShardCounters &counters);

// Whether the server's own framing serves this connection (not TLS, not the portable build, not
// FX_WS_FRAMING=qt); the shard then checks upgrade requests itself (protocol::checkWebSocketUpgrade).
bool ownFramingFor(const QTcpSocket *tcp);

// A plain JSON client's upgrade request (RFC 6455 §4.2) answered here, without QWebSocketServer,
// and its connection served by the project's own framing. Only for a connection ownFramingFor()
// took and a request protocol::checkWebSocketUpgrade() passed (IoShard::routeUpgrade checks both
// once); nullptr where the descriptor cannot be taken (out of descriptors) or the head is not
// all in the socket's buffer: the caller gives the socket to QWebSocketServer then. On success
// the 101 is queued on the channel, the socket is let go, and bytes after the head are taken over.
WsChannel *acceptOwnUpgrade(QTcpSocket *tcp, const protocol::HttpRequest &request, qsizetype headLength,
                            qint64 maxMessageSize, QObject *parent, ShardCounters &counters, ServerStats &stats);

} // namespace fx::server
