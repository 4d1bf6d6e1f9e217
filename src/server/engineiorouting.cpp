// IoShard: Engine.IO and Socket.IO requests. Which endpoint a path names, polling requests
// and upgrades routed to the I/O thread that owns their session, sessions created and reaped.

#include "server/connectionlimits.h"
#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/engineio.h"
#include "server/engineiosession.h"
#include "server/httpconnection.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/socketioapplication.h"
#include "server/websocketupgrader.h"

#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

namespace fx::server {

IoShard::EioEndpoint IoShard::eioEndpoint(QByteArrayView path) const
{
    if (path == "/socket.io/" || path == "/socket.io")
        return EioEndpoint::SocketIo;
    if (m_sioApp->servesRawEngineIo() && (path == "/engine.io/" || path == "/engine.io"))
        return EioEndpoint::EngineIo;
    return EioEndpoint::None;
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
    if (c->refusesOrigin(r)) // polling requests and WebSocket upgrades alike
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
        EngineIoSession *s = findEio(sid);
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
                    c->respond(200, "text/plain; charset=UTF-8", "6", &r, {{"Cache-Control", "no-store"}},
                               r.keepAlive());
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
            m_upgrader->handOver(releaseForUpgrade(c, r));
            return;
        }
        if (transport != u"polling" || s->transport() != EngineIoSession::Transport::Polling)
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
        m_upgrader->handOver(releaseForUpgrade(c, r));
        return;
    }
    EngineIoSession *s = createEio(ep, clientPeer(m_ctx.options().trustedProxies, c->socket(), r));
    m_ctx.stats().countHttp(false);
    c->respond(200, "text/plain; charset=UTF-8", s->openPacket(true), &r, {{"Cache-Control", "no-store"}},
               r.keepAlive());
}

QTcpSocket *IoShard::releaseForUpgrade(HttpConnection *c, const protocol::HttpRequest &r)
{
    const QString peer = clientPeer(m_ctx.options().trustedProxies, c->socket(), r);
    QTcpSocket *socket = c->releaseSocket();
    if (socket)
        socket->setProperty(kClientPeerProperty, peer);
    return socket;
}

EngineIoSession *IoShard::createEio(EioEndpoint ep, QString peer)
{
    const QByteArray sid = m_ctx.newSidForShard(m_index);
    auto *s = new EngineIoSession(*this, *m_sioApp, sid,
                                  ep == EioEndpoint::EngineIo ? EngineIoSession::Kind::RawEngineIo
                                                              : EngineIoSession::Kind::SocketIo,
                                  core::monotonicMillis());
    if (!peer.isEmpty())
        s->setPeer(std::move(peer)); // a polling session: the address of its handshake request
    m_engineIoSessions.insert(sid, s);
    m_ctx.engineSessions.fetch_add(1, std::memory_order_relaxed);
    return s;
}

void IoShard::onEioWebSocket(QWebSocket *ws, QTcpSocket *tcp, EioEndpoint ep, const QByteArray &sid)
{
    lingerOnClose(ws, tcp); // SECURITY.md, "Bounds": closes (1009, ...) are read by every client
    if (sid.isEmpty()) {
        EngineIoSession *s = createEio(ep);
        s->startWebSocket(ws, tcp);
        return;
    }
    EngineIoSession *s = findEio(sid);
    if (!s || s->isClosed() || s->transport() != EngineIoSession::Transport::Polling || s->isUpgrading()) {
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
    for (auto it = m_engineIoSessions.begin(); it != m_engineIoSessions.end();) {
        if (it.value()->isClosed()) {
            delete it.value();
            it = m_engineIoSessions.erase(it);
            m_ctx.engineSessions.fetch_sub(1, std::memory_order_relaxed);
        } else {
            ++it;
        }
    }
    checkDrained();
}

void IoShard::noteClosedWithoutPendingGet(const QByteArray &sid)
{
    m_closedAwaitingGet.insert(sid, core::monotonicMillis() + kClosedGetGraceMs);
}

} // namespace fx::server
