#include "gui/datahub.h"

#include "app/services.h"
#include "core/timeutil.h"
#include "server/servercontext.h"
#include "server/streamserver.h"
#include "storage/marketsessions.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QTimer>

namespace fx::gui {

DataHub::DataHub(app::Services *services, QObject *parent)
    : QObject(parent)
    , m_services(services)
    , m_marketTimer(new QTimer(this))
    , m_clientsTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
{
    m_marketTimer->setInterval(kMarketIntervalMs);
    m_clientsTimer->setInterval(kClientsIntervalMs);
    m_statusTimer->setInterval(kStatusIntervalMs);
    connect(m_marketTimer, &QTimer::timeout, this, &DataHub::pollMarket);
    connect(m_clientsTimer, &QTimer::timeout, this, &DataHub::pollClients);
    connect(m_statusTimer, &QTimer::timeout, this, &DataHub::pollStatus);
    connect(m_services, &app::Services::serverStarted, this, [this] {
        ++m_clientsGeneration;
        m_clientsInFlight = false;
        m_clientsAnsweredMs = 0;
        refreshSoon();
    });
    connect(m_services, &app::Services::serverStopped, this, [this] {
        ++m_clientsGeneration;
        m_clientsInFlight = false;
        Q_EMIT clientsUpdated({});
        refreshSoon();
    });
}

DataHub::~DataHub() = default;

void DataHub::start()
{
    m_marketTimer->start();
    m_clientsTimer->start();
    m_statusTimer->start();
    refreshSoon();
}

void DataHub::stop()
{
    m_marketTimer->stop();
    m_clientsTimer->stop();
    m_statusTimer->stop();
}

void DataHub::refreshSoon()
{
    QTimer::singleShot(0, this, [this] {
        pollStatus();
        pollClients();
    });
}

qint64 DataHub::clientsAgeMs() const
{
    if (!m_clientsInFlight || !m_services->serverRunning())
        return 0;
    return core::monotonicMillis() - m_clientsAnsweredMs;
}

void DataHub::pollMarket()
{
    app::MarketDelta delta = m_services->marketTap()->take();
    if (!delta.isEmpty())
        Q_EMIT marketUpdated(delta);
}

void DataHub::pollClients()
{
    server::StreamServer *srv = m_services->server();
    if (!srv || !m_services->serverRunning() || m_clientsInFlight)
        return;
    m_clientsInFlight = true;
    m_clientsAskedMs = core::monotonicMillis();
    if (!m_clientsAnsweredMs)
        m_clientsAnsweredMs = m_clientsAskedMs;
    const quint64 generation = m_clientsGeneration;
    srv->requestClients(this, [this, generation](const QList<server::ClientInfo> &clients) {
        if (generation != m_clientsGeneration)
            return;
        m_clientsInFlight = false;
        m_clientsAnsweredMs = core::monotonicMillis();
        Q_EMIT clientsUpdated(clients);
    });
}

void DataHub::pollStatus()
{
    StatusSnapshot s;
    const qint64 nowNs = core::monotonicNanos();
    s.sampledAtMs = core::nowMillis();
    server::StreamServer *srv = m_services->server();
    s.serverRunning = srv && m_services->serverRunning();
    if (s.serverRunning) {
        const QHostAddress a = srv->address();
        const QString host = a.protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("[%1]").arg(a.toString()) : a.toString();
        s.listenAddress = QStringLiteral("%1:%2").arg(host).arg(srv->port());
        s.stats = srv->context().stats().snapshot();
        const double dt = m_lastSampleNs ? double(nowNs - m_lastSampleNs) / 1e9 : 0;
        if (dt > 0 && m_lastServer == srv) {
            auto rate = [dt](quint64 now, quint64 before) { return now >= before ? double(now - before) / dt : 0.0; };
            s.messagesPerSecond = rate(s.stats.messagesSent, m_lastMessages);
            s.bytesPerSecond = rate(s.stats.bytesSent, m_lastBytes);
            s.receivedPerSecond = rate(s.stats.messagesReceived, m_lastReceived);
        }
        m_lastMessages = s.stats.messagesSent;
        m_lastBytes = s.stats.bytesSent;
        m_lastReceived = s.stats.messagesReceived;
        m_lastServer = srv;
    } else {
        m_lastServer = nullptr;
    }
    m_lastSampleNs = nowNs;

    if (redis::RedisSubscriber *sub = m_services->redis()) {
        s.hasRedis = true;
        s.redis = sub->status();
        s.redisJson = sub->statusJson();
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
    if (storage::Storage *db = m_services->storage()) {
        s.hasDatabase = true;
        s.database = db->status();
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    s.openSessions = storage::MarketSessions::openAt(now);
    s.marketOpen = storage::MarketSessions::isMarketOpen(now);
    m_last = s;
    Q_EMIT statusUpdated(m_last);
}

} // namespace fx::gui
