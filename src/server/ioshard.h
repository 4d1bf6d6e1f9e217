#pragma once

// One I/O thread's share of the server. Thread contract: an IoShard and everything it owns
// (HTTP connections, clients, Engine.IO sessions, QWebSockets, their QTcpSockets, rooms, price book, timers)
// live on the shard's QThread and are touched only there. Other threads reach a shard only
// through queued calls: adoptSocket(), deliver(), shutdown(), kick(), snapshot requests.

#include "auth/tokenverifier.h"
#include "protocol/contract.h"
#include "protocol/httpcodec.h"
#include "rules/rulebook.h"
#include "server/alertservice.h"
#include "server/broadcast.h"
#include "server/clientinfo.h"
#include "server/conflatinginbox.h"
#include "server/plainjsonclient.h"
#include "server/pricebook.h"
#include "server/requesthandler.h"
#include "server/roomregistry.h"

#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QTcpSocket;
class QTimer;
class QWebSocket;

namespace fx::server {

class EngineIoSession;
class HttpConnection;
class ServerContext;
class SocketIoApplication;
struct ShardCounters;
class Client;
class PlainJsonClient;
class WebSocketUpgrader;
class ReturnPath;
struct AlertHistoryQuery;
struct AlertHistoryResult;

class IoShard final : public QObject, private PlainJsonEvents
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IoShard)

public:
    IoShard(int index, ServerContext &context);
    ~IoShard() override;

    int index() const { return m_index; }

    // --- any thread ---
    // Queues a batch for this shard's clients through its ConflatingInbox: past
    // ConflatingInbox::kBehindMs behind the feed, waiting prices are replaced by the newest of
    // their pair (counted in overload_conflated_updates); alerts and notices always go through.
    void enqueue(const BroadcastBatch &batch);

    // --- queued from other threads ---
    // peer holds a ConnectionLimits handshake slot, given back by the HTTP connection.
    void adoptSocket(qintptr descriptor, const QHostAddress &peer);
    // The portable acceptor (ARCHITECTURE.md "Platform seams"): a descriptor not admitted yet;
    // the socket is made here, its peer read and admitted (Acceptor::admitPeer).
    void adoptUnadmitted(qintptr descriptor);
    // A plain socket made and admitted on the accept thread and moved to this one (the portable
    // acceptor without TLS).
    void adoptConnected(QTcpSocket *socket, const QHostAddress &peer);
    // Closes every client with 1001 (going away); emits drained() when none is left.
    void shutdown();
    // Disconnects one client (operator action); false when it is not on this shard.
    bool kick(const QByteArray &clientId);
    QList<ClientInfo> clients() const;
    // PROTOCOL.md, "Alert rules": fired (price_alert) and expired (alert_deleted) rules of this
    // shard's clients, from the publishing thread or the expiry timer (alertrequests.cpp).
    void deliverAlerts(const std::vector<AlertDelivery> &deliveries);
    // The client ids of this shard's clients that hold an alert handle, by handle (the desk
    // names anonymous owners by them).
    QHash<quint64, QByteArray> alertClientIds() const;

    // --- shard thread, from HttpConnection ---
    // headLength: the request head's bytes, still unread in the connection's socket.
    void routeUpgrade(HttpConnection *connection, const protocol::HttpRequest &request, qsizetype headLength);
    // True when the request was taken (Socket.IO long-polling); false for the generic routes.
    bool routeHttp(HttpConnection *connection, const protocol::HttpRequest &request, const QByteArray &body);

    // --- shard thread, from sessions and the Socket.IO applications ---
    ServerContext &context() const { return m_ctx; }
    void addClient(Client *s);
    // A live client's transport or rooms changed: clientChanged, for the connection history.
    void noteClientChanged(Client *s);
    // connection_established; for a user with stored rules once they are read (userrestore.cpp).
    // With `then` (a recovered Socket.IO session's replay) it is sent at once, `then` right
    // after it, and the stored rules are read meanwhile.
    void welcome(Client *s, const std::function<void(Client *)> &then = {});
    // An event already admitted by admit() (ProductSocketIoApp::admitPacket, before decoding).
    void handleSocketIoEvent(Client *s, const QString &event, const QJsonValue &data, bool binary,
                             const QJsonValue &replyTag);
    // The rate limit: one request (or packet, or ping) of s; false when it is dropped (s is
    // notified now and then, and closed after ServerOptions::rateLimitCloseAfterMs of flooding).
    bool admit(Client *s);
    void scheduleReap();
    EngineIoSession *findEio(const QByteArray &sid) const { return m_engineIoSessions.value(sid); }
    // A polling client closed its session (packet "1") while no GET was held: a GET already on
    // its way (sent with the close, but arriving after it) is answered "6" like a held one.
    void noteClosedWithoutPendingGet(const QByteArray &sid);
    void scheduleEioReap();
    // SECURITY.md, "Bounds": WEBSOCKET_MAX_CONNECTIONS_PER_IP refused a client of either
    // protocol (clientrequests.cpp): counted and logged; the caller answers (and counts the
    // TOO_MANY_CONNECTIONS error it sends).
    void refuseTooManyFromAddress(const QString &address);

    // clientauth.cpp (SECURITY.md, "Tokens"): a token checked, a refusal counted and logged
    // (never the token); the claims applied to a client; the refusal's details and message.
    auth::TokenResult checkToken(QByteArrayView token, const QString &peer, bool refresh = false);
    void applyClaims(Client *s, const auth::TokenClaims &claims);
    static QJsonObject unauthorizedDetails(const auth::TokenResult &r);
    static QString unauthorizedMessage(const auth::TokenResult &r);
    // Close code of a client whose token expired.
    static constexpr int kCloseTokenExpired = 4001;

