#include "server/eiosession.h"

#include "core/timeutil.h"
#include "protocol/wsframe.h"
#include "server/httpconnection.h"
#include "server/ioshard.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/session.h"
#include "server/socketwriter.h"

#include <QJsonObject>
#include <QTimer>

namespace fx::server {

using protocol::eio::Packet;
using protocol::eio::PacketType;
namespace eio = protocol::eio;
namespace sio = protocol::sio;

EioSession::EioSession(IoShard &shard, SioApplication &app, QByteArray sid, Kind kind, qint64 nowMs)
    : m_shard(shard)
    , m_app(app)
    , m_options(shard.context().options())
    , m_sid(std::move(sid))
    , m_kind(kind)
{
    m_nextPingAt = nowMs + m_options.pingIntervalMs;
    if (kind == Kind::SocketIo)
        m_connectDeadline = nowMs + m_options.sioConnectTimeoutMs;
}

static void releaseSocket(QPointer<QWebSocket> &ws, bool graceful)
{
    if (!ws)
        return;
    QWebSocket *w = ws;
    ws = nullptr;
    QObject::disconnect(w, nullptr, nullptr, nullptr);
    if (graceful && w->state() == QAbstractSocket::ConnectedState) {
        // Let the close frame go out, then delete; cut it off if the peer never answers.
        QObject::connect(w, &QWebSocket::disconnected, w, &QObject::deleteLater);
        QTimer::singleShot(2000, w, [w] { w->abort(); });
        w->close(QWebSocketProtocol::CloseCodeNormal);
    } else {
        w->abort();
        w->deleteLater();
    }
}

EioSession::~EioSession()
{
    releaseSocket(m_ws, true);
    releaseSocket(m_probe, false);
    if (m_pendingGet)
        m_pendingGet->close();
}

ShardCounters &EioSession::counters()
{
    return m_shard.context().stats().shard(m_shard.index());
}

QByteArray EioSession::openPacket(bool polling) const
{
    return eio::openPacket(m_sid, polling, m_options.pingIntervalMs, m_options.pingTimeoutMs, m_options.eioMaxPayload);
}

bool EioSession::alive(qint64 nowMs)
{
    if (m_closed)
        return false;
    if (m_pongDeadline && nowMs >= m_pongDeadline) {
        finish(QStringLiteral("ping timeout"), DisconnectReason::KeepaliveTimeout);
        return false;
    }
    return true;
}

void EioSession::tick(qint64 nowMs)
{
    if (!alive(nowMs))
        return;
    if (!m_pongDeadline && nowMs >= m_nextPingAt) {
        sendPacket(PacketType::Ping);
        m_pingSentAt = nowMs;
        // From the scheduled ping time, not this tick: the tick's jitter must not stretch the
        // deadline (clients and the conformance suite expect pingInterval + pingTimeout).
        m_pongDeadline = m_nextPingAt + m_options.pingTimeoutMs;
    }
    if (m_probe && m_upgradeDeadline && nowMs >= m_upgradeDeadline)
        abortProbe();
    if (m_connectDeadline && nowMs >= m_connectDeadline && m_socketIds.isEmpty())
        finish(QStringLiteral("no namespace joined in time"), DisconnectReason::ProtocolError);
}

// ---------------------------------------------------------------------------------------------
// Output

qint64 EioSession::queuedBytes() const
{
    qint64 n = m_queuedBytes;
    if (m_tcp)
        n += m_tcp->bytesToWrite();
    return n;
}

void EioSession::writeWs(QTcpSocket *tcp, const Out &o)
{
    if (!tcp)
        return;
    const QByteArray frame = o.wsFrame.isEmpty()
                                 ? protocol::wsFrame(o.payload, o.binary ? protocol::WsOpcode::Binary : protocol::WsOpcode::Text)
                                 : o.wsFrame;
    tcp->write(frame);
    ShardCounters &c = counters();
    c.add(c.messagesSent);
    c.add(c.bytesSent, quint64(frame.size()));
}

void EioSession::enqueue(Out o)
{
    if (m_closed)
        return;
    flushStaged(); // broadcasts staged before this packet go first
    if (m_transport == Transport::WebSocket) {
        if (m_tcp && m_tcp->bytesToWrite() > m_options.sendQueueLimit) {
            close(QStringLiteral("send queue over the limit"), DisconnectReason::SlowConsumer);
            return;
        }
        writeWs(m_tcp, o);
        return;
    }
    // Polling (or upgrading): queue until a GET takes it.
    if (o.conflatePair >= 0 && m_queuedBytes > m_options.softQueueLimit()) {
        for (Out &q : m_queue) {
            if (q.conflatePair == o.conflatePair) {
                m_queuedBytes += o.payload.size() - q.payload.size();
                q = std::move(o);
                ShardCounters &c = counters();
                c.add(c.conflated);
                return;
            }
        }
    }
    m_queuedBytes += o.payload.size();
    m_queue.append(std::move(o));
    if (m_queuedBytes > m_options.sendQueueLimit) {
        close(QStringLiteral("send queue over the limit"), DisconnectReason::SlowConsumer);
        return;
    }
    flushPolling();
}

void EioSession::sendPacket(PacketType type, const QByteArray &data)
{
    enqueue(Out{eio::encodeText(Packet::text(type, data)), false, {}, -1});
}

void EioSession::sendMessage(const QByteArray &data, bool binary)
{
    enqueue(binary ? Out{data, true, {}, -1} : Out{'4' + data, false, {}, -1});
}

void EioSession::sendSio(const sio::Packet &p, const QList<QByteArray> &attachments)
{
    sendMessage(sio::encode(p));
    for (const QByteArray &a : attachments)
        sendMessage(a, true);
}

void EioSession::sendShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair)
{
    enqueue(Out{text, false, wsFrame, conflatable ? pair : -1});
}

