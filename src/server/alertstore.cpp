// AlertService: rules that follow the user (PROTOCOL.md, "Alert rules"). An identified owner's
// rules and rooms are written to the RuleStore as they change (the writes are queued; nothing
// waits on the database) and read back when the owner connects: once per owner while it is
// connected to this server, so a second connection shares the first one's rules. When its last
// connection goes, its rules leave this server as soon as every write of theirs is in the
// store; the next connection, here or on any server sharing the database, reads them again.

#include "server/alertservice.h"

#include "core/logging.h"
#include "server/serverlog.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMutexLocker>

namespace fx::server {

QString AlertService::storeKey(const rules::Owner &owner)
{
    if (rules::isDesk(owner))
        return QStringLiteral("desk");
    return owner.key; // "sub:..." or "key:..." (IoShard names identified owners so); anonymous: empty
}

void AlertService::persist(RuleStore::Write kind, const rules::Owner &owner, const rules::AlertRule &rule)
{
    if (!m_store)
        return;
    const QString key = storeKey(owner);
    if (key.isEmpty())
        return;
    const quint64 seq = m_store->writeRule(kind, key, rule);
    UserState &user = m_users[key];
    if (user.owner.key.isEmpty() && user.owner.handle == 0)
        user.owner = owner;
    user.lastWrite = seq;
}

void AlertService::saveSubscriptions(const rules::Owner &owner, const QStringList &pairs)
{
    const QString key = storeKey(owner);
    if (!m_store || key.isEmpty())
        return;
    QMutexLocker lock(&m_mutex);
    UserState &user = m_users[key];
    user.owner.key = owner.key;
    user.hasSubscriptions = true;
    user.pairs = pairs;
    user.lastWrite = m_store->writeSubscriptions(key, pairs);
}

void AlertService::rekey(const rules::Owner &from, const rules::Owner &to)
{
    QMutexLocker lock(&m_mutex);
    for (const rules::AlertRule &rule : m_book.reown(from, to))
        persist(RuleStore::Write::Upsert, to, rule);
}

void AlertService::restore(const rules::Owner &owner, std::function<void(const RestoreResult &)> done)
{
    const QString key = storeKey(owner);
    if (!m_store || key.isEmpty()) {
        done(RestoreResult{});
        return;
    }
    int maxRules = 0;
    {
        QMutexLocker lock(&m_mutex);
        UserState &user = m_users[key];
        user.owner = owner;
        if (user.loaded) {
            RestoreResult r;
            r.hasSubscriptions = user.hasSubscriptions;
            r.pairs = user.pairs;
            lock.unlock();
            done(r);
            return;
        }
        user.waiting.append(std::move(done));
        if (user.waiting.size() > 1)
            return; // the read in flight answers this one too
        maxRules = rules::isDesk(owner) ? rules::kMaxDeskRules : std::max(m_book.limits().maxPerClient, 0);
    }
    m_store->load(key, maxRules, [life = m_life, key](StoredRules stored) {
        QMutexLocker lock(&life->mutex);
        if (life->self)
            life->self->onLoaded(key, stored);
    });
}

void AlertService::onLoaded(const QString &key, const StoredRules &stored)
{
    RestoreResult result;
    QList<std::function<void(const RestoreResult &)>> waiting;
    {
        QMutexLocker lock(&m_mutex);
        UserState &user = m_users[key];
        waiting.swap(user.waiting);
        if (!stored.ok) {
            result.ok = false;
            result.reason = stored.reason;
        } else {
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            // The owner's alerts go to its newest connection here (none: the next one binds).
            const auto connections = m_connections.constFind(user.owner.key);
            const rules::Owner owner{user.owner.key,
                                     connections == m_connections.cend() || connections->isEmpty()
                                         ? user.owner.handle
                                         : connections->constLast()};
            const rules::ParseContext context{&m_book.instruments(), nowMs, true};
            for (const QByteArray &json : stored.rules) {
                QString field, message;
                std::optional<rules::AlertRule> rule =
                    rules::ruleFromJson(QJsonDocument::fromJson(json).object(), context, &field, &message);
                if (!rule) {
                    ++result.refused;
                    qCWarning(fxServerLog).noquote()
                        << "a stored alert rule of" << key.left(12) << "cannot be read:" << field << message;
                    continue;
                }
                const rules::BookResult r = m_book.restore(owner, *rule, nowMs);
                if (r.ok())
                    ++result.restored;
                else if (r.refusal == rules::Refusal::Expired)
                    persist(RuleStore::Write::Delete, owner, *rule); // it expired while away
                else if (r.refusal != rules::Refusal::DuplicateId) // DuplicateId: here already
                    ++result.refused;
            }
            noteSize();
            user.loaded = true;
            if (stored.hasSubscriptions && !user.hasSubscriptions) { // unless written since
                user.hasSubscriptions = true;
                user.pairs = stored.pairs;
            }
            result.hasSubscriptions = user.hasSubscriptions;
            result.pairs = user.pairs;
        }
    }
    if (result.refused > 0)
        qCInfo(fxServerLog).noquote() << result.refused << "stored alert rules of" << key.left(12)
                                      << "were not restored (a limit, or a pair this server does not offer)";
    for (const auto &done : std::as_const(waiting))
        done(result);
}

void AlertService::evictLeaving()
{
    if (!m_store || m_users.isEmpty())
        return;
    const quint64 committed = m_store->committed();
    for (auto it = m_users.begin(); it != m_users.end();) {
        if (it->leaving && it->waiting.isEmpty() && it->lastWrite <= committed) {
            m_book.removeOwner(rules::Owner{it->owner.key, 0});
            it = m_users.erase(it);
        } else {
            ++it;
        }
    }
    noteSize();
}

} // namespace fx::server
