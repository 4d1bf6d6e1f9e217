// The alert rules and subscriptions of identified users (PROTOCOL.md, "Alert rules": rules that
// follow the user): SqlWriter::writeRuleOps applies the writes of a batch in order, inside the
// batch's transaction; SqlReader::userRules reads one user's back in one snapshot. The same
// statements serve SQLite and PostgreSQL (both know INSERT ... ON CONFLICT ... DO UPDATE).

#include "storage/sqlconnection.h"
#include "storage/sqlreader.h"
#include "storage/sqlwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace fx::storage {

bool SqlWriter::writeRuleOps(const QList<RuleOp> &ops, QString *error)
{
    if (ops.isEmpty())
        return true;
    QSqlQuery upsert(m_connection.database());
    QSqlQuery update(m_connection.database());
    QSqlQuery remove(m_connection.database());
    QSqlQuery subscriptions(m_connection.database());
    bool prepared = false;
    auto prepareAll = [&] {
        const bool ok =
            upsert.prepare(QStringLiteral(
                "INSERT INTO user_alert_rules (id, owner, pair, rule, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET owner = excluded.owner, pair = excluded.pair, rule = excluded.rule,"
                " updated_at = excluded.updated_at"))
            && update.prepare(QStringLiteral("UPDATE user_alert_rules SET rule = ?, updated_at = ? WHERE id = ?"))
            && remove.prepare(QStringLiteral("DELETE FROM user_alert_rules WHERE id = ?"))
            && subscriptions.prepare(QStringLiteral(
                "INSERT INTO user_subscriptions (owner, pairs, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (owner) DO UPDATE SET pairs = excluded.pairs, updated_at = excluded.updated_at"));
        if (!ok)
            for (QSqlQuery *q : {&upsert, &update, &remove, &subscriptions})
                if (q->lastError().isValid()) {
                    *error = sqlErrorText(q->lastError());
                    break;
                }
        return ok;
    };
    for (const RuleOp &op : ops) {
        if (!prepared && !(prepared = prepareAll()))
            return false;
        const QString json = QString::fromUtf8(op.json);
        QSqlQuery *q = nullptr;
        switch (op.kind) {
        case RuleOp::Kind::UpsertRule:
            q = &upsert;
            q->bindValue(0, op.id);
            q->bindValue(1, op.owner);
            q->bindValue(2, op.pair);
            q->bindValue(3, json);
            q->bindValue(4, op.createdAtMicros);
            q->bindValue(5, op.atMicros);
            break;
        case RuleOp::Kind::UpdateRule: // a deleted rule stays deleted: no row, nothing updated
            q = &update;
            q->bindValue(0, json);
            q->bindValue(1, op.atMicros);
            q->bindValue(2, op.id);
            break;
        case RuleOp::Kind::DeleteRule:
            q = &remove;
            q->bindValue(0, op.id);
            break;
        case RuleOp::Kind::Subscriptions:
            q = &subscriptions;
            q->bindValue(0, op.owner);
            q->bindValue(1, json);
            q->bindValue(2, op.atMicros);
            break;
        }
        if (!run(*q, error))
            return false;
    }
    return true;
}

bool SqlReader::userRules(SqlConnection &c, const QString &owner, int maxRules, UserRules *out, QString *error)
{
    *out = UserRules{};
    if (!c.begin(error, true))
        return false;
    auto failed = [&](const QSqlQuery &q) {
        *error = sqlErrorText(q.lastError());
        c.rollback();
        return false;
    };
    QSqlQuery rules(c.database());
    rules.setForwardOnly(true);
    if (!rules.prepare(QStringLiteral("SELECT rule FROM user_alert_rules WHERE owner = ? ORDER BY created_at, id"
                                      " LIMIT ?")))
        return failed(rules);
    rules.addBindValue(owner);
    rules.addBindValue(maxRules);
    if (!rules.exec())
        return failed(rules);
    while (rules.next())
        out->rules.append(rules.value(0).toString().toUtf8());
    QSqlQuery subs(c.database());
    subs.setForwardOnly(true);
    if (!subs.prepare(QStringLiteral("SELECT pairs FROM user_subscriptions WHERE owner = ?")))
        return failed(subs);
    subs.addBindValue(owner);
    if (!subs.exec())
        return failed(subs);
    if (subs.next()) {
        out->hasSubscriptions = true;
        for (const QJsonValue pair : QJsonDocument::fromJson(subs.value(0).toString().toUtf8()).array())
            if (pair.isString())
                out->pairs.append(pair.toString());
    }
    return c.commit(error);
}

bool SqlReader::storedRules(SqlConnection &c, int maxRules, QList<StoredRule> *out, QString *error)
{
    out->clear();
    QSqlQuery q(c.database());
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT owner, rule FROM user_alert_rules ORDER BY created_at, id LIMIT ?"))) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    q.addBindValue(maxRules);
    if (!q.exec()) {
        *error = sqlErrorText(q.lastError());
        return false;
    }
    while (q.next())
        out->append(StoredRule{q.value(0).toString(), q.value(1).toString().toUtf8()});
    return true;
}

} // namespace fx::storage
