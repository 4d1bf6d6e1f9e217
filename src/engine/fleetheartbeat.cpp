#include "engine/fleetheartbeat.h"

#include "core/timeutil.h"
#include "core/version.h"
#include "core/workerthread.h"
#include "redis/redislog.h"
#include "redis/redispublisher.h"
#include "server/latencyhistogram.h"
#include "server/servercontext.h"

#include <QJsonDocument>
#include <QMutex>
#include <QSysInfo>
#include <QTimer>

namespace fx::engine {

namespace {

// The database part of a heartbeat from the storage status /health reports.
QJsonObject databaseJson(const QJsonObject &status)
{
    const QString state = status.value(QStringLiteral("state")).toString();
    const QString engine = status.value(QStringLiteral("engine")).toString();
    QString s = QStringLiteral("down");
    if (state == u"ok")
        s = QStringLiteral("ok");
    else if (state == u"connecting")
        s = QStringLiteral("degraded");
    else if (state.isEmpty() || state == u"not_configured")
        s = QStringLiteral("off");
    QString driver = QStringLiteral("none");
    if (s != u"off")
        driver = engine.startsWith(u"postgres") ? QStringLiteral("postgres")
            : engine == u"sqlite"               ? QStringLiteral("sqlite")
                                                : QStringLiteral("none");
    return QJsonObject{{QStringLiteral("state"), s}, {QStringLiteral("driver"), driver}};
}

// Redis messages rejected by the subscriber (every channel and reason), from its status.
qint64 redisDropped(const QJsonObject &redis)
{
    qint64 n = 0;
    const QJsonObject dropped = redis.value(QStringLiteral("dropped")).toObject();
    for (auto c = dropped.begin(); c != dropped.end(); ++c) {
        const QJsonObject reasons = c.value().toObject();
        for (auto r = reasons.begin(); r != reasons.end(); ++r)
            n += r.value().toInteger();
    }
    return n;
}

} // namespace

class HeartbeatWorker final : public QObject
{
public:
    explicit HeartbeatWorker(const core::Settings &settings) { configure(settings); }

    // Heartbeat thread (or before it starts).
    void configure(const core::Settings &settings)
    {
        redis::RedisConfig config = redis::RedisConfig::fromSettings(settings);
        config.connectTimeoutMs = FleetHeartbeat::kRedisTimeoutMs;
        config.commandTimeoutMs = FleetHeartbeat::kRedisTimeoutMs;
        m_publisher = std::make_unique<redis::RedisPublisher>(config);
        m_prefix = settings.channelPrefix;
        m_failing = false;
    }

    // --- owner thread ---
    void attach(const HeartbeatIdentity &identity, const server::ServerContext *context)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_identity = identity;
            m_context = context;
            m_seq = 0;
            const server::StatsSnapshot s = context->stats().snapshot();
            m_prevMessages = s.messagesSent;
            m_prevBytes = s.bytesSent;
            m_prevAtNanos = core::monotonicNanos();
        }
        QMetaObject::invokeMethod(
            this, [this] { tick(); }, Qt::QueuedConnection);
    }

    void detach()
    {
        HeartbeatIdentity identity;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_context)
                return;
            m_context = nullptr;
            identity = m_identity;
        }
        QMetaObject::invokeMethod(
            this, [this, identity] { leave(identity); }, Qt::QueuedConnection);
    }

    // --- heartbeat thread ---
    void start()
    {
        m_timer = new QTimer(this);
        m_timer->setInterval(FleetHeartbeat::kIntervalMs);
        connect(m_timer, &QTimer::timeout, this, [this] { tick(); });
        m_timer->start();
    }

    void stop()
    {
        if (m_timer)
            m_timer->stop();
    }

