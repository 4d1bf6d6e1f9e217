#include "server/sioapps.h"

#include "core/timeutil.h"
#include "protocol/contract.h"
#include "server/ioshard.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fx::server {

namespace sio = protocol::sio;

SioClientSession::SioClientSession(EioSession *eio, QByteArray socketId, qint64 nowMicros)
    : Session(std::move(socketId), WireProtocol::SocketIo, eio->peer(), nowMicros), m_eio(eio)
{
}

QString SioClientSession::transportName() const
{
    if (!m_eio)
        return QStringLiteral("closed");
    return m_eio->transport() == EioSession::Transport::WebSocket ? QStringLiteral("websocket") : QStringLiteral("polling");
}

void SioClientSession::deliver(const Broadcast &b)
{
    if (isDead() || !m_eio)
        return;
    m_eio->sendShared(b.sioFrame, b.sioPacket, b.conflatable, b.roomA);
    ++messagesSent;
    bytesSent += quint64(b.sioPacket.size());
}

void SioClientSession::stage(const Broadcast &b)
{
    if (isDead() || !m_eio)
        return;
    m_eio->stageShared(b.sioFrame, b.sioPacket, b.conflatable, b.roomA);
    ++messagesSent;
    bytesSent += quint64(b.sioPacket.size());
}

void SioClientSession::flushStaged()
{
    if (m_eio)
        m_eio->flushStaged();
}

void SioClientSession::sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag)
{
    if (isDead() || !m_eio)
        return;
    QByteArray packet;
    packet.reserve(data.size() + event.size() + 8);
    packet += "2[\"";
    packet += event.toUtf8();
    packet += "\",";
    packet += data;
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

qint64 SioClientSession::queuedBytes() const
{
    return m_eio ? m_eio->queuedBytes() : 0;
}

void SioClientSession::disconnect(DisconnectReason reason, int, const QString &text)
{
    if (isDead())
        return;
    markDead(reason);
    if (EioSession *eio = m_eio) {
        m_eio = nullptr;
        if (reason == DisconnectReason::Kicked) {
            // The clients stop reconnecting on a server DISCONNECT ("io server disconnect").
            sio::Packet bye;
            bye.type = sio::PacketType::Disconnect;
            eio->sendSio(bye);
        }
        eio->close(text, reason);
    }
    transportClosed = true;
}

// ---------------------------------------------------------------------------------------------

std::optional<QJsonObject> ProductSioApp::onConnect(EioSession &s, const QString &nsp, const QByteArray &socketId,
                                                    const QJsonValue &)
{
    if (nsp != u"/")
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
    ServerContext &ctx = m_shard.context();
    if (!ctx.stats().tryAddClient()) {
        ctx.stats().countDisconnect(DisconnectReason::ServerFull);
        ctx.stats().countError(protocol::ErrorCode::ServerFull);
        return QJsonObject{{QStringLiteral("message"), QStringLiteral("SERVER_FULL")},
                           {QStringLiteral("data"), QJsonObject{{QStringLiteral("code"), QStringLiteral("SERVER_FULL")},
                                                                {QStringLiteral("max_clients"), ctx.options().maxClients}}}};
    }
    auto *client = new SioClientSession(&s, socketId, core::nowMicros());
    s.bindClient(nsp, client);
    m_shard.addSession(client);
    return std::nullopt;
}

void ProductSioApp::afterConnect(EioSession &s, const QString &nsp, const QJsonValue &)
{
    if (Session *client = s.clientOf(nsp))
        m_shard.welcome(client);
}

void ProductSioApp::onEvent(EioSession &s, const QString &nsp, const sio::Packet &p, const QList<QByteArray> &)
{
    Session *client = s.clientOf(nsp);
    if (!client)
        return;
    const QJsonArray args = p.data.toArray();
    const QJsonValue replyTag = p.id ? QJsonValue(qint64(*p.id)) : QJsonValue(QJsonValue::Undefined);
    m_shard.handleSocketIoEvent(client, sio::eventName(p), args.size() > 1 ? args.at(1) : QJsonValue(QJsonValue::Undefined),
                                p.isBinary(), replyTag);
}

void ProductSioApp::onDisconnect(EioSession &s, const QString &nsp, DisconnectReason why)
{
    auto *client = static_cast<SioClientSession *>(s.clientOf(nsp));
    if (!client)
        return;
    client->markDead(why);
    client->detach();
    client->transportClosed = true;
    m_shard.scheduleReap();
}

// ---------------------------------------------------------------------------------------------

void ConformanceSioApp::onEngineMessage(EioSession &s, const QByteArray &data, bool binary)
{
    s.sendMessage(data, binary);
}

std::optional<QJsonObject> ConformanceSioApp::onConnect(EioSession &, const QString &nsp, const QByteArray &, const QJsonValue &)
{
    if (nsp == u"/" || nsp == u"/custom")
        return std::nullopt;
    return QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
}

void ConformanceSioApp::afterConnect(EioSession &s, const QString &nsp, const QJsonValue &auth)
{
    sio::Packet p;
    p.type = sio::PacketType::Event;
    p.nsp = nsp;
    p.data = QJsonArray{QStringLiteral("auth"), auth};
    s.sendSio(p);
}

void ConformanceSioApp::onEvent(EioSession &s, const QString &nsp, const sio::Packet &p, const QList<QByteArray> &attachments)
{
    if (nsp != u"/")
        return;
    const QString name = sio::eventName(p);
    QJsonArray args = p.data.toArray();
    if (name == u"message") {
        sio::Packet back = p;
        back.id.reset();
        args.replace(0, QStringLiteral("message-back"));
        back.data = args;
        s.sendSio(back, attachments);
    } else if (name == u"message-with-ack" && p.id) {
        sio::Packet ack;
        ack.type = p.isBinary() ? sio::PacketType::BinaryAck : sio::PacketType::Ack;
        ack.nsp = nsp;
        ack.id = p.id;
        ack.attachments = p.attachments;
        args.removeFirst();
        ack.data = args;
        s.sendSio(ack, attachments);
    }
}

} // namespace fx::server
