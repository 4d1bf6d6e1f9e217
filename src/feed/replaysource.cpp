#include "feed/replaysource.h"

#include "feed/feedlog.h"

namespace fx::feed {

ReplaySource::ReplaySource(const QString &path, const FeedModel &model, const FeedOptions &options,
                           const core::InstrumentSet &instruments)
    : m_file(path)
    , m_reader(&m_file, path, instruments)
    , m_model(model)
    , m_options(options)
{
}

bool ReplaySource::open(QString *error)
{
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--replay cannot read %1: %2").arg(m_file.fileName(), m_file.errorString());
        return false;
    }
    return m_reader.readHeader(error);
}

const FeedTick *ReplaySource::pending()
{
    while (!m_pending && !m_end) {
        TickCsvReader::Result r = m_reader.next();
        switch (r.status) {
        case TickCsvReader::Status::Tick: m_pending = std::move(r.tick); break;
        case TickCsvReader::Status::Bad: {
            qint64 suppressed = 0;
            if (m_badLog.allow(QStringLiteral("bad"), &suppressed))
                qCWarning(fxFeedLog).noquote()
                    << QStringLiteral("skipping bad line %1%2")
                           .arg(r.error,
                                suppressed ? QStringLiteral(" (%1 more not shown)").arg(suppressed) : QString());
            break;
        }
        case TickCsvReader::Status::End: m_end = true; break;
        }
    }
    return m_pending ? &*m_pending : nullptr;
}

qint64 ReplaySource::offsetMicros()
{
    const FeedTick *t = pending();
    if (!t)
        return 0;
    if (!m_first)
        m_first = t->timeMicros;
    return t->timeMicros - *m_first;
}

void ReplaySource::take(QList<FeedItem> *out)
{
    const FeedTick *t = pending();
    if (!t)
        return;
    if (m_options.analytics) {
        if (!m_analytics) {
            AnalyticsConfig cfg = m_options.analyticsConfig;
            cfg.timeScale = 1; // recorded market time
            m_analytics.emplace(m_model, cfg, t->timeMicros);
        }
        QList<FeedEvent> events;
        m_analytics->advanceTo(t->timeMicros, &events);
        for (FeedEvent &e : events)
            out->append(std::move(e));
        m_analytics->addTick(t->index, t->timeMicros, t->midValue);
    }
    out->append(std::move(*m_pending));
    m_pending.reset();
}

} // namespace fx::feed
