// RedisSubscriber, its lifetime: construction (timers, status, counters), start, stop and
// teardown. The connection is in redisreconnect.cpp, the subscription and the price cache in
// redissubscribe.cpp, messages in redisdispatch.cpp, the status in redisstatus.cpp.

#include "redis/redissubscriber.h"

#include "redis/redisblocking.h"
#include "redis/sentinelwatch.h"

#include <QTimer>

#include <hiredis/async.h>

namespace fx::redis {

RedisSubscriber::RedisSubscriber(RedisConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_parser(core::InstrumentSet(m_config.pairs), m_config.maxMessageSize)
    , m_retryTimer(new QTimer(this))
    , m_connectTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
    , m_backoffMs(m_config.backoffInitialMs)
{
    qRegisterMetaType<fx::redis::RedisStatus>();
    qRegisterMetaType<QList<fx::core::MarketEvent>>();
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &RedisSubscriber::connectNow);
    m_connectTimer->setSingleShot(true);
    connect(m_connectTimer, &QTimer::timeout, this, &RedisSubscriber::onConnectTimeout);
    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &RedisSubscriber::publishStatus);
    m_endpoint = m_config.endpoint();
    if (m_config.topology() == RedisTopology::Sentinel) {
        m_endpoint = QStringLiteral("(asking the Sentinels)");
        m_watch = new SentinelWatch(m_config, this);
        connect(m_watch, &SentinelWatch::masterSwitched, this, &RedisSubscriber::onMasterSwitched);
        connect(m_watch, &SentinelWatch::badMessage, this, &RedisSubscriber::countBadReply);
    } else if (m_config.topology() == RedisTopology::Cluster) {
        m_endpoint = m_config.clusterNodes.first().toString();
        m_router = std::make_unique<ClusterRouter>(m_config);
    }
    m_status.endpoint = m_endpoint;
    m_status.via = m_config.via();
    m_status.db = m_config.db;
    for (int i = 0; i < protocol::kChannelKindCount; ++i) {
        m_status.channels << m_config.channels[size_t(i)];
        m_channelNames[size_t(i)] = m_config.channels[size_t(i)].toUtf8();
    }
    for (auto &r : m_received)
        r.store(0);
    for (auto &row : m_dropped)
        for (auto &d : row)
            d.store(0);
}

RedisSubscriber::~RedisSubscriber()
{
    if (m_ac) {
        redisAsyncContext *ac = m_ac;
        m_ac = nullptr;
        m_stopping = true;
        redisAsyncFree(ac);
    }
}

void RedisSubscriber::start()
{
    m_stopping = false;
    m_statusTimer->start();
    connectNow();
}

void RedisSubscriber::stop()
{
    m_stopping = true;
    m_retryTimer->stop();
    m_connectTimer->stop();
    m_statusTimer->stop();
    if (m_watch)
        m_watch->stop();
    if (m_router)
        m_router->clear();
    if (m_ac) {
        redisAsyncContext *ac = m_ac;
        m_ac = nullptr;
        redisAsyncFree(ac);
    }
    flush();
    setState(RedisState::Idle, QStringLiteral("stopped"));
}

} // namespace fx::redis
