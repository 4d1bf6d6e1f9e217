#pragma once

// Engine.IO protocol v4 packets and payloads (PROTOCOL.md, "Socket.IO"). Pure: no sockets, no state.

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace fx::protocol::eio {

enum class PacketType : char {
    Open = '0',
    Close = '1',
    Ping = '2',
    Pong = '3',
    Message = '4',
    Upgrade = '5',
    Noop = '6',
};

struct Packet
{
    PacketType type = PacketType::Message;
    QByteArray data; // text after the type digit, or the raw bytes of a binary message
    bool binary = false; // only for Message

    static Packet text(PacketType t, QByteArray d = {}) { return Packet{t, std::move(d), false}; }
    static Packet message(QByteArray d, bool binary = false)
    {
        return Packet{PacketType::Message, std::move(d), binary};
    }
    bool operator==(const Packet &o) const = default;
};

// One text packet (a WebSocket text frame or a polling record without the 'b' prefix).
// nullopt when the first character is not a packet type.
std::optional<Packet> decodeText(QByteArrayView text);
// "4hello", "2", "2probe": the type digit followed by the data. Binary messages: not here.
QByteArray encodeText(const Packet &p);

// A long-polling body: records joined by 0x1E; a record starting with 'b' is a binary message
// in standard base64. nullopt when any record does not decode (an empty body included).
std::optional<QList<Packet>> decodePayload(QByteArrayView body);
// The body of a polling response: every packet, joined by 0x1E, binary as 'b' + base64.
QByteArray encodePayload(const QList<Packet> &packets);
// One record of a polling payload.
QByteArray encodeRecord(const Packet &p);
inline constexpr char kRecordSeparator = '\x1e';

// The open packet's JSON: {"sid","upgrades","pingInterval","pingTimeout","maxPayload"}.
QByteArray openPacket(const QByteArray &sid, bool canUpgrade, int pingIntervalMs, int pingTimeoutMs, qint64 maxPayload);

// HTTP errors of the Engine.IO server (the reference server's codes and messages).
enum class HttpError {
    TransportUnknown = 0,
    SessionIdUnknown = 1,
    BadHandshakeMethod = 2,
    BadRequest = 3,
    Forbidden = 4,
    UnsupportedProtocolVersion = 5,
};
// {"code":<n>,"message":"<text>"}
QByteArray errorBody(HttpError e);
int errorStatus(HttpError e); // 400, or 403 for Forbidden

} // namespace fx::protocol::eio
