#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "protocol/engineio.h"
#include "server/eiosession.h"
#include "server/httpconnection.h"
#include "server/sioapps.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/session.h"
#include "server/wsjsonsession.h"

#include <QJsonArray>
#include <QMetaMethod>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

#include <unistd.h>

#include <algorithm>

namespace fx::server {

using protocol::ErrorCode;

// RFC 6455 registry: 1013 Try Again Later (Qt 6.4 has no enumerator for it).
static constexpr auto kCloseTryAgainLater = QWebSocketProtocol::CloseCode(1013);

IoShard::IoShard(int index, ServerContext &context)
    : m_index(index)
    , m_ctx(context)
    , m_counters(context.stats().shard(index))
    , m_tick(new QTimer(this))
    , m_shutdownDeadline(new QTimer(this))
    , m_rooms(context.instruments().size(), &context.stats())
    , m_prices(context.instruments().size())
    , m_handler(context, m_rooms, m_prices)
{
    for (int i = 0; i < kWsServers; ++i) {
        auto *server = new QWebSocketServer(QStringLiteral("FX Monitor"), QWebSocketServer::NonSecureMode, this);
        server->setMaxPendingConnections(1 << 20);
        connect(server, &QWebSocketServer::newConnection, this, [this, server] { onWebSocketConnection(server); });
        connect(server, &QWebSocketServer::originAuthenticationRequired, this, [this](QWebSocketCorsAuthenticator *auth) {
            auth->setAllowed(auth->origin().isEmpty() || m_ctx.options().originAllowed(auth->origin().toUtf8()));
        });
        m_wsServers.push_back(server);
    }

    const auto &o = context.options();
    if (o.profile == ServerOptions::Profile::Conformance)
        m_sioApp = std::make_unique<ConformanceSioApp>();
    else
        m_sioApp = std::make_unique<ProductSioApp>(*this);
    m_tick->setInterval(o.tickMs());
    m_tick->setTimerType(Qt::PreciseTimer);
    connect(m_tick, &QTimer::timeout, this, &IoShard::onTick);
    m_tick->start();

    m_shutdownDeadline->setSingleShot(true);
    m_shutdownDeadline->setInterval(1500);
    connect(m_shutdownDeadline, &QTimer::timeout, this, [this] {
        // Clients that did not finish the close handshake in time are cut off.
        for (Session *s : m_sessions) {
            if (s->transportClosed)
                continue;
            if (s->protocol() == WireProtocol::PlainJson)
                if (QWebSocket *ws = static_cast<WsJsonSession *>(s)->socket())
                    ws->abort();
            s->transportClosed = true;
        }
        scheduleReap();
        scheduleEioReap();
    });
}

IoShard::~IoShard()
{
    qDeleteAll(m_eio);
    m_eio.clear();
    for (Session *s : m_sessions) {
        m_rooms.leaveAll(s);
        m_ctx.stats().removeClient();
        delete s;
    }
    m_sessions.clear();
}

void IoShard::adoptSocket(qintptr descriptor)
{
    auto *socket = new QTcpSocket;
    if (!socket->setSocketDescriptor(descriptor)) {
        qCWarning(fxServerLog) << "cannot adopt accepted socket:" << socket->errorString();
        delete socket;
        ::close(int(descriptor));
        return;
    }
    if (m_shuttingDown) {
        socket->abort();
        delete socket;
        return;
    }
    socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    new HttpConnection(socket, this, m_ctx);
}

IoShard::EioEndpoint IoShard::eioEndpoint(QByteArrayView path) const
{
    if (path == "/socket.io/" || path == "/socket.io")
        return EioEndpoint::SocketIo;
    if (m_ctx.options().profile == ServerOptions::Profile::Conformance && (path == "/engine.io/" || path == "/engine.io"))
        return EioEndpoint::EngineIo;
    return EioEndpoint::None;
}

void IoShard::routeUpgrade(HttpConnection *connection, const protocol::HttpRequest &request)
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
        handOver(connection->releaseSocket());
        return;
    }
    m_ctx.stats().countHttp(true);
    connection->respondError(404, QStringLiteral("no WebSocket endpoint at %1 (use / or /ws, or /socket.io/)")
                                      .arg(QString::fromUtf8(path.left(200))),
                             &request, false);
}

