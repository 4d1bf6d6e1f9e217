#include "storage/schema.h"

#include "core/timeutil.h"
#include "storage/sqlconnection.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace fx::storage {

namespace {

// Any number: it only has to be the same for every FX Monitor on one PostgreSQL database.
constexpr qint64 kMigrationLockKey = 0x46584d6f6e; // "FXMon"

QStringList step1()
{
    return {
        QStringLiteral("CREATE TABLE schema_version ("
                       " version {int} PRIMARY KEY,"
                       " description TEXT NOT NULL,"
                       " applied_at {int} NOT NULL)"),
        QStringLiteral("CREATE TABLE alerts ("
                       " id {serial},"
                       " type TEXT NOT NULL,"
                       " pair TEXT NOT NULL,"
                       " pair_b TEXT,"
                       " value {real} NOT NULL,"
                       " threshold {real},"
                       " severity TEXT NOT NULL,"
                       " message TEXT NOT NULL,"
                       " raised_at {int} NOT NULL,"
                       " received_at {int} NOT NULL,"
                       " acknowledged_at {int},"
                       " payload TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX idx_alerts_raised_at ON alerts (raised_at)"),
        QStringLiteral("CREATE INDEX idx_alerts_type ON alerts (type, raised_at)"),
        QStringLiteral("CREATE INDEX idx_alerts_pair ON alerts (pair, raised_at)"),
        QStringLiteral("CREATE TABLE price_ticks ("
                       " id {rowid},"
                       " pair TEXT NOT NULL,"
                       " bid_text TEXT NOT NULL,"
                       " ask_text TEXT NOT NULL,"
                       " mid_text TEXT NOT NULL,"
                       " bid {real} NOT NULL,"
                       " ask {real} NOT NULL,"
                       " mid {real} NOT NULL,"
                       " quoted_at {int} NOT NULL,"
                       " received_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX idx_price_ticks_pair_time ON price_ticks (pair, quoted_at)"),
        QStringLiteral("CREATE INDEX idx_price_ticks_time ON price_ticks (quoted_at)"),
        QStringLiteral("CREATE TABLE market_sessions ("
                       " name TEXT PRIMARY KEY,"
                       " time_zone TEXT NOT NULL,"
                       " opens_utc TEXT NOT NULL,"
                       " closes_utc TEXT NOT NULL,"
                       " open_minute {int} NOT NULL,"
                       " close_minute {int} NOT NULL,"
                       " sort_order {int} NOT NULL)"),
        // The values of MarketSessions::all() at the time (a test checks they still agree).
        QStringLiteral("INSERT INTO market_sessions"
                       " (name, time_zone, opens_utc, closes_utc, open_minute, close_minute, sort_order) VALUES"
                       " ('Sydney', 'Australia/Sydney', '21:00', '06:00', 1260, 360, 1),"
                       " ('Tokyo', 'Asia/Tokyo', '00:00', '09:00', 0, 540, 2),"
                       " ('London', 'Europe/London', '08:00', '17:00', 480, 1020, 3),"
                       " ('New York', 'America/New_York', '13:00', '22:00', 780, 1320, 4)"),
    };
}

QStringList step2()
{
    return {
        QStringLiteral("CREATE TABLE price_bars_1m ("
                       " pair TEXT NOT NULL,"
                       " minute_start {int} NOT NULL,"
                       " open {real} NOT NULL,"
                       " high {real} NOT NULL,"
                       " low {real} NOT NULL,"
                       " close {real} NOT NULL,"
                       " tick_count {int} NOT NULL,"
                       " open_time {int} NOT NULL,"
                       " close_time {int} NOT NULL,"
                       " PRIMARY KEY (pair, minute_start))"),
        QStringLiteral("CREATE INDEX idx_price_bars_1m_minute ON price_bars_1m (minute_start)"),
        // Bars for the ticks stored before this step.
        QStringLiteral("INSERT INTO price_bars_1m"
                       " (pair, minute_start, open, high, low, close, tick_count, open_time, close_time)"
                       " SELECT g.pair, g.minute_start,"
                       "  (SELECT t.mid FROM price_ticks t WHERE t.pair = g.pair AND t.quoted_at = g.open_time"
                       "   ORDER BY t.id LIMIT 1),"
                       "  g.high, g.low,"
                       "  (SELECT t.mid FROM price_ticks t WHERE t.pair = g.pair AND t.quoted_at = g.close_time"
                       "   ORDER BY t.id DESC LIMIT 1),"
                       "  g.tick_count, g.open_time, g.close_time"
                       " FROM (SELECT pair, (quoted_at / 60000000) * 60000000 AS minute_start,"
                       "   MAX(mid) AS high, MIN(mid) AS low, COUNT(*) AS tick_count,"
                       "   MIN(quoted_at) AS open_time, MAX(quoted_at) AS close_time"
                       "  FROM price_ticks GROUP BY pair, (quoted_at / 60000000) * 60000000) g"),
        QStringLiteral("CREATE TABLE client_connections ("
                       " client_id TEXT PRIMARY KEY,"
                       " remote_address TEXT NOT NULL,"
                       " protocol TEXT NOT NULL,"
                       " transport TEXT NOT NULL,"
                       " connected_at {int} NOT NULL,"
                       " disconnected_at {int},"
                       " rooms TEXT NOT NULL,"
                       " messages_sent {int} NOT NULL DEFAULT 0,"
                       " bytes_sent {int} NOT NULL DEFAULT 0,"
                       " messages_received {int} NOT NULL DEFAULT 0,"
                       " disconnect_reason TEXT,"
                       " updated_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX idx_client_connections_connected_at ON client_connections (connected_at)"),
        QStringLiteral(
            "CREATE INDEX idx_client_connections_remote ON client_connections (remote_address, connected_at)"),
        QStringLiteral("CREATE INDEX idx_client_connections_disconnected_at ON client_connections (disconnected_at)"),
    };
}

QStringList step3()
{
    return {
        QStringLiteral("ALTER TABLE alerts ADD COLUMN acknowledged_by TEXT"),
        QStringLiteral("CREATE INDEX idx_alerts_severity ON alerts (severity, raised_at)"),
        QStringLiteral("CREATE INDEX idx_alerts_pair_b ON alerts (pair_b, raised_at)"),
        QStringLiteral("CREATE INDEX idx_alerts_acknowledged_at ON alerts (acknowledged_at)"),
        QStringLiteral("CREATE INDEX idx_alerts_unacknowledged ON alerts (raised_at) WHERE acknowledged_at IS NULL"),
    };
}

bool hasVersionTable(SqlConnection &c, bool *exists, QString *error)
{
    QSqlQuery q(c.database());
    const QString sql = c.engine() == Engine::Sqlite
        ? QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        : QStringLiteral("SELECT COUNT(*) FROM information_schema.tables"
                         " WHERE table_schema = current_schema() AND table_name = 'schema_version'");
    if (!q.exec(sql) || !q.next()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    *exists = q.value(0).toLongLong() > 0;
    return true;
}

int readVersion(SqlConnection &c, QString *error)
{
    bool exists = false;
    if (!hasVersionTable(c, &exists, error))
        return -1;
    if (!exists)
        return 0;
    QSqlQuery q(c.database());
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next()) {
        *error = sqlErrorText(q.lastError());
        return -1;
    }
    return q.value(0).isNull() ? 0 : q.value(0).toInt();
}

} // namespace

