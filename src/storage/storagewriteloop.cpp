// Storage, the write loop (storage thread): takes batches out of the buffer and writes each in
// one transaction, a batch as soon as batchRows are waiting or batchIntervalMs after the first
// row, going back to the event loop between batches. A batch the database refuses some row of
// is written in halves until the refused rows are alone and dropped; a batch that fails because
// the database went away goes back in front of the buffer for the retry.

#include "storage/storage.h"

#include "core/timeutil.h"
#include "storage/sqlwriter.h"
#include "storage/storagelog.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QTimer>

namespace fx::storage {

namespace {
constexpr int kWriteSliceMs = 50; // back to the event loop between batches after this long
} // namespace

void Storage::onWake()
{
    qsizetype rows = 0;
    {
        QMutexLocker lock(&m_bufferMutex);
        m_wakePosted = false;
        rows = m_buffer.rows();
    }
    if (!m_started || m_stopping || !m_writer)
        return; // the retry timer writes once the database is back
    if (rows >= m_config.batchRows)
        writePending();
    else if (rows > 0 && !m_batchTimer->isActive())
        m_batchTimer->start(m_config.batchIntervalMs);
}

void Storage::writePending()
{
    m_batchTimer->stop();
    if (!m_started || m_stopping || !m_writer)
        return;
    QElapsedTimer slice;
    slice.start();
    qsizetype left = 0;
    for (;;) {
        PendingBatch batch = takeBatch();
        if (batch.isEmpty())
            return;
        if (!writeBatch(std::move(batch)))
            return;
        {
            QMutexLocker lock(&m_bufferMutex);
            left = m_buffer.rows();
        }
        if (left < m_config.batchRows)
            break;
        if (slice.elapsed() >= kWriteSliceMs) {
            // Let queued calls (stop, pruning, status) run between batches.
            QMetaObject::invokeMethod(this, &Storage::writePending, Qt::QueuedConnection);
            return;
        }
    }
    if (left > 0 && !m_batchTimer->isActive())
        m_batchTimer->start(m_config.batchIntervalMs);
}

PendingBatch Storage::takeBatch()
{
    QMutexLocker lock(&m_bufferMutex);
    PendingBatch batch = m_buffer.take(m_config.maxBatchRows);
    m_inFlight = batch.rows();
    publishBufferCounts();
    return batch;
}

void Storage::batchDone()
{
    QMutexLocker lock(&m_bufferMutex);
    m_inFlight = 0;
    publishBufferCounts();
}

bool Storage::writeBatch(PendingBatch batch)
{
    CommitInfo info;
    QList<AckResult> acks;
    QString error;
    if (!m_writer->write(batch, &info, &acks, &error)) {
        if (m_writer->lastFailureRefusedData())
            return writeIsolatingRefused(std::move(batch), error);
        {
            QMutexLocker lock(&m_bufferMutex);
            m_buffer.restore(std::move(batch));
            m_inFlight = 0;
            publishBufferCounts();
        }
        fail(error);
        return false;
    }
    accountCommit(info, acks);
    noteRulesCommitted(batch.ruleWatermark);
    batchDone(); // after the counters: a row is always counted as buffered or written
    return true;
}

void Storage::noteRulesCommitted(quint64 watermark)
{
    quint64 now = m_ruleCommitted.load(std::memory_order_relaxed);
    while (watermark > now && !m_ruleCommitted.compare_exchange_weak(now, watermark, std::memory_order_release)) {}
}

void Storage::accountCommit(const CommitInfo &info, const QList<AckResult> &acks)
{
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.writtenTicks += quint64(info.ticks);
        m_status.writtenAlerts += quint64(info.alerts);
        m_status.writtenBars += quint64(info.bars);
        m_status.writtenConnections += quint64(info.connections);
        ++m_status.batches;
        m_status.lastCommitMicros = info.committedAtMicros;
        m_status.lastBatchMicros = info.durationMicros;
    }
    Q_EMIT batchCommitted(info);
    for (const AckResult &a : acks)
        Q_EMIT acknowledged(a.requestId, a.count);
}

