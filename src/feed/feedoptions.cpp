#include "feed/feedoptions.h"

#include "core/timeutil.h"

#include <QCommandLineParser>

#include <cmath>

namespace fx::feed {

namespace {

struct Flag
{
    const char *name;
    const char *value; // nullptr: a switch
    const char *help;
};

// The defaults in the help text must match FeedOptions' and AnalyticsConfig's initialisers.
constexpr Flag kFlags[] = {
    {"rate", "ticks/s",
     "Ticks per second, all pairs together, one pair per tick in turn (default 20, 0.001 to 1000000)."},
    {"batch", "N", "Publish price_updates as JSON arrays of up to N ticks (1-10000; default: one object per message)."},
    {"seed", "N",
     "Random seed (unsigned 64-bit); the same seed and start time give the same messages (default: random, logged)."},
    {"start-time", "ISO", "Feed time of the first tick, ISO 8601 (default: now; for --dry-run 2025-01-01T00:00:00Z)."},
    {"dry-run", "N",
     "Generate N ticks and the analytics they trigger without Redis; print each message as a JSON line on stdout."},
    {"time-scale", "X",
     "Market seconds per feed second for the price model (default 60: one second of feed is one market minute)."},
    {"burst-probability", "P", "Chance per pair update that a volatility burst starts (default 0.0025; 0 = never)."},
    {"vol-window", "K", "Log returns per pair in the realised volatility (2-10000, default 50)."},
    {"vol-interval", "seconds", "Feed seconds between volatility batches, the compressed hourly job (default 5)."},
    {"vol-warning", "X", "Warning threshold as a multiple of each pair's expected volatility (default 1.5)."},
    {"vol-critical", "X", "Critical threshold as a multiple of each pair's expected volatility (default 2.5)."},
    {"corr-interval", "seconds", "Feed seconds between correlation batches, the compressed daily job (default 30)."},
    {"corr-window", "N", "Sampled returns per pair in the correlation (3-10000, default 60)."},
    {"corr-sample", "seconds",
     "Feed seconds between samples of every pair's mid for the correlation (default 5: five-minute bars at "
     "--time-scale 60)."},
    {"corr-threshold", "X",
     "Alert when a correlation moves by more than X from the previous batch (0-2, default 0.25)."},
    {"no-analytics", nullptr, "Publish prices only: no volatility, correlation or data_ready messages."},
    {"no-cache", nullptr, "Do not HSET price:<PAIR> after each tick."},
    {"replay", "file", "Publish the ticks of this CSV file (time,instrument,bid,ask[,mid]) instead of simulating."},
    {"speed", "X", "Replay pace: X times the recorded pace (default 1; 0 = as fast as possible)."},
};

class Reader
{
public:
    Reader(const QCommandLineParser &p, QString *error) : m_p(p), m_error(error) {}

    bool ok() const { return m_error->isEmpty(); }
    bool isSet(const char *name) const { return m_p.isSet(QString::fromLatin1(name)); }
    QString text(const char *name) const { return m_p.value(QString::fromLatin1(name)).trimmed(); }

    void fail(const char *name, const QString &why)
    {
        if (ok())
            *m_error = QStringLiteral("--%1 %2").arg(QString::fromLatin1(name), why);
    }

    // A finite number in [lo, hi] (lo excluded when openLow).
    void number(const char *name, double lo, double hi, bool openLow, double *out)
    {
        if (!isSet(name) || !ok())
            return;
        bool good = false;
        const double v = text(name).toDouble(&good);
        if (!good || !std::isfinite(v) || v > hi || (openLow ? v <= lo : v < lo)) {
            fail(name,
                 QStringLiteral("must be a number %1 %2 and <= %3, got \"%4\"")
                     .arg(openLow ? QStringLiteral(">") : QStringLiteral(">="))
                     .arg(lo)
                     .arg(QString::number(hi, 'g', 10), text(name).left(40)));
            return;
        }
        *out = v;
    }

    void integer(const char *name, qint64 lo, qint64 hi, qint64 *out)
    {
        if (!isSet(name) || !ok())
            return;
        bool good = false;
        const qint64 v = text(name).toLongLong(&good);
        if (!good || v < lo || v > hi) {
            fail(name,
                 QStringLiteral("must be a whole number from %1 to %2, got \"%3\"")
                     .arg(lo)
                     .arg(hi)
                     .arg(text(name).left(40)));
            return;
        }
        *out = v;
    }

