#include "redis/redissubscriber.h"

#include "core/timeutil.h"
#include "redis/qtredisadapter.h"
#include "redis/redislog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

QString redisStateName(RedisState s)
{
    switch (s) {
    case RedisState::Idle: return QStringLiteral("idle");
    case RedisState::Connecting: return QStringLiteral("connecting");
    case RedisState::Connected: return QStringLiteral("connected");
    case RedisState::Disconnected: return QStringLiteral("disconnected");
    }
    return {};
}

QString RedisStatus::describe() const
{
    switch (state) {
    case RedisState::Idle: return QStringLiteral("Redis idle");
    case RedisState::Connecting: return QStringLiteral("Redis connecting to %1").arg(endpoint);
    case RedisState::Connected: return QStringLiteral("Redis connected to %1").arg(endpoint);
    case RedisState::Disconnected:
        return retryInMs > 0 ? QStringLiteral("Redis disconnected (%1), retrying in %2 ms").arg(reason).arg(retryInMs)
                             : QStringLiteral("Redis disconnected (%1)").arg(reason);
    }
    return {};
}

namespace {
struct HashRequest
{
    RedisSubscriber *self;
    QString pair;
};

RedisSubscriber *owner(const redisAsyncContext *ac)
{
    return static_cast<RedisSubscriber *>(ac->data);
}
} // namespace

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
    connect(m_connectTimer, &QTimer::timeout, this, [this] {
        if (!m_ac)
            return;
        redisAsyncContext *ac = m_ac;
        const bool tcpConnected = ac->c.flags & REDIS_CONNECTED;
        const QString why = tcpConnected ? QStringLiteral("no answer within %1 ms").arg(m_config.connectTimeoutMs)
                                         : QStringLiteral("connect timed out after %1 ms").arg(m_config.connectTimeoutMs);
        m_ac = nullptr;
        // Not inside a hiredis callback: freed at once. A connected context reports through
        // onDisconnect (which sees m_ac == nullptr and leaves the failure to us).
        redisAsyncFree(ac);
        fail(why);
    });
    m_statusTimer->setInterval(1000);
    connect(m_statusTimer, &QTimer::timeout, this, &RedisSubscriber::publishStatus);
    m_status.endpoint = m_config.endpoint();
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
    if (m_ac) {
        redisAsyncContext *ac = m_ac;
        m_ac = nullptr;
        redisAsyncFree(ac);
    }
    flush();
    setState(RedisState::Idle, QStringLiteral("stopped"));
}

void RedisSubscriber::connectNow()
{
    if (m_stopping || m_ac)
        return;
    setState(RedisState::Connecting);
    redisAsyncContext *ac = m_config.socketPath.isEmpty()
                                ? redisAsyncConnect(m_config.host.toUtf8().constData(), m_config.port)
                                : redisAsyncConnectUnix(m_config.socketPath.toUtf8().constData());
    if (!ac) {
        fail(QStringLiteral("out of memory"));
        return;
    }
    if (ac->err) {
        const QString why = QString::fromUtf8(ac->errstr);
        redisAsyncFree(ac);
        fail(why);
        return;
    }
    ac->data = this;
    if (!QtRedisAdapter::attach(ac, this, [this] { flush(); })) {
        redisAsyncFree(ac);
        fail(QStringLiteral("cannot attach the event loop"));
        return;
    }
    redisAsyncSetConnectCallback(ac, &RedisSubscriber::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisSubscriber::onDisconnect);
    m_ac = ac;
    m_connectTimer->start(m_config.connectTimeoutMs);
}

void RedisSubscriber::onConnect(const redisAsyncContext *ac, int status)
{
    RedisSubscriber *self = owner(ac);
    if (!self || self->m_ac != ac)
        return;
    if (status != REDIS_OK) {
        // hiredis frees the context when this returns; the adapter's cleanup already ran or runs then.
        self->m_ac = nullptr;
        self->m_connectTimer->stop();
        self->fail(QString::fromUtf8(ac->errstr));
        return;
    }
    self->afterConnect();
}

