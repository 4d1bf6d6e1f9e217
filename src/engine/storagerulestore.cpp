#include "engine/storagerulestore.h"

#include "core/logging.h"
#include "protocol/envelope.h"
#include "storage/storage.h"
#include "storage/storagelog.h"
#include "storage/storagereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

namespace fx::engine {

StorageRuleStore::StorageRuleStore(storage::Storage *writer, storage::StorageReader *reader)
    : m_writer(writer)
    , m_reader(reader)
{
    // Direct: run on the reader thread, where the signals are emitted.
    m_ready = QObject::connect(
        m_reader, &storage::StorageReader::userRulesReady, m_reader,
        [this](quint64 id, const storage::UserRules &rules) {
            server::StoredRules r;
            r.ok = true;
            r.rules = rules.rules;
            r.hasSubscriptions = rules.hasSubscriptions;
            r.pairs = rules.pairs;
            answer(id, std::move(r));
        },
        Qt::DirectConnection);
    m_failed = QObject::connect(
        m_reader, &storage::StorageReader::queryFailed, m_reader,
        [this](quint64 id, const QString &error) {
            {
                QMutexLocker lock(&m_mutex);
                if (!m_pending.contains(id))
                    return; // another reader client's query
            }
            static core::logging::RateLimiter limiter(3, 10000);
            qint64 suppressed = 0;
            if (limiter.allow(QStringLiteral("user_rules"), &suppressed))
                qCWarning(fxStorageLog).noquote() << "reading a user's alert rules failed:" << error;
            server::StoredRules r;
            // Clients get a plain reason; the database's own words go to the log only.
            r.reason = QStringLiteral("the stored alert rules cannot be read now; try again later");
            answer(id, std::move(r));
        },
        Qt::DirectConnection);
}

StorageRuleStore::~StorageRuleStore()
{
    detach();
}

void StorageRuleStore::detach()
{
    QHash<quint64, Done> pending;
    {
        QMutexLocker lock(&m_mutex);
        QObject::disconnect(m_ready);
        QObject::disconnect(m_failed);
        m_reader = nullptr;
        m_writer = nullptr;
        pending.swap(m_pending);
    }
    for (const Done &done : std::as_const(pending)) {
        server::StoredRules r;
        r.reason = QStringLiteral("the database is closing");
        done(std::move(r));
    }
}

void StorageRuleStore::answer(quint64 id, server::StoredRules result)
{
    Done done;
    {
        QMutexLocker lock(&m_mutex);
        done = m_pending.take(id);
    }
    if (done)
        done(std::move(result));
}

void StorageRuleStore::load(const QString &owner, int maxRules, std::function<void(server::StoredRules)> done)
{
    QMutexLocker lock(&m_mutex);
    if (!m_reader) {
        lock.unlock();
        server::StoredRules r;
        r.reason = QStringLiteral("the database is closing");
        done(std::move(r));
        return;
    }
    // Held while submitting: the answer (on the reader thread) finds the request registered.
    const quint64 id = m_reader->requestUserRules(owner, maxRules);
    m_pending.insert(id, std::move(done));
}

quint64 StorageRuleStore::writeRule(Write kind, const QString &owner, const rules::AlertRule &rule)
{
    storage::RuleOp op;
    op.kind = kind == Write::Upsert ? storage::RuleOp::Kind::UpsertRule
        : kind == Write::Update     ? storage::RuleOp::Kind::UpdateRule
                                    : storage::RuleOp::Kind::DeleteRule;
    op.owner = owner;
    op.id = rule.id;
    op.pair = rule.pair;
    if (kind != Write::Delete)
        op.json = protocol::compactJson(rule.toJson());
    op.createdAtMicros = rule.createdAtMs * 1000;
    QMutexLocker lock(&m_mutex);
    return m_writer ? m_writer->recordRuleOp(std::move(op)) : 0;
}

quint64 StorageRuleStore::writeSubscriptions(const QString &owner, const QStringList &pairs)
{
    storage::RuleOp op;
    op.kind = storage::RuleOp::Kind::Subscriptions;
    op.owner = owner;
    op.json = QJsonDocument(QJsonArray::fromStringList(pairs)).toJson(QJsonDocument::Compact);
    QMutexLocker lock(&m_mutex);
    return m_writer ? m_writer->recordRuleOp(std::move(op)) : 0;
}

quint64 StorageRuleStore::committed() const
{
    QMutexLocker lock(&m_mutex);
    // Detached: nothing more will be written, nothing is worth keeping in memory for it.
    return m_writer ? m_writer->ruleWritesCommitted() : std::numeric_limits<quint64>::max();
}

} // namespace fx::engine
