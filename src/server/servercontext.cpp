#include "server/servercontext.h"

#include "core/memoryreclaim.h"
#include "core/timeutil.h"
#include "core/version.h"
#include "server/adminaccess.h"
#include "server/client.h"

#include <QJsonArray>

namespace fx::server {

ServerContext::ServerContext(ServerOptions options)
    : m_options(std::move(options))
    , m_stats(m_options.ioThreads, m_options.instruments.size(), m_options.maxClients)
    , m_tls(m_options.tlsCertPath, m_options.tlsKeyPath)
    , m_limits(m_options.maxClientsPerIp, m_options.trustedProxies)
    , m_history(m_options.instruments.size(), m_options.historySize, m_options.historyTtlSeconds, m_options.sioRecovery)
    , m_recoverySessions(m_options.maxClients, m_options.historyTtlSeconds)
    // PROTOCOL.md, "Alert rules": ids "<prefix>-<n>", the prefix new with each server start so
    // that ids stay unique across restarts and across the servers of a fleet.
    , m_alerts(m_options.instruments, QString::fromLatin1(newSessionId().left(6)),
               rules::RuleBookLimits{m_options.maxAlertsPerClient, m_options.maxAlerts})
{
    m_redis = QJsonObject{{QStringLiteral("connected"), false},
                          {QStringLiteral("state"), QStringLiteral("not_configured")},
                          {QStringLiteral("channels"), QJsonArray{}}};
    m_database = QJsonObject{{QStringLiteral("state"), QStringLiteral("not_configured")}};
    m_alerts.setStore(m_options.ruleStore);
    m_cors = m_options.corsOrigins;
    setRateLimits(m_options.rateLimit, m_options.rateBurst);
    m_verifier = m_options.tokenVerifier;
}

std::shared_ptr<const auth::TokenVerifier> ServerContext::tokenVerifier() const
{
    QMutexLocker lock(&m_verifierMutex);
    return m_verifier;
}

void ServerContext::setTokenVerifier(std::shared_ptr<const auth::TokenVerifier> verifier)
{
    QMutexLocker lock(&m_verifierMutex);
    m_verifier = std::move(verifier);
}

void ServerContext::setRateLimits(double perSecond, int burst)
{
    m_ratePerSecond.store(perSecond, std::memory_order_relaxed);
    m_rateBurst.store(burst, std::memory_order_relaxed);
}

bool ServerContext::anyOrigin() const
{
    QMutexLocker lock(&m_corsMutex);
    return ServerOptions::anyOriginIn(m_cors);
}

bool ServerContext::originAllowed(QByteArrayView origin) const
{
    QStringList origins;
    {
        QMutexLocker lock(&m_corsMutex);
        origins = m_cors; // shared, not copied
    }
    return ServerOptions::originAllowedBy(origins, origin);
}

void ServerContext::setCorsOrigins(const QStringList &origins)
{
    QMutexLocker lock(&m_corsMutex);
    m_cors = origins.isEmpty() ? QStringList{QStringLiteral("*")} : origins;
}

int ServerContext::shardForSid(QByteArrayView sid) const
{
    const int n = std::max(1, int(m_shards.size()));
    return int(qHash(sid, size_t(0x5eed)) % size_t(n));
}

QByteArray ServerContext::newSidForShard(int index) const
{
    for (;;) {
        QByteArray sid = newSessionId();
        if (shardForSid(sid) == index)
            return sid;
    }
}

void ServerContext::setRedisStatus(const QJsonObject &status)
{
    QMutexLocker lock(&m_statusMutex);
    m_redis = status;
}

void ServerContext::setDatabaseStatus(const QJsonObject &status)
{
    QMutexLocker lock(&m_statusMutex);
    m_database = status;
}

void ServerContext::setStatsExtension(std::function<QJsonObject()> provider)
{
    QMutexLocker lock(&m_statusMutex);
    m_extension = std::move(provider);
}

void ServerContext::setRedisStatusProvider(std::function<QJsonObject()> provider)
{
    QMutexLocker lock(&m_statusMutex);
    m_redisProvider = std::move(provider);
}

void ServerContext::setFeedStatus(const FeedStatus &status)
{
    QMutexLocker lock(&m_statusMutex);
    m_feed = status;
}

FeedStatus ServerContext::feedStatus() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_feed;
}

QJsonObject ServerContext::redisStatus() const
{
    std::function<QJsonObject()> provider;
    {
        QMutexLocker lock(&m_statusMutex);
        if (!m_redisProvider)
            return m_redis;
        provider = m_redisProvider;
    }
    return provider();
}

