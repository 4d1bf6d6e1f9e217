// bench_soak: the server under hours-in-minutes of abuse and faults; prints what it kept.
//
//   bench_soak [--seconds 600] [--clients 200] [--abusers-per-kind 30] [--outage-seconds 15]
//
// It runs a private redis-server, a private PostgreSQL (tests/fixtures/postgres.sh), the real
// fxmonitor-server storing into that PostgreSQL and the simulated feed (fxmonitor-feed), plus a
// publisher of its own: timed prices (a "t_pub" field) and one numbered volatility alert every
// 200 ms ("soak-alert N"). Then three phases:
//
//   quiet  (15 %): the well-behaved clients (three quarters plain JSON, a quarter Socket.IO over
//                  WebSocket, all subscribed to every pair). Its first third is a warm-up with the
//                  abusers, so that every code path has run once (thread arenas, caches, tables at
//                  their working size; the resident size before it is printed as "cold"); the
//                  second a pause (at least 35 s: one pass of the server's memory reclaimer); the
//                  last third without abusers gives the latency "without
//                  abusers", and the resident memory and descriptors at its end are the baseline.
//   abuse  (70 %): plus the abusers (bench/abusers.h: ten kinds, half of each over Socket.IO,
//                  reconnecting all the time); their latency "with abusers". Meanwhile
//                  redis-server is killed (SIGKILL) and restarted twice, and PostgreSQL is killed
//                  (every process, SIGKILL) and restarted twice, each down for --outage-seconds.
//   after  (15 %, at least 40 s): the abusers gone; latency again.
//
// Then it checks and prints (exit status 1 when one fails):
//   - resident memory back within 10 % of the baseline;
//   - no descriptor leaked (the count back to the baseline's);
//   - every alert the server received (PUBLISH counted a subscriber) is in PostgreSQL, once;
//   - every well-behaved client got every such alert and none was disconnected;
//   - the server still running, then stopping with status 0.
// The p99 with and without abusers is printed, never asserted (the machine is shared).

#include "abusers.h"
#include "benchprocs.h"
#include "loadclients.h"

#include "core/instruments.h"
#include "core/timeutil.h"
#include "redis/redisconfig.h"
#include "redis/redispublisher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <set>

using namespace fx;
using namespace fx::bench;