bool IoShard::routeHttp(HttpConnection *connection, const protocol::HttpRequest &request, const QByteArray &body)
{
    const EioEndpoint ep = eioEndpoint(request.path);
    if (ep == EioEndpoint::None || request.method == "OPTIONS")
        return false; // generic routes, CORS preflight
    handleEio(connection, request, body, ep, false);
    return true;
}

void IoShard::handleEio(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body, EioEndpoint ep,
                        bool upgrade, bool afterProbe)
{
    namespace eio = protocol::eio;
    auto fail = [&](eio::HttpError e) {
        m_ctx.stats().countHttp(true);
        c->respond(eio::errorStatus(e), "application/json", eio::errorBody(e), &r, {}, !upgrade && r.keepAlive());
    };
    // The reference's order of checks: transport, origin, then the session or the handshake.
    const QString transport = r.queryValue(u"transport");
    if (transport != u"polling" && transport != u"websocket")
        return fail(eio::HttpError::TransportUnknown);
    const QByteArray origin = r.header("origin");
    if (!origin.isEmpty() && !m_ctx.options().originAllowed(origin))
        return fail(eio::HttpError::Forbidden);
    bool hasVersion = false;
    const QString version = r.queryValue(u"EIO", &hasVersion);
    bool hasSid = false;
    const QByteArray sid = r.queryValue(u"sid", &hasSid).toUtf8();

    if (hasSid) {
        const int owner = m_ctx.shardForSid(sid);
        if (owner != m_index && owner < m_ctx.shards().size()) {
            // The session lives on another I/O thread: move this connection there.
            IoShard *target = m_ctx.shards().at(owner);
            c->migrate(target, [target, r, body, ep, upgrade](HttpConnection *moved) {
                target->handleEio(moved, r, body, ep, upgrade);
            });
            return;
        }
        EioSession *s = findEio(sid);
        if (s) {
            s->tick(core::monotonicMillis()); // a session past its deadline is gone now
            if (!upgrade && !afterProbe && s->isUpgrading()) {
                // The client may have sent 2probe / 5 on its WebSocket before this request:
                // read them, then handle the request after QWebSocket's queued processing.
                s->drainProbe();
                QMetaObject::invokeMethod(
                    this,
                    [this, conn = QPointer<HttpConnection>(c), r, body, ep] {
                        if (conn)
                            handleEio(conn, r, body, ep, false, true);
                    },
                    Qt::QueuedConnection);
                return;
            }
        }
        if ((!s || s->isClosed()) && !upgrade && r.method == "GET" && transport == u"polling") {
            const auto late = m_closedAwaitingGet.constFind(sid);
            if (late != m_closedAwaitingGet.cend()) {
                const bool inTime = core::monotonicMillis() <= *late;
                m_closedAwaitingGet.erase(late); // once: the next GET learns the session is gone
                if (inTime) {
                    m_ctx.stats().countHttp(false);
                    c->respond(200, "text/plain; charset=UTF-8", "6", &r, {{"Cache-Control", "no-store"}}, r.keepAlive());
                    return;
                }
            }
        }
        if (!s || s->isClosed())
            return fail(eio::HttpError::SessionIdUnknown);
        if (hasVersion && version != u"4")
            return fail(eio::HttpError::BadRequest);
        if (upgrade) {
            if (transport != u"websocket")
                return fail(eio::HttpError::BadRequest);
            // A second WebSocket for an upgraded or upgrading session is accepted and closed at
            // once (onEioWebSocket), as the reference does.
            handOver(c->releaseSocket());
            return;
        }
        if (transport != u"polling" || s->transport() != EioSession::Transport::Polling)
            return fail(eio::HttpError::BadRequest);
        m_ctx.stats().countHttp(false);
        if (r.method == "GET")
            s->onPollingGet(c, r);
        else if (r.method == "POST")
            s->onPollingPost(c, r, body);
        else
            fail(eio::HttpError::BadRequest);
        return;
    }

    // Handshake.
    if (!upgrade && r.method != "GET")
        return fail(eio::HttpError::BadHandshakeMethod);
    if (version != u"4")
        return fail(eio::HttpError::UnsupportedProtocolVersion);
    if (upgrade != (transport == u"websocket"))
        return fail(eio::HttpError::BadRequest);
    if (m_ctx.engineSessions.load(std::memory_order_relaxed) >= m_ctx.options().maxEngineSessions() || m_shuttingDown)
        return fail(eio::HttpError::Forbidden);
    if (upgrade) {
        handOver(c->releaseSocket());
        return;
    }
    QString peer;
    if (const QTcpSocket *t = c->socket())
        peer = t->peerAddress().toString() + u':' + QString::number(t->peerPort());
    EioSession *s = createEio(ep, std::move(peer));
    m_ctx.stats().countHttp(false);
    c->respond(200, "text/plain; charset=UTF-8", s->openPacket(true), &r, {{"Cache-Control", "no-store"}}, r.keepAlive());
}