void EioSession::stageShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair)
{
    if (m_closed)
        return;
    if (m_transport != Transport::WebSocket || (m_tcp && m_tcp->bytesToWrite() > m_options.softQueueLimit())) {
        sendShared(wsFrame, text, conflatable, pair);
        return;
    }
    m_staged.append(wsFrame);
}

void EioSession::flushStaged()
{
    if (m_staged.isEmpty())
        return;
    QList<QByteArray> frames;
    frames.swap(m_staged);
    if (m_closed || !m_tcp)
        return;
    const quint64 bytes = writeFrames(m_tcp, frames);
    ShardCounters &c = counters();
    c.add(c.messagesSent, quint64(frames.size()));
    c.add(c.bytesSent, bytes);
    if (m_tcp && m_tcp->bytesToWrite() > m_options.sendQueueLimit)
        close(QStringLiteral("send queue over the limit"), DisconnectReason::SlowConsumer);
}

void EioSession::respondPending(const QByteArray &body)
{
    HttpConnection *c = m_pendingGet;
    m_pendingGet = nullptr;
    if (!c)
        return;
    c->respond(200, "text/plain; charset=UTF-8", body, &m_pendingRequest, {{"Cache-Control", "no-store"}},
               m_pendingRequest.keepAlive());
    ShardCounters &k = counters();
    k.add(k.bytesSent, quint64(body.size()));
}

void EioSession::flushPolling()
{
    if (!m_pendingGet || m_queue.isEmpty())
        return;
    QByteArray body;
    for (qsizetype i = 0; i < m_queue.size(); ++i) {
        if (i)
            body.append(eio::kRecordSeparator);
        const Out &o = m_queue[i];
        body.append(o.binary ? 'b' + o.payload.toBase64() : o.payload);
    }
    ShardCounters &k = counters();
    k.add(k.messagesSent, quint64(m_queue.size()));
    m_queue.clear();
    m_queuedBytes = 0;
    respondPending(body);
}

// ---------------------------------------------------------------------------------------------
// Polling

void EioSession::drainProbe()
{
    if (m_probeTcp && m_probeTcp->state() == QAbstractSocket::ConnectedState)
        m_probeTcp->waitForReadyRead(0); // reads what the kernel holds; QWebSocket handles it now
}

void EioSession::onPollingGet(HttpConnection *c, const protocol::HttpRequest &r)
{
    if (m_pendingGet) {
        // Two GETs at once: a protocol violation. The new one gets 400, the held one "1".
        c->respond(400, "application/json", eio::errorBody(eio::HttpError::BadRequest), &r, {}, false);
        finish(QStringLiteral("overlapping polling requests"), DisconnectReason::ProtocolError);
        return;
    }
    m_pendingGet = c;
    m_pendingRequest = r;
    c->park([shard = &m_shard, sid = m_sid] {
        if (EioSession *s = shard->findEio(sid))
            s->finish(QStringLiteral("polling request cancelled"), DisconnectReason::Vanished);
    });
    if (!m_queue.isEmpty())
        flushPolling();
    else if (m_probed)
        respondPending(eio::encodeText(Packet::text(PacketType::Noop))); // upgrading: end the poll at once
}

