#pragma once

// Values that cross the storage threads: status, input records, query filters and result rows.
// All are plain copyable types registered with the meta-type system (queued signals).

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <optional>

namespace fx::storage {

enum class StorageState { NotConfigured, Connecting, Ok, Error, RefusedNewerSchema };
// "not_configured", "connecting", "ok", "error", "refused_newer_schema"
QString storageStateName(StorageState state);

struct StorageStatus
{
    StorageState state = StorageState::NotConfigured;
    QString engine; // "sqlite" / "postgresql" / "none"
    QString location; // file path or host:port/database
    qint64 bufferedRows = 0; // waiting in memory (not yet committed)
    quint64 droppedTicks = 0;
    quint64 droppedAlerts = 0; // only past the last-resort cap (StorageConfig::maxBufferedAlerts)
    quint64 droppedConnections = 0; // only past StorageConfig::maxBufferedConnections
    quint64 rejectedRows = 0; // rows the database refused (a constraint, a value it cannot store)
    QString lastError; // kept after recovery, with its time, for the operator
    qint64 lastErrorMicros = 0;
    int schemaVersion = 0; // of the open database (0: not open yet)
    qint64 retryInMs = 0; // when in error: delay before the next attempt
    quint64 openAttempts = 0; // connection attempts since start
    quint64 writtenTicks = 0;
    quint64 writtenAlerts = 0;
    quint64 writtenBars = 0; // bar upserts
    quint64 writtenConnections = 0;
    quint64 batches = 0;
    qint64 lastCommitMicros = 0; // wall clock of the last commit
    qint64 lastBatchMicros = 0; // duration of the last batch transaction

    bool ok() const { return state == StorageState::Ok; }
    // Rows dropped unwritten because the write buffer was full (all kinds).
    quint64 droppedRows() const { return droppedTicks + droppedAlerts + droppedConnections; }
    // "Database ok (sqlite /path)", "Database error (...), retrying in 1000 ms", ...
    QString describe() const;
    // "dropped 0 alerts, 4000 ticks, 0 connection records"
    QString describeDrops() const;
    // The object /health and server_stats show under "database".
    QJsonObject toJson() const;
};

// One client connection of the streaming server, written as an upsert keyed by id: once at
// connect (disconnectedAtMicros 0) and once at disconnect with the final counters.
struct ConnectionRecord
{
    QString id; // client id, unique across servers
    QString peer; // remote address as the server saw it ("127.0.0.1:51234")
    QString protocol; // "json", "socketio", ...
    QString transport; // "websocket", "polling", ...
    qint64 connectedAtMicros = 0;
    qint64 disconnectedAtMicros = 0; // 0 while connected
    QStringList rooms; // rooms joined
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 messagesReceived = 0;
    QString reason; // disconnect reason (empty while connected)
    QString user; // "sub" of the client's token (SECURITY.md, "Tokens"); empty without one

