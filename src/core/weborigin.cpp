#include "core/weborigin.h"

#include "core/ipliteral.h"

#include <QList>

namespace fx::core {

namespace {

bool isHostChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_';
}

// A DNS name or an IPv4 address: non-empty labels of letters, digits, '-' and '_'.
bool validName(QStringView host)
{
    if (host.isEmpty() || host.size() > 253)
        return false;
    for (QChar c : host)
        if (!isHostChar(c))
            return false;
    for (QStringView label : host.split(u'.'))
        if (label.isEmpty() || label.size() > 63)
            return false;
    return true;
}

// "[v6]" in its compressed form (as browsers write it), or nullopt.
std::optional<QString> canonicalIpv6(QStringView bracketed)
{
    const std::optional<QString> inner = canonicalIpv6Literal(bracketed.mid(1, bracketed.size() - 2));
    if (!inner)
        return std::nullopt;
    return QLatin1Char('[') + *inner + QLatin1Char(']');
}

} // namespace

std::optional<QString> canonicalOrigin(QStringView text)
{
    if (text.size() > 300)
        return std::nullopt;
    for (QChar c : text)
        if (c.unicode() <= 0x20 || c.unicode() >= 0x7f)
            return std::nullopt;
    const QString s = text.toString().toLower();
    int defaultPort = 0;
    QStringView rest;
    QString scheme;
    if (s.startsWith(u"http://")) {
        scheme = QStringLiteral("http");
        defaultPort = 80;
        rest = QStringView(s).mid(7);
    } else if (s.startsWith(u"https://")) {
        scheme = QStringLiteral("https");
        defaultPort = 443;
        rest = QStringView(s).mid(8);
    } else {
        return std::nullopt;
    }

    QString host;
    QStringView portText;
    bool hasPort = false;
    if (rest.startsWith(u'[')) {
        const qsizetype close = rest.indexOf(u']');
        if (close < 0)
            return std::nullopt;
        const auto v6 = canonicalIpv6(rest.left(close + 1));
        if (!v6)
            return std::nullopt;
        host = *v6;
        const QStringView after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(u':'))
                return std::nullopt;
            hasPort = true;
            portText = after.mid(1);
        }
    } else {
        const qsizetype colon = rest.indexOf(u':');
        const QStringView name = colon < 0 ? rest : rest.left(colon);
        if (!validName(name))
            return std::nullopt;
        host = name.toString();
        if (colon >= 0) {
            hasPort = true;
            portText = rest.mid(colon + 1);
        }
    }

    int port = defaultPort;
    if (hasPort) {
        if (portText.isEmpty() || portText.size() > 5)
            return std::nullopt;
        for (QChar c : portText)
            if (c < u'0' || c > u'9')
                return std::nullopt;
        port = portText.toInt();
        if (port < 1 || port > 65535)
            return std::nullopt;
    }
    QString out = scheme + QStringLiteral("://") + host;
    if (port != defaultPort)
        out += QLatin1Char(':') + QString::number(port);
    return out;
}

} // namespace fx::core
