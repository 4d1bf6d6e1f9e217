// bench_fanout: load figures for the streaming server, printed, never asserted.
//
//   bench_fanout idle  --clients 10000 [--target fx|naive|both]
//       connects N idle WebSocket clients; reports connect time and the server's resident
//       memory per client (VmRSS after minus before, divided by N).
//   bench_fanout relay --clients 1000 --rate 100 --seconds 10 [--target fx|naive|both]
//       N clients subscribed to all 20 pairs, a publisher PUBLISHing R ticks/s to a private
//       redis-server; reports Redis-PUBLISH-to-client latency p50/p99/max and lost deliveries.
//   bench_fanout sweep --clients 1000 [--target fx|naive|floor|both|all] [--max-rate 12800]
//   --target fx-jwt runs the product with WEBSOCKET_AUTH=jwt and every load client presenting an
//   HS256 token (?token= on its upgrade request); --target auth runs fx and fx-jwt in one run.
//       doubles the tick rate until deliveries are lost, then bisects for the highest rate that
//       also keeps p99 under 100 ms; reports both.
//
// --history on|off|both (relay, sweep): "off" runs the product as "fx-nohist", with
// WEBSOCKET_HISTORY_SIZE=0 (no recovery history, no offsets: PROTOCOL.md §10); "both" runs it
// right after "fx" (history on, the default 1000 per stream), so the two come from one run.
// --rules N (relay) adds "fx-rules" after "fx": the same scenario with N alert rules set by the
// clients before it starts (PROTOCOL.md §11: crosses rules on the bid of every pair, thresholds
// spread over +-2 % of the price, a one-hour cooldown, at most 100 per client); in both runs the
// prices swing by 0.2 % (TickPublisher's walk), so rules cross and fire as the price moves.
// --tls adds "fx-tls" after "fx": the same server and scenario over TLS (wss://), with a
// throw-away self-signed certificate made by the openssl command line for this run, so the
// plain and the TLS figures come from one run on one machine.
// --qt-framing (idle, relay, sweep) adds "fx-qtws" after "fx": the product with FX_WS_FRAMING=qt,
// Qt's QWebSocket kept after the upgrade instead of the project's own framing (ARCHITECTURE.md,
// "Platform seams").
//
//   bench_fanout table [--rows 1k-20k,10k-20k,10k-100k,1k-max,10k-idle,both] [--seconds 10]
//       issue 16's table: fx and the floor in one run, p99 and server CPU per delivery, the
//       fx / floor ratios and the targets (fanouttable.cpp).
//   bench_fanout curve --csv p99.csv [--clients-list 1000,10000] [--deliveries 20000,...]
//       p99 against deliveries/s for fx and the floor, as CSV for bench/plot_p99.sh.
//
// The server runs pinned to CPU 0 (taskset), redis-server and the load generator to CPU 1
// (--cores both: nothing pinned, the server with its default --io-threads).
// "naive" is a single-thread QWebSocketServer that sends each event with sendTextMessage to
// every client: the baseline the DESIGN table calls "a naive single-thread QWebSocketServer".
// "floor" is the kernel floor: the same Redis subscriber, each event framed once and written
// with one send() per client from a loop, no event-loop work per client at all (the sockets are
// not even polled). No real server can do less per delivery; --target all runs the three.

#include "benchprocs.h"
#include "fanout.h"
#include "loadclients.h"

#include "core/instruments.h"
#include "core/logging.h"
#include "core/marketdata.h"
#include "core/timeutil.h"
#include "redis/redispublisher.h"
#include "redis/redissubscriber.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <memory>
#include <netinet/in.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace fx;
using namespace fx::bench;
using namespace fx::bench::fanout;

namespace fx::bench::fanout {

std::atomic<bool> interrupted{false};
namespace {
std::atomic<bool> g_bothCores{false};
} // namespace
void setBothCores(bool on)
{
    g_bothCores = on;
    // Threads and children inherit the main thread's affinity: the load generator's workers,
    // the publisher, redis-server and (without taskset) the server.
    if (on) {
        cpu_set_t set;
        CPU_ZERO(&set);
        for (long c = 0; c < ::sysconf(_SC_NPROCESSORS_ONLN) && c < CPU_SETSIZE; ++c)
            CPU_SET(int(c), &set);
        sched_setaffinity(0, sizeof set, &set);
    } else {
        pinToCpu(1);
    }
}
bool bothCores()
{
    return g_bothCores;
}

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readLine().split(' ').value(0).toDouble() : -1;
}

} // namespace fx::bench::fanout

