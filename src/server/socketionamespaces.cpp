// EngineIoSession: the Socket.IO layer over Engine.IO messages. Packets decoded (binary ones
// wait for their attachments), namespaces joined and left through CONNECT and DISCONNECT, and
// events and acks handed to the SocketIoApplication; the product client bound per namespace.

#include "server/engineiosession.h"

#include "core/timeutil.h"
#include "protocol/wsframe.h"
#include "server/client.h"
#include "server/httpconnection.h"
#include "server/ioshard.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/socketwriter.h"

#include <QJsonObject>
#include <QTimer>

namespace fx::server {

namespace eio = protocol::eio;
namespace sio = protocol::sio;

namespace {
// The attachment count a BINARY_EVENT / BINARY_ACK header announces ("51-..."), read without
// decoding the packet: 0 for other packets, -1 when the header is malformed.
int announcedAttachments(QByteArrayView text)
{
    if (text.isEmpty() || (text[0] != '5' && text[0] != '6'))
        return 0;
    int n = 0;
    qsizetype i = 1;
    for (; i < text.size() && i < 4 && text[i] >= '0' && text[i] <= '9'; ++i)
        n = n * 10 + (text[i] - '0');
    return (i > 1 && i < text.size() && text[i] == '-') ? n : -1;
}
} // namespace

bool EngineIoSession::admitInbound(qsizetype bytes)
{
    if (m_socketIds.isEmpty())
        ++m_unjoinedPackets;
    return m_app.admitPacket(*this, bytes) && !m_closed;
}

void EngineIoSession::onSioPacket(const QByteArray &text)
{
    if (m_partial || m_skipAttachments > 0) {
        protocolError(QStringLiteral("text packet while binary attachments were expected"));
        return;
    }
    // SECURITY.md, "Bounds": rate and size limits before the packet is decoded. The attachments
    // of a dropped binary packet are discarded as they arrive.
    const int announced = announcedAttachments(text);
    if (announced < 0 || announced > sio::kMaxAttachments) {
        protocolError(QStringLiteral("invalid attachment count"));
        return;
    }
    if (!admitInbound(text.size() + 1)) { // as one WebSocket message: with the Engine.IO type
        m_skipAttachments = m_closed ? 0 : announced;
        return;
    }
    ShardCounters &k = counters();
    k.add(k.sioDecoded);
    sio::Decoded d = sio::decode(text);
    if (!d.packet) {
        protocolError(QStringLiteral("invalid Socket.IO packet: %1").arg(d.error));
        return;
    }
    if (d.packet->isBinary()) {
        if (!m_app.acceptsAttachments()) {
            // Refused before buffering: the application answers the packet as it is.
            m_skipAttachments = d.packet->attachments;
            dispatchSio(*d.packet, {});
            return;
        }
        m_partial = std::move(d.packet);
        m_attachments.clear();
        m_attachmentBytes = 0;
        return;
    }
    dispatchSio(*d.packet, {});
}

void EngineIoSession::onSioAttachment(const QByteArray &data)
{
    if (m_skipAttachments > 0) {
        --m_skipAttachments;
        return;
    }
    if (!m_partial) {
        protocolError(QStringLiteral("binary data without a binary packet"));
        return;
    }
    // One packet's attachments together stay within Engine.IO's maxPayload.
    if (m_attachmentBytes + data.size() > m_options.eioMaxPayload) {
        protocolError(QStringLiteral("binary attachments over %1 bytes").arg(m_options.eioMaxPayload));
        return;
    }
    m_attachmentBytes += data.size();
    ShardCounters &k = counters();
    k.add(k.sioAttachmentBytes, quint64(data.size()));
    m_attachments.append(data);
    if (m_attachments.size() < m_partial->attachments)
        return;
    const sio::Packet p = *m_partial;
    const QList<QByteArray> atts = m_attachments;
    m_partial.reset();
    m_attachments.clear();
    m_attachmentBytes = 0;
    dispatchSio(p, atts);
}

void EngineIoSession::dispatchSio(const sio::Packet &p, const QList<QByteArray> &attachments)
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
        const QJsonObject reply = m_app.connectReply(*this, p.nsp, socketId);
        m_socketIds.insert(p.nsp, reply.value(QStringLiteral("sid")).toString().toLatin1());
        m_connectDeadline = 0;
        sio::Packet ok;
        ok.type = sio::PacketType::Connect;
        ok.nsp = p.nsp;
        ok.data = reply;
        sendSio(ok);
        if (m_tcp && m_transport == Transport::WebSocket)
            m_tcp->flush(); // the CONNECT reply leaves in its own segment
        m_app.afterConnect(*this, p.nsp, auth);
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
    case sio::PacketType::ConnectError: protocolError(QStringLiteral("CONNECT_ERROR from a client")); return;
    }
}

void EngineIoSession::bindClient(const QString &nsp, Client *client)
{
    m_clients.insert(nsp, client);
}

Client *EngineIoSession::clientOf(const QString &nsp) const
{
    return m_clients.value(nsp);
}

QList<Client *> EngineIoSession::clients() const
{
    return m_clients.values();
}

// ---------------------------------------------------------------------------------------------
// Closing

} // namespace fx::server
