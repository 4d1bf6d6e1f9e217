// EngineIoSession: one Engine.IO session. Its outgoing queue and staged broadcast frames, the
// heartbeat and the timeouts, Engine.IO packets from the client, and closing. Its transports
// are in engineiotransports.cpp, the Socket.IO layer in socketionamespaces.cpp.

#include "server/engineiosession.h"

#include "core/timeutil.h"
#include "protocol/wsframe.h"
#include "server/client.h"
#include "server/httpconnection.h"
#include "server/ioshard.h"
#include "server/lingeringclose.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/socketwriter.h"

#include <QJsonObject>
#include <QSslSocket>
#include <QTimer>

namespace fx::server {

using protocol::eio::Packet;
using protocol::eio::PacketType;
namespace eio = protocol::eio;
namespace sio = protocol::sio;

EngineIoSession::EngineIoSession(IoShard &shard, SocketIoApplication &app, QByteArray sid, Kind kind, qint64 nowMs)
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

void EngineIoSession::releaseSocket(QPointer<QWebSocket> &ws, bool graceful, QTcpSocket *tcp,
                                    QWebSocketProtocol::CloseCode code, const QString &text)
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
        if (tcp) {
            // The disconnect above also took IoShard::lingerOnClose's hook: without it a client
            // that is still sending (a flood) would read a reset instead of this close.
            IoShard *shard = &m_shard;
            QObject::connect(w, &QWebSocket::aboutToClose, shard, [shard, tcp = QPointer<QTcpSocket>(tcp)] {
                LingeringClose::start(tcp, shard, shard->context().stats());
            });
        }
        w->close(code, text);
    } else {
        w->abort();
        w->deleteLater();
    }
}

EngineIoSession::~EngineIoSession()
{
    releaseSocket(m_ws, true); // no lingering close from here: the shard may be going away
    releaseSocket(m_probe, false);
    if (m_pendingGet)
        m_pendingGet->close();
}

ShardCounters &EngineIoSession::counters()
{
    return m_shard.context().stats().shard(m_shard.index());
}

QByteArray EngineIoSession::openPacket(bool polling) const
{
    return eio::openPacket(m_sid, polling, m_options.pingIntervalMs, m_options.pingTimeoutMs, m_options.eioMaxPayload);
}

bool EngineIoSession::alive(qint64 nowMs)
{
    if (m_closed)
        return false;
    if (m_pongDeadline && nowMs >= m_pongDeadline) {
        finish(QStringLiteral("ping timeout"), DisconnectReason::KeepaliveTimeout);
        return false;
    }
    return true;
}

void EngineIoSession::tick(qint64 nowMs)
{
    if (!alive(nowMs))
        return;
    if (!m_pongDeadline && nowMs >= m_nextPingAt) {
        sendPacket(PacketType::Ping);
        m_pingSentAt = nowMs;
        // From the scheduled ping time, not this tick: the tick's jitter must not stretch the
        // deadline (clients and the upstream test suites expect pingInterval + pingTimeout).
        m_pongDeadline = m_nextPingAt + m_options.pingTimeoutMs;
    }
    if (m_probe && m_upgradeDeadline && nowMs >= m_upgradeDeadline)
        abortProbe();
    // The kernel drains without telling Qt: sample it here, when it could matter (SendBacklog).
    if (m_transport == Transport::WebSocket && m_tcp && wsBacklogCouldExceed(m_options.softQueueLimit() / 4))
        drainConflated();
    if (m_connectDeadline && nowMs >= m_connectDeadline && m_socketIds.isEmpty())
        finish(QStringLiteral("no namespace joined in time"), DisconnectReason::ProtocolError);
}

// ---------------------------------------------------------------------------------------------
// Output

qint64 EngineIoSession::queuedBytes() const
{
    qint64 n = m_queuedBytes;
    if (m_tcp)
        n += m_backlog.bytes(m_tcp);
    return n;
}

void EngineIoSession::conflate(int pair, const QByteArray &wsFrame)
{
    if (size_t(pair) >= m_conflated.size())
        m_conflated.resize(size_t(pair) + 1);
    QByteArray &slot = m_conflated[size_t(pair)];
    if (!slot.isNull()) {
        ShardCounters &c = counters();
        c.add(c.conflated);
    } else {
        ++m_conflatedCount;
    }
    slot = wsFrame; // shared, not copied
}

bool EngineIoSession::wsBacklogCouldExceed(qint64 limit) const
{
    return m_conflatedCount > 0 || qobject_cast<QSslSocket *>(m_tcp.data()) || m_backlog.couldExceed(limit);
}

bool EngineIoSession::mayHaveBacklog(qint64 limit) const
{
    if (m_closed || m_transport != Transport::WebSocket || !m_tcp)
        return true;
    return m_queuedBytes > 0 || wsBacklogCouldExceed(limit);
}

qint64 EngineIoSession::queuedBytesNow() const
{
    if (m_closed || !m_tcp || m_transport != Transport::WebSocket)
        return queuedBytes();
    return m_queuedBytes + SendBacklog::bytesNow(m_tcp);
}

void EngineIoSession::drainConflated()
{
    if (m_closed || !m_tcp || m_transport != Transport::WebSocket)
        return;
    m_backlog.sample(m_tcp);
    if (m_conflatedCount == 0 || m_backlog.bytes(m_tcp) > m_options.softQueueLimit() / 2)
        return;
    m_conflatedCount = 0;
    for (QByteArray &frame : m_conflated) {
        if (frame.isNull())
            continue;
        writeWs(m_tcp, Out{{}, false, frame, -1});
        frame = QByteArray();
    }
}