namespace {

// Clients spread over worker threads, pinned to CPU 1.
std::vector<QByteArray> alertRuleFrames(int i, int n, int clients);

class ClientPool
{
public:
    // target "fx-jwt": every client presents a token (SECURITY.md, "Tokens").
    ClientPool(int threads, const QString &target) : m_clients(&stats, threads)
    {
        // From 100 loopback addresses, as from many machines: the server's per-address bound of
        // handshakes in flight (ConnectionLimits::kMaxHandshakesPerAddress) would otherwise
        // refuse part of a burst of 10,000 when the machine is busy.
        m_clients.setSourceAddresses(100);
        m_clients.setMaxPendingHandshakes(3000 / threads); // and under its 4,096 in all
        if (target == u"fx-jwt")
            m_clients.setToken(hs256Token(kBenchSecret, R"({"sub":"bench","exp":4102444800})"));
    }
    static constexpr const char *kBenchSecret = "bench-secret-0123456789abcdef0123456789";
    void open(int n, quint16 port, bool subscribeAll, bool tls = false) { m_clients.start(n, port, subscribeAll, tls); }
    // n alert rules spread over the clients (alertRuleFrames), each alert_set counted in stats.marked.
    void rules(int n, int clients)
    {
        m_clients.setCountMarker(QByteArrayLiteral("\"event\":\"alert_set\""));
        m_clients.setAfterSubscribe([n, clients](int i) { return alertRuleFrames(i, n, clients); });
    }
    // Joins the workers; their last latency samples land in stats.
    void finish() { m_clients.stop(); }
    ClientStats stats;

private:
    EpollClients m_clients;
};

// ---------------------------------------------------------------------------------------------
// Processes under test.

// The fx-tls target's certificate and key: self-signed EC P-256, made once per run.
struct TlsFiles
{
    QTemporaryDir dir;
    bool made = false;
    bool make()
    {
        if (made)
            return true;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), key(), QStringLiteral("-out"), cert(), QStringLiteral("-days"),
                 QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
        made = p.waitForFinished(30000) && p.exitCode() == 0;
        if (!made)
            std::fprintf(stderr, "openssl failed: %s\n", p.readAll().constData());
        return made;
    }
    QString cert() const { return dir.filePath(QStringLiteral("bench.pem")); }
    QString key() const { return dir.filePath(QStringLiteral("bench.key")); }
};
TlsFiles &tlsFiles()
{
    static TlsFiles files;
    return files;
}
// The product: plain (fx), over TLS (fx-tls) or with tokens (fx-jwt); fx-portable is another
// fxmonitor-server binary (--portable-server: a -DFX_PORTABLE=ON build, PERFORMANCE.md
// "Portable build") run like fx.
QString g_portableServer;
bool isFx(const QString &target)
{
    return target == u"fx" || target == u"fx-tls" || target == u"fx-jwt" || target == u"fx-nohist"
        || target == u"fx-portable" || target == u"fx-rules" || target == u"fx-qtws";
}

int g_rules = 0; // --rules: alert rules of the fx-rules run

// Client i's share of n rules over `clients` clients: set_alert frames, crosses on the bid,
// thresholds spread evenly over +-2 % of the pair's price (distinct for every rule).
std::vector<QByteArray> alertRuleFrames(int i, int n, int clients)
{
    const QStringList pairs = core::InstrumentSet::defaultPairs();
    const int per = n / clients + (i < n % clients ? 1 : 0);
    std::vector<QByteArray> frames;
    for (int k = 0; k < per; ++k) {
        const qint64 rule = qint64(i) + qint64(k) * clients; // 0 .. n-1, each once
        const QString &pair = pairs[int(rule % pairs.size())];
        const bool jpy = pair.endsWith(u"JPY");
        const double base = jpy ? 150.101 : 1.10001;
        const double value = base * (1 + 0.04 * (double(rule) / std::max(1, n) - 0.5));
        frames.push_back(R"({"event":"set_alert","data":{"pair":")" + pair.toLatin1()
                         + R"(","field":"bid","condition":"crosses","value":)" + QByteArray::number(value, 'f', 6)
                         + R"(,"repeat":{"cooldown_seconds":3600}}})");
    }
    return frames;
}

