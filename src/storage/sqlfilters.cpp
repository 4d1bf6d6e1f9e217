#include "storage/sqlfilters.h"

#include "storage/schema.h"

namespace fx::storage {

void SqlWhere::add(const QString &condition, const QVariantList &conditionValues)
{
    sql += sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ");
    sql += condition;
    values += conditionValues;
}

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 4);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out += u'\\';
        out += c;
    }
    return out;
}

SqlWhere alertWhere(const AlertFilter &f, Engine engine)
{
    SqlWhere w;
    if (!f.type.isEmpty())
        w.add(QStringLiteral("type = ?"), {f.type});
    if (!f.severity.isEmpty())
        w.add(QStringLiteral("severity = ?"), {f.severity.toLower()});
    if (!f.pair.isEmpty())
        w.add(QStringLiteral("(pair = ? OR pair_b = ?)"), {f.pair, f.pair});
    if (!f.text.isEmpty()) {
        // Case-insensitive: SQLite's LIKE folds ASCII, PostgreSQL needs ILIKE.
        w.add(Schema::dialect(QStringLiteral("message {ilike} ? ESCAPE '\\'"), engine),
              {QStringLiteral("%") + escapeLike(f.text) + QStringLiteral("%")});
    }
    if (f.fromMicros > 0)
        w.add(QStringLiteral("raised_at >= ?"), {f.fromMicros});
    if (f.toMicros > 0)
        w.add(QStringLiteral("raised_at < ?"), {f.toMicros});
    switch (f.acknowledged) {
    case AckFilter::Any: break;
    case AckFilter::Acknowledged: w.add(QStringLiteral("acknowledged_at IS NOT NULL")); break;
    case AckFilter::Unacknowledged: w.add(QStringLiteral("acknowledged_at IS NULL")); break;
    }
    return w;
}

} // namespace fx::storage
