#include "server/productsocketioapp.h"

#include "core/timeutil.h"
#include "protocol/contract.h"
#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/socketioclient.h"

#include <QJsonArray>

namespace fx::server {

namespace sio = protocol::sio;

std::optional<QJsonObject> ProductSocketIoApp::onConnect(EngineIoSession &s, const QString &nsp,
                                                         const QByteArray &socketId, const QJsonValue &auth)
{
    if (nsp != u"/")
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
    ServerContext &ctx = m_shard.context();
    auth::TokenClaims claims;
    if (ctx.options().tokenVerifier) {
        // SECURITY.md, "Tokens": the CONNECT packet's auth {"token": "..."}.
        const QJsonValue t = auth.toObject().value(QStringLiteral("token"));
        auth::TokenResult r;
        if (t.isString() || t.isUndefined() || t.isNull()) {
            r = m_shard.checkToken(t.toString().toUtf8(), s.peer());
        } else {
            r.failure = auth::TokenFailure::Malformed;
            r.message = QStringLiteral("auth.token must be a string");
            ctx.stats().countAuthRefused(r.failure);
        }
        if (!r.ok()) {
            ctx.stats().countDisconnect(DisconnectReason::Unauthorized);
            ctx.stats().countError(protocol::ErrorCode::Unauthorized);
            QJsonObject data = IoShard::unauthorizedDetails(r);
            data.insert(QStringLiteral("message"), IoShard::unauthorizedMessage(r));
            return QJsonObject{{QStringLiteral("message"), QStringLiteral("UNAUTHORIZED")},
                               {QStringLiteral("data"), data}};
        }
        claims = r.claims;
    }
    if (!ctx.stats().tryAddClient()) {
        ctx.stats().countDisconnect(DisconnectReason::ServerFull);
        ctx.stats().countError(protocol::ErrorCode::ServerFull);
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("SERVER_FULL")},
                           {QStringLiteral("data"),
                            QJsonObject{{QStringLiteral("code"), QStringLiteral("SERVER_FULL")},
                                        {QStringLiteral("max_clients"), ctx.options().maxClients}}}};
    }
    // SECURITY.md, "Bounds": WEBSOCKET_MAX_CONNECTIONS_PER_IP.
    const QHostAddress address = ConnectionLimits::addressOfPeer(s.peer());
    const bool counted = !address.isNull();
    if (counted && !ctx.limits().tryAddClient(address)) {
        ctx.stats().removeClient();
        m_shard.refuseTooManyFromAddress(address.toString());
        ctx.stats().countError(protocol::ErrorCode::TooManyConnections);
        return QJsonObject{
            {QStringLiteral("message"), QStringLiteral("TOO_MANY_CONNECTIONS")},
            {QStringLiteral("data"),
             QJsonObject{{QStringLiteral("code"), QStringLiteral("TOO_MANY_CONNECTIONS")},
                         {QStringLiteral("max_connections_per_ip"), ctx.limits().maxClientsPerAddress()}}}};
    }
    // PROTOCOL.md, "Socket.IO connection state recovery": a reconnect naming the pid of a session
    // kept for it (and an offset) takes that session back: its socket id, rooms, missed events.
    std::optional<RecoverySessions::Session> session;
    quint64 offset = 0;
    QByteArray pid;
    if (ctx.options().sioRecovery) {
        const QJsonObject a = auth.toObject();
        const QJsonValue p = a.value(QStringLiteral("pid")), off = a.value(QStringLiteral("offset"));
        const QString offText = off.toString();
        bool ok = false;
        offset = offText.size() <= 20 ? offText.toULongLong(&ok) : 0;
        if (p.isString() && p.toString().size() <= 64 && off.isString() && ok) {
            // SECURITY.md, "Tokens": only its own user takes a session back.
            session = ctx.recoverySessions().take(p.toString().toLatin1(), claims.subject, core::monotonicMillis());
            if (session)
                pid = p.toString().toLatin1();
        }
    }
    auto *client = new SocketIoClient(&s, session ? session->socketId : socketId, core::nowMicros());
    if (counted)
        client->limitSlot = address;
    m_shard.applyClaims(client, claims);
    s.bindClient(nsp, client);
    m_shard.addClient(client);
    if (ctx.options().sioRecovery) {
        client->setPositionSource(&m_shard.deliveredSeq());
        if (session) {
            if (auto replay = m_shard.restoreSioSession(client, session->rooms, offset)) {
                client->recovered = true;
                client->pendingReplay = std::move(*replay);
            }
        }
        client->pid = client->recovered ? pid : newSessionId();
    }
    return std::nullopt;
}

