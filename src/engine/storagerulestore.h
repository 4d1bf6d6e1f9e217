#pragma once

// The server's RuleStore (server/rulestore.h) over the storage: writes go into the Storage's
// write buffer (its own thread writes them, batched, kept while the database is away), reads
// run on the StorageReader's thread. Nothing that calls it waits on the database.
//
// Thread contract: every method on any thread; load() answers on the reader thread. detach()
// (main thread) is called before the storage goes away: later writes are not kept, later
// loads and loads still waiting are answered as failed.

#include "server/rulestore.h"

#include <QHash>
#include <QMetaObject>
#include <QMutex>

namespace fx::storage {
class Storage;
class StorageReader;
} // namespace fx::storage

namespace fx::engine {

class StorageRuleStore final : public server::RuleStore
{
public:
    StorageRuleStore(storage::Storage *writer, storage::StorageReader *reader);
    ~StorageRuleStore() override;

    void load(const QString &owner, int maxRules, std::function<void(server::StoredRules)> done) override;
    quint64 writeRule(Write kind, const QString &owner, const rules::AlertRule &rule) override;
    quint64 writeSubscriptions(const QString &owner, const QStringList &pairs) override;
    quint64 committed() const override;
    void detach();

private:
    using Done = std::function<void(server::StoredRules)>;
    void answer(quint64 id, server::StoredRules result);

    mutable QMutex m_mutex; // guards everything below
    storage::Storage *m_writer;
    storage::StorageReader *m_reader;
    QHash<quint64, Done> m_pending;
    QMetaObject::Connection m_ready;
    QMetaObject::Connection m_failed;
};

} // namespace fx::engine
