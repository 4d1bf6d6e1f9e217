#pragma once

// The fleet watch (ARCHITECTURE.md, "Fleet watch"): every fxmonitor server that publishes a
// heartbeat on the Redis fleet channel, one entry each, with its latest figures, a short history
// of its clients and messages per second, and whether it is stale (silent for longer than
// FLEET_STALE_SECONDS). A heartbeat adds or updates a server, a "leave" removes it (a clean stop:
// no alert), silence turns it stale (serverStale: an operator alert) and a heartbeat after that
// brings it back (serverReturned). Messages are validated (engine/fleetmessage.h); a bad one
// is counted per reason and logged rate-limited, never added. At most kMaxServers are tracked:
// heartbeats of further servers are counted and ignored until a tracked one leaves.
//
// Thread contract: lives on the thread that created it (the main thread: the engine's); fed by
// queued signals from the Redis subscriber's thread. Times are monotonic milliseconds (the
// desk's clock, never the sender's); ingest() and checkStale() take them explicitly so tests
// can drive the clock, and a timer calls checkStale() with the real clock.

#include "core/logging.h"
#include "engine/fleetmessage.h"

#include <QHash>
#include <QObject>
#include <QVector>
#include <array>

class QTimer;

namespace fx::engine {

struct FleetServer
{
    FleetReport heartbeat;
    qint64 firstSeenMs = 0; // monotonic
    qint64 lastSeenMs = 0; // monotonic: when the latest heartbeat arrived (or its key was written)
    qint64 lastSeenWallMs = 0; // the same moment, ms since the Unix epoch (shown to the operator)
    bool stale = false;
    qint64 staleSinceMs = 0; // monotonic, when stale
    // The last kHistory heartbeats' clients and messages per second, oldest first.
    QVector<double> clientsHistory;
    QVector<double> messagesHistory;
};

struct FleetTotals
{
    int live = 0;
    int stale = 0;
    qint64 clients = 0; // live servers only
    double messagesPerS = 0;
    double bytesPerS = 0;
};

class FleetWatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetWatch)

public:
    static constexpr int kMaxServers = 1000;
    static constexpr int kHistory = 120; // points per sparkline (two minutes at one a second)

    explicit FleetWatch(int staleSeconds, QObject *parent = nullptr);
    ~FleetWatch() override;

    static qint64 nowMs(); // the monotonic clock ingest() and checkStale() use by default

    // A message of the fleet channel, received at nowMs. False when refused (counted).
    bool ingest(const QByteArray &payload, qint64 nowMs);
    // The value of a fleet key read at start: written ageMs before nowMs (from its TTL). Never
    // older than what a heartbeat already said.
    bool ingestKey(const QByteArray &value, qint64 ageMs, qint64 nowMs);
    // Marks servers silent for longer than the stale period (a timer calls it with nowMs()).
    void checkStale(qint64 nowMs);
    void setStaleSeconds(int seconds);
    int staleSeconds() const { return m_staleMs / 1000; }
    // Forgets every server (a new Redis: the fleet is read again).
    void clear();

    // Servers in the order they were first seen.
    const QVector<FleetServer> &servers() const { return m_servers; }
    int indexOf(const QString &serverId) const { return m_index.value(serverId, -1); }
    FleetTotals totals() const;
    // Bumped on every change (the desk's model refreshes when it moved).
    quint64 revision() const { return m_revision; }

    quint64 accepted() const { return m_accepted; }
    quint64 rejected(FleetReject reason) const { return m_rejected[size_t(reason)]; }
    quint64 rejectedTotal() const;
    quint64 overLimit() const { return m_overLimit; } // heartbeats of servers beyond kMaxServers

Q_SIGNALS:
    void serverAdded(const QString &serverId);
    void serverRemoved(const QString &serverId); // a leave
    void serverStale(const QString &serverId, qint64 silentMs);
    void serverReturned(const QString &serverId, qint64 silentMs);
    void messageRejected(const QString &reason, const QString &detail);

private:
    bool accept(const FleetMessage &m, qint64 seenMs, qint64 nowMs);
    void refuse(FleetReject reason, const QString &detail);
    void remove(int index);

    qint64 m_staleMs;
    QVector<FleetServer> m_servers;
    QHash<QString, int> m_index;
    QTimer *m_timer;
    quint64 m_revision = 0;
    quint64 m_accepted = 0;
    quint64 m_overLimit = 0;
    std::array<quint64, kFleetRejectCount> m_rejected{};
    core::logging::RateLimiter m_logLimiter{5, 10000};
};

} // namespace fx::engine