QJsonObject ProductSocketIoApp::connectReply(EngineIoSession &s, const QString &nsp, const QByteArray &socketId)
{
    auto *client = static_cast<SocketIoClient *>(s.clientOf(nsp));
    if (!client || client->pid.isEmpty())
        return SocketIoApplication::connectReply(s, nsp, socketId);
    return QJsonObject{{QStringLiteral("sid"), QString::fromLatin1(client->id())},
                       {QStringLiteral("pid"), QString::fromLatin1(client->pid)}};
}

void ProductSocketIoApp::afterConnect(EngineIoSession &s, const QString &nsp, const QJsonValue &)
{
    auto *client = static_cast<SocketIoClient *>(s.clientOf(nsp));
    if (!client)
        return;
    if (!client->recovered) {
        m_shard.welcome(client);
        return;
    }
    m_shard.welcome(client, [this](Client *c) {
        // The missed messages right after connection_established.
        auto *recovered = static_cast<SocketIoClient *>(c);
        m_shard.noteClientChanged(recovered); // its rooms are back
        const QList<BroadcastPtr> replay = std::move(recovered->pendingReplay);
        recovered->pendingReplay.clear();
        for (const BroadcastPtr &b : replay)
            recovered->sendPrepared(*b);
    });
}

void ProductSocketIoApp::onEvent(EngineIoSession &s, const QString &nsp, const sio::Packet &p,
                                 const QList<QByteArray> &)
{
    Client *client = s.clientOf(nsp);
    if (!client)
        return;
    const QJsonArray args = p.data.toArray();
    const QJsonValue replyTag = p.id ? QJsonValue(qint64(*p.id)) : QJsonValue(QJsonValue::Undefined);
    m_shard.handleSocketIoEvent(client, sio::eventName(p),
                                args.size() > 1 ? args.at(1) : QJsonValue(QJsonValue::Undefined), p.isBinary(),
                                replyTag);
}

void ProductSocketIoApp::onDisconnect(EngineIoSession &s, const QString &nsp, DisconnectReason why)
{
    auto *client = static_cast<SocketIoClient *>(s.clientOf(nsp));
    if (!client)
        return;
    // PROTOCOL.md, "Socket.IO connection state recovery": a connection lost (not a DISCONNECT
    // from either side, not a kick or a slow consumer) leaves its session to be taken back.
    const bool lost = s.isClosed()
        && (why == DisconnectReason::ClientClosed || why == DisconnectReason::Vanished
            || why == DisconnectReason::KeepaliveTimeout || why == DisconnectReason::Shutdown);
    if (!client->pid.isEmpty() && lost && !client->isDead())
        m_shard.persistSioSession(client, client->pid);
    client->markDead(why);
    client->detach();
    client->transportClosed = true;
    m_shard.scheduleReap();
}

bool ProductSocketIoApp::admitPacket(EngineIoSession &s, qsizetype bytes)
{
    ServerContext &ctx = m_shard.context();
    const ServerOptions &o = ctx.options();
    Client *client = s.clientOf(QStringLiteral("/"));
    if (client && client->isDead())
        return false;
    if (bytes > o.maxMessageSize) {
        // Over WebSocket QWebSocket already refuses such a message (1009); this is a polling body.
        ctx.stats().countError(protocol::ErrorCode::MessageTooLarge);
        qCInfo(fxServerLog).noquote() << "Engine.IO session" << s.sid() << s.peer() << "closed: a packet of" << bytes
                                      << "bytes, over" << o.maxMessageSize;
        s.close(QStringLiteral("message too large"), DisconnectReason::MessageTooLarge);
        return false;
    }
    if (!client) {
        // Nothing to do before joining but CONNECT: a session that keeps trying is closed.
        const int burst = ctx.rateLimits().burst;
        if (s.packetsWhileUnjoined() <= quint64(burst))
            return true;
        ctx.stats().countError(protocol::ErrorCode::RateLimited);
        qCInfo(fxServerLog).noquote() << "Engine.IO session" << s.sid() << s.peer() << "closed: more than" << burst
                                      << "packets before joining a namespace";
        s.close(QStringLiteral("too many packets before joining a namespace"), DisconnectReason::RateLimited);
        return false;
    }
    return m_shard.admit(client);
}

qint64 ProductSocketIoApp::maxPacketBytes(qint64 maxPayload) const
{
    return std::min(maxPayload, m_shard.context().options().maxMessageSize);
}

} // namespace fx::server
