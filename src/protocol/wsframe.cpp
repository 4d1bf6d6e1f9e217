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

} // namespace fx::protocol
