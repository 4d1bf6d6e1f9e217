#pragma once

#include "auth/tokenverifier.h"
#include "core/instruments.h"
#include "core/settings.h"
#include "server/socketioapplication.h"

#include <QHostAddress>
#include <QStringList>

#include <algorithm>
#include <functional>
#include <vector>

namespace fx::server {

class AlertHistorySource; // server/alerthistory.h
class RuleStore; // server/rulestore.h
struct FiredRule; // server/alertservice.h

// Everything the streaming server needs to know, fixed for the life of one StreamServer (what a
// SIGHUP may change is read through ServerContext: origins, rate limits, token verifier, and
// ConnectionLimits' per-address limit).
struct ServerOptions
{
    // What runs behind /socket.io/ (and /engine.io/ when it asks for it): one instance per I/O
    // thread. Empty: the product (ProductSocketIoApp).
    SocketIoApplicationFactory socketIoApplication;

    QHostAddress address = QHostAddress::Any;
    quint16 port = 5001;
    int maxClients = 1000;
    int maxClientsPerIp = 0; // WEBSOCKET_MAX_CONNECTIONS_PER_IP (SECURITY.md, "Bounds"); 0 = no limit
    core::TrustedProxies trustedProxies; // WEBSOCKET_TRUSTED_PROXIES (SECURITY.md, "Behind a proxy")
    int pingIntervalMs = 25000;
    int pingTimeoutMs = 5000;
    qint64 maxMessageSize = 65536;
    int ioThreads = 1;
    double rateLimit = 100; // requests per second per client
    int rateBurst = 200;
    qint64 sendQueueLimit = 4 * 1024 * 1024; // bytes; over it a client is disconnected
    // CORS_ALLOWED_ORIGINS (SECURITY.md, "Origins (CORS)"): "*" (any origin, never with
    // credentials), or the origins allowed, "null" only when listed.
    QStringList corsOrigins{QStringLiteral("*")};
    // WEBSOCKET_ADMIN_TOKEN (SECURITY.md, "Admin endpoints"): empty = /metrics open, /health
    // minimal; set = both need "Authorization: Bearer <token>", get_server_stats is redacted.
    QString adminToken;
    // WEBSOCKET_AUTH (SECURITY.md, "Tokens"): null = none; set = every client presents a token
    // this verifier accepts. Read-only, shared by every I/O thread.
    std::shared_ptr<const auth::TokenVerifier> tokenVerifier;
    QString authError; // WEBSOCKET_AUTH=jwt whose keys could not be loaded: the server does not start
    // WEBSOCKET_TLS_CERT / WEBSOCKET_TLS_KEY (SECURITY.md, "TLS"): PEM files; both empty = plain
    // ws:// and http://. Read and checked by TlsContext when the server starts and on reload.
    QString tlsCertPath;
    QString tlsKeyPath;
    core::InstrumentSet instruments;
    // get_alert_history (PROTOCOL.md): where the stored alerts are read; null: the request is
    // answered HISTORY_UNAVAILABLE. Shared by every I/O thread (server/alerthistory.h).
    std::shared_ptr<AlertHistorySource> alertHistory;
    // PROTOCOL.md, "Alert rules": every batch of rules that fired (clients' and the desk's), on
    // the publishing thread, after the owners' price_alert went out; it must not block (the
    // engine stores them in the alert history and hands the desk's to the window). Null: none.
    std::function<void(const std::vector<FiredRule> &)> onRulesFired;
    int listenBacklog = 4096;
    int handshakeTimeoutMs = 10000; // HTTP head / WebSocket handshake
    int httpIdleTimeoutMs = 30000; // idle keep-alive HTTP connection
    int rateLimitCloseAfterMs = 10000; // continuously over the rate limit this long: close 1008
    int slowConsumerGraceMs = 30000; // over the soft queue limit this long: disconnect
    qint64 eioMaxPayload = 1000000; // Engine.IO maxPayload (POST body, WebSocket message)
    int sioConnectTimeoutMs = 45000; // an Engine.IO connection that joins no namespace by then is closed
    int upgradeTimeoutMs = 10000; // a probe WebSocket that does not send "5" by then is closed
    // PROTOCOL.md, "History and recovery" (issue 13): WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE,
    // WEBSOCKET_HISTORY_SIZE (messages per stream; 0: no history, no offsets),
    // WEBSOCKET_HISTORY_TTL (seconds), WEBSOCKET_SIO_RECOVERY (Socket.IO connection state recovery).
    bool snapshotOnSubscribe = false;
    int historySize = 1000;
    int historyTtlSeconds = 300;
    bool sioRecovery = false;
    // PROTOCOL.md, "Alert rules": WEBSOCKET_MAX_ALERTS_PER_CLIENT and WEBSOCKET_MAX_ALERTS (the
    // values at start; a SIGHUP may change them through ServerContext::alerts()).
    int maxAlertsPerClient = 100;
    int maxAlerts = 100000;
    // PROTOCOL.md, "Alert rules": where identified users' rules and rooms are kept between
    // connections (null: nowhere, they live as long as this server);
    // WEBSOCKET_RESTORE_SUBSCRIPTIONS: rejoin the stored rooms when the user is identified.
    std::shared_ptr<RuleStore> ruleStore;
    bool restoreSubscriptions = false;

    static ServerOptions fromSettings(const core::Settings &s);
    // Soft limit: above it price updates are conflated (latest per pair).
    qint64 softQueueLimit() const { return std::min<qint64>(256 * 1024, sendQueueLimit / 4); }
    // "*" is listed (or nothing is): any origin, answered "Access-Control-Allow-Origin: *".
    bool anyOrigin() const;
    // An Origin header's value is allowed: any with anyOrigin(), else one listed exactly
    // (scheme, host and port, compared in canonical form). False for an empty value.
    bool originAllowed(QByteArrayView origin) const;
    // The same for any list of CORS_ALLOWED_ORIGINS (ServerContext: the list reloaded on SIGHUP).
    static bool anyOriginIn(const QStringList &origins);
    static bool originAllowedBy(const QStringList &origins, QByteArrayView origin);
    // The listen address reaches beyond this machine (anything but 127.0.0.0/8 and ::1).
    bool listensBeyondLoopback() const { return !address.isLoopback(); }
    bool tlsEnabled() const { return !tlsCertPath.isEmpty(); }
    // Engine.IO sessions (with or without a namespace) at most.
    int maxEngineSessions() const { return maxClients + 1024; }
    // Period of the shards' housekeeping timer (keep-alive, timeouts).
    int tickMs() const { return std::clamp(std::min(pingIntervalMs, pingTimeoutMs) / 20, 5, 250); }
};

} // namespace fx::server
