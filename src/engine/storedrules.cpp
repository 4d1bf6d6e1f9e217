#include "engine/storedrules.h"

#include "storage/storagereader.h"

#include <QDateTime>
#include <QJsonDocument>

namespace fx::engine {

AlertRuleRow alertRuleRow(const rules::AlertRule &r, const QString &ownerKey)
{
    AlertRuleRow row;
    row.id = r.id;
    // PROTOCOL.md, "Rules that follow the user": "sub:<sub>" or "key:<sha-256 hex>".
    if (ownerKey.startsWith(u"sub:"))
        row.ownerUser = ownerKey.mid(4);
    else if (ownerKey.startsWith(u"key:"))
        row.ownerKeyId = ownerKey.mid(4, 12);
    row.desk = ownerKey == u"desk";
    row.pair = r.pair;
    row.field = rules::fieldName(r.field);
    row.condition = rules::conditionName(r.condition);
    row.value = r.value;
    row.windowSeconds = r.windowSeconds;
    row.repeat = r.repeat == rules::Repeat::Once ? QStringLiteral("once")
        : r.repeat == rules::Repeat::Every       ? QStringLiteral("every")
                                                 : QStringLiteral("cooldown");
    row.cooldownSeconds = r.cooldownSeconds;
    row.enabled = r.enabled;
    row.timesFired = r.timesFired;
    row.lastFiredMs = r.lastFiredMs;
    row.expiresAtMs = r.expiresAtMs;
    row.createdAtMs = r.createdAtMs;
    row.note = r.note;
    row.broadcast = r.broadcast;
    return row;
}

StoredRules::StoredRules(storage::StorageReader *reader, core::InstrumentSet instruments)
    : m_reader(reader)
    , m_instruments(std::move(instruments))
{
    if (!m_reader)
        return;
    // Direct: run on the reader thread, where the signals are emitted.
    m_ready = QObject::connect(
        m_reader, &storage::StorageReader::storedRulesReady, m_reader,
        [this](quint64 id, const QList<storage::StoredRule> &stored) {
            // Parsed outside the lock (up to kMaxRows rules).
            QHash<QString, Entry> rules;
            QList<QString> order;
            const rules::ParseContext context{&m_instruments, QDateTime::currentMSecsSinceEpoch(), true};
            for (const storage::StoredRule &s : stored) {
                QString field, message;
                const std::optional<rules::AlertRule> rule =
                    rules::ruleFromJson(QJsonDocument::fromJson(s.json).object(), context, &field, &message);
                if (!rule)
                    continue; // a pair this desk does not offer, or a row it cannot read
                order.append(rule->id);
                rules.insert(rule->id, Entry{s.owner, *rule});
            }
            QMutexLocker lock(&m_mutex);
            if (id != m_pending)
                return;
            m_pending = 0;
            m_rules.swap(rules);
            m_order.swap(order);
            m_age.start();
        },
        Qt::DirectConnection);
    m_failed = QObject::connect(
        m_reader, &storage::StorageReader::queryFailed, m_reader,
        [this](quint64 id, const QString &) {
            QMutexLocker lock(&m_mutex);
            if (id == m_pending) {
                m_pending = 0; // the copy stays; the next refresh reads again
                m_age.start();
            }
        },
        Qt::DirectConnection);
}

StoredRules::~StoredRules()
{
    detach();
}

void StoredRules::detach()
{
    QMutexLocker lock(&m_mutex);
    QObject::disconnect(m_ready);
    QObject::disconnect(m_failed);
    m_reader = nullptr;
}

void StoredRules::refresh()
{
    QMutexLocker lock(&m_mutex);
    if (!m_reader || m_pending != 0 || (m_age.isValid() && m_age.elapsed() < kRefreshMs))
        return;
    m_pending = m_reader->requestStoredRules(kMaxRows);
}

QList<AlertRuleRow> StoredRules::rowsNotLive(const QSet<QString> &liveIds)
{
    QMutexLocker lock(&m_mutex);
    m_live = liveIds;
    QList<AlertRuleRow> rows;
    for (const QString &id : std::as_const(m_order)) {
        if (liveIds.contains(id))
            continue;
        const auto it = m_rules.constFind(id);
        if (it == m_rules.cend())
            continue;
        AlertRuleRow row = alertRuleRow(it->rule, it->owner);
        row.stored = true;
        rows.append(std::move(row));
    }
    return rows;
}

std::optional<StoredRules::Entry> StoredRules::storedOnly(const QString &id) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_rules.constFind(id);
    if (it == m_rules.cend() || m_live.contains(id))
        return std::nullopt;
    return *it;
}

void StoredRules::replace(const QString &id, const rules::AlertRule &rule)
{
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_rules.find(id); it != m_rules.end())
        it->rule = rule;
}

void StoredRules::forget(const QString &id)
{
    QMutexLocker lock(&m_mutex);
    m_rules.remove(id);
    m_order.removeOne(id);
}

} // namespace fx::engine
