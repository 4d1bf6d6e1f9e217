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
#include <QTimer>

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
    // A local file reopens at once; a PostgreSQL connect may take its whole timeout, so only
    // an open connection is used.
    if (!m_writer && m_config.engine == Engine::Sqlite)
        openDatabase();
    while (m_writer && clock.elapsed() < m_config.stopFlushMs) {
        PendingBatch batch = takeBatch();
        if (batch.isEmpty())
            break;
        if (!writeBatch(std::move(batch)))
            break;
    }
    {
        QMutexLocker lock(&m_bufferMutex);
        if (!m_buffer.isEmpty()) {
            qCWarning(fxStorageLog).noquote()
                << QStringLiteral("stopping with %1 rows not written (%2 alerts, %3 ticks, %4 connection records)")
                       .arg(m_buffer.rows())
                       .arg(m_buffer.alertCount())
                       .arg(m_buffer.tickCount())
                       .arg(m_buffer.connectionCount());
        }
    }
    closeDatabase();
    m_started = false;
    emitStatusIfMoved();
}

bool Storage::openDatabase()
{
    closeDatabase();
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.openAttempts;
    }
    QString error;
    if (!m_connection->open(m_config, &error)) {
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
