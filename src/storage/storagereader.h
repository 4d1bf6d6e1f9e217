#pragma once

// The read side of the database: alert history with filters and paging, ticks and bars of a
// pair, connection history. Asynchronous request/response: a request method returns an id at
// once, and a signal carries that id with the rows (or queryFailed with the reason).
//
// Thread contract: a StorageReader lives on its own QThread (StorageThread does this) with its
// own database connection, so a long read never delays a write batch and the caller's thread
// never waits on the database. The request methods are thread-safe; the queries run in
// arrival order on the reader thread, where the signals are emitted (connect with a context
// object on your side: the answer arrives queued). With SQLite the reader reads through WAL,
// concurrently with the writer; rows still in the writer's buffer are not visible yet.
//
// The connection opens on the first request and again after a failure. A database without
// the current schema (not migrated yet, or newer than this program) is not read.

#include "storage/storageconfig.h"
#include "storage/storagetypes.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace fx::storage {

class SqlConnection;

class StorageReader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StorageReader)

public:
    // Requests beyond this many waiting are answered at once with queryFailed.
    static constexpr int kMaxPendingRequests = 256;

    explicit StorageReader(StorageConfig config, QObject *parent = nullptr);
    ~StorageReader() override;

    // Any thread.
    quint64 requestAlerts(const fx::storage::AlertQuery &query);
    // Answered with alertHistoryReady (or queryFailed).
    quint64 requestAlertHistory(const fx::storage::AlertHistoryQuery &query);
    quint64 requestTicks(const fx::storage::SeriesQuery &query);
    quint64 requestBars(const fx::storage::SeriesQuery &query);
    quint64 requestConnections(const fx::storage::ConnectionQuery &query);
    // One user's stored alert rules (at most maxRules, oldest first) and subscriptions
    // (PROTOCOL.md, "Alert rules"): answered with userRulesReady (or queryFailed).
    quint64 requestUserRules(const QString &owner, int maxRules);
    // Every user's stored rules (at most maxRules): answered with storedRulesReady.
    quint64 requestStoredRules(int maxRules);

    // Reader thread: closes the connection (StorageThread calls it before joining).
    void stop();

Q_SIGNALS:
    void alertsReady(quint64 requestId, const fx::storage::AlertPage &page);
    void alertHistoryReady(quint64 requestId, const fx::storage::AlertPage &page);
    void ticksReady(quint64 requestId, const QList<fx::storage::TickRecord> &rows);
    void barsReady(quint64 requestId, const QList<fx::storage::BarRecord> &rows);
    void connectionsReady(quint64 requestId, const QList<fx::storage::ConnectionRecord> &rows);
    void userRulesReady(quint64 requestId, const fx::storage::UserRules &rules);
    void storedRulesReady(quint64 requestId, const QList<fx::storage::StoredRule> &rules);
    void queryFailed(quint64 requestId, const QString &error);

private:
    template <typename Run>
    quint64 submit(Run &&run);
    bool ensureOpen(QString *error);

    const StorageConfig m_config;
    std::unique_ptr<SqlConnection> m_connection;
    std::atomic<quint64> m_nextId{0};
    std::atomic<int> m_pending{0};
    bool m_stopped = false;
};

} // namespace fx::storage
