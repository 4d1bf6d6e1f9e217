// Storage write throughput: sustained ticks/s and alerts/s through the real write path
// (Storage on its thread, batched transactions, bars upserted), p50/p99 batch commit time, a
// fixed-rate run at the required 20,000 ticks/s, and the ratio to a naive baseline (one
// transaction per row) measured in the same run.
//
//   bench_storage [--seconds N] [--rate R] [--sqlite-dir DIR]
//                 [--pg "host=H port=P dbname=D user=U password=W"]
//
// SQLite runs on fresh files in a temporary folder (or DIR). With --pg the benchmark creates
// a throw-away database next to D (the user needs CREATEDB) and drops it afterwards.

#include "core/marketdata.h"
#include "core/timeutil.h"
#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/storagethread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <optional>

using namespace fx::storage;
using fx::core::MarketEvent;

namespace {

const QStringList kPairs{"EUR_USD", "GBP_USD", "USD_JPY", "USD_CHF", "AUD_USD", "USD_CAD", "NZD_USD",
                         "EUR_GBP", "EUR_JPY", "GBP_JPY", "AUD_JPY", "EUR_AUD", "EUR_CHF", "AUD_NZD",
                         "NZD_JPY", "GBP_AUD", "GBP_CAD", "EUR_NZD", "AUD_CAD", "GBP_CHF"};

struct Generator
{
    quint64 n = 0;

    fx::core::PriceTick tick()
    {
        fx::core::PriceTick t;
        t.instrument = kPairs.at(int(n % quint64(kPairs.size())));
        const int pip = int(n % 97);
        t.quote.bid = QStringLiteral("1.09%1").arg(400 + pip, 3, 10, QLatin1Char('0'));
        t.quote.ask = QStringLiteral("1.09%1").arg(403 + pip, 3, 10, QLatin1Char('0'));
        t.quote.mid = fx::core::decimal::midpoint(t.quote.bid, t.quote.ask);
        t.bid = t.quote.bid.toDouble();
        t.ask = t.quote.ask.toDouble();
        t.mid = t.quote.mid.toDouble();
        t.timeMicros = t.relayedMicros = fx::core::nowMicros();
        ++n;
        return t;
    }

    fx::core::VolatilityAlert alert()
    {
        fx::core::VolatilityAlert a;
        a.instrument = kPairs.at(int(n % quint64(kPairs.size())));
        a.volatility = 0.01 + double(n % 50) / 1000.0;
        a.threshold = 0.02;
        a.severity = n % 3 ? fx::core::Severity::Warning : fx::core::Severity::Critical;
        a.message = QStringLiteral("%1 volatility %2% above threshold").arg(a.instrument).arg(a.volatility * 100);
        a.raisedMicros = a.receivedMicros = fx::core::nowMicros();
        a.timestamp = fx::core::isoTimestamp(a.raisedMicros);
        ++n;
        return a;
    }
};

double percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return double(v[i]) / 1000.0; // ms
}

// Collects commit times on the storage thread.
struct Commits
{
    QMutex mutex;
    std::vector<qint64> micros;
    qint64 rows = 0;

    void attach(Storage *s)
    {
        QObject::connect(
            s, &Storage::batchCommitted, s,
            [this](const CommitInfo &i) {
                QMutexLocker lock(&mutex);
                micros.push_back(i.durationMicros);
                rows += i.ticks + i.alerts;
            },
            Qt::DirectConnection);
    }
    void reset()
    {
        QMutexLocker lock(&mutex);
        micros.clear();
        rows = 0;
    }
    std::vector<qint64> take()
    {
        QMutexLocker lock(&mutex);
        return micros;
    }
};

// Supplies fresh, empty databases of one engine.
class Databases
{
public:
    virtual ~Databases() = default;
    virtual std::optional<StorageConfig> fresh(const QString &tag) = 0;
};

class SqliteDatabases final : public Databases
{
public:
    explicit SqliteDatabases(const QString &dir) : m_dir(dir) {}
    std::optional<StorageConfig> fresh(const QString &tag) override
    {
        const QString path = QStringLiteral("%1/bench-%2-%3.sqlite").arg(m_dir, tag).arg(++m_n);
        return StorageConfig::sqlite(path);
    }

private:
    QString m_dir;
    int m_n = 0;
};

