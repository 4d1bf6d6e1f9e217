#include "storage/storageretention.h"

#include "core/timeutil.h"
#include "storage/sqlwriter.h"
#include "storage/storagelog.h"

#include <QTimer>

namespace fx::storage {

namespace {
constexpr qint64 kDayMicros = 24LL * 3600 * 1000 * 1000;
} // namespace

StorageRetention::StorageRetention(const StorageConfig &config, std::function<SqlWriter *()> writer, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_writer(std::move(writer))
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(std::max(m_config.pruneIntervalMs, 1000));
    connect(m_timer, &QTimer::timeout, this, &StorageRetention::requestPass);
}

void StorageRetention::startSchedule()
{
    if (m_config.prune)
        m_timer->start();
}

void StorageRetention::stopSchedule()
{
    m_timer->stop();
}

bool StorageRetention::isScheduled() const
{
    return m_timer->isActive();
}

void StorageRetention::requestPass()
{
    if (!m_config.prune)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_total = PruneInfo{};
    QTimer::singleShot(0, this, &StorageRetention::step);
}

void StorageRetention::step()
{
    if (!m_running)
        return;
    SqlWriter *writer = m_writer();
    if (!writer) {
        m_running = false; // tried again on the next timer tick or reconnect
        return;
    }
    const qint64 now = core::nowMicros();
    PruneInfo deleted;
    bool more = false;
    QString error;
    if (!writer->prune(
            now - qint64(m_config.tickRetentionDays) * kDayMicros, now - qint64(m_config.barRetentionDays) * kDayMicros,
            now - qint64(m_config.barRetentionDays) * kDayMicros, m_config.pruneChunkRows, &deleted, &more, &error)) {
        m_running = false;
        Q_EMIT failed(error);
        return;
    }
    m_total.ticks += deleted.ticks;
    m_total.bars += deleted.bars;
    m_total.connections += deleted.connections;
    if (more) {
        QTimer::singleShot(0, this, &StorageRetention::step);
        return;
    }
    m_running = false;
    if (m_again) {
        // Another pass with new cutoffs, reported together with this one.
        m_again = false;
        m_running = true;
        QTimer::singleShot(0, this, &StorageRetention::step);
        return;
    }
    if (m_total.ticks + m_total.bars + m_total.connections > 0) {
        qCInfo(fxStorageLog).noquote() << QStringLiteral("retention: deleted %1 ticks, %2 bars, %3 connection records")
                                              .arg(m_total.ticks)
                                              .arg(m_total.bars)
                                              .arg(m_total.connections);
    }
    Q_EMIT pruned(m_total);
}

} // namespace fx::storage