EioSession *IoShard::createEio(EioEndpoint ep, QString peer)
{
    const QByteArray sid = m_ctx.newSidForShard(m_index);
    auto *s = new EioSession(*this, *m_sioApp, sid,
                             ep == EioEndpoint::EngineIo ? EioSession::Kind::RawEngineIo : EioSession::Kind::SocketIo,
                             core::monotonicMillis());
    if (!peer.isEmpty())
        s->setPeer(std::move(peer)); // a polling session: the address of its handshake request
    m_eio.insert(sid, s);
    m_ctx.engineSessions.fetch_add(1, std::memory_order_relaxed);
    return s;
}

void IoShard::onEioWebSocket(QWebSocket *ws, QTcpSocket *tcp, EioEndpoint ep, const QByteArray &sid)
{
    if (sid.isEmpty()) {
        EioSession *s = createEio(ep);
        s->startWebSocket(ws, tcp);
        return;
    }
    EioSession *s = findEio(sid);
    if (!s || s->isClosed() || s->transport() != EioSession::Transport::Polling || s->isUpgrading()) {
        // Already upgraded, upgrading, or gone: this extra WebSocket is closed at once. Owned by
        // the shard until it is gone, so a server stopped meanwhile frees it too.
        ws->setParent(this);
        connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
        QTimer::singleShot(2000, ws, [ws] { ws->abort(); });
        ws->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("session already has a WebSocket"));
        return;
    }
    s->attachProbe(ws, tcp);
}

void IoShard::scheduleEioReap()
{
    if (m_eioReapScheduled)
        return;
    m_eioReapScheduled = true;
    QMetaObject::invokeMethod(this, &IoShard::reapEio, Qt::QueuedConnection);
}

void IoShard::reapEio()
{
    m_eioReapScheduled = false;
    for (auto it = m_eio.begin(); it != m_eio.end();) {
        if (it.value()->isClosed()) {
            delete it.value();
            it = m_eio.erase(it);
            m_ctx.engineSessions.fetch_sub(1, std::memory_order_relaxed);
        } else {
            ++it;
        }
    }
    checkDrained();
}

void IoShard::handOver(QTcpSocket *socket)
{
    const QPair<QHostAddress, quint16> key{socket->peerAddress(), socket->peerPort()};
    m_handovers.insert(key, socket);
    // A socket the handshake fails for is deleted by QWebSocketServer: forget it then (unless
    // its peer's address and port already name a newer socket).
    connect(socket, &QObject::destroyed, this, [this, key] {
        const auto it = m_handovers.constFind(key);
        if (it != m_handovers.cend() && it->isNull())
            m_handovers.erase(it);
    });
    m_wsServers[m_nextWsServer++ % m_wsServers.size()]->handleConnection(socket);
}

QTcpSocket *IoShard::takeHandover(QWebSocket *ws, QWebSocketServer *server)
{
    QPointer<QTcpSocket> socket = m_handovers.take({ws->peerAddress(), ws->peerPort()});
    if (socket) {
        // Upgraded: from now on its session owns it. Unhook QWebSocketServer's per-socket
        // connection, which it never removes and which every later handshake would walk.
        QObject::disconnect(socket, &QTcpSocket::disconnected, server, nullptr);
        QObject::disconnect(socket, &QObject::destroyed, this, nullptr);
        socket->setParent(ws); // freed with its WebSocket (the server's hook used to free it)
    }
    return socket;
}

