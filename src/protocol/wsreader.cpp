#include "protocol/wsreader.h"

#include <algorithm>

namespace fx::protocol {

bool Utf8Validator::feed(QByteArrayView bytes)
{
    if (m_failed)
        return false;
    const auto *p = reinterpret_cast<const quint8 *>(bytes.data());
    const auto *end = p + bytes.size();
    for (; p < end; ++p) {
        const quint8 c = *p;
        if (m_need == 0) {
            if (c < 0x80)
                continue;
            if (c < 0xC2) { // a continuation byte first, or an overlong two-byte form
                m_failed = true;
            } else if (c < 0xE0) {
                m_need = 1;
            } else if (c < 0xF0) {
                m_need = 2;
                m_low = c == 0xE0 ? 0xA0 : 0x80; // overlong
                m_high = c == 0xED ? 0x9F : 0xBF; // surrogates
            } else if (c < 0xF5) {
                m_need = 3;
                m_low = c == 0xF0 ? 0x90 : 0x80; // overlong
                m_high = c == 0xF4 ? 0x8F : 0xBF; // over U+10FFFF
            } else {
                m_failed = true;
            }
        } else if (c < m_low || c > m_high) {
            m_failed = true;
        } else {
            m_low = 0x80;
            m_high = 0xBF;
            --m_need;
        }
        if (m_failed)
            return false;
    }
    return true;
}

namespace {

bool closeCodeAllowed(int code)
{
    // RFC 6455 §7.4: what an endpoint may put in a close frame (1004-1006 and 1015 are reserved
    // for reports, never sent; 1012-1014 are registered since); 3000-4999 for libraries and
    // applications.
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

} // namespace

WsMessage WsReader::fail(int code, const QString &why)
{
    m_failed = true;
    m_in = QByteArray();
    m_message = QByteArray();
    m_pos = 0;
    WsMessage m;
    m.kind = WsMessage::Kind::Error;
    m.closeCode = code;
    m.reason = why;
    return m;
}

WsMessage WsReader::needMore()
{
    if (m_pos > 0) { // keep only the unparsed tail
        m_in.remove(0, m_pos);
        m_pos = 0;
    }
    return {};
}

void WsReader::consume(qsizetype n)
{
    m_pos += n;
    if (m_pos >= m_in.size()) {
        m_in = QByteArray(); // nothing held between messages
        m_pos = 0;
    }
}

WsMessage WsReader::next()
{
    if (m_failed || m_stopped)
        return {};
    for (;;) {
        if (m_skip > 0) {
            const qint64 n = std::min<qint64>(m_skip, m_in.size() - m_pos);
            m_skip -= n;
            consume(qsizetype(n));
            if (m_skip > 0)
                return needMore();
        }
        const qsizetype avail = m_in.size() - m_pos;
        if (avail < 2)
            return needMore();
        const auto *p = reinterpret_cast<const quint8 *>(m_in.constData() + m_pos);
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0F;
        const bool control = opcode & 0x08;
        if (p[0] & 0x70)
            return fail(1002, QStringLiteral("reserved bits set in a frame (no extension was negotiated)"));
        if (opcode != 0 && opcode != 1 && opcode != 2 && opcode != 8 && opcode != 9 && opcode != 10)
            return fail(1002, QStringLiteral("reserved opcode %1").arg(opcode));
        if (!(p[1] & 0x80))
            return fail(1002, QStringLiteral("a client's frames must be masked"));
        if (control && !fin)
            return fail(1002, QStringLiteral("a fragmented control frame"));
        const int len7 = p[1] & 0x7F;
        if (control && len7 > 125)
            return fail(1002, QStringLiteral("a control frame over 125 bytes"));
        qsizetype header = 2;
        quint64 length = quint64(len7);
        if (len7 == 126) {
            if (avail < 4)
                return needMore();
            length = (quint64(p[2]) << 8) | p[3];
            header = 4;
        } else if (len7 == 127) {
            if (avail < 10)
                return needMore();
            length = 0;
            for (int i = 2; i < 10; ++i)
                length = (length << 8) | p[i];
            if (length >> 63)
                return fail(1002, QStringLiteral("a frame length with its most significant bit set"));
            header = 10;
        }
        header += 4; // the masking key
        if (!control && m_discard) { // after our close: skipped as it arrives, never held
            if (avail < header)
                return needMore();
            m_skip = qint64(length);
            consume(header);
            continue;
        }
        if (!control) {
            if (opcode == 0 && !m_inMessage)
                return fail(1002, QStringLiteral("a continuation frame with no message in progress"));
            if (opcode != 0 && m_inMessage)
                return fail(1002, QStringLiteral("a new message before the previous one ended"));
            // Refused from the header, before the payload arrives (SECURITY.md, "Bounds").
            if (length > quint64(m_maxFrame) || quint64(m_message.size()) + length > quint64(m_maxMessage))
                return fail(1009, QStringLiteral("message too large: at most %1 bytes").arg(m_maxMessage));
        }
        if (avail < header || quint64(avail - header) < length)
            return needMore();
        const auto *mask = p + header - 4;
        const auto *src = p + header;
        QByteArray data(qsizetype(length), Qt::Uninitialized);
        char *dst = data.data();
        for (qsizetype i = 0; i < qsizetype(length); ++i)
            dst[i] = char(src[i] ^ mask[i & 3]);
        consume(header + qsizetype(length));

        if (control) {
            WsMessage m;
            if (opcode == 9) {
                m.kind = WsMessage::Kind::Ping;
            } else if (opcode == 10) {
                m.kind = WsMessage::Kind::Pong;
            } else {
                m.kind = WsMessage::Kind::Close;
                m.closeCode = 1005; // none given
                if (data.size() == 1)
                    return fail(1002, QStringLiteral("a close frame with a one-byte payload"));
                if (data.size() >= 2) {
                    m.closeCode = (quint8(data[0]) << 8) | quint8(data[1]);
                    if (!closeCodeAllowed(m.closeCode))
                        return fail(1002,
                                    QStringLiteral("close code %1 is not one an endpoint may send").arg(m.closeCode));
                    Utf8Validator reason;
                    const QByteArrayView text = QByteArrayView(data).sliced(2);
                    if (!reason.feed(text) || !reason.complete())
                        return fail(1007, QStringLiteral("the close reason is not valid UTF-8"));
                    m.reason = QString::fromUtf8(text);
                }
                m_stopped = true;
                m_in = QByteArray();
                m_pos = 0;
                return m;
            }
            m.payload = data;
            return m;
        }

        if (opcode != 0) {
            m_inMessage = true;
            m_messageIsText = opcode == 1;
            m_utf8.reset();
        }
        if (m_messageIsText && !m_utf8.feed(data)) // fail fast, fragment by fragment
            return fail(1007, QStringLiteral("text that is not valid UTF-8"));
        if (m_message.isEmpty())
            m_message = data; // one fragment: no copy
        else
            m_message.append(data);
        if (!fin)
            continue;
        if (m_messageIsText && !m_utf8.complete())
            return fail(1007, QStringLiteral("text that is not valid UTF-8 (a sequence left open)"));
        WsMessage m;
        m.kind = m_messageIsText ? WsMessage::Kind::Text : WsMessage::Kind::Binary;
        m.payload = std::exchange(m_message, QByteArray());
        m_inMessage = false;
        return m;
    }
}

} // namespace fx::protocol
