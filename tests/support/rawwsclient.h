#pragma once

// A WebSocket client written on a bare QTcpSocket, for what QWebSocket will not do: never
// answer pings, send half a frame and vanish, send oversized or reserved frames, and read the
// exact close code the server sent (Qt 6.4's QWebSocket rejects 1013 as invalid). Over TLS
// (wss://) too, after useTls().

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>

namespace fx::test {

struct RawFrame
{
    int opcode = 0; // 1 text, 2 binary, 8 close, 9 ping, 10 pong
    QByteArray payload;
    int closeCode() const; // for close frames, -1 when absent
};

class RawWsClient
{
public:
    // Connects over TLS with this configuration (its CA certificates) from now on.
    void useTls(const QSslConfiguration &configuration);
    // Connects and completes the opening handshake; false on failure.
    bool connectTo(quint16 port, const QByteArray &path = "/ws", int timeoutMs = 5000);
    // Connects from this local address (another 127.x.y.z is another client address).
    void bindTo(const QHostAddress &local) { m_sock.bind(local); }
    void sendFrame(int opcode, const QByteArray &payload, bool fin = true);
    void sendText(const QByteArray &text) { sendFrame(1, text); }
    // Writes raw bytes (e.g. half a frame).
    void writeRaw(const QByteArray &bytes);
    // Header of a masked frame announcing `length` payload bytes (nothing after it).
    static QByteArray frameHeader(int opcode, quint64 length, bool fin = true);
    // Reads what has arrived (waiting up to timeoutMs for at least one frame).
    QList<RawFrame> readFrames(int timeoutMs = 2000);
    // The next frame (frames read together are kept for the following calls); opcode 0 on timeout.
    RawFrame nextFrame(int timeoutMs = 3000);
    // The next text frame's payload, skipping Engine.IO pings ("2") when asked; empty on timeout.
    QByteArray nextText(int timeoutMs = 3000, bool skipPings = true);
    // Waits for a text frame whose JSON "event" is name; returns its payload (empty on timeout).
    QByteArray waitForEvent(const QByteArray &name, int timeoutMs = 5000);
    // Reads until the server's close frame (its code) or the TCP close (-1); -2 on timeout.
    int waitForClose(int timeoutMs = 5000);
    bool waitForDisconnected(int timeoutMs = 5000);
    int pingsReceived() const { return m_pings; }
    QTcpSocket &socket() { return m_sock; }

private:
    bool parseOne(RawFrame *out);
    QSslSocket m_sock; // unencrypted (a plain TCP socket) unless useTls()
    bool m_tls = false;
    QByteArray m_buf;
    QList<RawFrame> m_pending;
    int m_pings = 0;
};

} // namespace fx::test