void IoShard::onWebSocketConnection(QWebSocketServer *server)
{
    while (server->hasPendingConnections()) {
        QWebSocket *ws = server->nextPendingConnection();
        if (!ws)
            break;
        ws->setParent(nullptr);
        QTcpSocket *tcp = takeHandover(ws, server);
        if (!tcp || m_shuttingDown) {
            ws->abort();
            ws->deleteLater();
            continue;
        }
        const QUrl url = ws->requestUrl();
        if (const EioEndpoint ep = eioEndpoint(url.path().toUtf8()); ep != EioEndpoint::None) {
            onEioWebSocket(ws, tcp, ep, QUrlQuery(url).queryItemValue(QStringLiteral("sid")).toUtf8());
            continue;
        }
        if (!m_ctx.stats().tryAddClient()) {
            // Full: tell the client why in both ways it can read, then close with 1013.
            m_ctx.stats().countDisconnect(DisconnectReason::ServerFull);
            const Reply err = m_handler.error(ErrorCode::ServerFull,
                                              QStringLiteral("the server is full (%1 clients); try again later")
                                                  .arg(m_ctx.options().maxClients));
            tcp->write(protocol::wsFrame(protocol::encodeEnvelope(err.event, err.data)));
            ws->close(kCloseTryAgainLater, QStringLiteral("SERVER_FULL"));
            ws->setParent(this); // freed with the shard if the server stops within the 2 s
            connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
            QTimer::singleShot(2000, ws, [ws] { ws->abort(); });
            continue;
        }
        const auto &o = m_ctx.options();
        ws->setMaxAllowedIncomingFrameSize(quint64(o.maxMessageSize));
        ws->setMaxAllowedIncomingMessageSize(quint64(o.maxMessageSize));
        auto *s = new WsJsonSession(ws, tcp, m_counters, o, core::nowMicros());
        const qint64 now = core::monotonicMillis();
        s->nextPingAtMs = now + o.pingIntervalMs;

        connect(ws, &QWebSocket::textMessageReceived, this, [this, s](const QString &text) { onText(s, text); });
        connect(ws, &QWebSocket::binaryMessageReceived, this, [this, s](const QByteArray &data) { onBinary(s, data.size()); });
        connect(ws, &QWebSocket::pong, this, [this, s](quint64 elapsed, const QByteArray &) {
            s->lastRttMs = qint64(elapsed);
            s->pongDeadlineMs = 0;
            s->nextPingAtMs = core::monotonicMillis() + m_ctx.options().pingIntervalMs;
        });
        connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [s](QAbstractSocket::SocketError) {
            // The connection broke without a close handshake.
            s->markDead(DisconnectReason::Vanished);
        });
        connect(ws, &QWebSocket::disconnected, this, [this, s, ws] {
            if (ws->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData && !s->isDead()) {
                m_ctx.stats().countError(ErrorCode::MessageTooLarge);
                s->markDead(DisconnectReason::MessageTooLarge);
            }
            s->markDead(DisconnectReason::ClientClosed);
            s->transportClosed = true;
            scheduleReap();
        });
        connect(tcp, &QTcpSocket::bytesWritten, this, [s] { s->onBytesWritten(); });

        addSession(s);
        welcome(s);
    }
}

void IoShard::welcome(Session *s)
{
    const Reply hello = m_handler.welcome(*s);
    s->sendEvent(hello.event, hello.data, QJsonValue::Undefined);
}

void IoShard::addSession(Session *s)
{
    s->shardSlot = int(m_sessions.size());
    m_sessions.push_back(s);
    qCDebug(fxServerLog) << "client" << s->id() << "connected from" << s->peer() << "on shard" << m_index;
    if (isSignalConnected(QMetaMethod::fromSignal(&IoShard::clientConnected)))
        Q_EMIT clientConnected(infoOf(s));
}

void IoShard::noteClientChanged(Session *s)
{
    if (s->isDead() || s->shardSlot < 0 || size_t(s->shardSlot) >= m_sessions.size() || m_sessions[size_t(s->shardSlot)] != s)
        return; // not (or no longer) a live client of this shard
    if (isSignalConnected(QMetaMethod::fromSignal(&IoShard::clientChanged)))
        Q_EMIT clientChanged(infoOf(s));
}

