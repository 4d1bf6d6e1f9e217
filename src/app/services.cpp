#include "app/services.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "redis/redissubscriber.h"
#include "server/servercontext.h"
#include "server/streamserver.h"
#include "storage/marketsessions.h"
#include "storage/storagethread.h"

#include <QDateTime>
#include <QJsonArray>

namespace fx::app {

Services::Services(core::Settings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_tap(std::make_unique<MarketTap>(core::InstrumentSet(m_settings.pairs)))
{
}

Services::~Services()
{
    m_relay.setRedisStatusSource({});
    m_redis.reset(); // joins the Redis thread: nothing publishes any more
    m_relay.setServer(nullptr);
    m_server.reset(); // joins the I/O threads: nothing records connections any more
    m_storage.reset(); // flushes what it can, then closes the database
}

storage::Storage *Services::storage() const
{
    return m_storage ? m_storage->storage() : nullptr;
}

storage::StorageReader *Services::storageReader() const
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
    return r;
}

void Services::connectServerToStorage(server::StreamServer *server)
{
    // Open market sessions in server_stats, computed when asked.
    server->context().setStatsExtension([] {
        return QJsonObject{{QStringLiteral("market_sessions"),
                            QJsonArray::fromStringList(storage::MarketSessions::openAt(QDateTime::currentDateTimeUtc()))}};
    });
    storage::Storage *db = storage();
    if (!db)
        return;
    // Direct: these run on the I/O threads; Storage's input is thread-safe and never waits.
    for (server::IoShard *shard : server->shards()) {
        connect(shard, &server::IoShard::clientConnected, db,
                [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
        connect(shard, &server::IoShard::clientDisconnected, db,
                [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
        connect(shard, &server::IoShard::clientChanged, db,
                [db](const server::ClientInfo &c) { db->recordConnection(toRecord(c)); }, Qt::DirectConnection);
    }
}

redis::RedisSubscriber *Services::redis() const
{
    return m_redis ? m_redis->subscriber() : nullptr;
}

bool Services::start(QString *error)
{
    // Storage first: the server records its connections into it from the start. Opening the
    // database happens on the storage thread; nothing here waits for it.
    startStorage();
    if (!startServer(m_settings, error))
        return false;
    startRedis();
    return true;
}

bool Services::startKeepingPipeline(QString *error)
{
    startStorage();
    const bool serverOk = startServer(m_settings, error);
    startRedis();
    return serverOk;
}

void Services::restartRedis(const core::Settings &settings)
{
    m_relay.setRedisStatusSource({});
    m_redis.reset(); // joins the old subscriber's thread
    m_settings = settings;
    startRedis();
}

void Services::startStorage()
{
    m_storage = std::make_unique<storage::StorageThread>(storage::StorageConfig::fromSettings(m_settings));
    storage::Storage *db = m_storage->storage();
    Relay *relayForDb = &m_relay;
    connect(db, &storage::Storage::statusChanged, db,
            [relayForDb, db](const storage::StorageStatus &) { relayForDb->setDatabaseStatus(db->statusJson()); },
            Qt::DirectConnection);
    m_relay.setDatabaseStatus(db->statusJson());
}

void Services::startRedis()
{
    storage::Storage *db = storage();
    m_redis = std::make_unique<redis::RedisSubscriberThread>(redis::RedisConfig::fromSettings(m_settings));
    redis::RedisSubscriber *sub = m_redis->subscriber();
    Relay *relay = &m_relay;
    MarketTap *tap = m_tap.get();
    // Direct connections: these run on the Redis thread; the relay and the server are thread-safe.
    connect(sub, &redis::RedisSubscriber::eventsReceived, sub,
            [relay, db, tap](const QList<core::MarketEvent> &events) {
                relay->publish(events);
                if (db)
                    db->recordEvents(events); // alerts, ticks and one-minute bars
                tap->add(events);             // the desktop's market watch, charts and alerts
            },
            Qt::DirectConnection);
    connect(sub, &redis::RedisSubscriber::cacheWarmed, sub,
            [relay, tap](const QList<core::MarketEvent> &prices) {
                relay->warm(prices);
                tap->addQuotes(prices);
            },
            Qt::DirectConnection);
    connect(sub, &redis::RedisSubscriber::statusChanged, sub,
            [relay, sub](const redis::RedisStatus &) { relay->setRedisStatus(sub->statusJson()); }, Qt::DirectConnection);
    m_relay.setRedisStatusSource([sub] { return sub->statusJson(); });
    m_redis->start();
}

bool Services::startServer(const core::Settings &settings, QString *error)
{
    if (m_server && m_server->isRunning()) {
        *error = QStringLiteral("the server is already running");
        return false;
    }
    m_relay.setServer(nullptr);
    m_server.reset();
    m_settings = settings;
    auto server = std::make_unique<server::StreamServer>(server::ServerOptions::fromSettings(settings));
    if (!server->start(error))
        return false;
    connect(server.get(), &server::StreamServer::stopped, this, &Services::onServerStopped);
    connectServerToStorage(server.get());
    m_server = std::move(server);
    m_relay.setServer(m_server.get());
    Q_EMIT serverStarted();
    return true;
}

void Services::stopServer()
{
    if (m_server && m_server->isRunning())
        m_server->stop();
}

bool Services::serverRunning() const
{
    return m_server && m_server->isRunning();
}

void Services::onServerStopped()
{
    m_relay.setServer(nullptr);
    Q_EMIT serverStopped();
    if (m_stopping) {
        m_relay.setRedisStatusSource({});
        m_redis.reset();
        m_storage.reset();
        m_stopping = false;
        Q_EMIT stopped();
    }
}

void Services::stop()
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
    m_storage.reset();
    m_stopping = false;
    Q_EMIT stopped();
}

} // namespace fx::app
