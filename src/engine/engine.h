#pragma once

// The running product, composed: the streaming server, the Redis subscriber on its thread, the
// relay between them, the storage, and the buffer of live market data the desktop drains.
// fxmonitor-server runs one; the desktop app runs one and shows it.
//
// Thread contract: an Engine lives on the main thread and is used only there. The server, the
// subscriber and the storage run on their own threads; nothing here waits on a socket or the
// database. What the desktop reads goes through the narrow part of the interface below: plain
// values (status(), listenAddress()), asynchronous requests (requestClients(), the storage
// reader) and fire-and-forget commands (disconnectClient(), acknowledge*()).

#include "core/instruments.h"
#include "core/settings.h"
#include "engine/alertrulerow.h"
#include "engine/enginestatus.h"
#include "engine/marketdeltabuffer.h"
#include "engine/relay.h"
#include "server/clientinfo.h"
#include "storage/storagetypes.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>
#include <vector>

namespace fx::redis {
class RedisSubscriber;
class RedisSubscriberThread;
} // namespace fx::redis
namespace fx::server {
class StreamServer;
struct FiredRule;
} // namespace fx::server
namespace fx::storage {
class Storage;
class StorageReader;
class StorageThread;
} // namespace fx::storage

namespace fx::engine {

class FleetWatch;
class FleetHeartbeat;
class StorageAlertHistory;
class StorageRuleStore;
class StoredRules;

class Engine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Engine)

public:
    explicit Engine(core::Settings settings, QObject *parent = nullptr);
    ~Engine() override;

    // --- life cycle ---
    // Starts the storage, the server (binds; false with *error) and the Redis subscriber.
    bool start(QString *error);
    // Desktop app: the storage and the Redis subscriber start whatever happens, then the
    // server; a server that cannot start (port in use) is reported in *error (false) and can be
    // started later with startServer() once the operator has changed its settings.
    // Monitor-only desk (EMBEDDED_SERVER=false, ARCHITECTURE.md "Monitor-only desk"): no server
    // at all, and the storage only reads (and takes the operator's acknowledgements): the
    // servers that share the database write the ticks, alerts and connections.
    bool startKeepingPipeline(QString *error);
    // Desktop app, before start: watch the fleet (ARCHITECTURE.md, "Fleet watch"): the Redis
    // subscriber also follows the fleet channel and reads the fleet keys after each connect.
    void watchFleet();
    FleetWatch *fleet() const { return m_fleet; } // null unless watchFleet() was called
    // EMBEDDED_SERVER=false: the monitor-only desk.
    // Fixed by startKeepingPipeline(): EMBEDDED_SERVER takes effect when the desk starts (the
    // headless server, started with start(), ignores it).
    bool monitorOnly() const { return m_monitorOnly; }
    // Desktop app: replaces the Redis subscriber with one for new REDIS_* settings (the server
    // and the storage keep running; clients stay connected).
    void restartRedis(const core::Settings &settings);
    // Graceful stop of everything; emits stopped().
    void stop();
    // The server alone, with new settings (desktop app): stop, then start again.
    bool startServer(const core::Settings &settings, QString *error);
    void stopServer();

    // --- what the desktop reads and asks ---
    const core::Settings &settings() const { return m_settings; }
    const core::InstrumentSet &instruments() const { return m_deltas->instruments(); }
    bool serverRunning() const;
    QHostAddress listenAddress() const; // null when the server is not running
    quint16 listenPort() const; // 0 when the server is not running
    // SECURITY.md, "TLS": the running server serves wss:// and https://.
    bool serverTls() const;
    // Operator action: the running server re-reads its TLS certificate and key; connected
    // clients stay. False (nothing changed) when TLS is off or a file is bad; *message says
    // what happened, one line without key material. Reads two small files; never blocks on
    // a socket.
    bool reloadTls(QString *message);
    // SIGHUP in fxmonitor-server (docs/OPERATIONS.md, "Reload"): the settings the running
    // server takes without a restart, CORS_ALLOWED_ORIGINS, WEBSOCKET_MAX_CONNECTIONS_PER_IP,
    // WEBSOCKET_RATE_LIMIT and WEBSOCKET_RATE_BURST, from s; they also stay for a later
    // startServer(). Never blocks.
    void applyRuntimeSettings(const core::Settings &s);
    // SIGHUP, SECURITY.md "Tokens": with WEBSOCKET_AUTH=jwt running, the keys, audience and
    // issuer of s (the running leeway kept; the public key file read again) check new tokens
    // from now on; connected clients stay. False with *error (nothing changed) when the keys
    // cannot be loaded or authentication is off.
    bool reloadTokenKeys(const core::Settings &s, QString *error);
    // A sample of the server's counters and the Redis and database states (never blocks).
    EngineStatus status() const;
    // A snapshot of every connected client, collected on the I/O threads; `done` runs on
    // context's thread. Nothing is called when the server is not running or stops first.
    void requestClients(QObject *context, const std::function<void(const QList<server::ClientInfo> &)> &done);
    // Operator action: disconnects one client (no-op when it is gone).
    void disconnectClient(const QByteArray &clientId);
    // The desk's alert rules panel: every alert rule of the running server, copied on its I/O
    // threads; `done` runs on context's thread (queued). Nothing is called when the server is
    // not running (or stops first).
    void requestAlertRules(QObject *context, const std::function<void(const QList<AlertRuleRow> &)> &done);
    // Operator actions on any owner's rule (no-op when the server is not running or the rule is
    // gone); the owner, when connected, is told. Never blocks.
    void setAlertRuleEnabled(const QString &id, bool enabled);
    void deleteAlertRule(const QString &id);
    // The operator's own rule (PROTOCOL.md, "Desk rules"): `data` is a set_alert payload that
    // may also say "broadcast", read by the same parser a client's goes through. When it is
    // not valid, or the server is not running, returns false with *field and *message (what a
    // client would be told) and nothing is sent. Else the server adds it on an I/O thread and
    // `done` runs on context's thread (queued) with its id or the refusal (a limit). Never blocks.
    bool addDeskRule(const QJsonObject &data, QObject *context, std::function<void(const DeskRuleResult &)> done,
                     QString *field, QString *message);
    // Live market data (fed from the Redis thread, drained by the desktop's timer).
    MarketDeltaBuffer *marketDeltas() const { return m_deltas.get(); }
    // Asynchronous reads of the stored history (null without storage).
    storage::StorageReader *storageReader() const;
    bool hasStorage() const;
    // Operator acknowledgements, written by the storage thread (no-op without storage).
    void acknowledgeAlerts(const QList<qint64> &ids, const QString &by);
    void acknowledgeMatching(const storage::AlertFilter &filter, const QString &by);

    // ARCHITECTURE.md, "Fleet heartbeat": the "mode" the heartbeat reports, "desktop" unless the
    // headless server says "headless" (before start()).
    void setFleetMode(const QString &mode) { m_fleetMode = mode; }

    // --- the parts themselves, for the executables' start-up, tests and benchmarks ---
    server::StreamServer *server() const { return m_server.get(); }
    storage::Storage *storage() const;

