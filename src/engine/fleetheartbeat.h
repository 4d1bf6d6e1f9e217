#pragma once

// ARCHITECTURE.md, "Fleet heartbeat": once a second, on a thread of its own, the running server
// publishes who it is and how it is doing to Redis: SET <P>fxmonitor:fleet:<server_id> <json>
// PX 10000 and PUBLISH <P>fxmonitor:fleet <json>. A server that stops cleanly DELetes its key
// and PUBLISHes a "leave" message, bounded by about a second so a stop never hangs on Redis.
// While Redis is down each tick fails fast and is retried a second later; one warning is logged
// when it starts failing and one line when it works again.
//
// Thread contract: construct, attach(), detach() and destroy on the owner's (main) thread. The
// Redis client (redis::RedisPublisher, blocking) lives on the heartbeat thread only.

#include "core/settings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <memory>

namespace fx::core {
class WorkerThread;
}
namespace fx::server {
class ServerContext;
struct StatsSnapshot;
} // namespace fx::server

namespace fx::engine {

class HeartbeatWorker;

// What stays the same for as long as one server runs.
struct HeartbeatIdentity
{
    QString serverId; // WEBSOCKET_SERVER_ID, or <hostname>:<port>
    QString mode; // "headless" or "desktop"
    QString host;
    qint64 pid = 0;
    QString listen; // bound address and port
    bool tls = false;
    qint64 startedAtMs = 0; // wall clock
};

class FleetHeartbeat
{
public:
    static constexpr int kIntervalMs = 1000;
    static constexpr int kKeyTtlMs = 10000;
    static constexpr int kRedisTimeoutMs = 1000; // connect and reply; bounds the leave at stop

    // Starts the heartbeat thread; nothing is published before attach().
    explicit FleetHeartbeat(const core::Settings &settings);
    // Leaves if still attached (bounded), then joins the thread.
    ~FleetHeartbeat();
    FleetHeartbeat(const FleetHeartbeat &) = delete;
    FleetHeartbeat &operator=(const FleetHeartbeat &) = delete;

    // Publishes for this running server from now on (the first heartbeat at once). context must
    // stay valid until detach().
    void attach(const HeartbeatIdentity &identity, const server::ServerContext *context);
    // Stops publishing for the server; the leave is sent on the heartbeat thread (never waited
    // for here). Waits only for a sample of the counters in progress (microseconds).
    void detach();
    // New REDIS_* settings (the desktop's Redis restart): what was queued before (a leave) still
    // goes to the old Redis, what comes after to the new one. Never waits.
    void setSettings(const core::Settings &settings);

    // The default WEBSOCKET_SERVER_ID: <hostname>:<port> (the host name shortened to fit 128).
    static QString defaultServerId(quint16 port);
    // Names (prefix = REDIS_CHANNEL_PREFIX).
    static QByteArray keyFor(const QString &prefix, const QString &serverId);
    static QByteArray channelFor(const QString &prefix);

    // The heartbeat message (compact JSON); prev* are the sent counters of the previous one.
    static QJsonObject heartbeatJson(const HeartbeatIdentity &id, qint64 seq, const server::StatsSnapshot &stats,
                                     const QJsonObject &redis, const QJsonObject &database, double messagesPerS,
                                     double bytesPerS, qint64 nowMs);
    static QJsonObject leaveJson(const QString &serverId, qint64 nowMs);

private:
    HeartbeatWorker *m_worker; // owned by m_thread
    std::unique_ptr<core::WorkerThread> m_thread;
};

} // namespace fx::engine
