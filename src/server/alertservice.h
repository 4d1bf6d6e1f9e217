#pragma once

// PROTOCOL.md, "Alert rules": the server's one RuleBook, shared by every I/O thread (the clients'
// set_alert, list_alerts, update_alert and delete_alert) and the publishing thread (each batch
// of ticks), under one mutex held for the book's own work only (microseconds: a tick costs
// O(log n + fired) for its pair). With no rule at all a batch does not take the mutex.
//
// Who gets an alert: each client that holds rules has a handle (its owner's handle in the book)
// and the shard it lives on; evaluate() and expire() return the alerts to send as deliveries,
// which StreamServer queues to each owner's shard (IoShard::deliverAlerts), where the client is
// found by its handle and its pair permissions are checked once more.
//
// Owners: an anonymous client's rules are deleted when it disconnects; an identified client's
// (the token's sub, SECURITY.md "Tokens") stay on this server, bound to its next connection.
// With several connections of one owner open, its alerts go to the newest bound (the one that
// connected or added a rule last); when that one goes, to the newest still open.
// Thread contract: every method on any thread.

#include "core/marketdata.h"
#include "rules/rulebook.h"
#include "server/rulestore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMutex>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace fx::server {

struct AlertDelivery
{
    int shard = -1;
    quint64 handle = 0; // the owner's connection
    int pairIndex = -1; // checked against the client's permitted pairs before sending
    QStringView event; // protocol::event::PriceAlert or AlertDeleted
    QByteArray data; // compact JSON
};

// A rule that fired (not an expiry), for the alert history and the desk (PROTOCOL.md, "Alert
// rules", "Desk rules"): the firing and the name its owner has in the alert history's owner
// column: the token's sub, "anonymous:<client id>" for an anonymous client, "desk" for the
// operator's own rules.
struct FiredRule
{
    rules::Firing firing;
    QString owner;
    bool desk() const { return rules::isDesk(firing.owner); }
};

// A row of the desk's alert rules panel: the rule, its owner and, when the owner is connected,
// its connection's client id (found on the owner's shard).
struct OwnedAlertRule
{
    rules::Owner owner;
    QByteArray clientId; // empty: not connected now
    rules::AlertRule rule;
};

// What restore() found for an owner.
struct RestoreResult
{
    bool ok = true; // false: the stored rules could not be read now (reason says why)
    QString reason;
    int restored = 0; // rules that joined the book by this read
    int refused = 0; // stored rules the book refused (a limit, an unknown pair); they stay stored
    bool hasSubscriptions = false; // the owner's stored rooms, when any
    QStringList pairs;
};

class AlertService
{
public:
    AlertService(const core::InstrumentSet &instruments, QString idPrefix, rules::RuleBookLimits limits);
    ~AlertService(); // a read still in flight then finds nothing to restore into

    rules::RuleBookLimits limits() const;
    void setLimits(rules::RuleBookLimits limits);

    // PROTOCOL.md, "Alert rules": rules that follow the user. Set before any thread uses the
    // service; without a store an identified owner's rules live as long as this server.
    void setStore(std::shared_ptr<RuleStore> store) { m_store = std::move(store); }
    bool hasStore() const { return bool(m_store); }
    // The name of an owner in the store ("sub:...", "key:...", "desk"); empty for an
    // anonymous owner, whose rules are never stored.
    static QString storeKey(const rules::Owner &owner);
    // An identified owner's stored rules join the book: read once while the owner is here
    // (connections that ask meanwhile share the read). `done` gets the stored subscriptions;
    // it runs at once on this thread when there is nothing to read, else on another thread.
    void restore(const rules::Owner &owner, std::function<void(const RestoreResult &)> done);
    // An anonymous connection identified itself (a client_key): its rules become `to`'s (and
    // are stored as such).
    void rekey(const rules::Owner &from, const rules::Owner &to);
    // The rooms an identified owner is in now, stored (and kept for its next connections).
    void saveSubscriptions(const rules::Owner &owner, const QStringList &pairs);

    // A new connection's handle (never 0).
    quint64 newHandle() { return m_nextHandle.fetch_add(1, std::memory_order_relaxed); }
    // The owner's alerts go to its handle on `shard` from now on (an identified owner's rules,
    // set from an earlier connection, included).
    // clientId: the connection's client id (an anonymous owner's name in the alert history).
    void bind(const rules::Owner &owner, int shard, const QByteArray &clientId = {});
    // The connection is gone: an anonymous owner's rules are deleted, an identified owner's stay
    // (with the owner's newest connection still bound, if any; else unrouted until it connects
    // again). Returns how many rules were deleted.
    int unbind(const rules::Owner &owner);

