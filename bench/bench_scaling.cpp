// bench_scaling: several fxmonitor-server processes on one redis-server, reached directly and
// through Debian's nginx running the shipped deploy/nginx/fxmonitor.conf (tests/fixtures/nginx.sh),
// in one run on one machine (docs/SCALING.md). Figures printed, never asserted.
//
//   bench_scaling [--servers 2] [--clients 2000] [--rate 100] [--seconds 10] [--capacity 0]
//                 [--capacity-rate 20] [--threads 2]
//
// 1. direct: --clients load clients split evenly over the servers, each connected to its server,
//    subscribed to every pair; --rate ticks/s published for --seconds: PUBLISH-to-receipt latency
//    p50/p99/max, lost deliveries, CPU per delivery of the servers and of nginx.
// 2. nginx: the same clients and ticks through the proxy, each client from one of 200 loopback
//    addresses (127.0.0.2 ...) as separate machines would be, so the proxy's per-address
//    stickiness spreads them: the same figures, and the clients each server got.
// 3. capacity (with --capacity N): N clients through the proxy at --capacity-rate ticks/s: how
//    many connected, how many deliveries were lost, the latency, each process's memory.
//
// The servers and nginx share CPU 0 (taskset), redis-server and the load generator CPU 1, as in
// bench_fanout: on this two-core machine the server side gets one core in every phase.

#include "benchprocs.h"
#include "loadclients.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace fx::bench;

