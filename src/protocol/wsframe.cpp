#include "protocol/wsframe.h"

namespace fx::protocol {

QByteArray wsFrame(QByteArrayView payload, WsOpcode opcode)
{
    const quint64 len = quint64(payload.size());
    QByteArray out;
    out.reserve(qsizetype(len) + 10);
    out.append(char(0x80 | quint8(opcode)));
    if (len < 126) {
        out.append(char(len));
    } else if (len <= 0xFFFF) {
        out.append(char(126));
        out.append(char((len >> 8) & 0xFF));
        out.append(char(len & 0xFF));
    } else {
        out.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(char((len >> shift) & 0xFF));
    }
    out.append(payload);
    return out;
}

QByteArray wsCloseFrame(int code, const QString &reason)
{
    if (code == 1005)
        return wsFrame({}, WsOpcode::Close);
    QByteArray payload;
    payload.append(char((code >> 8) & 0xFF));
    payload.append(char(code & 0xFF));
    QByteArray text = reason.toUtf8();
    if (text.size() > 123) {
        qsizetype cut = 123;
        while (cut > 0 && (quint8(text[cut]) & 0xC0) == 0x80) // not inside a character
            --cut;
        text.truncate(cut);
    }
    payload.append(text);
    return wsFrame(payload, WsOpcode::Close);
}

} // namespace fx::protocol