void EioSession::onPollingPost(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body)
{
    if (r.header("content-type").startsWith("application/octet-stream")) {
        c->respond(400, "application/json", eio::errorBody(eio::HttpError::BadRequest), &r, {}, false);
        finish(QStringLiteral("binary polling body"), DisconnectReason::ProtocolError);
        return;
    }
    if (body.size() > m_options.eioMaxPayload) {
        c->respond(413, {}, {}, &r, {}, false);
        return;
    }
    const auto packets = eio::decodePayload(body);
    if (!packets) {
        c->respond(400, "application/json", eio::errorBody(eio::HttpError::BadRequest), &r, {}, false);
        protocolError(QStringLiteral("undecodable polling payload"));
        return;
    }
    ShardCounters &k = counters();
    k.add(k.bytesReceived, quint64(body.size()));
    for (const Packet &p : *packets) {
        if (m_closed)
            break;
        handlePacket(p);
    }
    // The POST itself succeeded even when it carried a close packet.
    if (m_closed && m_closeReason != QStringLiteral("client closed")) {
        c->respond(400, "application/json", eio::errorBody(eio::HttpError::BadRequest), &r, {}, false);
        return;
    }
    c->respond(200, "text/html", "ok", &r, {}, r.keepAlive());
}

// ---------------------------------------------------------------------------------------------
// WebSocket

void EioSession::connectWs(QWebSocket *ws, bool probe)
{
    ws->setMaxAllowedIncomingFrameSize(quint64(m_options.eioMaxPayload));
    ws->setMaxAllowedIncomingMessageSize(quint64(m_options.eioMaxPayload));
    QObject::connect(ws, &QWebSocket::textMessageReceived, ws, [this, ws, probe](const QString &text) {
        if (probe && ws == m_probe)
            handleProbeText(text);
        else if (ws == m_ws)
            onWsText(text);
    });
    QObject::connect(ws, &QWebSocket::binaryMessageReceived, ws, [this, ws](const QByteArray &data) {
        if (ws == m_probe)
            abortProbe(); // nothing but 2probe and 5 before the upgrade completes
        else if (ws == m_ws)
            onWsBinary(data);
    });
    QObject::connect(ws, &QWebSocket::disconnected, ws, [this, ws] {
        if (ws == m_probe) {
            m_probe = nullptr;
            m_probed = false;
            ws->deleteLater();
        } else if (ws == m_ws) {
            onWsClosed();
        }
    });
}

void EioSession::startWebSocket(QWebSocket *ws, QTcpSocket *tcp)
{
    m_transport = Transport::WebSocket;
    m_ws = ws;
    m_tcp = tcp;
    m_peer = ws->peerAddress().toString() + u':' + QString::number(ws->peerPort());
    connectWs(ws, false);
    writeWs(m_tcp, Out{openPacket(false), false, {}, -1});
}

void EioSession::attachProbe(QWebSocket *ws, QTcpSocket *tcp)
{
    m_probe = ws;
    m_probeTcp = tcp;
    m_probed = false;
    m_upgradeDeadline = core::monotonicMillis() + m_options.upgradeTimeoutMs;
    connectWs(ws, true);
}

void EioSession::handleProbeText(const QString &text)
{
    if (!m_probed) {
        if (text != u"2probe") {
            abortProbe();
            return;
        }
        m_probed = true;
        // Only 3probe on the new socket until 5: python expects it as the very next frame.
        writeWs(m_probeTcp, Out{QByteArrayLiteral("3probe"), false, {}, -1});
        if (m_pendingGet && m_queue.isEmpty())
            respondPending(eio::encodeText(Packet::text(PacketType::Noop)));
        return;
    }
    if (text == u"5")
        completeUpgrade();
    else
        abortProbe();
}

void EioSession::completeUpgrade()
{
    m_ws = m_probe;
    m_tcp = m_probeTcp;
    m_probe = nullptr;
    m_probeTcp = nullptr;
    m_probed = false;
    m_upgradeDeadline = 0;
    m_transport = Transport::WebSocket;
    if (m_ws)
        m_peer = m_ws->peerAddress().toString() + u':' + QString::number(m_ws->peerPort());
    if (m_pendingGet)
        respondPending(eio::encodeText(Packet::text(PacketType::Noop)));
    // Everything still queued goes over the WebSocket now, in order.
    QList<Out> queue;
    queue.swap(m_queue);
    m_queuedBytes = 0;
    for (const Out &o : queue)
        writeWs(m_tcp, o);
    for (Session *client : std::as_const(m_clients))
        m_shard.noteClientChanged(client); // the history records the new transport
}

void EioSession::abortProbe()
{
    m_probed = false;
    m_upgradeDeadline = 0;
    m_probeTcp = nullptr;
    releaseSocket(m_probe, true);
}