void IoShard::onText(WsJsonSession *s, const QString &text)
{
    if (s->isDead())
        return;
    const QByteArray utf8 = text.toUtf8();
    ++s->messagesReceived;
    m_counters.add(m_counters.messagesReceived);
    m_counters.add(m_counters.bytesReceived, quint64(utf8.size()));
    s->pongDeadlineMs = 0; // any message shows the client is alive

    if (!admit(s))
        return;

    const auto decoded = protocol::decodeEnvelope(utf8);
    if (const auto *err = std::get_if<protocol::EnvelopeError>(&decoded)) {
        sendReply(s, m_handler.error(err->code, err->message, err->event), err->id);
        return;
    }
    const auto &req = std::get<protocol::ClientRequest>(decoded);
    dispatch(s, req.event, req.data, req.id);
}

bool IoShard::admit(Session *s)
{
    switch (s->admitRequest(core::monotonicMillis(), m_ctx.options())) {
    case Session::Admission::Accept:
        return true;
    case Session::Admission::Drop:
        m_ctx.stats().countError(ErrorCode::RateLimited);
        return false;
    case Session::Admission::DropAndNotify: {
        const auto &o = m_ctx.options();
        sendReply(s, m_handler.error(ErrorCode::RateLimited,
                                     QStringLiteral("too many requests: at most %1 per second (bursts of %2); "
                                                    "requests over the limit are dropped").arg(o.rateLimit).arg(o.rateBurst),
                                     {}, QJsonObject{{QStringLiteral("dropped"), qint64(s->droppedRequests())},
                                                     {QStringLiteral("limit_per_second"), o.rateLimit},
                                                     {QStringLiteral("burst"), o.rateBurst}}),
                  QJsonValue::Undefined);
        return false;
    }
    case Session::Admission::Close:
        m_ctx.stats().countError(ErrorCode::RateLimited);
        qCInfo(fxServerLog) << "client" << s->id() << s->peer() << "disconnected: over the rate limit for too long";
        s->disconnect(DisconnectReason::RateLimited, QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("RATE_LIMITED"));
        scheduleReap();
        return false;
    }
    return false;
}

void IoShard::handleSocketIoEvent(Session *s, const QString &event, const QJsonValue &data, bool binary,
                                  const QJsonValue &replyTag)
{
    if (s->isDead())
        return;
    ++s->messagesReceived;
    m_counters.add(m_counters.messagesReceived);
    if (!admit(s))
        return;
    if (binary) {
        sendReply(s, m_handler.error(ErrorCode::InvalidPayload,
                                     QStringLiteral("binary attachments are not part of the protocol; send JSON objects"),
                                     event.left(64)),
                  replyTag);
        return;
    }
    if (!(data.isUndefined() || data.isNull() || data.isObject())) {
        sendReply(s, m_handler.error(ErrorCode::InvalidPayload,
                                     QStringLiteral("the argument of \"%1\" must be an object, e.g. {\"pairs\": [\"EUR_USD\"]}")
                                         .arg(event.left(64)),
                                     event.left(64)),
                  replyTag);
        return;
    }
    dispatch(s, event, data.toObject(), replyTag);
}

void IoShard::onBinary(WsJsonSession *s, qsizetype size)
{
    if (s->isDead())
        return;
    ++s->messagesReceived;
    m_counters.add(m_counters.messagesReceived);
    m_counters.add(m_counters.bytesReceived, quint64(size));
    sendReply(s, m_handler.error(ErrorCode::InvalidPayload,
                                 QStringLiteral("binary frames are not supported; send JSON text frames like "
                                                "{\"event\": \"subscribe\", \"data\": {\"pairs\": [\"EUR_USD\"]}}")),
              QJsonValue::Undefined);
}

void IoShard::dispatch(Session *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag)
{
    QList<Reply> replies;
    m_handler.handle(*s, event, data, &replies);
    for (const Reply &r : replies)
        sendReply(s, r, replyTag);
    if (const auto e = protocol::clientEventFromName(event); e == protocol::ClientEvent::Subscribe || e == protocol::ClientEvent::Unsubscribe)
        noteClientChanged(s);
}

void IoShard::sendReply(Session *s, const Reply &r, const QJsonValue &replyTag)
{
    s->sendEvent(r.event, r.data, replyTag);
}