void EngineIoSession::watchDrain(QTcpSocket *tcp)
{
    if (!tcp)
        return;
    m_backlog = SendBacklog();
    // The socket may outlive the session (a graceful close): find the session by its sid.
    const auto drained = [shard = &m_shard, sid = m_sid, tcp] {
        EngineIoSession *s = shard->findEio(sid);
        if (s && s->m_tcp == tcp)
            s->drainConflated();
    };
    QObject::connect(tcp, &QTcpSocket::bytesWritten, tcp, drained);
    if (auto *ssl = qobject_cast<QSslSocket *>(tcp)) // drained means sent, not only encrypted
        QObject::connect(ssl, &QSslSocket::encryptedBytesWritten, tcp, drained);
}

void EngineIoSession::writeWs(QTcpSocket *tcp, const Out &o)
{
    if (!tcp)
        return;
    const QByteArray frame = o.wsFrame.isEmpty()
        ? protocol::wsFrame(o.payload, o.binary ? protocol::WsOpcode::Binary : protocol::WsOpcode::Text)
        : o.wsFrame;
    tcp->write(frame);
    if (tcp == m_tcp)
        m_backlog.noteWritten(frame.size());
    ShardCounters &c = counters();
    c.add(c.messagesSent);
    c.add(c.bytesSent, quint64(frame.size()));
}

void EngineIoSession::enqueue(Out o)
{
    if (m_closed)
        return;
    flushStaged(); // broadcasts staged before this packet go first
    if (m_transport == Transport::WebSocket) {
        const qint64 backlog = m_tcp ? m_backlog.bytes(m_tcp) : 0;
        if (o.conflatePair >= 0 && !o.wsFrame.isEmpty()
            && (backlog > m_options.softQueueLimit() || m_conflatedCount > 0)) {
            conflate(o.conflatePair, o.wsFrame); // alerts and replies are never conflated
            return;
        }
        if (backlog > m_options.sendQueueLimit) {
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

void EngineIoSession::sendPacket(PacketType type, const QByteArray &data)
{
    enqueue(Out{eio::encodeText(Packet::text(type, data)), false, {}, -1});
}

void EngineIoSession::sendMessage(const QByteArray &data, bool binary)
{
    enqueue(binary ? Out{data, true, {}, -1} : Out{'4' + data, false, {}, -1});
}

void EngineIoSession::sendSio(const sio::Packet &p, const QList<QByteArray> &attachments)
{
    sendMessage(sio::encode(p));
    for (const QByteArray &a : attachments)
        sendMessage(a, true);
}

void EngineIoSession::sendShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair)
{
    enqueue(Out{text, false, wsFrame, conflatable ? pair : -1});
}

void EngineIoSession::stageShared(const QByteArray &wsFrame, const QByteArray &text, bool conflatable, int pair)
{
    if (m_closed)
        return;
    if (m_transport != Transport::WebSocket || m_conflatedCount > 0
        || (m_tcp && m_backlog.bytes(m_tcp) > m_options.softQueueLimit())) {
        sendShared(wsFrame, text, conflatable, pair);
        return;
    }
    m_staged.push_back(&wsFrame);
}

void EngineIoSession::flushStaged()
{
    if (m_staged.empty())
        return;
    // Written from m_staged and cleared after, keeping its capacity (no allocation per pass).
    if (m_closed || !m_tcp) {
        m_staged.clear();
        return;
    }
    const quint64 bytes = writeFrames(m_tcp, m_staged);
    const auto count = quint64(m_staged.size());
    m_staged.clear();
    m_backlog.noteWritten(qint64(bytes));
    ShardCounters &c = counters();
    c.add(c.messagesSent, count);
    c.add(c.bytesSent, bytes);
    if (m_tcp && pendingBytes(m_tcp) > 0) // the kernel's buffer is full: count what it holds
        m_backlog.sample(m_tcp);
    if (m_tcp && m_backlog.bytes(m_tcp) > m_options.sendQueueLimit)
        close(QStringLiteral("send queue over the limit"), DisconnectReason::SlowConsumer);
}

void EngineIoSession::handlePacket(const Packet &p)
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
    case PacketType::Message: onMessage(p.data, p.binary); return;
    case PacketType::Close: finish(QStringLiteral("client closed"), DisconnectReason::ClientClosed); return;
    case PacketType::Noop: return;
    case PacketType::Ping: protocolError(QStringLiteral("a v4 client must not send ping")); return;
    case PacketType::Open:
    case PacketType::Upgrade:
        protocolError(QStringLiteral("unexpected packet type %1").arg(QChar(char(p.type))));
        return;
    }
}

void EngineIoSession::onMessage(const QByteArray &data, bool binary)
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

void EngineIoSession::protocolError(const QString &why)
{
    qCDebug(fxServerLog).noquote() << "Engine.IO session" << m_sid << "closed:" << why;
    finish(why, DisconnectReason::ProtocolError);
}

void EngineIoSession::close(const QString &reason, DisconnectReason why)
{
    finish(reason, why);
}

void EngineIoSession::finish(const QString &reason, DisconnectReason why)
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
    m_conflated.clear();
    m_conflatedCount = 0;
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
            respondPending(eio::encodeText(
                Packet::text(why == DisconnectReason::ClientClosed ? PacketType::Noop : PacketType::Close)));
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
        } else if (why == DisconnectReason::RateLimited) {
            // As over plain JSON (PROTOCOL.md, section 6): the close says why.
            releaseSocket(m_ws, true, m_tcp, QWebSocketProtocol::CloseCodePolicyViolated,
                          QStringLiteral("RATE_LIMITED"));
        } else {
            releaseSocket(m_ws, true, m_tcp);
        }
    }
    m_shard.scheduleEioReap();
}

} // namespace fx::server