    friend bool operator==(const ConnectionRecord &, const ConnectionRecord &) = default;
};

enum class AckFilter { Any, Acknowledged, Unacknowledged };

// Filters of the alert history; empty fields match everything.
struct AlertFilter
{
    QString type; // "volatility" / "correlation" / "price_alert"
    QString severity; // "info" / "warning" / "critical"
    QString pair; // matches either pair of a correlation alert
    QString text; // case-insensitive substring of the message
    qint64 fromMicros = 0; // raised_at >= from (0: open)
    qint64 toMicros = 0; // raised_at < to (0: open)
    AckFilter acknowledged = AckFilter::Any;
};

struct AlertQuery
{
    AlertFilter filter;
    int offset = 0;
    int limit = 100; // capped at kMaxAlertPage
};
inline constexpr int kMaxAlertPage = 1000;

struct AlertRecord
{
    qint64 id = 0;
    QString type;
    QString pair;
    QString pairB; // correlation only
    double value = 0; // volatility or correlation
    std::optional<double> threshold;
    QString severity;
    QString message;
    qint64 raisedAtMicros = 0;
    qint64 receivedAtMicros = 0;
    qint64 acknowledgedAtMicros = 0; // 0: not acknowledged
    QString acknowledgedBy;
    QJsonObject payload; // the alert as clients received it
    // alerts.owner (schema 5): whose alert rule fired it (price_alert: a token's sub,
    // "anonymous:<client id>" or "desk"); empty (NULL) for the pipeline's alerts.
    QString owner;
};

// One page of alerts, newest first, and how many match the filter in total.
struct AlertPage
{
    QList<AlertRecord> rows;
    qint64 total = 0;
    int offset = 0;
    int limit = 0;
    bool more = false; // AlertHistoryQuery: older rows match beyond this page (total is not counted)
};

// The alert history of the streaming protocol (PROTOCOL.md, get_alert_history): keyset paging
// over (raised_at, id), newest first, so a page costs the same however deep it is and rows
// written meanwhile neither repeat nor shift a page.
struct AlertHistoryQuery
{
    qint64 sinceMicros = 0; // raised_at >= since (0: open)
    qint64 untilMicros = 0; // raised_at <= until (0: open)
    QStringList types; // any of these ("volatility", "correlation"); empty: any
    QStringList severities; // any of these ("info", "warning", "critical"); empty: any
    QStringList pairs; // alerts about any of these (either pair of a correlation); empty: any
    // SECURITY.md, "Pair permissions": when restricted, only alerts whose every pair is listed.
    bool restricted = false;
    QStringList permittedPairs;
    // PROTOCOL.md, get_alert_history: a client sees the pipeline's alerts (owner NULL) and, when
    // owner is not empty, the alerts of its own rules (owner = this), no one else's.
    bool ownerFiltered = false;
    QString owner;
    // Continue after this row: only rows older than (beforeRaisedAt, beforeId).
    bool hasCursor = false;
    qint64 beforeRaisedAt = 0;
    qint64 beforeId = 0;
    int limit = 100; // capped at kMaxAlertPage
};

struct TickRecord
{
    qint64 id = 0;
    QString pair;
    QString bidText; // the decimals as published
    QString askText;
    QString midText;
    double bid = 0;
    double ask = 0;
    double mid = 0;
    qint64 quotedAtMicros = 0;
    qint64 receivedAtMicros = 0;
};

// One minute of mid prices of one pair.
struct BarRecord
{
    QString pair;
    qint64 minuteMicros = 0; // start of the minute (UTC)
    double open = 0;
    double high = 0;
    double low = 0;
    double close = 0;
    qint64 tickCount = 0;
};

// Ticks or bars of one pair in [fromMicros, toMicros) (0: open end), oldest first. When more
// rows match than limit, the newest limit rows are returned.
struct SeriesQuery
{
    QString pair;
    qint64 fromMicros = 0;
    qint64 toMicros = 0;
    int limit = 10000; // capped at kMaxSeriesRows
};
inline constexpr int kMaxSeriesRows = 100000;

struct ConnectionQuery
{
    QString clientId; // one client (empty: any)
    QString remoteAddress; // exact peer, or its host part without the port (empty: any)
    int limit = 100; // capped at kMaxConnectionRows
};
inline constexpr int kMaxConnectionRows = 10000;

// What one committed write transaction held (batchCommitted).
struct CommitInfo
{
    int ticks = 0;
    int alerts = 0;
    int bars = 0;
    int connections = 0;
    int acknowledgements = 0;
    qint64 firstAlertId = 0; // ids given to this batch's alerts (0 when none)
    qint64 lastAlertId = 0;
    qint64 durationMicros = 0; // BEGIN to COMMIT
    qint64 committedAtMicros = 0;
};

// A write of the alert rules and subscriptions of an identified user (PROTOCOL.md, "Alert
// rules": rules that follow the user). Applied in the order they were made; a rule's state
// changes waiting together are written once (WriteBuffer coalesces them).
struct RuleOp
{
    enum class Kind {
        UpsertRule, // a new rule (or one restored): the whole row
        UpdateRule, // its state or value changed: only an existing row is updated (never revived)
        DeleteRule,
        Subscriptions // the user's rooms, replacing the stored ones
    };
    Kind kind = Kind::UpsertRule;
    QString owner; // "sub:<token sub>", "key:<sha-256 of the client_key>" or "desk"
    QString id; // the rule's id (rules only)
    QString pair; // the rule's pair (UpsertRule)
    QByteArray json; // the rule (AlertRule::toJson()), or the pairs as a JSON array
    qint64 createdAtMicros = 0; // UpsertRule
    qint64 atMicros = 0;
    quint64 firstSeq = 0; // WriteBuffer: the sequence number of the oldest change it holds
};

// One stored alert rule of any user (the desk's Alert rules panel).
struct StoredRule
{
    QString owner;
    QByteArray json;
};

// The stored alert rules and subscriptions of one user, read back.
struct UserRules
{
    QList<QByteArray> rules; // AlertRule::toJson() each, oldest first
    bool hasSubscriptions = false; // false: none stored (never subscribed while identified)
    QStringList pairs;
};

struct PruneInfo
{
    qint64 ticks = 0;
    qint64 bars = 0;
    qint64 connections = 0;
};

} // namespace fx::storage

Q_DECLARE_METATYPE(fx::storage::StorageStatus)
Q_DECLARE_METATYPE(fx::storage::ConnectionRecord)
Q_DECLARE_METATYPE(fx::storage::AlertFilter)
Q_DECLARE_METATYPE(fx::storage::AlertQuery)
Q_DECLARE_METATYPE(fx::storage::AlertRecord)
Q_DECLARE_METATYPE(fx::storage::AlertPage)
Q_DECLARE_METATYPE(fx::storage::AlertHistoryQuery)
Q_DECLARE_METATYPE(fx::storage::TickRecord)
Q_DECLARE_METATYPE(fx::storage::BarRecord)
Q_DECLARE_METATYPE(fx::storage::ConnectionQuery)
Q_DECLARE_METATYPE(fx::storage::SeriesQuery)
Q_DECLARE_METATYPE(fx::storage::CommitInfo)
Q_DECLARE_METATYPE(fx::storage::PruneInfo)
Q_DECLARE_METATYPE(fx::storage::UserRules)
Q_DECLARE_METATYPE(fx::storage::StoredRule)