void IoShard::enqueue(const BroadcastBatch &batch)
{
    if (batch.isEmpty())
        return;
    const qint64 now = core::monotonicNanos();
    const int rooms = m_ctx.instruments().size(); // immutable: safe from any thread
    quint64 conflated = 0;
    bool post = false;
    {
        QMutexLocker lock(&m_inboxMutex);
        if (m_inbox.isEmpty())
            m_inboxSinceNs = now;
        const bool behind = now - m_inboxSinceNs > kBehindMs * 1000000;
        if (m_inboxPriceAt.size() < size_t(rooms))
            m_inboxPriceAt.assign(size_t(rooms), -1);
        for (const BroadcastPtr &b : batch) {
            const bool price = b->conflatable && !b->cacheOnly && b->roomA >= 0 && b->roomA < rooms;
            if (price) {
                qsizetype &at = m_inboxPriceAt[size_t(b->roomA)];
                if (behind && at >= 0) {
                    m_inbox[at] = b; // the older price of this pair never went out: the newest takes its place
                    ++conflated;
                    continue;
                }
                at = m_inbox.size();
            }
            m_inbox.append(b);
        }
        if (!m_drainPosted) {
            m_drainPosted = true;
            post = true;
        }
    }
    if (conflated) {
        m_counters.overloadConflated.fetch_add(conflated, std::memory_order_relaxed);
        static core::logging::RateLimiter limiter(1, 10000);
        qint64 suppressed = 0;
        if (limiter.allow(QString::number(m_index), &suppressed))
            qCWarning(fxServerLog).noquote()
                << QStringLiteral("I/O thread %1 is more than %2 ms behind the feed: waiting price updates are"
                                  " replaced by the newest of their pair (%3 so far)")
                       .arg(m_index)
                       .arg(kBehindMs)
                       .arg(m_counters.overloadConflated.load(std::memory_order_relaxed));
    }
    if (post)
        QMetaObject::invokeMethod(this, &IoShard::drainInbox, Qt::QueuedConnection);
}

void IoShard::drainInbox()
{
    BroadcastBatch batch;
    {
        QMutexLocker lock(&m_inboxMutex);
        batch.swap(m_inbox);
        std::fill(m_inboxPriceAt.begin(), m_inboxPriceAt.end(), -1);
        m_drainPosted = false;
    }
    deliver(batch);
}

void IoShard::deliver(const BroadcastBatch &batch)
{
    // Stage every event of the batch per recipient, then write each recipient once.
    std::vector<Session *> &touched = m_touched;
    auto stage = [&touched](Session *s, const Broadcast &b) {
        if (s->isDead())
            return;
        s->stage(b);
        if (!s->staged) {
            s->staged = true;
            touched.push_back(s);
        }
    };
    for (const BroadcastPtr &bp : batch) {
        const Broadcast &b = *bp;
        m_counters.add(m_counters.broadcasts);
        if (b.conflatable)
            m_prices.update(b.roomA, b);
        if (b.cacheOnly)
            continue;
        switch (b.scope) {
        case Broadcast::Scope::Room:
            if (b.roomA >= 0 && b.roomA < m_rooms.roomCount())
                for (Session *s : m_rooms.members(b.roomA))
                    stage(s, b);
            break;
        case Broadcast::Scope::TwoRooms:
            if (b.roomA >= 0 && b.roomA < m_rooms.roomCount())
                for (Session *s : m_rooms.members(b.roomA))
                    stage(s, b);
            if (b.roomB >= 0 && b.roomB < m_rooms.roomCount())
                for (Session *s : m_rooms.members(b.roomB))
                    if (!s->inRoom(b.roomA)) // once per client
                        stage(s, b);
            break;
        case Broadcast::Scope::Everyone:
            for (Session *s : m_sessions)
                stage(s, b);
            break;
        }
    }
    // Flush once after every batch already queued has been staged: under load several batches
    // then share one write per client (what Qt's buffering did before), and when idle the flush
    // runs right after this call.
    if (!touched.empty() && !m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &IoShard::flushStaged, Qt::QueuedConnection);
    }
}

