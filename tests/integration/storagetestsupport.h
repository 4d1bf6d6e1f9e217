#pragma once

// Shared by the storage suites: event builders, throw-away databases on both engines, the
// PostgreSQL fixture script, and a synchronous face for the asynchronous reader.

#include "core/marketdata.h"
#include "storage/sqlconnection.h"
#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/storagereader.h"
#include "storage/storagetypes.h"

#include <QHash>
#include <QObject>
#include <QTemporaryDir>
#include <QVariant>
#include <optional>

namespace fx::storage::test {

// ---- events ---------------------------------------------------------------------------------
core::PriceTick tick(const QString &pair, const QString &bid, const QString &ask, qint64 quotedMicros);
core::VolatilityAlert volatility(const QString &pair, double value, core::Severity severity, const QString &message,
                                 qint64 raisedMicros, std::optional<double> threshold = 0.02);
core::CorrelationAlert correlation(const QString &a, const QString &b, double value, core::Severity severity,
                                   const QString &message, qint64 raisedMicros);
// Two hours ago, rounded down to the minute (fixed for the whole run), plus offset: recent
// enough that retention keeps it.
qint64 baseMicros(qint64 offsetMicros = 0);

// ---- PostgreSQL -----------------------------------------------------------------------------
struct PgServer
{
    QString host;
    quint16 port = 0;
    QString database;
    QString user;
    QString password;
    QString socketDir;
    QString bin;

    StorageConfig config(const QString &database) const;
};

// Reads a pg.env written by tests/fixtures/postgres.sh.
std::optional<PgServer> readPgEnv(const QString &file, QString *error);
// The shared fixture's server, from the FX_PG_ENV_FILE environment variable that CTest sets.
std::optional<PgServer> fixtureServer(QString *error);
// Runs tests/fixtures/postgres.sh with args; false with its output in *output.
bool runPgScript(const QStringList &args, QString *output);

// ---- throw-away databases -------------------------------------------------------------------
// Hands out empty databases of one engine: SQLite files in a temporary folder, or PostgreSQL
// databases created on the server (dropped again by the destructor).
class TestDatabases
{
public:
    TestDatabases() = default;
    ~TestDatabases();
    // Engine::Sqlite needs nothing; Engine::Postgres reads the fixture. False with *error.
    bool init(Engine engine, QString *error);
    Engine engine() const { return m_engine; }
    // A new, empty database.
    std::optional<StorageConfig> fresh(const QString &tag, QString *error);

private:
    Engine m_engine = Engine::None;
    QTemporaryDir m_dir;
    std::optional<PgServer> m_server;
    QStringList m_created;
    int m_counter = 0;
};

// Runs one statement on its own connection; the first column of the first row (or an invalid
// QVariant with *error).
QVariant scalar(SqlConnection &c, const QString &sql, const QVariantList &values = {}, QString *error = nullptr);
qint64 count(SqlConnection &c, const QString &table, const QString &where = {});

// ---- reader, synchronously ------------------------------------------------------------------
class Replies : public QObject
{
    Q_OBJECT

public:
    explicit Replies(StorageReader *reader, QObject *parent = nullptr);

    std::optional<AlertPage> alerts(const AlertQuery &query, QString *error = nullptr);
    std::optional<QList<TickRecord>> ticks(const SeriesQuery &query, QString *error = nullptr);
    std::optional<QList<BarRecord>> bars(const SeriesQuery &query, QString *error = nullptr);
    std::optional<QList<ConnectionRecord>> connections(const ConnectionQuery &query, QString *error = nullptr);

private:
    bool wait(quint64 id, QString *error);
    StorageReader *m_reader;
    QHash<quint64, QVariant> m_answers;
    QHash<quint64, QString> m_failures;
};

// Waits (event loop running) until the storage has committed at least these totals.
bool waitWritten(Storage *storage, quint64 ticks, quint64 alerts, quint64 connections = 0, int timeoutMs = 15000);

} // namespace fx::storage::test