void RedisSubscriber::afterConnect()
{
    if (m_config.socketPath.isEmpty())
        redisEnableKeepAlive(&m_ac->c); // TCP only: on a Unix socket it fails and poisons the context
    if (!m_config.password.isEmpty()) {
        const QByteArray pw = m_config.password.toUtf8();
        redisAsyncCommand(m_ac, &RedisSubscriber::onAuth, this, "AUTH %b", pw.constData(), size_t(pw.size()));
        return;
    }
    if (m_config.db != 0) {
        redisAsyncCommand(m_ac, &RedisSubscriber::onSelect, this, "SELECT %d", m_config.db);
        return;
    }
    subscribeAndWarm();
}

void RedisSubscriber::onAuth(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString err = QString::fromUtf8(reply->str, int(reply->len));
        if (err.contains(QStringLiteral("no password is set")) || err.contains(QStringLiteral("without any password configured"))) {
            qCWarning(fxRedisLog).noquote() << "REDIS_PASSWORD is set but" << self->m_config.endpoint() << "needs none:" << err;
        } else {
            qCWarning(fxRedisLog).noquote() << "authentication to" << self->m_config.endpoint() << "failed:" << err;
            self->m_ac = nullptr;
            redisAsyncFree(ac); // deferred by hiredis until this callback returns
            self->fail(QStringLiteral("authentication failed: %1").arg(err));
            return;
        }
    }
    if (self->m_config.db != 0) {
        redisAsyncCommand(ac, &RedisSubscriber::onSelect, self, "SELECT %d", self->m_config.db);
        return;
    }
    self->subscribeAndWarm();
}

void RedisSubscriber::onSelect(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return;
    if (reply->type == REDIS_REPLY_ERROR) {
        const QString err = QString::fromUtf8(reply->str, int(reply->len));
        self->m_ac = nullptr;
        redisAsyncFree(ac);
        self->fail(QStringLiteral("SELECT %1 failed: %2").arg(self->m_config.db).arg(err));
        return;
    }
    self->subscribeAndWarm();
}

void RedisSubscriber::subscribeAndWarm()
{
    // Pipelined: Redis runs these back to back, so nothing published between the cache read
    // and the subscription can slip through unseen.
    m_warm.clear();
    m_warmOutstanding = int(m_config.pairs.size());
    for (const QString &pair : std::as_const(m_config.pairs)) {
        const QByteArray key = "price:" + pair.toUtf8();
        redisAsyncCommand(m_ac, &RedisSubscriber::onHash, new HashRequest{this, pair}, "HGETALL %b", key.constData(),
                          size_t(key.size()));
    }
    const auto &names = m_channelNames;
    m_pendingSubscribes = int(names.size());
    redisAsyncCommand(m_ac, &RedisSubscriber::onMessage, this, "SUBSCRIBE %b %b %b %b", names[0].constData(),
                      size_t(names[0].size()), names[1].constData(), size_t(names[1].size()), names[2].constData(),
                      size_t(names[2].size()), names[3].constData(), size_t(names[3].size()));
}

void RedisSubscriber::onHash(redisAsyncContext *, void *r, void *privdata)
{
    std::unique_ptr<HashRequest> req(static_cast<HashRequest *>(privdata));
    auto *reply = static_cast<redisReply *>(r);
    RedisSubscriber *self = req->self;
    if (!reply)
        return; // context going away
    if (reply->type == REDIS_REPLY_ARRAY && reply->elements >= 2) {
        QJsonObject price;
        for (size_t i = 0; i + 1 < reply->elements; i += 2) {
            const redisReply *k = reply->element[i];
            const redisReply *v = reply->element[i + 1];
            if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
                continue;
            const QString key = QString::fromUtf8(k->str, int(k->len));
            if (key == u"bid" || key == u"ask" || key == u"mid" || key == u"time")
                price.insert(key, QString::fromUtf8(v->str, int(v->len)));
        }
        const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("instrument"), req->pair},
                                                          {QStringLiteral("price"), price}})
                                    .toJson(QJsonDocument::Compact);
        const protocol::ParseResult parsed = self->m_parser.parse(protocol::ChannelKind::Prices, json, core::nowMicros());
        self->m_warm += parsed.events;
        for (const protocol::Drop &d : parsed.drops) {
            qint64 suppressed = 0;
            if (self->m_logLimiter.allow(QStringLiteral("warm"), &suppressed))
                qCWarning(fxRedisLog).noquote() << "ignoring cached price:" + req->pair << d.detail;
        }
    }
    if (--self->m_warmOutstanding == 0 && !self->m_warm.isEmpty()) {
        qCInfo(fxRedisLog) << "warmed the price cache with" << self->m_warm.size() << "prices from price:<PAIR> hashes";
        Q_EMIT self->cacheWarmed(self->m_warm);
        self->m_warm.clear();
    }
}

