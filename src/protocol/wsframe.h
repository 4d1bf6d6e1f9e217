#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace fx::protocol {

// A complete, unmasked server-to-client WebSocket frame (RFC 6455 §5.2) with FIN set.
// The server encodes a broadcast once into such a frame and writes the same bytes to every
// recipient's socket; QWebSocket still does the handshake, reading and control frames.
enum class WsOpcode : quint8 { Text = 0x1, Binary = 0x2, Pong = 0xA };
QByteArray wsFrame(QByteArrayView payload, WsOpcode opcode = WsOpcode::Text);

} // namespace fx::protocol
