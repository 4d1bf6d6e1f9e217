#include "storage/storagereader.h"

#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/sqlreader.h"

namespace fx::storage {

StorageReader::StorageReader(StorageConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connection(std::make_unique<SqlConnection>(SqlConnection::Role::Reader))
{
    qRegisterMetaType<fx::storage::AlertPage>();
    qRegisterMetaType<QList<fx::storage::TickRecord>>();
    qRegisterMetaType<QList<fx::storage::BarRecord>>();
    qRegisterMetaType<QList<fx::storage::ConnectionRecord>>();
    qRegisterMetaType<fx::storage::UserRules>();
    qRegisterMetaType<QList<fx::storage::StoredRule>>();
}

StorageReader::~StorageReader() = default;

// run(id, &error) executes on the reader thread and returns false with *error on failure.
template <typename Run>
quint64 StorageReader::submit(Run &&run)
{
    const quint64 id = ++m_nextId;
    if (m_pending.fetch_add(1) >= kMaxPendingRequests) {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                --m_pending;
                Q_EMIT queryFailed(id, QStringLiteral("too many queries waiting (%1)").arg(kMaxPendingRequests));
            },
            Qt::QueuedConnection);
        return id;
    }
    QMetaObject::invokeMethod(
        this,
        [this, id, run = std::forward<Run>(run)] {
            --m_pending;
            QString error;
            if (m_stopped) {
                Q_EMIT queryFailed(id, QStringLiteral("the storage is stopping"));
                return;
            }
            if (!ensureOpen(&error)) {
                Q_EMIT queryFailed(id, error);
                return;
            }
            if (!run(id, &error)) {
                // Reopen on the next request: the server may have restarted.
                m_connection->close();
                Q_EMIT queryFailed(id, error);
            }
        },
        Qt::QueuedConnection);
    return id;
}

bool StorageReader::ensureOpen(QString *error)
{
    if (m_connection->isOpen())
        return true;
    if (!m_connection->open(m_config, error))
        return false;
    const int version = Schema::version(*m_connection, error);
    QString why;
    if (version < 0)
        why = QStringLiteral("cannot read the schema version: %1").arg(*error);
    else if (version == 0)
        why = QStringLiteral("the database has no FX Monitor schema yet");
    else if (version > Schema::kLatestVersion)
        why = QStringLiteral("the database schema is version %1, newer than the version %2 this FX Monitor knows")
                  .arg(version)
                  .arg(Schema::kLatestVersion);
    else if (version < Schema::kLatestVersion)
        why = QStringLiteral("the database schema is version %1, not migrated to %2 yet")
                  .arg(version)
                  .arg(Schema::kLatestVersion);
    if (why.isEmpty())
        return true;
    m_connection->close();
    *error = why;
    return false;
}

quint64 StorageReader::requestAlerts(const AlertQuery &query)
{
    return submit([this, query](quint64 id, QString *error) {
        AlertPage page;
        if (!SqlReader::alerts(*m_connection, query, &page, error))
            return false;
        Q_EMIT alertsReady(id, page);
        return true;
    });
}

quint64 StorageReader::requestAlertHistory(const AlertHistoryQuery &query)
{
    return submit([this, query](quint64 id, QString *error) {
        AlertPage page;
        if (!SqlReader::alertHistory(*m_connection, query, &page, error))
            return false;
        Q_EMIT alertHistoryReady(id, page);
        return true;
    });
}

quint64 StorageReader::requestTicks(const SeriesQuery &query)
{
    return submit([this, query](quint64 id, QString *error) {
        QList<TickRecord> rows;
        if (!SqlReader::ticks(*m_connection, query, &rows, error))
            return false;
        Q_EMIT ticksReady(id, rows);
        return true;
    });
}

quint64 StorageReader::requestBars(const SeriesQuery &query)
{
    return submit([this, query](quint64 id, QString *error) {
        QList<BarRecord> rows;
        if (!SqlReader::bars(*m_connection, query, &rows, error))
            return false;
        Q_EMIT barsReady(id, rows);
        return true;
    });
}

quint64 StorageReader::requestConnections(const ConnectionQuery &query)
{
    return submit([this, query](quint64 id, QString *error) {
        QList<ConnectionRecord> rows;
        if (!SqlReader::connections(*m_connection, query, &rows, error))
            return false;
        Q_EMIT connectionsReady(id, rows);
        return true;
    });
}

quint64 StorageReader::requestUserRules(const QString &owner, int maxRules)
{
    return submit([this, owner, maxRules](quint64 id, QString *error) {
        UserRules rules;
        if (!SqlReader::userRules(*m_connection, owner, maxRules, &rules, error))
            return false;
        Q_EMIT userRulesReady(id, rules);
        return true;
    });
}

quint64 StorageReader::requestStoredRules(int maxRules)
{
    return submit([this, maxRules](quint64 id, QString *error) {
        QList<StoredRule> rules;
        if (!SqlReader::storedRules(*m_connection, maxRules, &rules, error))
            return false;
        Q_EMIT storedRulesReady(id, rules);
        return true;
    });
}

void StorageReader::stop()
{
    m_stopped = true;
    m_connection->close();
}

} // namespace fx::storage
