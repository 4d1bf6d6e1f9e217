#pragma once

// One sample of the running product's health, as the desktop shows it: the server (listening
// or not, its counters), the Redis subscription and the database. Engine::status() takes it
// without waiting on anything (lock-free counters and short-locked status copies).

#include "redis/redisstatus.h"
#include "server/serverstats.h"
#include "storage/storagetypes.h"

#include <QJsonObject>
#include <QString>

namespace fx::engine {

struct EngineStatus
{
    bool serverRunning = false;
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

    bool hasDatabase = false;
    storage::StorageStatus database;
};

} // namespace fx::engine
