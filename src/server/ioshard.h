#pragma once

// One I/O thread's share of the server. Thread contract: an IoShard and everything it owns
// (HTTP connections, sessions, QWebSockets, their QTcpSockets, rooms, price book, timers)
// live on the shard's QThread and are touched only there. Other threads reach a shard only
// through queued calls: adoptSocket(), deliver(), shutdown(), kick(), snapshot requests.

#include "protocol/httpcodec.h"
#include "server/broadcast.h"
#include "server/pricebook.h"
#include "server/requesthandler.h"
#include "server/roomregistry.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <memory>
#include <vector>

class QTcpSocket;
class QTimer;
class QWebSocket;
class QWebSocketServer;

namespace fx::server {

class EioSession;
class HttpConnection;
class ServerContext;
class SioApplication;
struct ShardCounters;
class Session;
class WsJsonSession;

// One row of the clients table (GUI, storage), copied out of the shard.
struct ClientInfo
{
    QByteArray id;
    QString peer;
    QString protocol;  // "websocket" (plain JSON) or "socket.io"
    QString transport; // "websocket" or "polling"
    qint64 connectedAtMicros = 0;
    QStringList rooms;
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 messagesReceived = 0;
    qint64 rttMs = -1;
    qint64 queuedBytes = 0;
    QString disconnectReason; // set when the client is gone
};

class IoShard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IoShard)

public:
    IoShard(int index, ServerContext &context);
    ~IoShard() override;

    int index() const { return m_index; }

    // --- any thread ---
    // Queues a batch for this shard's clients. When the shard is more than kBehindMs behind
    // the feed (more offered than one core can write), price updates still waiting are
    // replaced by the newest of their pair, so memory and latency stay bounded; alerts and
    // notices always go through. Counted in overload_conflated_updates.
    void enqueue(const BroadcastBatch &batch);
    static constexpr qint64 kBehindMs = 100;

    // --- queued from other threads ---
    void adoptSocket(qintptr descriptor);
    // Closes every client with 1001 (going away); emits drained() when none is left.
    void shutdown();
    // Disconnects one client (operator action); false when it is not on this shard.
    bool kick(const QByteArray &clientId);
    QList<ClientInfo> clients() const;

    // --- shard thread, from HttpConnection ---
    void routeUpgrade(HttpConnection *connection, const protocol::HttpRequest &request);
    // True when the request was taken (Socket.IO long-polling); false for the generic routes.
    bool routeHttp(HttpConnection *connection, const protocol::HttpRequest &request, const QByteArray &body);

    // --- shard thread, from sessions and the Socket.IO applications ---
    ServerContext &context() const { return m_ctx; }
    void addSession(Session *s);
    // A live client's transport or rooms changed: clientChanged, for the connection history.
    void noteClientChanged(Session *s);
    void welcome(Session *s);
    void handleSocketIoEvent(Session *s, const QString &event, const QJsonValue &data, bool binary,
                             const QJsonValue &replyTag);
    void scheduleReap();
    EioSession *findEio(const QByteArray &sid) const { return m_eio.value(sid); }
    // A polling client closed its session (packet "1") while no GET was held: a GET already on
    // its way (sent with the close, but arriving after it) is answered "6" like a held one.
    void noteClosedWithoutPendingGet(const QByteArray &sid);
    void scheduleEioReap();

Q_SIGNALS:
    void drained();
    void clientConnected(const fx::server::ClientInfo &info);
    void clientDisconnected(const fx::server::ClientInfo &info);
    // After a Socket.IO upgrade to WebSocket and after each subscribe or unsubscribe.
    void clientChanged(const fx::server::ClientInfo &info);

private:
    enum class EioEndpoint { None, SocketIo, EngineIo };
    EioEndpoint eioEndpoint(QByteArrayView path) const;
    void handleEio(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body, EioEndpoint ep, bool upgrade,
                   bool afterProbe = false);
    void onEioWebSocket(QWebSocket *ws, QTcpSocket *tcp, EioEndpoint ep, const QByteArray &sid);
    EioSession *createEio(EioEndpoint ep, QString peer = {});
    void reapEio();
    bool admit(Session *s);
    void onText(WsJsonSession *s, const QString &text);
    void onBinary(WsJsonSession *s, qsizetype size);
    void dispatch(Session *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag);
    void sendReply(Session *s, const Reply &r, const QJsonValue &replyTag);
    void reap();
    void deliver(const BroadcastBatch &batch);
    void drainInbox();
    void flushStaged();
    void onTick();
    void checkDrained();
    ClientInfo infoOf(const Session *s) const;
    // Gives an upgrade request's socket to one of the shard's QWebSocketServers.
    void handOver(QTcpSocket *socket);
    QTcpSocket *takeHandover(QWebSocket *ws, QWebSocketServer *server);
    void onWebSocketConnection(QWebSocketServer *server);

    int m_index;
    ServerContext &m_ctx;
    ShardCounters &m_counters;
    // QWebSocketServer finds the socket of each handshake with QObject::sender(), a walk over
    // every connection made to it, and keeps one per upgraded socket: with one server per
    // shard, a burst of 10,000 upgrades spent a fifth of its time there. Handshakes rotate
    // over a few servers, and upgraded sockets are unhooked from them.
    static constexpr int kWsServers = 256;
    std::vector<QWebSocketServer *> m_wsServers;
    quint32 m_nextWsServer = 0;
    QTimer *m_tick;
    QTimer *m_shutdownDeadline;
    RoomRegistry m_rooms;
    PriceBook m_prices;
    RequestHandler m_handler;
    std::vector<Session *> m_sessions;
    std::vector<Session *> m_touched; // sessions with staged frames, flushed once per pass
    bool m_flushScheduled = false;
    std::unique_ptr<SioApplication> m_sioApp;   // product or conformance
    QHash<QByteArray, EioSession *> m_eio;       // Engine.IO sessions owned here, by sid
    QHash<QByteArray, qint64> m_closedAwaitingGet; // sid -> until when (monotonic ms)
    static constexpr qint64 kClosedGetGraceMs = 1000;
    bool m_eioReapScheduled = false;
    // Sockets given to a QWebSocketServer and not yet upgraded, by peer address and port.
    QHash<QPair<QHostAddress, quint16>, QPointer<QTcpSocket>> m_handovers;
    bool m_reapScheduled = false;
    bool m_shuttingDown = false;
    bool m_drainedOnce = false;

    // The inbox between the Redis thread and this shard (enqueue / drainInbox).
    QMutex m_inboxMutex;
    BroadcastBatch m_inbox;
    std::vector<qsizetype> m_inboxPriceAt; // per room: index in m_inbox of its newest price, or -1
    qint64 m_inboxSinceNs = 0;             // when the oldest waiting batch arrived
    bool m_drainPosted = false;
};

} // namespace fx::server

Q_DECLARE_METATYPE(fx::server::ClientInfo)
