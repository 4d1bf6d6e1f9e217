#include "redis/redisblocking.h"

#include "core/logging.h"
#include "redis/redislog.h"

#include <hiredis/hiredis.h>

#include <vector>

namespace fx::redis {

namespace {
timeval toTimeval(int ms)
{
    return timeval{ms / 1000, (ms % 1000) * 1000};
}

core::logging::RateLimiter &limiter()
{
    static core::logging::RateLimiter l(5, 10000);
    return l;
}

void logBad(const QString &what)
{
    qint64 suppressed = 0;
    if (limiter().allow(QStringLiteral("bad-reply"), &suppressed))
        qCWarning(fxRedisLog).noquote() << "refused a malformed Redis reply:" << what
                                        << (suppressed ? QStringLiteral("(%1 similar suppressed)").arg(suppressed)
                                                       : QString());
}
} // namespace

void ContextDeleter::operator()(redisContext *c) const
{
    redisFree(c);
}

void ReplyDeleter::operator()(redisReply *r) const
{
    freeReplyObject(r);
}

QString replyErrorText(const redisReply *r)
{
    if (!r || !r->str)
        return {};
    return QString::fromUtf8(r->str, int(std::min<size_t>(r->len, 200)));
}

ReplyPtr commandBlocking(redisContext *c, const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    return ReplyPtr(static_cast<redisReply *>(redisCommandArgv(c, int(argv.size()), argv.data(), lens.data())));
}

ContextPtr connectBlocking(const core::HostPort &node, const QList<QByteArray> &auth, int db, int timeoutMs,
                           QString *error)
{
    ContextPtr c(redisConnectWithTimeout(node.host.toUtf8().constData(), node.port, toTimeval(timeoutMs)));
    if (!c || c->err) {
        *error = QStringLiteral("%1: %2").arg(node.toString(),
                                              c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory"));
        return {};
    }
    redisSetTimeout(c.get(), toTimeval(timeoutMs));
    auto check = [&](const QList<QByteArray> &args, const char *what) {
        ReplyPtr r = commandBlocking(c.get(), args);
        if (r && r->type != REDIS_REPLY_ERROR)
            return true;
        *error = QStringLiteral("%1: %2 failed: %3")
                     .arg(node.toString(), QLatin1StringView(what),
                          r ? replyErrorText(r.get()) : QString::fromUtf8(c->errstr));
        return false;
    };
    if (!auth.isEmpty() && !check(QList<QByteArray>{"AUTH"} + auth, "AUTH"))
        return {};
    if (db != 0 && !check({"SELECT", QByteArray::number(db)}, "SELECT"))
        return {};
    return c;
}

bool findMaster(const RedisConfig &config, int first, MasterLookup *out)
{
    QString authError;
    const QList<QByteArray> dataAuth = config.authArguments(&authError);
    if (!authError.isEmpty()) {
        out->error = authError;
        return false;
    }
    const QByteArray name = config.sentinelMaster.toUtf8();
    const qsizetype n = config.sentinels.size();
    QStringList reasons;
    for (qsizetype i = 0; i < n; ++i) {
        const int index = int((std::max(first, 0) + i) % n);
        const core::HostPort &sentinel = config.sentinels.at(index);
        QString why;
        ContextPtr s = connectBlocking(sentinel, config.sentinelAuthArguments(), 0, config.sentinelTimeoutMs, &why);
        if (!s) {
            reasons << QStringLiteral("sentinel %1").arg(why);
            continue;
        }
        ReplyPtr r = commandBlocking(s.get(), {"SENTINEL", "get-master-addr-by-name", name});
        if (!r) {
            reasons << QStringLiteral("sentinel %1: %2").arg(sentinel.toString(), QString::fromUtf8(s->errstr));
            continue;
        }
        core::HostPort master;
        if (!masterAddressFromReply(r.get(), &master, &why)) {
            if (r->type != REDIS_REPLY_NIL && r->type != REDIS_REPLY_ERROR) {
                ++out->badReplies;
                logBad(QStringLiteral("sentinel %1: %2").arg(sentinel.toString(), why));
            }
            reasons << QStringLiteral("sentinel %1: %2").arg(sentinel.toString(), why);
            continue;
        }
        s.reset();
        // The Sentinel may still name the old master for a moment during a failover: ask it.
        ContextPtr m = connectBlocking(master, dataAuth, 0, config.sentinelTimeoutMs, &why);
        if (!m) {
            reasons << QStringLiteral("master %1").arg(why);
            continue;
        }
        ReplyPtr role = commandBlocking(m.get(), {"ROLE"});
        QByteArray roleName;
        if (!role) {
            reasons << QStringLiteral("master %1: %2").arg(master.toString(), QString::fromUtf8(m->errstr));
            continue;
        }
        if (!roleFromReply(role.get(), &roleName, &why)) {
            if (role->type != REDIS_REPLY_ERROR) {
                ++out->badReplies;
                logBad(QStringLiteral("%1: %2").arg(master.toString(), why));
            }
            reasons << QStringLiteral("master %1: %2").arg(master.toString(), why);
            continue;
        }
        if (roleName != "master") {
            reasons << QStringLiteral("%1 named by sentinel %2 is a %3, not a master")
                           .arg(master.toString(), sentinel.toString(), QString::fromLatin1(roleName));
            continue;
        }
        out->master = master;
        out->sentinelIndex = index;
        out->error.clear();
        return true;
    }
    out->error = QStringLiteral("no Sentinel named a reachable master \"%1\" (%2)")
                     .arg(config.sentinelMaster, reasons.join(QStringLiteral("; ")));
    return false;
}

ClusterRouter::ClusterRouter(RedisConfig config) : m_config(std::move(config))
{
}

ClusterRouter::~ClusterRouter() = default;

void ClusterRouter::clear()
{
    m_nodes.clear();
}

redisContext *ClusterRouter::node(const core::HostPort &hp, QString *error)
{
    const QString key = hp.toString();
    if (auto it = m_nodes.find(key); it != m_nodes.end())
        return it->second.get();
    if (m_nodes.size() >= size_t(core::kMaxEndpoints) * 4) // a bound on connections kept
        m_nodes.clear();
    QString authError;
    const QList<QByteArray> auth = m_config.authArguments(&authError);
    if (!authError.isEmpty()) {
        *error = authError;
        return nullptr;
    }
    ContextPtr c = connectBlocking(hp, auth, 0, std::max(m_config.sentinelTimeoutMs, 1), error);
    if (!c)
        return nullptr;
    return m_nodes.emplace(key, std::move(c)).first->second.get();
}

ReplyPtr ClusterRouter::follow(const QList<QByteArray> &args, const Redirect &first, QString *error)
{
    Redirect r = first;
    for (int hop = 0; hop < kMaxRedirects; ++hop) {
        ++m_redirects;
        redisContext *c = node(r.node, error);
        if (!c)
            return {};
        if (r.kind == Redirect::Ask) {
            ReplyPtr asking = commandBlocking(c, {"ASKING"});
            if (!asking || asking->type == REDIS_REPLY_ERROR) {
                *error = QStringLiteral("ASKING at %1 failed").arg(r.node.toString());
                m_nodes.erase(r.node.toString());
                return {};
            }
        }
        ReplyPtr reply = commandBlocking(c, args);
        if (!reply) {
            *error = QStringLiteral("%1: %2").arg(r.node.toString(), QString::fromUtf8(c->errstr));
            m_nodes.erase(r.node.toString());
            return {};
        }
        if (reply->type != REDIS_REPLY_ERROR)
            return reply;
        QString why;
        switch (parseRedirect(QByteArrayView(reply->str, qsizetype(reply->len)), &r, &why)) {
        case RedirectParse::NotRedirect: return reply; // the command's own error
        case RedirectParse::Invalid:
            ++m_badReplies;
            logBad(QStringLiteral("%1: %2").arg(r.node.toString(), why));
            *error = why;
            return {};
        case RedirectParse::Ok: break;
        }
    }
    *error = QStringLiteral("more than %1 cluster redirections").arg(kMaxRedirects);
    return {};
}

} // namespace fx::redis
