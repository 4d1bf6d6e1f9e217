#include "storage/sqlwriter.h"

#include "core/timeutil.h"
#include "storage/baraggregator.h"
#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/sqlfilters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QVariant>
#include <algorithm>

namespace fx::storage {

namespace {

constexpr int kTickParams = 9; // bound values per tick row
constexpr int kAckIdChunk = 500;

const QString kTickInsertHead = QStringLiteral(
    "INSERT INTO price_ticks (pair, bid_text, ask_text, mid_text, bid, ask, mid, quoted_at, received_at) VALUES ");
const QString kTickRow = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?)");

QVariant nullableDouble(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant(QMetaType::fromType<double>());
}

QVariant nullableMicros(qint64 v)
{
    return v > 0 ? QVariant(v) : QVariant(QMetaType::fromType<qint64>());
}

QVariant nullableText(const QString &s)
{
    return s.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(s);
}

void bindTick(QSqlQuery &q, int base, const TickRecord &t)
{
    q.bindValue(base + 0, t.pair);
    q.bindValue(base + 1, t.bidText);
    q.bindValue(base + 2, t.askText);
    q.bindValue(base + 3, t.midText);
    q.bindValue(base + 4, t.bid);
    q.bindValue(base + 5, t.ask);
    q.bindValue(base + 6, t.mid);
    q.bindValue(base + 7, t.quotedAtMicros);
    q.bindValue(base + 8, t.receivedAtMicros);
}

} // namespace

SqlWriter::SqlWriter(SqlConnection &connection)
    : m_connection(connection)
    // SQLite runs a prepared one-row statement at about the speed of a multi-row one; for
    // PostgreSQL every statement is a round trip, so rows go 100 to a statement.
    , m_tickChunk(connection.engine() == Engine::Postgres ? 100 : 32)
{
}

SqlWriter::~SqlWriter() = default;

bool SqlWriter::prepare(std::unique_ptr<QSqlQuery> &query, const QString &sql, QString *error)
{
    if (query)
        return true;
    auto q = std::make_unique<QSqlQuery>(m_connection.database());
    if (!q->prepare(sql)) {
        *error = sqlErrorText(q->lastError());
        return false;
    }
    query = std::move(q);
    return true;
}

bool SqlWriter::run(QSqlQuery &query, QString *error)
{
    if (query.exec())
        return true;
    *error = sqlErrorText(query.lastError());
    m_refusedData = isDataError(query.lastError());
    return false;
}

bool SqlWriter::isDataError(const QSqlError &error)
{
    // By code only: Qt's SQLite driver reports every failed step as a ConnectionError.
    const QString code = error.nativeErrorCode();
    if (code.size() == 5) // PostgreSQL's SQLSTATE: classes 22 (data exception), 23 (integrity constraint)
        return code.startsWith(u"22") || code.startsWith(u"23");
    bool numeric = false;
    const int sqlite = code.toInt(&numeric); // SQLite's result code
    if (!numeric)
        return false;
    switch (sqlite & 0xff) { // primary result code (extended codes keep it in the low byte)
    case 18: // SQLITE_TOOBIG
    case 19: // SQLITE_CONSTRAINT
    case 20: // SQLITE_MISMATCH
    case 25: // SQLITE_RANGE
        return true;
    default: return false;
    }
}

bool SqlWriter::write(const PendingBatch &batch, CommitInfo *info, QList<AckResult> *acks, QString *error)
{
    const qint64 start = core::monotonicNanos();
    *info = CommitInfo{};
    acks->clear();
    m_refusedData = false;
    if (!m_connection.begin(error))
        return false;
    bool ok = insertTicks(batch.ticks, error) && upsertBars(batch.ticks, &info->bars, error)
        && insertAlerts(batch.alerts, info, error) && writeRuleOps(batch.ruleOps, error)
        && upsertConnections(batch.connections, error);
    for (qsizetype i = 0; ok && i < batch.acks.size(); ++i) {
        AckResult r{batch.acks.at(i).requestId, 0};
        ok = acknowledge(batch.acks.at(i), &r.count, error);
        acks->append(r);
    }
    if (!ok) {
        m_connection.rollback();
        acks->clear();
        return false;
    }
    if (!m_connection.commit(error)) {
        acks->clear();
        return false;
    }
    info->ticks = int(batch.ticks.size());
    info->alerts = int(batch.alerts.size());
    info->connections = int(batch.connections.size());
    info->acknowledgements = int(batch.acks.size());
    info->durationMicros = (core::monotonicNanos() - start) / 1000;
    info->committedAtMicros = core::nowMicros();
    return true;
}

