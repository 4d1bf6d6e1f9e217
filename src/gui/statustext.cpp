#include "gui/statustext.h"

#include "gui/format.h"
#include "gui/theme.h"

#include <QCoreApplication>

namespace fx::gui {

// lupdate needs the context spelled out at every call (no macros, no helper).
StateText StatusText::server(const StatusSnapshot &s)
{
    if (s.monitorOnly) // CONFIGURATION.md, EMBEDDED_SERVER
        return {QCoreApplication::translate("fx::gui::StatusText", "Monitor-only: no embedded server"), Theme::idle()};
    if (!s.serverRunning)
        return {QCoreApplication::translate("fx::gui::StatusText", "Server stopped"), Theme::error()};
    if (s.tls) // SECURITY.md, "TLS"
        return {QCoreApplication::translate("fx::gui::StatusText", "Listening on %1 with TLS (wss://, https://)")
                    .arg(s.listenAddress),
                Theme::ok()};
    return {QCoreApplication::translate("fx::gui::StatusText", "Listening on %1").arg(s.listenAddress), Theme::ok()};
}

StateText StatusText::redis(const StatusSnapshot &s)
{
    if (!s.hasRedis)
        return {QCoreApplication::translate("fx::gui::StatusText", "Redis not started"), Theme::idle()};
    const redis::RedisStatus &r = s.redis;
    switch (r.state) {
    case redis::RedisState::Idle:
        return {QCoreApplication::translate("fx::gui::StatusText", "Redis idle"), Theme::idle()};
    case redis::RedisState::Connecting:
        return {QCoreApplication::translate("fx::gui::StatusText", "Redis connecting to %1").arg(r.endpoint),
                Theme::warning()};
    case redis::RedisState::Connected:
        if (!r.via.isEmpty() && r.via != u"direct") // REDIS.md, "Sentinel" and "Cluster": which Redis it found
            return {QCoreApplication::translate("fx::gui::StatusText", "Redis connected to %1 via %2")
                        .arg(r.endpoint, r.via),
                    Theme::ok()};
        return {QCoreApplication::translate("fx::gui::StatusText", "Redis connected"), Theme::ok()};
    case redis::RedisState::Disconnected: {
        const QString reason = r.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(r.reason);
        if (s.redisRetryInMs > 0) {
            const qint64 secs = (s.redisRetryInMs + 999) / 1000;
            return {QCoreApplication::translate("fx::gui::StatusText", "Redis disconnected%1, retrying in %n s",
                                                nullptr, int(secs))
                        .arg(reason),
                    Theme::error()};
        }
        return {QCoreApplication::translate("fx::gui::StatusText", "Redis disconnected%1, retrying now").arg(reason),
                Theme::error()};
    }
    }
    return {};
}

StateText StatusText::database(const StatusSnapshot &s)
{
    if (!s.hasDatabase)
        return {QCoreApplication::translate("fx::gui::StatusText", "Database off"), Theme::idle()};
    const storage::StorageStatus &d = s.database;
    switch (d.state) {
    case storage::StorageState::NotConfigured:
        return {QCoreApplication::translate("fx::gui::StatusText", "Database not configured"), Theme::idle()};
    case storage::StorageState::Connecting:
        return {QCoreApplication::translate("fx::gui::StatusText", "Database connecting"), Theme::warning()};
    case storage::StorageState::Ok:
        if (d.droppedRows() > 0)
            return {QCoreApplication::translate("fx::gui::StatusText",
                                                "Database ok, dropped while it was away: %1 alerts, %2 ticks, %3 "
                                                "connection records")
                        .arg(fmt::count(qint64(d.droppedAlerts)), fmt::count(qint64(d.droppedTicks)),
                             fmt::count(qint64(d.droppedConnections))),
                    Theme::warning()};
        return {QCoreApplication::translate("fx::gui::StatusText", "Database ok"), Theme::ok()};
    case storage::StorageState::Error:
        if (d.retryInMs > 0 && d.droppedRows() > 0)
            return {QCoreApplication::translate("fx::gui::StatusText",
                                                "Database error (%1), %2 rows waiting, dropped %3 alerts, %4 ticks, "
                                                "%5 connection records, retrying in %6")
                        .arg(d.lastError, fmt::count(d.bufferedRows), fmt::count(qint64(d.droppedAlerts)),
                             fmt::count(qint64(d.droppedTicks)), fmt::count(qint64(d.droppedConnections)),
                             fmt::milliseconds(d.retryInMs)),
                    Theme::error()};
        if (d.retryInMs > 0)
            return {QCoreApplication::translate("fx::gui::StatusText",
                                                "Database error (%1), %2 rows waiting, retrying in %3")
                        .arg(d.lastError, fmt::count(d.bufferedRows), fmt::milliseconds(d.retryInMs)),
                    Theme::error()};
        return {QCoreApplication::translate("fx::gui::StatusText", "Database error (%1)").arg(d.lastError),
                Theme::error()};
    case storage::StorageState::RefusedNewerSchema:
        return {QCoreApplication::translate("fx::gui::StatusText", "Database refused: %1").arg(d.lastError),
                Theme::error()};
    }
    return {};
}

StateText StatusText::sessions(const StatusSnapshot &s)
{
    if (s.openSessions.isEmpty())
        return {s.marketOpen ? QCoreApplication::translate("fx::gui::StatusText", "No session open")
                             : QCoreApplication::translate("fx::gui::StatusText", "Market closed (weekend)"),
                Theme::idle()};
    QStringList names;
    for (const QString &n : s.openSessions)
        names << QCoreApplication::translate("fx::gui::StatusText", n.toUtf8().constData());
    return {QCoreApplication::translate("fx::gui::StatusText", "%1 open").arg(names.join(QStringLiteral(", "))),
            Theme::ok()};
}

StateText StatusText::clients(const StatusSnapshot &s)
{
    if (s.monitorOnly)
        return {QCoreApplication::translate("fx::gui::StatusText", "monitor-only (clients: see Fleet)"), Theme::idle()};
    const int n = s.serverRunning ? s.stats.connectedClients : 0;
    QColor c = Theme::ok();
    if (!s.serverRunning)
        c = Theme::idle();
    else if (s.stats.maxClients > 0 && n >= s.stats.maxClients)
        c = Theme::error();
    else if (s.stats.maxClients > 0 && n * 10 >= s.stats.maxClients * 9)
        c = Theme::warning();
    return {QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, n), c};
}

// Session names for lupdate (they come from core::MarketSessions in English).
[[maybe_unused]] static const char *const kSessionNames[] = {
    QT_TRANSLATE_NOOP("fx::gui::StatusText", "Sydney"),
    QT_TRANSLATE_NOOP("fx::gui::StatusText", "Tokyo"),
    QT_TRANSLATE_NOOP("fx::gui::StatusText", "London"),
    QT_TRANSLATE_NOOP("fx::gui::StatusText", "New York"),
};

} // namespace fx::gui
