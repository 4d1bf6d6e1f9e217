// EngineIoSession: its transports. Long-polling requests (a held GET answered when packets
// wait, POSTs of client packets), a session opened over WebSocket, and the upgrade of a polling
// session to WebSocket (probe, 2probe/3probe, 5, then the held poll released with 6).

#include "server/engineiosession.h"

#include "core/timeutil.h"
#include "protocol/wsframe.h"
#include "server/client.h"
#include "server/connectionlimits.h"
#include "server/httpconnection.h"
#include "server/ioshard.h"
#include "server/pingmeter.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/socketwriter.h"

#include <QJsonObject>
#include <QTimer>

namespace fx::server {

using protocol::eio::Packet;
using protocol::eio::PacketType;
namespace eio = protocol::eio;
namespace sio = protocol::sio;

void EngineIoSession::respondPending(const QByteArray &body)
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

void EngineIoSession::flushPolling()
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

void EngineIoSession::drainProbe()
{
    if (m_probeTcp && m_probeTcp->state() == QAbstractSocket::ConnectedState)
        m_probeTcp->waitForReadyRead(0); // reads what the kernel holds; QWebSocket handles it now
}

void EngineIoSession::onPollingGet(HttpConnection *c, const protocol::HttpRequest &r)
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
        if (EngineIoSession *s = shard->findEio(sid))
            s->finish(QStringLiteral("polling request cancelled"), DisconnectReason::Vanished);
    });
    if (!m_queue.isEmpty())
        flushPolling();
    else if (m_probed)
        respondPending(eio::encodeText(Packet::text(PacketType::Noop))); // upgrading: end the poll at once
}

void EngineIoSession::onPollingPost(HttpConnection *c, const protocol::HttpRequest &r, const QByteArray &body)
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

void EngineIoSession::connectWs(QWebSocket *ws, bool probe)
{
    // SECURITY.md, "Bounds": a Socket.IO packet or attachment over the application's limit is
    // refused (1009) before QWebSocket buffers it; pings are metered like packets.
    const qint64 maxMessage =
        m_kind == Kind::SocketIo ? m_app.maxPacketBytes(m_options.eioMaxPayload) : m_options.eioMaxPayload;
    ws->setMaxAllowedIncomingFrameSize(quint64(maxMessage));
    ws->setMaxAllowedIncomingMessageSize(quint64(maxMessage));
    meterPings(ws, probe ? m_probeTcp : m_tcp, counters(), [shard = &m_shard, sid = m_sid, ws] {
        EngineIoSession *s = shard->findEio(sid);
        return s && (ws == s->m_ws || ws == s->m_probe) && (s->m_kind == Kind::RawEngineIo || s->admitInbound(0));
    });
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

void EngineIoSession::startWebSocket(QWebSocket *ws, QTcpSocket *tcp)
{
    m_transport = Transport::WebSocket;
    m_ws = ws;
    m_tcp = tcp;
    m_peer = clientPeerOf(tcp);
    connectWs(ws, false);
    watchDrain(tcp);
    writeWs(m_tcp, Out{openPacket(false), false, {}, -1});
}

void EngineIoSession::attachProbe(QWebSocket *ws, QTcpSocket *tcp)
{
    m_probe = ws;
    m_probeTcp = tcp;
    m_probed = false;
    m_upgradeDeadline = core::monotonicMillis() + m_options.upgradeTimeoutMs;
    connectWs(ws, true);
}

void EngineIoSession::handleProbeText(const QString &text)
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

void EngineIoSession::completeUpgrade()
{
    m_ws = m_probe;
    m_tcp = m_probeTcp;
    m_probe = nullptr;
    m_probeTcp = nullptr;
    m_probed = false;
    m_upgradeDeadline = 0;
    m_transport = Transport::WebSocket;
    watchDrain(m_tcp);
    if (m_tcp)
        m_peer = clientPeerOf(m_tcp);
    if (m_pendingGet)
        respondPending(eio::encodeText(Packet::text(PacketType::Noop)));
    // Everything still queued goes over the WebSocket now, in order.
    QList<Out> queue;
    queue.swap(m_queue);
    m_queuedBytes = 0;
    for (const Out &o : queue)
        writeWs(m_tcp, o);
    for (Client *client : std::as_const(m_clients))
        m_shard.noteClientChanged(client); // the history records the new transport
}

void EngineIoSession::abortProbe()
{
    m_probed = false;
    m_upgradeDeadline = 0;
    m_probeTcp = nullptr;
    releaseSocket(m_probe, true);
}

void EngineIoSession::onWsText(const QString &text)
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

void EngineIoSession::onWsBinary(const QByteArray &data)
{
    ShardCounters &k = counters();
    k.add(k.messagesReceived);
    k.add(k.bytesReceived, quint64(data.size()));
    handlePacket(Packet::message(data, true));
}

void EngineIoSession::onWsClosed()
{
    QWebSocket *ws = m_ws;
    const bool tooBig = ws && ws->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData;
    if (tooBig) // counted like a plain JSON client's (SECURITY.md, "Bounds")
        m_shard.context().stats().countError(protocol::ErrorCode::MessageTooLarge);
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

} // namespace fx::server
