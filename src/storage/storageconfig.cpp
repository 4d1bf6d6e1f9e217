#include "storage/storageconfig.h"

#include "core/settings.h"

#include <QDir>
#include <QStandardPaths>

namespace fx::storage {

QString engineName(Engine engine)
{
    switch (engine) {
    case Engine::None: return QStringLiteral("none");
    case Engine::Sqlite: return QStringLiteral("sqlite");
    case Engine::Postgres: return QStringLiteral("postgresql");
    }
    return QStringLiteral("none");
}

StorageConfig StorageConfig::fromSettings(const core::Settings &settings)
{
    StorageConfig c;
    if (!settings.dbHost.isEmpty()) {
        c = postgres(settings.dbHost, settings.dbPort, settings.dbName, settings.dbUser, settings.dbPassword);
        c.sslMode = settings.dbSslMode; // not used by SQLite (CONFIGURATION.md)
    } else {
        c = sqlite(settings.dbPath.isEmpty() ? defaultSqlitePath() : settings.dbPath);
        if (c.sqlitePath.isEmpty())
            c.engine = Engine::None;
    }
    c.tickRetentionDays = settings.tickRetentionDays;
    c.barRetentionDays = settings.barRetentionDays;
    c.stopFlushMs = settings.dbShutdownFlushSeconds * 1000;
    return c;
}

StorageConfig StorageConfig::sqlite(const QString &path)
{
    StorageConfig c;
    c.engine = Engine::Sqlite;
    c.sqlitePath = path;
    return c;
}

StorageConfig StorageConfig::postgres(const QString &host, quint16 port, const QString &database, const QString &user,
                                      const QString &password)
{
    StorageConfig c;
    c.engine = Engine::Postgres;
    c.host = host;
    c.port = port;
    c.database = database;
    c.user = user;
    c.password = password;
    return c;
}

QString StorageConfig::defaultSqlitePath()
{
    // One database for every FX Monitor program (the headless server and the desktop app share
    // history): <generic data>/FXMonitor/fxmonitor.sqlite, e.g. ~/.local/share/FXMonitor/.
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        return {};
    return QDir(dir).filePath(QStringLiteral("FXMonitor/fxmonitor.sqlite"));
}

bool StorageConfig::isConfigured() const
{
    switch (engine) {
    case Engine::None: return false;
    case Engine::Sqlite: return !sqlitePath.isEmpty();
    case Engine::Postgres: return !host.isEmpty() && !database.isEmpty();
    }
    return false;
}

QString StorageConfig::location() const
{
    switch (engine) {
    case Engine::None: return {};
    case Engine::Sqlite: return sqlitePath;
    case Engine::Postgres: return QStringLiteral("%1:%2/%3").arg(host).arg(port).arg(database);
    }
    return {};
}

} // namespace fx::storage