void RedisSubscriber::onMessage(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac || reply->type != REDIS_REPLY_ARRAY || reply->elements < 3)
        return;
    const redisReply *type = reply->element[0];
    if (type->type != REDIS_REPLY_STRING)
        return;
    const QByteArray kind(type->str, qsizetype(type->len));
    if (kind == "message" && reply->element[1]->type == REDIS_REPLY_STRING && reply->element[2]->type == REDIS_REPLY_STRING) {
        const int k = self->kindOfChannel(reply->element[1]->str, reply->element[1]->len);
        if (k >= 0)
            self->handleMessage(k, reply->element[2]->str, reply->element[2]->len);
    } else if (kind == "subscribe") {
        if (--self->m_pendingSubscribes == 0) {
            self->m_connectTimer->stop();
            self->m_backoffMs = self->m_config.backoffInitialMs;
            {
                QMutexLocker lock(&self->m_statusMutex);
                ++self->m_status.connects;
                self->m_status.connectedSinceMicros = core::nowMicros();
            }
            qCInfo(fxRedisLog).noquote() << "subscribed at" << self->m_config.endpoint() << "to"
                                         << self->m_status.channels.join(QStringLiteral(", "));
            self->setState(RedisState::Connected);
        }
    }
}

int RedisSubscriber::kindOfChannel(const char *name, size_t len) const
{
    const QByteArrayView n(name, qsizetype(len));
    for (int i = 0; i < protocol::kChannelKindCount; ++i)
        if (n == m_channelNames[size_t(i)])
            return i;
    return -1;
}

void RedisSubscriber::handleMessage(int kind, const char *payload, size_t len)
{
    m_received[size_t(kind)].fetch_add(1, std::memory_order_relaxed);
    const protocol::ParseResult parsed =
        m_parser.parse(protocol::ChannelKind(kind), QByteArrayView(payload, qsizetype(len)), core::nowMicros());
    m_pending += parsed.events;
    for (const protocol::Drop &d : parsed.drops) {
        m_dropped[size_t(kind)][size_t(d.reason)].fetch_add(1, std::memory_order_relaxed);
        const QString channel = m_config.channels[size_t(kind)];
        const QString reason = protocol::dropReasonName(d.reason);
        qint64 suppressed = 0;
        if (m_logLimiter.allow(channel + u'/' + reason, &suppressed)) {
            qCWarning(fxRedisLog).noquote() << QStringLiteral("dropped a message on %1 (%2): %3%4")
                                                   .arg(channel, reason, d.detail,
                                                        suppressed ? QStringLiteral(" (%1 similar suppressed)").arg(suppressed)
                                                                   : QString());
        }
        Q_EMIT messageDropped(channel, reason, d.detail);
    }
}

void RedisSubscriber::flush()
{
    if (m_pending.isEmpty())
        return;
    QList<core::MarketEvent> batch;
    batch.swap(m_pending);
    Q_EMIT eventsReceived(batch);
}

void RedisSubscriber::onDisconnect(const redisAsyncContext *ac, int status)
{
    RedisSubscriber *self = owner(ac);
    if (!self)
        return;
    self->flush();
    if (self->m_ac != ac)
        return; // we freed it ourselves and already know why
    self->m_ac = nullptr;
    const QString why = status == REDIS_OK ? QStringLiteral("connection closed")
                                           : QString::fromUtf8(ac->errstr).isEmpty() ? QStringLiteral("connection lost")
                                                                                      : QString::fromUtf8(ac->errstr);
    self->fail(why);
}

