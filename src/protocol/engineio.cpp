#include "protocol/engineio.h"

namespace fx::protocol::eio {

std::optional<Packet> decodeText(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    const char t = text[0];
    if (t < '0' || t > '6')
        return std::nullopt;
    return Packet{PacketType(t), text.sliced(1).toByteArray(), false};
}

QByteArray encodeText(const Packet &p)
{
    QByteArray out;
    out.reserve(p.data.size() + 1);
    out.append(char(p.type));
    out.append(p.data);
    return out;
}

QByteArray encodeRecord(const Packet &p)
{
    if (p.binary)
        return 'b' + p.data.toBase64();
    return encodeText(p);
}

std::optional<QList<Packet>> decodePayload(QByteArrayView body)
{
    if (body.isEmpty())
        return std::nullopt;
    QList<Packet> out;
    qsizetype start = 0;
    for (;;) {
        qsizetype end = body.indexOf(kRecordSeparator, start);
        if (end < 0)
            end = body.size();
        const QByteArrayView record = body.sliced(start, end - start);
        if (record.startsWith('b')) {
            const auto decoded =
                QByteArray::fromBase64Encoding(record.sliced(1).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            out.append(Packet::message(*decoded, true));
        } else {
            auto p = decodeText(record);
            if (!p)
                return std::nullopt;
            out.append(*p);
        }
        if (end == body.size())
            break;
        start = end + 1;
    }
    return out;
}

QByteArray encodePayload(const QList<Packet> &packets)
{
    QByteArray out;
    for (qsizetype i = 0; i < packets.size(); ++i) {
        if (i)
            out.append(kRecordSeparator);
        out.append(encodeRecord(packets[i]));
    }
    return out;
}

QByteArray openPacket(const QByteArray &sid, bool canUpgrade, int pingIntervalMs, int pingTimeoutMs, qint64 maxPayload)
{
    // Written by hand to keep the reference's key order (clients do not care; logs read better).
    return "0{\"sid\":\"" + sid + "\",\"upgrades\":" + (canUpgrade ? "[\"websocket\"]" : "[]") + ",\"pingInterval\":"
        + QByteArray::number(pingIntervalMs) + ",\"pingTimeout\":" + QByteArray::number(pingTimeoutMs)
        + ",\"maxPayload\":" + QByteArray::number(maxPayload) + '}';
}

QByteArray errorBody(HttpError e)
{
    const char *message = "";
    switch (e) {
    case HttpError::TransportUnknown: message = "Transport unknown"; break;
    case HttpError::SessionIdUnknown: message = "Session ID unknown"; break;
    case HttpError::BadHandshakeMethod: message = "Bad handshake method"; break;
    case HttpError::BadRequest: message = "Bad request"; break;
    case HttpError::Forbidden: message = "Forbidden"; break;
    case HttpError::UnsupportedProtocolVersion: message = "Unsupported protocol version"; break;
    }
    return "{\"code\":" + QByteArray::number(int(e)) + ",\"message\":\"" + message + "\"}";
}

int errorStatus(HttpError e)
{
    return e == HttpError::Forbidden ? 403 : 400;
}

} // namespace fx::protocol::eio
