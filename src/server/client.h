#pragma once

// One client of the streaming server, whatever its wire format: its rooms, counters, rate limit
// and keep-alive state. Owned by exactly one IoShard and touched only on that shard's thread.
// Subclasses put bytes on the wire: PlainJsonClient (plain JSON over one WebSocket) and
// SocketIoClient (namespace "/" of an Engine.IO session, over polling or WebSocket).
//
// Words used across src/server: a *client* is one party of the product protocol; a
// *connection* is one TCP connection (HttpConnection while it speaks HTTP); a *session* is an
// Engine.IO session (EngineIoSession, one sid, possibly spanning several connections); a
// *transport* is how a session's packets travel (polling or websocket).

#include "server/broadcast.h"
#include "server/serverstats.h"

#include <QByteArray>
#include <QHostAddress>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <vector>

namespace fx::rules {
struct Owner;
}

namespace fx::server {

struct ServerOptions;

enum class WireProtocol { PlainJson, SocketIo };

class Client
{
public:
    Client(QByteArray id, WireProtocol protocol, QString peer, qint64 connectedAtMicros);
    virtual ~Client();
    Client(const Client &) = delete;
    Client &operator=(const Client &) = delete;

    const QByteArray &id() const { return m_id; }
    WireProtocol protocol() const { return m_protocol; }
    const QString &peer() const { return m_peer; }
    qint64 connectedAtMicros() const { return m_connectedAt; }
    virtual QString transportName() const = 0;

    // A pre-encoded broadcast; may be conflated (price updates) when the client is slow.
    virtual void deliver(const Broadcast &b) = 0;
    // Batch delivery: stage() every broadcast of a batch, then flushStaged() once, so a client
    // gets the whole batch in one write. The default delivers at once.
    virtual void stage(const Broadcast &b) { deliver(b); }
    virtual void flushStaged() {}
    // Before the shard flushes its touched clients: start loading what flushStaged() reads
    // outside this object (core::prefetch; a hint only).
    virtual void prefetchForFlush() const {}
    // PROTOCOL.md, "History and recovery": a replayed or snapshot broadcast, written now (after
    // anything staged), never conflated.
    virtual void sendPrepared(const Broadcast &b) { deliver(b); }
    bool staged = false; // on the shard's list of clients to flush

    // PROTOCOL.md, "History and recovery": a client that recovered with positions ahead of what
    // this shard has delivered already has the events in between; they are skipped when they
    // arrive here (offset per stream, or seq for Socket.IO). False for everyone else: one test.
    bool skipping() const { return m_skipPending > 0; }
    bool alreadyHas(const Broadcast &b);
    void skipUpTo(int stream, quint64 offset);
    void skipUpToSeq(quint64 seq);
    // One event to this client only: a reply (replyTag: the request's id or ack) or a notice.
    virtual void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) = 0;
    // Bytes waiting to be written to the client, the kernel's share included (SECURITY.md,
    // "Bounds").
    virtual qint64 queuedBytes() const = 0;
    // On the shard's tick: samples the kernel's share of queuedBytes() and writes conflated
    // price updates if the queue has drained (the kernel drains without telling Qt).
    virtual void pollBacklog() {}
    // queuedBytes() with the kernel's share read now, not at the last sample: the figure shown to
    // the operator (client snapshots).
    virtual qint64 queuedBytesNow() const { return queuedBytes(); }
    // False only when queuedBytes() is known to be at most limit without asking the socket (the
    // shard's tick skips the client then); true when it may be more.
    virtual bool mayHaveBacklog(qint64 limit) const
    {
        Q_UNUSED(limit);
        return true;
    }
    // Ends the client. The shard reaps it on its next pass, never synchronously.
    virtual void disconnect(DisconnectReason reason, int closeCode, const QString &text) = 0;

    bool isDead() const { return m_dead; }
    DisconnectReason deathReason() const { return m_reason; }
    // Records why the client ended (the first reason wins).
    void markDead(DisconnectReason reason);

    // Room membership: slot of this client in each room's member list (-1: not a member).
    bool inRoom(int room) const
    {
        return room >= 0 && size_t(room) < m_roomSlots.size() && m_roomSlots[size_t(room)] >= 0;
    }
    int subscriptionCount() const { return m_subscriptions; }
    std::vector<qint32> &roomSlots() { return m_roomSlots; }
    void setSubscriptionCount(int n) { m_subscriptions = n; }