QJsonObject ServerContext::databaseStatus() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_database;
}

QJsonObject ServerContext::statsPayload() const
{
    const StatsSnapshot s = m_stats.snapshot();
    QJsonObject rooms;
    for (int i = 0; i < instruments().size(); ++i)
        rooms.insert(instruments().room(i), s.roomSubscribers[size_t(i)]);
    QJsonObject errors;
    for (int i = 0; i < protocol::kErrorCodeCount; ++i)
        errors.insert(protocol::errorCodeName(protocol::ErrorCode(i)), qint64(s.errors[size_t(i)]));
    QJsonObject disconnects;
    for (int i = 0; i < kDisconnectReasonCount; ++i)
        disconnects.insert(disconnectReasonName(DisconnectReason(i)), qint64(s.disconnects[size_t(i)]));
    QJsonObject bounds;
    for (int i = 0; i < kBoundHitCount; ++i)
        bounds.insert(boundHitName(BoundHit(i)), qint64(s.boundHits[size_t(i)]));
    QJsonObject o{
        {QStringLiteral("connected_clients"), s.connectedClients},
        {QStringLiteral("peak_clients"), s.peakClients},
        {QStringLiteral("total_connections"), qint64(s.totalConnections)},
        {QStringLiteral("max_clients"), s.maxClients},
        {QStringLiteral("rooms"), rooms},
        {QStringLiteral("messages_sent"), qint64(s.messagesSent)},
        {QStringLiteral("messages_received"), qint64(s.messagesReceived)},
        {QStringLiteral("bytes_sent"), qint64(s.bytesSent)},
        {QStringLiteral("bytes_received"), qint64(s.bytesReceived)},
        {QStringLiteral("conflated_updates"), qint64(s.conflated)},
        {QStringLiteral("overload_conflated_updates"), qint64(s.overloadConflated)},
        {QStringLiteral("socketio_packets_decoded"), qint64(s.sioDecoded)},
        {QStringLiteral("socketio_attachment_bytes_buffered"), qint64(s.sioAttachmentBytes)},
        {QStringLiteral("websocket_pings_received"), qint64(s.wsPings)},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("disconnects"), disconnects},
        {QStringLiteral("bounds"), bounds},
        {QStringLiteral("alert_rules"),
         QJsonObject{{QStringLiteral("rules"), m_alerts.size()},
                     {QStringLiteral("fired"), qint64(m_alerts.firedTotal())}}},
        {QStringLiteral("uptime_seconds"), qint64(s.uptimeSeconds)},
        {QStringLiteral("server_version"), QString::fromLatin1(fx::kVersion)},
        {QStringLiteral("io_threads"), m_options.ioThreads},
        {QStringLiteral("delivery_latency"), deliveryLatencyJson(s.latency)},
        {QStringLiteral("timestamp"), core::isoNow()},
    };
    // SECURITY.md, "Admin endpoints": with a token configured, clients see states and counts only.
    const bool redact = !m_options.adminToken.isEmpty();
    o.insert(QStringLiteral("redis"), redact ? redactedRedisStatus(redisStatus()) : redisStatus());
    o.insert(QStringLiteral("database"), redact ? redactedDatabaseStatus(databaseStatus()) : databaseStatus());
    std::function<QJsonObject()> ext;
    {
        QMutexLocker lock(&m_statusMutex);
        ext = m_extension;
    }
    if (ext) {
        const QJsonObject extra = ext();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), it.value());
    }
    return o;
}

QJsonObject ServerContext::minimalHealthPayload() const
{
    return QJsonObject{{QStringLiteral("status"), healthPayload().value(QStringLiteral("status"))}};
}

QJsonObject ServerContext::healthPayload() const
{
    const StatsSnapshot s = m_stats.snapshot();
    const QJsonObject redis = redisStatus();
    const QJsonObject db = databaseStatus();
    const bool redisOk = redis.value(QStringLiteral("connected")).toBool()
        || redis.value(QStringLiteral("state")).toString() == u"not_configured";
    const QString dbState = db.value(QStringLiteral("state")).toString();
    const bool dbOk = dbState == u"ok" || dbState == u"not_configured";
    return QJsonObject{
        {QStringLiteral("status"), (redisOk && dbOk) ? QStringLiteral("ok") : QStringLiteral("degraded")},
        {QStringLiteral("clients"), s.connectedClients},
        {QStringLiteral("max_clients"), s.maxClients},
        {QStringLiteral("uptime_seconds"), qint64(s.uptimeSeconds)},
        {QStringLiteral("redis"), redis},
        {QStringLiteral("database"), db},
        {QStringLiteral("delivery_latency"), deliveryLatencyJson(s.latency)},
        {QStringLiteral("version"), QString::fromLatin1(fx::kVersion)},
        {QStringLiteral("timestamp"), core::isoNow()},
    };
}

