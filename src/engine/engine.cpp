#include "engine/engine.h"

#include "auth/tokenverifier.h"
#include "core/logging.h"
#include "core/marketsessions.h"
#include "core/timeutil.h"
#include "engine/fleetheartbeat.h"
#include "engine/fleetwatch.h"
#include "engine/storagealerthistory.h"
#include "engine/storagerulestore.h"
#include "engine/storedrules.h"
#include "redis/redissubscriber.h"
#include "server/servercontext.h"
#include "server/streamserver.h"
#include "storage/storagelog.h"
#include "storage/storagethread.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QPointer>
#include <QSysInfo>

namespace fx::engine {

Engine::Engine(core::Settings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_deltas(std::make_unique<MarketDeltaBuffer>(core::InstrumentSet(m_settings.pairs)))
{
}

Engine::~Engine()
{
    detachHeartbeat();
    m_heartbeat.reset(); // sends the leave (bounded by about a second), joins its thread
    m_relay.setRedisStatusSource({});
    m_redis.reset(); // joins the Redis thread: nothing publishes any more
    m_relay.setServer(nullptr);
    m_server.reset(); // joins the I/O threads: nothing records connections any more
    if (m_alertHistory)
        m_alertHistory->detach();
    if (m_ruleStore)
        m_ruleStore->detach();
    if (m_storedRules)
        m_storedRules->detach();
    m_storage.reset(); // flushes what it can, then closes the database
}

storage::Storage *Engine::storage() const
{
    return m_storage ? m_storage->storage() : nullptr;
}

storage::StorageReader *Engine::storageReader() const
{
    return m_storage ? m_storage->reader() : nullptr;
}

static storage::ConnectionRecord toRecord(const server::ClientInfo &c)
{
    storage::ConnectionRecord r;
    r.id = QString::fromLatin1(c.id);
    r.peer = c.peer;
    r.protocol = c.protocol;
    r.transport = c.transport;
    r.connectedAtMicros = c.connectedAtMicros;
    r.disconnectedAtMicros = c.disconnectReason.isEmpty() ? 0 : core::nowMicros();
    r.rooms = c.rooms;
    r.messagesSent = c.messagesSent;
    r.bytesSent = c.bytesSent;
    r.messagesReceived = c.messagesReceived;
    r.reason = c.disconnectReason;
    r.user = c.user;
    return r;
}

void Engine::connectServerToStorage(server::StreamServer *server)
{
    // Open market sessions in server_stats, computed when asked.
    server->context().setStatsExtension([] {
        return QJsonObject{{QStringLiteral("market_sessions"),
                            QJsonArray::fromStringList(core::MarketSessions::openAt(QDateTime::currentDateTimeUtc()))}};
    });
    storage::Storage *db = storage();
    if (!db)
        return;
    // Direct: these run on the I/O threads; Storage's input is thread-safe and never waits.
    // Connected as each shard is made, before its thread runs (StreamServer::setShardSetup).
    server->setShardSetup([db](server::IoShard *shard) {
        connect(
            shard, &server::IoShard::clientConnected, db,
            [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
        connect(
            shard, &server::IoShard::clientDisconnected, db,
            [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
        connect(
            shard, &server::IoShard::clientChanged, db,
            [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
    });
}

redis::RedisSubscriber *Engine::subscriber() const
{
    return m_redis ? m_redis->subscriber() : nullptr;
}

bool Engine::start(QString *error)
{
    // Storage first: the server records its connections into it from the start. Opening the
    // database happens on the storage thread; nothing here waits for it.
    startStorage();
    if (!startServer(m_settings, error))
        return false;
    startRedis();
    return true;
}

bool Engine::startKeepingPipeline(QString *error)
{
    m_monitorOnly = !m_settings.embeddedServer;
    startStorage();
    if (monitorOnly()) {
        startRedis();
        return true;
    }
    const bool serverOk = startServer(m_settings, error);
    startRedis();
    return serverOk;
}

void Engine::watchFleet()
{
    if (!m_fleet)
        m_fleet = new FleetWatch(m_settings.fleetStaleSeconds, this);
}

void Engine::restartRedis(const core::Settings &settings)
{
    m_relay.setRedisStatusSource({});
    m_redis.reset(); // joins the old subscriber's thread
    m_settings = settings;
    if (m_fleet)
        m_fleet->clear(); // another Redis, another fleet: read again from its keys
    startRedis();
    if (m_heartbeat) {
        // The leave goes to the old Redis, the heartbeats from now on to the new one.
        const bool attached = serverRunning();
        detachHeartbeat();
        m_heartbeat->setSettings(settings);
        if (attached)
            attachHeartbeat();
    }
}

void Engine::startStorage()
{
    storage::StorageConfig config = storage::StorageConfig::fromSettings(m_settings);
    config.prune = !monitorOnly(); // retention is the writing servers' job
    m_storage = std::make_unique<storage::StorageThread>(config);
    if (m_alertHistory)
        m_alertHistory->detach();
    if (m_ruleStore)
        m_ruleStore->detach();
    if (m_storedRules)
        m_storedRules->detach();
    m_alertHistory = std::make_shared<StorageAlertHistory>(m_storage->reader(), config.engine);
    // PROTOCOL.md, "Alert rules": identified users' rules and rooms (none without a database).
    m_ruleStore = config.engine == storage::Engine::None
        ? nullptr
        : std::make_shared<StorageRuleStore>(m_storage->storage(), m_storage->reader());
    m_storedRules = config.engine == storage::Engine::None
        ? nullptr
        : std::make_shared<StoredRules>(m_storage->reader(), instruments());
    storage::Storage *db = m_storage->storage();
    // Queued to this (main) thread: what the desktop listens to.
    connect(db, &storage::Storage::batchCommitted, this, [this](const storage::CommitInfo &info) {
        if (info.alerts > 0 || info.acknowledgements > 0)
            Q_EMIT storedAlertsChanged();
    });
    connect(db, &storage::Storage::acknowledged, this, [this](quint64, qint64) { Q_EMIT storedAlertsChanged(); });
    connect(db, &storage::Storage::statusChanged, this, &Engine::databaseStatusChanged);
    Relay *relayForDb = &m_relay;
    connect(
        db, &storage::Storage::statusChanged, db,
        [relayForDb, db](const storage::StorageStatus &) { relayForDb->setDatabaseStatus(db->statusJson()); },
        Qt::DirectConnection);
    m_relay.setDatabaseStatus(db->statusJson());
}

void Engine::startRedis()
{
    // Monitor-only: the servers sharing the database record the events; the desk does not
    // write a second copy of every tick and alert.
    storage::Storage *db = monitorOnly() ? nullptr : storage();
    redis::RedisConfig config = redis::RedisConfig::fromSettings(m_settings);
    if (m_fleet) {
        // ARCHITECTURE.md, "Fleet heartbeat": the channel and the keys, under REDIS_CHANNEL_PREFIX.
        config.extraChannels = {m_settings.fullChannel(QStringLiteral("fxmonitor:fleet"))};
        config.rawKeyPattern = m_settings.fullChannel(QStringLiteral("fxmonitor:fleet:*"));
        config.rawKeyLimit = FleetWatch::kMaxServers;
        m_fleet->setStaleSeconds(m_settings.fleetStaleSeconds);
    }
    m_redis = std::make_unique<redis::RedisSubscriberThread>(config);
    redis::RedisSubscriber *sub = m_redis->subscriber();
    if (FleetWatch *fleet = m_fleet) {
        // Queued to this (main) thread; validated there (FleetWatch).
        connect(
            sub, &redis::RedisSubscriber::rawMessage, fleet,
            [fleet](const QByteArray &, const QByteArray &payload) { fleet->ingest(payload, FleetWatch::nowMs()); });
        connect(sub, &redis::RedisSubscriber::rawKeyRead, fleet,
                [fleet](const QByteArray &, const QByteArray &value, qint64 ttlMs) {
                    // A key is written with PX 10000 (ARCHITECTURE.md, "Fleet heartbeat"): its age is what its TTL lost.
                    const qint64 age = ttlMs >= 0 ? std::max<qint64>(0, 10000 - ttlMs) : 0;
                    fleet->ingestKey(value, age, FleetWatch::nowMs());
                });
    }
    Relay *relay = &m_relay;
    MarketDeltaBuffer *tap = m_deltas.get();
    // Direct connections: these run on the Redis thread; the relay and the server are thread-safe.
    connect(
        sub, &redis::RedisSubscriber::eventsReceived, sub,
        [relay, db, tap](const QList<core::MarketEvent> &events) {
            relay->publish(events);
            if (db)
                db->recordEvents(events); // alerts, ticks and one-minute bars
            tap->add(events); // the desktop's market watch, charts and alerts
        },
        Qt::DirectConnection);
    connect(
        sub, &redis::RedisSubscriber::cacheWarmed, sub,
        [relay, tap](const QList<core::MarketEvent> &prices) {
            relay->warm(prices);
            tap->addQuotes(prices);
        },
        Qt::DirectConnection);
    connect(
        sub, &redis::RedisSubscriber::statusChanged, sub,
        [relay, sub](const redis::RedisStatus &st) {
            relay->setRedisStatus(sub->statusJson());
            relay->setFeedUp(st.connected()); // PROTOCOL.md, feed_status
        },
        Qt::DirectConnection);
    m_relay.setRedisStatusSource([sub] { return sub->statusJson(); });
    m_relay.setFeedUp(false); // down until the subscription is in place
    m_redis->start();
}

bool Engine::startServer(const core::Settings &settings, QString *error)
{
    if (m_server && m_server->isRunning()) {
        *error = QStringLiteral("the server is already running");
        return false;
    }
    if (m_monitorOnly) {
        *error = QStringLiteral("monitor-only desk (EMBEDDED_SERVER=false): no embedded server to start");
        return false;
    }
    m_relay.setServer(nullptr);
    detachHeartbeat();
    m_server.reset();
    m_settings = settings;
    server::ServerOptions options = server::ServerOptions::fromSettings(settings);
    options.alertHistory = m_alertHistory; // get_alert_history (null without storage)
    options.ruleStore = m_ruleStore;
    options.onRulesFired = firedRulesSink(); // fired rules into the alert history; the desk's to the window
    auto server = std::make_unique<server::StreamServer>(options);
    connectServerToStorage(server.get());
    if (!server->start(error))
        return false;
    connect(server.get(), &server::StreamServer::stopped, this, &Engine::onServerStopped);
    m_server = std::move(server);
    // PROTOCOL.md, "Desk rules": the desk's own rules, stored in the database, come back.
    m_server->context().alerts().restore(
        rules::Owner{QString(), rules::kDeskHandle}, [](const server::RestoreResult &r) {
            if (!r.ok)
                qCWarning(fxStorageLog).noquote() << "the desk's alert rules could not be read:" << r.reason;
            else if (r.restored > 0)
                qCInfo(fxStorageLog).noquote() << r.restored << "desk alert rules restored from the database";
        });
    m_relay.setServer(m_server.get());
    attachHeartbeat();
    Q_EMIT serverStarted();
    return true;
}

void Engine::attachHeartbeat()
{
    if (!m_heartbeat)
        m_heartbeat = std::make_unique<FleetHeartbeat>(m_settings);
    HeartbeatIdentity id;
    id.serverId =
        m_settings.serverId.isEmpty() ? FleetHeartbeat::defaultServerId(m_server->port()) : m_settings.serverId;
    id.mode = m_fleetMode;
    id.host = QSysInfo::machineHostName();
    id.pid = QCoreApplication::applicationPid();
    id.listen = status().listenAddress;
    id.tls = m_server->tlsEnabled();
    id.startedAtMs = core::nowMillis() - qint64(m_server->context().stats().snapshot().uptimeSeconds * 1000);
    m_heartbeat->attach(id, &m_server->context());
}

void Engine::detachHeartbeat()
{
    if (m_heartbeat)
        m_heartbeat->detach();
}

void Engine::stopServer()
{
    if (m_server && m_server->isRunning())
        m_server->stop();
}

bool Engine::serverRunning() const
{
    return m_server && m_server->isRunning();
}

QHostAddress Engine::listenAddress() const
{
    return serverRunning() ? m_server->address() : QHostAddress();
}

quint16 Engine::listenPort() const
{
    return serverRunning() ? m_server->port() : 0;
}

bool Engine::serverTls() const
{
    return serverRunning() && m_server->tlsEnabled();
}

void Engine::applyRuntimeSettings(const core::Settings &s)
{
    m_settings.corsOrigins = s.corsOrigins;
    m_settings.maxConnectionsPerIp = s.maxConnectionsPerIp;
    m_settings.rateLimit = s.rateLimit;
    m_settings.rateBurst = s.rateBurst;
    m_settings.maxAlertsPerClient = s.maxAlertsPerClient;
    m_settings.maxAlerts = s.maxAlerts;
    for (const QString &name :
         {QStringLiteral("CORS_ALLOWED_ORIGINS"), QStringLiteral("WEBSOCKET_MAX_CONNECTIONS_PER_IP"),
          QStringLiteral("WEBSOCKET_RATE_LIMIT"), QStringLiteral("WEBSOCKET_RATE_BURST"),
          QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT"), QStringLiteral("WEBSOCKET_MAX_ALERTS")})
        m_settings.values.insert(name, s.values.value(name));
    if (!m_server)
        return;
    m_server->setCorsOrigins(s.corsOrigins);
    m_server->setMaxClientsPerIp(s.maxConnectionsPerIp);
    m_server->setRateLimits(s.rateLimit, s.rateBurst);
    // PROTOCOL.md, "Alert rules": rules already held stay, even over the new limits.
    m_server->context().alerts().setLimits(rules::RuleBookLimits{s.maxAlertsPerClient, s.maxAlerts});
}

bool Engine::reloadTokenKeys(const core::Settings &s, QString *error)
{
    if (!serverRunning() || !m_server->options().tokenVerifier) {
        *error = QStringLiteral("client authentication is off");
        return false;
    }
    core::Settings keys = s;
    keys.jwtLeeway = m_server->options().tokenVerifier->leewaySeconds();
    std::shared_ptr<const auth::TokenVerifier> verifier = auth::TokenVerifier::fromSettings(keys, error);
    if (!verifier)
        return false;
    m_server->setTokenVerifier(std::move(verifier));
    for (const char *name :
         {"WEBSOCKET_JWT_SECRET", "WEBSOCKET_JWT_PUBLIC_KEY", "WEBSOCKET_JWT_AUDIENCE", "WEBSOCKET_JWT_ISSUER"})
        m_settings.values.insert(QString::fromLatin1(name), s.values.value(QString::fromLatin1(name)));
    m_settings.jwtSecret = s.jwtSecret;
    m_settings.jwtPublicKeyPath = s.jwtPublicKeyPath;
    m_settings.jwtAudience = s.jwtAudience;
    m_settings.jwtIssuer = s.jwtIssuer;
    return true;
}

bool Engine::reloadTls(QString *message)
{
    if (!serverRunning()) {
        *message = QStringLiteral("the server is not running");
        return false;
    }
    return m_server->reloadTls(message);
}

EngineStatus Engine::status() const
{
    EngineStatus s;
    s.serverRunning = serverRunning();
    s.monitorOnly = m_monitorOnly;
    if (s.serverRunning) {
        const QHostAddress a = m_server->address();
        const QString host =
            a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(a.toString()) : a.toString();
        s.listenAddress = QStringLiteral("%1:%2").arg(host).arg(m_server->port());
        // SECURITY.md: beyond loopback and WEBSOCKET_AUTH=none (no tokens).
        s.openToNetwork = !a.isLoopback() && !m_server->context().options().tokenVerifier;
        s.tls = m_server->tlsEnabled();
        if (s.tls) {
            s.tlsCertificate = m_server->tlsCertificate();
            const server::TlsContext &tls = m_server->context().tls();
            for (int i = 0; i < server::kTlsFailureCount; ++i)
                s.tlsHandshakeFailures += tls.failures(server::TlsFailure(i));
        }
        s.serverIdentity = m_server.get();
        s.stats = m_server->context().stats().snapshot();
    }
    s.feedOutages = m_relay.feedOutages();
    if (redis::RedisSubscriber *sub = subscriber()) {
        s.hasRedis = true;
        s.redis = sub->status();
        s.redisJson = sub->statusJson();
    }
    if (storage::Storage *db = storage()) {
        s.hasDatabase = true;
        s.database = db->status();
    }
    return s;
}

void Engine::requestClients(QObject *context, const std::function<void(const QList<server::ClientInfo> &)> &done)
{
    if (serverRunning())
        m_server->requestClients(context, done);
}

void Engine::requestAlertRules(QObject *context, const std::function<void(const QList<AlertRuleRow> &)> &done)
{
    if (!serverRunning())
        return;
    if (m_storedRules)
        m_storedRules->refresh(); // the stored rules of users not connected here (StoredRules)
    const QPointer<QObject> target(context);
    m_server->requestAlertRules([target, done, stored = m_storedRules](QList<server::OwnedAlertRule> rules) {
        // On an I/O thread: the rows are made here, the GUI thread only takes them.
        QList<AlertRuleRow> rows;
        rows.reserve(rules.size());
        QSet<QString> live;
        for (const server::OwnedAlertRule &o : std::as_const(rules)) {
            AlertRuleRow row = alertRuleRow(o.rule, rules::isDesk(o.owner) ? QStringLiteral("desk") : o.owner.key);
            row.ownerClientId = o.clientId;
            row.ownerHandle = o.owner.handle;
            live.insert(row.id);
            rows.append(std::move(row));
        }
        if (stored)
            rows += stored->rowsNotLive(live);
        if (target)
            QMetaObject::invokeMethod(
                target, [done, rows = std::move(rows)] { done(rows); }, Qt::QueuedConnection);
    });
}

void Engine::setAlertRuleEnabled(const QString &id, bool enabled)
{
    // A rule of a user not connected here is changed in the database (its owner sees it when
    // it connects again); the others on the server, which tells their owner.
    if (m_storedRules && m_ruleStore) {
        if (std::optional<StoredRules::Entry> e = m_storedRules->storedOnly(id)) {
            e->rule.enabled = enabled;
            m_ruleStore->writeRule(server::RuleStore::Write::Update, e->owner, e->rule);
            m_storedRules->replace(id, e->rule);
            return;
        }
    }
    if (serverRunning())
        m_server->setAlertRuleEnabled(id, enabled);
}

void Engine::deleteAlertRule(const QString &id)
{
    if (m_storedRules && m_ruleStore) {
        if (const std::optional<StoredRules::Entry> e = m_storedRules->storedOnly(id)) {
            m_ruleStore->writeRule(server::RuleStore::Write::Delete, e->owner, e->rule);
            m_storedRules->forget(id);
            return;
        }
    }
    if (serverRunning())
        m_server->deleteAlertRule(id);
}

void Engine::disconnectClient(const QByteArray &clientId)
{
    if (serverRunning())
        m_server->kick(clientId);
}

bool Engine::hasStorage() const
{
    return m_storage != nullptr;
}

void Engine::acknowledgeAlerts(const QList<qint64> &ids, const QString &by)
{
    if (storage::Storage *db = storage())
        db->acknowledgeAlerts(ids, by);
}

void Engine::acknowledgeMatching(const storage::AlertFilter &filter, const QString &by)
{
    if (storage::Storage *db = storage())
        db->acknowledgeMatching(filter, by);
}

void Engine::onServerStopped()
{
    m_relay.setServer(nullptr);
    detachHeartbeat(); // a clean stop: the server leaves the fleet
    Q_EMIT serverStopped();
    if (m_stopping) {
        m_relay.setRedisStatusSource({});
        m_redis.reset();
        if (m_alertHistory)
            m_alertHistory->detach();
        m_storage.reset();
        m_stopping = false;
        Q_EMIT stopped();
    }
}

void Engine::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (serverRunning()) {
        m_server->stop();
        return;
    }
    m_relay.setRedisStatusSource({});
    m_redis.reset();
    if (m_alertHistory)
        m_alertHistory->detach();
    if (m_ruleStore)
        m_ruleStore->detach();
    if (m_storedRules)
        m_storedRules->detach();
    m_storage.reset();
    m_stopping = false;
    Q_EMIT stopped();
}

} // namespace fx::engine