Q_SIGNALS:
    void serverStarted();
    void serverStopped();
    void stopped();
    // The stored alerts changed: a batch with alerts or acknowledgements was committed.
    void storedAlertsChanged();
    // Desk rules fired (PROTOCOL.md, "Desk rules"): their alert history rows (id 0: the database
    // gives it when it commits them), for the live alerts and the tray.
    void deskAlertsFired(const QList<fx::storage::AlertRecord> &alerts);
    void databaseStatusChanged(const fx::storage::StorageStatus &status);

private:
    void startStorage();
    void startRedis();
    void onServerStopped();
    void connectServerToStorage(server::StreamServer *server);
    // ServerOptions::onRulesFired (deskrules.cpp): fired rules into the alert history, the
    // desk's also to this (main) thread as deskAlertsFired.
    std::function<void(const std::vector<server::FiredRule> &)> firedRulesSink();
    redis::RedisSubscriber *subscriber() const;
    void attachHeartbeat();
    void detachHeartbeat();

    core::Settings m_settings;
    Relay m_relay;
    std::unique_ptr<MarketDeltaBuffer> m_deltas;
    std::unique_ptr<server::StreamServer> m_server;
    std::unique_ptr<redis::RedisSubscriberThread> m_redis;
    std::unique_ptr<storage::StorageThread> m_storage; // outlives the server (its threads write to it)
    // get_alert_history's reader (every server this engine starts); detached before m_storage goes.
    std::shared_ptr<StorageAlertHistory> m_alertHistory;
    std::shared_ptr<StorageRuleStore> m_ruleStore;
    std::shared_ptr<StoredRules> m_storedRules; // the panel's rules of users not connected here
    FleetWatch *m_fleet = nullptr; // child of this engine
    bool m_monitorOnly = false;
    // Publishes the running server's heartbeat; made with the first server, detached before a
    // server goes away.
    std::unique_ptr<FleetHeartbeat> m_heartbeat;
    QString m_fleetMode = QStringLiteral("desktop");
    bool m_stopping = false;
};

} // namespace fx::engine
