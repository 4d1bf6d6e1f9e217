// IoShard: its life cycle and its clients. Construction, sockets adopted from the accept
// thread and routed by their request head, clients registered and reaped, the housekeeping
// tick (keep-alive, timeouts), shutdown, operator kicks and client snapshots. The other jobs
// of the I/O thread are in engineiorouting.cpp, clientrequests.cpp and broadcastdelivery.cpp.

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/engineio.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "server/acceptor.h"
#include "server/alerthistory.h"
#include "server/client.h"
#include "server/engineiosession.h"
#include "server/httpconnection.h"
#include "server/nativesocket.h"
#include "server/plainjsonclient.h"
#include "server/productsocketioapp.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/socketioclient.h"
#include "server/websocketupgrader.h"
#include "server/wschannel.h"

#include <QDateTime>
#include <QJsonArray>
#include <QMetaMethod>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

namespace fx::server {

IoShard::IoShard(int index, ServerContext &context)
    : m_index(index)
    , m_ctx(context)
    , m_counters(context.stats().shard(index))
    , m_upgrader(new WebSocketUpgrader(context, this))
    , m_tick(new QTimer(this))
    , m_shutdownDeadline(new QTimer(this))
    , m_rooms(context.instruments().size(), &context.stats())
    , m_prices(context.instruments().size())
    , m_handler(context, m_rooms, m_prices)
    , m_streamDelivered(size_t(context.instruments().size() + 1), 0)
    , m_inbox(context.instruments().size())
{
    m_returnPath = std::make_shared<ReturnPath>(this);
    connect(m_upgrader, &WebSocketUpgrader::upgraded, this, &IoShard::onWebSocketUpgraded);

    const auto &o = context.options();
    m_sioApp = o.socketIoApplication ? o.socketIoApplication(*this) : std::make_unique<ProductSocketIoApp>(*this);
    m_tick->setInterval(o.tickMs());
    m_tick->setTimerType(Qt::PreciseTimer);
    connect(m_tick, &QTimer::timeout, this, &IoShard::onTick);
    m_tick->start();

    m_shutdownDeadline->setSingleShot(true);
    m_shutdownDeadline->setInterval(1500);
    connect(m_shutdownDeadline, &QTimer::timeout, this, [this] {
        // Clients that did not finish the close handshake in time are cut off.
        for (Client *s : m_clients) {
            if (s->transportClosed)
                continue;
            if (s->protocol() == WireProtocol::PlainJson)
                static_cast<PlainJsonClient *>(s)->channel()->abort();
            s->transportClosed = true;
        }
        scheduleReap();
        scheduleEioReap();
    });
}

IoShard::~IoShard()
{
    m_returnPath->close();
    qDeleteAll(m_engineIoSessions);
    m_engineIoSessions.clear();
    for (Client *s : m_clients) {
        m_rooms.leaveAll(s);
        unbindAlerts(s);
        m_ctx.stats().removeClient();
        if (!s->limitSlot.isNull())
            m_ctx.limits().removeClient(s->limitSlot);
        delete s;
    }
    m_clients.clear();
}

void IoShard::adoptSocket(qintptr descriptor, const QHostAddress &peer)
{
    adopt(descriptor, &peer);
}

void IoShard::adoptUnadmitted(qintptr descriptor)
{
    adopt(descriptor, nullptr);
}

void IoShard::adopt(qintptr descriptor, const QHostAddress *admitted)
{
    // SECURITY.md, "TLS": with a certificate configured every connection is TLS from its first
    // byte; the handshake runs here, under the HTTP connection's handshake timeout.
    const bool tls = m_ctx.tls().enabled();
    QTcpSocket *socket = tls ? new QSslSocket : new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(fxServerLog) << "cannot adopt accepted socket:" << socket->errorString();
        delete socket;
        nativesocket::closeDescriptor(descriptor);
        if (admitted)
            m_ctx.limits().endHandshake(*admitted);
        return;
    }
    const QHostAddress peer = admitted ? *admitted : ConnectionLimits::key(socket->peerAddress());
    if (!admitted && !Acceptor::admitPeer(m_ctx, peer)) {
        if (!tls) {
            socket->write(Acceptor::refusal());
            socket->flush();
        }
        socket->abort();
        delete socket;
        return;
    }
    adoptConnected(socket, peer);
}