class PgDatabases final : public Databases
{
public:
    explicit PgDatabases(StorageConfig admin) : m_admin(std::move(admin)) {}
    ~PgDatabases() override
    {
        SqlConnection c;
        QString error;
        if (!c.open(m_admin, &error))
            return;
        for (const QString &db : std::as_const(m_created))
            c.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db), &error);
    }
    std::optional<StorageConfig> fresh(const QString &tag) override
    {
        SqlConnection c;
        QString error;
        const QString name =
            QStringLiteral("fx_bench_%1_%2_%3").arg(tag).arg(QCoreApplication::applicationPid()).arg(++m_n);
        if (!c.open(m_admin, &error) || !c.exec(QStringLiteral("CREATE DATABASE %1").arg(name), &error)) {
            std::fprintf(stderr, "cannot create a PostgreSQL database: %s\n", qPrintable(error));
            return std::nullopt;
        }
        m_created << name;
        StorageConfig cfg = m_admin;
        cfg.database = name;
        return cfg;
    }

private:
    StorageConfig m_admin;
    QStringList m_created;
    int m_n = 0;
};

// The two naive loggers' row: the INSERT below, one tick.
const QString kNaiveInsert =
    QStringLiteral("INSERT INTO price_ticks (pair, bid_text, ask_text, mid_text, bid, ask, mid,"
                   " quoted_at, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");

void bindTick(QSqlQuery &q, const fx::core::PriceTick &t)
{
    q.bindValue(0, t.instrument);
    q.bindValue(1, t.quote.bid);
    q.bindValue(2, t.quote.ask);
    q.bindValue(3, t.quote.mid);
    q.bindValue(4, t.bid);
    q.bindValue(5, t.ask);
    q.bindValue(6, t.mid);
    q.bindValue(7, t.timeMicros);
    q.bindValue(8, t.relayedMicros);
}

// One transaction per row, with a prepared INSERT: what a straightforward logger does.
double naiveBaseline(const StorageConfig &config, double seconds)
{
    SqlConnection c;
    QString error;
    if (!c.open(config, &error) || !Schema::migrate(c).ok()) {
        std::fprintf(stderr, "baseline: cannot open: %s\n", qPrintable(error));
        return 0;
    }
    Generator gen;
    qint64 rows = 0;
    QElapsedTimer clock;
    clock.start();
    {
        QSqlQuery q(c.database());
        q.prepare(kNaiveInsert);
        while (clock.elapsed() < qint64(seconds * 1000)) {
            const fx::core::PriceTick t = gen.tick();
            if (!c.begin(&error))
                break;
            bindTick(q, t);
            if (!q.exec() || !c.commit(&error)) {
                std::fprintf(stderr, "baseline: %s\n", qPrintable(sqlErrorText(q.lastError())));
                break;
            }
            ++rows;
        }
    }
    return double(rows) * 1000.0 / double(std::max<qint64>(clock.elapsed(), 1));
}

// The same, on a connection with SQLite's defaults (rollback journal, synchronous=FULL): what
// a logger that never touched the pragmas gets. Every commit waits for the disk.
double naiveSqliteDefaults(const QString &path, double seconds)
{
    const QString name = QStringLiteral("bench-naive-defaults");
    double rate = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open()) {
            std::fprintf(stderr, "naive (defaults): %s\n", qPrintable(sqlErrorText(db.lastError())));
        } else {
            QSqlQuery q(db);
            for (int v = 1; v <= Schema::kLatestVersion; ++v)
                for (const QString &sql : Schema::statements(v, Engine::Sqlite))
                    q.exec(sql);
            q.prepare(kNaiveInsert);
            Generator gen;
            qint64 rows = 0;
            QElapsedTimer clock;
            clock.start();
            while (clock.elapsed() < qint64(seconds * 1000)) {
                const fx::core::PriceTick t = gen.tick();
                db.transaction();
                bindTick(q, t);
                if (!q.exec() || !db.commit())
                    break;
                ++rows;
            }
            rate = double(rows) * 1000.0 / double(std::max<qint64>(clock.elapsed(), 1));
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rate;
}