    // Seconds as a positive number, stored in microseconds (at least 1 µs).
    void seconds(const char *name, double hi, qint64 *outMicros)
    {
        double v = 0;
        if (!isSet(name))
            return;
        number(name, 0, hi, true, &v);
        if (ok() && std::llround(v * 1e6) < 1)
            fail(name, QStringLiteral("must be at least 0.000001 seconds"));
        else if (ok())
            *outMicros = std::llround(v * 1e6);
    }

private:
    const QCommandLineParser &m_p;
    QString *m_error;
};

} // namespace

void FeedOptions::addTo(QCommandLineParser &parser)
{
    for (const Flag &f : kFlags) {
        QCommandLineOption o(QString::fromLatin1(f.name), QString::fromUtf8(f.help));
        if (f.value)
            o.setValueName(QString::fromLatin1(f.value));
        parser.addOption(o);
    }
}

std::optional<FeedOptions> FeedOptions::fromParser(const QCommandLineParser &parser, QString *error)
{
    error->clear();
    FeedOptions o;
    AnalyticsConfig &a = o.analyticsConfig;
    Reader r(parser, error);

    // The lower bound keeps start + i / rate within 64-bit microseconds for any --dry-run.
    r.number("rate", kMinRate, kMaxRate, false, &o.rate);
    qint64 batch = 0;
    r.integer("batch", 1, 10000, &batch);
    o.batch = int(batch);
    if (r.ok() && r.isSet("seed")) {
        bool good = false;
        const quint64 seed = r.text("seed").toULongLong(&good);
        if (!good)
            r.fail("seed",
                   QStringLiteral("must be a whole number from 0 to 18446744073709551615, got \"%1\"")
                       .arg(r.text("seed").left(40)));
        else
            o.seed = seed;
    }
    if (r.ok() && r.isSet("start-time")) {
        qint64 micros = 0;
        if (!core::parseIsoTimestamp(r.text("start-time"), &micros))
            r.fail("start-time",
                   QStringLiteral("must be an ISO 8601 time such as 2025-11-18T12:00:00Z, got \"%1\"")
                       .arg(r.text("start-time").left(40)));
        else
            o.startMicros = micros;
    }
    r.integer("dry-run", 1, 1'000'000'000, &o.dryRun);
    r.number("time-scale", 0, 1e6, true, &o.timeScale);
    r.number("burst-probability", 0, 1, false, &o.burstProbability);

    qint64 volWindow = a.volWindow;
    r.integer("vol-window", 2, 10000, &volWindow);
    a.volWindow = int(volWindow);
    r.seconds("vol-interval", 86400 * 366.0, &a.volIntervalMicros);
    r.number("vol-warning", 0, 1000, true, &a.volWarning);
    r.number("vol-critical", 0, 1000, true, &a.volCritical);
    if (r.ok() && a.volCritical <= a.volWarning)
        r.fail(r.isSet("vol-critical") ? "vol-critical" : "vol-warning",
               QStringLiteral("leaves the critical threshold (%1) at or below the warning threshold (%2)")
                   .arg(a.volCritical)
                   .arg(a.volWarning));
    r.seconds("corr-interval", 86400 * 366.0, &a.corrIntervalMicros);
    qint64 corrWindow = a.corrWindow;
    r.integer("corr-window", 3, 10000, &corrWindow);
    a.corrWindow = int(corrWindow);
    r.seconds("corr-sample", 86400 * 366.0, &a.corrSampleMicros);
    r.number("corr-threshold", 0, 2, true, &a.corrThreshold);
    o.analytics = !r.isSet("no-analytics");
    o.cache = !r.isSet("no-cache");

    if (r.ok() && r.isSet("replay")) {
        o.replayFile = parser.value(QStringLiteral("replay"));
        if (o.replayFile.isEmpty())
            r.fail("replay", QStringLiteral("needs a file name"));
        for (const char *simOnly : {"rate", "seed", "start-time", "time-scale", "burst-probability"})
            if (r.ok() && r.isSet(simOnly))
                r.fail(simOnly, QStringLiteral("does not apply to --replay (the file sets prices and times)"));
    }
    r.number("speed", 0, 1e6, false, &o.speed);
    if (r.ok() && r.isSet("speed") && o.replayFile.isEmpty())
        r.fail("speed", QStringLiteral("only applies to --replay"));
    if (!r.ok())
        return std::nullopt;
    return o;
}

} // namespace fx::feed
