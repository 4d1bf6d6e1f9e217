#pragma once

// One Engine.IO v4 session (PROTOCOL.md, "Socket.IO") with the Socket.IO v5 namespace layer on
// top, over long-polling, WebSocket, or polling upgraded to WebSocket.
//
// Thread contract: owned by one IoShard (its sid maps to that shard) and used only on that
// shard's thread. HTTP requests carrying its sid are migrated to this thread before they reach
// it. close() never deletes: the shard reaps closed sessions on its next pass.

#include "protocol/engineio.h"
#include "protocol/httpcodec.h"
#include "protocol/socketio.h"
#include "server/serverstats.h"
#include "server/socketioapplication.h"
#include "server/socketwriter.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>
#include <optional>
#include <vector>

namespace fx::server {

class HttpConnection;
class IoShard;
class SocketIoApplication;
class Client;
struct ServerOptions;
struct ShardCounters;

class EngineIoSession final
{
public:
    enum class Kind { SocketIo, RawEngineIo };
    enum class Transport { Polling, WebSocket };

    EngineIoSession(IoShard &shard, SocketIoApplication &app, QByteArray sid, Kind kind, qint64 nowMs);
    ~EngineIoSession();
    EngineIoSession(const EngineIoSession &) = delete;
    EngineIoSession &operator=(const EngineIoSession &) = delete;

    const QByteArray &sid() const { return m_sid; }
    Kind kind() const { return m_kind; }
    Transport transport() const { return m_transport; }
    bool isUpgrading() const { return !m_probe.isNull(); }
    bool isClosed() const { return m_closed; }
    QString peer() const { return m_peer; }
    void setPeer(QString peer) { m_peer = std::move(peer); }
    // Ping to pong of the last heartbeat, ms (-1 before the first); over long-polling it includes
    // the wait for the client's next request.
    qint64 rttMs() const { return m_rttMs; }
    QString closeReason() const { return m_closeReason; }
    // Socket.IO: the client has joined nsp (CONNECT accepted, no DISCONNECT since).
    bool hasJoined(const QString &nsp) const { return m_socketIds.contains(nsp); }
    // Socket.IO packets and WebSocket pings received while no namespace was joined (counted
    // before admission).
    quint64 packetsWhileUnjoined() const { return m_unjoinedPackets; }

    // Processes frames an upgrading client already sent on its probe WebSocket, so a polling
    // request that arrived later on another connection sees the upgrade's state (2probe, 5).
    void drainProbe();

    // --- polling requests (the connection has already been checked for this session) ---
    void onPollingGet(HttpConnection *c, const protocol::HttpRequest &r);
    void onPollingPost(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body);

    // --- WebSocket ---
    // A session opened directly over WebSocket: sends the open packet.
    void startWebSocket(QWebSocket *ws, QTcpSocket *tcp);
    // An upgrade probe for this polling session.
    void attachProbe(QWebSocket *ws, QTcpSocket *tcp);
    // The open packet of a new polling session (for the handshake response).
    QByteArray openPacket(bool polling) const;

    // Heartbeat, upgrade and connect timeouts; called by the shard's tick. Also checked lazily
    // on every request so a dead session is never answered as alive.
    void tick(qint64 nowMs);

    // --- output, for the application layer ---
    void sendPacket(protocol::eio::PacketType type, const QByteArray &data = {}); // text packet
    void sendMessage(const QByteArray &data, bool binary = false); // message packet
    // A Socket.IO packet (and its attachments) on this connection.
    void sendSio(const protocol::sio::Packet &p, const QList<QByteArray> &attachments = {});
    // A pre-encoded broadcast: wsFrame is "42[...]" as a WebSocket frame, text the same packet.
    void sendShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair);
    // Batch delivery (see Client::stage): over WebSocket the frames wait for flushStaged() and
    // go out in one write; over polling they queue as usual.
    void stageShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair);
    void flushStaged();
    // Bytes waiting for the client: the polling queue, or over WebSocket Qt's buffers and the
    // kernel's (SECURITY.md, "Bounds").
    qint64 queuedBytes() const;
    // Client::queuedBytesNow and Client::mayHaveBacklog for this session's client.
    qint64 queuedBytesNow() const;
    bool mayHaveBacklog(qint64 limit) const;

    // Server-initiated close (notifies the client where it can).
    void close(const QString &reason, DisconnectReason why = DisconnectReason::Shutdown);

    // Socket.IO: the product session bound to a namespace (set by the application).
    void bindClient(const QString &nsp, Client *client);
    Client *clientOf(const QString &nsp) const;
    QList<Client *> clients() const;