struct RunResult
{
    double rowsPerSecond = 0;
    double p50 = 0;
    double p99 = 0;
    double maxMs = 0;
    qint64 batches = 0;
    qint64 maxBuffered = 0;
    quint64 dropped = 0;
    bool ok = true;
};

// Pushes events as fast as the storage takes them (keeping at most `backlog` rows waiting, so
// nothing is dropped), or at a fixed rate when rate > 0. Measures what was committed.
RunResult drive(const StorageConfig &base, bool alerts, double seconds, double rate)
{
    StorageConfig config = base;
    RunResult r;
    Commits commits; // outlives the thread: its final flush still reports commits
    StorageThread thread(config);
    Storage *s = thread.storage();
    commits.attach(s);
    QElapsedTimer wait;
    wait.start();
    while (s->status().state != StorageState::Ok && wait.elapsed() < 15000)
        QThread::msleep(10);
    if (s->status().state != StorageState::Ok) {
        std::fprintf(stderr, "storage did not open: %s\n", qPrintable(s->status().describe()));
        r.ok = false;
        return r;
    }
    Generator gen;
    const qint64 backlog = 20000;
    const int chunk = alerts ? 100 : 500;
    auto push = [&](int n) {
        QList<MarketEvent> events;
        events.reserve(n);
        for (int i = 0; i < n; ++i) {
            if (alerts)
                events << gen.alert();
            else
                events << gen.tick();
        }
        s->recordEvents(events);
    };

    // One step of the producer: at the fixed rate, or as fast as the buffer drains.
    QElapsedTimer clock;
    quint64 offered = 0;
    auto step = [&] {
        if (rate > 0) {
            const quint64 due = quint64(double(clock.nsecsElapsed()) / 1e9 * rate);
            if (offered < due) {
                const int n = int(std::min<quint64>(due - offered, 1000));
                push(n);
                offered += quint64(n);
            } else {
                QThread::usleep(500);
            }
        } else if (s->bufferedRows() < backlog) {
            push(chunk);
        } else {
            QThread::usleep(200);
        }
    };
    // Warm-up: one second, not measured.
    clock.start();
    while (clock.elapsed() < 1000)
        step();
    commits.reset();
    const quint64 writtenBefore = alerts ? s->status().writtenAlerts : s->status().writtenTicks;
    clock.restart();
    offered = 0;
    while (clock.elapsed() < qint64(seconds * 1000)) {
        step();
        r.maxBuffered = std::max(r.maxBuffered, s->bufferedRows());
    }
    const double elapsed = double(clock.nsecsElapsed()) / 1e9;
    const quint64 writtenAfter = alerts ? s->status().writtenAlerts : s->status().writtenTicks;
    r.rowsPerSecond = double(writtenAfter - writtenBefore) / elapsed;
    const std::vector<qint64> times = commits.take();
    r.batches = qint64(times.size());
    r.p50 = percentile(times, 0.50);
    r.p99 = percentile(times, 0.99);
    r.maxMs = times.empty() ? 0 : double(*std::max_element(times.begin(), times.end())) / 1000.0;
    r.dropped = s->status().droppedTicks;
    return r;
}

