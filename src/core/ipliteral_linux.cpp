// The fast side of the IP literal seam (ipliteral.h): the system's inet_pton() and inet_ntop().

#include "core/ipliteral.h"

#include <arpa/inet.h>

namespace fx::core {

bool isIpLiteral(QStringView text)
{
    unsigned char buf[16];
    const QByteArray b = text.toLatin1();
    return inet_pton(AF_INET, b.constData(), buf) == 1 || inet_pton(AF_INET6, b.constData(), buf) == 1;
}

std::optional<QString> canonicalIpv6Literal(QStringView text)
{
    const QByteArray b = text.toLatin1();
    unsigned char bytes[16];
    char out[INET6_ADDRSTRLEN];
    if (b.size() > 45 || inet_pton(AF_INET6, b.constData(), bytes) != 1 || !inet_ntop(AF_INET6, bytes, out, sizeof out))
        return std::nullopt;
    return QString::fromLatin1(out);
}

} // namespace fx::core
