#pragma once

// The write side of the database: alerts, price ticks and their one-minute bars, client
// connections, acknowledgements, retention. SQLite by default, PostgreSQL when configured.
//
// Thread contract: a Storage is moved to its own QThread (StorageThread does this) and
// start()/stop() run there, through queued calls. That thread alone owns the QSqlDatabase
// connection and runs every statement; nothing else ever waits on the database.
//
// The input methods (recordEvents, recordConnection, acknowledge*, flush, pruneNow) and the
// status accessors are thread-safe and never block on the database: they append to a bounded
// in-memory buffer under a short mutex and wake the storage thread. Call them directly from any
// thread (e.g. a Qt::DirectConnection from the Redis thread, which saves one event per read) or
// connect a signal to them with a queued connection. Signals are emitted on the storage thread.
//
// Writes are batched: one transaction per batchRows rows or batchIntervalMs after the first
// waiting row. When the database fails (unreachable, full, locked, dropped connection) the
// batch is rolled back and put back in front of the buffer, the status goes to error, and the
// storage thread reconnects and retries with backoff until the rows land. While it cannot
// write, ticks beyond the bound are dropped oldest first (and counted); alerts are kept.

#include "core/logging.h"
#include "core/marketdata.h"
#include "storage/sqlwriter.h"
#include "storage/storageconfig.h"
#include "storage/storagetypes.h"
#include "storage/writebuffer.h"

#include <QJsonObject>
#include <QMutex>
#include <QObject>
#include <atomic>
#include <memory>

class QTimer;

namespace fx::storage {

class SqlConnection;
class SqlWriter;
class StorageRetention;

class Storage final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Storage)

public:
    explicit Storage(StorageConfig config, QObject *parent = nullptr);
    ~Storage() override;

    // Storage thread. start() opens the database and applies the migrations; stop() writes
    // what it can within StorageConfig::stopFlushMs, then closes the connection.
    void start();
    void stop();

    // Any thread, never blocking. Ticks, volatility and correlation alerts are stored (ticks
    // also feed the one-minute bars); data_ready notices are not.
    void recordEvents(const QList<fx::core::MarketEvent> &events);
    // Alerts made outside the pipeline (fired alert rules, PROTOCOL.md "Alert rules"), as they
    // are; raised_at and received_at are now when 0.
    void recordAlerts(QList<fx::storage::AlertRecord> alerts);
    // An upsert keyed by record.id: call it at connect and again at disconnect.
    void recordConnection(const fx::storage::ConnectionRecord &record);
    // Marks alerts acknowledged (only those not acknowledged yet). Returns a request id that
    // acknowledged() reports with the number of alerts newly acknowledged, after the commit.
    quint64 acknowledgeAlerts(const QList<qint64> &ids, const QString &by);
    quint64 acknowledgeMatching(const fx::storage::AlertFilter &filter, const QString &by);
    // A rule or subscription write of an identified user (PROTOCOL.md, "Alert rules"). Kept
    // like alerts while the database is away; a rule's waiting changes are written once.
    // Returns its sequence number: ruleWritesCommitted() reaches it once it is in the database.
    quint64 recordRuleOp(fx::storage::RuleOp op);
    // Every rule write up to this sequence number is committed (any thread).
    quint64 ruleWritesCommitted() const { return m_ruleCommitted.load(std::memory_order_acquire); }
    quint64 ruleWritesQueued() const { return m_ruleQueued.load(std::memory_order_acquire); }
    // Writes what is buffered now instead of waiting for the batch timer.
    void flush();
    // Applies the retention periods now (also done at start and every pruneIntervalMs).
    void pruneNow();

    StorageStatus status() const;
    // The object /health and server_stats show under "database".
    QJsonObject statusJson() const;
    // Rows not committed yet: waiting in the buffer or in the transaction being written.
    qint64 bufferedRows() const { return m_buffered.load(std::memory_order_relaxed); }
    const StorageConfig &config() const { return m_config; }

Q_SIGNALS:
    // On state changes (ok, error, ...), and at most once a second while counters move.
    void statusChanged(const fx::storage::StorageStatus &status);
    // After each committed write transaction.
    void batchCommitted(const fx::storage::CommitInfo &info);
    void acknowledged(quint64 requestId, qint64 count);
    // After a full retention pass.
    void pruned(const fx::storage::PruneInfo &deleted);

private:
    template <typename Fn>
    void enqueue(Fn &&add);
    void publishBufferCounts(); // under m_bufferMutex
    void batchDone(); // the batch in flight is committed
    void onWake();
    void writePending();
    PendingBatch takeBatch();
    bool writeBatch(PendingBatch batch);
    // The database refused some row of a batch (a constraint, a value it cannot store): write
    // halves until the refused rows are alone, commit everything else, drop those (counted in
    // rejected_rows, logged). False when the database went away meanwhile (the rest is back
    // in the buffer).
    bool writeIsolatingRefused(PendingBatch batch, const QString &firstError);
    void accountCommit(const CommitInfo &info, const QList<AckResult> &acks);
    void noteRulesCommitted(quint64 watermark);
    // withinMs >= 0 (at stop): the connect and statement timeouts are cut to fit in it.
    bool openDatabase(qint64 withinMs = -1);
    bool bufferIsEmpty();
    void reportStop(const StorageStatus &before, qint64 elapsedMs);
    // Logs the rows dropped since the last such line (at most one line per 10 s; force: now).
    void logDrops(bool force = false);
    void closeDatabase();
    void fail(const QString &error);
    void scheduleRetry(int delayMs);
    void retry();
    void startPrune(); // a retention pass, when started and not stopping
    void setState(StorageState state, const QString &error = {});
    void emitStatusIfMoved();

    const StorageConfig m_config;
    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<SqlWriter> m_writer;
    QTimer *m_batchTimer;
    QTimer *m_retryTimer;
    StorageRetention *m_retention; // a child: lives on this thread, uses m_writer
    QTimer *m_statusTimer;
    int m_retryDelayMs;
    bool m_started = false;
    std::atomic<bool> m_stopping{false};
    core::logging::RateLimiter m_logLimiter{5, 10000};
    core::logging::RateLimiter m_dropLogLimiter{1, 10000};
    // The dropped counts the last drop line reported (storage thread only).
    quint64 m_loggedDroppedTicks = 0;
    quint64 m_loggedDroppedAlerts = 0;
    quint64 m_loggedDroppedConnections = 0;

    // Ingress: any thread.
    QMutex m_bufferMutex;
    WriteBuffer m_buffer;
    bool m_wakePosted = false;
    qsizetype m_inFlight = 0; // rows of the batch being written
    std::atomic<qint64> m_buffered{0}; // buffer + in flight
    std::atomic<quint64> m_droppedTicks{0};
    std::atomic<quint64> m_droppedAlerts{0};
    std::atomic<quint64> m_droppedConnections{0};
    std::atomic<quint64> m_ruleQueued{0};
    std::atomic<quint64> m_ruleCommitted{0};
    std::atomic<quint64> m_nextRequestId{0};
    quint64 m_rejectedRows = 0; // storage thread only; mirrored into m_status

    mutable QMutex m_statusMutex;
    StorageStatus m_status;
    StorageStatus m_lastEmitted;
};

} // namespace fx::storage
