// IoShard: what clients send. Plain JSON WebSocket clients accepted (or refused when the
// server is full), their messages and Socket.IO events admitted by the rate limit, parsed and
// dispatched to the request handler, and the replies sent.

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "server/client.h"
#include "server/connectionlimits.h"
#include "server/lingeringclose.h"
#include "server/plainjsonclient.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>

namespace fx::server {

using protocol::ErrorCode;

// RFC 6455 registry: 1013 Try Again Later (Qt 6.4 has no enumerator for it).
static constexpr int kCloseTryAgainLater = 1013;

void IoShard::lingerOnClose(QWebSocket *ws, QTcpSocket *tcp)
{
    connect(ws, &QWebSocket::aboutToClose, this, [this, tcp = QPointer<QTcpSocket>(tcp)] {
        if (!m_shuttingDown)
            LingeringClose::start(tcp, this, m_ctx.stats());
    });
}

void IoShard::refusePlainJson(WsChannel *channel, QWebSocket *ws, QTcpSocket *tcp, const Reply &err, int closeCode,
                              const QString &text)
{
    // Tell the client why in both ways it can read: an error event, then the close code (which
    // the client reads even if it is still sending: SECURITY.md, "Bounds").
    const QByteArray frame = protocol::wsFrame(protocol::encodeEnvelope(err.event, err.data));
    if (channel) { // the server's own framing: it lingers, then frees itself
        channel->writeFrame(frame);
        channel->close(closeCode, text);
        channel->release();
        return;
    }
    lingerOnClose(ws, tcp);
    tcp->write(frame);
    ws->close(QWebSocketProtocol::CloseCode(closeCode), text);
    ws->setParent(this); // freed with the shard if the server stops within the 2 s
    connect(ws, &QWebSocket::disconnected, ws, &QObject::deleteLater);
    QTimer::singleShot(2000, ws, [ws] { ws->abort(); });
}

void IoShard::refuseTooManyFromAddress(const QString &address)
{
    m_ctx.stats().countBound(BoundHit::ClientsPerAddress);
    logBound(QStringLiteral("connections_per_ip"),
             QStringLiteral("refused a client from %1: %2 clients from it already (WEBSOCKET_MAX_CONNECTIONS_PER_IP)")
                 .arg(address)
                 .arg(m_ctx.limits().maxClientsPerAddress()));
}

void IoShard::acceptPlainJsonClient(QWebSocket *ws, QTcpSocket *tcp)
{
    // SECURITY.md, "Tokens": the token of the upgrade request (routeUpgrade kept it here).
    const QByteArray token = tcp->property(kTokenProperty).toByteArray();
    tcp->setProperty(kTokenProperty, QVariant());
    admitPlainJsonClient(nullptr, ws, tcp, clientPeerOf(tcp), token);
}

void IoShard::admitPlainJsonClient(WsChannel *channel, QWebSocket *ws, QTcpSocket *tcp, const QString &peer,
                                   const QByteArray &token)
{
    auth::TokenClaims claims;
    if (m_ctx.options().tokenVerifier) {
        const auth::TokenResult r = checkToken(token, peer);
        if (!r.ok()) {
            m_ctx.stats().countDisconnect(DisconnectReason::Unauthorized);
            refusePlainJson(
                channel, ws, tcp,
                m_handler.error(ErrorCode::Unauthorized, unauthorizedMessage(r), {}, unauthorizedDetails(r)),
                QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("UNAUTHORIZED"));
            return;
        }
        claims = r.claims;
    }
    if (!m_ctx.stats().tryAddClient()) {
        m_ctx.stats().countDisconnect(DisconnectReason::ServerFull);
        refusePlainJson(
            channel, ws, tcp,
            m_handler.error(
                ErrorCode::ServerFull,
                QStringLiteral("the server is full (%1 clients); try again later").arg(m_ctx.options().maxClients)),
            kCloseTryAgainLater, QStringLiteral("SERVER_FULL"));
        return;
    }
    // SECURITY.md, "Bounds": WEBSOCKET_MAX_CONNECTIONS_PER_IP.
    const QHostAddress address = ConnectionLimits::addressOfPeer(peer);
    if (!m_ctx.limits().tryAddClient(address)) {
        m_ctx.stats().removeClient();
        refuseTooManyFromAddress(address.toString());
        refusePlainJson(
            channel, ws, tcp,
            m_handler.error(
                ErrorCode::TooManyConnections,
                QStringLiteral("too many connections from your address (at most %1); try "
                               "again later")
                    .arg(m_ctx.limits().maxClientsPerAddress()),
                {}, QJsonObject{{QStringLiteral("max_connections_per_ip"), m_ctx.limits().maxClientsPerAddress()}}),
            kCloseTryAgainLater, QStringLiteral("TOO_MANY_CONNECTIONS"));
        return;
    }
    const auto &o = m_ctx.options();
    if (!channel) { // Qt's QWebSocket
        ws->setMaxAllowedIncomingFrameSize(quint64(o.maxMessageSize));
        ws->setMaxAllowedIncomingMessageSize(quint64(o.maxMessageSize));
        lingerOnClose(ws, tcp); // 1009 and other closes the server sends are read by every client
        channel = makeQtWsChannel(ws, tcp, m_counters);
    }
    auto *s = new PlainJsonClient(channel, *this, peer, m_counters, o, core::nowMicros());
    s->limitSlot = address;
    applyClaims(s, claims);
    s->nextPingAtMs = core::monotonicMillis() + o.pingIntervalMs;
    addClient(s);
    welcome(s);
}

void IoShard::guardMemory(PlainJsonClient *s, const std::function<void()> &work)
{
    try {
        work();
    } catch (const std::bad_alloc &) {
        m_ctx.stats().countBound(BoundHit::OutOfMemory);
        logBound(QStringLiteral("out_of_memory"),
                 QStringLiteral("out of memory serving client %1: dropped").arg(s->logName()));
        s->markDead(DisconnectReason::Vanished);
        s->channel()->abort(); // closed: reaped
        scheduleReap();
    }
}

void IoShard::plainText(PlainJsonClient *s, const QByteArray &utf8)
{
    guardMemory(s, [&] { onText(s, utf8); });
}

void IoShard::plainBinary(PlainJsonClient *s, qsizetype size)
{
    guardMemory(s, [&] { onBinary(s, size); });
}

void IoShard::plainPong(PlainJsonClient *s, qint64 rttMs)
{
    s->lastRttMs = rttMs;
    s->pongDeadlineMs = 0;
    s->nextPingAtMs = core::monotonicMillis() + m_ctx.options().pingIntervalMs;
}

bool IoShard::plainAdmitPing(PlainJsonClient *s)
{
    return !s->isDead() && admit(s);
}

void IoShard::plainBroken(PlainJsonClient *s)
{
    s->markDead(DisconnectReason::Vanished); // the connection broke without a close handshake
}

void IoShard::plainClosed(PlainJsonClient *s, int closeCode)
{
    if (closeCode == QWebSocketProtocol::CloseCodeTooMuchData && !s->isDead()) {
        m_ctx.stats().countError(ErrorCode::MessageTooLarge);
        s->markDead(DisconnectReason::MessageTooLarge);
    }
    s->markDead(DisconnectReason::ClientClosed);
    s->transportClosed = true;
    scheduleReap();
}

void IoShard::onText(PlainJsonClient *s, const QByteArray &utf8)
{
    if (s->isDead())
        return;
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

bool IoShard::admit(Client *s)
{
    const ServerContext::RateLimits limits = m_ctx.rateLimits();
    switch (s->admitRequest(core::monotonicMillis(), limits.perSecond, limits.burst,
                            m_ctx.options().rateLimitCloseAfterMs)) {
    case Client::Admission::Accept: return true;
    case Client::Admission::Drop: m_ctx.stats().countError(ErrorCode::RateLimited); return false;
    case Client::Admission::DropAndNotify: {
        sendReply(s,
                  m_handler.error(ErrorCode::RateLimited,
                                  QStringLiteral("too many requests: at most %1 per second (bursts of %2); "
                                                 "requests over the limit are dropped")
                                      .arg(limits.perSecond)
                                      .arg(limits.burst),
                                  {},
                                  QJsonObject{{QStringLiteral("dropped"), qint64(s->droppedRequests())},
                                              {QStringLiteral("limit_per_second"), limits.perSecond},
                                              {QStringLiteral("burst"), limits.burst}}),
                  QJsonValue::Undefined);
        return false;
    }
    case Client::Admission::Close:
        m_ctx.stats().countError(ErrorCode::RateLimited);
        qCInfo(fxServerLog).noquote() << "client" << s->logName() << "disconnected: over the rate limit for too long";
        s->disconnect(DisconnectReason::RateLimited, QWebSocketProtocol::CloseCodePolicyViolated,
                      QStringLiteral("RATE_LIMITED"));
        scheduleReap();
        return false;
    }
    return false;
}

void IoShard::handleSocketIoEvent(Client *s, const QString &event, const QJsonValue &data, bool binary,
                                  const QJsonValue &replyTag)
{
    if (s->isDead())
        return;
    ++s->messagesReceived;
    m_counters.add(m_counters.messagesReceived);
    if (binary) {
        sendReply(s,
                  m_handler.error(ErrorCode::InvalidPayload,
                                  QStringLiteral("binary attachments are not part of the protocol; send JSON objects"),
                                  event.left(64)),
                  replyTag);
        return;
    }
    if (!(data.isUndefined() || data.isNull() || data.isObject())) {
        sendReply(
            s,
            m_handler.error(ErrorCode::InvalidPayload,
                            QStringLiteral("the argument of \"%1\" must be an object, e.g. {\"pairs\": [\"EUR_USD\"]}")
                                .arg(event.left(64)),
                            event.left(64)),
            replyTag);
        return;
    }
    dispatch(s, event, data.toObject(), replyTag);
}

void IoShard::onBinary(PlainJsonClient *s, qsizetype size)
{
    if (s->isDead())
        return;
    ++s->messagesReceived;
    m_counters.add(m_counters.messagesReceived);
    m_counters.add(m_counters.bytesReceived, quint64(size));
    sendReply(s,
              m_handler.error(ErrorCode::InvalidPayload,
                              QStringLiteral("binary frames are not supported; send JSON text frames like "
                                             "{\"event\": \"subscribe\", \"data\": {\"pairs\": [\"EUR_USD\"]}}")),
              QJsonValue::Undefined);
}

void IoShard::dispatch(Client *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag)
{
    using protocol::ClientEvent;
    if (s->restoring) { // its stored rules are being read: answered in order once they are in
        holdRequest(s, event, data, replyTag);
        return;
    }
    const ClientEvent kind = protocol::clientEventFromName(event);
    if (kind == ClientEvent::RefreshToken) {
        refreshToken(s, data, replyTag);
        return;
    }
    if (kind == ClientEvent::GetAlertHistory) {
        requestAlertHistory(s, data, replyTag); // historyrequests.cpp
        return;
    }
    if (kind == ClientEvent::SetAlert || kind == ClientEvent::ListAlerts || kind == ClientEvent::UpdateAlert
        || kind == ClientEvent::DeleteAlert) {
        handleAlertRequest(s, kind, event, data, replyTag); // alertrequests.cpp
        return;
    }
    if (kind == ClientEvent::Subscribe) {
        // userrestore.cpp: "client_key" and "restore_subscriptions" (PROTOCOL.md, "Alert rules")
        QJsonObject request = data;
        if (identifyBySubscribe(s, request, replyTag))
            subscribeAndNote(s, request, replyTag, {});
        return;
    }
    QList<Reply> replies;
    m_handler.handle(*s, event, data, &replies);
    for (const Reply &r : replies)
        sendReply(s, r, replyTag);
    if (kind == ClientEvent::Unsubscribe) {
        saveRooms(s);
        noteClientChanged(s);
    }
}

void IoShard::subscribeAndNote(Client *s, const QJsonObject &data, const QJsonValue &replyTag, const QJsonObject &extra)
{
    const bool firstSubscribe = !s->sentSubscribe;
    subscribe(s, data, replyTag, extra); // shardrecovery.cpp: "snapshot" and "recover" (PROTOCOL.md)
    if (firstSubscribe && s->sentSubscribe) {
        // PROTOCOL.md, feed_status: a first subscribe during an outage missed its "down"; it
        // follows the reply, as an event of its own (no request id, no acknowledgement).
        if (const FeedStatus feed = m_ctx.feedStatus(); feed.known && !feed.up)
            s->sendEvent(protocol::event::FeedStatus, protocol::compactJson(feed.toJson()), QJsonValue::Undefined);
    }
    saveRooms(s);
    noteClientChanged(s);
}

void IoShard::sendReply(Client *s, const Reply &r, const QJsonValue &replyTag)
{
    s->sendEvent(r.event, r.data, replyTag);
}

} // namespace fx::server
