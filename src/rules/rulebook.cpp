#include "rules/rulebook.h"

#include "core/timeutil.h"
#include "rules/rulebookimpl.h"

#include <algorithm>

namespace fx::rules {

namespace {

BookResult refuse(Refusal r, const QString &message, const QString &field = {})
{
    BookResult result;
    result.refusal = r;
    result.message = message;
    result.field = field;
    return result;
}

BookResult unknownRule(const QString &id)
{
    return refuse(Refusal::UnknownRule, QStringLiteral("no alert rule \"%1\" of yours").arg(id.left(kMaxIdLength)),
                  QStringLiteral("id"));
}

} // namespace

ThresholdMap &RuleBook::Impl::mapOf(const AlertRule &r)
{
    FieldState &fs = state(r);
    switch (r.condition) {
    case Condition::Above: return fs.above;
    case Condition::Below: return fs.below;
    case Condition::Crosses: return fs.crosses;
    case Condition::ChangePct: break;
    }
    WindowGroup &g = fs.windows[r.windowSeconds];
    return r.value > 0 ? g.up : g.down;
}

void RuleBook::Impl::arm(Slot slot)
{
    Entry &e = entries[slot];
    if (e.armed || !e.rule.enabled)
        return;
    e.pos = mapOf(e.rule).emplace(e.rule.value, slot);
    e.armed = true;
    ++e.armGeneration;
    if (e.rule.condition == Condition::Crosses)
        return; // crosses needs a crossing after it was set: nothing to check on the first tick
    FieldState &fs = state(e.rule);
    e.pending = true;
    ++fs.pendingLive;
    fs.pending.emplace_back(slot, e.armGeneration);
    if (fs.pending.size() > size_t(2 * fs.pendingLive + 16)) {
        std::erase_if(fs.pending, [this](const std::pair<Slot, quint32> &p) {
            const Entry &x = entries[p.first];
            return !x.live || !x.pending || x.armGeneration != p.second;
        });
    }
}

void RuleBook::Impl::disarm(Slot slot)
{
    Entry &e = entries[slot];
    if (!e.armed)
        return;
    mapOf(e.rule).erase(e.pos);
    e.armed = false;
    if (e.pending) {
        e.pending = false;
        --state(e.rule).pendingLive;
    }
}

void RuleBook::Impl::release(Slot slot)
{
    disarm(slot);
    Entry &e = entries[slot];
    if (e.rule.condition == Condition::ChangePct) {
        auto &windows = state(e.rule).windows;
        auto it = windows.find(e.rule.windowSeconds);
        if (it != windows.end() && --it->second.rules <= 0)
            windows.erase(it);
    }
    byId.remove(e.rule.id);
    auto owner = owners.find(e.owner);
    if (owner != owners.end()) {
        owner->rules.erase(e.seq);
        if (owner->rules.empty())
            owners.erase(owner);
    }
    if (e.rule.expiresAtMs > 0)
        --expiringLive;
    // The arm generation outlives the rule: a pending check left behind for this slot must not
    // match the next rule that takes it.
    const quint32 generation = e.armGeneration;
    e = Entry{};
    e.armGeneration = generation;
    freeSlots.push_back(slot);
    --live;
}

Firing RuleBook::Impl::firing(const Entry &e) const
{
    Firing f;
    f.rule = e.rule;
    f.owner = e.holder;
    return f;
}

QJsonObject Firing::toJson() const
{
    QJsonObject o{{QStringLiteral("rule"), rule.toJson()},
                  {QStringLiteral("price"), price},
                  {QStringLiteral("bid"), bid},
                  {QStringLiteral("ask"), ask},
                  {QStringLiteral("time"), core::isoTimestamp(timeMs * 1000)}};
    if (rule.condition == Condition::ChangePct)
        o.insert(QStringLiteral("change_pct"), changePct);
    return o;
}

RuleBook::RuleBook(const core::InstrumentSet &instruments, QString idPrefix, RuleBookLimits limits)
    : m_instruments(instruments)
    , m_prefix(std::move(idPrefix))
    , m_limits(limits)
    , d(std::make_unique<Impl>())
{
    d->fields.resize(size_t(instruments.size()));
    d->pairTime.assign(size_t(instruments.size()), 0);
}

RuleBook::~RuleBook() = default;

BookResult RuleBook::insert(const Owner &owner, AlertRule rule, qint64 nowMs)
{
    if (rule.pairIndex < 0 || rule.pairIndex >= m_instruments.size() || m_instruments.pair(rule.pairIndex) != rule.pair)
        rule.pairIndex = m_instruments.indexOf(rule.pair);
    if (rule.pairIndex < 0)
        return refuse(Refusal::InvalidValue, QStringLiteral("\"%1\" is not an available pair").arg(rule.pair.left(32)),
                      QStringLiteral("pair"));
    const QString identity = owner.identity();
    const auto record = d->owners.constFind(identity);
    const int held = record == d->owners.cend() ? 0 : int(record->rules.size());
    if (isDesk(owner) && held >= kMaxDeskRules)
        return refuse(
            Refusal::PerClientLimit,
            QStringLiteral("the desk holds %1 alert rules, the most it may; delete one first").arg(kMaxDeskRules));
    if (!isDesk(owner) && held >= m_limits.maxPerClient)
        return refuse(
            Refusal::PerClientLimit,
            QStringLiteral("you hold %1 alert rules, the most a client may (WEBSOCKET_MAX_ALERTS_PER_CLIENT); "
                           "delete one first")
                .arg(m_limits.maxPerClient));
    if (d->live >= m_limits.maxTotal)
        return refuse(
            Refusal::TotalLimit,
            QStringLiteral("the server holds %1 alert rules, its limit (WEBSOCKET_MAX_ALERTS)").arg(m_limits.maxTotal));
    if (rule.expiresAtMs > 0 && rule.expiresAtMs <= nowMs)
        return refuse(Refusal::Expired, QStringLiteral("the rule expired"), QStringLiteral("expires_at"));
    if (d->byId.contains(rule.id))
        return refuse(Refusal::DuplicateId, QStringLiteral("an alert rule \"%1\" exists").arg(rule.id),
                      QStringLiteral("id"));
    FieldState &fs = d->fields[size_t(rule.pairIndex)][size_t(rule.field)];
    if (rule.condition == Condition::ChangePct && !fs.windows.contains(rule.windowSeconds)
        && int(fs.windows.size()) >= kMaxWindowsPerPairField)
        return refuse(Refusal::TooManyWindows,
                      QStringLiteral("%1 different change_pct windows are in use on %2 %3, the most there may be; use "
                                     "one of them")
                          .arg(kMaxWindowsPerPairField)
                          .arg(rule.pair, fieldName(rule.field)),
                      QStringLiteral("window_seconds"));

    Slot slot;
    if (!d->freeSlots.empty()) {
        slot = d->freeSlots.back();
        d->freeSlots.pop_back();
    } else {
        slot = Slot(d->entries.size());
        d->entries.emplace_back();
    }
    if (rule.createdAtMs <= 0)
        rule.createdAtMs = nowMs;
    Entry &e = d->entries[slot];
    e.rule = std::move(rule);
    e.owner = identity;
    e.holder = owner;
    e.seq = d->nextSeq++;
    e.live = true;
    ++d->live;
    d->byId.insert(e.rule.id, slot);
    OwnerRecord &rec = d->owners[identity];
    if (rec.owner.handle != owner.handle && !rec.rules.empty())
        setHandle(owner.key, owner.handle); // the newest connection of an identified owner gets its alerts
    rec.owner = owner;
    rec.rules.emplace(e.seq, slot);
    if (e.rule.condition == Condition::ChangePct) {
        ++fs.windows[e.rule.windowSeconds].rules;
        if (!fs.history)
            fs.history = std::make_unique<PriceHistory>();
    }
    if (e.rule.expiresAtMs > 0) {
        ++d->expiringLive;
        d->expiryHeap.push_back({e.rule.expiresAtMs, slot, e.seq});
        std::push_heap(d->expiryHeap.begin(), d->expiryHeap.end(), std::greater<>());
    }
    d->arm(slot);
    BookResult ok;
    ok.rule = e.rule;
    return ok;
}

BookResult RuleBook::add(const Owner &owner, AlertRule rule, qint64 nowMs)
{
    rule.id = m_prefix + u'-' + QString::number(d->nextNumber);
    BookResult r = insert(owner, std::move(rule), nowMs);
    if (r.ok())
        ++d->nextNumber;
    return r;
}

BookResult RuleBook::restore(const Owner &owner, AlertRule rule, qint64 nowMs)
{
    const QString id = rule.id;
    BookResult r = insert(owner, std::move(rule), nowMs);
    if (r.ok() && id.startsWith(m_prefix + u'-')) {
        bool number = false;
        const quint64 n = QStringView(id).mid(m_prefix.size() + 1).toULongLong(&number);
        if (number && n >= d->nextNumber)
            d->nextNumber = n + 1;
    }
    return r;
}

BookResult RuleBook::change(const Owner *owner, const AlertUpdate &update, qint64 nowMs)
{
    const auto it = d->byId.constFind(update.id);
    if (it == d->byId.cend() || (owner && d->entries[*it].owner != owner->identity()))
        return unknownRule(update.id);
    const Slot slot = *it;
    Entry &e = d->entries[slot];
    if (e.rule.expiresAtMs > 0 && e.rule.expiresAtMs <= nowMs)
        return unknownRule(update.id); // expired: gone at the next sweep
    AlertRule changed = e.rule;
    QString field, message;
    if (!applyAlertUpdate(&changed, update, &field, &message))
        return refuse(Refusal::InvalidValue, message, field);
    // Re-armed as if just set: the value may move the rule to another place in its map, and an
    // enabled rule is checked for "already true" on the next tick.
    d->disarm(slot);
    e.rule = std::move(changed);
    d->arm(slot);
    BookResult ok;
    ok.rule = e.rule;
    return ok;
}

BookResult RuleBook::update(const Owner &owner, const AlertUpdate &update, qint64 nowMs)
{
    return change(&owner, update, nowMs);
}

BookResult RuleBook::updateAny(const AlertUpdate &update, qint64 nowMs)
{
    return change(nullptr, update, nowMs);
}

BookResult RuleBook::erase(const Owner *owner, const QString &id)
{
    const auto it = d->byId.constFind(id);
    if (it == d->byId.cend() || (owner && d->entries[*it].owner != owner->identity()))
        return unknownRule(id);
    BookResult ok;
    ok.rule = d->entries[*it].rule;
    d->release(*it);
    return ok;
}

BookResult RuleBook::remove(const Owner &owner, const QString &id)
{
    return erase(&owner, id);
}

BookResult RuleBook::removeAny(const QString &id)
{
    return erase(nullptr, id);
}

int RuleBook::removeOwner(const Owner &owner)
{
    const auto it = d->owners.constFind(owner.identity());
    if (it == d->owners.cend())
        return 0;
    std::vector<Slot> slots;
    for (const auto &[seq, slot] : it->rules)
        slots.push_back(slot);
    for (Slot s : slots)
        d->release(s);
    return int(slots.size());
}

QList<AlertRule> RuleBook::reown(const Owner &from, const Owner &to)
{
    QList<AlertRule> moved;
    const QString fromId = from.identity();
    const QString toId = to.identity();
    const auto it = d->owners.find(fromId);
    if (it == d->owners.end() || fromId == toId)
        return moved;
    const OwnerRecord record = std::move(*it);
    d->owners.erase(it);
    OwnerRecord &into = d->owners[toId];
    into.owner = to;
    for (const auto &[seq, slot] : record.rules) {
        Entry &e = d->entries[slot];
        e.owner = toId;
        e.holder = to;
        into.rules.emplace(seq, slot);
        moved.append(e.rule);
    }
    return moved;
}

void RuleBook::setHandle(const QString &key, quint64 handle)
{
    const auto it = d->owners.find(key);
    if (it == d->owners.end() || key.isEmpty())
        return;
    it->owner.handle = handle;
    for (const auto &[seq, slot] : it->rules)
        d->entries[slot].holder.handle = handle;
}

QList<AlertRule> RuleBook::list(const Owner &owner) const
{
    QList<AlertRule> out;
    const auto it = d->owners.constFind(owner.identity());
    if (it == d->owners.cend())
        return out;
    out.reserve(qsizetype(it->rules.size()));
    for (const auto &[seq, slot] : it->rules)
        out.append(d->entries[slot].rule);
    return out;
}

QList<std::pair<Owner, AlertRule>> RuleBook::all() const
{
    QList<std::pair<Owner, AlertRule>> out;
    out.reserve(d->live);
    for (const OwnerRecord &rec : std::as_const(d->owners))
        for (const auto &[seq, slot] : rec.rules)
            out.append({rec.owner, d->entries[slot].rule});
    return out;
}

QList<std::pair<Owner, AlertRule>> RuleBook::page(qint64 from, int max, qint64 *next) const
{
    QList<std::pair<Owner, AlertRule>> out;
    const qint64 end = qint64(d->entries.size());
    qint64 i = std::max<qint64>(from, 0);
    for (; i < end && out.size() < max; ++i) {
        const Entry &e = d->entries[size_t(i)];
        if (e.live)
            out.append({e.holder, e.rule});
    }
    *next = i < end ? i : -1;
    return out;
}

std::optional<AlertRule> RuleBook::find(const QString &id) const
{
    const auto it = d->byId.constFind(id);
    if (it == d->byId.cend())
        return std::nullopt;
    return d->entries[*it].rule;
}

std::optional<Owner> RuleBook::ownerOf(const QString &id) const
{
    const auto it = d->byId.constFind(id);
    if (it == d->byId.cend())
        return std::nullopt;
    return d->entries[*it].holder;
}

int RuleBook::size() const
{
    return d->live;
}

int RuleBook::count(const Owner &owner) const
{
    const auto it = d->owners.constFind(owner.identity());
    return it == d->owners.cend() ? 0 : int(it->rules.size());
}

} // namespace fx::rules