void EioSession::onWsText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    ShardCounters &k = counters();
    k.add(k.messagesReceived);
    k.add(k.bytesReceived, quint64(utf8.size()));
    const auto p = eio::decodeText(utf8);
    if (!p) {
        protocolError(QStringLiteral("undecodable packet"));
        return;
    }
    handlePacket(*p);
}

void EioSession::onWsBinary(const QByteArray &data)
{
    ShardCounters &k = counters();
    k.add(k.messagesReceived);
    k.add(k.bytesReceived, quint64(data.size()));
    handlePacket(Packet::message(data, true));
}

void EioSession::onWsClosed()
{
    QWebSocket *ws = m_ws;
    const bool tooBig = ws && ws->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData;
    if (ws) {
        m_ws = nullptr;
        QObject::disconnect(ws, nullptr, nullptr, nullptr);
        ws->deleteLater();
    }
    finish(tooBig ? QStringLiteral("message too large") : QStringLiteral("transport closed"),
           tooBig ? DisconnectReason::MessageTooLarge : DisconnectReason::ClientClosed);
}

// ---------------------------------------------------------------------------------------------
// Packets

void EioSession::handlePacket(const Packet &p)
{
    switch (p.type) {
    case PacketType::Pong: {
        const qint64 now = core::monotonicMillis();
        if (m_pingSentAt)
            m_rttMs = now - m_pingSentAt;
        m_pingSentAt = 0;
        m_pongDeadline = 0;
        m_nextPingAt = now + m_options.pingIntervalMs;
        return;
    }
    case PacketType::Message:
        onMessage(p.data, p.binary);
        return;
    case PacketType::Close:
        finish(QStringLiteral("client closed"), DisconnectReason::ClientClosed);
        return;
    case PacketType::Noop:
        return;
    case PacketType::Ping:
        protocolError(QStringLiteral("a v4 client must not send ping"));
        return;
    case PacketType::Open:
    case PacketType::Upgrade:
        protocolError(QStringLiteral("unexpected packet type %1").arg(QChar(char(p.type))));
        return;
    }
}

void EioSession::onMessage(const QByteArray &data, bool binary)
{
    if (m_kind == Kind::RawEngineIo) {
        m_app.onEngineMessage(*this, data, binary);
        return;
    }
    if (binary)
        onSioAttachment(data);
    else
        onSioPacket(data);
}

void EioSession::onSioPacket(const QByteArray &text)
{
    if (m_partial) {
        protocolError(QStringLiteral("text packet while binary attachments were expected"));
        return;
    }
    sio::Decoded d = sio::decode(text);
    if (!d.packet) {
        protocolError(QStringLiteral("invalid Socket.IO packet: %1").arg(d.error));
        return;
    }
    if (d.packet->isBinary()) {
        m_partial = std::move(d.packet);
        m_attachments.clear();
        return;
    }
    dispatchSio(*d.packet, {});
}

void EioSession::onSioAttachment(const QByteArray &data)
{
    if (!m_partial) {
        protocolError(QStringLiteral("binary data without a binary packet"));
        return;
    }
    m_attachments.append(data);
    if (m_attachments.size() < m_partial->attachments)
        return;
    const sio::Packet p = *m_partial;
    const QList<QByteArray> atts = m_attachments;
    m_partial.reset();
    m_attachments.clear();
    dispatchSio(p, atts);
}

