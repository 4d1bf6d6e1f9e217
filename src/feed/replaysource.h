#pragma once

#include "core/instruments.h"
#include "core/logging.h"
#include "feed/feedanalytics.h"
#include "feed/feeditem.h"
#include "feed/feedmodel.h"
#include "feed/feedoptions.h"
#include "feed/tickcsv.h"

#include <QFile>
#include <QList>
#include <QString>
#include <optional>

namespace fx::feed {

// A CSV replay (--replay, FEED.md §7): ticks from the file, plus the analytics jobs over them
// on the recorded clock. Pulled one tick at a time by the dry run or the live feed, which
// decide the pace from offsetMicros(). Single-threaded.
class ReplaySource
{
public:
    ReplaySource(const QString &path, const FeedModel &model, const FeedOptions &options,
                 const core::InstrumentSet &instruments);

    // Opens the file and reads its header; false with one line in *error.
    bool open(QString *error);

    // The next tick to publish, or nullptr at the end of the file. Bad lines on the way are
    // logged (with their line number) and counted.
    const FeedTick *pending();

    // Feed-time offset of the pending tick from the first one, in microseconds.
    qint64 offsetMicros();

    // Appends the analytics messages due before the pending tick, then the tick itself.
    void take(QList<FeedItem> *out);

    qint64 goodLines() const { return m_reader.goodLines(); }
    qint64 badLines() const { return m_reader.badLines(); }
    QString fileName() const { return m_file.fileName(); }

private:
    QFile m_file;
    TickCsvReader m_reader;
    FeedModel m_model;
    FeedOptions m_options;
    std::optional<FeedAnalytics> m_analytics;
    std::optional<FeedTick> m_pending;
    std::optional<qint64> m_first;
    bool m_end = false;
    core::logging::RateLimiter m_badLog{20, 10000};
};

} // namespace fx::feed