struct Child
{
    QProcess proc;
    quint16 port = 0;
    bool startServer(const QString &target, int maxClients, quint16 redisPort)
    {
        QStringList args;
        QString program = QStringLiteral("taskset");
        // The bench gone (killed, Ctrl-C), its servers go too: taskset exec()s them, which keeps it.
        proc.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        if (target == u"fx-qtws") { // the product with Qt's WebSocket after the upgrade, not its own
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("FX_WS_FRAMING"), QStringLiteral("qt"));
            proc.setProcessEnvironment(env);
        }
        if (target == u"fx-jwt") { // the product with WEBSOCKET_AUTH=jwt
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
            env.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), QString::fromLatin1(ClientPool::kBenchSecret));
            proc.setProcessEnvironment(env);
        }
        if (isFx(target)) {
            args << QStringLiteral("-c") << QStringLiteral("0")
                 << (target == u"fx-portable" ? g_portableServer : QStringLiteral(FX_SERVER_BIN))
                 << QStringLiteral("--host") << QStringLiteral("127.0.0.1") << QStringLiteral("--port")
                 << QStringLiteral("0") << QStringLiteral("--max-clients") << QString::number(maxClients)
                 << QStringLiteral("--redis-host") << QStringLiteral("127.0.0.1") << QStringLiteral("--redis-port")
                 << QString::number(redisPort) << QStringLiteral("--log-level") << QStringLiteral("WARNING")
                 << QStringLiteral("--io-threads") << QStringLiteral("1");
            // A database of its own for each server, never the user's (the default path).
            static QTemporaryDir dbDir;
            static int servers = 0;
            args << QStringLiteral("--db-path") << dbDir.filePath(QStringLiteral("bench-%1.sqlite").arg(++servers));
            if (target == u"fx-nohist")
                args << QStringLiteral("--set") << QStringLiteral("WEBSOCKET_HISTORY_SIZE=0");
            if (target == u"fx-tls") {
                if (!tlsFiles().make())
                    return false;
                args << QStringLiteral("--tls-cert") << tlsFiles().cert() << QStringLiteral("--tls-key")
                     << tlsFiles().key();
            }
        } else {
            args << QStringLiteral("-c") << QStringLiteral("0") << QCoreApplication::applicationFilePath()
                 << (target == u"floor" ? QStringLiteral("serve-floor") : QStringLiteral("serve-naive"))
                 << QStringLiteral("--redis-port") << QString::number(redisPort);
        }
        if (bothCores()) { // unpinned, and fx with its default --io-threads (one per core)
            program = args.at(2);
            args = args.mid(3);
            if (const qsizetype at = args.indexOf(QStringLiteral("--io-threads")); at >= 0)
                args.remove(at, 2);
        }
        port = startListening(proc, program, args);
        return port != 0;
    }
    ~Child()
    {
        if (proc.state() != QProcess::NotRunning) {
            proc.terminate();
            if (!proc.waitForFinished(5000))
                proc.kill();
            proc.waitForFinished();
        }
    }
};

// ---------------------------------------------------------------------------------------------

} // namespace

