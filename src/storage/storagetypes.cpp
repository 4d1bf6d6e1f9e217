#include "storage/storagetypes.h"

#include "core/timeutil.h"

namespace fx::storage {

QString storageStateName(StorageState state)
{
    switch (state) {
    case StorageState::NotConfigured: return QStringLiteral("not_configured");
    case StorageState::Connecting: return QStringLiteral("connecting");
    case StorageState::Ok: return QStringLiteral("ok");
    case StorageState::Error: return QStringLiteral("error");
    case StorageState::RefusedNewerSchema: return QStringLiteral("refused_newer_schema");
    }
    return QStringLiteral("error");
}

QString StorageStatus::describe() const
{
    const QString where = location.isEmpty() ? engine : QStringLiteral("%1 %2").arg(engine, location);
    switch (state) {
    case StorageState::NotConfigured: return QStringLiteral("Database not configured");
    case StorageState::Connecting: return QStringLiteral("Database connecting (%1)").arg(where);
    case StorageState::Ok:
        return droppedRows() > 0 ? QStringLiteral("Database ok (%1), %2").arg(where, describeDrops())
                                 : QStringLiteral("Database ok (%1)").arg(where);
    case StorageState::Error: {
        const QString drops = droppedRows() > 0 ? QStringLiteral(", ") + describeDrops() : QString();
        return retryInMs > 0 ? QStringLiteral("Database error (%1): %2, %3 rows buffered%4, retrying in %5 ms")
                                   .arg(where, lastError)
                                   .arg(bufferedRows)
                                   .arg(drops)
                                   .arg(retryInMs)
                             : QStringLiteral("Database error (%1): %2%3").arg(where, lastError, drops);
    }
    case StorageState::RefusedNewerSchema: return QStringLiteral("Database refused (%1): %2").arg(where, lastError);
    }
    return {};
}

QString StorageStatus::describeDrops() const
{
    return QStringLiteral("dropped %1 alerts, %2 ticks, %3 connection records")
        .arg(droppedAlerts)
        .arg(droppedTicks)
        .arg(droppedConnections);
}

QJsonObject StorageStatus::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("state"), storageStateName(state));
    o.insert(QStringLiteral("engine"), engine);
    o.insert(QStringLiteral("location"), location);
    o.insert(QStringLiteral("buffered_rows"), bufferedRows);
    o.insert(QStringLiteral("dropped_ticks"), qint64(droppedTicks));
    o.insert(QStringLiteral("dropped_alerts"), qint64(droppedAlerts));
    o.insert(QStringLiteral("dropped_connections"), qint64(droppedConnections));
    o.insert(QStringLiteral("rejected_rows"), qint64(rejectedRows));
    o.insert(QStringLiteral("last_error"), lastError);
    o.insert(QStringLiteral("last_error_at"),
             lastErrorMicros > 0 ? QJsonValue(core::isoTimestamp(lastErrorMicros)) : QJsonValue());
    o.insert(QStringLiteral("schema_version"), schemaVersion);
    o.insert(QStringLiteral("retry_in_ms"), retryInMs);
    o.insert(QStringLiteral("open_attempts"), qint64(openAttempts));
    o.insert(QStringLiteral("written_ticks"), qint64(writtenTicks));
    o.insert(QStringLiteral("written_alerts"), qint64(writtenAlerts));
    o.insert(QStringLiteral("written_bars"), qint64(writtenBars));
    o.insert(QStringLiteral("written_connections"), qint64(writtenConnections));
    o.insert(QStringLiteral("batches"), qint64(batches));
    o.insert(QStringLiteral("last_commit_at"),
             lastCommitMicros > 0 ? QJsonValue(core::isoTimestamp(lastCommitMicros)) : QJsonValue());
    o.insert(QStringLiteral("last_batch_ms"), double(lastBatchMicros) / 1000.0);
    return o;
}

} // namespace fx::storage
