#include "server/socketioclient.h"

#include "core/prefetch.h"
#include "protocol/socketio.h"

namespace fx::server {

namespace sio = protocol::sio;

SocketIoClient::SocketIoClient(EngineIoSession *eio, QByteArray socketId, qint64 nowMicros)
    : Client(std::move(socketId), WireProtocol::SocketIo, eio->peer(), nowMicros)
    , m_eio(eio)
{
}

QString SocketIoClient::transportName() const
{
    if (!m_eio)
        return QStringLiteral("closed");
    return m_eio->transport() == EngineIoSession::Transport::WebSocket ? QStringLiteral("websocket")
                                                                       : QStringLiteral("polling");
}

void SocketIoClient::deliver(const Broadcast &b)
{
    if (isDead() || !m_eio)
        return;
    m_eio->sendShared(b.sioFrame, b.sioPacket, b.conflatable, b.roomA);
    ++messagesSent;
    bytesSent += quint64(b.sioPacket.size());
}

void SocketIoClient::stage(const Broadcast &b)
{
    if (isDead() || !m_eio)
        return;
    m_eio->stageShared(b.sioFrame, b.sioPacket, b.conflatable, b.roomA);
    ++messagesSent;
    bytesSent += quint64(b.sioPacket.size());
}

void SocketIoClient::sendPrepared(const Broadcast &b)
{
    if (isDead() || !m_eio)
        return;
    m_eio->sendShared(b.sioFrame, b.sioPacket, false, -1);
    ++messagesSent;
    bytesSent += quint64(b.sioPacket.size());
}

void SocketIoClient::prefetchForFlush() const
{
    core::prefetch(m_eio, 4);
}

void SocketIoClient::flushStaged()
{
    if (m_eio)
        m_eio->flushStaged();
}

void SocketIoClient::sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag)
{
    if (isDead() || !m_eio)
        return;
    QByteArray packet;
    packet.reserve(data.size() + event.size() + 8);
    packet += "2[\"";
    packet += event.toUtf8();
    packet += "\",";
    packet += data;
    if (m_position) {
        packet += ",\"";
        packet += QByteArray::number(*m_position);
        packet += '"';
    }
    packet += ']';
    m_eio->sendMessage(packet);
    ++messagesSent;
    bytesSent += quint64(packet.size());
    if (replyTag.isDouble()) {
        // The client asked for an acknowledgement: the reply payload is its argument.
        m_eio->sendMessage("3" + QByteArray::number(qint64(replyTag.toDouble())) + '[' + data.toByteArray() + ']');
        ++messagesSent;
    }
}

qint64 SocketIoClient::queuedBytes() const
{
    return m_eio ? m_eio->queuedBytes() : 0;
}

void SocketIoClient::disconnect(DisconnectReason reason, int, const QString &text)
{
    if (isDead())
        return;
    markDead(reason);
    if (EngineIoSession *eio = m_eio) {
        m_eio = nullptr;
        if (reason == DisconnectReason::Kicked || reason == DisconnectReason::TokenExpired) {
            // The clients stop reconnecting on a server DISCONNECT ("io server disconnect").
            sio::Packet bye;
            bye.type = sio::PacketType::Disconnect;
            eio->sendSio(bye);
        }
        eio->close(text, reason);
    }
    transportClosed = true;
}

} // namespace fx::server
