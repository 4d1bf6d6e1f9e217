#include "server/serveroptions.h"

#include <cmath>

namespace fx::server {

ServerOptions ServerOptions::fromSettings(const core::Settings &s)
{
    ServerOptions o;
    if (s.host == u"localhost")
        o.address = QHostAddress::LocalHost;
    else if (s.host == u"*" || s.host == u"0.0.0.0")
        o.address = QHostAddress::AnyIPv4;
    else if (s.host == u"::")
        o.address = QHostAddress::Any;
    else
        o.address = QHostAddress(s.host);
    o.port = s.port;
    o.maxClients = s.maxClients;
    o.pingIntervalMs = std::max(1, int(std::lround(s.pingInterval * 1000)));
    o.pingTimeoutMs = std::max(1, int(std::lround(s.pingTimeout * 1000)));
    o.maxMessageSize = s.maxMessageSize;
    o.ioThreads = s.effectiveIoThreads();
    o.rateLimit = s.rateLimit;
    o.rateBurst = s.rateBurst;
    o.sendQueueLimit = s.sendQueueLimit;
    o.corsOrigins = s.corsOrigins.isEmpty() ? QStringList{QStringLiteral("*")} : s.corsOrigins;
    o.instruments = core::InstrumentSet(s.pairs);
    return o;
}

bool ServerOptions::originAllowed(const QByteArray &origin) const
{
    if (corsOrigins.contains(QStringLiteral("*")))
        return true;
    const QString o = QString::fromUtf8(origin).trimmed();
    for (const QString &allowed : corsOrigins)
        if (allowed.compare(o, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace fx::server