bool SqlWriter::insertTicks(const QList<TickRecord> &ticks, QString *error)
{
    if (ticks.isEmpty())
        return true;
    qsizetype i = 0;
    if (ticks.size() >= m_tickChunk) {
        QStringList rows;
        for (int r = 0; r < m_tickChunk; ++r)
            rows << kTickRow;
        if (!prepare(m_tickChunkInsert, kTickInsertHead + rows.join(QStringLiteral(", ")), error))
            return false;
        for (; i + m_tickChunk <= ticks.size(); i += m_tickChunk) {
            for (int r = 0; r < m_tickChunk; ++r)
                bindTick(*m_tickChunkInsert, r * kTickParams, ticks.at(i + r));
            if (!run(*m_tickChunkInsert, error))
                return false;
        }
    }
    if (i < ticks.size() && !prepare(m_tickInsert, kTickInsertHead + kTickRow, error))
        return false;
    for (; i < ticks.size(); ++i) {
        bindTick(*m_tickInsert, 0, ticks.at(i));
        if (!run(*m_tickInsert, error))
            return false;
    }
    return true;
}

bool SqlWriter::upsertBars(const QList<TickRecord> &ticks, int *count, QString *error)
{
    *count = 0;
    if (ticks.isEmpty())
        return true;
    // The same merge rule as BarAggregator::merge(), in SQL.
    const QString sql = Schema::dialect(
        QStringLiteral("INSERT INTO price_bars_1m"
                       " (pair, minute_start, open, high, low, close, tick_count, open_time, close_time)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (pair, minute_start) DO UPDATE SET"
                       " open = CASE WHEN excluded.open_time < price_bars_1m.open_time"
                       "  THEN excluded.open ELSE price_bars_1m.open END,"
                       " open_time = {least}(price_bars_1m.open_time, excluded.open_time),"
                       " high = {greatest}(price_bars_1m.high, excluded.high),"
                       " low = {least}(price_bars_1m.low, excluded.low),"
                       " close = CASE WHEN excluded.close_time >= price_bars_1m.close_time"
                       "  THEN excluded.close ELSE price_bars_1m.close END,"
                       " close_time = {greatest}(price_bars_1m.close_time, excluded.close_time),"
                       " tick_count = price_bars_1m.tick_count + excluded.tick_count"),
        m_connection.engine());
    if (!prepare(m_barUpsert, sql, error))
        return false;
    const QList<BarDelta> bars = BarAggregator::aggregate(ticks);
    for (const BarDelta &b : bars) {
        QSqlQuery &q = *m_barUpsert;
        q.bindValue(0, b.pair);
        q.bindValue(1, b.minuteMicros);
        q.bindValue(2, b.open);
        q.bindValue(3, b.high);
        q.bindValue(4, b.low);
        q.bindValue(5, b.close);
        q.bindValue(6, b.tickCount);
        q.bindValue(7, b.openTimeMicros);
        q.bindValue(8, b.closeTimeMicros);
        if (!run(q, error))
            return false;
    }
    *count = int(bars.size());
    return true;
}