Q_SIGNALS:
    void drained();
    void clientConnected(const fx::server::ClientInfo &info);
    void clientDisconnected(const fx::server::ClientInfo &info);
    // After a Socket.IO upgrade to WebSocket and after each subscribe or unsubscribe.
    void clientChanged(const fx::server::ClientInfo &info);

private:
    // The socket made on this thread for an accepted descriptor (admitted: its peer, holding a
    // handshake slot; null: admitted here), then served.
    void adopt(qintptr descriptor, const QHostAddress *admitted);
    // engineiorouting.cpp: Engine.IO and Socket.IO requests, routed to the session's thread.
    enum class EioEndpoint { None, SocketIo, EngineIo };
    EioEndpoint eioEndpoint(QByteArrayView path) const;
    void handleEio(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body, EioEndpoint ep,
                   bool upgrade, bool afterProbe = false);
    void onEioWebSocket(QWebSocket *ws, QTcpSocket *tcp, EioEndpoint ep, const QByteArray &sid);
    EngineIoSession *createEio(EioEndpoint ep, QString peer = {});
    // The connection's socket, for the WebSocket upgrader, with the client's peer kept on it.
    QTcpSocket *releaseForUpgrade(HttpConnection *c, const protocol::HttpRequest &r);
    void reapEio();

    // clientauth.cpp: the token of an upgrade request, refresh_token, expiry (from onTick).
    static QByteArray presentedToken(const protocol::HttpRequest &request);
    static constexpr const char *kTokenProperty = "fxPresentedToken"; // on the upgraded QTcpSocket
    void refreshToken(Client *s, const QJsonObject &data, const QJsonValue &replyTag);
    // historyrequests.cpp: get_alert_history, answered when the database has read the page.
    void requestAlertHistory(Client *s, const QJsonObject &data, const QJsonValue &replyTag);
    // alertrequests.cpp: set_alert, list_alerts, update_alert, delete_alert (PROTOCOL.md,
    // "Alert rules"); the client's owner in the AlertService, bound on first use or at connect
    // (bindAlerts, for a token user), unbound when it is reaped (unbindAlerts).
    void handleAlertRequest(Client *s, protocol::ClientEvent event, const QString &name, const QJsonObject &data,
                            const QJsonValue &replyTag);
    rules::Owner alertOwner(Client *s);
    void bindAlerts(Client *s);
    void unbindAlerts(Client *s);
    void expireAlerts(qint64 nowMs);
    // userrestore.cpp (PROTOCOL.md, "Alert rules": rules that follow the user). An identified
    // client's stored rules are read before it is answered: `then` runs on this thread once
    // they are in (or could not be read within kRestoreTimeoutMs); requests meanwhile wait.
    static constexpr int kRestoreTimeoutMs = 3000;
    static constexpr int kMaxHeldRequests = 64;
    void beginRestore(Client *s, std::function<void(Client *, const RestoreResult &)> then);
    void endRestore(Client *s, const std::function<void(Client *, const RestoreResult &)> &then,
                    const RestoreResult &result);
    void sendWelcome(Client *s, const RestoreResult *restored);
    // subscribe's "client_key" and "restore_subscriptions"; false when the subscribe was
    // answered (a refusal) or continues once the client's stored rules are read.
    bool identifyBySubscribe(Client *s, QJsonObject &data, const QJsonValue &replyTag);
    void subscribeRestoring(Client *s, QJsonObject data, const QJsonValue &replyTag, const RestoreResult &stored,
                            bool restoreRooms, bool identified);
    // The client's rooms now, stored for its identity.
    void saveRooms(Client *s);
    void holdRequest(Client *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag);
    // subscribe (shardrecovery.cpp), then what follows every subscribe: feed_status after a
    // first one during an outage, the rooms stored, the desk told.
    void subscribeAndNote(Client *s, const QJsonObject &data, const QJsonValue &replyTag, const QJsonObject &extra);
    void answerAlertHistory(Client *s, const QByteArray &clientId, const QJsonValue &replyTag,
                            const AlertHistoryQuery &query, const AlertHistoryResult &result);
    bool expireToken(Client *s, qint64 nowSeconds);
    void lingerOnClose(QWebSocket *ws, QTcpSocket *tcp);

    // clientrequests.cpp: what clients send (admission, rate limit, parsing, dispatch).
    void acceptPlainJsonClient(QWebSocket *ws, QTcpSocket *tcp);
    // A plain JSON client on its channel, admitted or refused (the token checked, the server's
    // and the address's limits); ws: the QWebSocket behind a Qt channel, for Qt's refusal.
    void admitPlainJsonClient(WsChannel *channel, QWebSocket *ws, QTcpSocket *tcp, const QString &peer,
                              const QByteArray &token);
    void refusePlainJson(WsChannel *channel, QWebSocket *ws, QTcpSocket *tcp, const Reply &err, int closeCode,
                         const QString &text);
    // PlainJsonEvents: what a plain JSON client's channel reports.
    void plainText(PlainJsonClient *s, const QByteArray &utf8) override;
    void plainBinary(PlainJsonClient *s, qsizetype size) override;
    void plainPong(PlainJsonClient *s, qint64 rttMs) override;
    bool plainAdmitPing(PlainJsonClient *s) override;
    void plainBroken(PlainJsonClient *s) override;
    void plainClosed(PlainJsonClient *s, int closeCode) override;
    // SECURITY.md, "Bounds": out of memory on one client's message drops that client only.
    void guardMemory(PlainJsonClient *s, const std::function<void()> &work);
    void onText(PlainJsonClient *s, const QByteArray &utf8);
    void onBinary(PlainJsonClient *s, qsizetype size);
    void dispatch(Client *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag);
    void sendReply(Client *s, const Reply &r, const QJsonValue &replyTag);

    // shardrecovery.cpp (PROTOCOL.md, "History and recovery"): subscribe with "snapshot" and
    // "recover", the snapshots and replays that follow its reply, and Socket.IO sessions kept
    // and taken back (WEBSOCKET_SIO_RECOVERY).
    // extra: fields added to subscription_confirmed (userrestore.cpp).
    void subscribe(Client *s, const QJsonObject &data, const QJsonValue &replyTag, const QJsonObject &extra = {});
    // Whether a broadcast reaches s by its rooms and permissions (as deliver() decides).
    static bool reaches(const Client *s, const Broadcast &b);
    // A price_update marked "snapshot": true from this shard's price book.
    BroadcastPtr snapshotOf(int pair) const;

