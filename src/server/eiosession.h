#pragma once

// One Engine.IO v4 connection (SOCKETIO.md §2) with the Socket.IO v5 namespace layer on top
// (§3), over long-polling, WebSocket, or polling upgraded to WebSocket.
//
// Thread contract: owned by one IoShard (its sid maps to that shard) and used only on that
// shard's thread. HTTP requests carrying its sid are migrated to this thread before they reach
// it. close() never deletes: the shard reaps closed sessions on its next pass.

#include "protocol/engineio.h"
#include "protocol/httpcodec.h"
#include "protocol/socketio.h"
#include "server/serverstats.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>
#include <optional>

namespace fx::server {

class HttpConnection;
class IoShard;
class SioApplication;
class Session;
struct ServerOptions;
struct ShardCounters;

class EioSession final
{
public:
    enum class Kind { SocketIo, RawEngineIo };
    enum class Transport { Polling, WebSocket };

    EioSession(IoShard &shard, SioApplication &app, QByteArray sid, Kind kind, qint64 nowMs);
    ~EioSession();
    EioSession(const EioSession &) = delete;
    EioSession &operator=(const EioSession &) = delete;

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
    void sendMessage(const QByteArray &data, bool binary = false);      // message packet
    // A Socket.IO packet (and its attachments) on this connection.
    void sendSio(const protocol::sio::Packet &p, const QList<QByteArray> &attachments = {});
    // A pre-encoded broadcast: wsFrame is "42[...]" as a WebSocket frame, text the same packet.
    void sendShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair);
    // Batch delivery (see Session::stage): over WebSocket the frames wait for flushStaged() and
    // go out in one write; over polling they queue as usual.
    void stageShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair);
    void flushStaged();
    qint64 queuedBytes() const;

    // Server-initiated close (notifies the client where it can).
    void close(const QString &reason, DisconnectReason why = DisconnectReason::Shutdown);

    // Socket.IO: the product session bound to a namespace (set by the application).
    void bindClient(const QString &nsp, Session *client);
    Session *clientOf(const QString &nsp) const;
    QList<Session *> clients() const;

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
    void dispatchSio(const protocol::sio::Packet &p, const QList<QByteArray> &attachments);
    void protocolError(const QString &why);
    void finish(const QString &reason, DisconnectReason why);
    void connectWs(QWebSocket *ws, bool probe);
    bool alive(qint64 nowMs);
    void respondPending(const QByteArray &body);
    ShardCounters &counters();

    IoShard &m_shard;
    SioApplication &m_app;
    const ServerOptions &m_options;
    QByteArray m_sid;
    Kind m_kind;
    Transport m_transport = Transport::Polling;
    QString m_peer;
    bool m_closed = false;
    QString m_closeReason;

    QList<Out> m_queue;
    QList<QByteArray> m_staged; // WebSocket frames of the current batch
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
    qint64 m_rttMs = -1;     // ping to pong of the last answered ping
    qint64 m_pongDeadline = 0;
    qint64 m_connectDeadline = 0; // Socket.IO: no namespace joined by then: close

    QHash<QString, Session *> m_clients; // namespace -> product session (SocketIo kind)
    QHash<QString, QByteArray> m_socketIds; // namespace -> Socket.IO socket id
    std::optional<protocol::sio::Packet> m_partial; // binary packet waiting for attachments
    QList<QByteArray> m_attachments;
};

// The application behind the Socket.IO protocol: the product (PROTOCOL.md events over
// Socket.IO) or the conformance profile (echo server of the upstream test suites).
class SioApplication
{
public:
    virtual ~SioApplication() = default;
    // Raw Engine.IO sessions (conformance /engine.io/): each message packet.
    virtual void onEngineMessage(EioSession &, const QByteArray &, bool) {}
    // A CONNECT to nsp. Return nullopt to accept (the CONNECT reply is sent, then afterConnect()),
    // or the CONNECT_ERROR payload to refuse.
    virtual std::optional<QJsonObject> onConnect(EioSession &s, const QString &nsp, const QByteArray &socketId,
                                                 const QJsonValue &auth) = 0;
    virtual void afterConnect(EioSession &s, const QString &nsp, const QJsonValue &auth) = 0;
    virtual void onEvent(EioSession &s, const QString &nsp, const protocol::sio::Packet &p,
                         const QList<QByteArray> &attachments) = 0;
    // The client left nsp (DISCONNECT) or the connection closed.
    virtual void onDisconnect(EioSession &s, const QString &nsp, DisconnectReason why) = 0;
    // Client ACKs of server-requested acks (unused by the product; accepted and ignored).
    virtual void onAck(EioSession &, const QString &, const protocol::sio::Packet &, const QList<QByteArray> &) {}
};

} // namespace fx::server
