// Storage, its status: the snapshot any thread may read (counters of the input side are
// atomics, the rest is under m_statusMutex), and statusChanged on the storage thread, on state
// changes and at most once a second while the counters move.

#include "storage/storage.h"

#include "core/timeutil.h"
#include "storage/storagelog.h"

#include <QMutexLocker>

namespace fx::storage {

StorageStatus Storage::status() const
{
    StorageStatus s;
    {
        QMutexLocker lock(&m_statusMutex);
        s = m_status;
    }
    s.bufferedRows = m_buffered.load(std::memory_order_relaxed);
    s.droppedTicks = m_droppedTicks.load(std::memory_order_relaxed);
    s.droppedAlerts = m_droppedAlerts.load(std::memory_order_relaxed);
    s.droppedConnections = m_droppedConnections.load(std::memory_order_relaxed);
    return s;
}

QJsonObject Storage::statusJson() const
{
    return status().toJson();
}

void Storage::setState(StorageState state, const QString &error)
{
    bool changed = false;
    {
        QMutexLocker lock(&m_statusMutex);
        if (!error.isEmpty()) {
            changed = m_status.lastError != error;
            m_status.lastError = error;
            m_status.lastErrorMicros = core::nowMicros();
        }
        if (state != StorageState::Error)
            m_status.retryInMs = 0;
        changed = changed || m_status.state != state;
        m_status.state = state;
    }
    if (changed) {
        const StorageStatus s = status();
        m_lastEmitted = s;
        Q_EMIT statusChanged(s);
    }
}

void Storage::logDrops(bool force)
{
    const quint64 ticks = m_droppedTicks.load(std::memory_order_relaxed);
    const quint64 alerts = m_droppedAlerts.load(std::memory_order_relaxed);
    const quint64 connections = m_droppedConnections.load(std::memory_order_relaxed);
    if (ticks == m_loggedDroppedTicks && alerts == m_loggedDroppedAlerts && connections == m_loggedDroppedConnections)
        return;
    qint64 suppressed = 0;
    if (!m_dropLogLimiter.allow(QStringLiteral("dropped"), &suppressed) && !force)
        return; // counted meanwhile: the next line reports the difference
    // Counts only, never row content (an alert's message or a client's address stays out of it).
    qCWarning(fxStorageLog).noquote()
        << QStringLiteral("%1 %2: write buffer full while the database cannot take writes: dropped %3 alerts, %4 "
                          "ticks, %5 connection records since the last report (in all: %6 alerts, %7 ticks, %8 "
                          "connection records; bounds %9 alerts, %10 ticks, %11 connection records)")
               .arg(m_config.engineName(), m_config.location())
               .arg(alerts - m_loggedDroppedAlerts)
               .arg(ticks - m_loggedDroppedTicks)
               .arg(connections - m_loggedDroppedConnections)
               .arg(alerts)
               .arg(ticks)
               .arg(connections)
               .arg(m_config.maxBufferedAlerts)
               .arg(m_config.maxBufferedTicks)
               .arg(m_config.maxBufferedConnections);
    m_loggedDroppedTicks = ticks;
    m_loggedDroppedAlerts = alerts;
    m_loggedDroppedConnections = connections;
}

void Storage::emitStatusIfMoved()
{
    logDrops();
    const StorageStatus s = status();
    const StorageStatus &p = m_lastEmitted;
    if (s.state == p.state && s.bufferedRows == p.bufferedRows && s.droppedTicks == p.droppedTicks
        && s.droppedAlerts == p.droppedAlerts && s.droppedConnections == p.droppedConnections
        && s.rejectedRows == p.rejectedRows && s.writtenTicks == p.writtenTicks && s.writtenAlerts == p.writtenAlerts
        && s.writtenConnections == p.writtenConnections && s.lastError == p.lastError)
        return;
    m_lastEmitted = s;
    Q_EMIT statusChanged(s);
}

} // namespace fx::storage
