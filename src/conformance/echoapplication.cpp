#include "conformance/echoapplication.h"

#include "server/engineiosession.h"
#include "server/ioshard.h"

#include <QJsonArray>
#include <QTimer>

namespace fx::conformance {

namespace sio = protocol::sio;

void EchoApplication::onEngineMessage(server::EngineIoSession &s, const QByteArray &data, bool binary)
{
    s.sendMessage(data, binary);
}

std::optional<QJsonObject> EchoApplication::onConnect(server::EngineIoSession &, const QString &nsp, const QByteArray &,
                                                      const QJsonValue &)
{
    if (nsp == u"/" || nsp == u"/custom")
        return std::nullopt;
    return QJsonObject{{QStringLiteral("message"), QStringLiteral("Invalid namespace")}};
}

void EchoApplication::afterConnect(server::EngineIoSession &s, const QString &nsp, const QJsonValue &auth)
{
    QTimer::singleShot(kAuthEventDelayMs, &m_shard, [shard = &m_shard, sid = s.sid(), nsp, auth] {
        server::EngineIoSession *session = shard->findEio(sid);
        if (!session || session->isClosed() || !session->hasJoined(nsp))
            return;
        sio::Packet p;
        p.type = sio::PacketType::Event;
        p.nsp = nsp;
        p.data = QJsonArray{QStringLiteral("auth"), auth};
        session->sendSio(p);
    });
}

void EchoApplication::onEvent(server::EngineIoSession &s, const QString &nsp, const sio::Packet &p,
                              const QList<QByteArray> &attachments)
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

} // namespace fx::conformance