namespace {

// Ctrl-C or SIGTERM: the phases end at once and every child (servers, redis-server, PostgreSQL
// and its files) is stopped and removed on the way out.
std::atomic<bool> g_interrupted{false};
extern "C" void onSignal(int)
{
    g_interrupted = true;
}

void say(const QString &line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}

int descriptorCount(qint64 pid)
{
    return int(QDir(QStringLiteral("/proc/%1/fd").arg(pid)).entryList(QDir::NoDotAndDotDot | QDir::System).size());
}

// The PostgreSQL of tests/fixtures/postgres.sh in a folder of the soak's own.
class Postgres
{
public:
    bool run(const QString &command, QString *output = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args{command, dir()};
        if (command == u"start" && !m_started)
            args << QStringLiteral("--fresh");
        // fsync and synchronous_commit on: a killed PostgreSQL must keep what it acknowledged.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FX_PG_DURABLE"), QStringLiteral("1"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(FX_PG_SCRIPT), args);
        const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (output)
            *output = QString::fromUtf8(p.readAll());
        if (ok && command == u"start")
            m_started = true;
        return ok;
    }
    QString dir() const { return m_dir.filePath(QStringLiteral("pg")); }
    QString env(const char *key) const
    {
        QFile f(dir() + QStringLiteral("/pg.env"));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        for (const QByteArray &line : f.readAll().split('\n'))
            if (line.startsWith(QByteArray(key) + '='))
                return QString::fromUtf8(line.mid(qsizetype(qstrlen(key)) + 1));
        return {};
    }
    ~Postgres()
    {
        if (m_started)
            run(QStringLiteral("destroy"));
    }

private:
    QTemporaryDir m_dir;
    bool m_started = false;
};

// Timed prices and numbered alerts, on a thread of its own; reconnects after Redis comes back.
class Publisher
{
public:
    Publisher(quint16 redisPort, int pricesPerSecond) : m_port(redisPort), m_rate(pricesPerSecond) {}
    ~Publisher() { stop(); }
    void start()
    {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
    }
    void stop()
    {
        m_stop = true;
        if (m_thread)
            m_thread->wait();
    }
    std::atomic<quint64> prices{0};
    std::atomic<quint64> alertsSent{0};
    std::atomic<quint64> failures{0};
    // Alerts whose PUBLISH counted a subscriber: the server's Redis subscriber had them.
    std::vector<int> accepted()
    {
        QMutexLocker lock(&m_mutex);
        return m_accepted;
    }

private:
    void run()
    {
        redis::RedisConfig c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = m_port;
        redis::RedisPublisher pub(c);
        const QStringList pairs = core::InstrumentSet::defaultPairs();
        QElapsedTimer clock;
        clock.start();
        quint64 due = 0;
        int alertNo = 0, i = 0;
        qint64 nextAlertMs = 0;
        while (!m_stop) {
            QString err;
            if (!pub.ensureConnected(&err)) {
                ++failures;
                QThread::msleep(100);
                continue;
            }
            due = quint64(double(clock.nsecsElapsed()) / 1e9 * m_rate);
            for (quint64 sent = prices; sent < due; ++sent) {
                const QString &pair = pairs[i++ % pairs.size()];
                const bool jpy = pair.endsWith(u"JPY");
                pub.appendPublish(QStringLiteral("price_updates"),
                                  "{\"instrument\":\"" + pair.toLatin1() + "\",\"price\":{\"bid\":\""
                                      + (jpy ? "150.101" : "1.10001") + "\",\"ask\":\"" + (jpy ? "150.112" : "1.10012")
                                      + "\"},\"t_pub\":" + QByteArray::number(core::nowMicros()) + "}");
            }
            if (!pub.flush(&err)) {
                ++failures;
                QThread::msleep(100);
                continue;
            }
            prices = due;
            if (clock.elapsed() >= nextAlertMs) {
                nextAlertMs = clock.elapsed() + 200;
                const int n = ++alertNo;
                pub.appendPublish(
                    QStringLiteral("volatility_alerts"),
                    QStringLiteral(R"({"instrument":"%1","volatility":0.03,"threshold":0.02,"severity":"warning",)"
                                   R"("message":"soak-alert %2"})")
                        .arg(pairs[n % pairs.size()])
                        .arg(n)
                        .toUtf8());
                qint64 subscribers = 0;
                ++alertsSent;
                if (pub.flush(&err, &subscribers) && subscribers > 0) {
                    QMutexLocker lock(&m_mutex);
                    m_accepted.push_back(n);
                }
            }
            QThread::msleep(5);
        }
    }

    quint16 m_port;
    int m_rate;
    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    std::vector<int> m_accepted;
};

// Where the cores went in a phase: the server's share and the soak's own (its clients), as
// percentages of one core, and the machine's load average at its end.
struct CpuShare
{
    QString label;
    double server = 0, soak = 0;
    QByteArray load;
};

QByteArray loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readLine().split(' ').mid(0, 3).join(' ') : QByteArray("?");
}