namespace {

// The first half of a batch's rows (in the order they are written: ticks, alerts,
// connections, acknowledgements) and the rest.
std::pair<PendingBatch, PendingBatch> splitBatch(PendingBatch b)
{
    qsizetype left = b.rows() / 2;
    PendingBatch first;
    auto move = [&left](auto &from, auto &to) {
        const qsizetype n = std::min(left, from.size());
        to = from.mid(0, n);
        from.remove(0, n);
        left -= n;
    };
    move(b.ticks, first.ticks);
    move(b.alerts, first.alerts);
    move(b.connections, first.connections);
    move(b.acks, first.acks);
    move(b.ruleOps, first.ruleOps);
    first.ruleWatermark = 0; // the whole batch's watermark holds once its last part is in
    return {std::move(first), std::move(b)};
}

QString describeRow(const PendingBatch &b)
{
    if (!b.ticks.isEmpty())
        return b.ticks.first().pair.isEmpty() ? QStringLiteral("a tick without a pair")
                                              : QStringLiteral("a tick of %1").arg(b.ticks.first().pair);
    if (!b.alerts.isEmpty())
        return QStringLiteral("a %1 alert").arg(b.alerts.first().type);
    if (!b.connections.isEmpty())
        return QStringLiteral("the connection record of %1").arg(b.connections.first().id);
    if (!b.ruleOps.isEmpty())
        return QStringLiteral("a write of alert rule %1").arg(b.ruleOps.first().id);
    return QStringLiteral("an acknowledgement");
}

} // namespace

bool Storage::writeIsolatingRefused(PendingBatch batch, const QString &firstError)
{
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("refused"), &suppressed))
        qCWarning(fxStorageLog).noquote()
            << QStringLiteral("%1 %2 refused a batch of %3 rows (%4); writing it in parts to keep the rest")
                   .arg(m_config.engineName(), m_config.location())
                   .arg(batch.rows())
                   .arg(firstError);
    const quint64 ruleWatermark = batch.ruleWatermark;
    std::vector<PendingBatch> todo; // a stack: the earlier half on top
    todo.push_back(std::move(batch));
    while (!todo.empty()) {
        PendingBatch b = std::move(todo.back());
        todo.pop_back();
        CommitInfo info;
        QList<AckResult> acks;
        QString error;
        if (m_writer->write(b, &info, &acks, &error)) {
            accountCommit(info, acks);
            continue;
        }
        if (!m_writer->lastFailureRefusedData()) {
            // The database itself failed meanwhile: everything not written goes back, in order.
            {
                QMutexLocker lock(&m_bufferMutex);
                for (auto it = todo.begin(); it != todo.end(); ++it)
                    m_buffer.restore(std::move(*it)); // the bottom of the stack is the latest part
                m_buffer.restore(std::move(b));
                m_inFlight = 0;
                publishBufferCounts();
            }
            fail(error);
            return false;
        }
        if (b.rows() > 1) {
            auto [first, second] = splitBatch(std::move(b));
            todo.push_back(std::move(second));
            todo.push_back(std::move(first));
            continue;
        }
        // One row the database will never take.
        ++m_rejectedRows;
        {
            QMutexLocker lock(&m_statusMutex);
            m_status.rejectedRows = m_rejectedRows;
            m_status.lastError = QStringLiteral("refused %1: %2").arg(describeRow(b), error);
            m_status.lastErrorMicros = core::nowMicros();
        }
        if (m_logLimiter.allow(QStringLiteral("refused-row"), &suppressed))
            qCWarning(fxStorageLog).noquote()
                << QStringLiteral("%1 %2: dropped %3 the database refuses: %4")
                       .arg(m_config.engineName(), m_config.location(), describeRow(b), error);
        for (const AckOp &a : std::as_const(b.acks))
            Q_EMIT acknowledged(a.requestId, 0);
    }
    noteRulesCommitted(ruleWatermark); // a refused rule write is dropped: nothing waits for it
    batchDone();
    return true;
}

} // namespace fx::storage