namespace fx::bench::fanout {

IdleResult runIdle(const QString &target, int clients, int threads)
{
    IdleResult r;
    RedisProcess redis(bothCores() ? -1 : 1);
    redis.start();
    Child server;
    if (!server.startServer(target, clients + 100, redis.port())) {
        std::fprintf(stderr, "cannot start %s server\n", qPrintable(target));
        return r;
    }
    spin(500);
    r.rssBeforeKb = rssKb(server.proc.processId());
    {
        ClientPool pool(threads, target);
        QElapsedTimer t;
        t.start();
        pool.open(clients, server.port, false, target == u"fx-tls");
        waitFor([&] { return pool.stats.connected.load() + pool.stats.failed.load() >= clients; }, 60000);
        r.connectSeconds = t.elapsed() / 1000.0;
        r.connected = pool.stats.connected.load();
        spin(2000);
        r.rssAfterKb = rssKb(server.proc.processId()); // taskset exec()s the server: same pid
        pool.finish();
    }
    return r;
}

RelayResult runRelay(const QString &target, int clients, int rate, int seconds, int threads)
{
    RelayResult r;
    r.clients = clients;
    r.rate = rate;
    r.seconds = seconds;
    RedisProcess redis(bothCores() ? -1 : 1);
    if (!redis.start()) {
        std::fprintf(stderr, "cannot start redis-server\n");
        return r;
    }
    Child server;
    if (!server.startServer(target, clients + 100, redis.port())) {
        std::fprintf(stderr, "cannot start %s server\n", qPrintable(target));
        return r;
    }
    ClientPool pool(threads, target);
    if (target == u"fx-rules") {
        pool.rules(g_rules, clients);
    }
    pool.open(clients, server.port, isFx(target), target == u"fx-tls");
    waitFor([&] { return pool.stats.connected.load() + pool.stats.failed.load() >= clients; }, 60000);
    if (target == u"fx-rules") // every rule set (alert_set) before the measurement starts
        waitFor([&] { return pool.stats.marked.load() >= quint64(g_rules); }, 120000);
    r.rulesSet = int(pool.stats.marked.load());
    spin(1000); // subscriptions settle, Redis connected
    const quint64 before = pool.stats.messages.load();

    const qint64 cpuBefore = qint64(cpuSeconds(server.proc.processId()) * 1e6);
    TickPublisher publisher(redis.port(), rate, g_rules > 0 ? 0.002 : 0);
    for (int ms = 0; ms < seconds * 1000 && !interrupted; ms += 250) { // the server's peak memory, sampled
        spin(250);
        r.peakRssKb = std::max(r.peakRssKb, rssKb(server.proc.processId()));
    }
    publisher.stop();
    r.published = publisher.published();
    r.expected = r.published * quint64(pool.stats.connected.load());
    waitFor([&] { return pool.stats.messages.load() - before >= r.expected; }, 5000);
    const qint64 cpuAfter = qint64(cpuSeconds(server.proc.processId()) * 1e6);
    r.received = pool.stats.messages.load() - before;
    pool.finish();
    std::vector<qint32> &lat = pool.stats.latencyUs;
    std::sort(lat.begin(), lat.end());
    if (!lat.empty()) {
        r.p50Ms = lat[lat.size() / 2] / 1000.0;
        r.p99Ms = lat[std::min(lat.size() - 1, size_t(double(lat.size()) * 0.99))] / 1000.0;
        r.maxMs = lat.back() / 1000.0;
    }
    if (r.received)
        r.serverCpuPerDeliveryUs = double(cpuAfter - cpuBefore) / double(r.received);
    r.clients = pool.stats.connected.load();
    return r;
}

void printRelay(const QString &target, const RelayResult &r)
{
    const quint64 lost = r.lost();
    std::printf(
        "%-6s clients=%d rate=%d ticks/s published=%llu deliveries=%llu (%.0f/s) lost=%llu  latency p50=%.2f ms "
        "p99=%.2f ms max=%.2f ms  server CPU/delivery=%.2f us RSS peak=%.0f MB  load %.2f\n",
        qPrintable(target), r.clients, r.rate, (unsigned long long)r.published, (unsigned long long)r.received,
        r.deliveriesPerSecond(), (unsigned long long)lost, r.p50Ms, r.p99Ms, r.maxMs, r.serverCpuPerDeliveryUs,
        double(r.peakRssKb) / 1024.0, loadAverage());
    std::fflush(stdout);
}

} // namespace fx::bench::fanout

namespace {

// The baselines' common loop: subscribes to the private redis-server, encodes each price as
// {"event":"price_update","data":...} and hands the text to onPrice on the caller's thread;
// runs the event loop until the process is killed.
int servePrices(quint16 redisPort, QObject *context, const std::function<void(const QByteArray &json)> &onPrice)
{
    redis::RedisConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = redisPort;
    redis::RedisSubscriberThread sub(c);
    QObject::connect(
        sub.subscriber(), &redis::RedisSubscriber::eventsReceived, context,
        [&](const QList<core::MarketEvent> &events) {
            for (const core::MarketEvent &e : events)
                if (const auto *t = std::get_if<core::PriceTick>(&e))
                    onPrice(QJsonDocument(QJsonObject{{QStringLiteral("event"), QStringLiteral("price_update")},
                                                      {QStringLiteral("data"), t->toPayload()}})
                                .toJson(QJsonDocument::Compact));
        },
        Qt::QueuedConnection);
    sub.start();
    return QCoreApplication::exec();
}

// The naive baseline: one thread, QWebSocketServer listening itself, every event encoded as a
// QString and sent with sendTextMessage to every client (no rooms, no shared frames).
int serveNaive(quint16 redisPort)
{
    QWebSocketServer server(QStringLiteral("naive"), QWebSocketServer::NonSecureMode);
    QList<QWebSocket *> clients;
    QObject::connect(&server, &QWebSocketServer::newConnection, [&] {
        while (QWebSocket *ws = server.nextPendingConnection()) {
            clients.append(ws);
            QObject::connect(ws, &QWebSocket::disconnected, [&, ws] {
                clients.removeOne(ws);
                ws->deleteLater();
            });
        }
    });
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    std::printf("naive listening on 127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return servePrices(redisPort, &server, [&](const QByteArray &json) {
        const QString text = QString::fromUtf8(json); // what a QWebSocket server gets to send
        for (QWebSocket *ws : std::as_const(clients))
            ws->sendTextMessage(text);
    });
}

