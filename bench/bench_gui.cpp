// bench_gui: how smooth the desktop app stays under load. Prints figures, never asserts.
//
//   bench_gui [--clients 1000] [--rate 20000] [--batch 100] [--seconds 20] [--warmup 5]
//
// Runs, in this process, the real engine::Engine (server, Redis subscriber, storage on their
// threads) and the real MainWindow on the GUI thread (offscreen unless a display is set),
// with a private redis-server, fxmonitor-feed publishing --rate ticks/s in --batch arrays, and
// --clients WebSocket clients subscribed to every pair (a child process of this program:
// "bench_gui clients", plain epoll sockets). It measures, over --seconds after --warmup:
//   - the main thread's event-loop lag: a 10 ms Qt::PreciseTimer records how late each
//     timeout fires (p50, p99, max);
//   - CPU from /proc: the whole app process and its main (GUI) thread, in % of one core;
//   - what the window did meanwhile: market refreshes, ticks seen, client-table refreshes,
//     chart redraws, deliveries/s of the server.
// The app runs on CPU 0, redis-server, the feed and the clients on CPU 1 (as bench_fanout).

#include "loadclients.h"

#include "app/runtime.h"
#include "core/logging.h"
#include "core/settings.h"
#include "core/timeutil.h"
#include "engine/engine.h"
#include "gui/chartpanel.h"
#include "gui/clientsmodel.h"
#include "gui/enginesampler.h"
#include "gui/mainwindow.h"
#include "gui/pricechartview.h"
#include "gui/translations.h"
#include "server/servercontext.h"
#include "server/streamserver.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <sys/syscall.h>
#include <unistd.h>
#include <vector>

using namespace fx;

namespace {

// "bench_gui clients": N WebSocket clients (the benchmarks' epoll load generator, on CPU 1),
// subscribed to every pair; they read and discard what arrives and answer pings. One line on
// stdout once all are connected; runs until killed.
int runClients(quint16 port, int n)
{
    bench::pinToCpu(1);
    bench::raiseFdLimit();
    bench::ClientStats stats;
    bench::EpollClients clients(&stats, 1);
    // As bench_fanout's: from 100 loopback addresses and at most 3,000 in the handshake, under
    // the server's bounds of handshakes in flight per address and in all (SECURITY.md, "Bounds"),
    // which otherwise refuse most of a burst of 10,000.
    clients.setSourceAddresses(100);
    clients.setMaxPendingHandshakes(3000);
    clients.start(n, port, true);
    while (stats.connected.load() + stats.failed.load() < n)
        QThread::msleep(20);
    std::printf("clients connected %d\n", stats.connected.load());
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

// ---------------------------------------------------------------------------------------------

struct Child
{
    QProcess proc;
    ~Child()
    {
        if (proc.state() != QProcess::NotRunning) {
            proc.terminate();
            if (!proc.waitForFinished(5000))
                proc.kill();
            proc.waitForFinished(2000);
        }
    }
};

bool waitForOutput(QProcess &p, const QByteArray &needle, int ms, QByteArray *seen)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired()) {
        if (seen->contains(needle))
            return true;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        p.waitForReadyRead(20);
        *seen += p.readAll();
    }
    return seen->contains(needle);
}

// The main thread's lateness: a 10 ms precise timer records how late each timeout fires.
class LagProbe : public QObject
{
public:
    explicit LagProbe(QObject *parent = nullptr) : QObject(parent)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = core::monotonicNanos();
            if (m_recording && m_last)
                m_lateUs.push_back(std::max<qint64>(0, (now - m_last) / 1000 - 10'000));
            m_last = now;
        });
        m_timer.start();
    }
    void record(bool on)
    {
        m_recording = on;
        if (on)
            m_lateUs.clear();
    }
    std::vector<qint64> samples() const { return m_lateUs; }

private:
    QTimer m_timer;
    qint64 m_last = 0;
    bool m_recording = false;
    std::vector<qint64> m_lateUs;
};

double percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, size_t(double(v.size()) * p))]) / 1000.0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "clients") == 0) {
        QCoreApplication app(argc, argv);
        QCommandLineParser p;
        p.addPositionalArgument(QStringLiteral("clients"), QString());
        p.addOption({QStringLiteral("port"), QString(), QStringLiteral("port")});
        p.addOption({QStringLiteral("clients"), QString(), QStringLiteral("n"), QStringLiteral("1000")});
        p.process(app);
        return runClients(quint16(p.value(QStringLiteral("port")).toUInt()),
                          p.value(QStringLiteral("clients")).toInt());
    }

    app::preferUnixEventDispatcher();
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home; // QSettings and data of this run only
    qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toUtf8());
    qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor"));
    app::raiseFileLimit();
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Event-loop lag and CPU of the desktop app under load (figures, no assertions)."));
    p.addOption({QStringLiteral("clients"), QStringLiteral("WebSocket clients, all pairs."), QStringLiteral("n"),
                 QStringLiteral("1000")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Feed ticks per second."), QStringLiteral("n"),
                 QStringLiteral("20000")});
    p.addOption(
        {QStringLiteral("batch"), QStringLiteral("Feed batch size."), QStringLiteral("n"), QStringLiteral("100")});
    p.addOption(
        {QStringLiteral("seconds"), QStringLiteral("Measured seconds."), QStringLiteral("n"), QStringLiteral("20")});
    p.addOption({QStringLiteral("warmup"), QStringLiteral("Seconds before measuring."), QStringLiteral("n"),
                 QStringLiteral("5")});
    p.addHelpOption();
    p.process(app);
    const int clients = p.value(QStringLiteral("clients")).toInt();
    const int rate = p.value(QStringLiteral("rate")).toInt();
    const int seconds = std::max(1, p.value(QStringLiteral("seconds")).toInt());
    const int warmup = std::max(0, p.value(QStringLiteral("warmup")).toInt());
    QString error;
    core::logging::setup(QStringLiteral("ERROR"), {}, &error);
    gui::initResources();

    // Redis, then the app (pinned to CPU 0), then the clients and the feed (CPU 1).
    QTemporaryDir dir;
    Child redis;
    const quint16 redisPort = bench::freePort();
    redis.proc.start(QStringLiteral("taskset"),
                     {QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral("redis-server"),
                      QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                      QString::number(redisPort), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                      QStringLiteral("no"), QStringLiteral("--dir"), dir.path()});
    QByteArray redisOut;
    if (!waitForOutput(redis.proc, "Ready to accept", 5000, &redisOut)) {
        std::fprintf(stderr, "bench_gui: redis-server did not start\n");
        return 1;
    }
    bench::pinToCpu(0);
    core::SettingsLoader loader;
    const QList<QPair<QString, QString>> flags{
        {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
        {QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QString::number(clients + 100)},
        {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
        {QStringLiteral("REDIS_PORT"), QString::number(redisPort)},
        {QStringLiteral("DB_PATH"), dir.filePath(QStringLiteral("bench.sqlite"))},
        {QStringLiteral("LOG_LEVEL"), QStringLiteral("ERROR")},
    };
    for (const auto &[name, value] : flags)
        loader.setOverride(name, value, QStringLiteral("bench"), &error);
    const auto settings = loader.resolve(&error);
    if (!settings) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(error));
        return 2;
    }
    engine::Engine product(*settings);
    if (!product.startKeepingPipeline(&error)) {
        std::fprintf(stderr, "bench_gui: %s\n", qPrintable(error));
        return 1;
    }
    gui::MainWindow window(&product);
    window.show();
    const quint16 port = product.server()->port();

    Child load;
    load.proc.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("clients"), QStringLiteral("--port"), QString::number(port),
                     QStringLiteral("--clients"), QString::number(clients)});
    QByteArray loadOut;
    QElapsedTimer connecting;
    connecting.start();
    if (!waitForOutput(load.proc, "clients connected", 60000, &loadOut))
        std::fprintf(stderr, "bench_gui: not every client connected within 60 s\n");
    const double connectSeconds = connecting.elapsed() / 1000.0;

