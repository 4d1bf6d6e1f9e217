// Storage, its status: the snapshot any thread may read (counters of the input side are
// atomics, the rest is under m_statusMutex), and statusChanged on the storage thread, on state
// changes and at most once a second while the counters move.

#include "storage/storage.h"

#include "core/timeutil.h"

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

void Storage::emitStatusIfMoved()
{
    const StorageStatus s = status();
    const StorageStatus &p = m_lastEmitted;
    if (s.state == p.state && s.bufferedRows == p.bufferedRows && s.droppedTicks == p.droppedTicks
        && s.droppedAlerts == p.droppedAlerts && s.writtenTicks == p.writtenTicks && s.writtenAlerts == p.writtenAlerts
        && s.writtenConnections == p.writtenConnections && s.lastError == p.lastError)
        return;
    m_lastEmitted = s;
    Q_EMIT statusChanged(s);
}

} // namespace fx::storage