void RedisSubscriber::fail(const QString &reason)
{
    m_connectTimer->stop();
    m_pendingSubscribes = 0;
    if (m_stopping)
        return;
    scheduleRetry();
    const qint64 delay = m_retryTimer->remainingTime();
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("state"), &suppressed))
        qCWarning(fxRedisLog).noquote() << QStringLiteral("Redis at %1 unavailable (%2); retrying in %3 ms")
                                               .arg(m_config.endpoint(), reason).arg(delay);
    setState(RedisState::Disconnected, reason, delay);
}

void RedisSubscriber::scheduleRetry()
{
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    const int delay = std::max(1, int(std::min(m_backoffMs, m_config.backoffMaxMs) * jitter));
    m_backoffMs = std::min(m_backoffMs * 2, m_config.backoffMaxMs);
    m_retryTimer->start(delay);
}

void RedisSubscriber::setState(RedisState s, const QString &reason, qint64 retryInMs)
{
    RedisStatus copy;
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.state = s;
        m_status.reason = reason;
        m_status.retryInMs = retryInMs;
        if (s != RedisState::Connected)
            m_status.connectedSinceMicros = 0;
        copy = m_status;
    }
    Q_EMIT statusChanged(copy);
}

void RedisSubscriber::publishStatus()
{
    Q_EMIT statusChanged(status());
}

RedisStatus RedisSubscriber::status() const
{
    QMutexLocker lock(&m_statusMutex);
    return m_status;
}

quint64 RedisSubscriber::messagesReceived(protocol::ChannelKind kind) const
{
    return m_received[size_t(kind)].load(std::memory_order_relaxed);
}

quint64 RedisSubscriber::dropped(protocol::ChannelKind kind, protocol::DropReason reason) const
{
    return m_dropped[size_t(kind)][size_t(reason)].load(std::memory_order_relaxed);
}

quint64 RedisSubscriber::droppedTotal() const
{
    quint64 n = 0;
    for (const auto &row : m_dropped)
        for (const auto &d : row)
            n += d.load(std::memory_order_relaxed);
    return n;
}

QJsonObject RedisSubscriber::statusJson() const
{
    const RedisStatus s = status();
    QJsonObject messages, drops;
    for (int k = 0; k < protocol::kChannelKindCount; ++k) {
        const QString name = m_config.channels[size_t(k)];
        messages.insert(name, qint64(messagesReceived(protocol::ChannelKind(k))));
        QJsonObject reasons;
        for (int r = 0; r < protocol::kDropReasonCount; ++r) {
            const quint64 n = dropped(protocol::ChannelKind(k), protocol::DropReason(r));
            if (n)
                reasons.insert(protocol::dropReasonName(protocol::DropReason(r)), qint64(n));
        }
        drops.insert(name, reasons);
    }
    QJsonObject o{
        {QStringLiteral("connected"), s.connected()},
        {QStringLiteral("state"), redisStateName(s.state)},
        {QStringLiteral("endpoint"), s.endpoint},
        {QStringLiteral("db"), s.db},
        {QStringLiteral("channels"), QJsonArray::fromStringList(s.channels)},
        {QStringLiteral("messages"), messages},
        {QStringLiteral("dropped"), drops},
        {QStringLiteral("connects"), qint64(s.connects)},
        {QStringLiteral("status"), s.describe()},
    };
    if (!s.reason.isEmpty())
        o.insert(QStringLiteral("reason"), s.reason);
    if (s.state == RedisState::Disconnected)
        o.insert(QStringLiteral("retry_in_ms"), s.retryInMs);
    if (s.connectedSinceMicros)
        o.insert(QStringLiteral("connected_since"), core::isoTimestamp(s.connectedSinceMicros));
    return o;
}

RedisSubscriberThread::RedisSubscriberThread(RedisConfig config)
    : m_thread(new QThread), m_subscriber(new RedisSubscriber(std::move(config)))
{
    m_thread->setObjectName(QStringLiteral("fx-redis"));
    m_subscriber->moveToThread(m_thread);
}

void RedisSubscriberThread::start()
{
    m_thread->start();
    QMetaObject::invokeMethod(m_subscriber, &RedisSubscriber::start, Qt::QueuedConnection);
}

RedisSubscriberThread::~RedisSubscriberThread()
{
    if (m_thread->isRunning()) {
        QMetaObject::invokeMethod(m_subscriber, &RedisSubscriber::stop, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
    delete m_subscriber;
    delete m_thread;
}

} // namespace fx::redis
