#pragma once

// Socket.IO protocol v5 packets (PROTOCOL.md, "Socket.IO"), carried as Engine.IO message data. Pure.
//
//   <type>[<attachments>-][<namespace>,][<ack id>][<JSON payload>]

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <optional>

namespace fx::protocol::sio {

enum class PacketType {
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
};

struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    std::optional<quint64> id; // ack id
    QJsonValue data = QJsonValue::Undefined; // the payload; Undefined when absent
    int attachments = 0; // binary packets: how many binary messages follow

    bool isBinary() const { return type == PacketType::BinaryEvent || type == PacketType::BinaryAck; }
};

struct Decoded
{
    std::optional<Packet> packet;
    QString error; // why it is not a valid packet (the connection must then be closed)
};

inline constexpr int kMaxAttachments = 10;

// Decodes the data of one Engine.IO text message. Validates the payload for the type:
// CONNECT object or absent; DISCONNECT absent; CONNECT_ERROR object or string;
// EVENT non-empty array starting with a string (or number), not a reserved name; ACK array.
Decoded decode(QByteArrayView text);

// Encodes a packet (without the Engine.IO '4' prefix); JSON is written compactly.
QByteArray encode(const Packet &p);

// Event name and arguments of an EVENT / BINARY_EVENT.
QString eventName(const Packet &p);

// The number of {"_placeholder":true,"num":n} objects anywhere in v, and whether every num is
// in [0, attachments) and appears once.
bool placeholdersValid(const QJsonValue &v, int attachments);

// Names a client may not use as event names.
bool isReservedEventName(QStringView name);

} // namespace fx::protocol::sio
