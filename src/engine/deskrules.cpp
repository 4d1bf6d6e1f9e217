// Engine: the desk's own alert rules and fired rules (PROTOCOL.md, "Alert rules", "Desk rules").
// The operator's New rule is parsed here (the parser a client's set_alert goes through) and added
// by the running server on an I/O thread; every fired rule becomes a row of the alert history,
// and the desk's rules' rows also come to this thread for the live alerts and the tray.

#include "engine/engine.h"

#include "engine/firedalerts.h"
#include "server/servercontext.h"
#include "server/streamserver.h"
#include "storage/storage.h"

#include <QDateTime>
#include <QPointer>

namespace fx::engine {

std::function<void(const std::vector<server::FiredRule> &)> Engine::firedRulesSink()
{
    // Monitor-only: no server, nothing fires here.
    storage::Storage *db = monitorOnly() ? nullptr : storage();
    // Runs on the publishing (Redis) thread, only when some rule fired: one record per firing,
    // handed to the storage without waiting (Storage::recordAlerts). The server that calls this
    // is gone before this engine is.
    return [this, db](const std::vector<server::FiredRule> &fired) {
        QList<storage::AlertRecord> records;
        QList<storage::AlertRecord> desk;
        records.reserve(qsizetype(fired.size()));
        for (const server::FiredRule &f : fired) {
            records.append(firedAlertRecord(f));
            if (f.desk())
                desk.append(records.constLast());
        }
        if (db)
            db->recordAlerts(records);
        if (!desk.isEmpty())
            QMetaObject::invokeMethod(
                this, [this, desk] { Q_EMIT deskAlertsFired(desk); }, Qt::QueuedConnection);
    };
}

bool Engine::addDeskRule(const QJsonObject &data, QObject *context, std::function<void(const DeskRuleResult &)> done,
                         QString *field, QString *message)
{
    if (!serverRunning()) {
        *field = QString();
        *message = monitorOnly() ? QStringLiteral("desk rules need the embedded server; this desk runs none")
                                 : QStringLiteral("the server is not running");
        return false;
    }
    rules::ParseContext parse{&m_server->context().instruments(), QDateTime::currentMSecsSinceEpoch(), false};
    parse.allowBroadcast = true;
    std::optional<rules::AlertRule> rule = rules::parseAlertRule(data, parse, field, message);
    if (!rule)
        return false;
    const QPointer<QObject> target(context);
    m_server->addDeskRule(std::move(*rule), [target, done](rules::BookResult r) {
        // On an I/O thread.
        DeskRuleResult result{r.ok(), r.rule.id, r.field, r.message};
        if (target)
            QMetaObject::invokeMethod(
                target, [done, result] { done(result); }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace fx::engine