namespace {

struct Server
{
    QProcess proc;
    quint16 port = 0;
    ~Server()
    {
        proc.terminate();
        if (!proc.waitForFinished(10000))
            proc.kill();
        proc.waitForFinished(3000);
    }
};

// nginx in front of the servers, pinned to CPU 0 like them.
class Proxy
{
public:
    bool start(const QList<quint16> &servers)
    {
        m_port = freePort();
        QStringList args{QStringLiteral("-c"),
                         QStringLiteral("0"),
                         QStringLiteral(FX_NGINX_SCRIPT),
                         QStringLiteral("start"),
                         dir(),
                         QString::number(m_port)};
        for (quint16 p : servers)
            args << QString::number(p);
        QProcess p;
        p.setProcessChannelMode(QProcess::ForwardedChannels);
        p.start(QStringLiteral("taskset"), args);
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }
    ~Proxy()
    {
        QProcess p;
        p.start(QStringLiteral(FX_NGINX_SCRIPT), {QStringLiteral("stop"), dir()});
        p.waitForFinished(10000);
    }
    quint16 port() const { return m_port; }
    // nginx's error log so far (what it could not pass to a server, and why).
    QByteArray errorLog() const
    {
        QFile f(dir() + QStringLiteral("/error.log"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    // The worker's pid (the one child of the master).
    qint64 workerPid() const
    {
        QFile f(dir() + QStringLiteral("/nginx.pid"));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QByteArray master = f.readAll().trimmed();
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-P"), QString::fromLatin1(master)});
        pgrep.waitForFinished(5000);
        return pgrep.readAllStandardOutput().trimmed().split('\n').value(0).toLongLong();
    }

private:
    QString dir() const { return m_dir.filePath(QStringLiteral("nginx")); }
    QTemporaryDir m_dir;
    quint16 m_port = 0;
};

struct PhaseResult
{
    int clients = 0;
    int failed = 0, closed = 0; // the load generator's: connect() refused, closed by the other end
    quint64 published = 0, expected = 0, received = 0;
    double p50 = 0, p99 = 0, max = 0;
    double serverCpuUs = 0, proxyCpuUs = 0; // per delivery
    std::vector<double> perServer; // clients each server reported
    std::vector<qint64> rssKb; // each server's, then nginx's, at the end
};

double connectedOn(quint16 port)
{
    return metricValue(httpGet(port, "/metrics"), "fxmonitor_connected_clients");
}

// clients subscribed load clients (through the proxy when proxyPort, else split over the
// servers), rate ticks/s for seconds.
PhaseResult runPhase(std::vector<std::unique_ptr<Server>> &servers, Proxy *proxy, int clients, int rate, int seconds,
                     int threads, quint16 redisPort)
{
    PhaseResult r;
    ClientStats stats;
    std::vector<std::unique_ptr<EpollClients>> pools;
    if (proxy) {
        auto pool = std::make_unique<EpollClients>(&stats, threads);
        pool->setSourceAddresses(200);
        pool->start(clients, proxy->port(), true);
        pools.push_back(std::move(pool));
    } else {
        for (size_t i = 0; i < servers.size(); ++i) {
            const int n = clients / int(servers.size()) + (int(i) < clients % int(servers.size()) ? 1 : 0);
            auto pool = std::make_unique<EpollClients>(&stats, std::max(1, threads / int(servers.size())));
            pool->start(n, servers[i]->port, true);
            pools.push_back(std::move(pool));
        }
    }
    waitFor([&] { return stats.subscribed.load() + stats.failed.load() + stats.closed.load() >= clients; }, 120000);
    spin(1000);
    r.clients = stats.subscribed.load();
    r.failed = stats.failed.load();
    r.closed = stats.closed.load();
    for (auto &s : servers)
        r.perServer.push_back(connectedOn(s->port));
    const quint64 before = stats.messages.load();
    (void)stats.takeLatencies(); // the subscription phase's samples are not the relay's
    auto cpuOfServers = [&] {
        double sum = 0;
        for (auto &s : servers)
            sum += cpuSeconds(s->proc.processId());
        return sum;
    };
    const double serverCpu0 = cpuOfServers();
    const double proxyCpu0 = proxy ? cpuSeconds(proxy->workerPid()) : 0;
    TickPublisher publisher(redisPort, rate);
    spin(seconds * 1000);
    publisher.stop();
    r.published = publisher.published();
    r.expected = r.published * quint64(r.clients);
    waitFor([&] { return stats.messages.load() - before >= r.expected; }, 10000);
    r.received = stats.messages.load() - before;
    if (r.received) {
        r.serverCpuUs = (cpuOfServers() - serverCpu0) * 1e6 / double(r.received);
        if (proxy)
            r.proxyCpuUs = (cpuSeconds(proxy->workerPid()) - proxyCpu0) * 1e6 / double(r.received);
    }
    for (auto &s : servers)
        r.rssKb.push_back(rssKb(s->proc.processId()));
    if (proxy)
        r.rssKb.push_back(rssKb(proxy->workerPid()));
    for (auto &pool : pools)
        pool->stop();
    const std::vector<qint32> lat = stats.takeLatencies();
    r.p50 = percentileMs(lat, 0.50);
    r.p99 = percentileMs(lat, 0.99);
    r.max = lat.empty() ? 0 : lat.back() / 1000.0;
    return r;
}

void print(const char *name, const PhaseResult &r, int rate)
{
    const quint64 lost = r.expected > r.received ? r.expected - r.received : 0;
    QStringList per;
    for (double c : r.perServer)
        per << QString::number(c);
    QStringList mem;
    for (qint64 kb : r.rssKb)
        mem << QString::number(double(kb) / 1024.0, 'f', 0);
    if (r.failed || r.closed)
        std::printf("%-8s %d clients could not connect, %d were closed before subscribing\n", name, r.failed, r.closed);
    std::printf("%-8s clients=%d (per server %s) rate=%d ticks/s deliveries=%llu lost=%llu  latency p50=%.2f ms "
                "p99=%.2f ms max=%.2f ms  CPU/delivery servers=%.2f us nginx=%.2f us  RSS MB %s\n",
                name, r.clients, qPrintable(per.join(u'/')), rate, (unsigned long long)r.received,
                (unsigned long long)lost, r.p50, r.p99, r.max, r.serverCpuUs, r.proxyCpuUs, qPrintable(mem.join(u'/')));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    auto opt = [&](const char *name, const char *help, const char *def) {
        p.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help), QStringLiteral("n"),
                                       QString::fromLatin1(def)));
    };
    opt("servers", "fxmonitor-server processes", "2");
    opt("clients", "load clients in the direct and nginx phases", "2000");
    opt("rate", "ticks per second published", "100");
    opt("seconds", "seconds of publishing per phase", "10");
    opt("capacity", "clients through nginx in the capacity phase (0: no such phase)", "0");
    opt("capacity-rate", "ticks per second in the capacity phase", "20");
    opt("threads", "load generator threads", "2");
    p.process(app);
    auto num = [&](const char *name, int lo, int hi) {
        bool ok = false;
        const int v = p.value(QString::fromLatin1(name)).toInt(&ok);
        if (!ok || v < lo || v > hi) {
            std::fprintf(stderr, "bench_scaling: --%s must be %d to %d\n", name, lo, hi);
            std::exit(2);
        }
        return v;
    };
    const int nServers = num("servers", 1, 8), clients = num("clients", 1, 50000), rate = num("rate", 1, 100000);
    const int seconds = num("seconds", 1, 600), capacity = num("capacity", 0, 100000);
    const int capacityRate = num("capacity-rate", 1, 100000), threads = num("threads", 1, 16);
    raiseFdLimit();
    pinToCpu(1);

