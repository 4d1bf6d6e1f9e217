#pragma once

// Versioned schema migrations, the same logical schema on SQLite and PostgreSQL.
//
// The schema_version table holds one row per applied step. At start-up migrate() applies the
// missing steps in one transaction (PostgreSQL: under an advisory lock, SQLite: BEGIN
// IMMEDIATE, so two servers starting on one database do not race). A database whose version
// is newer than kLatestVersion is refused untouched: this program does not know its tables.
//
// Steps are history: never edit a released step, add a new one.
//   1  alerts, price_ticks, market_sessions (seeded)
//   2  price_bars_1m (backfilled from price_ticks), client_connections
//   3  alerts.acknowledged_by; indexes for the severity, second pair and acknowledged filters
//   4  client_connections.client_user (the "sub" of the client's token, SECURITY.md "Tokens")

#include "storage/storageconfig.h"

#include <QString>
#include <QStringList>

namespace fx::storage {

class SqlConnection;

struct MigrationResult
{
    enum class Outcome { Ok, RefusedNewer, Failed };
    Outcome outcome = Outcome::Failed;
    int fromVersion = 0;
    int toVersion = 0;
    QString error; // the reason for RefusedNewer and Failed

    bool ok() const { return outcome == Outcome::Ok; }
};

class Schema
{
public:
    static constexpr int kLatestVersion = 5;

    // Brings the database to targetVersion (tests pass an older one to build history).
    static MigrationResult migrate(SqlConnection &connection, int targetVersion = kLatestVersion);
    // The database's version, 0 when it has no schema_version table; -1 with *error.
    static int version(SqlConnection &connection, QString *error);
    // One step's statements for an engine (what migrate() runs), for tests and docs.
    static QStringList statements(int version, Engine engine);
    static QString description(int version);
    // Our tables, in creation order.
    static QStringList tables();

    // Text substitutions that make one statement fit both engines.
    static QString dialect(QString sql, Engine engine);
};

} // namespace fx::storage
