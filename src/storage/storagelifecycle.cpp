// Storage, its connection (storage thread): start and stop, opening the database and applying
// the migrations, and on any failure closing it, reporting the error and opening it again
// after a backoff (retryInitialMs doubling to retryMaxMs) until it works.

#include "storage/storage.h"

#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/sqlwriter.h"
#include "storage/storagelog.h"
#include "storage/storageretention.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QThread>
#include <QTimer>
#include <algorithm>

namespace fx::storage {

void Storage::start()
{
    if (m_started)
        return;
    if (!m_config.isConfigured()) {
        setState(StorageState::NotConfigured, QStringLiteral("no database configured"));
        return;
    }
    m_started = true;
    m_stopping = false;
    m_statusTimer->start();
    setState(StorageState::Connecting);
    if (openDatabase()) {
        m_retention->startSchedule();
        startPrune();
        writePending();
    }
}

void Storage::stop()
{
    if (m_stopping.exchange(true))
        return;
    m_batchTimer->stop();
    m_retryTimer->stop();
    m_retention->stopSchedule();
    m_statusTimer->stop();
    if (!m_started)
        return;
    QElapsedTimer clock;
    clock.start();
    const StorageStatus before = status();
    // Until the deadline: write what waits; when the database is away (or goes away), reconnect
    // with the usual backoff, each connect bounded by the time left.
    int delayMs = m_config.retryInitialMs;
    int attempts = 0;
    for (;;) {
        const qint64 leftMs = m_config.stopFlushMs - clock.elapsed();
        if (leftMs <= 0 || bufferIsEmpty())
            break;
        if (!m_writer) {
            if (attempts++ > 0) {
                QThread::msleep(ulong(std::clamp<qint64>(std::min<qint64>(delayMs, leftMs), 1, leftMs)));
                delayMs = std::min(delayMs * 2, m_config.retryMaxMs);
                if (clock.elapsed() >= m_config.stopFlushMs)
                    break;
            }
            if (!openDatabase(m_config.stopFlushMs - clock.elapsed())) {
                if (status().state == StorageState::RefusedNewerSchema)
                    break; // never written, however long we wait
                continue;
            }
        }
        PendingBatch batch = takeBatch();
        if (batch.isEmpty())
            break;
        writeBatch(std::move(batch)); // on failure the rows are back in the buffer, m_writer is gone
    }
    reportStop(before, clock.elapsed());
    closeDatabase();
    m_started = false;
    emitStatusIfMoved();
}

bool Storage::bufferIsEmpty()
{
    QMutexLocker lock(&m_bufferMutex);
    return m_buffer.isEmpty();
}

void Storage::reportStop(const StorageStatus &before, qint64 elapsedMs)
{
    logDrops(true);
    const StorageStatus after = status();
    qCInfo(fxStorageLog).noquote() << QStringLiteral("%1 %2: the shutdown flush wrote %3 alerts, %4 ticks, %5 "
                                                     "connection records in %6 ms")
                                          .arg(m_config.engineName(), m_config.location())
                                          .arg(after.writtenAlerts - before.writtenAlerts)
                                          .arg(after.writtenTicks - before.writtenTicks)
                                          .arg(after.writtenConnections - before.writtenConnections)
                                          .arg(elapsedMs);
    QMutexLocker lock(&m_bufferMutex);
    if (m_buffer.isEmpty())
        return;
    qCWarning(fxStorageLog).noquote()
        << QStringLiteral("%1 %2: stopping with %3 rows not written within DB_SHUTDOWN_FLUSH_SECONDS (%4 s): %5 "
                          "alerts, %6 ticks, %7 connection records, %8 acknowledgements")
               .arg(m_config.engineName(), m_config.location())
               .arg(m_buffer.rows())
               .arg(double(m_config.stopFlushMs) / 1000.0)
               .arg(m_buffer.alertCount())
               .arg(m_buffer.tickCount())
               .arg(m_buffer.connectionCount())
               .arg(m_buffer.ackCount());
}

bool Storage::openDatabase(qint64 withinMs)
{
    closeDatabase();
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.openAttempts;
    }
    StorageConfig config = m_config;
    if (withinMs >= 0) {
        // At stop: neither the connect nor a statement may outlive the flush deadline by much
        // (libpq's connect_timeout is whole seconds, at least 2).
        config.connectTimeoutS = int(std::clamp<qint64>((withinMs + 999) / 1000, 2, m_config.connectTimeoutS));
        config.statementTimeoutMs = int(std::clamp<qint64>(withinMs, 1000, m_config.statementTimeoutMs));
    }
    QString error;
    if (!m_connection->open(config, &error)) {
        fail(error);
        return false;
    }
    const MigrationResult r = Schema::migrate(*m_connection);
    if (r.outcome == MigrationResult::Outcome::RefusedNewer) {
        closeDatabase();
        {
            QMutexLocker lock(&m_statusMutex);
            m_status.schemaVersion = r.fromVersion;
        }
        if (status().state != StorageState::RefusedNewerSchema)
            qCCritical(fxStorageLog).noquote() << m_config.location() << ":" << r.error;
        setState(StorageState::RefusedNewerSchema, r.error);
        // Checked again now and then (someone may point us at a fixed database); never written.
        scheduleRetry(m_config.retryMaxMs);
        return false;
    }
    if (!r.ok()) {
        fail(r.error);
        return false;
    }
    if (r.toVersion != r.fromVersion) {
        qCInfo(fxStorageLog).noquote() << QStringLiteral("%1 %2: schema migrated from version %3 to %4")
                                              .arg(m_config.engineName(), m_config.location())
                                              .arg(r.fromVersion)
                                              .arg(r.toVersion);
    }
    m_writer = std::make_unique<SqlWriter>(*m_connection);
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.schemaVersion = r.toVersion;
        m_status.retryInMs = 0;
    }
    m_retryDelayMs = m_config.retryInitialMs;
    setState(StorageState::Ok);
    return true;
}

void Storage::closeDatabase()
{
    m_writer.reset(); // its prepared queries go before the connection
    m_connection->close();
}

void Storage::fail(const QString &error)
{
    closeDatabase();
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("fail"), &suppressed)) {
        qCWarning(fxStorageLog).noquote()
            << QStringLiteral("%1 %2: %3%4")
                   .arg(m_config.engineName(), m_config.location(), error,
                        suppressed > 0 ? QStringLiteral(" (%1 similar messages suppressed)").arg(suppressed)
                                       : QString());
    }
    const int delay = m_retryDelayMs;
    m_retryDelayMs = std::min(m_retryDelayMs * 2, m_config.retryMaxMs);
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.retryInMs = m_stopping ? 0 : delay;
    }
    setState(StorageState::Error, error);
    if (!m_stopping)
        scheduleRetry(delay);
}

void Storage::scheduleRetry(int delayMs)
{
    if (m_stopping)
        return;
    m_batchTimer->stop();
    m_retryTimer->start(std::max(delayMs, 1));
}

void Storage::retry()
{
    if (m_stopping || !m_started)
        return;
    if (!openDatabase())
        return;
    if (!m_retention->isScheduled()) {
        m_retention->startSchedule();
        startPrune();
    }
    writePending();
}

void Storage::startPrune()
{
    if (!m_started || m_stopping)
        return;
    m_retention->requestPass();
}

} // namespace fx::storage
