#pragma once

// Retention: deletes ticks older than StorageConfig::tickRetentionDays and bars and connection
// records older than barRetentionDays, in chunks of pruneChunkRows. Each chunk is one turn of
// the event loop, so write batches and stop() run between chunks of a long pass.
//
// Thread contract: lives on the storage thread as a child of its Storage and is used there
// only. The Storage decides when a pass may start (started, not stopping) and hands it the
// writer to prune with.

#include "storage/storageconfig.h"
#include "storage/storagetypes.h"

#include <QObject>
#include <functional>

class QTimer;

namespace fx::storage {

class SqlWriter;

class StorageRetention final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageRetention)

public:
    // writer() returns the writer to prune with now, or nullptr when there is none (the
    // database is closed, the storage is stopping): the pass then ends without a report and
    // the next one (timer, reconnect, pruneNow) tries again.
    StorageRetention(const StorageConfig &config, std::function<SqlWriter *()> writer, QObject *parent);

    // A pass every pruneIntervalMs (at least 1 s), counted from startSchedule().
    void startSchedule();
    void stopSchedule();
    bool isScheduled() const;
    // Starts a pass now; while one is running, another one with new cutoffs follows it and
    // both are reported together.
    void requestPass();

Q_SIGNALS:
    // After a full pass, with the rows it deleted.
    void pruned(const fx::storage::PruneInfo &deleted);
    // The database failed in the middle of a pass; the pass is over.
    void failed(const QString &error);

private:
    void step();

    const StorageConfig m_config;
    std::function<SqlWriter *()> m_writer;
    QTimer *m_timer;
    bool m_running = false;
    bool m_again = false; // asked for while a pass was running
    PruneInfo m_total;
};

} // namespace fx::storage
