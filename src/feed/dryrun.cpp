#include "feed/dryrun.h"

#include "feed/feedbatcher.h"
#include "feed/feedlog.h"
#include "feed/feedrun.h"
#include "feed/feedsimulator.h"
#include "feed/replaysource.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace fx::feed {

namespace {

QByteArray jsonString(const QString &s)
{
    QByteArray a = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace

int runDryRun(const core::Settings &settings, const FeedOptions &options, FeedSimulator *sim, ReplaySource *replay,
              std::FILE *out)
{
    const auto names = feedChannelNames(settings);
    std::array<QByteArray, protocol::kChannelKindCount> prefixes;
    for (int i = 0; i < protocol::kChannelKindCount; ++i)
        prefixes[i] = "{\"channel\":" + jsonString(names[i]) + ",\"payload\":";
    FeedBatcher batcher(options.batch);
    FeedCounters counters;
    QList<FeedItem> items;
    QList<FeedMessage> messages;
    auto print = [&] {
        counters.count(messages);
        for (const FeedMessage &m : messages) {
            const QByteArray line = prefixes[int(m.channel)] + m.payload + "}\n";
            std::fwrite(line.constData(), 1, size_t(line.size()), out);
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
        for (const FeedItem &item : items)
            batcher.add(item, &messages);
        print();
    }
    batcher.flush(&messages);
    print();
    std::fflush(out);
    qCInfo(fxFeedLog).noquote() << QStringLiteral(
                                       "dry run: %1 ticks, %2 messages, %3 volatility alerts, %4 correlation alerts")
                                       .arg(counters.ticks)
                                       .arg(counters.totalMessages())
                                       .arg(counters.volAlerts)
                                       .arg(counters.corrAlerts);
    if (replay && replay->badLines() > 0)
        qCWarning(fxFeedLog).noquote() << replay->fileName() << ":" << replay->badLines() << "bad lines skipped";
    return 0;
}

} // namespace fx::feed