void benchEngine(const char *name, Databases &dbs, double seconds, double rate)
{
    std::printf("\n== %s ==\n", name);
    auto cfg = dbs.fresh(QStringLiteral("naive"));
    if (!cfg)
        return;
    std::printf("  location: %s\n", qPrintable(cfg->location()));
    const double naive = naiveBaseline(*cfg, std::min(seconds, 3.0));
    std::printf("  naive baseline (one transaction per tick): %10.0f ticks/s\n", naive);
    if (cfg->engine == Engine::Sqlite) {
        const double defaults =
            naiveSqliteDefaults(cfg->sqlitePath + QStringLiteral(".defaults"), std::min(seconds, 3.0));
        std::printf("  the same with SQLite's default journal and synchronous=FULL: %.0f ticks/s\n", defaults);
    }

    cfg = dbs.fresh(QStringLiteral("ticks"));
    if (!cfg)
        return;
    const RunResult ticks = drive(*cfg, false, seconds, 0);
    std::printf("  sustained ticks (batched, with 1-min bars): %10.0f ticks/s   commit p50 %.2f ms  p99 %.2f ms"
                "  max %.2f ms  (%lld batches, %llu dropped)\n",
                ticks.rowsPerSecond, ticks.p50, ticks.p99, ticks.maxMs, static_cast<long long>(ticks.batches),
                static_cast<unsigned long long>(ticks.dropped));
    if (naive > 0)
        std::printf("  ratio to the naive baseline: %.1fx\n", ticks.rowsPerSecond / naive);

    cfg = dbs.fresh(QStringLiteral("alerts"));
    if (!cfg)
        return;
    const RunResult alerts = drive(*cfg, true, seconds, 0);
    std::printf("  sustained alerts:                           %10.0f alerts/s  commit p50 %.2f ms  p99 %.2f ms"
                "  max %.2f ms  (%lld batches)\n",
                alerts.rowsPerSecond, alerts.p50, alerts.p99, alerts.maxMs, static_cast<long long>(alerts.batches));

    cfg = dbs.fresh(QStringLiteral("rate"));
    if (!cfg)
        return;
    const RunResult fixed = drive(*cfg, false, seconds, rate);
    const bool keeps = fixed.dropped == 0 && fixed.rowsPerSecond >= rate * 0.97 && fixed.maxBuffered < rate;
    std::printf("  offered %.0f ticks/s for %.0f s: written %.0f ticks/s, commit p50 %.2f ms  p99 %.2f ms,"
                " most rows waiting %lld, dropped %llu -> %s\n",
                rate, seconds, fixed.rowsPerSecond, fixed.p50, fixed.p99, static_cast<long long>(fixed.maxBuffered),
                static_cast<unsigned long long>(fixed.dropped), keeps ? "sustained" : "NOT sustained");
}

std::optional<StorageConfig> parseDsn(const QString &dsn)
{
    StorageConfig c = StorageConfig::postgres(QStringLiteral("127.0.0.1"), 5432, QStringLiteral("postgres"),
                                              QStringLiteral("postgres"), {});
    for (const QString &part : dsn.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QString key = part.section(QLatin1Char('='), 0, 0);
        const QString value = part.section(QLatin1Char('='), 1);
        if (key == u"host")
            c.host = value;
        else if (key == u"port")
            c.port = quint16(value.toUInt());
        else if (key == u"dbname")
            c.database = value;
        else if (key == u"user")
            c.user = value;
        else if (key == u"password")
            c.password = value;
        else
            return std::nullopt;
    }
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FX Monitor storage write benchmark"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("Seconds per measured run (default 5)."),
                      QStringLiteral("n"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("Ticks/s offered in the fixed-rate run (default 20000)."),
                      QStringLiteral("r"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("sqlite-dir"),
                      QStringLiteral("Folder for the SQLite files (default: a temporary one)."),
                      QStringLiteral("dir")});
    parser.addOption({QStringLiteral("pg"),
                      QStringLiteral("PostgreSQL DSN: \"host=H port=P dbname=D user=U password=W\"."),
                      QStringLiteral("dsn")});
    parser.process(app);
    const double seconds = std::max(1.0, parser.value(QStringLiteral("seconds")).toDouble());
    const double rate = std::max(1.0, parser.value(QStringLiteral("rate")).toDouble());

    std::printf("bench_storage: %.0f s per run, %d cores, Qt %s\n", seconds, QThread::idealThreadCount(), qVersion());
    QTemporaryDir tmp;
    const QString dir =
        parser.isSet(QStringLiteral("sqlite-dir")) ? parser.value(QStringLiteral("sqlite-dir")) : tmp.path();
    SqliteDatabases sqlite(dir);
    benchEngine("SQLite (WAL, synchronous=NORMAL)", sqlite, seconds, rate);

    if (parser.isSet(QStringLiteral("pg"))) {
        const auto admin = parseDsn(parser.value(QStringLiteral("pg")));
        if (!admin) {
            std::fprintf(stderr, "cannot parse the DSN (keys: host port dbname user password)\n");
            return 2;
        }
        PgDatabases pg(*admin);
        benchEngine("PostgreSQL", pg, seconds, rate);
    }
    return 0;
}
