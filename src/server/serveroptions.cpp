#include "server/serveroptions.h"

#include "core/weborigin.h"

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
    o.maxClientsPerIp = s.maxConnectionsPerIp;
    o.trustedProxies = s.trustedProxies;
    o.pingIntervalMs = std::max(1, int(std::lround(s.pingInterval * 1000)));
    o.pingTimeoutMs = std::max(1, int(std::lround(s.pingTimeout * 1000)));
    o.maxMessageSize = s.maxMessageSize;
    o.ioThreads = s.effectiveIoThreads();
    o.rateLimit = s.rateLimit;
    o.rateBurst = s.rateBurst;
    o.sendQueueLimit = s.sendQueueLimit;
    o.corsOrigins = s.corsOrigins.isEmpty() ? QStringList{QStringLiteral("*")} : s.corsOrigins;
    o.adminToken = s.adminToken;
    o.tlsCertPath = s.tlsCert;
    o.tlsKeyPath = s.tlsKey;
    o.instruments = core::InstrumentSet(s.pairs);
    o.snapshotOnSubscribe = s.snapshotOnSubscribe;
    o.restoreSubscriptions = s.restoreSubscriptions;
    o.historySize = s.historySize;
    o.historyTtlSeconds = s.historyTtlSeconds;
    o.sioRecovery = s.sioRecovery;
    o.maxAlertsPerClient = s.maxAlertsPerClient;
    o.maxAlerts = s.maxAlerts;
    if (s.authMode == u"jwt") {
        // Checked at start-up already (app::initialise); should the keys have gone since, the
        // server refuses to start (StreamServer::start) rather than run without authentication.
        QString error;
        o.tokenVerifier = auth::TokenVerifier::fromSettings(s, &error);
        o.authError = o.tokenVerifier ? QString() : error;
    }
    return o;
}

bool ServerOptions::anyOrigin() const
{
    return anyOriginIn(corsOrigins);
}

bool ServerOptions::originAllowed(QByteArrayView origin) const
{
    return originAllowedBy(corsOrigins, origin);
}

bool ServerOptions::anyOriginIn(const QStringList &corsOrigins)
{
    return corsOrigins.isEmpty() || corsOrigins.contains(QStringLiteral("*"));
}

bool ServerOptions::originAllowedBy(const QStringList &corsOrigins, QByteArrayView origin)
{
    if (origin.isEmpty())
        return false;
    if (anyOriginIn(corsOrigins))
        return true;
    const QString text = QString::fromLatin1(origin);
    if (text == u"null") // sandboxed frames, file:// pages: only when listed literally
        return corsOrigins.contains(QStringLiteral("null"));
    const std::optional<QString> canonical = core::canonicalOrigin(text);
    if (!canonical)
        return false;
    for (const QString &allowed : corsOrigins)
        if (core::canonicalOrigin(allowed) == canonical)
            return true;
    return false;
}

} // namespace fx::server
