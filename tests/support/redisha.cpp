#include "support/redisha.h"

#include "redis/redispublisher.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTest>

namespace fx::test {

QByteArray redisCommand(quint16 port, const QList<QByteArray> &args, const QString &password)
{
    redis::RedisConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    c.password = password;
    c.connectTimeoutMs = 1000;
    redis::RedisPublisher p(c);
    QString error;
    QByteArray reply;
    if (!p.command(args, &error, &reply))
        return {};
    return reply;
}

namespace {
// "key\nvalue\nkey\nvalue..." (a flat array reply) as a map.
QHash<QByteArray, QByteArray> pairs(const QByteArray &flat)
{
    QHash<QByteArray, QByteArray> out;
    const QList<QByteArray> items = flat.split('\n');
    for (qsizetype i = 0; i + 1 < items.size(); i += 2)
        out.insert(items[i], items[i + 1]);
    return out;
}
} // namespace

SentinelSetup::SentinelSetup() = default;

SentinelSetup::~SentinelSetup()
{
    killSentinels();
}

bool SentinelSetup::start(const Options &options)
{
    m_options = options;
    auto master = std::make_unique<RedisServer>();
    if (!master->start())
        return false;
    const quint16 masterPort = master->port();
    m_servers.push_back(std::move(master));
    auto replica = std::make_unique<RedisServer>();
    if (!replica->start({QStringLiteral("--replicaof"), QStringLiteral("127.0.0.1"), QString::number(masterPort)}))
        return false;
    m_servers.push_back(std::move(replica));
    for (int i = 0; i < options.sentinels; ++i)
        if (!startSentinel(i))
            return false;
    return true;
}

bool SentinelSetup::startSentinel(int i)
{
    for (int attempt = 0; attempt < 5; ++attempt) {
        const quint16 port = freePort();
        const QString conf = m_dir.filePath(QStringLiteral("sentinel-%1.conf").arg(i));
        QFile f(conf);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        QByteArray text = "bind 127.0.0.1\nport " + QByteArray::number(port) + "\ndir " + m_dir.path().toUtf8()
            + "\nsentinel monitor " + kMaster + " 127.0.0.1 " + QByteArray::number(m_servers[0]->port()) + " 2\n"
            + "sentinel down-after-milliseconds " + kMaster + ' ' + QByteArray::number(m_options.downAfterMs) + '\n'
            + "sentinel failover-timeout " + kMaster + ' ' + QByteArray::number(m_options.failoverTimeoutMs) + '\n'
            + "sentinel parallel-syncs " + kMaster + " 1\n";
        if (!m_options.sentinelPassword.isEmpty())
            text += "requirepass " + m_options.sentinelPassword.toUtf8() + "\nsentinel sentinel-pass "
                + m_options.sentinelPassword.toUtf8() + '\n';
        f.write(text);
        f.close();
        auto proc = std::make_unique<QProcess>();
        proc->setProcessChannelMode(QProcess::MergedChannels);
        proc->start(QStringLiteral("redis-server"), {conf, QStringLiteral("--sentinel")});
        if (!proc->waitForStarted(3000))
            continue;
        const bool up = QTest::qWaitFor(
            [&] {
                return proc->state() == QProcess::Running
                    && redisCommand(port, {"PING"}, m_options.sentinelPassword) == "PONG";
            },
            5000);
        if (!up) {
            proc->kill();
            proc->waitForFinished(3000);
            continue;
        }
        m_sentinels.push_back(std::move(proc));
        m_sentinelPorts << port;
        return true;
    }
    return false;
}

QString SentinelSetup::sentinelList() const
{
    QStringList l;
    for (quint16 p : m_sentinelPorts)
        l << QStringLiteral("127.0.0.1:%1").arg(p);
    return l.join(u',');
}

int SentinelSetup::masterIndex() const
{
    for (quint16 p : m_sentinelPorts) {
        const QList<QByteArray> addr =
            redisCommand(p, {"SENTINEL", "get-master-addr-by-name", kMaster}, m_options.sentinelPassword).split('\n');
        if (addr.size() != 2)
            continue;
        for (size_t i = 0; i < m_servers.size(); ++i)
            if (addr[1].toUInt() == m_servers[i]->port())
                return int(i);
    }
    return -1;
}

bool SentinelSetup::waitReady(int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const int m = masterIndex();
            if (m < 0)
                return false;
            const QByteArray info = redisCommand(m_servers[size_t(m)]->port(), {"INFO", "replication"});
            if (!info.contains("role:master") || !info.contains("connected_slaves:1"))
                return false;
            for (size_t i = 0; i < m_servers.size(); ++i)
                if (int(i) != m && m_servers[i]->isRunning()
                    && !redisCommand(m_servers[i]->port(), {"INFO", "replication"}).contains("master_link_status:up"))
                    return false;
            for (quint16 p : m_sentinelPorts) {
                const auto fields = pairs(redisCommand(p, {"SENTINEL", "master", kMaster}, m_options.sentinelPassword));
                if (fields.value("num-slaves").toInt() < 1
                    || fields.value("num-other-sentinels").toInt() < int(m_sentinelPorts.size()) - 1
                    || fields.value("flags") != "master")
                    return false;
            }
            return true;
        },
        timeoutMs);
}

