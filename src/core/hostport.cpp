#include "core/hostport.h"

namespace fx::core {

QString HostPort::toString() const
{
    return host.contains(u':') ? QStringLiteral("[%1]:%2").arg(host).arg(port)
                               : QStringLiteral("%1:%2").arg(host).arg(port);
}

bool checkHost(QStringView host, QString *error)
{
    if (host.isEmpty()) {
        *error = QStringLiteral("empty host");
        return false;
    }
    if (host.size() > kMaxHostLength) {
        *error = QStringLiteral("host longer than %1 characters").arg(kMaxHostLength);
        return false;
    }
    const bool v6 = host.contains(u':');
    for (QChar c : host) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'-' || u == u'_' || (v6 && u == u':');
        if (!ok) {
            *error = QStringLiteral("invalid character in host");
            return false;
        }
    }
    return true;
}

bool parsePort(QStringView text, quint16 *port, QString *error)
{
    if (text.isEmpty() || text.size() > 5) {
        *error = QStringLiteral("port must be 1..65535");
        return false;
    }
    uint value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9') {
            *error = QStringLiteral("port must be 1..65535");
            return false;
        }
        value = value * 10 + uint(c.unicode() - u'0');
    }
    if (value < 1 || value > 65535) {
        *error = QStringLiteral("port must be 1..65535");
        return false;
    }
    *port = quint16(value);
    return true;
}

bool parseHostPort(QStringView text, HostPort *out, QString *error)
{
    QStringView host, port;
    if (text.startsWith(u'[')) {
        const qsizetype close = text.indexOf(u']');
        if (close < 0 || close + 1 >= text.size() || text[close + 1] != u':') {
            *error = QStringLiteral("expected [ipv6]:port");
            return false;
        }
        host = text.sliced(1, close - 1);
        port = text.sliced(close + 2);
        if (!host.contains(u':')) {
            *error = QStringLiteral("brackets only around an IPv6 address");
            return false;
        }
    } else {
        const qsizetype colon = text.lastIndexOf(u':');
        if (colon < 0) {
            *error = QStringLiteral("expected host:port");
            return false;
        }
        host = text.first(colon);
        port = text.sliced(colon + 1);
        if (host.contains(u':')) {
            *error = QStringLiteral("an IPv6 address needs brackets: [addr]:port");
            return false;
        }
    }
    HostPort hp;
    if (!checkHost(host, error) || !parsePort(port, &hp.port, error))
        return false;
    hp.host = host.toString();
    *out = hp;
    return true;
}

bool parseHostPortList(QStringView text, QList<HostPort> *out, QString *error)
{
    QList<HostPort> list;
    if (text.trimmed().isEmpty()) {
        *out = list;
        return true;
    }
    for (QStringView item : text.split(u',')) {
        item = item.trimmed();
        if (list.size() == kMaxEndpoints) {
            *error = QStringLiteral("at most %1 endpoints").arg(kMaxEndpoints);
            return false;
        }
        HostPort hp;
        QString why;
        if (!parseHostPort(item, &hp, &why)) {
            *error = item.isEmpty() ? QStringLiteral("empty item in the list")
                                    : QStringLiteral("\"%1\": %2").arg(item.left(64).toString(), why);
            return false;
        }
        if (list.contains(hp)) {
            *error = QStringLiteral("%1 is listed twice").arg(hp.toString());
            return false;
        }
        list << hp;
    }
    *out = list;
    return true;
}

} // namespace fx::core
