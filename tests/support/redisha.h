#pragma once

// Real Redis high-availability setups on loopback for the tests and bench/sentinel_failover
// (REDIS.md, "Sentinel" and "Cluster"): a master, a replica and Sentinels (redis-sentinel) in a
// temporary directory, or a cluster of masters made with redis-cli --cluster create.

#include "support/redisserver.h"

#include <QList>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

namespace fx::test {

// One command to a Redis or Sentinel on a loopback port: its reply as text (arrays joined by
// newlines); empty on any failure.
QByteArray redisCommand(quint16 port, const QList<QByteArray> &args, const QString &password = {});

class SentinelSetup
{
public:
    static constexpr const char *kMaster = "fxmaster";
    struct Options
    {
        QString sentinelPassword; // requirepass of the Sentinels (empty: none)
        int sentinels = 3;
        int downAfterMs = 1000;
        int failoverTimeoutMs = 3000;
    };

    SentinelSetup();
    ~SentinelSetup();
    bool start(const Options &options);
    bool start() { return start(Options{}); }
    // "127.0.0.1:p1,127.0.0.1:p2,..." for REDIS_SENTINELS.
    QString sentinelList() const;
    quint16 sentinelPort(int i) const { return m_sentinelPorts.value(i); }
    // The data servers (0: the first master, 1: the first replica).
    RedisServer &server(int i) { return *m_servers[size_t(i)]; }
    // Which server the Sentinels name as master now (-1: none answers or an unknown port).
    int masterIndex() const;
    // The master has a replica in sync and every Sentinel knows both and the other Sentinels.
    bool waitReady(int timeoutMs);
    // SIGKILLs the current master; returns its index (-1 when there is none).
    int killMaster();
    // The Sentinels name server `index` as the master.
    bool waitMaster(int index, int timeoutMs);
    // Restarts a killed server (the Sentinels make it a replica of the current master).
    bool restartServer(int index);
    void killSentinels();

private:
    bool startSentinel(int i);
    Options m_options;
    QTemporaryDir m_dir;
    std::vector<std::unique_ptr<RedisServer>> m_servers;
    std::vector<std::unique_ptr<QProcess>> m_sentinels;
    QList<quint16> m_sentinelPorts;
};

class ClusterSetup
{
public:
    ~ClusterSetup();
    // `masters` cluster-enabled servers on free ports, slots spread by redis-cli --cluster create.
    bool start(int masters = 3);
    QString nodeList() const; // "127.0.0.1:p1,..." for REDIS_CLUSTER_NODES
    RedisServer &node(int i) { return *m_nodes[size_t(i)]; }
    int size() const { return int(m_nodes.size()); }
    // The node that serves a key's slot (CLUSTER KEYSLOT and CLUSTER SLOTS), -1 when unknown.
    int nodeOfKey(const QByteArray &key) const;

private:
    std::vector<std::unique_ptr<RedisServer>> m_nodes;
};

} // namespace fx::test