struct Latency
{
    QString label;
    std::vector<qint32> us;
    QString text() const
    {
        return QStringLiteral("%1: %2 samples, p50 %3 ms, p99 %4 ms, max %5 ms")
            .arg(label, -15)
            .arg(us.size())
            .arg(percentileMs(us, 0.5), 0, 'f', 2)
            .arg(percentileMs(us, 0.99), 0, 'f', 2)
            .arg(us.empty() ? 0.0 : us.back() / 1000.0, 0, 'f', 2);
    }
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("FX Monitor soak: abusers, Redis and PostgreSQL faults, "
                                               "memory, descriptors, alerts and latency (docs/PERFORMANCE.md)"));
    p.addHelpOption();
    p.addOption({QStringLiteral("seconds"), QStringLiteral("Length of the soak (default 600, at least 60)."),
                 QStringLiteral("s"), QStringLiteral("600")});
    p.addOption({QStringLiteral("clients"), QStringLiteral("Well-behaved clients (default 200)."), QStringLiteral("n"),
                 QStringLiteral("200")});
    p.addOption({QStringLiteral("abusers-per-kind"),
                 QStringLiteral("Abusive connections of each of the ten kinds (default 30)."), QStringLiteral("n"),
                 QStringLiteral("30")});
    p.addOption({QStringLiteral("outage-seconds"),
                 QStringLiteral("How long Redis and PostgreSQL stay down each time (default 15)."), QStringLiteral("s"),
                 QStringLiteral("15")});
    p.addOption({QStringLiteral("rate"), QStringLiteral("Timed prices per second (default 50)."), QStringLiteral("n"),
                 QStringLiteral("50")});
    p.addOption({QStringLiteral("server"), QStringLiteral("The fxmonitor-server to soak (default: this build's)."),
                 QStringLiteral("path"), QStringLiteral(FX_SERVER_BIN)});
    p.addOption({QStringLiteral("faults"),
                 QStringLiteral("What is killed and restarted twice: redis, postgres, both (the default: "
                                "redis,postgres) or none."),
                 QStringLiteral("list"), QStringLiteral("redis,postgres")});
    p.addOption({QStringLiteral("kinds"),
                 QStringLiteral("Only these abuser kinds, comma-separated (churn, silent, slow-reader, garbage, "
                                "oversized, dropper, slow-head, pipelined, flooder, mute; default all)."),
                 QStringLiteral("list")});
    p.process(app);
    unsigned kindMask = ~0u;
    if (p.isSet(QStringLiteral("kinds"))) {
        kindMask = 0;
        for (const QString &name : p.value(QStringLiteral("kinds")).split(u',', Qt::SkipEmptyParts)) {
            int k = 0;
            while (k < kAbuseKinds && name.trimmed() != QLatin1StringView(abuseKindName(AbuseKind(k))))
                ++k;
            if (k == kAbuseKinds) {
                say(QStringLiteral("unknown abuser kind '%1'").arg(name));
                return 2;
            }
            kindMask |= 1u << k;
        }
    }
    const int seconds = std::max(60, p.value(QStringLiteral("seconds")).toInt());
    const int clients = std::clamp(p.value(QStringLiteral("clients")).toInt(), 4, 5000);
    const int perKind = std::clamp(p.value(QStringLiteral("abusers-per-kind")).toInt(), 0, 500);
    const int outage = std::clamp(p.value(QStringLiteral("outage-seconds")).toInt(), 1, seconds / 20 + 1);
    const int rate = std::clamp(p.value(QStringLiteral("rate")).toInt(), 1, 10000);
    raiseFdLimit();
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);

    QTemporaryDir work;
    Postgres pg;
    QString out;
    if (!pg.run(QStringLiteral("start"), &out)) {
        say(QStringLiteral("cannot start PostgreSQL: ") + out);
        return 2;
    }
    RedisProcess redis;
    if (!redis.start()) {
        say(QStringLiteral("cannot start redis-server"));
        return 2;
    }
    QProcess server;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DB_PORT"), pg.env("FX_PG_PORT"));
    env.insert(QStringLiteral("DB_NAME"), pg.env("FX_PG_DB"));
    env.insert(QStringLiteral("DB_USER"), pg.env("FX_PG_USER"));
    env.insert(QStringLiteral("DB_PASSWORD"), pg.env("FX_PG_PASSWORD"));
    // The recovery history (PROTOCOL.md, "History and recovery") is on, as by default, but kept
    // for 30 s instead of 300: it is full before the baseline, so that the memory it holds by
    // design is part of the baseline and not taken for a leak.
    env.insert(QStringLiteral("WEBSOCKET_HISTORY_TTL"), QStringLiteral("30"));
    server.setProcessEnvironment(env);
    const QString serverLog = work.filePath(QStringLiteral("server.log"));
    const quint16 port = startListening(
        server, p.value(QStringLiteral("server")),
        {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
         QStringLiteral("--max-clients"), QString::number(clients + 20 * perKind + 100), QStringLiteral("--redis-host"),
         QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"), QString::number(redis.port()),
         QStringLiteral("--db-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--log-level"),
         QStringLiteral("WARNING"), QStringLiteral("--log-file"), serverLog},
        nullptr);
    if (port == 0) {
        say(QStringLiteral("cannot start fxmonitor-server: ") + QString::fromUtf8(server.readAllStandardError()));
        return 2;
    }
    const qint64 pid = server.processId();
    QProcess feed;
    feed.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    feed.setStandardOutputFile(QProcess::nullDevice());
    feed.start(QStringLiteral(FX_FEED_BIN),
               {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                QString::number(redis.port()), QStringLiteral("--log-level"), QStringLiteral("ERROR")});

    const int sioClients = clients / 4;
    ClientStats plainStats, sioStats;
    EpollClients plain(&plainStats, 2), sio(&sioStats, 1);
    sio.setSocketIo(true);
    plain.setCountMarker("soak-alert");
    sio.setCountMarker("soak-alert");
    constexpr int kMaxAlerts = 1 << 20; // 5 a second: 58 hours
    plainStats.trackIds(kMaxAlerts);
    sioStats.trackIds(kMaxAlerts);
    plain.start(clients - sioClients, port, true);
    sio.start(sioClients, port, true);
    waitFor([&] { return plainStats.connected + plainStats.failed + sioStats.connected + sioStats.failed >= clients; },
            30000);
    const int connected = plainStats.connected + sioStats.connected;
    // Every alert is to reach every well-behaved client: publish once all have subscribed.
    waitFor([&] { return plainStats.subscribed + sioStats.subscribed >= connected; }, 30000);
    Publisher publisher(redis.port(), rate);
    publisher.start();
    const auto takeLatencies = [&] {
        std::vector<qint32> all = plainStats.takeLatencies();
        const std::vector<qint32> more = sioStats.takeLatencies();
        all.insert(all.end(), more.begin(), more.end());
        std::sort(all.begin(), all.end());
        return all;
    };
    const auto wellBehavedClosed = [&] { return plainStats.closed.load() + sioStats.closed.load(); };

    say(QStringLiteral("soak: %1 s on 127.0.0.1:%2; %3 well-behaved clients (%4 plain JSON, %5 Socket.IO), %6 abusers "
                       "(%7 of each of %8 kinds, half over Socket.IO), the feed, %9 timed prices/s, 5 alerts/s")
            .arg(seconds)
            .arg(port)
            .arg(connected)
            .arg(plainStats.connected.load())
            .arg(sioStats.connected.load())
            .arg(perKind * kAbuseKinds)
            .arg(perKind)
            .arg(kAbuseKinds)
            .arg(rate));

    QElapsedTimer clock;
    clock.start();
    qint64 peakRss = 0;
    QList<CpuShare> cpu;
    double lastServerCpu = cpuSeconds(pid), lastSoakCpu = cpuSeconds(QCoreApplication::applicationPid());
    qint64 lastCpuAt = clock.elapsed();
    const auto cpuPhase = [&](const QString &label) {
        const double server = cpuSeconds(pid), soak = cpuSeconds(QCoreApplication::applicationPid());
        const double wall = std::max<qint64>(1, clock.elapsed() - lastCpuAt) / 1000.0;
        cpu << CpuShare{label, 100 * (server - lastServerCpu) / wall, 100 * (soak - lastSoakCpu) / wall, loadAverage()};
        lastServerCpu = server;
        lastSoakCpu = soak;
        lastCpuAt = clock.elapsed();
    };
    const auto progress = [&](const QString &phase) {
        peakRss = std::max(peakRss, rssKb(pid));
        say(QStringLiteral("  t=%1s %2 rss=%3 MB fds=%4 prices=%5 alerts=%6 (accepted %7) well-behaved closed=%8")
                .arg(clock.elapsed() / 1000, 4)
                .arg(phase, -5)
                .arg(rssKb(pid) / 1024.0, 0, 'f', 1)
                .arg(descriptorCount(pid))
                .arg(publisher.prices.load())
                .arg(publisher.alertsSent.load())
                .arg(publisher.accepted().size())
                .arg(wellBehavedClosed()));
    };
    const auto runFor = [&](qint64 ms, const QString &phase) {
        const qint64 end = clock.elapsed() + ms;
        qint64 nextReport = clock.elapsed();
        while (clock.elapsed() < end && server.state() == QProcess::Running && !g_interrupted) {
            if (clock.elapsed() >= nextReport) {
                progress(phase);
                nextReport += 30000;
            }
            spin(int(std::min<qint64>(250, std::max<qint64>(1, end - clock.elapsed()))));
            peakRss = std::max(peakRss, rssKb(pid));
        }
    };

    // Quiet: a warm-up with the abusers (every code path runs once: thread arenas, caches and
    // tables reach their working size), a pause, then the measured third without them.
    const qint64 coldRss = rssKb(pid);
    // The pause outlasts one pass of the server's memory reclaimer (30 s, core/memoryreclaim.h),
    // so the baseline and the reading after the load are taken in the same state.
    const qint64 quietMs = qint64(seconds) * 150;
    {
        Abusers warmUp(port, perKind, 2, kindMask);
        warmUp.start();
        runFor(quietMs / 3, QStringLiteral("warm"));
    }
    runFor(std::max<qint64>(35000, quietMs / 3), QStringLiteral("quiet"));
    takeLatencies();
    cpuPhase(QStringLiteral("warm-up and pause"));
    runFor(quietMs / 3, QStringLiteral("quiet"));
    cpuPhase(QStringLiteral("without abusers"));
    Latency quiet{QStringLiteral("without abusers"), takeLatencies()};
    const qint64 baselineRss = rssKb(pid);
    const int baselineFds = descriptorCount(pid);
    const QByteArray baselineMetrics = httpGet(port, "/metrics");
    say(QStringLiteral("baseline: rss %1 MB (%2 MB before the warm-up), %3 descriptors")
            .arg(baselineRss / 1024.0, 0, 'f', 1)
            .arg(coldRss / 1024.0, 0, 'f', 1)
            .arg(baselineFds));

    // Abuse, with the faults.
    Abusers abusers(port, perKind, 2, kindMask);
    abusers.start();
    const qint64 abuseMs = qint64(seconds) * 700;
    QStringList faults;
    const auto fault = [&](const QString &what, const std::function<bool()> &kill,
                           const std::function<bool()> &restart) {
        const qint64 at = clock.elapsed() / 1000;
        const bool killed = kill();
        runFor(qint64(outage) * 1000, QStringLiteral("abuse"));
        const bool back = restart();
        faults << QStringLiteral("%1 killed at t=%2s (%3), back %4 s later (%5)")
                      .arg(what)
                      .arg(at)
                      .arg(killed ? QStringLiteral("ok") : QStringLiteral("FAILED"))
                      .arg(outage)
                      .arg(back ? QStringLiteral("ok") : QStringLiteral("FAILED"));
        say(QStringLiteral("  ") + faults.last());
    };
    const auto killRedis = [&] {
        redis.kill();
        return !redis.running();
    };
    const auto startRedis = [&] { return redis.start(); };
    const auto killPg = [&] { return pg.run(QStringLiteral("kill")); };
    const auto startPg = [&] { return pg.run(QStringLiteral("start")); };
    const qint64 abuseStart = clock.elapsed();
    const auto until = [&](double fraction) {
        runFor(abuseStart + qint64(double(abuseMs) * fraction) - clock.elapsed(), QStringLiteral("abuse"));
    };
    until(0.15);
    const QStringList faultKinds = p.value(QStringLiteral("faults")).split(u',', Qt::SkipEmptyParts);
    const bool redisFaults = faultKinds.contains(u"redis"), pgFaults = faultKinds.contains(u"postgres");
    if (redisFaults)
        fault(QStringLiteral("redis-server"), killRedis, startRedis);
    until(0.35);
    if (pgFaults)
        fault(QStringLiteral("PostgreSQL"), killPg, startPg);
    until(0.55);
    if (redisFaults)
        fault(QStringLiteral("redis-server"), killRedis, startRedis);
    until(0.75);
    if (pgFaults)
        fault(QStringLiteral("PostgreSQL"), killPg, startPg);
    until(1.0);
    if (g_interrupted) {
        say(QStringLiteral("interrupted: stopping everything it started"));
        for (QProcess *child : {&server, &feed}) {
            child->terminate();
            if (!child->waitForFinished(10000))
                child->kill();
            child->waitForFinished(5000);
        }
        return 130;
    }
    Latency abused{QStringLiteral("with abusers"), takeLatencies()};
    cpuPhase(QStringLiteral("with abusers"));
    abusers.stop();
    const quint64 abuseSessions = abusers.totalSessions();

    // After.
    runFor(std::max<qint64>(40000, qint64(seconds) * 150), QStringLiteral("after"));
    Latency after{QStringLiteral("after"), takeLatencies()};
    cpuPhase(QStringLiteral("after"));
    // Lingering closes and reconnections end within seconds: wait for the count to come back.
    waitFor([&] { return descriptorCount(pid) <= baselineFds; }, 30000);
    const int finalFds = descriptorCount(pid);
    const qint64 finalRss = rssKb(pid);
    const QByteArray finalMetrics = httpGet(port, "/metrics");
    const bool alive = server.state() == QProcess::Running;

    publisher.stop();
    const std::vector<int> accepted = publisher.accepted();
    // Every alert the server had must reach PostgreSQL: wait for the buffer to drain.
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("soak"));
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(pg.env("FX_PG_PORT").toInt());
    db.setDatabaseName(pg.env("FX_PG_DB"));
    db.setUserName(pg.env("FX_PG_USER"));
    db.setPassword(pg.env("FX_PG_PASSWORD"));
    std::multiset<int> stored;
    QString dbError;
    const auto readStored = [&] {
        stored.clear();
        if (!db.isOpen() && !db.open()) {
            dbError = db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT message FROM alerts WHERE message LIKE 'soak-alert %'"))) {
            dbError = q.lastError().text();
            return false;
        }
        while (q.next())
            stored.insert(q.value(0).toString().mid(11).toInt());
        return true;
    };
    waitFor([&] { return readStored() && stored.size() >= accepted.size(); }, 60000);
    int lost = 0, duplicated = 0;
    QStringList lostIds;
    for (int n : accepted) {
        const size_t c = stored.count(n);
        lost += c == 0;
        if (c == 0 && lostIds.size() < 20)
            lostIds << QStringLiteral("#%1").arg(n);
        duplicated += c > 1 ? int(c - 1) : 0;
    }
    const quint64 expectedToClients = quint64(accepted.size()) * quint64(connected);
    waitFor([&] { return plainStats.marked + sioStats.marked >= expectedToClients; }, 10000);
    const quint64 toClients = plainStats.marked + sioStats.marked;
    QStringList missed; // alerts the server had that some well-behaved client did not get
    for (int n : accepted)
        if (n < kMaxAlerts) {
            const quint32 got = plainStats.markedById[size_t(n)] + sioStats.markedById[size_t(n)];
            if (got < quint32(connected))
                missed << QStringLiteral("#%1 (plain %2/%3, socket.io %4/%5)")
                              .arg(n)
                              .arg(plainStats.markedById[size_t(n)].load())
                              .arg(plainStats.connected.load())
                              .arg(sioStats.markedById[size_t(n)].load())
                              .arg(sioStats.connected.load());
        }
    plain.stop();
    sio.stop();

    server.terminate();
    const bool stopped = server.waitForFinished(30000);
    const int exitCode = stopped && server.exitStatus() == QProcess::NormalExit ? server.exitCode() : -1;
    feed.terminate();
    feed.waitForFinished(5000);

    const double rssChange = baselineRss > 0 ? 100.0 * double(finalRss - baselineRss) / double(baselineRss) : 0;
    const bool rssOk = finalRss > 0 && rssChange <= 10.0;
    const bool fdsOk = finalFds <= baselineFds;
    const bool alertsOk = lost == 0 && duplicated == 0 && dbError.isEmpty() && !accepted.empty();
    // Alerts published while the well-behaved clients were connected reached every one of them.
    const bool clientsOk = wellBehavedClosed() == 0 && toClients >= expectedToClients;
    const bool serverOk = alive && exitCode == 0;
    const auto verdict = [](bool ok) { return ok ? QStringLiteral("PASS") : QStringLiteral("FAIL"); };

    say(QStringLiteral("\nfaults:\n  ")
        + (faults.isEmpty() ? QStringLiteral("none") : faults.join(QStringLiteral("\n  "))));
    say(QStringLiteral("abusers: %1 sessions in the abuse phase; what the server answered them:\n").arg(abuseSessions)
        + abusers.report());
    say(QStringLiteral(
            "\nmemory:      %7 MB cold, baseline %1 MB, peak %2 MB, after the load %3 MB (%4%5 %, bound +10 %): "
            "%6")
            .arg(baselineRss / 1024.0, 0, 'f', 1)
            .arg(peakRss / 1024.0, 0, 'f', 1)
            .arg(finalRss / 1024.0, 0, 'f', 1)
            .arg(rssChange >= 0 ? QStringLiteral("+") : QString())
            .arg(rssChange, 0, 'f', 1)
            .arg(verdict(rssOk))
            .arg(coldRss / 1024.0, 0, 'f', 1));
    const auto mb = [](const QByteArray &metrics, const char *name) {
        return QString::number(metricValue(metrics, name) / 1048576.0, 'f', 1);
    };
    say(QStringLiteral("             heap in use %1 -> %2 MB, free in malloc's arenas %3 -> %4 MB, given back "
                       "to the system since start %5 MB")
            .arg(mb(baselineMetrics, "fxmonitor_heap_in_use_bytes"), mb(finalMetrics, "fxmonitor_heap_in_use_bytes"),
                 mb(baselineMetrics, "fxmonitor_heap_free_bytes"), mb(finalMetrics, "fxmonitor_heap_free_bytes"),
                 mb(finalMetrics, "fxmonitor_heap_released_bytes_total")));
    say(QStringLiteral("             %1 malloc_trim passes, %2 ms in all, the longest %3 ms")
            .arg(metricValue(finalMetrics, "fxmonitor_heap_release_passes_total"))
            .arg(metricValue(finalMetrics, "fxmonitor_heap_release_seconds_total") * 1000, 0, 'f', 1)
            .arg(metricValue(finalMetrics, "fxmonitor_heap_release_longest_seconds") * 1000, 0, 'f', 1));
    say(QStringLiteral("descriptors: baseline %1, after the load %2: %3")
            .arg(baselineFds)
            .arg(finalFds)
            .arg(verdict(fdsOk)));
    say(QStringLiteral("alerts:      %1 published, %2 received by the server, %3 of them in PostgreSQL, lost %4, "
                       "duplicated %5%6: %7")
            .arg(publisher.alertsSent.load())
            .arg(accepted.size())
            .arg(accepted.size() - size_t(lost))
            .arg(lost)
            .arg(duplicated)
            .arg(dbError.isEmpty() ? QString() : QStringLiteral(" (database: %1)").arg(dbError))
            .arg(verdict(alertsOk)));
    if (!lostIds.isEmpty())
        say(QStringLiteral("             not in PostgreSQL: ") + lostIds.join(QStringLiteral(", ")));
    say(QStringLiteral("clients:     %1 well-behaved, %2 disconnected (%6 plain, %7 Socket.IO); alerts delivered to "
                       "them %3 of %4: %5")
            .arg(connected)
            .arg(wellBehavedClosed())
            .arg(toClients)
            .arg(expectedToClients)
            .arg(verdict(clientsOk))
            .arg(plainStats.closed.load())
            .arg(sioStats.closed.load()));
    QStringList reasons; // the server's disconnects by reason, all clients (abusers included)
    for (const QByteArray &line : finalMetrics.split('\n'))
        if (line.startsWith("fxmonitor_disconnects_total{reason=\"") && !line.endsWith(" 0"))
            reasons << QString::fromLatin1(line.mid(35).replace("\"} ", "="));
    say(QStringLiteral("             the server's disconnects by reason: ") + reasons.join(QStringLiteral(", ")));
    if (!missed.isEmpty())
        say(QStringLiteral("             alerts some client missed: ") + missed.mid(0, 20).join(QStringLiteral(", ")));
    say(QStringLiteral("server:      %1, stopped with status %2: %3")
            .arg(alive ? QStringLiteral("running at the end") : QStringLiteral("NOT running at the end"))
            .arg(exitCode)
            .arg(verdict(serverOk)));
    say(QStringLiteral("latency of well-behaved clients, Redis PUBLISH to receipt:\n  %1\n  %2\n  %3")
            .arg(quiet.text(), abused.text(), after.text()));
    for (const CpuShare &c : cpu)
        say(QStringLiteral("  cpu %1: server %2 %, soak's clients %3 % of one core; load average %4")
                .arg(c.label, -18)
                .arg(c.server, 0, 'f', 0)
                .arg(c.soak, 0, 'f', 0)
                .arg(QString::fromLatin1(c.load)));
    if (abused.us.size() && quiet.us.size())
        say(QStringLiteral("  p99 with abusers / without: %1x")
                .arg(percentileMs(abused.us, 0.99) / std::max(0.001, percentileMs(quiet.us, 0.99)), 0, 'f', 2));
    QFile log(serverLog);
    int warnings = 0, errors = 0;
    if (log.open(QIODevice::ReadOnly))
        for (const QByteArray &line : log.readAll().split('\n')) {
            warnings += line.contains(" WARN ");
            errors += line.contains(" ERROR ") || line.contains(" FATAL ");
        }
    say(QStringLiteral("server log: %1 warnings, %2 errors (outages, refusals and drops are logged, rate limited)")
            .arg(warnings)
            .arg(errors));
    return rssOk && fdsOk && alertsOk && clientsOk && serverOk ? 0 : 1;
}
