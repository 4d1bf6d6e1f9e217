#pragma once

// The WebSocket under a plain JSON client (PlainJsonClient) once the upgrade is answered: how
// its frames go out and how what the client sends comes back to it. Two implementations:
//
// - QtWsChannel (wschannel.cpp): the QWebSocket that QWebSocketServer made, over its QTcpSocket
//   (or QSslSocket). Used for TLS, in the portable build, and with FX_WS_FRAMING=qt.
// - the project's own framing on the bare descriptor (ownwebsocket_linux.cpp: protocol::WsReader
//   to read, one sendmsg() per batch to write): the QWebSocket and its QTcpSocket are let go
//   right after the upgrade, with the 16 KB read and 32 KB write chunks Qt keeps per socket
//   (PERFORMANCE.md, "Idle clients"). The upgrade itself is answered by the shard
//   (acceptOwnUpgrade), or by QWebSocketServer for a request that one does not take
//   (takeOverWebSocket). Platform seam (ARCHITECTURE.md, "Platform seams"): both are
//   ownwebsocket_linux.cpp or, with FX_PORTABLE, ownwebsocket_portable.cpp, which keeps Qt's.
//
// Shard thread only. The channel calls its client back (PlainJsonClient::onChannel*); release()
// cuts that link, after which the channel finishes on its own (a lingering close) and frees itself.

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
    // Frames are complete, pre-encoded and shared, never copied on the direct path. Returns the
    // bytes taken.
    virtual quint64 writeFrames(const QList<QByteArray> &frames) = 0;
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
    // The QWebSocket, for the Qt channel only (nullptr otherwise).
    virtual QWebSocket *qtSocket() const { return nullptr; }

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
// and its connection served by the project's own framing; nullptr where that is not used (TLS,
// the portable build, FX_WS_FRAMING=qt) or for a request it does not take as it is (not
// HTTP/1.1, no Host, a version other than 13, a key that is not 16 bytes in base64): the caller
// gives the socket to QWebSocketServer then, which answers (or refuses) it as before. On success
// the 101 is queued on the channel, the socket is let go, and bytes after the head are taken over.
WsChannel *acceptOwnUpgrade(QTcpSocket *tcp, const protocol::HttpRequest &request, qsizetype headLength,
                            qint64 maxMessageSize, QObject *parent, ShardCounters &counters, ServerStats &stats);

// The project's own framing on the upgraded connection's descriptor, or nullptr where it is not
// used (TLS, the portable build, FX_WS_FRAMING=qt): the caller keeps Qt's then. On success the
// QWebSocket and its socket are let go (deleted later) without a byte written; bytes they had
// read past the upgrade are taken over. parent: frees the channel with the shard.
WsChannel *takeOverWebSocket(QWebSocket *ws, QTcpSocket *tcp, qint64 maxMessageSize, QObject *parent,
                             ShardCounters &counters, ServerStats &stats);

} // namespace fx::server