#ifdef FX_FEED_BIN
    Child feed;
    feed.proc.start(QStringLiteral("taskset"),
                    {QStringLiteral("-c"), QStringLiteral("1"), QStringLiteral(FX_FEED_BIN),
                     QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                     QString::number(redisPort), QStringLiteral("--rate"), QString::number(rate),
                     QStringLiteral("--batch"), p.value(QStringLiteral("batch")), QStringLiteral("--log-level"),
                     QStringLiteral("ERROR"), QStringLiteral("--burst-probability"), QStringLiteral("0.01")});
#else
    std::fprintf(stderr, "bench_gui: built without fxmonitor-feed; no ticks\n");
#endif

    LagProbe probe;
    // What the window does meanwhile.
    int marketRefreshes = 0, clientRefreshes = 0;
    quint64 ticksSeen = 0;
    QObject::connect(window.dataHub(), &gui::EngineSampler::marketUpdated, &app, [&](const engine::MarketDelta &d) {
        ++marketRefreshes;
        ticksSeen += d.tickCount;
    });
    QObject::connect(window.dataHub(), &gui::EngineSampler::clientsUpdated, &app,
                     [&](const QList<server::ClientInfo> &) { ++clientRefreshes; });

    // The app's own event loop, as in fxmonitor (no busy polling of ours on the main thread).
    auto spin = [](int ms) {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    };
    spin(warmup * 1000);

    const qint64 self = QCoreApplication::applicationPid(), mainTid = qint64(::syscall(SYS_gettid));
    const double cpu0 = bench::cpuSeconds(self), main0 = bench::threadCpuSeconds(self, mainTid);
    const quint64 sent0 = product.server()->context().stats().snapshot().messagesSent;
    const quint64 redraws0 = window.chartPanel()->chart()->redraws();
    marketRefreshes = clientRefreshes = 0;
    ticksSeen = 0;
    QElapsedTimer wall;
    wall.start();
    probe.record(true);
    spin(seconds * 1000);
    probe.record(false);
    const double elapsed = wall.elapsed() / 1000.0;
    const double cpu = (bench::cpuSeconds(self) - cpu0) / elapsed * 100.0;
    const double mainCpu = (bench::threadCpuSeconds(self, mainTid) - main0) / elapsed * 100.0;
    const server::StatsSnapshot st = product.server()->context().stats().snapshot();
    const std::vector<qint64> lag = probe.samples();

    std::printf("bench_gui: %d clients (connected %d in %.1f s), feed %d ticks/s in batches of %s, %d s measured after "
                "%d s warm-up, "
                "platform %s\n",
                clients, st.connectedClients, connectSeconds, rate, qPrintable(p.value(QStringLiteral("batch"))),
                seconds, warmup, qPrintable(QGuiApplication::platformName()));
    std::printf("  event-loop lag (10 ms probe, %zu samples): p50 %.2f ms  p99 %.2f ms  max %.2f ms\n", lag.size(),
                percentile(lag, 0.50), percentile(lag, 0.99), percentile(lag, 1.0));
    std::printf("  CPU: app process %.0f %% of one core, main (GUI) thread %.0f %%\n", cpu, mainCpu);
    std::printf(
        "  window: %.1f market refreshes/s (%.0f ticks/s seen), %.1f client-table refreshes/s, %.1f chart redraws/s\n",
        marketRefreshes / elapsed, double(ticksSeen) / elapsed, clientRefreshes / elapsed,
        double(window.chartPanel()->chart()->redraws() - redraws0) / elapsed);
    std::printf("  server: %.0f deliveries/s, %d clients, price updates conflated in total: %llu for slow clients, "
                "%llu while the"
                " server was behind the feed\n",
                double(st.messagesSent - sent0) / elapsed, st.connectedClients,
                static_cast<unsigned long long>(st.conflated), static_cast<unsigned long long>(st.overloadConflated));
    std::fflush(stdout);
    product.stopServer();
    return 0;
}
