#pragma once

// The desk's Alert rules panel and the rules of users who are not connected (PROTOCOL.md,
// "Rules that follow the user"): those live in the database only, so the panel's rows are the
// server's live rules plus the stored rules no server here holds now. StoredRules keeps the last
// read of user_alert_rules (read again, on the storage's reader thread, when the panel asks and
// the copy is older than kRefreshMs) and makes the panel's rows of both kinds.
//
// Thread contract: every method on any thread (a mutex guards the copy); the reads are answered
// on the reader thread. detach() (main thread) before the reader goes away.

#include "core/instruments.h"
#include "engine/alertrulerow.h"
#include "rules/rulebook.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMetaObject>
#include <QMutex>
#include <QSet>
#include <optional>

namespace fx::storage {
class StorageReader;
}

namespace fx::engine {

// A panel row of a rule and its owner: "sub:<sub>", "key:<sha-256 hex>", "desk" (stored), or
// the live owner.
AlertRuleRow alertRuleRow(const rules::AlertRule &rule, const QString &ownerKey);

class StoredRules
{
public:
    static constexpr int kMaxRows = 10000; // stored rules the panel shows at most
    static constexpr int kRefreshMs = 1000;

    StoredRules(storage::StorageReader *reader, core::InstrumentSet instruments);
    ~StoredRules();
    void detach();

    // A new read, unless one is running or the copy is younger than kRefreshMs.
    void refresh();
    // The stored rules whose id is not among the live ones (remembered for isStoredOnly).
    QList<AlertRuleRow> rowsNotLive(const QSet<QString> &liveIds);
    struct Entry
    {
        QString owner;
        rules::AlertRule rule;
    };
    // A rule the panel showed as stored only (the operator acts on the database then).
    std::optional<Entry> storedOnly(const QString &id) const;
    // The operator changed or deleted it in the database: the copy follows at once.
    void replace(const QString &id, const rules::AlertRule &rule);
    void forget(const QString &id);

private:
    mutable QMutex m_mutex; // guards everything below
    storage::StorageReader *m_reader;
    const core::InstrumentSet m_instruments;
    QHash<QString, Entry> m_rules; // by id
    QList<QString> m_order; // ids, oldest first
    QSet<QString> m_live; // the live ids at the last rowsNotLive
    quint64 m_pending = 0; // the read running (0: none)
    QElapsedTimer m_age; // since the last read was answered (invalid: never)
    QMetaObject::Connection m_ready;
    QMetaObject::Connection m_failed;
};

} // namespace fx::engine