bool SqlWriter::insertAlerts(const QList<AlertRecord> &alerts, CommitInfo *info, QString *error)
{
    if (alerts.isEmpty())
        return true;
    // SQLite: one prepared row at a time, the id from lastInsertId(). PostgreSQL: rows go
    // kAlertChunk to a statement (one round trip) and RETURNING gives their ids.
    const bool pg = m_connection.engine() == Engine::Postgres;
    const int chunk = pg ? 50 : 1;
    const QString head = QStringLiteral("INSERT INTO alerts (type, pair, pair_b, value, threshold, severity, message,"
                                        " raised_at, received_at, payload, owner) VALUES ");
    const QString row = QStringLiteral("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    auto note = [info](qint64 id) {
        info->firstAlertId = info->firstAlertId == 0 ? id : std::min(info->firstAlertId, id);
        info->lastAlertId = std::max(info->lastAlertId, id);
    };
    for (qsizetype i = 0; i < alerts.size(); i += chunk) {
        const int n = int(std::min<qsizetype>(chunk, alerts.size() - i));
        const bool tail = n != chunk;
        std::unique_ptr<QSqlQuery> &q = tail ? m_alertInsertTail : m_alertInsert;
        if (tail && m_alertTailRows != n) {
            q.reset();
            m_alertTailRows = n;
        }
        QStringList rows;
        for (int r = 0; r < n; ++r)
            rows << row;
        if (!prepare(q, head + rows.join(QStringLiteral(", ")) + (pg ? QStringLiteral(" RETURNING id") : QString()),
                     error))
            return false;
        for (int r = 0; r < n; ++r) {
            const AlertRecord &a = alerts.at(i + r);
            const int base = r * 11;
            q->bindValue(base + 0, a.type);
            q->bindValue(base + 1, a.pair);
            q->bindValue(base + 2, nullableText(a.pairB));
            q->bindValue(base + 3, a.value);
            q->bindValue(base + 4, nullableDouble(a.threshold));
            q->bindValue(base + 5, a.severity);
            q->bindValue(base + 6, a.message);
            q->bindValue(base + 7, a.raisedAtMicros);
            q->bindValue(base + 8, a.receivedAtMicros);
            q->bindValue(base + 9, QString::fromUtf8(QJsonDocument(a.payload).toJson(QJsonDocument::Compact)));
            q->bindValue(base + 10, nullableText(a.owner));
        }
        if (!run(*q, error))
            return false;
        if (pg) {
            int returned = 0;
            while (q->next()) {
                note(q->value(0).toLongLong());
                ++returned;
            }
            if (returned != n) {
                *error = QStringLiteral("INSERT INTO alerts returned %1 ids for %2 rows").arg(returned).arg(n);
                return false;
            }
        } else {
            note(q->lastInsertId().toLongLong());
        }
    }
    return true;
}

bool SqlWriter::upsertConnections(const QList<ConnectionRecord> &records, QString *error)
{
    if (records.isEmpty())
        return true;
    const QString sql = QStringLiteral(
        "INSERT INTO client_connections (client_id, remote_address, protocol, transport, connected_at,"
        " disconnected_at, rooms, messages_sent, bytes_sent, messages_received, disconnect_reason, updated_at,"
        " client_user)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (client_id) DO UPDATE SET"
        " remote_address = excluded.remote_address,"
        " protocol = excluded.protocol,"
        " transport = excluded.transport,"
        " connected_at = CASE WHEN excluded.connected_at > 0 THEN excluded.connected_at"
        "  ELSE client_connections.connected_at END,"
        " disconnected_at = excluded.disconnected_at,"
        " rooms = excluded.rooms,"
        " messages_sent = excluded.messages_sent,"
        " bytes_sent = excluded.bytes_sent,"
        " messages_received = excluded.messages_received,"
        " disconnect_reason = excluded.disconnect_reason,"
        " updated_at = excluded.updated_at,"
        " client_user = excluded.client_user");
    if (!prepare(m_connectionUpsert, sql, error))
        return false;
    QSqlQuery &q = *m_connectionUpsert;
    const qint64 now = core::nowMicros();
    for (const ConnectionRecord &c : records) {
        q.bindValue(0, c.id);
        q.bindValue(1, c.peer);
        q.bindValue(2, c.protocol);
        q.bindValue(3, c.transport);
        q.bindValue(4, c.connectedAtMicros);
        q.bindValue(5, nullableMicros(c.disconnectedAtMicros));
        q.bindValue(
            6, QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(c.rooms)).toJson(QJsonDocument::Compact)));
        q.bindValue(7, qint64(c.messagesSent));
        q.bindValue(8, qint64(c.bytesSent));
        q.bindValue(9, qint64(c.messagesReceived));
        q.bindValue(10, nullableText(c.reason));
        q.bindValue(11, now);
        q.bindValue(12, nullableText(c.user));
        if (!run(q, error))
            return false;
    }
    return true;
}

