#include "app/services.h"

#include "core/logging.h"
#include "redis/redissubscriber.h"
#include "server/streamserver.h"

namespace fx::app {

Services::Services(core::Settings settings, QObject *parent) : QObject(parent), m_settings(std::move(settings)) {}

Services::~Services()
{
    m_relay.setRedisStatusSource({});
    m_redis.reset(); // joins the Redis thread: nothing publishes any more
    m_relay.setServer(nullptr);
    m_server.reset();
}

redis::RedisSubscriber *Services::redis() const
{
    return m_redis ? m_redis->subscriber() : nullptr;
}

bool Services::start(QString *error)
{
    if (!startServer(m_settings, error))
        return false;
    m_redis = std::make_unique<redis::RedisSubscriberThread>(redis::RedisConfig::fromSettings(m_settings));
    redis::RedisSubscriber *sub = m_redis->subscriber();
    Relay *relay = &m_relay;
    // Direct connections: these run on the Redis thread; the relay and the server are thread-safe.
    connect(sub, &redis::RedisSubscriber::eventsReceived, sub,
            [relay](const QList<core::MarketEvent> &events) { relay->publish(events); }, Qt::DirectConnection);
    connect(sub, &redis::RedisSubscriber::cacheWarmed, sub,
            [relay](const QList<core::MarketEvent> &prices) { relay->warm(prices); }, Qt::DirectConnection);
    connect(sub, &redis::RedisSubscriber::statusChanged, sub,
            [relay, sub](const redis::RedisStatus &) { relay->setRedisStatus(sub->statusJson()); }, Qt::DirectConnection);
    m_relay.setRedisStatusSource([sub] { return sub->statusJson(); });
    m_redis->start();
    return true;
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
    m_stopping = false;
    Q_EMIT stopped();
}

} // namespace fx::app