    rules::BookResult add(const rules::Owner &owner, rules::AlertRule rule, qint64 nowMs);
    // The desk's own rule (owner {"", rules::kDeskHandle}); parsed with allowBroadcast.
    rules::BookResult addDesk(rules::AlertRule rule, qint64 nowMs)
    {
        return add(rules::Owner{QString(), rules::kDeskHandle}, std::move(rule), nowMs);
    }
    rules::BookResult update(const rules::Owner &owner, const rules::AlertUpdate &update, qint64 nowMs);
    rules::BookResult remove(const rules::Owner &owner, const QString &id);
    QList<rules::AlertRule> list(const rules::Owner &owner) const;
    // Rules copied per lock by all().
    static constexpr int kAllPage = 2000;
    // The desk (operator): every rule of every owner, copied a page at a time (rules set or
    // deleted meanwhile may be missed: the desk asks again a second later); a change or deletion of any owner's rule.
    // `notify` gets what to tell the owner when it is connected: alert_updated (the reply's
    // shape) for a change, alert_deleted with reason "deleted_by_operator" for a deletion.
    QList<std::pair<rules::Owner, rules::AlertRule>> all() const;
    rules::BookResult updateAny(const rules::AlertUpdate &update, qint64 nowMs,
                                std::vector<AlertDelivery> *notify = nullptr);
    rules::BookResult removeAny(const QString &id, std::vector<AlertDelivery> *notify = nullptr);
    int size() const { return m_size.load(std::memory_order_relaxed); }
    quint64 firedTotal() const { return m_fired.load(std::memory_order_relaxed); }

    // The publishing thread: the ticks of one batch, in order. Other events are skipped. With
    // `fired`, every rule that fired is appended to it too (nothing is made when none fires).
    std::vector<AlertDelivery> evaluate(const QList<core::MarketEvent> &events,
                                        std::vector<FiredRule> *fired = nullptr);
    // A timer: rules whose expires_at has passed when no tick came (wall clock, ms).
    std::vector<AlertDelivery> expire(qint64 nowMs);

    // The data of alert_set and alert_updated (the replies, and the operator's change):
    // {"id", "rule", "timestamp"}.
    static QByteArray ruleJson(const rules::AlertRule &rule);
    // The data of alert_deleted for a rule that expired (also what delete_alert answers, with
    // reason "deleted").
    static QByteArray deletedJson(const rules::AlertRule &rule, QStringView reason);

private:
    void routeFirings(const std::vector<rules::Firing> &firings, bool expired, std::vector<AlertDelivery> *out);
    // One event to the owner's connection when it is routed; data is made only then.
    template <typename MakeData>
    void deliverTo(const rules::Owner &owner, int pairIndex, QStringView event, MakeData makeData,
                   std::vector<AlertDelivery> *out) const;
    QString ownerName(const rules::Owner &owner) const; // FiredRule::owner; under m_mutex
    void noteSize() { m_size.store(m_book.size(), std::memory_order_relaxed); }
    // An identified owner's connection becomes the one its alerts go to (as the book does).
    void makeNewest(const rules::Owner &owner);
    // alertstore.cpp, all under m_mutex: a write of an identified owner's rule; the owners
    // whose last connection went, dropped from the book once their writes are in the store.
    void persist(RuleStore::Write kind, const rules::Owner &owner, const rules::AlertRule &rule);
    void evictLeaving();
    void onLoaded(const QString &key, const StoredRules &stored); // any thread

    // An identified owner as the store sees it; under m_mutex.
    struct UserState
    {
        rules::Owner owner;
        bool loaded = false; // its stored rules are in the book
        bool leaving = false; // no connection here: dropped once lastWrite is committed
        quint64 lastWrite = 0;
        bool hasSubscriptions = false;
        QStringList pairs;
        QList<std::function<void(const RestoreResult &)>> waiting; // a read in flight
    };

    mutable QMutex m_mutex;
    rules::RuleBook m_book; // under m_mutex
    QHash<quint64, int> m_routes; // handle -> shard, under m_mutex
    QHash<quint64, QByteArray> m_clientIds; // handle -> client id, under m_mutex
    // Identified owner -> its bound connections, the one its alerts go to last; under m_mutex.
    QHash<QString, QList<quint64>> m_connections;
    std::shared_ptr<RuleStore> m_store; // null: no database
    // A store's answer may come after this service is gone (the server stopped): it reaches
    // the service through this, under its mutex, only while the service is alive.
    struct Life
    {
        QMutex mutex;
        AlertService *self = nullptr;
    };
    std::shared_ptr<Life> m_life = std::make_shared<Life>();
    QHash<QString, UserState> m_users; // by storeKey(), under m_mutex
    std::atomic<int> m_size{0};
    std::atomic<quint64> m_fired{0};
    std::atomic<quint64> m_nextHandle{1};
};

} // namespace fx::server