bool SqlWriter::acknowledge(const AckOp &op, qint64 *count, QString *error)
{
    *count = 0;
    const QString head = QStringLiteral("UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ?"
                                        " WHERE acknowledged_at IS NULL AND ");
    if (op.filter) {
        const SqlWhere where = alertWhere(*op.filter, m_connection.engine());
        // alertWhere() starts with " WHERE "; here it continues ours.
        const QString condition = where.sql.isEmpty() ? QStringLiteral("1 = 1") : where.sql.mid(7);
        QSqlQuery q(m_connection.database());
        if (!q.prepare(head + condition)) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
        q.addBindValue(op.atMicros);
        q.addBindValue(op.by);
        for (const QVariant &v : where.values)
            q.addBindValue(v);
        if (!run(q, error))
            return false;
        *count = q.numRowsAffected();
        return true;
    }
    for (qsizetype i = 0; i < op.ids.size(); i += kAckIdChunk) {
        const QList<qint64> chunk = op.ids.mid(i, kAckIdChunk);
        QStringList marks;
        for (qsizetype k = 0; k < chunk.size(); ++k)
            marks << QStringLiteral("?");
        QSqlQuery q(m_connection.database());
        if (!q.prepare(head + QStringLiteral("id IN (%1)").arg(marks.join(QStringLiteral(", "))))) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
        q.addBindValue(op.atMicros);
        q.addBindValue(op.by);
        for (qint64 id : chunk)
            q.addBindValue(id);
        if (!run(q, error))
            return false;
        *count += q.numRowsAffected();
    }
    return true;
}

bool SqlWriter::prune(qint64 tickCutoff, qint64 barCutoff, qint64 connectionCutoff, int chunkRows, PruneInfo *deleted,
                      bool *more, QString *error)
{
    *deleted = PruneInfo{};
    *more = false;
    struct Step
    {
        QString sql;
        qint64 cutoff;
        qint64 *count;
    };
    const Step steps[] = {
        {QStringLiteral("DELETE FROM price_ticks WHERE id IN"
                        " (SELECT id FROM price_ticks WHERE quoted_at < ? ORDER BY quoted_at LIMIT ?)"),
         tickCutoff, &deleted->ticks},
        {QStringLiteral("DELETE FROM price_bars_1m WHERE (pair, minute_start) IN"
                        " (SELECT pair, minute_start FROM price_bars_1m WHERE minute_start < ? LIMIT ?)"),
         barCutoff, &deleted->bars},
        {QStringLiteral("DELETE FROM client_connections WHERE client_id IN"
                        " (SELECT client_id FROM client_connections"
                        "  WHERE disconnected_at IS NOT NULL AND disconnected_at < ? LIMIT ?)"),
         connectionCutoff, &deleted->connections},
    };
    if (!m_connection.begin(error))
        return false;
    for (const Step &s : steps) {
        QSqlQuery q(m_connection.database());
        if (!q.prepare(s.sql)) {
            *error = sqlErrorText(q.lastError());
            m_connection.rollback();
            return false;
        }
        q.addBindValue(s.cutoff);
        q.addBindValue(chunkRows);
        if (!run(q, error)) {
            q.finish();
            m_connection.rollback();
            return false;
        }
        *s.count = q.numRowsAffected();
        if (*s.count >= chunkRows)
            *more = true;
    }
    return m_connection.commit(error);
}

} // namespace fx::storage