    RedisProcess redis(1);
    if (!redis.start()) {
        std::fprintf(stderr, "cannot start redis-server\n");
        return 1;
    }
    const int maxClients = std::max(clients, capacity) + 1000;
    std::vector<std::unique_ptr<Server>> servers;
    QList<quint16> ports;
    for (int i = 0; i < nServers; ++i) {
        auto s = std::make_unique<Server>();
        s->port = startListening(s->proc, QStringLiteral("taskset"),
                                 {QStringLiteral("-c"),
                                  QStringLiteral("0"),
                                  QStringLiteral(FX_SERVER_BIN),
                                  QStringLiteral("--host"),
                                  QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--port"),
                                  QStringLiteral("0"),
                                  QStringLiteral("--max-clients"),
                                  QString::number(maxClients),
                                  QStringLiteral("--redis-host"),
                                  QStringLiteral("127.0.0.1"),
                                  QStringLiteral("--redis-port"),
                                  QString::number(redis.port()),
                                  QStringLiteral("--log-level"),
                                  QStringLiteral("WARNING"),
                                  QStringLiteral("--io-threads"),
                                  QStringLiteral("1"),
                                  QStringLiteral("--set"),
                                  QStringLiteral("WEBSOCKET_TRUSTED_PROXIES=127.0.0.1"),
                                  QStringLiteral("--set"),
                                  QStringLiteral("WEBSOCKET_SERVER_ID=bench-%1").arg(i + 1)});
        if (!s->port) {
            std::fprintf(stderr, "cannot start fxmonitor-server %d\n", i + 1);
            return 1;
        }
        ports << s->port;
        servers.push_back(std::move(s));
    }
    Proxy proxy;
    if (!proxy.start(ports)) {
        std::fprintf(stderr, "cannot start nginx (apt-get install nginx)\n");
        return 1;
    }
    std::printf("bench_scaling: %d servers, nginx %s, %d clients, %d ticks/s for %d s per phase\n", nServers,
                qPrintable(QStringLiteral("on 127.0.0.1:%1").arg(proxy.port())), clients, rate, seconds);
    const PhaseResult direct = runPhase(servers, nullptr, clients, rate, seconds, threads, redis.port());
    print("direct", direct, rate);
    spin(2000); // the direct clients' connections close on the servers
    const PhaseResult viaProxy = runPhase(servers, &proxy, clients, rate, seconds, threads, redis.port());
    print("nginx", viaProxy, rate);
    if (direct.p99 > 0)
        std::printf("nginx/direct: p50 %.2fx, p99 %.2fx\n", viaProxy.p50 / std::max(0.001, direct.p50),
                    viaProxy.p99 / direct.p99);
    if (capacity > 0) {
        spin(2000);
        const PhaseResult cap = runPhase(servers, &proxy, capacity, capacityRate, seconds, threads, redis.port());
        print("capacity", cap, capacityRate);
    }
    // Where connections were refused, if anywhere: the servers' bounds, nginx's errors.
    for (size_t i = 0; i < servers.size(); ++i)
        for (const QByteArray &line : httpGet(servers[i]->port, "/metrics").split('\n'))
            if (line.startsWith("fxmonitor_bound_hits_total{") && !line.endsWith(" 0"))
                std::printf("server %zu: %s\n", i + 1, line.constData());
    const QList<QByteArray> errors = proxy.errorLog().split('\n');
    int shown = 0;
    for (const QByteArray &line : errors)
        if ((line.contains("[error]") || line.contains("[alert]") || line.contains("[crit]")) && shown++ < 5)
            std::printf("nginx: %s\n", line.left(300).constData());
    std::printf("nginx error lines: %d\n", shown);
    return 0;
}