QByteArray ServerContext::metricsText() const
{
    const StatsSnapshot s = m_stats.snapshot();
    QByteArray out;
    auto metric = [&out](const char *name, const char *type, const char *help) {
        out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
    };
    auto value = [&out](const char *name, const QByteArray &labels, double v) {
        out += name;
        if (!labels.isEmpty())
            out += '{' + labels + '}';
        out += ' ' + QByteArray::number(v, 'g', 17) + '\n';
    };
    // One series per enum value i in [from, values.size()): name{label="<nameOf(i)>"} values[i].
    auto perLabel = [&value](const char *name, const char *label, int from, const auto &values, auto nameOf) {
        for (int i = from; i < int(values.size()); ++i)
            value(name, QByteArray(label) + "=\"" + nameOf(i).toLatin1() + '"', double(values[size_t(i)]));
    };
    metric("fxmonitor_connected_clients", "gauge", "Clients connected now.");
    value("fxmonitor_connected_clients", {}, s.connectedClients);
    metric("fxmonitor_peak_clients", "gauge", "Most clients connected at once since start.");
    value("fxmonitor_peak_clients", {}, s.peakClients);
    metric("fxmonitor_max_clients", "gauge", "Configured client limit.");
    value("fxmonitor_max_clients", {}, s.maxClients);
    metric("fxmonitor_connections_total", "counter", "Clients accepted since start.");
    value("fxmonitor_connections_total", {}, double(s.totalConnections));
    metric("fxmonitor_messages_sent_total", "counter", "Messages sent to clients.");
    value("fxmonitor_messages_sent_total", {}, double(s.messagesSent));
    metric("fxmonitor_bytes_sent_total", "counter", "Bytes of messages sent to clients.");
    value("fxmonitor_bytes_sent_total", {}, double(s.bytesSent));
    metric("fxmonitor_messages_received_total", "counter", "Messages received from clients.");
    value("fxmonitor_messages_received_total", {}, double(s.messagesReceived));
    metric("fxmonitor_alert_rules", "gauge", "Alert rules held now, of every client (PROTOCOL.md, \"Alert rules\").");
    value("fxmonitor_alert_rules", {}, m_alerts.size());
    metric("fxmonitor_alert_rules_fired_total", "counter", "Alert rules fired since start.");
    value("fxmonitor_alert_rules_fired_total", {}, double(m_alerts.firedTotal()));
    metric("fxmonitor_conflated_updates_total", "counter", "Price updates replaced by a newer one for a slow client.");
    value("fxmonitor_conflated_updates_total", {}, double(s.conflated));
    metric("fxmonitor_overload_conflated_updates_total", "counter",
           "Price updates replaced by a newer one before reaching any client: the server fell behind the feed.");
    value("fxmonitor_overload_conflated_updates_total", {}, double(s.overloadConflated));
    metric("fxmonitor_socketio_packets_decoded_total", "counter",
           "Socket.IO packets decoded (after the rate and size limits admitted them).");
    value("fxmonitor_socketio_packets_decoded_total", {}, double(s.sioDecoded));
    metric("fxmonitor_socketio_attachment_bytes_buffered_total", "counter",
           "Bytes of Socket.IO binary attachments buffered until their packet was complete.");
    value("fxmonitor_socketio_attachment_bytes_buffered_total", {}, double(s.sioAttachmentBytes));
    metric("fxmonitor_websocket_pings_received_total", "counter",
           "WebSocket ping frames received from clients (metered like requests).");
    value("fxmonitor_websocket_pings_received_total", {}, double(s.wsPings));
    metric("fxmonitor_http_requests_total", "counter", "Plain HTTP requests served.");
    value("fxmonitor_http_requests_total", {}, double(s.httpRequests));
    metric("fxmonitor_origin_refused_total", "counter",
           "Browser requests and WebSocket upgrades refused (403) for an Origin outside CORS_ALLOWED_ORIGINS.");
    value("fxmonitor_origin_refused_total", {}, double(s.originRefused));
    metric("fxmonitor_admin_refused_total", "counter",
           "Requests for /health or /metrics refused (401) for a missing or wrong WEBSOCKET_ADMIN_TOKEN.");
    value("fxmonitor_admin_refused_total", {}, double(s.adminRefused));
    metric("fxmonitor_auth_refused_total", "counter",
           "Client tokens refused (WEBSOCKET_AUTH=jwt), at connect or refresh_token, by reason.");
    perLabel("fxmonitor_auth_refused_total", "reason", 1, s.authRefused,
             [](int i) { return auth::reasonName(auth::TokenFailure(i)); }); // 0 is "no failure"
    metric("fxmonitor_forbidden_total", "counter",
           "Pairs refused to clients whose token does not permit them (FORBIDDEN, forbidden_pairs).");
    value("fxmonitor_forbidden_total", {}, double(s.forbidden));
    // PROTOCOL.md, "History and recovery".
    const StreamHistory::Usage history = m_history.usage();
    metric("fxmonitor_history_messages", "gauge", "Messages held for recovery (WEBSOCKET_HISTORY_SIZE per stream).");
    value("fxmonitor_history_messages", {}, double(history.messages));
    metric("fxmonitor_history_bytes", "gauge", "Encoded bytes of the messages held for recovery.");
    value("fxmonitor_history_bytes", {}, double(history.bytes));
    metric("fxmonitor_recovered_messages_total", "counter", "Messages replayed to clients that recovered.");
    value("fxmonitor_recovered_messages_total", {}, double(s.recovered));
    metric("fxmonitor_client_errors_total", "counter",
           "Client errors by code: error events sent, and requests dropped unanswered over the rate limit.");
    perLabel("fxmonitor_client_errors_total", "code", 0, s.errors,
             [](int i) { return protocol::errorCodeName(protocol::ErrorCode(i)); });
    metric("fxmonitor_disconnects_total", "counter", "Clients disconnected, by reason.");
    perLabel("fxmonitor_disconnects_total", "reason", 0, s.disconnects,
             [](int i) { return disconnectReasonName(DisconnectReason(i)); });
    // SECURITY.md, "Bounds".
    metric("fxmonitor_bound_hits_total", "counter",
           "Connections refused or closed by a bound, accept errors and out-of-memory drops, by bound.");
    perLabel("fxmonitor_bound_hits_total", "bound", 0, s.boundHits, [](int i) { return boundHitName(BoundHit(i)); });
    metric("fxmonitor_handshakes_in_progress", "gauge", "Connections that have not completed their request head.");
    value("fxmonitor_handshakes_in_progress", {}, m_limits.handshakes());
    metric("fxmonitor_room_subscribers", "gauge", "Subscribers per room.");
    for (int i = 0; i < instruments().size(); ++i)
        value("fxmonitor_room_subscribers", "room=\"" + instruments().room(i).toLatin1() + '"',
              s.roomSubscribers[size_t(i)]);
    const QJsonObject redis = redisStatus();
    metric("fxmonitor_redis_connected", "gauge", "1 when the Redis subscriber is connected.");
    value("fxmonitor_redis_connected", {}, redis.value(QStringLiteral("connected")).toBool() ? 1 : 0);
    const QJsonObject redisMessages = redis.value(QStringLiteral("messages")).toObject();
    if (!redisMessages.isEmpty()) {
        metric("fxmonitor_redis_messages_total", "counter", "Redis Pub/Sub messages received, by channel.");
        for (auto it = redisMessages.begin(); it != redisMessages.end(); ++it)
            value("fxmonitor_redis_messages_total", "channel=\"" + it.key().toUtf8() + '"', it.value().toDouble());
        metric("fxmonitor_redis_dropped_total", "counter",
               "Redis messages rejected (invalid or unknown), by channel and reason.");
        const QJsonObject dropped = redis.value(QStringLiteral("dropped")).toObject();
        for (auto it = dropped.begin(); it != dropped.end(); ++it) {
            const QJsonObject reasons = it.value().toObject();
            for (auto r = reasons.begin(); r != reasons.end(); ++r)
                value("fxmonitor_redis_dropped_total",
                      "channel=\"" + it.key().toUtf8() + "\",reason=\"" + r.key().toUtf8() + '"', r.value().toDouble());
        }
    }
    // REDIS.md, "Sentinel" and "Cluster": replies refused as malformed, masters followed.
    if (redis.contains(QStringLiteral("bad_replies"))) {
        metric("fxmonitor_redis_bad_replies_total", "counter",
               "Sentinel or cluster replies refused as malformed (bad address, redirection or message).");
        value("fxmonitor_redis_bad_replies_total", {}, redis.value(QStringLiteral("bad_replies")).toDouble());
    }
    if (redis.contains(QStringLiteral("master_switches"))) {
        metric("fxmonitor_redis_master_switches_total", "counter", "Sentinel +switch-master events for the master.");
        value("fxmonitor_redis_master_switches_total", {}, redis.value(QStringLiteral("master_switches")).toDouble());
    }
    // The database's write side, from the status the storage thread publishes (at most a second old).
    const QJsonObject db = databaseStatus();
    metric("fxmonitor_storage_dropped_total", "counter",
           "Rows dropped unwritten because the database write buffer was full while the database could not "
           "take writes, by kind.");
    for (const auto &[kind, key] : {std::pair{"alerts", "dropped_alerts"}, std::pair{"ticks", "dropped_ticks"},
                                    std::pair{"connections", "dropped_connections"}})
        value("fxmonitor_storage_dropped_total", QByteArray("kind=\"") + kind + '"',
              db.value(QLatin1StringView(key)).toDouble());
    metric("fxmonitor_storage_rejected_rows_total", "counter", "Rows the database refused and were dropped.");
    value("fxmonitor_storage_rejected_rows_total", {}, db.value(QStringLiteral("rejected_rows")).toDouble());
    metric("fxmonitor_storage_buffered_rows", "gauge", "Rows waiting to be written to the database.");
    value("fxmonitor_storage_buffered_rows", {}, db.value(QStringLiteral("buffered_rows")).toDouble());
    // The process (PERFORMANCE.md, "Soak"): what a load left behind shows here after it stops.
    const core::ProcessUsage process = core::sampledProcessUsage(); // at most a second old
    const core::HeapUsage &heap = process.heap;
    // A figure the platform does not give (-1: the portable build, ARCHITECTURE.md "Platform
    // seams") is left out rather than reported as a number.
    if (process.residentKb >= 0) {
        metric("process_resident_memory_bytes", "gauge", "Resident memory size in bytes.");
        value("process_resident_memory_bytes", {}, double(process.residentKb) * 1024);
    }
    if (process.descriptors >= 0) {
        metric("process_open_fds", "gauge", "Number of open file descriptors.");
        value("process_open_fds", {}, process.descriptors);
    }
    if (heap.inUseBytes >= 0) {
        metric("fxmonitor_heap_in_use_bytes", "gauge", "Heap bytes in use (malloc), mmapped blocks included.");
        value("fxmonitor_heap_in_use_bytes", {}, double(heap.inUseBytes));
        metric("fxmonitor_heap_free_bytes", "gauge", "Heap bytes free inside malloc's arenas, kept for reuse.");
        value("fxmonitor_heap_free_bytes", {}, double(heap.freeBytes));
    }
    metric("fxmonitor_heap_released_bytes_total", "counter",
           "Resident bytes given back to the system by the periodic malloc_trim after a burst.");
    value("fxmonitor_heap_released_bytes_total", {}, double(heap.releasedBytes));
    metric("fxmonitor_heap_release_passes_total", "counter", "Passes of malloc_trim.");
    value("fxmonitor_heap_release_passes_total", {}, double(heap.passes));
    metric("fxmonitor_heap_release_seconds_total", "counter", "Time spent in malloc_trim passes.");
    value("fxmonitor_heap_release_seconds_total", {}, heap.passSeconds);
    metric("fxmonitor_heap_release_longest_seconds", "gauge", "The longest malloc_trim pass since start.");
    value("fxmonitor_heap_release_longest_seconds", {}, heap.longestPassSeconds);
    // ARCHITECTURE.md, "Delivery latency".
    out += prometheusHistogram("fxmonitor_delivery_latency_seconds",
                               "Seconds from the receipt of an event on the Redis thread to its write to a client's "
                               "socket, one observation per client written to.",
                               s.latency.receipt);
    out += prometheusHistogram("fxmonitor_delivery_age_seconds",
                               "Seconds from a price's own time (price.time of the payload) to its write to a "
                               "client's socket; a time after the write counts in the first bucket.",
                               s.latency.age);
    metric("fxmonitor_delivery_age_negative_total", "counter",
           "Deliveries whose payload time was after the write (the publisher's clock ahead of this server's).");
    value("fxmonitor_delivery_age_negative_total", {}, double(s.latency.age.negative));
    metric("fxmonitor_uptime_seconds", "gauge", "Seconds since the server started.");
    value("fxmonitor_uptime_seconds", {}, s.uptimeSeconds);
    out += m_tls.metricsText(); // SECURITY.md, "TLS" (nothing when TLS is off)
    return out;
}

} // namespace fx::server
