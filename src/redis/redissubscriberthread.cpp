// RedisSubscriberThread: a RedisSubscriber on a thread of its own.

#include "core/workerthread.h"
#include "redis/redissubscriber.h"

namespace fx::redis {

RedisSubscriberThread::RedisSubscriberThread(RedisConfig config)
    : m_subscriber(new RedisSubscriber(std::move(config)))
    , m_thread(std::make_unique<core::WorkerThread>(m_subscriber, QStringLiteral("fx-redis"),
                                                    [s = m_subscriber] { s->stop(); }))
{
}

void RedisSubscriberThread::start()
{
    m_thread->start([s = m_subscriber] { s->start(); });
}

// Out of line: WorkerThread is complete here.
RedisSubscriberThread::~RedisSubscriberThread() = default;

} // namespace fx::redis
