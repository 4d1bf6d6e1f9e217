#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace fx::protocol {

// A complete, unmasked server-to-client WebSocket frame (RFC 6455 §5.2) with FIN set.
// The server encodes a broadcast once into such a frame and writes the same bytes to every
// recipient's socket. QWebSocketServer still answers the handshake; reading is QWebSocket's or
// the project's own (wsreader.h, PlainJsonClient's channel: wschannel.h).
enum class WsOpcode : quint8 { Text = 0x1, Binary = 0x2, Close = 0x8, Ping = 0x9, Pong = 0xA };
QByteArray wsFrame(QByteArrayView payload, WsOpcode opcode = WsOpcode::Text);
// A close frame (§5.5.1): the code and the reason, cut to the 123 bytes a control frame leaves
// it (at a character boundary); code 1005 (none) gives an empty close frame.
QByteArray wsCloseFrame(int code, const QString &reason);

} // namespace fx::protocol
