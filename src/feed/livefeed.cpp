#include "feed/livefeed.h"

#include "core/timeutil.h"
#include "feed/feedlog.h"
#include "feed/feedsimulator.h"
#include "feed/replaysource.h"

#include <cmath>

namespace fx::feed {

LiveFeed::LiveFeed(const core::Settings &settings, const FeedOptions &options, FeedSimulator *sim, ReplaySource *replay)
    : m_options(options)
    , m_sim(sim)
    , m_replay(replay)
    , m_channels(feedChannelNames(settings))
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

void LiveFeed::start()
{
    QString error;
    if (m_publisher.ensureConnected(&error)) {
        m_redisUp = true;
        qCInfo(fxFeedLog).noquote() << "connected to Redis at" << m_publisher.endpoint()
                                    << "(" + m_publisher.via() + ")";
    } else {
        markDown(error);
    }
    m_wallStart = core::monotonicNanos();
    m_lastSummaryNanos = m_wallStart;
    m_slice.start();
    m_summary.start();
    onSlice(); // tick 0 now, not one slice later
}

void LiveFeed::stop()
{
    if (m_stopped)
        return; // a signal can arrive after the replay ended
    m_stopped = true;
    m_slice.stop();
    m_summary.stop();
    logSummary(true);
}

void LiveFeed::onSlice()
{
    QList<FeedItem> items;
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

bool LiveFeed::redisAvailable() const
{
    return m_publisher.isConnected() || core::monotonicMillis() >= m_retryAtMillis;
}

void LiveFeed::markDown(const QString &error)
{
    const bool wasUp = m_redisUp;
    m_redisUp = false;
    m_retryAtMillis = core::monotonicMillis() + m_backoffMillis;
    qint64 suppressed = 0;
    if (wasUp || m_redisLog.allow(QStringLiteral("down"), &suppressed))
        qCWarning(fxFeedLog).noquote()
            << QStringLiteral("Redis at %1 unavailable (%2); retrying in %3 ms, messages are dropped meanwhile%4")
                   .arg(m_publisher.endpoint(), error)
                   .arg(m_backoffMillis)
                   .arg(suppressed ? QStringLiteral(" (%1 similar lines not shown)").arg(suppressed) : QString());
    m_backoffMillis = std::min<qint64>(m_backoffMillis * 2, 2000);
}

void LiveFeed::send(const QList<FeedItem> &items)
{
    if (items.isEmpty())
        return;
    QList<FeedMessage> messages;
    QList<const FeedTick *> latest(m_pairs.size(), nullptr); // per pair: the slice's last tick
    for (const FeedItem &item : items) {
        m_batcher.add(item, &messages);
        if (const auto *t = std::get_if<FeedTick>(&item); t && t->index >= 0 && t->index < latest.size())
            latest[t->index] = t;
    }
    m_batcher.flush(&messages);
    m_counters.count(messages);
    if (!redisAvailable()) {
        m_counters.dropped += messages.size();
        return;
    }
    for (const FeedMessage &m : messages)
        m_publisher.appendPublish(m_channels[int(m.channel)], m.payload);
    if (m_options.cache) {
        // Only the latest tick of each pair in this slice: the hash is a cache of the
        // latest price, and at high rates this saves most of the HSETs.
        for (const FeedTick *t : latest) {
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
            qCInfo(fxFeedLog).noquote() << "connected to Redis at" << m_publisher.endpoint()
                                        << "(" + m_publisher.via() + ")";
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

void LiveFeed::logSummary(bool final)
{
    const qint64 now = core::monotonicNanos();
    const double seconds = double(now - m_lastSummaryNanos) / 1e9;
    const qint64 ticks = m_counters.ticks - m_lastSummaryTicks;
    m_lastSummaryNanos = now;
    m_lastSummaryTicks = m_counters.ticks;
    qCInfo(fxFeedLog).noquote()
        << QStringLiteral(
               "%1%2 ticks (%3/s) in %4 messages, %5 volatility alerts, %6 correlation alerts, %7 data_ready; "
               "Redis %8 %9, %10 published, %11 dropped, %12 subscriber deliveries; lag %13 ms")
               .arg(final ? QStringLiteral("final: ") : QString())
               .arg(m_counters.ticks)
               .arg(seconds > 0 ? QString::number(double(ticks) / seconds, 'f', 1) : QStringLiteral("-"))
               .arg(m_counters.totalMessages())
               .arg(m_counters.volAlerts)
               .arg(m_counters.corrAlerts)
               .arg(m_counters.messages[int(protocol::ChannelKind::DataReady)])
               .arg(m_publisher.endpoint(), m_redisUp ? QStringLiteral("up") : QStringLiteral("down"))
               .arg(m_published)
               .arg(m_counters.dropped)
               .arg(m_deliveries)
               .arg(m_lagMillis);
}

} // namespace fx::feed
