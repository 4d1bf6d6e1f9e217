#pragma once

// A row of the desk's alert rules panel (PROTOCOL.md, "Alert rules"): one rule of one owner as
// plain values, copied off the GUI thread (Engine::requestAlertRules).

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

namespace fx::engine {

struct AlertRuleRow
{
    QString id;
    QString ownerUser; // the token's sub of an identified owner; empty otherwise
    QString ownerKeyId; // a client_key owner: the first 12 hex digits of the key's SHA-256
    QByteArray ownerClientId; // the owner's connection when connected; empty otherwise
    quint64 ownerHandle = 0; // the owner's alert handle (names an anonymous owner otherwise)
    QString pair;
    QString field; // "bid", "ask", "mid", "spread" (PROTOCOL.md's names)
    QString condition; // "above", "below", "crosses", "change_pct"
    double value = 0;
    int windowSeconds = 0; // change_pct only
    QString repeat; // "once", "every", "cooldown" (PROTOCOL.md's {"cooldown_seconds": n})
    int cooldownSeconds = 0;
    bool enabled = true;
    qint64 timesFired = 0;
    qint64 lastFiredMs = 0; // 0: never
    qint64 expiresAtMs = 0; // 0: never
    qint64 createdAtMs = 0;
    QString note;
    bool desk = false; // the desk's own rule (PROTOCOL.md, "Desk rules")
    bool broadcast = false; // a desk rule whose firing goes to every client
    // In the database only (PROTOCOL.md, "Rules that follow the user"): its owner is not
    // connected to this server, so it is not evaluated here now.
    bool stored = false;
};

// The answer to the operator's New rule (Engine::addDeskRule): the rule's id, or why the server
// refused it (for people; field names the offending set_alert field when there is one).
struct DeskRuleResult
{
    bool ok = false;
    QString id;
    QString field;
    QString message;
};

} // namespace fx::engine

Q_DECLARE_METATYPE(fx::engine::AlertRuleRow)
