#include "storage/sqlconnection.h"

#include "storage/storagelog.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <atomic>

namespace fx::storage {

namespace {
std::atomic<quint64> g_connectionCounter{0};

QString uniqueName(SqlConnection::Role role)
{
    return QStringLiteral("fx-storage-%1-%2")
        .arg(role == SqlConnection::Role::Writer ? QStringLiteral("w") : QStringLiteral("r"))
        .arg(++g_connectionCounter);
}
} // namespace

QString sqlErrorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    if (text.isEmpty())
        text = QStringLiteral("unknown database error");
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.simplified();
}

SqlConnection::SqlConnection(Role role) : m_role(role)
{
}

SqlConnection::~SqlConnection()
{
    close();
}

QSqlDatabase SqlConnection::database() const
{
    return m_name.isEmpty() ? QSqlDatabase() : QSqlDatabase::database(m_name, false);
}

bool SqlConnection::isOpen() const
{
    return !m_name.isEmpty() && database().isOpen();
}

void SqlConnection::close()
{
    if (m_name.isEmpty())
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
    m_engine = Engine::None;
    m_inTransaction = false;
}

bool SqlConnection::open(const StorageConfig &config, QString *error)
{
    close();
    if (!config.isConfigured()) {
        *error = QStringLiteral("no database configured");
        return false;
    }
    const QString driver = config.engine == Engine::Sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        *error = QStringLiteral("the Qt SQL driver %1 is not installed (Debian: %2)")
                     .arg(driver,
                          config.engine == Engine::Sqlite ? QStringLiteral("libqt6sql6-sqlite")
                                                          : QStringLiteral("libqt6sql6-psql"));
        return false;
    }
    m_name = uniqueName(m_role);
    m_engine = config.engine;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(driver, m_name);
        if (config.engine == Engine::Sqlite) {
            const QFileInfo file(config.sqlitePath);
            if (!QDir().mkpath(file.absolutePath())) {
                *error = QStringLiteral("cannot create the folder %1").arg(file.absolutePath());
            } else {
                db.setDatabaseName(config.sqlitePath);
                db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(config.busyTimeoutMs));
                ok = db.open();
                if (!ok)
                    *error = sqlErrorText(db.lastError());
            }
        } else {
            db.setHostName(config.host);
            db.setPort(config.port);
            db.setDatabaseName(config.database);
            db.setUserName(config.user);
            db.setPassword(config.password);
            // libpq options; Qt turns ';' into the spaces libpq expects. The keepalives and the
            // user timeout turn a silently vanished server into an error instead of a hang.
            QString options = QStringLiteral("connect_timeout=%1;application_name=fxmonitor;keepalives=1;"
                                             "keepalives_idle=10;keepalives_interval=5;keepalives_count=3;"
                                             "tcp_user_timeout=%2")
                                  .arg(config.connectTimeoutS)
                                  .arg(config.statementTimeoutMs);
            // DB_SSLMODE (STORAGE.md, "Encryption"): validated to libpq's names by the settings.
            if (!config.sslMode.isEmpty())
                options += QStringLiteral(";sslmode=") + config.sslMode;
            db.setConnectOptions(options);
            ok = db.open();
            if (!ok)
                *error = sqlErrorText(db.lastError());
        }
    }
    if (ok) {
        if (config.engine == Engine::Sqlite) {
            ok = exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(config.busyTimeoutMs), error)
                && exec(QStringLiteral("PRAGMA synchronous = NORMAL"), error);
            if (ok) {
                // WAL lets the reader connection read while the writer writes. It is a property of
                // the file: the first connection sets it, the others see it.
                QSqlQuery q(database());
                if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !q.next()) {
                    *error = QStringLiteral("cannot enable WAL: %1").arg(sqlErrorText(q.lastError()));
                    ok = false;
                } else if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0) {
                    *error = QStringLiteral("cannot enable WAL (journal mode stays %1)").arg(q.value(0).toString());
                    ok = false;
                }
            }
            if (ok && config.sqliteMaxPages > 0)
                ok = exec(QStringLiteral("PRAGMA max_page_count = %1").arg(config.sqliteMaxPages), error);
            if (ok && m_role == Role::Reader)
                ok = exec(QStringLiteral("PRAGMA query_only = 1"), error);
        } else {
            ok = exec(QStringLiteral("SET statement_timeout = %1").arg(config.statementTimeoutMs), error)
                && exec(QStringLiteral("SET client_min_messages = warning"), error);
        }
    }
    if (!ok) {
        close();
        return false;
    }
    return true;
}

bool SqlConnection::exec(const QString &sql, QString *error)
{
    QSqlQuery q(database());
    if (q.exec(sql))
        return true;
    *error = sqlErrorText(q.lastError());
    return false;
}

bool SqlConnection::begin(QString *error, bool readOnly)
{
    QString sql;
    if (m_engine == Engine::Sqlite)
        sql = readOnly ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    else
        sql = readOnly ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : QStringLiteral("BEGIN");
    if (!exec(sql, error))
        return false;
    m_inTransaction = true;
    return true;
}

bool SqlConnection::commit(QString *error)
{
    if (!exec(QStringLiteral("COMMIT"), error)) {
        rollback();
        return false;
    }
    m_inTransaction = false;
    return true;
}

void SqlConnection::rollback()
{
    if (!m_inTransaction || !isOpen())
        return;
    QString ignored;
    exec(QStringLiteral("ROLLBACK"), &ignored);
    m_inTransaction = false;
}

} // namespace fx::storage
