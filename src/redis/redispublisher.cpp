#include "redis/redispublisher.h"

#include "redis/redisblocking.h"
#include "redis/redislog.h"

#include <QDateTime>

#include <hiredis/hiredis.h>

#include <vector>

namespace fx::redis {

namespace {
// After a failed Sentinel lookup, calls within this time fail at once with the same error
// instead of asking the Sentinels again (a feed publishing every few ms would flood them).
constexpr qint64 kLookupRetryMs = 50;
} // namespace

RedisPublisher::RedisPublisher(RedisConfig config)
    : m_config(std::move(config))
    , m_host(m_config.host)
    , m_port(m_config.port)
{
    if (m_config.topology() == RedisTopology::Cluster) {
        m_router = std::make_unique<ClusterRouter>(m_config);
        m_host = m_config.clusterNodes.first().host;
        m_port = m_config.clusterNodes.first().port;
    } else if (m_config.topology() == RedisTopology::Sentinel) {
        m_host.clear();
        m_port = 0;
    }
}

RedisPublisher::~RedisPublisher()
{
    disconnect();
}

void RedisPublisher::disconnect()
{
    if (m_ctx)
        redisFree(m_ctx);
    m_ctx = nullptr;
    if (m_router)
        m_router->clear();
}

void RedisPublisher::connectionBroke()
{
    disconnect();
    // A cluster: try the next node first (this one is probably down).
    if (m_config.topology() == RedisTopology::Cluster)
        m_nodeIndex = int((m_nodeIndex + 1) % m_config.clusterNodes.size());
}

QString RedisPublisher::endpoint() const
{
    if (m_config.topology() == RedisTopology::Direct)
        return m_config.endpoint();
    if (m_host.isEmpty())
        return QStringLiteral("(unknown)");
    return core::HostPort{m_host, m_port}.toString();
}

quint64 RedisPublisher::badReplies() const
{
    return m_badReplies + (m_router ? m_router->badReplies() : 0);
}

quint64 RedisPublisher::redirects() const
{
    return m_router ? m_router->redirects() : 0;
}

static redisReply *run(redisContext *c, const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    return static_cast<redisReply *>(redisCommandArgv(c, int(argv.size()), argv.data(), lens.data()));
}

bool RedisPublisher::ensureConnected(QString *error)
{
    if (m_ctx)
        return true;
    switch (m_config.topology()) {
    case RedisTopology::Sentinel: return connectSentinel(error);
    case RedisTopology::Cluster: return connectCluster(error);
    case RedisTopology::Direct: break;
    }
    return connectTo(m_config.host, m_config.port, error);
}

bool RedisPublisher::connectSentinel(QString *error)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_lookupFailedAtMs >= 0 && now - m_lookupFailedAtMs < kLookupRetryMs) {
        *error = m_lookupError;
        return false;
    }
    MasterLookup lookup;
    const bool found = findMaster(m_config, m_sentinelIndex, &lookup);
    m_badReplies += quint64(lookup.badReplies);
    if (!found) {
        m_lookupFailedAtMs = now;
        m_lookupError = lookup.error;
        *error = lookup.error;
        return false;
    }
    m_lookupFailedAtMs = -1;
    m_sentinelIndex = lookup.sentinelIndex;
    const bool changed = !m_host.isEmpty() && (m_host != lookup.master.host || m_port != lookup.master.port);
    if (!connectTo(lookup.master.host, lookup.master.port, error))
        return false;
    if (changed) {
        ++m_masterSwitches;
        qCInfo(fxRedisLog).noquote() << "publisher follows the new master" << endpoint() << "named by the Sentinels";
    }
    return true;
}

bool RedisPublisher::connectCluster(QString *error)
{
    const qsizetype n = m_config.clusterNodes.size();
    QStringList reasons;
    for (qsizetype i = 0; i < n; ++i) {
        const core::HostPort &node = m_config.clusterNodes.at((m_nodeIndex + i) % n);
        QString why;
        if (connectTo(node.host, node.port, &why)) {
            m_nodeIndex = int((m_nodeIndex + i) % n);
            return true;
        }
        reasons << why;
    }
    *error = QStringLiteral("no cluster node reachable (%1)").arg(reasons.join(QStringLiteral("; ")));
    return false;
}

bool RedisPublisher::connectTo(const QString &host, quint16 port, QString *error)
{
    const timeval tv{m_config.connectTimeoutMs / 1000, (m_config.connectTimeoutMs % 1000) * 1000};
    const bool unixSocket = m_config.topology() == RedisTopology::Direct && !m_config.socketPath.isEmpty();
    redisContext *c = unixSocket ? redisConnectUnixWithTimeout(m_config.socketPath.toUtf8().constData(), tv)
                                 : redisConnectWithTimeout(host.toUtf8().constData(), port, tv);
    if (!c || c->err) {
        *error = c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory");
        if (c)
            redisFree(c);
        return false;
    }
    redisSetTimeout(c, timeval{m_config.commandTimeoutMs / 1000, (m_config.commandTimeoutMs % 1000) * 1000});
    auto check = [&](const QList<QByteArray> &args) {
        redisReply *r = run(c, args);
        const bool ok = r && r->type != REDIS_REPLY_ERROR;
        if (!ok)
            *error = r ? QString::fromUtf8(r->str, int(r->len)) : QString::fromUtf8(c->errstr);
        if (r)
            freeReplyObject(r);
        return ok;
    };
    QString authError;
    const QList<QByteArray> auth = m_config.authArguments(&authError);
    if (!authError.isEmpty()) {
        *error = authError;
        redisFree(c);
        return false;
    }
    if (!auth.isEmpty() && !check(QList<QByteArray>{"AUTH"} + auth)) {
        redisFree(c);
        return false;
    }
    if (m_config.db != 0 && !check({"SELECT", QByteArray::number(m_config.db)})) {
        redisFree(c);
        return false;
    }
    m_ctx = c;
    m_host = host;
    m_port = port;
    m_readOnly = false;
    return true;
}