public:
    // Socket.IO connection state recovery (ProductSocketIoApp): the position this shard's
    // clients are at (the seq of the newest event delivered here), a client's session kept
    // when its connection was lost, and one taken back by a reconnect: its rooms joined and the
    // events it missed sent (false: nothing to take back, the client starts afresh).
    const quint64 &deliveredSeq() const { return m_seqDelivered; }
    void persistSioSession(Client *s, const QByteArray &pid);
    // The events s missed since offset when its session's rooms could be joined and the history
    // holds all of them; nullopt: not recovered.
    std::optional<QList<BroadcastPtr>> restoreSioSession(Client *s, const std::vector<int> &rooms, quint64 offset);

private:
    // broadcastdelivery.cpp: staging each event for its room's members, one flush per pass.
    void deliver(const BroadcastBatch &batch);
    void flushStaged();
    void recordLatency();

    // ioshard.cpp: life cycle, the client registry, housekeeping.
    void onWebSocketUpgraded(QWebSocket *ws, QTcpSocket *tcp);
    void reap();
    void onTick();
    void checkDrained();
    ClientInfo infoOf(const Client *s) const;

    int m_index;
    ServerContext &m_ctx;
    ShardCounters &m_counters;
    WebSocketUpgrader *m_upgrader;
    QTimer *m_tick;
    QTimer *m_shutdownDeadline;
    RoomRegistry m_rooms;
    PriceBook m_prices;
    RequestHandler m_handler;
    std::vector<Client *> m_clients;
    std::vector<Client *> m_touched; // clients with staged frames, flushed once per pass
    // The batches whose frames are staged: clients stage pointers to the frames (no reference
    // count touched per client), so the batches live here until the flush has written them.
    std::vector<BroadcastBatch> m_heldBatches;
    // ARCHITECTURE.md, "Delivery latency": the measured events staged since the last flush, with
    // how many clients each was staged for; recorded once the flush has written them. Cleared,
    // never shrunk: nothing allocated per delivery once it has grown.
    struct StagedLatency
    {
        qint64 receivedNanos;
        qint64 payloadTimeMicros;
        quint32 recipients;
    };
    std::vector<StagedLatency> m_stagedLatency;
    bool m_flushScheduled = false;
    // PROTOCOL.md, "History and recovery": per stream the offset of the newest event this shard
    // delivered, and its seq; a recovery replays up to these, later events arrive live.
    std::vector<quint64> m_streamDelivered;
    quint64 m_seqDelivered = 0;
    std::unique_ptr<SocketIoApplication> m_sioApp; // from ServerOptions::socketIoApplication
    QHash<QByteArray, EngineIoSession *> m_engineIoSessions; // Engine.IO sessions owned here, by sid
    QHash<QByteArray, qint64> m_closedAwaitingGet; // sid -> until when (monotonic ms)
    static constexpr qint64 kClosedGetGraceMs = 1000;
    bool m_eioReapScheduled = false;
    bool m_reapScheduled = false;
    bool m_shuttingDown = false;
    bool m_drainedOnce = false;

    ConflatingInbox m_inbox; // from the Redis thread (enqueue)
    std::shared_ptr<ReturnPath> m_returnPath; // get_alert_history answers from other threads (closed in ~IoShard)
    QHash<quint64, Client *> m_alertClients; // PROTOCOL.md, "Alert rules": clients by alert handle
    qint64 m_nextAlertExpiryMs = 0; // shard 0 sweeps expired rules once a second (onTick)
};

// PROTOCOL.md, "Alert rules": deliveries queued to their shards (alertrequests.cpp); any thread.
void routeAlerts(ServerContext &context, const std::vector<AlertDelivery> &deliveries);

} // namespace fx::server
