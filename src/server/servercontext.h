#pragma once

// State shared by every thread of one StreamServer: immutable options (but for the few a SIGHUP
// replaces, held here: origins, rate limits, the token verifier), lock-free statistics,
// and the status of the components around the server (Redis, database), which other threads
// set and readers copy under a mutex.

#include "server/alertservice.h"
#include "server/connectionlimits.h"
#include "server/feedstatus.h"
#include "server/recoverysessions.h"
#include "server/serveroptions.h"
#include "server/serverstats.h"
#include "server/streamhistory.h"
#include "server/tlscontext.h"

#include <QJsonObject>
#include <QMutex>
#include <atomic>
#include <functional>

namespace fx::server {

class ServerContext
{
public:
    explicit ServerContext(ServerOptions options);

    const ServerOptions &options() const { return m_options; }
    // CORS_ALLOWED_ORIGINS (SECURITY.md, "Origins (CORS)"): the options' list until
    // setCorsOrigins() replaces it (SIGHUP, docs/OPERATIONS.md "Reload"); any thread.
    bool anyOrigin() const;
    bool originAllowed(QByteArrayView origin) const;
    void setCorsOrigins(const QStringList &origins);
    // WEBSOCKET_RATE_LIMIT and WEBSOCKET_RATE_BURST: the options' values until setRateLimits()
    // replaces them (SIGHUP); any thread, lock-free (a request read during a reload may see one
    // old and one new value).
    struct RateLimits
    {
        double perSecond;
        int burst;
    };
    RateLimits rateLimits() const
    {
        return {m_ratePerSecond.load(std::memory_order_relaxed), m_rateBurst.load(std::memory_order_relaxed)};
    }
    void setRateLimits(double perSecond, int burst);
    // WEBSOCKET_AUTH=jwt (SECURITY.md, "Tokens"): the verifier new tokens are checked with, the
    // options' one until setTokenVerifier() replaces it (SIGHUP: new keys); null without
    // authentication. Any thread. Whether authentication is on never changes while running
    // (options().tokenVerifier says it), nor does the leeway.
    std::shared_ptr<const auth::TokenVerifier> tokenVerifier() const;
    void setTokenVerifier(std::shared_ptr<const auth::TokenVerifier> verifier);
    const core::InstrumentSet &instruments() const { return m_options.instruments; }
    ServerStats &stats() { return m_stats; }
    // SECURITY.md, "TLS": the current certificate and the handshake counters (any thread).
    TlsContext &tls() { return m_tls; }
    const TlsContext &tls() const { return m_tls; }
    const ServerStats &stats() const { return m_stats; }
    // SECURITY.md, "Bounds": handshakes and clients by remote address (any thread).
    ConnectionLimits &limits() { return m_limits; }
    // PROTOCOL.md, "History and recovery": the streams' history and positions, and the Socket.IO
    // sessions waiting to be recovered (any thread).
    StreamHistory &history() { return m_history; }
    RecoverySessions &recoverySessions() { return m_recoverySessions; }
    // PROTOCOL.md, "Alert rules": every client's rules (any thread).
    AlertService &alerts() { return m_alerts; }
    const AlertService &alerts() const { return m_alerts; }

    // Any thread. Objects as shown in server_stats / health, e.g.
    // {"connected": true, "state": "connected", "channels": [...]}.
    void setRedisStatus(const QJsonObject &status);
    // When set, called (on any thread, outside our locks) instead of the last status set.
    void setRedisStatusProvider(std::function<QJsonObject()> provider);
    void setDatabaseStatus(const QJsonObject &status);
    // Extra fields merged into server_stats (e.g. market_sessions), computed on demand.
    void setStatsExtension(std::function<QJsonObject()> provider);
    QJsonObject redisStatus() const;
    // PROTOCOL.md, feed_status (any thread): what connection_established says.
    void setFeedStatus(const FeedStatus &status);
    FeedStatus feedStatus() const;
    QJsonObject databaseStatus() const;

    // Every shard, set once before the server accepts connections; read-only afterwards.
    void setShards(QList<class IoShard *> shards) { m_shards = std::move(shards); }
    const QList<class IoShard *> &shards() const { return m_shards; }
    // The shard that owns an Engine.IO session id (a pure function of the id).
    int shardForSid(QByteArrayView sid) const;
    // A new Engine.IO session id that maps to shard `index`.
    QByteArray newSidForShard(int index) const;
    std::atomic<int> engineSessions{0};
    // get_alert_history queries running (server/alerthistory.h, kMaxHistoryQueriesPerServer).
    std::atomic<int> historyQueries{0};

    // The get_server_stats reply of PROTOCOL.md ("Requests you send"); without endpoints, paths
    // and error texts when an admin token is configured (SECURITY.md, "Admin endpoints").
    QJsonObject statsPayload() const;
    // GET /health body: the detailed one (for the admin token) and {"status": ...} alone.
    QJsonObject healthPayload() const;
    QJsonObject minimalHealthPayload() const;
    // GET /metrics body (Prometheus text exposition 0.0.4).
    QByteArray metricsText() const;

private:
    ServerOptions m_options;
    ServerStats m_stats;
    TlsContext m_tls;
    ConnectionLimits m_limits;
    StreamHistory m_history;
    RecoverySessions m_recoverySessions;
    AlertService m_alerts;
    std::atomic<double> m_ratePerSecond;
    std::atomic<int> m_rateBurst;
    mutable QMutex m_verifierMutex;
    std::shared_ptr<const auth::TokenVerifier> m_verifier; // under m_verifierMutex
    mutable QMutex m_corsMutex;
    QStringList m_cors; // under m_corsMutex
    mutable QMutex m_statusMutex;
    QJsonObject m_redis;
    QJsonObject m_database;
    FeedStatus m_feed;
    std::function<QJsonObject()> m_extension;
    std::function<QJsonObject()> m_redisProvider;
    QList<class IoShard *> m_shards;
};

} // namespace fx::server