void IoShard::adoptConnected(QTcpSocket *socket, const QHostAddress &peer)
{
    const bool tls = m_ctx.tls().enabled();
    if (m_shuttingDown) {
        socket->abort();
        delete socket;
        m_ctx.limits().endHandshake(peer);
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (tls)
        m_ctx.tls().startServerEncryption(static_cast<QSslSocket *>(socket));
    new HttpConnection(socket, this, m_ctx, peer);
}

void IoShard::routeUpgrade(HttpConnection *connection, const protocol::HttpRequest &request, qsizetype headLength)
{
    const QByteArray &path = request.path;
    if (const EioEndpoint ep = eioEndpoint(path); ep != EioEndpoint::None) {
        handleEio(connection, request, {}, ep, true);
        return;
    }
    if (path == "/" || path == "/ws") {
        if (request.method != "GET") {
            m_ctx.stats().countHttp(true);
            connection->respondError(400, QStringLiteral("a WebSocket upgrade must be a GET request"), &request, false);
            return;
        }
        if (connection->refusesOrigin(request)) {
            m_ctx.stats().countHttp(true);
            connection->respondError(403, QStringLiteral("origin not allowed (CORS_ALLOWED_ORIGINS)"), &request, false);
            return;
        }
        // wschannel.h: the upgrade checked (RFC 6455 §4.2.1, where Qt would let it pass) and
        // answered here, the connection served by the server's own framing; else (TLS, the
        // portable build, FX_WS_FRAMING=qt) QWebSocketServer answers it.
        const bool own = ownFramingFor(connection->socket());
        if (own) {
            if (const protocol::UpgradeCheck bad = protocol::checkWebSocketUpgrade(request); bad.status) {
                m_ctx.stats().countHttp(true);
                protocol::HttpHeaders headers;
                if (bad.status == 426)
                    headers.append(qMakePair(QByteArray("Sec-WebSocket-Version"), QByteArray("13")));
                connection->respondError(bad.status, bad.message, &request, false, headers);
                return;
            }
        }
        QTcpSocket *socket = releaseForUpgrade(connection, request);
        const QByteArray token = m_ctx.options().tokenVerifier ? presentedToken(request) : QByteArray();
        if (own) {
            const QString peer = clientPeerOf(socket);
            if (WsChannel *channel = acceptOwnUpgrade(socket, request, headLength, m_ctx.options().maxMessageSize, this,
                                                      m_counters, m_ctx.stats())) {
                admitPlainJsonClient(channel, nullptr, nullptr, peer, token);
                return;
            }
        }
        if (m_ctx.options().tokenVerifier) // checked once the WebSocket is open (acceptPlainJsonClient)
            socket->setProperty(kTokenProperty, token);
        m_upgrader->handOver(socket);
        return;
    }
    m_ctx.stats().countHttp(true);
    connection->respondError(404,
                             QStringLiteral("no WebSocket endpoint at %1 (use / or /ws, or /socket.io/)")
                                 .arg(QString::fromUtf8(path.left(200))),
                             &request, false);
}

bool IoShard::routeHttp(HttpConnection *connection, const protocol::HttpRequest &request, const QByteArray &body)
{
    const EioEndpoint ep = eioEndpoint(request.path);
    if (ep == EioEndpoint::None)
        return false; // generic routes
    if (request.method == "OPTIONS") {
        connection->answerPreflight(request, "GET, POST"); // long-polling's methods
        return true;
    }
    handleEio(connection, request, body, ep, false);
    return true;
}

void IoShard::onWebSocketUpgraded(QWebSocket *ws, QTcpSocket *tcp)
{
    if (m_shuttingDown) {
        ws->abort();
        ws->deleteLater();
        return;
    }
    const QUrl url = ws->requestUrl();
    if (const EioEndpoint ep = eioEndpoint(url.path().toUtf8()); ep != EioEndpoint::None) {
        onEioWebSocket(ws, tcp, ep, QUrlQuery(url).queryItemValue(QStringLiteral("sid")).toUtf8());
        return;
    }
    acceptPlainJsonClient(ws, tcp);
}

void IoShard::addClient(Client *s)
{
    s->shardSlot = int(m_clients.size());
    m_clients.push_back(s);
    qCDebug(fxServerLog).noquote() << "client" << s->logName() << "connected on shard" << m_index;
    if (isSignalConnected(QMetaMethod::fromSignal(&IoShard::clientConnected)))
        Q_EMIT clientConnected(infoOf(s));
}

void IoShard::noteClientChanged(Client *s)
{
    if (s->isDead() || s->shardSlot < 0 || size_t(s->shardSlot) >= m_clients.size()
        || m_clients[size_t(s->shardSlot)] != s)
        return; // not (or no longer) a live client of this shard
    if (isSignalConnected(QMetaMethod::fromSignal(&IoShard::clientChanged)))
        Q_EMIT clientChanged(infoOf(s));
}

void IoShard::scheduleReap()
{
    if (m_reapScheduled)
        return;
    m_reapScheduled = true;
    QMetaObject::invokeMethod(this, &IoShard::reap, Qt::QueuedConnection);
}

void IoShard::reap()
{
    m_reapScheduled = false;
    for (size_t i = 0; i < m_clients.size();) {
        Client *s = m_clients[i];
        if (!(s->isDead() && s->transportClosed)) {
            ++i;
            continue;
        }
        m_rooms.leaveAll(s);
        unbindAlerts(s);
        if (s->staged)
            m_touched.erase(std::remove(m_touched.begin(), m_touched.end(), s), m_touched.end());
        Client *last = m_clients.back();
        m_clients[i] = last;
        last->shardSlot = int(i);
        m_clients.pop_back();
        m_ctx.stats().removeClient();
        if (!s->limitSlot.isNull())
            m_ctx.limits().removeClient(s->limitSlot);
        m_ctx.stats().countDisconnect(s->deathReason());
        qCDebug(fxServerLog).noquote() << "client" << s->logName() << "gone:" << disconnectReasonName(s->deathReason());
        if (isSignalConnected(QMetaMethod::fromSignal(&IoShard::clientDisconnected))) {
            ClientInfo info = infoOf(s);
            info.disconnectReason = disconnectReasonName(s->deathReason());
            Q_EMIT clientDisconnected(info);
        }
        delete s;
    }
    checkDrained();
}

void IoShard::checkDrained()
{
    if (m_shuttingDown && !m_drainedOnce && m_clients.empty() && m_engineIoSessions.isEmpty()) {
        m_shutdownDeadline->stop();
        m_drainedOnce = true;
        Q_EMIT drained();
    }
}

void IoShard::onTick()
{
    const qint64 now = core::monotonicMillis();
    const auto &o = m_ctx.options();
    const qint64 nowSeconds = o.tokenVerifier ? QDateTime::currentSecsSinceEpoch() : 0;
    m_closedAwaitingGet.removeIf([now](const auto &it) { return it.value() < now; });
    if (m_index == 0)
        expireAlerts(now); // PROTOCOL.md, "Alert rules", "Expiry": once a second, on one shard
    for (EngineIoSession *e : std::as_const(m_engineIoSessions))
        e->tick(now);
    for (Client *s : m_clients) {
        if (s->isDead())
            continue;
        if (nowSeconds && expireToken(s, nowSeconds))
            continue;
        if (s->protocol() == WireProtocol::PlainJson) {
            if (s->pongDeadlineMs && now > s->pongDeadlineMs) {
                qCInfo(fxServerLog).noquote()
                    << "client" << s->logName() << "dropped: no pong within" << o.pingTimeoutMs << "ms";
                s->disconnect(DisconnectReason::KeepaliveTimeout, QWebSocketProtocol::CloseCodeGoingAway,
                              QStringLiteral("PING_TIMEOUT"));
                continue;
            }
            if (!s->pongDeadlineMs && now >= s->nextPingAtMs) {
                static_cast<PlainJsonClient *>(s)->channel()->ping();
                s->pongDeadlineMs = now + o.pingTimeoutMs;
                s->nextPingAtMs = now + o.pingIntervalMs;
            }
        }
        s->pollBacklog();
        if (s->isDead())
            continue;
        // Most clients most of the time: nothing could be queued, nothing to ask the socket.
        if (!s->backloggedSinceMs && !s->mayHaveBacklog(o.softQueueLimit()))
            continue;
        if (s->queuedBytes() > o.softQueueLimit()) {
            if (!s->backloggedSinceMs)
                s->backloggedSinceMs = now;
            else if (now - s->backloggedSinceMs > o.slowConsumerGraceMs) {
                qCInfo(fxServerLog).noquote() << "client" << s->logName() << "disconnected: backlogged for"
                                              << (now - s->backloggedSinceMs) << "ms";
                s->disconnect(DisconnectReason::SlowConsumer, QWebSocketProtocol::CloseCodePolicyViolated,
                              QStringLiteral("SLOW_CONSUMER"));
            }
        } else {
            s->backloggedSinceMs = 0;
        }
    }
}

void IoShard::shutdown()
{
    if (m_shuttingDown)
        return;
    m_shuttingDown = true;
    m_tick->stop();
    // Sessions first (they decide what their held polls get), then plain HTTP connections.
    for (Client *s : m_clients)
        s->disconnect(DisconnectReason::Shutdown, QWebSocketProtocol::CloseCodeGoingAway,
                      QStringLiteral("server shutting down"));
    for (EngineIoSession *e : std::as_const(m_engineIoSessions))
        e->close(QStringLiteral("server shutting down"), DisconnectReason::Shutdown);
    for (HttpConnection *c : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly))
        c->close();
    m_upgrader->abortPending();
    scheduleReap();
    scheduleEioReap();
    m_shutdownDeadline->start();
}