// The kernel floor (see the top of the file): accept and answer the upgrade with Qt, then keep
// a dup() of each descriptor and let Qt forget the socket, so nothing polls it; every price is
// framed once and written with one send() per client.
int serveFloor(quint16 redisPort)
{
    QTcpServer server;
    server.setListenBacklogSize(4096);
    std::vector<int> fds;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = server.nextPendingConnection()) {
            QObject::connect(s, &QTcpSocket::readyRead, s, [s, &fds] {
                if (!s->peek(s->bytesAvailable()).contains("\r\n\r\n"))
                    return;
                s->readAll();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n");
                s->flush();
                const int fd = ::dup(int(s->socketDescriptor()));
                if (fd >= 0)
                    fds.push_back(fd);
                s->abort(); // closes Qt's descriptor only: the connection lives on in the dup
                s->deleteLater();
            });
            QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    });
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 1;
    std::printf("floor listening on 127.0.0.1:%u\n", unsigned(server.serverPort()));
    std::fflush(stdout);
    return servePrices(redisPort, &server, [&](const QByteArray &json) {
        QByteArray frame;
        frame.append(char(0x81));
        if (json.size() < 126) {
            frame.append(char(json.size()));
        } else {
            frame.append(char(126));
            frame.append(char((json.size() >> 8) & 0xff));
            frame.append(char(json.size() & 0xff));
        }
        frame.append(json);
        for (const int fd : fds)
            [[maybe_unused]] ssize_t n =
                ::send(fd, frame.constData(), size_t(frame.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    });
}

} // namespace