QString Schema::dialect(QString sql, Engine engine)
{
    const bool lite = engine == Engine::Sqlite;
    // Alert ids are never reused (AUTOINCREMENT): an acknowledgement by id cannot hit a newer
    // alert. Tick ids may be (plain rowid), which keeps inserts cheap.
    sql.replace(QLatin1String("{serial}"),
                lite ? QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT")
                     : QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    sql.replace(QLatin1String("{rowid}"),
                lite ? QLatin1String("INTEGER PRIMARY KEY")
                     : QLatin1String("BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"));
    sql.replace(QLatin1String("{int}"), lite ? QLatin1String("INTEGER") : QLatin1String("BIGINT"));
    sql.replace(QLatin1String("{real}"), lite ? QLatin1String("REAL") : QLatin1String("DOUBLE PRECISION"));
    sql.replace(QLatin1String("{least}"), lite ? QLatin1String("MIN") : QLatin1String("LEAST"));
    sql.replace(QLatin1String("{greatest}"), lite ? QLatin1String("MAX") : QLatin1String("GREATEST"));
    sql.replace(QLatin1String("{ilike}"), lite ? QLatin1String("LIKE") : QLatin1String("ILIKE"));
    return sql;
}

QStringList step4()
{
    return {QStringLiteral("ALTER TABLE client_connections ADD COLUMN client_user TEXT")};
}

QStringList step5()
{
    // PROTOCOL.md, "Alert rules": the rules and subscriptions of identified clients (a token's
    // sub or a client_key), restored when the same user connects again to any server sharing
    // the database; and the owner of a client's fired alert in the alert history.
    return {
        QStringLiteral("CREATE TABLE user_alert_rules ("
                       " id TEXT PRIMARY KEY,"
                       " owner TEXT NOT NULL,"
                       " pair TEXT NOT NULL,"
                       " rule TEXT NOT NULL,"
                       " created_at {int} NOT NULL,"
                       " updated_at {int} NOT NULL)"),
        QStringLiteral("CREATE INDEX idx_user_alert_rules_owner ON user_alert_rules (owner)"),
        QStringLiteral("CREATE TABLE user_subscriptions ("
                       " owner TEXT PRIMARY KEY,"
                       " pairs TEXT NOT NULL,"
                       " updated_at {int} NOT NULL)"),
        QStringLiteral("ALTER TABLE alerts ADD COLUMN owner TEXT"),
        QStringLiteral("CREATE INDEX idx_alerts_owner ON alerts (owner, raised_at)"),
    };
}

QStringList Schema::statements(int version, Engine engine)
{
    QStringList raw;
    switch (version) {
    case 1: raw = step1(); break;
    case 2: raw = step2(); break;
    case 3: raw = step3(); break;
    case 4: raw = step4(); break;
    case 5: raw = step5(); break;
    default: return {};
    }
    for (QString &s : raw)
        s = dialect(s, engine);
    return raw;
}

QString Schema::description(int version)
{
    switch (version) {
    case 1: return QStringLiteral("alerts, price ticks, market sessions");
    case 2: return QStringLiteral("one-minute bars, client connections");
    case 3: return QStringLiteral("acknowledged_by, filter indexes");
    case 4: return QStringLiteral("client_user of client connections");
    case 5: return QStringLiteral("users' alert rules and subscriptions, owner of alerts");
    default: return {};
    }
}

QStringList Schema::tables()
{
    return {QStringLiteral("schema_version"),   QStringLiteral("alerts"),
            QStringLiteral("price_ticks"),      QStringLiteral("market_sessions"),
            QStringLiteral("price_bars_1m"),    QStringLiteral("client_connections"),
            QStringLiteral("user_alert_rules"), QStringLiteral("user_subscriptions")};
}

int Schema::version(SqlConnection &connection, QString *error)
{
    return readVersion(connection, error);
}

MigrationResult Schema::migrate(SqlConnection &c, int targetVersion)
{
    MigrationResult r;
    targetVersion = std::clamp(targetVersion, 1, kLatestVersion);
    QString error;
    if (!c.begin(&error)) {
        r.error = QStringLiteral("cannot start the migration: %1").arg(error);
        return r;
    }
    if (c.engine() == Engine::Postgres
        && !c.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLockKey), &error)) {
        c.rollback();
        r.error = QStringLiteral("cannot take the migration lock: %1").arg(error);
        return r;
    }
    const int current = readVersion(c, &error);
    if (current < 0) {
        c.rollback();
        r.error = QStringLiteral("cannot read the schema version: %1").arg(error);
        return r;
    }
    r.fromVersion = current;
    r.toVersion = current;
    if (current > kLatestVersion) {
        c.rollback();
        r.outcome = MigrationResult::Outcome::RefusedNewer;
        r.error = QStringLiteral("the database schema is version %1, newer than the version %2 this FX Monitor "
                                 "knows; nothing is written to it. Upgrade FX Monitor or use another database.")
                      .arg(current)
                      .arg(kLatestVersion);
        return r;
    }
    for (int v = current + 1; v <= targetVersion; ++v) {
        for (const QString &sql : statements(v, c.engine())) {
            if (!c.exec(sql, &error)) {
                c.rollback();
                r.error = QStringLiteral("migration to schema version %1 failed: %2 (in: %3)")
                              .arg(v)
                              .arg(error, sql.left(60));
                return r;
            }
        }
        QSqlQuery q(c.database());
        q.prepare(QStringLiteral("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)"));
        q.addBindValue(v);
        q.addBindValue(description(v));
        q.addBindValue(core::nowMicros());
        if (!q.exec()) {
            error = sqlErrorText(q.lastError());
            q.finish();
            c.rollback();
            r.error = QStringLiteral("cannot record schema version %1: %2").arg(v).arg(error);
            return r;
        }
        r.toVersion = v;
    }
    if (!c.commit(&error)) {
        r.error = QStringLiteral("cannot commit the migration: %1").arg(error);
        r.toVersion = current;
        return r;
    }
    r.outcome = MigrationResult::Outcome::Ok;
    return r;
}

} // namespace fx::storage
