#pragma once

// The alert rules of every owner and their evaluation on each tick (PROTOCOL.md, "Alert rules
// (issue 17, engine)"). Per pair and field the rules' thresholds are kept sorted, so a tick costs
// O(log n + fired) for its pair: the rules whose condition changed state are exactly those whose
// threshold lies between the field's previous and current value (two binary searches).
//
// Thread contract: none of its own. A RuleBook is a plain object: whoever owns it calls it from
// one thread at a time (it neither locks nor starts threads).

#include "core/instruments.h"
#include "rules/alertrule.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <limits>
#include <memory>
#include <optional>
#include <vector>

namespace fx::rules {

// Who holds a rule: `key` the identity that outlives a connection (a token's sub, a client_key;
// empty for an anonymous client) and `handle` the connection that receives its alerts now.
// Anonymous owners are told apart by handle, identified ones by key.
struct Owner
{
    QString key;
    quint64 handle = 0;
    QString identity() const { return key.isEmpty() ? u'#' + QString::number(handle) : key; }
};

// The desk's own rules (the operator's; PROTOCOL.md, "Desk rules"): Owner{QString(), kDeskHandle}.
// Connection handles count up from 1, so this one is never a client's. The desk is exempt from
// WEBSOCKET_MAX_ALERTS_PER_CLIENT and holds at most kMaxDeskRules; its rules count in
// WEBSOCKET_MAX_ALERTS.
inline constexpr quint64 kDeskHandle = std::numeric_limits<quint64>::max();
inline constexpr int kMaxDeskRules = 1000;
inline bool isDesk(const Owner &owner)
{
    return owner.key.isEmpty() && owner.handle == kDeskHandle;
}

struct RuleBookLimits
{
    int maxPerClient = 100; // WEBSOCKET_MAX_ALERTS_PER_CLIENT
    int maxTotal = 100000; // WEBSOCKET_MAX_ALERTS
};

enum class Refusal {
    None,
    PerClientLimit,
    TotalLimit,
    UnknownRule,
    DuplicateId,
    InvalidValue,
    Expired,
    TooManyWindows
};

struct BookResult
{
    Refusal refusal = Refusal::None;
    QString message; // for people; empty when accepted
    QString field; // the offending field for InvalidValue
    AlertRule rule; // the rule as it is now (accepted operations)
    bool ok() const { return refusal == Refusal::None; }
};

struct Firing
{
    AlertRule rule; // after the firing (times_fired and last_fired_at counted; a once rule disabled)
    Owner owner;
    double price = 0; // the field's value that fired it
    double changePct = 0; // change_pct rules: the change that fired it
    double bid = 0;
    double ask = 0;
    qint64 timeMs = 0; // the tick's time

    // price_alert's data: {"rule": AlertRule::toJson(), "price", "bid", "ask", ["change_pct"],
    // "time": ISO 8601 UTC}; change_pct for change_pct rules only.
    QJsonObject toJson() const;
};

struct Evaluation
{
    std::vector<Firing> fired;
    std::vector<Firing> expired; // rules removed because their expires_at passed (price 0)
};

class RuleBook
{
public:
    // Distinct change_pct windows per pair and field (each costs one history look-up per tick).
    static constexpr int kMaxWindowsPerPairField = 32;

    // `instruments` must outlive the book; ids are "<idPrefix>-<n>" (n from 1, 64 bits).
    RuleBook(const core::InstrumentSet &instruments, QString idPrefix, RuleBookLimits limits = {});
    ~RuleBook();
    RuleBook(const RuleBook &) = delete;
    RuleBook &operator=(const RuleBook &) = delete;

    const core::InstrumentSet &instruments() const { return m_instruments; }
    RuleBookLimits limits() const { return m_limits; }
    void setLimits(RuleBookLimits limits) { m_limits = limits; }

    // A parsed rule (parseAlertRule) gets an id ("<prefix>-<n>") and joins the book. Adding (or
    // restoring) binds every rule of an identified owner to this owner's handle.
    BookResult add(const Owner &owner, AlertRule rule, qint64 nowMs);
    // A stored rule (ruleFromJson) joins with its own id and state; an expired one is refused.
    BookResult restore(const Owner &owner, AlertRule rule, qint64 nowMs);
    // update_alert / delete_alert of an owner: a rule of another owner is UnknownRule.
    BookResult update(const Owner &owner, const AlertUpdate &update, qint64 nowMs);
    BookResult remove(const Owner &owner, const QString &id);
    // The desk's (operator's) versions: any owner.
    BookResult updateAny(const AlertUpdate &update, qint64 nowMs);
    BookResult removeAny(const QString &id);
    // Every rule of an owner (an anonymous client's disconnect); returns how many.
    int removeOwner(const Owner &owner);
    // An anonymous client identified itself: its rules become the identified owner's (over the
    // per-client limit if need be). Returns the rules moved.
    QList<AlertRule> reown(const Owner &from, const Owner &to);
    // An identified owner connected again: its rules' alerts go to `handle` from now on.
    void setHandle(const QString &key, quint64 handle);

    QList<AlertRule> list(const Owner &owner) const; // in the order they were set
    QList<std::pair<Owner, AlertRule>> all() const;
    // The same a page at a time (the desk copies a large book without holding its owner's lock
    // for long): up to `max` rules from position `from` on (0 first), in no particular order;
    // *next is where the next page starts, -1 when there is none. Rules added or deleted
    // between pages may be missed or seen once (never twice).
    QList<std::pair<Owner, AlertRule>> page(qint64 from, int max, qint64 *next) const;
    std::optional<AlertRule> find(const QString &id) const;
    // Who holds a rule (the desk tells the owner of what the operator did to it).
    std::optional<Owner> ownerOf(const QString &id) const;
    int size() const;
    int count(const Owner &owner) const;

    // One tick of a pair (index in instruments(), or its name): fires the rules whose condition
    // became true, removes expired rules (of every pair) on the way. A tick older than the
    // pair's latest counts at the latest one's time. Prices that are not finite and positive
    // are ignored (the expiry sweep still runs).
    Evaluation evaluate(int pairIndex, double bid, double ask, qint64 tsMs);
    Evaluation evaluate(QStringView pair, double bid, double ask, qint64 tsMs);
    // Removes the rules whose expires_at is at or before nowMs (a timer may call it when no
    // tick comes).
    std::vector<Firing> expire(qint64 nowMs);

private:
    struct Impl;
    BookResult insert(const Owner &owner, AlertRule rule, qint64 nowMs);
    BookResult change(const Owner *owner, const AlertUpdate &update, qint64 nowMs);
    BookResult erase(const Owner *owner, const QString &id);

    const core::InstrumentSet &m_instruments;
    QString m_prefix;
    RuleBookLimits m_limits;
    std::unique_ptr<Impl> d;
};

} // namespace fx::rules
