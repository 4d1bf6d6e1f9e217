// SqlReader::alertHistory: the keyset-paged alert history of the streaming protocol
// (PROTOCOL.md, get_alert_history). Newest first by (raised_at, id); one row more than the page
// is read to know whether older rows match.

#include "storage/sqlconnection.h"
#include "storage/sqlfilters.h"
#include "storage/sqlreader.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>
#include <algorithm>

namespace fx::storage {

namespace {

// "(?, ?, ?)" with the values appended to *values.
QString inList(const QStringList &items, QVariantList *values)
{
    QString sql = QStringLiteral("(");
    for (qsizetype i = 0; i < items.size(); ++i) {
        sql += i ? QStringLiteral(", ?") : QStringLiteral("?");
        values->append(items.at(i));
    }
    return sql + u')';
}

SqlWhere historyWhere(const AlertHistoryQuery &q)
{
    SqlWhere w;
    if (q.sinceMicros > 0)
        w.add(QStringLiteral("raised_at >= ?"), {q.sinceMicros});
    if (q.untilMicros > 0)
        w.add(QStringLiteral("raised_at <= ?"), {q.untilMicros});
    QVariantList values;
    if (!q.types.isEmpty()) {
        const QString list = inList(q.types, &values);
        w.add(QStringLiteral("type IN ") + list, values);
        values.clear();
    }
    if (!q.severities.isEmpty()) {
        const QString list = inList(q.severities, &values);
        w.add(QStringLiteral("severity IN ") + list, values);
        values.clear();
    }
    if (!q.pairs.isEmpty()) {
        const QString a = inList(q.pairs, &values);
        const QString b = inList(q.pairs, &values);
        w.add(QStringLiteral("(pair IN %1 OR pair_b IN %2)").arg(a, b), values);
        values.clear();
    }
    if (q.restricted) {
        if (q.permittedPairs.isEmpty()) {
            w.add(QStringLiteral("1 = 0"));
        } else {
            // Both pairs of a correlation alert must be permitted (SECURITY.md, "Pair permissions").
            const QString a = inList(q.permittedPairs, &values);
            const QString b = inList(q.permittedPairs, &values);
            w.add(QStringLiteral("pair IN %1 AND (pair_b IS NULL OR pair_b = '' OR pair_b IN %2)").arg(a, b), values);
            values.clear();
        }
    }
    if (q.ownerFiltered) {
        if (q.owner.isEmpty())
            w.add(QStringLiteral("owner IS NULL"));
        else
            w.add(QStringLiteral("(owner IS NULL OR owner = ?)"), {q.owner});
    }
    if (q.hasCursor)
        w.add(QStringLiteral("(raised_at < ? OR (raised_at = ? AND id < ?))"),
              {q.beforeRaisedAt, q.beforeRaisedAt, q.beforeId});
    return w;
}

} // namespace

bool SqlReader::alertHistory(SqlConnection &c, const AlertHistoryQuery &query, AlertPage *page, QString *error)
{
    *page = AlertPage{};
    page->limit = std::clamp(query.limit, 1, kMaxAlertPage);
    page->total = -1;
    const SqlWhere where = historyWhere(query);
    QVariantList values = where.values;
    values << page->limit + 1;
    const QString sql = alertSelect() + where.sql + QStringLiteral(" ORDER BY raised_at DESC, id DESC LIMIT ?");
    QSqlQuery q(c.database());
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    while (q.next()) {
        if (page->rows.size() == page->limit) {
            page->more = true;
            break;
        }
        page->rows.append(alertFromRow(q));
    }
    if (q.lastError().isValid()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    return true;
}

} // namespace fx::storage