int SentinelSetup::killMaster()
{
    const int m = masterIndex();
    if (m >= 0)
        m_servers[size_t(m)]->kill9();
    return m;
}

bool SentinelSetup::waitMaster(int index, int timeoutMs)
{
    return QTest::qWaitFor([&] { return masterIndex() == index; }, timeoutMs);
}

bool SentinelSetup::restartServer(int index)
{
    return m_servers[size_t(index)]->restart();
}

void SentinelSetup::killSentinels()
{
    for (auto &p : m_sentinels) {
        if (p->state() == QProcess::Running) {
            p->kill();
            p->waitForFinished(3000);
        }
    }
}

ClusterSetup::~ClusterSetup() = default;

bool ClusterSetup::start(int masters)
{
    QStringList addrs;
    for (int i = 0; i < masters; ++i) {
        auto node = std::make_unique<RedisServer>();
        if (!node->start({QStringLiteral("--cluster-enabled"), QStringLiteral("yes"),
                          QStringLiteral("--cluster-config-file"), QStringLiteral("nodes.conf"),
                          QStringLiteral("--cluster-node-timeout"), QStringLiteral("1000"),
                          QStringLiteral("--cluster-require-full-coverage"), QStringLiteral("no"),
                          QStringLiteral("--cluster-allow-reads-when-down"), QStringLiteral("yes")}))
            return false;
        addrs << QStringLiteral("127.0.0.1:%1").arg(node->port());
        m_nodes.push_back(std::move(node));
    }
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(QStringLiteral("redis-cli"),
              QStringList{QStringLiteral("--cluster"), QStringLiteral("create")} + addrs
                  + QStringList{QStringLiteral("--cluster-yes")});
    if (!cli.waitForFinished(30000) || cli.exitCode() != 0) {
        qWarning("redis-cli --cluster create failed: %s", cli.readAll().constData());
        return false;
    }
    return QTest::qWaitFor(
        [&] {
            for (auto &n : m_nodes)
                if (!redisCommand(n->port(), {"CLUSTER", "INFO"}).contains("cluster_state:ok"))
                    return false;
            return true;
        },
        10000);
}

QString ClusterSetup::nodeList() const
{
    QStringList l;
    for (const auto &n : m_nodes)
        l << QStringLiteral("127.0.0.1:%1").arg(n->port());
    return l.join(u',');
}

int ClusterSetup::nodeOfKey(const QByteArray &key) const
{
    for (const auto &n : m_nodes) {
        if (!n->isRunning())
            continue;
        bool ok = false;
        const int slot = redisCommand(n->port(), {"CLUSTER", "KEYSLOT", key}).toInt(&ok);
        if (!ok)
            continue;
        // CLUSTER NODES: "<id> <ip:port@cport> <flags> <master> <ping> <pong> <epoch> <state> <slots>..."
        for (const QByteArray &line : redisCommand(n->port(), {"CLUSTER", "NODES"}).split('\n')) {
            const QList<QByteArray> f = line.split(' ');
            if (f.size() < 9 || !f[2].contains("master"))
                continue;
            const quint16 port =
                quint16(f[1].mid(f[1].indexOf(':') + 1, f[1].indexOf('@') - f[1].indexOf(':') - 1).toUInt());
            for (qsizetype i = 8; i < f.size(); ++i) {
                const QList<QByteArray> range = f[i].split('-');
                const int lo = range[0].toInt(), hi = range.size() > 1 ? range[1].toInt() : lo;
                if (slot >= lo && slot <= hi)
                    for (size_t k = 0; k < m_nodes.size(); ++k)
                        if (m_nodes[k]->port() == port)
                            return int(k);
            }
        }
    }
    return -1;
}

} // namespace fx::test