private:
    void tick()
    {
        HeartbeatIdentity identity;
        QJsonObject message;
        {
            QMutexLocker lock(&m_mutex);
            if (!m_context)
                return;
            const server::StatsSnapshot s = m_context->stats().snapshot();
            const qint64 now = core::monotonicNanos();
            const double seconds = std::max(1e-3, double(now - m_prevAtNanos) / 1e9);
            const double messagesPerS = double(s.messagesSent - m_prevMessages) / seconds;
            const double bytesPerS = double(s.bytesSent - m_prevBytes) / seconds;
            m_prevMessages = s.messagesSent;
            m_prevBytes = s.bytesSent;
            m_prevAtNanos = now;
            identity = m_identity;
            message =
                FleetHeartbeat::heartbeatJson(identity, ++m_seq, s, m_context->redisStatus(),
                                              m_context->databaseStatus(), messagesPerS, bytesPerS, core::nowMillis());
        }
        const QByteArray json = QJsonDocument(message).toJson(QJsonDocument::Compact);
        m_publisher->appendCommand({"SET", FleetHeartbeat::keyFor(m_prefix, identity.serverId), json, "PX",
                                    QByteArray::number(FleetHeartbeat::kKeyTtlMs)});
        m_publisher->appendPublish(QString::fromLatin1(FleetHeartbeat::channelFor(m_prefix)), json);
        QString error;
        if (!m_publisher->flush(&error)) {
            // Once per outage; the next tick (a second later) tries again.
            if (!m_failing)
                qCWarning(fxRedisLog).noquote()
                    << QStringLiteral(
                           "fleet heartbeat of %1: cannot publish to Redis at %2 (%3); retrying every second")
                           .arg(identity.serverId, m_publisher->config().endpoint(), error.left(200));
            m_failing = true;
            return;
        }
        if (m_failing)
            qCInfo(fxRedisLog).noquote() << QStringLiteral("fleet heartbeat of %1: publishing again to %2")
                                                .arg(identity.serverId, m_publisher->config().endpoint());
        m_failing = false;
    }

    void leave(const HeartbeatIdentity &identity)
    {
        // Best effort, bounded by the connect and reply timeouts (FleetHeartbeat::kRedisTimeoutMs).
        const QByteArray json = QJsonDocument(FleetHeartbeat::leaveJson(identity.serverId, core::nowMillis()))
                                    .toJson(QJsonDocument::Compact);
        m_publisher->appendCommand({"DEL", FleetHeartbeat::keyFor(m_prefix, identity.serverId)});
        m_publisher->appendPublish(QString::fromLatin1(FleetHeartbeat::channelFor(m_prefix)), json);
        QString error;
        if (m_publisher->flush(&error))
            qCInfo(fxRedisLog).noquote()
                << QStringLiteral("fleet heartbeat of %1: left the fleet").arg(identity.serverId);
        else
            qCInfo(fxRedisLog).noquote()
                << QStringLiteral("fleet heartbeat of %1: could not leave the fleet (%2); its key expires within %3 s")
                       .arg(identity.serverId, error.left(200))
                       .arg(FleetHeartbeat::kKeyTtlMs / 1000);
        m_publisher->disconnect();
    }

    std::unique_ptr<redis::RedisPublisher> m_publisher; // heartbeat thread only
    QString m_prefix;
    QTimer *m_timer = nullptr;
    bool m_failing = false;

    QMutex m_mutex; // guards what follows (the owner attaches and detaches, the ticks read)
    const server::ServerContext *m_context = nullptr;
    HeartbeatIdentity m_identity;
    qint64 m_seq = 0;
    quint64 m_prevMessages = 0;
    quint64 m_prevBytes = 0;
    qint64 m_prevAtNanos = 0;
};

FleetHeartbeat::FleetHeartbeat(const core::Settings &settings)
{
    m_worker = new HeartbeatWorker(settings);
    HeartbeatWorker *worker = m_worker;
    m_thread =
        std::make_unique<core::WorkerThread>(m_worker, QStringLiteral("fx-heartbeat"), [worker] { worker->stop(); });
    m_thread->start([worker] { worker->start(); });
}

