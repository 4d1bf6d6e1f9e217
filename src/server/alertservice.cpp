#include "server/alertservice.h"

#include "core/timeutil.h"
#include "protocol/contract.h"
#include "protocol/envelope.h"

#include <QDateTime>
#include <QMutexLocker>

#include <algorithm>

namespace fx::server {

AlertService::AlertService(const core::InstrumentSet &instruments, QString idPrefix, rules::RuleBookLimits limits)
    : m_book(instruments, std::move(idPrefix), limits)
{
    m_life->self = this;
}

AlertService::~AlertService()
{
    QMutexLocker lock(&m_life->mutex);
    m_life->self = nullptr;
}

template <typename MakeData>
void AlertService::deliverTo(const rules::Owner &owner, int pairIndex, QStringView event, MakeData makeData,
                             std::vector<AlertDelivery> *out) const
{
    const auto route = m_routes.constFind(owner.handle);
    if (route == m_routes.cend())
        return; // an identified owner that is not connected now
    out->push_back(AlertDelivery{*route, owner.handle, pairIndex, event, makeData()});
}

rules::RuleBookLimits AlertService::limits() const
{
    QMutexLocker lock(&m_mutex);
    return m_book.limits();
}

void AlertService::setLimits(rules::RuleBookLimits limits)
{
    QMutexLocker lock(&m_mutex);
    m_book.setLimits(limits); // rules already held stay, even over the new limits
}

void AlertService::bind(const rules::Owner &owner, int shard, const QByteArray &clientId)
{
    QMutexLocker lock(&m_mutex);
    m_routes.insert(owner.handle, shard);
    if (!clientId.isEmpty())
        m_clientIds.insert(owner.handle, clientId);
    if (!owner.key.isEmpty()) {
        makeNewest(owner);
        m_book.setHandle(owner.key, owner.handle);
        if (const auto user = m_users.find(storeKey(owner)); user != m_users.end())
            user->leaving = false;
    }
}

void AlertService::makeNewest(const rules::Owner &owner)
{
    QList<quint64> &handles = m_connections[owner.key];
    handles.removeOne(owner.handle);
    handles.append(owner.handle);
}

int AlertService::unbind(const rules::Owner &owner)
{
    QMutexLocker lock(&m_mutex);
    m_routes.remove(owner.handle);
    m_clientIds.remove(owner.handle);
    if (!owner.key.isEmpty()) {
        // Kept for the owner's next connection; the alerts of the one that went go to the
        // owner's newest connection still open, if any.
        const auto it = m_connections.find(owner.key);
        if (it == m_connections.end())
            return 0;
        const bool wasNewest = !it->isEmpty() && it->constLast() == owner.handle;
        it->removeOne(owner.handle);
        if (it->isEmpty()) {
            m_connections.erase(it);
            // With a store the rules leave this server once their writes are in it (the next
            // connection, here or on another server, reads them back).
            if (const auto user = m_users.find(storeKey(owner)); user != m_users.end())
                user->leaving = true;
        } else if (wasNewest)
            m_book.setHandle(owner.key, it->constLast());
        return 0;
    }
    const int removed = m_book.removeOwner(owner);
    noteSize();
    return removed;
}

rules::BookResult AlertService::add(const rules::Owner &owner, rules::AlertRule rule, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    rules::BookResult r = m_book.add(owner, std::move(rule), nowMs);
    if (r.ok()) {
        if (!owner.key.isEmpty())
            makeNewest(owner); // the book gives the owner's alerts to the connection that added a rule
        persist(RuleStore::Write::Upsert, owner, r.rule); // identified owners and the desk
    }
    noteSize();
    return r;
}

rules::BookResult AlertService::update(const rules::Owner &owner, const rules::AlertUpdate &update, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    rules::BookResult r = m_book.update(owner, update, nowMs);
    if (r.ok())
        persist(RuleStore::Write::Update, owner, r.rule);
    return r;
}

rules::BookResult AlertService::remove(const rules::Owner &owner, const QString &id)
{
    QMutexLocker lock(&m_mutex);
    rules::BookResult r = m_book.remove(owner, id);
    if (r.ok())
        persist(RuleStore::Write::Delete, owner, r.rule);
    noteSize();
    return r;
}

QList<rules::AlertRule> AlertService::list(const rules::Owner &owner) const
{
    QMutexLocker lock(&m_mutex);
    return m_book.list(owner);
}

QList<std::pair<rules::Owner, rules::AlertRule>> AlertService::all() const
{
    // A page at a time: the publishing thread waits for one page at most (measured on the
    // 2-core machine: 100,000 rules copied at once held the mutex 14 ms on average; a page of
    // kAllPage takes about 0.2 ms).
    QList<std::pair<rules::Owner, rules::AlertRule>> out;
    out.reserve(size());
    qint64 from = 0;
    while (from >= 0) {
        QMutexLocker lock(&m_mutex);
        out += m_book.page(from, kAllPage, &from);
    }
    return out;
}

rules::BookResult AlertService::updateAny(const rules::AlertUpdate &update, qint64 nowMs,
                                          std::vector<AlertDelivery> *notify)
{
    QMutexLocker lock(&m_mutex);
    const std::optional<rules::Owner> owner = m_book.ownerOf(update.id);
    rules::BookResult r = m_book.updateAny(update, nowMs);
    if (r.ok() && owner)
        persist(RuleStore::Write::Update, *owner, r.rule);
    // pairIndex -1: the owner is told whatever its token permits now (it is its own rule).
    if (r.ok() && owner && notify)
        deliverTo(
            *owner, -1, protocol::event::AlertUpdated, [&] { return ruleJson(r.rule); }, notify);
    return r;
}

rules::BookResult AlertService::removeAny(const QString &id, std::vector<AlertDelivery> *notify)
{
    QMutexLocker lock(&m_mutex);
    const std::optional<rules::Owner> owner = m_book.ownerOf(id);
    rules::BookResult r = m_book.removeAny(id);
    if (r.ok() && owner)
        persist(RuleStore::Write::Delete, *owner, r.rule);
    noteSize();
    if (r.ok() && owner && notify)
        deliverTo(
            *owner, -1, protocol::event::AlertDeleted, [&] { return deletedJson(r.rule, u"deleted_by_operator"); },
            notify);
    return r;
}

QString AlertService::ownerName(const rules::Owner &owner) const
{
    if (rules::isDesk(owner))
        return QStringLiteral("desk");
    if (owner.key.startsWith(u"sub:")) // a token user: its sub, as get_alert_history matches it
        return owner.key.mid(4);
    if (!owner.key.isEmpty()) // a client_key user: "key:<sha-256 hex>"
        return owner.key;
    const QByteArray id = m_clientIds.value(owner.handle);
    return id.isEmpty() ? QStringLiteral("anonymous") : QStringLiteral("anonymous:") + QString::fromLatin1(id);
}

std::vector<AlertDelivery> AlertService::evaluate(const QList<core::MarketEvent> &events, std::vector<FiredRule> *fired)
{
    std::vector<AlertDelivery> out;
    if (size() == 0)
        return out; // no rule: the relay pays one atomic load per batch
    // A tick's time is the feed's clock: one later than the server's counts at the server's, or
    // a tick stamped ahead would expire every pair's rules and move its pair's clock past them.
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    QMutexLocker lock(&m_mutex);
    for (const core::MarketEvent &e : events) {
        const auto *tick = std::get_if<core::PriceTick>(&e);
        if (!tick || tick->index < 0)
            continue;
        const rules::Evaluation ev =
            m_book.evaluate(tick->index, tick->bid, tick->ask, std::min(tick->timeMicros / 1000, nowMs));
        routeFirings(ev.fired, false, &out);
        routeFirings(ev.expired, true, &out);
        if (fired)
            for (const rules::Firing &f : ev.fired)
                fired->push_back(FiredRule{f, ownerName(f.owner)});
    }
    noteSize();
    return out;
}

std::vector<AlertDelivery> AlertService::expire(qint64 nowMs)
{
    std::vector<AlertDelivery> out;
    QMutexLocker lock(&m_mutex);
    evictLeaving();
    if (size() == 0)
        return out;
    routeFirings(m_book.expire(nowMs), true, &out);
    noteSize();
    return out;
}

QByteArray AlertService::ruleJson(const rules::AlertRule &rule)
{
    return protocol::compactJson(QJsonObject{{QStringLiteral("id"), rule.id},
                                             {QStringLiteral("rule"), rule.toJson()},
                                             {QStringLiteral("timestamp"), core::isoNow()}});
}

QByteArray AlertService::deletedJson(const rules::AlertRule &rule, QStringView reason)
{
    return protocol::compactJson(QJsonObject{{QStringLiteral("id"), rule.id},
                                             {QStringLiteral("reason"), reason.toString()},
                                             {QStringLiteral("rule"), rule.toJson()},
                                             {QStringLiteral("timestamp"), core::isoNow()}});
}

void AlertService::routeFirings(const std::vector<rules::Firing> &firings, bool expired,
                                std::vector<AlertDelivery> *out)
{
    if (!expired)
        m_fired.fetch_add(firings.size(), std::memory_order_relaxed);
    for (const rules::Firing &f : firings) {
        // The store keeps the state (times fired, a once rule disabled) of identified owners.
        persist(expired ? RuleStore::Write::Delete : RuleStore::Write::Update, f.owner, f.rule);
        if (expired)
            deliverTo(
                f.owner, f.rule.pairIndex, protocol::event::AlertDeleted,
                [&] { return deletedJson(f.rule, u"expired"); }, out);
        else
            deliverTo(
                f.owner, f.rule.pairIndex, protocol::event::PriceAlert,
                [&] { return protocol::compactJson(f.toJson()); }, out);
    }
}

} // namespace fx::server
