// fxmonitor-feed: the simulated FX pipeline. Publishes prices, volatility and correlation
// alerts and data_ready notices to Redis (PROTOCOL.md §1), from the model in src/feed or from
// a CSV replay; --dry-run prints the messages instead (docs/FEED.md).
//
// Threads: one. Everything below runs on the main thread from QTimer slices; the Redis
// publisher is blocking and pipelined (one round trip per slice).

#include "app/runtime.h"
#include "app/signalwatcher.h"
#include "core/commandline.h"
#include "core/logging.h"
#include "core/timeutil.h"
#include "core/version.h"
#include "feed/feedbatcher.h"
#include "feed/feedoptions.h"
#include "feed/feedsimulator.h"
#include "feed/tickcsv.h"
#include "redis/redispublisher.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>

#include <array>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <numeric>
#include <random>

Q_LOGGING_CATEGORY(fxFeedLog, "fx.feed")

using namespace fx;

namespace {

constexpr int kSliceMs = 10;          // timer slice: every slice's messages go in one pipeline
constexpr int kSummaryMs = 10000;     // one status line every 10 s
constexpr int kReplayFastBatch = 5000; // ticks per slice with --speed 0, so signals stay responsive

QByteArray jsonString(const QString &s)
{
    QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

// A CSV replay: ticks from the file, plus the analytics jobs over them on the recorded clock.
class ReplaySource
{
public:
    ReplaySource(const QString &path, const feed::FeedModel &model, const feed::FeedOptions &options,
                 const core::InstrumentSet &instruments)
        : m_file(path), m_reader(&m_file, path, instruments), m_model(model), m_options(options)
    {
    }

    bool open(QString *error)
    {
        if (!m_file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("--replay cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
            return false;
        }
        return m_reader.readHeader(error);
    }

    // The next tick to publish, or nullptr at the end of the file. Bad lines on the way are
    // logged (with their line number) and counted.
    const feed::FeedTick *pending()
    {
        while (!m_pending && !m_end) {
            feed::TickCsvReader::Result r = m_reader.next();
            switch (r.status) {
            case feed::TickCsvReader::Status::Tick:
                m_pending = std::move(r.tick);
                break;
            case feed::TickCsvReader::Status::Bad: {
                qint64 suppressed = 0;
                if (m_badLog.allow(QStringLiteral("bad"), &suppressed))
                    qCWarning(fxFeedLog).noquote()
                        << QStringLiteral("skipping bad line %1%2")
                               .arg(r.error, suppressed ? QStringLiteral(" (%1 more not shown)").arg(suppressed) : QString());
                break;
            }
            case feed::TickCsvReader::Status::End:
                m_end = true;
                break;
            }
        }
        return m_pending ? &*m_pending : nullptr;
    }

    // Feed-time offset of the pending tick from the first one, in microseconds.
    qint64 offsetMicros()
    {
        const feed::FeedTick *t = pending();
        if (!t)
            return 0;
        if (!m_first)
            m_first = t->timeMicros;
        return t->timeMicros - *m_first;
    }

    // Appends the analytics messages due before the pending tick, then the tick itself.
    void take(QList<feed::FeedItem> *out)
    {
        const feed::FeedTick *t = pending();
        if (!t)
            return;
        if (m_options.analytics) {
            if (!m_analytics) {
                feed::AnalyticsConfig cfg = m_options.analyticsConfig;
                cfg.timeScale = 1; // recorded market time
                m_analytics.emplace(m_model, cfg, t->timeMicros);
            }
            QList<feed::FeedEvent> events;
            m_analytics->advanceTo(t->timeMicros, &events);
            for (feed::FeedEvent &e : events)
                out->append(std::move(e));
            m_analytics->addTick(t->index, t->timeMicros, t->midValue);
        }
        out->append(std::move(*m_pending));
        m_pending.reset();
    }

    qint64 goodLines() const { return m_reader.goodLines(); }
    qint64 badLines() const { return m_reader.badLines(); }
    QString fileName() const { return m_file.fileName(); }

private:
    QFile m_file;
    feed::TickCsvReader m_reader;
    feed::FeedModel m_model;
    feed::FeedOptions m_options;
    std::optional<feed::FeedAnalytics> m_analytics;
    std::optional<feed::FeedTick> m_pending;
    std::optional<qint64> m_first;
    bool m_end = false;
    core::logging::RateLimiter m_badLog{20, 10000};
};

struct Counters
{
    qint64 ticks = 0;
    std::array<qint64, core::kChannelKindCount> messages{}; // generated, by channel
    qint64 volAlerts = 0;
    qint64 corrAlerts = 0;
    qint64 dropped = 0; // messages not sent because Redis was down
};

void count(const QList<feed::FeedMessage> &messages, Counters *c)
{
    for (const feed::FeedMessage &m : messages) {
        ++c->messages[int(m.channel)];
        c->ticks += m.ticks;
        if (m.channel == core::ChannelKind::Volatility)
            ++c->volAlerts;
        else if (m.channel == core::ChannelKind::Correlation)
            ++c->corrAlerts;
    }
}

std::array<QString, core::kChannelKindCount> channelNames(const core::Settings &s)
{
    return {s.fullChannel(s.channelPrices), s.fullChannel(s.channelVolatility), s.fullChannel(s.channelCorrelation),
            s.fullChannel(s.channelDataReady)};
}

// --dry-run: no Redis, no timers; every message as one JSON line on stdout.
int runDryRun(const core::Settings &settings, const feed::FeedOptions &options, feed::FeedSimulator *sim,
              ReplaySource *replay)
{
    const auto names = channelNames(settings);
    std::array<QByteArray, core::kChannelKindCount> prefixes;
    for (int i = 0; i < core::kChannelKindCount; ++i)
        prefixes[i] = "{\"channel\":" + jsonString(names[i]) + ",\"payload\":";
    feed::FeedBatcher batcher(options.batch);
    Counters counters;
    QList<feed::FeedItem> items;
    QList<feed::FeedMessage> messages;
    auto print = [&] {
        count(messages, &counters);
        for (const feed::FeedMessage &m : messages) {
            const QByteArray line = prefixes[int(m.channel)] + m.payload + "}\n";
            std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
        }
        messages.clear();
    };
    for (qint64 i = 0; i < options.dryRun; ++i) {
        items.clear();
        if (sim) {
            sim->next(&items);
        } else {
            if (!replay->pending())
                break;
            replay->take(&items);
        }
        for (const feed::FeedItem &item : items)
            batcher.add(item, &messages);
        print();
    }
    batcher.flush(&messages);
    print();
    std::fflush(stdout);
    qCInfo(fxFeedLog).noquote() << QStringLiteral("dry run: %1 ticks, %2 messages, %3 volatility alerts, %4 correlation alerts")
                                       .arg(counters.ticks)
                                       .arg(std::accumulate(counters.messages.begin(), counters.messages.end(), qint64(0)))
                                       .arg(counters.volAlerts)
                                       .arg(counters.corrAlerts);
    if (replay && replay->badLines() > 0)
        qCWarning(fxFeedLog).noquote() << replay->fileName() << ":" << replay->badLines() << "bad lines skipped";
    return 0;
}

// The live feed: QTimer slices on the main thread. Each slice generates the ticks that are due
// by the wall clock and sends them (and the analytics messages) to Redis in one pipeline.
class LiveFeed
{
public:
    LiveFeed(const core::Settings &settings, const feed::FeedOptions &options, feed::FeedSimulator *sim,
             ReplaySource *replay)
        : m_options(options)
        , m_sim(sim)
        , m_replay(replay)
        , m_channels(channelNames(settings))
        , m_pairs(settings.pairs)
        , m_publisher([&] {
            redis::RedisConfig c = redis::RedisConfig::fromSettings(settings);
            c.connectTimeoutMs = 1000; // a blocking connect stalls the slices: keep it short
            return c;
        }())
        , m_batcher(options.batch)
    {
        m_slice.setTimerType(Qt::PreciseTimer);
        m_slice.setInterval(kSliceMs);
        QObject::connect(&m_slice, &QTimer::timeout, &m_slice, [this] { onSlice(); });
        m_summary.setInterval(kSummaryMs);
        QObject::connect(&m_summary, &QTimer::timeout, &m_summary, [this] { logSummary(false); });
    }

    void start()
    {
        QString error;
        if (m_publisher.ensureConnected(&error)) {
            m_redisUp = true;
            qCInfo(fxFeedLog).noquote() << "connected to Redis at" << m_publisher.config().endpoint();
        } else {
            markDown(error);
        }
        m_wallStart = core::monotonicNanos();
        m_lastSummaryNanos = m_wallStart;
        m_slice.start();
        m_summary.start();
        onSlice(); // tick 0 now, not one slice later
    }

    void stop()
    {
        if (m_stopped)
            return; // a signal can arrive after the replay ended
        m_stopped = true;
        m_slice.stop();
        m_summary.stop();
        logSummary(true);
    }

    void setFinishedHandler(std::function<void()> f) { m_finished = std::move(f); }

private:
    void onSlice()
    {
        QList<feed::FeedItem> items;
        const qint64 elapsedNanos = core::monotonicNanos() - m_wallStart;
        bool finished = false;
        if (m_sim) {
            const qint64 due = qint64(std::floor(double(elapsedNanos) / 1e9 * m_options.rate)) + 1;
            // At most a quarter second of ticks per slice: when Redis cannot keep up the feed
            // falls behind (the lag is reported) instead of blocking the event loop.
            const qint64 cap = std::max<qint64>(100, qint64(m_options.rate / 4));
            const qint64 n = std::min(due - m_sim->ticks(), cap);
            for (qint64 i = 0; i < n; ++i)
                m_sim->next(&items);
            m_lagMillis = qint64(double(due - m_sim->ticks()) * 1000.0 / m_options.rate);
        } else {
            int budget = kReplayFastBatch;
            while (budget-- > 0) {
                if (!m_replay->pending()) {
                    finished = true;
                    break;
                }
                if (m_options.speed > 0) {
                    const double dueNanos = double(m_replay->offsetMicros()) * 1000.0 / m_options.speed;
                    if (dueNanos > double(elapsedNanos))
                        break;
                    m_lagMillis = qint64((double(elapsedNanos) - dueNanos) / 1e6);
                }
                m_replay->take(&items);
            }
        }
        send(items);
        if (finished) {
            qCInfo(fxFeedLog).noquote() << QStringLiteral("replay of %1 finished: %2 ticks, %3 bad lines skipped")
                                               .arg(m_replay->fileName())
                                               .arg(m_replay->goodLines())
                                               .arg(m_replay->badLines());
            stop();
            if (m_finished)
                m_finished();
        }
    }

    bool redisAvailable() const
    {
        return m_publisher.isConnected() || core::monotonicMillis() >= m_retryAtMillis;
    }

    void markDown(const QString &error)
    {
        const bool wasUp = m_redisUp;
        m_redisUp = false;
        m_retryAtMillis = core::monotonicMillis() + m_backoffMillis;
        qint64 suppressed = 0;
        if (wasUp || m_redisLog.allow(QStringLiteral("down"), &suppressed))
            qCWarning(fxFeedLog).noquote() << QStringLiteral("Redis at %1 unavailable (%2); retrying in %3 ms, messages are dropped meanwhile%4")
                                                  .arg(m_publisher.config().endpoint(), error)
                                                  .arg(m_backoffMillis)
                                                  .arg(suppressed ? QStringLiteral(" (%1 similar lines not shown)").arg(suppressed) : QString());
        m_backoffMillis = std::min<qint64>(m_backoffMillis * 2, 2000);
    }

    void send(const QList<feed::FeedItem> &items)
    {
        if (items.isEmpty())
            return;
        QList<feed::FeedMessage> messages;
        QList<const feed::FeedTick *> latest(m_pairs.size(), nullptr); // per pair: the slice's last tick
        for (const feed::FeedItem &item : items) {
            m_batcher.add(item, &messages);
            if (const auto *t = std::get_if<feed::FeedTick>(&item); t && t->index >= 0 && t->index < latest.size())
                latest[t->index] = t;
        }
        m_batcher.flush(&messages);
        count(messages, &m_counters);
        if (!redisAvailable()) {
            m_counters.dropped += messages.size();
            return;
        }
        for (const feed::FeedMessage &m : messages)
            m_publisher.appendPublish(m_channels[int(m.channel)], m.payload);
        if (m_options.cache) {
            // Only the latest tick of each pair in this slice: the hash is a cache of the
            // latest price, and at high rates this saves most of the HSETs.
            for (const feed::FeedTick *t : latest) {
                if (!t)
                    continue;
                m_publisher.appendHashSet("price:" + t->instrument.toLatin1(),
                                          {{"bid", t->bid.toLatin1()},
                                           {"ask", t->ask.toLatin1()},
                                           {"mid", t->mid.toLatin1()},
                                           {"time", t->timeText().toLatin1()}});
            }
        }
        QString error;
        qint64 subscribers = 0;
        if (m_publisher.flush(&error, &subscribers)) {
            if (!m_redisUp)
                qCInfo(fxFeedLog).noquote() << "connected to Redis at" << m_publisher.config().endpoint();
            m_redisUp = true;
            m_backoffMillis = 250;
            m_published += messages.size();
            m_deliveries += subscribers;
        } else if (m_publisher.isConnected()) {
            // An error reply (e.g. price:<PAIR> holds another type): the connection is fine.
            m_published += messages.size();
            qint64 suppressed = 0;
            if (m_redisLog.allow(QStringLiteral("reply"), &suppressed))
                qCWarning(fxFeedLog).noquote() << "Redis replied with an error:" << error;
        } else {
            m_counters.dropped += messages.size();
            markDown(error);
        }
    }

    void logSummary(bool final)
    {
        const qint64 now = core::monotonicNanos();
        const double seconds = double(now - m_lastSummaryNanos) / 1e9;
        const qint64 ticks = m_counters.ticks - m_lastSummaryTicks;
        m_lastSummaryNanos = now;
        m_lastSummaryTicks = m_counters.ticks;
        const qint64 messages = std::accumulate(m_counters.messages.begin(), m_counters.messages.end(), qint64(0));
        qCInfo(fxFeedLog).noquote()
            << QStringLiteral("%1%2 ticks (%3/s) in %4 messages, %5 volatility alerts, %6 correlation alerts, %7 data_ready; "
                              "Redis %8 %9, %10 published, %11 dropped, %12 subscriber deliveries; lag %13 ms")
                   .arg(final ? QStringLiteral("final: ") : QString())
                   .arg(m_counters.ticks)
                   .arg(seconds > 0 ? QString::number(double(ticks) / seconds, 'f', 1) : QStringLiteral("-"))
                   .arg(messages)
                   .arg(m_counters.volAlerts)
                   .arg(m_counters.corrAlerts)
                   .arg(m_counters.messages[int(core::ChannelKind::DataReady)])
                   .arg(m_publisher.config().endpoint(), m_redisUp ? QStringLiteral("up") : QStringLiteral("down"))
                   .arg(m_published)
                   .arg(m_counters.dropped)
                   .arg(m_deliveries)
                   .arg(m_lagMillis);
    }

    feed::FeedOptions m_options;
    feed::FeedSimulator *m_sim;
    ReplaySource *m_replay;
    std::array<QString, core::kChannelKindCount> m_channels;
    QStringList m_pairs;
    redis::RedisPublisher m_publisher;
    feed::FeedBatcher m_batcher;
    QTimer m_slice;
    QTimer m_summary;
    std::function<void()> m_finished;
    Counters m_counters;
    qint64 m_published = 0;
    qint64 m_deliveries = 0;
    qint64 m_wallStart = 0;
    qint64 m_lastSummaryNanos = 0;
    qint64 m_lastSummaryTicks = 0;
    qint64 m_lagMillis = 0;
    bool m_redisUp = false;
    bool m_stopped = false;
    qint64 m_retryAtMillis = 0;
    qint64 m_backoffMillis = 250;
    core::logging::RateLimiter m_redisLog{3, 30000};
};

} // namespace

int main(int argc, char **argv)
{
    app::preferUnixEventDispatcher();
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor-feed"));
    QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fx::kVersion));