extern "C" void onSignal(int)
{
    if (interrupted.exchange(true)) // a second Ctrl-C: out now (the children follow: PDEATHSIG)
        std::_Exit(130);
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    raiseFdLimit();
    const QString modeArg = app.arguments().value(1);
    if (!modeArg.startsWith(u"serve-"))
        pinToCpu(1); // the load generator (and the publisher); servers run on CPU 0
    // Ctrl-C or SIGTERM: the measurement ends at once and every child is stopped on the way out.
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    QString err;
    core::logging::setup(QStringLiteral("WARNING"), {}, &err);
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("mode"),
                            QStringLiteral("idle | relay | sweep | table | curve | serve-naive | serve-floor"));
    p.addOption({QStringLiteral("clients"), QStringLiteral("Clients."), QStringLiteral("n"), QStringLiteral("1000")});
    p.addOption(
        {QStringLiteral("rate"), QStringLiteral("Ticks per second."), QStringLiteral("n"), QStringLiteral("100")});
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Seconds per measurement."), QStringLiteral("n"),
                 QStringLiteral("10")});
    p.addOption({QStringLiteral("target"),
                 QStringLiteral("fx, fx-jwt (WEBSOCKET_AUTH=jwt, every client with a token), naive, floor, both "
                                "(naive and fx), auth (fx and fx-jwt) or all."),
                 QStringLiteral("t"), QStringLiteral("both")});
    p.addOption({QStringLiteral("threads"), QStringLiteral("Load generator threads."), QStringLiteral("n"),
                 QStringLiteral("2")});
    p.addOption({QStringLiteral("redis-port"), QStringLiteral("(serve-naive, serve-floor)"), QStringLiteral("port"),
                 QStringLiteral("6379")});
    p.addOption({QStringLiteral("max-rate"), QStringLiteral("Sweep upper bound."), QStringLiteral("n"),
                 QStringLiteral("12800")});
    p.addOption({QStringLiteral("tls"), QStringLiteral("Also run fx over TLS (fx-tls), right after fx.")});
    p.addOption({QStringLiteral("rules"),
                 QStringLiteral("relay: also run fx with N alert rules set by its clients (fx-rules), right after fx."),
                 QStringLiteral("N")});
    p.addOption({QStringLiteral("history"),
                 QStringLiteral("Recovery history of fx: on (default), off (fx-nohist: WEBSOCKET_HISTORY_SIZE=0) or "
                                "both (fx-nohist right after fx)."),
                 QStringLiteral("on|off|both"), QStringLiteral("on")});
    p.addOption({QStringLiteral("cores"),
                 QStringLiteral("one (server on CPU 0 with --io-threads 1, the rest on CPU 1) or both (nothing pinned, "
                                "the server's default --io-threads)."),
                 QStringLiteral("one|both"), QStringLiteral("one")});
    p.addOption({QStringLiteral("rows"),
                 QStringLiteral("table: the rows to run, comma-separated, of ") + tableRowNames().join(u',')
                     + QStringLiteral(" (default: all)."),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("sweep-seconds"), QStringLiteral("table: seconds per sweep step."), QStringLiteral("n"),
                 QStringLiteral("5")});
    p.addOption({QStringLiteral("confirm-runs"),
                 QStringLiteral("table: runs of fx at 3,000,000 deliveries/s and 1,000 clients (issue 16's target)."),
                 QStringLiteral("n"), QStringLiteral("3")});
    p.addOption({QStringLiteral("repeat"),
                 QStringLiteral("table: runs of each fixed-rate row, fx and the floor alternating (medians shown)."),
                 QStringLiteral("n"), QStringLiteral("1")});
    p.addOption({QStringLiteral("csv"), QStringLiteral("curve: the CSV file to write."), QStringLiteral("file")});
    p.addOption({QStringLiteral("clients-list"), QStringLiteral("curve: client counts."), QStringLiteral("list"),
                 QStringLiteral("1000,10000")});
    p.addOption({QStringLiteral("deliveries"), QStringLiteral("curve: deliveries per second to measure at."),
                 QStringLiteral("list")});
    p.addOption({QStringLiteral("qt-framing"),
                 QStringLiteral("Also run fx with Qt's WebSocket after the upgrade (fx-qtws: FX_WS_FRAMING=qt), right "
                                "after fx.")});
    p.addOption({QStringLiteral("portable-server"),
                 QStringLiteral("Also run this fxmonitor-server (a -DFX_PORTABLE=ON build) as fx-portable, right "
                                "after fx."),
                 QStringLiteral("path")});
    p.addHelpOption();
    p.process(app);
    const QString mode = p.positionalArguments().value(0);
    const int clients = p.value(QStringLiteral("clients")).toInt();
    const int threads = std::max(1, p.value(QStringLiteral("threads")).toInt());
    const QString targetArg = p.value(QStringLiteral("target"));
    QStringList targets = targetArg == u"auth" ? QStringList{QStringLiteral("fx"), QStringLiteral("fx-jwt")}
        : targetArg == u"both"                 ? QStringList{QStringLiteral("naive"), QStringLiteral("fx")}
        : targetArg == u"all" ? QStringList{QStringLiteral("floor"), QStringLiteral("naive"), QStringLiteral("fx")}
                              : QStringList{targetArg};
    if (p.isSet(QStringLiteral("tls")) && targets.contains(QStringLiteral("fx")))
        targets.insert(targets.indexOf(QStringLiteral("fx")) + 1, QStringLiteral("fx-tls"));
    g_rules = p.value(QStringLiteral("rules")).toInt();
    if (g_rules > 0 && targets.contains(QStringLiteral("fx")))
        targets.insert(targets.indexOf(QStringLiteral("fx")) + 1, QStringLiteral("fx-rules"));
    if (p.isSet(QStringLiteral("qt-framing")) && targets.contains(QStringLiteral("fx")))
        targets.insert(targets.indexOf(QStringLiteral("fx")) + 1, QStringLiteral("fx-qtws"));
    g_portableServer = p.value(QStringLiteral("portable-server"));
    if (!g_portableServer.isEmpty() && targets.contains(QStringLiteral("fx")))
        targets.insert(targets.indexOf(QStringLiteral("fx")) + 1, QStringLiteral("fx-portable"));
    const QString history = p.value(QStringLiteral("history"));
    if (history == u"both" && targets.contains(QStringLiteral("fx")))
        targets.insert(targets.indexOf(QStringLiteral("fx")) + 1, QStringLiteral("fx-nohist"));
    else if (history == u"off" && targets.contains(QStringLiteral("fx")))
        targets.replace(targets.indexOf(QStringLiteral("fx")), QStringLiteral("fx-nohist"));

    if (mode == u"serve-naive")
        return serveNaive(quint16(p.value(QStringLiteral("redis-port")).toUInt()));
    if (mode == u"serve-floor")
        return serveFloor(quint16(p.value(QStringLiteral("redis-port")).toUInt()));

    if (p.value(QStringLiteral("cores")) == u"both")
        setBothCores(true);
    if (mode == u"table") {
        TableOptions o;
        o.rows = p.isSet(QStringLiteral("rows")) ? p.value(QStringLiteral("rows")).split(u',', Qt::SkipEmptyParts)
                                                 : tableRowNames();
        for (const QString &r : std::as_const(o.rows))
            if (!tableRowNames().contains(r)) {
                std::fprintf(stderr, "unknown row '%s': one of %s\n", qPrintable(r),
                             qPrintable(tableRowNames().join(u',')));
                return 2;
            }
        o.seconds = std::clamp(p.value(QStringLiteral("seconds")).toInt(), 1, 120);
        o.sweepSeconds = std::clamp(p.value(QStringLiteral("sweep-seconds")).toInt(), 1, 60);
        o.threads = threads;
        o.confirmRuns = std::clamp(p.value(QStringLiteral("confirm-runs")).toInt(), 0, 10);
        o.repeat = std::clamp(p.value(QStringLiteral("repeat")).toInt(), 1, 9);
        return runTable(o);
    }
    if (mode == u"curve") {
        CurveOptions o;
        o.csvPath = p.value(QStringLiteral("csv"));
        o.seconds = std::clamp(p.value(QStringLiteral("seconds")).toInt(), 1, 120);
        o.threads = threads;
        o.clients.clear();
        for (const QString &c : p.value(QStringLiteral("clients-list")).split(u',', Qt::SkipEmptyParts))
            o.clients << std::clamp(c.toInt(), 1, 10000);
        for (const QString &d : p.value(QStringLiteral("deliveries")).split(u',', Qt::SkipEmptyParts))
            o.deliveries << std::clamp(d.toLongLong(), qint64(1), qint64(20000000));
        if (p.isSet(QStringLiteral("target")))
            o.targets = targets;
        return runCurve(o);
    }
    if (mode == u"idle") {
        std::printf("idle clients: %d, load generator threads: %d\n", clients, threads);
        QHash<QString, double> perClient;
        for (const QString &t : targets) {
            const IdleResult r = runIdle(t, clients, threads);
            const double kb = r.connected ? double(r.rssAfterKb - r.rssBeforeKb) / r.connected : 0;
            perClient[t] = kb;
            std::printf(
                "%-6s connected %d/%d in %.2f s (%.0f/s); server RSS %lld KB -> %lld KB: %.2f KB per idle client\n",
                qPrintable(t), r.connected, clients, r.connectSeconds, r.connected / std::max(0.001, r.connectSeconds),
                (long long)r.rssBeforeKb, (long long)r.rssAfterKb, kb);
            std::fflush(stdout);
        }
        if (perClient.contains(QStringLiteral("fx")) && perClient.contains(QStringLiteral("naive"))
            && perClient[QStringLiteral("fx")] > 0)
            std::printf("memory per idle client, naive / fx: %.2fx\n",
                        perClient[QStringLiteral("naive")] / perClient[QStringLiteral("fx")]);
        return 0;
    }
    if (mode == u"relay") {
        const int rate = p.value(QStringLiteral("rate")).toInt();
        const int seconds = p.value(QStringLiteral("seconds")).toInt();
        QHash<QString, RelayResult> results;
        for (const QString &t : targets) {
            results[t] = runRelay(t, clients, rate, seconds, threads);
            printRelay(t, results[t]);
        }
        const RelayResult fx = results.value(QStringLiteral("fx"));
        if (results.contains(QStringLiteral("naive")) && fx.p99Ms > 0)
            std::printf("p99 latency, naive / fx: %.2fx; server CPU per delivery, naive / fx: %.2fx\n",
                        results[QStringLiteral("naive")].p99Ms / fx.p99Ms,
                        results[QStringLiteral("naive")].serverCpuPerDeliveryUs
                            / std::max(0.001, fx.serverCpuPerDeliveryUs));
        if (results.contains(QStringLiteral("fx-tls")) && fx.serverCpuPerDeliveryUs > 0 && fx.p99Ms > 0) {
            const RelayResult &t = results[QStringLiteral("fx-tls")];
            std::printf("TLS / plain (same run): server CPU per delivery %.2fx, p99 latency %.2fx, RSS peak %.2fx\n",
                        t.serverCpuPerDeliveryUs / fx.serverCpuPerDeliveryUs, t.p99Ms / fx.p99Ms,
                        double(t.peakRssKb) / std::max<qint64>(1, fx.peakRssKb));
        }
        if (results.contains(QStringLiteral("fx-rules")) && fx.serverCpuPerDeliveryUs > 0 && fx.p99Ms > 0) {
            const RelayResult &n = results[QStringLiteral("fx-rules")];
            std::printf("alert rules %d / none (same run): server CPU per delivery %.2fx (%.2f / %.2f us), p99 latency "
                        "%.2fx (%.2f / %.2f ms), RSS peak %.2fx (%.0f / %.0f MB); price_alert deliveries %lld\n",
                        n.rulesSet, n.serverCpuPerDeliveryUs / std::max(0.001, fx.serverCpuPerDeliveryUs),
                        n.serverCpuPerDeliveryUs, fx.serverCpuPerDeliveryUs, n.p99Ms / std::max(0.001, fx.p99Ms),
                        n.p99Ms, fx.p99Ms, double(n.peakRssKb) / std::max<qint64>(1, fx.peakRssKb),
                        double(n.peakRssKb) / 1024.0, double(fx.peakRssKb) / 1024.0,
                        (long long)n.received - (long long)n.expected);
        }
        if (results.contains(QStringLiteral("fx-nohist")) && fx.serverCpuPerDeliveryUs > 0 && fx.p99Ms > 0) {
            const RelayResult &n = results[QStringLiteral("fx-nohist")];
            std::printf("history on / off (same run): server CPU per delivery %.2fx (%.2f / %.2f us), p99 latency "
                        "%.2fx (%.2f / %.2f ms), RSS peak %.2fx (%.0f / %.0f MB)\n",
                        fx.serverCpuPerDeliveryUs / std::max(0.001, n.serverCpuPerDeliveryUs),
                        fx.serverCpuPerDeliveryUs, n.serverCpuPerDeliveryUs, fx.p99Ms / std::max(0.001, n.p99Ms),
                        fx.p99Ms, n.p99Ms, double(fx.peakRssKb) / std::max<qint64>(1, n.peakRssKb),
                        double(fx.peakRssKb) / 1024.0, double(n.peakRssKb) / 1024.0);
        }
        if (results.contains(QStringLiteral("floor")) && fx.serverCpuPerDeliveryUs > 0)
            std::printf("server CPU per delivery, fx / floor: %.2fx (1.00x would be the floor)\n",
                        fx.serverCpuPerDeliveryUs
                            / std::max(0.001, results[QStringLiteral("floor")].serverCpuPerDeliveryUs));
        return 0;
    }
    if (mode == u"sweep") {
        const int seconds = p.value(QStringLiteral("seconds")).toInt();
        const int maxRate = p.value(QStringLiteral("max-rate")).toInt();
        for (const QString &t : targets) {
            const SweepResult r = sweepRate(t, clients, seconds, threads, 100, maxRate);
            std::printf("%-6s highest tick rate with no loss at %d clients: %d ticks/s (%d deliveries/s)%s\n",
                        qPrintable(t), clients, r.noLoss, r.noLoss * clients,
                        r.bounded ? " (the sweep's upper bound)" : "");
            std::printf(
                "%-6s highest tick rate with no loss and p99 < 100 ms at %d clients: %d ticks/s (%d deliveries/s)\n",
                qPrintable(t), clients, r.fast, r.fast * clients);
            std::fflush(stdout);
        }
        return 0;
    }
    std::fputs(qPrintable(p.helpText()), stderr);
    return 2;
}