void RedisPublisher::appendPublish(const QString &channel, const QByteArray &payload)
{
    m_queue.append({"PUBLISH", channel.toUtf8(), payload});
}

void RedisPublisher::appendHashSet(const QByteArray &key, const QList<QPair<QByteArray, QByteArray>> &fields)
{
    QList<QByteArray> args{"HSET", key};
    for (const auto &[k, v] : fields)
        args << k << v;
    m_queue.append(args);
}

void RedisPublisher::appendCommand(const QList<QByteArray> &args)
{
    m_queue.append(args);
}

bool RedisPublisher::redirected(const QList<QByteArray> &args, void **reply, QString *error)
{
    auto *r = static_cast<redisReply *>(*reply);
    const QByteArrayView text(r->str, qsizetype(r->len));
    if (m_config.topology() == RedisTopology::Sentinel && isReadOnlyError(text)) {
        m_readOnly = true; // a demoted master: ask the Sentinels again (after this batch)
        return false;
    }
    if (!m_router)
        return false;
    Redirect redirect;
    QString why;
    switch (parseRedirect(text, &redirect, &why)) {
    case RedirectParse::NotRedirect: return false;
    case RedirectParse::Invalid:
        ++m_badReplies;
        *error = why;
        return false;
    case RedirectParse::Ok: break;
    }
    ReplyPtr next = m_router->follow(args, redirect, error);
    if (!next)
        return false;
    freeReplyObject(r);
    *reply = next.release();
    return true;
}

bool RedisPublisher::flush(QString *error, qint64 *subscribers)
{
    if (m_queue.isEmpty())
        return true;
    QList<QList<QByteArray>> queue;
    queue.swap(m_queue);
    if (!ensureConnected(error))
        return false;
    for (const QList<QByteArray> &args : queue) {
        std::vector<const char *> argv;
        std::vector<size_t> lens;
        for (const QByteArray &a : args) {
            argv.push_back(a.constData());
            lens.push_back(size_t(a.size()));
        }
        if (redisAppendCommandArgv(m_ctx, int(argv.size()), argv.data(), lens.data()) != REDIS_OK) {
            *error = QString::fromUtf8(m_ctx->errstr);
            disconnect();
            return false;
        }
    }
    bool ok = true;
    qint64 total = 0;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        void *r = nullptr;
        if (redisGetReply(m_ctx, &r) != REDIS_OK) {
            *error = QString::fromUtf8(m_ctx->errstr);
            connectionBroke();
            return false;
        }
        QString why;
        if (static_cast<redisReply *>(r)->type == REDIS_REPLY_ERROR && !redirected(queue.at(i), &r, &why)) {
            auto *reply = static_cast<redisReply *>(r);
            *error = why.isEmpty() ? QString::fromUtf8(reply->str, int(reply->len)) : why;
            ok = false;
        }
        auto *reply = static_cast<redisReply *>(r);
        if (reply->type == REDIS_REPLY_INTEGER && queue.at(i).first() == "PUBLISH")
            total += reply->integer;
        freeReplyObject(reply);
    }
    if (m_readOnly)
        disconnect();
    if (subscribers)
        *subscribers = total;
    return ok;
}

bool RedisPublisher::commandOnce(const QList<QByteArray> &args, QString *error, QByteArray *out, bool *broken)
{
    *broken = false;
    if (!ensureConnected(error))
        return false;
    void *raw = run(m_ctx, args);
    if (!raw) {
        *error = QString::fromUtf8(m_ctx->errstr);
        *broken = true;
        connectionBroke();
        return false;
    }
    bool ok = true;
    QString why;
    if (static_cast<redisReply *>(raw)->type == REDIS_REPLY_ERROR && !redirected(args, &raw, &why)) {
        auto *r = static_cast<redisReply *>(raw);
        *error = why.isEmpty() ? QString::fromUtf8(r->str, int(r->len)) : why;
        ok = false;
    }
    auto *r = static_cast<redisReply *>(raw);
    QByteArray text;
    switch (r->type) {
    case REDIS_REPLY_INTEGER: text = QByteArray::number(r->integer); break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS: text = QByteArray(r->str, qsizetype(r->len)); break;
    case REDIS_REPLY_ARRAY:
        for (size_t i = 0; i < r->elements; ++i) {
            if (i)
                text += '\n';
            if (r->element[i]->str)
                text += QByteArray(r->element[i]->str, qsizetype(r->element[i]->len));
        }
        break;
    default: break;
    }
    freeReplyObject(r);
    if (m_readOnly) {
        *broken = true;
        disconnect();
    }
    if (out)
        *out = text;
    return ok;
}

bool RedisPublisher::command(const QList<QByteArray> &args, QString *error, QByteArray *out)
{
    bool broken = false;
    if (commandOnce(args, error, out, &broken))
        return true;
    // Sentinel or cluster: a broken connection or a demoted master is retried once on the Redis
    // found again (a PUBLISH may then arrive twice; a price twice is harmless, none is a gap).
    if (!broken || m_config.topology() == RedisTopology::Direct)
        return false;
    error->clear();
    return commandOnce(args, error, out, &broken);
}

bool RedisPublisher::publish(const QString &channel, const QByteArray &payload, QString *error)
{
    return command({"PUBLISH", channel.toUtf8(), payload}, error);
}

} // namespace fx::redis
