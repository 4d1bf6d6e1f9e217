#pragma once

// One sample of the running product's health, as the desktop shows it: the server (listening
// or not, its counters), the Redis subscription and the database. Engine::status() takes it
// without waiting on anything (lock-free counters and short-locked status copies).

#include "redis/redisstatus.h"
#include "server/serverstats.h"
#include "storage/storagetypes.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace fx::engine {

// One outage of the market data feed (the Redis subscriber without a connection), wall clock.
struct FeedOutage
{
    qint64 startMicros = 0;
    qint64 endMicros = 0; // 0: still going on
};

struct EngineStatus
{
    bool serverRunning = false;
    bool monitorOnly = false; // EMBEDDED_SERVER=false: there is no embedded server at all
    QString listenAddress; // "0.0.0.0:5001" (empty when stopped)
    // Listening beyond loopback with WEBSOCKET_AUTH=none (SECURITY.md, "Admin endpoints"):
    // anyone who reaches the port reads every price and alert.
    bool openToNetwork = false;
    bool tls = false; // wss:// and https:// (SECURITY.md, "TLS")
    QString tlsCertificate; // the certificate new connections get (subject, issuer, serial, expiry)
    quint64 tlsHandshakeFailures = 0; // every reason of fxmonitor_tls_handshake_failures_total
    const void *serverIdentity = nullptr; // changes when the server is restarted (rates restart)
    server::StatsSnapshot stats;

    bool hasRedis = false;
    redis::RedisStatus redis;
    QJsonObject redisJson; // per-channel "messages" and "dropped" as in server_stats
    // Feed outages, oldest first (the newest Relay::kMaxFeedOutages), for the charts' shaded gaps.
    QList<FeedOutage> feedOutages;

    bool hasDatabase = false;
    storage::StorageStatus database;
};

} // namespace fx::engine