    // SECURITY.md, "Tokens" and "Pair permissions": who the client is ("sub" of its token; empty
    // without one), until when its token is valid (seconds since the epoch, 0: no expiry) and
    // which pairs it may use (by instrument index; unrestricted without a "pairs" claim).
    const QString &user() const { return m_user; }
    void setUser(const QString &user) { m_user = user; }
    qint64 tokenExpiresAt = 0;
    bool pairsRestricted() const { return m_restricted; }
    bool permits(int pair) const
    {
        return !m_restricted || (pair >= 0 && size_t(pair) < m_permitted.size() && m_permitted[size_t(pair)]);
    }
    // restricted false: every pair; else exactly the pairs set in permitted.
    void setPermittedPairs(bool restricted, std::vector<bool> permitted)
    {
        m_restricted = restricted;
        m_permitted = std::move(permitted);
    }
    // "id peer" or "id peer user" for log lines.
    QString logName() const;

    // Token bucket over requests.
    enum class Admission { Accept, Drop, DropAndNotify, Close };
    Admission admitRequest(qint64 nowMs, const ServerOptions &options);
    // The same with the limits given (ServerContext::rateLimits(): reloaded on SIGHUP).
    Admission admitRequest(qint64 nowMs, double ratePerSecond, int burst, int closeAfterMs);
    quint64 droppedRequests() const { return m_dropped; }

    // Keep-alive (plain WebSocket; Engine.IO keeps its own).
    qint64 nextPingAtMs = 0;
    qint64 pongDeadlineMs = 0; // 0: no ping outstanding
    qint64 lastRttMs = -1;

    // Counters (this client's share of the shard counters).
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 messagesReceived = 0;
    qint64 backloggedSinceMs = 0; // over the soft queue limit since (0: not backlogged)

    int shardSlot = -1; // index in the shard's client list
    // The address whose ConnectionLimits client slot this client holds (given back when it is
    // reaped); null: none.
    QHostAddress limitSlot;
    // The transport is closed (socket gone): the shard may reap the client. A dead client
    // whose transport is still closing (close handshake in flight) is kept until then.
    bool transportClosed = false;
    // get_alert_history queries of this client not answered yet (SECURITY.md, "Bounds").
    int historyQueries = 0;
    // The client sent subscribe at least once: it gets feed_status events (PROTOCOL.md).
    bool sentSubscribe = false;
    // PROTOCOL.md, "Alert rules": this connection's handle in the AlertService (0: it holds and
    // receives no rule; given on its first set_alert, or at connect for a token user).
    quint64 alertHandle = 0;
    // PROTOCOL.md, "Alert rules": the identity its rules and rooms are stored under:
    // "sub:<token sub>" for a token user, "key:<sha-256 of its client_key, hex>" once it sent one;
    // empty: anonymous (its rules live as long as the connection).
    QString ownerKey;
    // The owner of its rules (PROTOCOL.md, "Alert rules"): its identity (ownerKey), one owner
    // across its connections, else this connection alone (alertHandle).
    rules::Owner rulesOwner() const;
    // Its stored rules are being read (userrestore.cpp): requests wait in `held`, in order,
    // until they are in.
    bool restoring = false;
    // connection_established waits for those rules: nothing else is sent before it (broadcasts
    // to every client skip it until then).
    bool awaitingWelcome = false;
    quint32 restoreGeneration = 0; // which read an answer (or its timeout) is for
    struct HeldRequest
    {
        QString event;
        QJsonObject data;
        QJsonValue replyTag;
    };
    std::vector<HeldRequest> held;

private:
    QByteArray m_id;
    WireProtocol m_protocol;
    QString m_peer;
    qint64 m_connectedAt;
    std::vector<qint32> m_roomSlots;
    QString m_user;
    bool m_restricted = false;
    std::vector<bool> m_permitted;
    int m_subscriptions = 0;
    bool m_dead = false;
    DisconnectReason m_reason = DisconnectReason::Vanished;

    std::vector<quint64> m_skipOffset; // per stream; 0: nothing to skip
    quint64 m_skipSeq = 0;
    int m_skipPending = 0;

    double m_tokens = -1; // -1: full bucket on first use
    qint64 m_lastRefillMs = 0;
    qint64 m_limitedSinceMs = 0;
    qint64 m_lastNoticeMs = 0;
    quint64 m_dropped = 0;
};

// 20 URL-safe random characters (15 random bytes), unique across processes.
QByteArray newSessionId();

} // namespace fx::server
