#include "gui/enginesampler.h"

#include "core/marketsessions.h"
#include "core/timeutil.h"
#include "engine/engine.h"

#include <QDateTime>
#include <QTimer>

namespace fx::gui {

EngineSampler::EngineSampler(engine::Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_marketTimer(new QTimer(this))
    , m_clientsTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
{
    m_marketTimer->setInterval(kMarketIntervalMs);
    m_clientsTimer->setInterval(kClientsIntervalMs);
    m_statusTimer->setInterval(kStatusIntervalMs);
    connect(m_marketTimer, &QTimer::timeout, this, &EngineSampler::pollMarket);
    connect(m_clientsTimer, &QTimer::timeout, this, &EngineSampler::pollClients);
    connect(m_statusTimer, &QTimer::timeout, this, &EngineSampler::pollStatus);
    connect(m_engine, &engine::Engine::serverStarted, this, [this] {
        ++m_clientsGeneration;
        m_clientsInFlight = false;
        m_clientsAnsweredMs = 0;
        refreshSoon();
    });
    connect(m_engine, &engine::Engine::serverStopped, this, [this] {
        ++m_clientsGeneration;
        m_clientsInFlight = false;
        Q_EMIT clientsUpdated({});
        refreshSoon();
    });
}

EngineSampler::~EngineSampler() = default;

void EngineSampler::start()
{
    m_marketTimer->start();
    m_clientsTimer->start();
    m_statusTimer->start();
    refreshSoon();
}

void EngineSampler::stop()
{
    m_marketTimer->stop();
    m_clientsTimer->stop();
    m_statusTimer->stop();
}

void EngineSampler::refreshSoon()
{
    QTimer::singleShot(0, this, [this] {
        pollStatus();
        pollClients();
    });
}

qint64 EngineSampler::clientsAgeMs() const
{
    if (!m_clientsInFlight || !m_engine->serverRunning())
        return 0;
    return core::monotonicMillis() - m_clientsAnsweredMs;
}

void EngineSampler::pollMarket()
{
    engine::MarketDelta delta = m_engine->marketDeltas()->take();
    if (!delta.isEmpty())
        Q_EMIT marketUpdated(delta);
}

void EngineSampler::pollClients()
{
    if (!m_engine->serverRunning() || m_clientsInFlight)
        return;
    m_clientsInFlight = true;
    m_clientsAskedMs = core::monotonicMillis();
    if (!m_clientsAnsweredMs)
        m_clientsAnsweredMs = m_clientsAskedMs;
    const quint64 generation = m_clientsGeneration;
    m_engine->requestClients(this, [this, generation](const QList<server::ClientInfo> &clients) {
        if (generation != m_clientsGeneration)
            return;
        m_clientsInFlight = false;
        m_clientsAnsweredMs = core::monotonicMillis();
        Q_EMIT clientsUpdated(clients);
    });
}

void EngineSampler::pollStatus()
{
    StatusSnapshot s;
    static_cast<engine::EngineStatus &>(s) = m_engine->status();
    const qint64 nowNs = core::monotonicNanos();
    s.sampledAtMs = core::nowMillis();
    if (s.serverRunning) {
        const double dt = m_lastSampleNs ? double(nowNs - m_lastSampleNs) / 1e9 : 0;
        if (dt > 0 && m_lastServer == s.serverIdentity) {
            auto rate = [dt](quint64 now, quint64 before) { return now >= before ? double(now - before) / dt : 0.0; };
            s.messagesPerSecond = rate(s.stats.messagesSent, m_lastMessages);
            s.bytesPerSecond = rate(s.stats.bytesSent, m_lastBytes);
            s.receivedPerSecond = rate(s.stats.messagesReceived, m_lastReceived);
        }
        m_lastMessages = s.stats.messagesSent;
        m_lastBytes = s.stats.bytesSent;
        m_lastReceived = s.stats.messagesReceived;
    }
    m_lastServer = s.serverIdentity;
    m_lastSampleNs = nowNs;

    if (s.hasRedis) {
        const QString key = QStringLiteral("%1|%2|%3|%4")
                                .arg(int(s.redis.state))
                                .arg(s.redis.reason)
                                .arg(s.redis.retryInMs)
                                .arg(s.redis.connects);
        if (key != m_redisKey) {
            m_redisKey = key;
            m_redisRetryDeadlineMs = s.redis.retryInMs > 0 ? s.sampledAtMs + s.redis.retryInMs : 0;
        }
        if (s.redis.state == redis::RedisState::Disconnected && m_redisRetryDeadlineMs > 0)
            s.redisRetryInMs = std::max<qint64>(0, m_redisRetryDeadlineMs - s.sampledAtMs);
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.openSessions = core::MarketSessions::openAt(now);
    s.marketOpen = core::MarketSessions::isMarketOpen(now);
    m_last = s;
    Q_EMIT statusUpdated(m_last);
}

} // namespace fx::gui