void EioSession::dispatchSio(const sio::Packet &p, const QList<QByteArray> &attachments)
{
    const bool joined = m_socketIds.contains(p.nsp);
    switch (p.type) {
    case sio::PacketType::Connect: {
        if (joined) {
            protocolError(QStringLiteral("second CONNECT to %1").arg(p.nsp));
            return;
        }
        const QByteArray socketId = newSessionId();
        const QJsonValue auth = p.data.isUndefined() ? QJsonValue(QJsonObject{}) : p.data;
        if (const auto refusal = m_app.onConnect(*this, p.nsp, socketId, auth)) {
            sio::Packet err;
            err.type = sio::PacketType::ConnectError;
            err.nsp = p.nsp;
            err.data = *refusal;
            sendSio(err);
            return;
        }
        m_socketIds.insert(p.nsp, socketId);
        m_connectDeadline = 0;
        sio::Packet ok;
        ok.type = sio::PacketType::Connect;
        ok.nsp = p.nsp;
        ok.data = QJsonObject{{QStringLiteral("sid"), QString::fromLatin1(socketId)}};
        sendSio(ok);
        if (m_tcp && m_transport == Transport::WebSocket)
            m_tcp->flush(); // the CONNECT reply leaves in its own segment
        if (m_options.profile == ServerOptions::Profile::Conformance) {
            // Clients that read the CONNECT reply and then register a listener for the next
            // frame (the upstream suites, with ws' synchronous events) miss a packet that came
            // in the same read. The reference server writes the next packet only after the
            // previous write completed; 15 ms give the same separation on a loaded machine.
            QTimer::singleShot(15, &m_shard, [shard = &m_shard, sid = m_sid, nsp = p.nsp, auth] {
                if (EioSession *s = shard->findEio(sid); s && !s->isClosed() && s->m_socketIds.contains(nsp))
                    s->m_app.afterConnect(*s, nsp, auth);
            });
        } else {
            m_app.afterConnect(*this, p.nsp, auth);
        }
        return;
    }
    case sio::PacketType::Disconnect:
        if (!joined) {
            protocolError(QStringLiteral("DISCONNECT from %1, which was not joined").arg(p.nsp));
            return;
        }
        m_socketIds.remove(p.nsp);
        m_app.onDisconnect(*this, p.nsp, DisconnectReason::ClientClosed);
        m_clients.remove(p.nsp);
        return;
    case sio::PacketType::Event:
    case sio::PacketType::BinaryEvent:
        if (!joined) {
            protocolError(QStringLiteral("EVENT for %1, which was not joined").arg(p.nsp));
            return;
        }
        m_app.onEvent(*this, p.nsp, p, attachments);
        return;
    case sio::PacketType::Ack:
    case sio::PacketType::BinaryAck:
        if (!joined) {
            protocolError(QStringLiteral("ACK for %1, which was not joined").arg(p.nsp));
            return;
        }
        m_app.onAck(*this, p.nsp, p, attachments);
        return;
    case sio::PacketType::ConnectError:
        protocolError(QStringLiteral("CONNECT_ERROR from a client"));
        return;
    }
}

void EioSession::bindClient(const QString &nsp, Session *client)
{
    m_clients.insert(nsp, client);
}

Session *EioSession::clientOf(const QString &nsp) const
{
    return m_clients.value(nsp);
}

QList<Session *> EioSession::clients() const
{
    return m_clients.values();
}

// ---------------------------------------------------------------------------------------------
// Closing

void EioSession::protocolError(const QString &why)
{
    qCDebug(fxServerLog).noquote() << "Engine.IO session" << m_sid << "closed:" << why;
    finish(why, DisconnectReason::ProtocolError);
}

void EioSession::close(const QString &reason, DisconnectReason why)
{
    finish(reason, why);
}

void EioSession::finish(const QString &reason, DisconnectReason why)
{
    if (m_closed)
        return;
    m_closed = true;
    m_closeReason = reason;
    const QStringList namespaces = m_socketIds.keys();
    m_socketIds.clear();
    for (const QString &nsp : namespaces)
        m_app.onDisconnect(*this, nsp, why);
    m_clients.clear();
    m_queue.clear();
    m_staged.clear();
    m_queuedBytes = 0;
    // A held poll learns the outcome: "6" when the client closed, "1" when we closed it for
    // good. On shutdown it is dropped without an answer, like a WebSocket: clients then see a
    // lost connection and reconnect to the restarted server (python-engineio does not
    // reconnect after a close packet).
    if (!m_pendingGet && why == DisconnectReason::ClientClosed && m_transport == Transport::Polling)
        m_shard.noteClosedWithoutPendingGet(m_sid);
    if (m_pendingGet) {
        if (why == DisconnectReason::Shutdown) {
            HttpConnection *c = m_pendingGet;
            m_pendingGet = nullptr;
            c->close();
        } else {
            respondPending(eio::encodeText(Packet::text(why == DisconnectReason::ClientClosed ? PacketType::Noop : PacketType::Close)));
        }
    }
    releaseSocket(m_probe, false);
    if (m_ws) {
        // No close packet on WebSocket (the reference does not send one either): the close
        // frame says it, 1001 when the server is going away.
        if (why == DisconnectReason::Shutdown && m_ws->state() == QAbstractSocket::ConnectedState) {
            QWebSocket *w = m_ws;
            m_ws = nullptr;
            QObject::disconnect(w, nullptr, nullptr, nullptr);
            QObject::connect(w, &QWebSocket::disconnected, w, &QObject::deleteLater);
            QTimer::singleShot(2000, w, [w] { w->abort(); });
            w->close(QWebSocketProtocol::CloseCodeGoingAway, QStringLiteral("server shutting down"));
        } else {
            releaseSocket(m_ws, true);
        }
    }
    m_shard.scheduleEioReap();
}

} // namespace fx::server
