#pragma once

// The statements of the write path: one batch in one transaction, and retention deletes.
//
// Thread contract: used only on the storage (writer) thread, on the connection given at
// construction; destroy it before that connection is closed (it holds prepared queries).

#include "storage/storagetypes.h"
#include "storage/writebuffer.h"

#include <QSqlError>
#include <QSqlQuery>
#include <memory>

namespace fx::storage {

class SqlConnection;

struct AckResult
{
    quint64 requestId = 0;
    qint64 count = 0; // alerts newly acknowledged
};

class SqlWriter
{
    Q_DISABLE_COPY_MOVE(SqlWriter)

public:
    explicit SqlWriter(SqlConnection &connection);
    ~SqlWriter();

    // Writes everything in the batch (ticks, their one-minute bars, alerts, connection
    // records, acknowledgements) in one transaction. On failure everything is rolled back
    // and false is returned with *error; the caller still holds the batch.
    bool write(const PendingBatch &batch, CommitInfo *info, QList<AckResult> *acks, QString *error);

    // Deletes at most chunkRows rows older than the cutoffs from each table, in one short
    // transaction. *more is true when a table still had a full chunk to delete.
    bool prune(qint64 tickCutoffMicros, qint64 barCutoffMicros, qint64 connectionCutoffMicros, int chunkRows,
               PruneInfo *deleted, bool *more, QString *error);

    // Rows per multi-row tick INSERT statement (the remainder goes one by one).
    int tickChunkRows() const { return m_tickChunk; }
    // After write() failed: true when the database refused the data (a constraint, a value it
    // cannot store), false when it could not write at all (gone, full, locked). Refused rows
    // will never go in; anything else is worth retrying.
    bool lastFailureRefusedData() const { return m_refusedData; }
    static bool isDataError(const QSqlError &error);

private:
    bool insertTicks(const QList<TickRecord> &ticks, QString *error);
    bool upsertBars(const QList<TickRecord> &ticks, int *count, QString *error);
    bool insertAlerts(const QList<AlertRecord> &alerts, CommitInfo *info, QString *error);
    bool upsertConnections(const QList<ConnectionRecord> &records, QString *error);
    bool acknowledge(const AckOp &op, qint64 *count, QString *error);
    // sqluserrules.cpp: the rules and subscriptions of identified users, in order.
    bool writeRuleOps(const QList<RuleOp> &ops, QString *error);
    bool prepare(std::unique_ptr<QSqlQuery> &query, const QString &sql, QString *error);
    bool run(QSqlQuery &query, QString *error);

    SqlConnection &m_connection;
    int m_tickChunk;
    bool m_refusedData = false;
    std::unique_ptr<QSqlQuery> m_tickChunkInsert;
    std::unique_ptr<QSqlQuery> m_tickInsert;
    std::unique_ptr<QSqlQuery> m_barUpsert;
    std::unique_ptr<QSqlQuery> m_alertInsert; // full chunks
    std::unique_ptr<QSqlQuery> m_alertInsertTail; // the last, shorter chunk
    int m_alertTailRows = 0;
    std::unique_ptr<QSqlQuery> m_connectionUpsert;
};

} // namespace fx::storage
