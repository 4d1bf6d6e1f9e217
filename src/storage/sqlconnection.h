#pragma once

// One QSqlDatabase connection with a unique name, opened for a StorageConfig.
//
// Thread contract: a connection is used only by the thread that opened it (Qt's rule for
// QSqlDatabase). Destroy every QSqlQuery made on it before close() or the destructor.

#include "storage/storageconfig.h"

#include <QSqlDatabase>
#include <QString>

class QSqlError;
class QSqlQuery;

namespace fx::storage {

// One line for logs and the status: the database's own message when there is one.
QString sqlErrorText(const QSqlError &error);

class SqlConnection
{
    Q_DISABLE_COPY_MOVE(SqlConnection)

public:
    enum class Role { Writer, Reader };

    explicit SqlConnection(Role role = Role::Writer);
    ~SqlConnection();

    // Opens (closing any previous connection first) and sets the session up: for SQLite WAL,
    // synchronous=NORMAL and the busy timeout; for PostgreSQL the statement timeout. The
    // SQLite file's folder is created when missing. False with *error.
    bool open(const StorageConfig &config, QString *error);
    void close();
    bool isOpen() const;

    Engine engine() const { return m_engine; }
    QSqlDatabase database() const;
    const QString &name() const { return m_name; }

    // Runs one statement that returns no rows; false with *error (prefixed by the statement's
    // first words when context is empty).
    bool exec(const QString &sql, QString *error);
    // Starts a write transaction (SQLite: BEGIN IMMEDIATE, so the write lock is taken up front
    // and waited for with the busy timeout), or a read snapshot when readOnly.
    bool begin(QString *error, bool readOnly = false);
    bool commit(QString *error);
    void rollback();

private:
    Role m_role;
    QString m_name;
    Engine m_engine = Engine::None;
    bool m_inTransaction = false;
};

} // namespace fx::storage
