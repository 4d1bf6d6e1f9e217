#include "engine/storagealerthistory.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "storage/storagelog.h"
#include "storage/storagereader.h"

namespace fx::engine {

using server::AlertHistoryResult;

StorageAlertHistory::StorageAlertHistory(storage::StorageReader *reader, storage::Engine engine)
    : m_reader(engine == storage::Engine::None ? nullptr : reader)
    , m_engine(engine)
{
    if (!m_reader)
        return;
    // Direct: run on the reader thread, where the signals are emitted.
    m_ready = QObject::connect(
        m_reader, &storage::StorageReader::alertHistoryReady, m_reader,
        [this](quint64 id, const storage::AlertPage &page) {
            AlertHistoryResult r;
            for (const storage::AlertRecord &a : page.rows)
                r.alerts.append(row(a));
            r.more = page.more;
            if (!page.rows.isEmpty()) {
                r.lastRaisedAt = page.rows.constLast().raisedAtMicros;
                r.lastId = page.rows.constLast().id;
            }
            answer(id, std::move(r));
        },
        Qt::DirectConnection);
    m_failed = QObject::connect(
        m_reader, &storage::StorageReader::queryFailed, m_reader,
        [this](quint64 id, const QString &error) {
            AlertHistoryResult r;
            r.status = AlertHistoryResult::Status::Failed;
            // Clients get a plain reason; the database's own words (which may name its host)
            // go to the log only.
            r.reason = QStringLiteral("the database cannot be read now; try again later");
            static core::logging::RateLimiter limiter(3, 10000);
            qint64 suppressed = 0;
            if (limiter.allow(QStringLiteral("alert_history"), &suppressed))
                qCWarning(fxStorageLog).noquote() << "get_alert_history: the database read failed:" << error;
            answer(id, std::move(r));
        },
        Qt::DirectConnection);
}

StorageAlertHistory::~StorageAlertHistory()
{
    detach();
}

void StorageAlertHistory::detach()
{
    QHash<quint64, Done> pending;
    {
        QMutexLocker lock(&m_mutex);
        QObject::disconnect(m_ready);
        QObject::disconnect(m_failed);
        m_reader = nullptr;
        pending.swap(m_pending);
    }
    for (const Done &done : std::as_const(pending)) {
        AlertHistoryResult r;
        r.status = AlertHistoryResult::Status::Failed;
        r.reason = QStringLiteral("the database is closing");
        done(std::move(r));
    }
}

void StorageAlertHistory::fetch(const server::AlertHistoryQuery &query, std::function<void(AlertHistoryResult)> done)
{
    QMutexLocker lock(&m_mutex);
    if (!m_reader) {
        lock.unlock();
        AlertHistoryResult r;
        r.status = m_engine == storage::Engine::None ? AlertHistoryResult::Status::Disabled
                                                     : AlertHistoryResult::Status::Failed;
        r.reason = m_engine == storage::Engine::None ? QStringLiteral("this server keeps no database")
                                                     : QStringLiteral("the database is closing");
        done(std::move(r));
        return;
    }
    storage::AlertHistoryQuery q;
    q.sinceMicros = query.sinceMicros;
    q.untilMicros = query.untilMicros;
    q.types = query.types;
    q.severities = query.severities;
    q.pairs = query.pairs;
    q.restricted = query.restricted;
    q.permittedPairs = query.permittedPairs;
    q.ownerFiltered = query.ownerFiltered;
    q.owner = query.owner;
    q.hasCursor = query.hasCursor;
    q.beforeRaisedAt = query.beforeRaisedAt;
    q.beforeId = query.beforeId;
    q.limit = query.limit;
    // The answer cannot overtake the insertion: its handler takes the same lock.
    m_pending.insert(m_reader->requestAlertHistory(q), std::move(done));
}

void StorageAlertHistory::answer(quint64 id, AlertHistoryResult result)
{
    Done done;
    {
        QMutexLocker lock(&m_mutex);
        done = m_pending.take(id);
    }
    if (done) // not ours (another reader client's query) when absent
        done(std::move(result));
}

QJsonObject StorageAlertHistory::row(const storage::AlertRecord &a)
{
    QJsonObject o{
        {QStringLiteral("id"), a.id},
        {QStringLiteral("type"), a.type},
        // "price_alert" is its own event's name; the pipeline's types are "<type>_alert".
        {QStringLiteral("event"),
         a.type.endsWith(QStringLiteral("_alert")) ? a.type : a.type + QStringLiteral("_alert")},
        {QStringLiteral("pair"), a.pair},
        {QStringLiteral("severity"), a.severity},
        {QStringLiteral("message"), a.message},
        {QStringLiteral("value"), a.value},
        {QStringLiteral("threshold"), a.threshold ? QJsonValue(*a.threshold) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("raised_at"), core::isoTimestamp(a.raisedAtMicros)},
        {QStringLiteral("received_at"), core::isoTimestamp(a.receivedAtMicros)},
        {QStringLiteral("acknowledged_at"),
         a.acknowledgedAtMicros ? QJsonValue(core::isoTimestamp(a.acknowledgedAtMicros))
                                : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("data"), a.payload},
    };
    if (!a.pairB.isEmpty())
        o.insert(QStringLiteral("pair_b"), a.pairB);
    // A fired alert rule's owner (PROTOCOL.md, "Alert rules"); pipeline alerts have none.
    if (!a.owner.isEmpty())
        o.insert(QStringLiteral("owner"), a.owner);
    return o;
}

} // namespace fx::engine
