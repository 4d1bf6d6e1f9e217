// RedisSubscriber, finding the Redis (REDIS.md, "Sentinel" and "Cluster"): the master named by
// the Sentinels (checked with ROLE) or the next reachable cluster node; a +switch-master moves
// the subscription at once; the price:<PAIR> hashes a cluster keeps on other nodes are read
// through their MOVED/ASK redirections.

#include "redis/redissubscriber.h"

#include "redis/redisblocking.h"
#include "redis/redislog.h"
#include "redis/sentinelwatch.h"

#include <QTimer>
#include <utility>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

bool RedisSubscriber::chooseTarget(core::HostPort *target, QString *error)
{
    if (m_config.topology() == RedisTopology::Cluster) {
        *target = m_config.clusterNodes.at(m_nodeIndex % m_config.clusterNodes.size());
        setEndpoint(target->toString());
        return true;
    }
    // Sentinel: blocking on this thread, each step bounded by sentinelTimeoutMs.
    m_watch->start(m_sentinelIndex);
    MasterLookup lookup;
    const bool found = findMaster(m_config, m_sentinelIndex, &lookup);
    m_badReplies.fetch_add(quint64(lookup.badReplies), std::memory_order_relaxed);
    if (!found) {
        *error = lookup.error;
        // The next lookup starts at the next Sentinel.
        m_sentinelIndex = int((m_sentinelIndex + 1) % m_config.sentinels.size());
        return false;
    }
    m_sentinelIndex = lookup.sentinelIndex;
    *target = lookup.master;
    setEndpoint(target->toString());
    return true;
}

void RedisSubscriber::setEndpoint(const QString &endpoint)
{
    m_endpoint = endpoint;
    QMutexLocker lock(&m_statusMutex);
    m_status.endpoint = endpoint;
}

void RedisSubscriber::onMasterSwitched(const core::HostPort &master)
{
    m_masterSwitches.fetch_add(1, std::memory_order_relaxed);
    if (m_stopping)
        return;
    if (m_ac && m_endpoint == master.toString())
        return; // already there (our own retry found it first)
    qCInfo(fxRedisLog).noquote() << "following the Sentinels to the new master" << master.toString();
    flush();
    if (m_ac) {
        redisAsyncContext *ac = m_ac;
        m_ac = nullptr; // its disconnect callback changes nothing now
        redisAsyncFree(ac);
    }
    m_connectTimer->stop();
    m_retryTimer->stop();
    m_pendingSubscribes = 0;
    m_backoffMs = m_config.backoffInitialMs;
    connectNow();
}

bool RedisSubscriber::noteRedirect(const QString &pair, const redisReply *reply)
{
    if (!m_router || reply->type != REDIS_REPLY_ERROR)
        return false;
    Redirect redirect;
    QString why;
    switch (parseRedirect(QByteArrayView(reply->str, qsizetype(reply->len)), &redirect, &why)) {
    case RedirectParse::NotRedirect: return false;
    case RedirectParse::Invalid: countBadReply(QStringLiteral("price:%1: %2").arg(pair, why)); return true;
    case RedirectParse::Ok: break;
    }
    m_redirected.append({pair, redirect});
    return true;
}

void RedisSubscriber::warmRedirected()
{
    // Blocking reads on this thread, each bounded (connect and reply) by sentinelTimeoutMs;
    // messages that arrive meanwhile wait in the socket and follow the warm prices.
    const QList<QPair<QString, Redirect>> todo = std::exchange(m_redirected, {});
    for (const auto &[pair, redirect] : todo) {
        QString error;
        const quint64 badBefore = m_router->badReplies();
        ReplyPtr reply = m_router->follow({"HGETALL", "price:" + pair.toUtf8()}, redirect, &error);
        if (const quint64 bad = m_router->badReplies() - badBefore)
            m_badReplies.fetch_add(bad, std::memory_order_relaxed);
        if (!reply) {
            qint64 suppressed = 0;
            if (m_logLimiter.allow(QStringLiteral("warm-redirect"), &suppressed))
                qCWarning(fxRedisLog).noquote() << "cannot read price:" + pair << "from the cluster:" << error;
            continue;
        }
        warmPrice(pair, reply.get());
    }
}

void RedisSubscriber::countBadReply(const QString &why)
{
    m_badReplies.fetch_add(1, std::memory_order_relaxed);
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("bad-reply"), &suppressed))
        qCWarning(fxRedisLog).noquote() << "refused a malformed Redis reply:" << why;
}

} // namespace fx::redis
