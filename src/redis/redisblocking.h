#pragma once

// Blocking hiredis helpers for finding the Redis to talk to (REDIS.md, "Sentinel" and
// "Cluster"): asking Sentinels for the master and checking its ROLE, and running a command on a
// cluster while following MOVED/ASK. Every step is bounded by RedisConfig::sentinelTimeoutMs
// (connect, and each reply). Used by RedisPublisher on its caller's thread and by
// RedisSubscriber on its own thread (never the GUI thread or the server's I/O threads).

#include "redis/redisconfig.h"
#include "redis/redisreplies.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <map>
#include <memory>

struct redisContext;
struct redisReply;

namespace fx::redis {

struct ContextDeleter
{
    void operator()(redisContext *c) const;
};
struct ReplyDeleter
{
    void operator()(redisReply *r) const;
};
using ContextPtr = std::unique_ptr<redisContext, ContextDeleter>;
using ReplyPtr = std::unique_ptr<redisReply, ReplyDeleter>;

// A TCP connection with AUTH (auth empty: none) and SELECT (db 0: none), each step bounded by
// timeoutMs; null with *error on failure (the error never contains a password).
ContextPtr connectBlocking(const core::HostPort &node, const QList<QByteArray> &auth, int db, int timeoutMs,
                           QString *error);
// One command; null when the connection broke (then c->errstr says why).
ReplyPtr commandBlocking(redisContext *c, const QList<QByteArray> &args);
QString replyErrorText(const redisReply *r); // an error reply's text, at most 200 characters

// The result of asking the Sentinels for the master.
struct MasterLookup
{
    core::HostPort master;
    int sentinelIndex = -1; // the Sentinel that answered (index in RedisConfig::sentinels)
    int badReplies = 0; // replies refused as malformed (counted by the caller)
    QString error; // why no master was found (every Sentinel's reason, no secrets)
};

// Asks config.sentinels in turn from index `first` (SENTINEL get-master-addr-by-name), then
// checks with ROLE that the address is a master; a Sentinel naming a replica or an unreachable
// address is skipped for the next one. False with out->error when none names a working master.
bool findMaster(const RedisConfig &config, int first, MasterLookup *out);

// Connections to cluster nodes for following redirections (REDIS.md, "Cluster").
class ClusterRouter
{
public:
    explicit ClusterRouter(RedisConfig config);
    ~ClusterRouter();
    ClusterRouter(const ClusterRouter &) = delete;
    ClusterRouter &operator=(const ClusterRouter &) = delete;

    // Runs args on the node a redirection named (after ASKING for an ASK), and follows further
    // MOVED/ASK up to kMaxRedirects hops. Null with *error on a connection failure, too many
    // hops or a malformed redirection (counted in badReplies()).
    ReplyPtr follow(const QList<QByteArray> &args, const Redirect &first, QString *error);
    quint64 redirects() const { return m_redirects; }
    quint64 badReplies() const { return m_badReplies; }
    void clear();

private:
    redisContext *node(const core::HostPort &hp, QString *error);

    RedisConfig m_config;
    std::map<QString, ContextPtr> m_nodes;
    quint64 m_redirects = 0;
    quint64 m_badReplies = 0;
};

} // namespace fx::redis
