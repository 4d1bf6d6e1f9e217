#pragma once

// Where and how the storage writes: engine, location, batching, bounds and retention.
// Plain value type: copy it freely between threads.

#include <QString>

namespace fx::core {
struct Settings;
}

namespace fx::storage {

enum class Engine { None, Sqlite, Postgres };
// "none", "sqlite", "postgresql"
QString engineName(Engine engine);

struct StorageConfig
{
    Engine engine = Engine::None;

    // SQLite
    QString sqlitePath;
    int busyTimeoutMs = 5000;
    int sqliteMaxPages = 0; // PRAGMA max_page_count when > 0: a size cap (tests use it as a full disk)

    // PostgreSQL
    QString host;
    quint16 port = 5432;
    QString database;
    QString user;
    QString password;
    QString sslMode; // DB_SSLMODE, libpq's sslmode; empty: libpq's default (prefer)
    int connectTimeoutS = 5; // libpq connect_timeout
    int statementTimeoutMs = 15000; // a hung server cannot hold the storage thread longer

    // Retention (DB_TICK_RETENTION_DAYS, DB_BAR_RETENTION_DAYS)
    int tickRetentionDays = 7;
    int barRetentionDays = 365;
    int pruneIntervalMs = 5 * 60 * 1000;
    int pruneChunkRows = 5000; // rows deleted per statement, so a prune never holds the lock long
    // False: no retention passes (the monitor-only desk leaves them to the servers that write).
    bool prune = true;

    // Write batching: a batch is written when batchRows rows wait or batchIntervalMs after the
    // first one arrived, whichever comes first; one transaction takes at most maxBatchRows.
    int batchRows = 500;
    int batchIntervalMs = 100;
    int maxBatchRows = 5000;

    // Bounded buffer while the database cannot take writes. Ticks beyond the bound are dropped
    // oldest first (and counted); alerts and acknowledgements are kept up to a last-resort cap
    // that only an outage of hours at an absurd alert rate could reach.
    qsizetype maxBufferedTicks = 200000;
    qsizetype maxBufferedAlerts = 1000000;
    qsizetype maxBufferedConnections = 100000;

    // Reconnect / retry after a failure: doubling from the first delay up to the last.
    int retryInitialMs = 250;
    int retryMaxMs = 5000;

    // The stop() deadline (DB_SHUTDOWN_FLUSH_SECONDS): stop() writes what waits, reconnecting
    // and retrying while the database is down, until this many ms have passed; what cannot be
    // written by then stays unwritten and is logged with its counts. 0: write nothing at stop.
    int stopFlushMs = 10000;

    // DB_HOST set: PostgreSQL with DB_PORT, DB_NAME, DB_USER, DB_PASSWORD. Otherwise SQLite at
    // DB_PATH, or defaultSqlitePath() when DB_PATH is empty.
    static StorageConfig fromSettings(const core::Settings &settings);
    static StorageConfig sqlite(const QString &path);
    static StorageConfig postgres(const QString &host, quint16 port, const QString &database, const QString &user,
                                  const QString &password);
    // <AppDataLocation>/fxmonitor.sqlite (empty when the platform gives no writable location).
    static QString defaultSqlitePath();

    bool isConfigured() const;
    // The file path (SQLite) or host:port/database (PostgreSQL); never the password.
    QString location() const;
    QString engineName() const { return storage::engineName(engine); }
};

} // namespace fx::storage