bool IoShard::kick(const QByteArray &clientId)
{
    for (Client *s : m_clients) {
        if (s->id() != clientId || s->isDead())
            continue;
        qCInfo(fxServerLog).noquote() << "client" << s->logName() << "disconnected by the operator";
        s->disconnect(DisconnectReason::Kicked, QWebSocketProtocol::CloseCodeNormal,
                      QStringLiteral("disconnected by the operator"));
        return true;
    }
    return false;
}

ClientInfo IoShard::infoOf(const Client *s) const
{
    ClientInfo i;
    i.id = s->id();
    i.peer = s->peer();
    i.user = s->user();
    i.protocol = s->protocol() == WireProtocol::PlainJson ? QStringLiteral("websocket") : QStringLiteral("socket.io");
    i.transport = s->transportName();
    i.connectedAtMicros = s->connectedAtMicros();
    for (int r = 0; r < m_rooms.roomCount(); ++r)
        if (s->inRoom(r))
            i.rooms << m_ctx.instruments().room(r);
    i.messagesSent = s->messagesSent;
    i.bytesSent = s->bytesSent;
    i.messagesReceived = s->messagesReceived;
    i.rttMs = s->lastRttMs;
    if (s->protocol() == WireProtocol::SocketIo)
        if (const EngineIoSession *e = static_cast<const SocketIoClient *>(s)->eio())
            i.rttMs = e->rttMs(); // the Engine.IO heartbeat's round trip
    i.queuedBytes = s->queuedBytesNow();
    return i;
}

QList<ClientInfo> IoShard::clients() const
{
    QList<ClientInfo> out;
    out.reserve(qsizetype(m_clients.size()));
    for (const Client *s : m_clients)
        if (!s->isDead())
            out.append(infoOf(s));
    return out;
}

} // namespace fx::server