FleetHeartbeat::~FleetHeartbeat()
{
    m_worker->detach(); // the leave is queued before the stop: it runs first
    m_thread.reset();
}

void FleetHeartbeat::attach(const HeartbeatIdentity &identity, const server::ServerContext *context)
{
    m_worker->attach(identity, context);
}

void FleetHeartbeat::detach()
{
    m_worker->detach();
}

void FleetHeartbeat::setSettings(const core::Settings &settings)
{
    HeartbeatWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, settings] { worker->configure(settings); }, Qt::QueuedConnection);
}

QString FleetHeartbeat::defaultServerId(quint16 port)
{
    QString host = QSysInfo::machineHostName();
    host.remove(QChar(u' '));
    if (host.isEmpty())
        host = QStringLiteral("localhost");
    const QString suffix = u':' + QString::number(port);
    return host.left(128 - suffix.size()) + suffix;
}

QByteArray FleetHeartbeat::keyFor(const QString &prefix, const QString &serverId)
{
    return (prefix + QStringLiteral("fxmonitor:fleet:") + serverId).toUtf8();
}

QByteArray FleetHeartbeat::channelFor(const QString &prefix)
{
    return (prefix + QStringLiteral("fxmonitor:fleet")).toUtf8();
}

QJsonObject FleetHeartbeat::heartbeatJson(const HeartbeatIdentity &id, qint64 seq, const server::StatsSnapshot &s,
                                          const QJsonObject &redis, const QJsonObject &database, double messagesPerS,
                                          double bytesPerS, qint64 nowMs)
{
    int rooms = 0;
    for (const int n : s.roomSubscribers)
        rooms += n > 0 ? 1 : 0;
    const QString via = redis.value(QStringLiteral("via")).toString();
    const QJsonObject latency = server::percentilesMs(s.latency.receiptWindow);
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("heartbeat")},
        {QStringLiteral("schema"), 1},
        {QStringLiteral("server_id"), id.serverId},
        {QStringLiteral("version"), QString::fromLatin1(fx::kVersion)},
        {QStringLiteral("mode"), id.mode},
        {QStringLiteral("host"), id.host},
        {QStringLiteral("pid"), id.pid},
        {QStringLiteral("listen"), id.listen},
        {QStringLiteral("tls"), id.tls},
        {QStringLiteral("started_at"), id.startedAtMs},
        {QStringLiteral("uptime_s"), std::round(s.uptimeSeconds * 10) / 10},
        {QStringLiteral("time"), nowMs},
        {QStringLiteral("seq"), seq},
        {QStringLiteral("interval_ms"), kIntervalMs},
        {QStringLiteral("clients"), s.connectedClients},
        {QStringLiteral("rooms"), rooms},
        {QStringLiteral("messages_per_s"), std::round(messagesPerS * 10) / 10},
        {QStringLiteral("bytes_per_s"), std::round(bytesPerS * 10) / 10},
        {QStringLiteral("redis"),
         QJsonObject{{QStringLiteral("state"), redis.value(QStringLiteral("state")).toString()},
                     {QStringLiteral("endpoint"), redis.value(QStringLiteral("endpoint")).toString()},
                     {QStringLiteral("via"), via.isEmpty() ? QStringLiteral("direct") : via}}},
        {QStringLiteral("database"), databaseJson(database)},
        // null when nothing was delivered in the last ten seconds
        {QStringLiteral("latency_ms"), s.latency.receiptWindow.count ? QJsonValue(latency) : QJsonValue()},
        {QStringLiteral("conflated"), qint64(s.conflated)},
        {QStringLiteral("dropped"), qint64(s.overloadConflated) + redisDropped(redis)},
    };
}

QJsonObject FleetHeartbeat::leaveJson(const QString &serverId, qint64 nowMs)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("leave")},
                       {QStringLiteral("schema"), 1},
                       {QStringLiteral("server_id"), serverId},
                       {QStringLiteral("time"), nowMs}};
}

} // namespace fx::engine
