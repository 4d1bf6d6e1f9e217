#pragma once

// Where the alert rules and subscriptions of identified users are kept between their
// connections (PROTOCOL.md, "Alert rules": rules that follow the user): the database, shared by
// every server of a fleet. The server sees only this interface (ServerOptions::ruleStore); the
// engine implements it over the storage's writer and reader threads (engine/storagerulestore.h),
// so no I/O thread and not the publishing thread ever waits on the database.
//
// Owners are named "sub:<token sub>", "key:<sha-256 of a client_key, hex>" or "desk".
// Thread contract: every method on any thread, never blocking; load()'s answer comes on
// another thread. Writes are applied in the order they are made.

#include "rules/alertrule.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace fx::server {

struct StoredRules
{
    bool ok = false;
    QString reason; // for people, when !ok (no database detail: it may name a host)
    QList<QByteArray> rules; // AlertRule::toJson() each, oldest first
    bool hasSubscriptions = false; // false: none stored
    QStringList pairs;
};

class RuleStore
{
public:
    enum class Write {
        Upsert, // a new (or restored) rule: the whole row
        Update, // its state or value changed: an existing row only (a deleted rule stays deleted)
        Delete
    };

    virtual ~RuleStore() = default;
    // At most maxRules rules. `done` is called exactly once, on another thread.
    virtual void load(const QString &owner, int maxRules, std::function<void(StoredRules)> done) = 0;
    // Each returns the write's sequence number (see committed()).
    virtual quint64 writeRule(Write kind, const QString &owner, const rules::AlertRule &rule) = 0;
    virtual quint64 writeSubscriptions(const QString &owner, const QStringList &pairs) = 0;
    // Every write whose sequence number is at most this is in the database.
    virtual quint64 committed() const = 0;
};

} // namespace fx::server
