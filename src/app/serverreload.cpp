#include "app/serverreload.h"

#include "core/logging.h"
#include "engine/engine.h"

namespace fx::app {

ServerReloader::ServerReloader(const core::CommandLine &cli, engine::Engine &engine)
    : m_cli(cli)
    , m_engine(engine)
    , m_running(cli.settings().values)
{
}

bool ServerReloader::tokenKeySetting(QStringView name)
{
    return name == u"WEBSOCKET_JWT_SECRET" || name == u"WEBSOCKET_JWT_PUBLIC_KEY" || name == u"WEBSOCKET_JWT_AUDIENCE"
        || name == u"WEBSOCKET_JWT_ISSUER";
}

bool ServerReloader::reloadable(QStringView name)
{
    return name == u"LOG_LEVEL" || name == u"LOG_FILE" || name == u"CORS_ALLOWED_ORIGINS"
        || name == u"WEBSOCKET_MAX_CONNECTIONS_PER_IP" || name == u"WEBSOCKET_RATE_LIMIT"
        || name == u"WEBSOCKET_RATE_BURST" || name == u"WEBSOCKET_MAX_ALERTS_PER_CLIENT"
        || name == u"WEBSOCKET_MAX_ALERTS";
}

QString ServerReloader::reload()
{
    QString error;
    const std::optional<core::Settings> next = m_cli.resolveAgain(&error);
    if (!next) {
        qCWarning(fxCoreLog).noquote() << QStringLiteral("reload refused, nothing changed: %1").arg(error);
        return QStringLiteral("reload refused: %1").arg(error);
    }

    // First the log, so that what follows is written at the new level and to the new file.
    if (!core::logging::setup(next->logLevel, next->logFile, &error)) {
        QLoggingCategory::setFilterRules(core::logging::filterRulesFor(next->logLevel));
        qCWarning(fxCoreLog).noquote() << QStringLiteral("reload: %1; the log file stays as it was").arg(error);
    }

    // SECURITY.md, "Tokens": with authentication on, the keys (the public key file read again),
    // audience and issuer check new tokens from now on; connected clients stay.
    QString keysError;
    const bool jwt = m_engine.settings().authMode == u"jwt";
    const bool keysApplied = jwt && next->authMode == u"jwt" && m_engine.reloadTokenKeys(*next, &keysError);
    if (keysApplied)
        qCInfo(fxCoreLog) << "reload: token keys read again: new tokens are checked with them";
    else if (jwt && !keysError.isEmpty())
        qCWarning(fxCoreLog).noquote() << QStringLiteral("reload: the token keys stay as they were: %1").arg(keysError);

    QStringList applied, restart;
    for (const core::SettingSpec &spec : core::settingSpecs()) {
        const core::SettingValue was = m_running.value(spec.name);
        const core::SettingValue now = next->values.value(spec.name);
        if (was.value == now.value)
            continue;
        const QString change = core::isSecretSetting(spec.name)
            ? QStringLiteral("%1 changed (from %2)").arg(spec.name, now.origin)
            : QStringLiteral("%1 changed from \"%2\" to \"%3\" (from %4)")
                  .arg(spec.name, was.value, now.value, now.origin);
        if (reloadable(spec.name) || (keysApplied && tokenKeySetting(spec.name))) {
            m_running.insert(spec.name, now);
            applied << spec.name;
            qCInfo(fxCoreLog).noquote() << QStringLiteral("reload: %1: applied").arg(change);
        } else {
            restart << spec.name;
            qCWarning(fxCoreLog).noquote()
                << QStringLiteral("reload: %1: needs a restart to take effect (systemctl restart fxmonitor-server)")
                       .arg(change);
        }
    }
    m_engine.applyRuntimeSettings(*next);

    // SECURITY.md, "TLS": the files at the running paths are read again (the server logs and
    // counts the outcome); a changed path is among the restarts above.
    if (m_engine.serverTls()) {
        QString message;
        m_engine.reloadTls(&message);
    }

    const QString summary = restart.isEmpty()
        ? QStringLiteral("settings reloaded: %1 changed and applied").arg(applied.size())
        : QStringLiteral("settings reloaded: %1 applied, %2 need a restart (%3)")
              .arg(applied.size())
              .arg(restart.size())
              .arg(restart.join(QStringLiteral(", ")));
    qCInfo(fxCoreLog).noquote() << "reload:" << summary;
    return summary;
}

} // namespace fx::app
