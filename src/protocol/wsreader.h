#pragma once

// The server's side of RFC 6455 framing for what a client sends (§5): an incremental reader
// that takes the bytes of one connection as they arrive and hands out whole messages and
// control frames. It holds only what a message still needs: between messages it holds nothing
// (PERFORMANCE.md, "Idle clients": no buffer per idle client).
//
// Checked here, each a protocol error the connection is closed with (§7.4.1): reserved bits
// and opcodes, unmasked frames, control frames fragmented or over 125 bytes, a continuation
// with no message or a new message inside one, a 64-bit length with its top bit set (1002);
// text that is not UTF-8, checked as each fragment arrives (1007); a frame or a message over
// the limit, refused from its header before its payload is read (1009); a close frame of one
// byte, with a code no endpoint may send, or a reason that is not UTF-8 (1002, 1007).
// Pure: no I/O, no Qt event loop; unit-tested in tst_wsreader.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <utility>

namespace fx::protocol {

// Incremental UTF-8 validation (RFC 3629: no overlong forms, no surrogates, at most U+10FFFF),
// byte by byte across any split. valid() says whether the bytes so far can start a valid text;
// complete() also that no sequence is left open.
class Utf8Validator
{
public:
    bool feed(QByteArrayView bytes);
    bool valid() const { return !m_failed; }
    bool complete() const { return !m_failed && m_need == 0; }
    void reset() { *this = Utf8Validator(); }

private:
    int m_need = 0; // continuation bytes still expected
    quint8 m_low = 0x80, m_high = 0xBF; // bounds of the next continuation byte
    bool m_failed = false;
};

struct WsMessage
{
    enum class Kind { None, Text, Binary, Ping, Pong, Close, Error };
    Kind kind = Kind::None;
    QByteArray payload; // Text: UTF-8, validated; Ping/Pong: the application data
    int closeCode = 0; // Close: the peer's code (1005: none given); Error: the code to close with
    QString reason; // Close: the peer's reason; Error: what was wrong, for the close frame and the log
};

class WsReader
{
public:
    // maxFrame, maxMessage: payload bytes (WEBSOCKET_MAX_MESSAGE_SIZE).
    WsReader(qint64 maxFrame, qint64 maxMessage) : m_maxFrame(maxFrame), m_maxMessage(maxMessage) {}

    // Takes bytes as they came off the connection.
    void feed(QByteArrayView bytes) { m_in.append(bytes.data(), bytes.size()); }
    // The next whole message or control frame, or Kind::None when more bytes are needed. After
    // an Error nothing more is read. With discardData (after the server sent its close), data
    // frames are skipped without being held or checked and only control frames come out.
    WsMessage next();
    void setDiscardData(bool discard) { m_discard = discard; }
    bool failed() const { return m_failed; }
    bool closed() const { return m_stopped; }
    // Bytes held: unread input and the message being put together.
    qint64 heldBytes() const { return m_in.size() - m_pos + m_message.size(); }

private:
    WsMessage fail(int code, const QString &why);
    WsMessage needMore();
    void consume(qsizetype n);

    qint64 m_maxFrame;
    qint64 m_maxMessage;
    QByteArray m_in; // received, not yet parsed (released when empty)
    qsizetype m_pos = 0; // parsed up to here in m_in
    QByteArray m_message; // fragments of the message in progress
    bool m_inMessage = false;
    bool m_messageIsText = false;
    qint64 m_skip = 0; // discardData: payload bytes of the current data frame still to skip
    Utf8Validator m_utf8;
    bool m_discard = false;
    bool m_failed = false;
    bool m_stopped = false; // the peer's close came: nothing after it is read
};

} // namespace fx::protocol
