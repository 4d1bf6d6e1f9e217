#include "storage/sqlreader.h"

#include "storage/sqlconnection.h"
#include "storage/sqlfilters.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>
#include <functional>

namespace fx::storage {

namespace {

bool runQuery(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    return true;
}

// Runs body inside a read snapshot.
bool inSnapshot(SqlConnection &c, QString *error, const std::function<bool()> &body)
{
    if (!c.begin(error, true))
        return false;
    if (!body()) {
        c.rollback();
        return false;
    }
    return c.commit(error);
}

SqlWhere seriesWhere(const SeriesQuery &q, const QString &timeColumn)
{
    SqlWhere w;
    w.add(QStringLiteral("pair = ?"), {q.pair});
    if (q.fromMicros > 0)
        w.add(timeColumn + QStringLiteral(" >= ?"), {q.fromMicros});
    if (q.toMicros > 0)
        w.add(timeColumn + QStringLiteral(" < ?"), {q.toMicros});
    return w;
}

qint64 micros(const QVariant &v)
{
    return v.isNull() ? 0 : v.toLongLong();
}

} // namespace

QString SqlReader::alertSelect()
{
    return QStringLiteral("SELECT id, type, pair, pair_b, value, threshold, severity, message,"
                          " raised_at, received_at, acknowledged_at, acknowledged_by, payload, owner FROM alerts");
}

AlertRecord SqlReader::alertFromRow(const QSqlQuery &q)
{
    AlertRecord a;
    a.id = q.value(0).toLongLong();
    a.type = q.value(1).toString();
    a.pair = q.value(2).toString();
    a.pairB = q.value(3).toString();
    a.value = q.value(4).toDouble();
    if (!q.value(5).isNull())
        a.threshold = q.value(5).toDouble();
    a.severity = q.value(6).toString();
    a.message = q.value(7).toString();
    a.raisedAtMicros = micros(q.value(8));
    a.receivedAtMicros = micros(q.value(9));
    a.acknowledgedAtMicros = micros(q.value(10));
    a.acknowledgedBy = q.value(11).toString();
    a.payload = QJsonDocument::fromJson(q.value(12).toString().toUtf8()).object();
    a.owner = q.value(13).toString();
    return a;
}

bool SqlReader::alerts(SqlConnection &c, const AlertQuery &query, AlertPage *page, QString *error)
{
    *page = AlertPage{};
    page->offset = std::max(query.offset, 0);
    page->limit = std::clamp(query.limit, 1, kMaxAlertPage);
    const SqlWhere where = alertWhere(query.filter, c.engine());
    return inSnapshot(c, error, [&] {
        QSqlQuery count(c.database());
        if (!runQuery(count, QStringLiteral("SELECT COUNT(*) FROM alerts") + where.sql, where.values, error))
            return false;
        if (!count.next()) {
            *error = sqlErrorText(count.lastError());
            return false;
        }
        page->total = count.value(0).toLongLong();
        count.finish();

        QSqlQuery q(c.database());
        QVariantList values = where.values;
        values << page->limit << page->offset;
        const QString sql =
            alertSelect() + where.sql + QStringLiteral(" ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?");
        if (!runQuery(q, sql, values, error))
            return false;
        while (q.next()) {
            page->rows.append(alertFromRow(q));
        }
        if (q.lastError().isValid()) {
            *error = sqlErrorText(q.lastError());
            return false;
        }
        return true;
    });
}

bool SqlReader::ticks(SqlConnection &c, const SeriesQuery &query, QList<TickRecord> *rows, QString *error)
{
    rows->clear();
    const SqlWhere where = seriesWhere(query, QStringLiteral("quoted_at"));
    QVariantList values = where.values;
    values << std::clamp(query.limit, 1, kMaxSeriesRows);
    const QString sql = QStringLiteral("SELECT id, pair, bid_text, ask_text, mid_text, bid, ask, mid, quoted_at,"
                                       " received_at FROM (SELECT * FROM price_ticks")
        + where.sql + QStringLiteral(" ORDER BY quoted_at DESC, id DESC LIMIT ?) newest ORDER BY quoted_at, id");
    return inSnapshot(c, error, [&] {
        QSqlQuery q(c.database());
        if (!runQuery(q, sql, values, error))
            return false;
        while (q.next()) {
            TickRecord t;
            t.id = q.value(0).toLongLong();
            t.pair = q.value(1).toString();
            t.bidText = q.value(2).toString();
            t.askText = q.value(3).toString();
            t.midText = q.value(4).toString();
            t.bid = q.value(5).toDouble();
            t.ask = q.value(6).toDouble();
            t.mid = q.value(7).toDouble();
            t.quotedAtMicros = q.value(8).toLongLong();
            t.receivedAtMicros = q.value(9).toLongLong();
            rows->append(std::move(t));
        }
        return true;
    });
}

bool SqlReader::bars(SqlConnection &c, const SeriesQuery &query, QList<BarRecord> *rows, QString *error)
{
    rows->clear();
    const SqlWhere where = seriesWhere(query, QStringLiteral("minute_start"));
    QVariantList values = where.values;
    values << std::clamp(query.limit, 1, kMaxSeriesRows);
    const QString sql = QStringLiteral("SELECT pair, minute_start, open, high, low, close, tick_count FROM"
                                       " (SELECT * FROM price_bars_1m")
        + where.sql + QStringLiteral(" ORDER BY minute_start DESC LIMIT ?) newest ORDER BY minute_start");
    return inSnapshot(c, error, [&] {
        QSqlQuery q(c.database());
        if (!runQuery(q, sql, values, error))
            return false;
        while (q.next()) {
            BarRecord b;
            b.pair = q.value(0).toString();
            b.minuteMicros = q.value(1).toLongLong();
            b.open = q.value(2).toDouble();
            b.high = q.value(3).toDouble();
            b.low = q.value(4).toDouble();
            b.close = q.value(5).toDouble();
            b.tickCount = q.value(6).toLongLong();
            rows->append(b);
        }
        return true;
    });
}

bool SqlReader::connections(SqlConnection &c, const ConnectionQuery &query, QList<ConnectionRecord> *rows,
                            QString *error)
{
    rows->clear();
    SqlWhere where;
    if (!query.clientId.isEmpty())
        where.add(QStringLiteral("client_id = ?"), {query.clientId});
    if (!query.remoteAddress.isEmpty()) {
        // The host alone matches every port it connected from.
        where.add(QStringLiteral("(remote_address = ? OR remote_address LIKE ? ESCAPE '\\')"),
                  {query.remoteAddress, escapeLike(query.remoteAddress) + QStringLiteral(":%")});
    }
    QVariantList values = where.values;
    values << std::clamp(query.limit, 1, kMaxConnectionRows);
    const QString sql = QStringLiteral("SELECT client_id, remote_address, protocol, transport, connected_at,"
                                       " disconnected_at, rooms, messages_sent, bytes_sent, messages_received,"
                                       " disconnect_reason, client_user FROM client_connections")
        + where.sql + QStringLiteral(" ORDER BY connected_at DESC, client_id LIMIT ?");
    return inSnapshot(c, error, [&] {
        QSqlQuery q(c.database());
        if (!runQuery(q, sql, values, error))
            return false;
        while (q.next()) {
            ConnectionRecord r;
            r.id = q.value(0).toString();
            r.peer = q.value(1).toString();
            r.protocol = q.value(2).toString();
            r.transport = q.value(3).toString();
            r.connectedAtMicros = micros(q.value(4));
            r.disconnectedAtMicros = micros(q.value(5));
            const QJsonArray rooms = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
            for (const QJsonValue room : rooms)
                r.rooms << room.toString();
            r.messagesSent = quint64(q.value(7).toLongLong());
            r.bytesSent = quint64(q.value(8).toLongLong());
            r.messagesReceived = quint64(q.value(9).toLongLong());
            r.reason = q.value(10).toString();
            r.user = q.value(11).toString();
            rows->append(std::move(r));
        }
        return true;
    });
}

} // namespace fx::storage