private:
    struct Out
    {
        QByteArray payload; // text: the whole packet ("42[...]"); binary: raw bytes
        bool binary = false;
        QByteArray wsFrame; // prebuilt frame for shared broadcasts (may be empty)
        int conflatePair = -1;
    };

    void enqueue(Out o);
    void flushPolling();
    void writeWs(QTcpSocket *tcp, const Out &o);
    // WebSocket: a price update for a client over the soft queue limit waits here (the newest
    // per pair) until the socket drains, like PlainJsonClient's.
    void conflate(int pair, const QByteArray &wsFrame);
    void drainConflated();
    // Over WebSocket: whether the kernel's share could be over limit (SendBacklog), always for
    // TLS (its records are larger than what was written) and while updates are conflated.
    bool wsBacklogCouldExceed(qint64 limit) const;
    void watchDrain(QTcpSocket *tcp);
    void handlePacket(const protocol::eio::Packet &p);
    void handleProbeText(const QString &text);
    void completeUpgrade();
    void abortProbe();
    void onWsText(const QString &text);
    void onWsBinary(const QByteArray &data);
    void onWsClosed();
    void onMessage(const QByteArray &data, bool binary);
    void onSioPacket(const QByteArray &text);
    void onSioAttachment(const QByteArray &data);
    // SECURITY.md, "Bounds": the application's admitPacket() for a packet of `bytes` or a ping.
    bool admitInbound(qsizetype bytes);
    void dispatchSio(const protocol::sio::Packet &p, const QList<QByteArray> &attachments);
    void protocolError(const QString &why);
    void finish(const QString &reason, DisconnectReason why);
    void connectWs(QWebSocket *ws, bool probe);
    bool alive(qint64 nowMs);
    void respondPending(const QByteArray &body);
    ShardCounters &counters();
    // Lets go of a WebSocket: graceful sends a close frame (`code`, `text`) first (cut off after
    // 2 s) and, with the WebSocket's `tcp`, reads and discards what the client still sends
    // meanwhile, so that it reads the close (SECURITY.md, "Bounds": LingeringClose).
    void releaseSocket(QPointer<QWebSocket> &ws, bool graceful, QTcpSocket *tcp = nullptr,
                       QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal,
                       const QString &text = {});

    IoShard &m_shard;
    SocketIoApplication &m_app;
    const ServerOptions &m_options;
    QByteArray m_sid;
    Kind m_kind;
    Transport m_transport = Transport::Polling;
    QString m_peer;
    bool m_closed = false;
    QString m_closeReason;

    QList<Out> m_queue;
    // WebSocket frames of the current batch: the shard keeps them alive until its flush.
    std::vector<const QByteArray *> m_staged;
    SendBacklog m_backlog; // WebSocket
    std::vector<QByteArray> m_conflated; // WebSocket: newest waiting price frame per pair
    int m_conflatedCount = 0;
    qint64 m_queuedBytes = 0;
    QPointer<HttpConnection> m_pendingGet;
    protocol::HttpRequest m_pendingRequest;

    QPointer<QWebSocket> m_ws;
    QPointer<QTcpSocket> m_tcp;
    QPointer<QWebSocket> m_probe;
    QPointer<QTcpSocket> m_probeTcp;
    bool m_probed = false; // 2probe seen, waiting for 5
    qint64 m_upgradeDeadline = 0;

    qint64 m_nextPingAt = 0;
    qint64 m_pingSentAt = 0; // when the unanswered ping went out
    qint64 m_rttMs = -1; // ping to pong of the last answered ping
    qint64 m_pongDeadline = 0;
    qint64 m_connectDeadline = 0; // Socket.IO: no namespace joined by then: close

    QHash<QString, Client *> m_clients; // namespace -> product session (SocketIo kind)
    QHash<QString, QByteArray> m_socketIds; // namespace -> Socket.IO socket id
    std::optional<protocol::sio::Packet> m_partial; // binary packet waiting for attachments
    QList<QByteArray> m_attachments;
    qint64 m_attachmentBytes = 0; // buffered in m_attachments
    int m_skipAttachments = 0; // attachments still to discard unbuffered (refused or dropped packet)
    quint64 m_unjoinedPackets = 0;
};

} // namespace fx::server