    core::CommandLine cli(QStringLiteral("FX Monitor simulated pipeline: publishes prices, volatility and correlation "
                                         "alerts and data_ready notices to Redis (see docs/FEED.md)."),
                          core::CommandLine::Redis | core::CommandLine::Logging);
    feed::FeedOptions::addTo(cli.parser());
    if (auto rc = app::initialise(cli))
        return *rc;
    QString error;
    const std::optional<feed::FeedOptions> options = feed::FeedOptions::fromParser(cli.parser(), &error);
    if (!options) {
        std::fprintf(stderr, "fxmonitor-feed: %s\n", qPrintable(error));
        return 2;
    }
    const core::Settings &settings = cli.settings();
    const feed::FeedModel model(settings.pairs);

    std::unique_ptr<feed::FeedSimulator> sim;
    std::unique_ptr<ReplaySource> replay;
    if (!options->replayFile.isEmpty()) {
        replay = std::make_unique<ReplaySource>(options->replayFile, model, *options, core::InstrumentSet(settings.pairs));
        if (!replay->open(&error)) {
            std::fprintf(stderr, "fxmonitor-feed: %s\n", qPrintable(error));
            return 2;
        }
        qCInfo(fxFeedLog).noquote() << "replaying" << options->replayFile << "at"
                                    << (options->speed > 0 ? QStringLiteral("%1x the recorded pace").arg(options->speed)
                                                           : QStringLiteral("full speed"));
    } else {
        feed::SimulatorConfig cfg;
        cfg.seed = options->seed ? *options->seed : (quint64(std::random_device{}()) << 32 | std::random_device{}());
        cfg.rate = options->rate;
        cfg.startMicros = options->startMicros ? *options->startMicros
                                               : (options->dryRun ? feed::FeedOptions::kDryRunEpoch : core::nowMicros());
        cfg.timeScale = options->timeScale;
        cfg.burstProbability = options->burstProbability;
        cfg.analytics = options->analytics;
        cfg.analyticsConfig = options->analyticsConfig;
        sim = std::make_unique<feed::FeedSimulator>(model, cfg);
        qCInfo(fxFeedLog).noquote() << QStringLiteral("simulating %1 pairs at %2 ticks/s from %3, seed %4 (--seed %4 --start-time %3 repeats this run)")
                                           .arg(model.size())
                                           .arg(options->rate)
                                           .arg(core::isoTimestamp(cfg.startMicros))
                                           .arg(cfg.seed);
    }

    if (options->dryRun > 0)
        return runDryRun(settings, *options, sim.get(), replay.get());

    LiveFeed live(settings, *options, sim.get(), replay.get());
    live.setFinishedHandler([] { QCoreApplication::exit(0); });
    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &application, [&](int sig) {
        qCInfo(fxFeedLog) << "signal" << sig << "received: stopping";
        live.stop();
        QCoreApplication::exit(0);
    });
    // From the event loop, so that a replay that ends at once can still quit it.
    QTimer::singleShot(0, &application, [&live] { live.start(); });
    return application.exec();
}