void IoShard::flushStaged()
{
    m_flushScheduled = false;
    std::vector<Session *> touched;
    touched.swap(m_touched);
    for (Session *s : touched) {
        s->staged = false;
        s->flushStaged();
    }
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
    for (size_t i = 0; i < m_sessions.size();) {
        Session *s = m_sessions[i];
        if (!(s->isDead() && s->transportClosed)) {
            ++i;
            continue;
        }
        m_rooms.leaveAll(s);
        if (s->staged)
            m_touched.erase(std::remove(m_touched.begin(), m_touched.end(), s), m_touched.end());
        Session *last = m_sessions.back();
        m_sessions[i] = last;
        last->shardSlot = int(i);
        m_sessions.pop_back();
        m_ctx.stats().removeClient();
        m_ctx.stats().countDisconnect(s->deathReason());
        qCDebug(fxServerLog) << "client" << s->id() << s->peer() << "gone:" << disconnectReasonName(s->deathReason());
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
    if (m_shuttingDown && !m_drainedOnce && m_sessions.empty() && m_eio.isEmpty()) {
        m_shutdownDeadline->stop();
        m_drainedOnce = true;
        Q_EMIT drained();
    }
}

void IoShard::noteClosedWithoutPendingGet(const QByteArray &sid)
{
    m_closedAwaitingGet.insert(sid, core::monotonicMillis() + kClosedGetGraceMs);
}

void IoShard::onTick()
{
    const qint64 now = core::monotonicMillis();
    const auto &o = m_ctx.options();
    m_closedAwaitingGet.removeIf([now](const auto &it) { return it.value() < now; });
    for (EioSession *e : std::as_const(m_eio))
        e->tick(now);
    for (Session *s : m_sessions) {
        if (s->isDead())
            continue;
        if (s->protocol() == WireProtocol::PlainJson) {
            if (s->pongDeadlineMs && now > s->pongDeadlineMs) {
                qCInfo(fxServerLog) << "client" << s->id() << s->peer() << "dropped: no pong within" << o.pingTimeoutMs << "ms";
                s->disconnect(DisconnectReason::KeepaliveTimeout, QWebSocketProtocol::CloseCodeGoingAway,
                              QStringLiteral("PING_TIMEOUT"));
                continue;
            }
            if (!s->pongDeadlineMs && now >= s->nextPingAtMs) {
                if (QWebSocket *ws = static_cast<WsJsonSession *>(s)->socket())
                    ws->ping();
                s->pongDeadlineMs = now + o.pingTimeoutMs;
                s->nextPingAtMs = now + o.pingIntervalMs;
            }
        }
        if (s->queuedBytes() > o.softQueueLimit()) {
            if (!s->backloggedSinceMs)
                s->backloggedSinceMs = now;
            else if (now - s->backloggedSinceMs > o.slowConsumerGraceMs) {
                qCInfo(fxServerLog) << "client" << s->id() << s->peer() << "disconnected: backlogged for"
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
    for (Session *s : m_sessions)
        s->disconnect(DisconnectReason::Shutdown, QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
    for (EioSession *e : std::as_const(m_eio))
        e->close(QStringLiteral("server shutting down"), DisconnectReason::Shutdown);
    for (HttpConnection *c : findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly))
        c->close();
    for (const QPointer<QTcpSocket> &t : std::as_const(m_handovers))
        if (t)
            t->abort();
    m_handovers.clear();
    scheduleReap();
    scheduleEioReap();
    m_shutdownDeadline->start();
}

bool IoShard::kick(const QByteArray &clientId)
{
    for (Session *s : m_sessions) {
        if (s->id() != clientId || s->isDead())
            continue;
        qCInfo(fxServerLog) << "client" << s->id() << s->peer() << "disconnected by the operator";
        s->disconnect(DisconnectReason::Kicked, QWebSocketProtocol::CloseCodeNormal, QStringLiteral("disconnected by the operator"));
        return true;
    }
    return false;
}

ClientInfo IoShard::infoOf(const Session *s) const
{
    ClientInfo i;
    i.id = s->id();
    i.peer = s->peer();
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
        if (const EioSession *e = static_cast<const SioClientSession *>(s)->eio())
            i.rttMs = e->rttMs(); // the Engine.IO heartbeat's round trip
    i.queuedBytes = s->queuedBytes();
    return i;
}

QList<ClientInfo> IoShard::clients() const
{
    QList<ClientInfo> out;
    out.reserve(qsizetype(m_sessions.size()));
    for (const Session *s : m_sessions)
        if (!s->isDead())
            out.append(infoOf(s));
    return out;
}

} // namespace fx::server
