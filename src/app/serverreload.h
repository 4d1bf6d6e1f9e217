#pragma once

// fxmonitor-server's SIGHUP (docs/OPERATIONS.md, "Reload"): the settings are resolved again
// from the same command line, the .env file read again and the environment. What the running
// server takes at once is applied: LOG_LEVEL and LOG_FILE (the file is reopened on every
// reload, for log rotation), CORS_ALLOWED_ORIGINS, WEBSOCKET_MAX_CONNECTIONS_PER_IP,
// WEBSOCKET_RATE_LIMIT and WEBSOCKET_RATE_BURST, the TLS certificate and key files read again,
// and with WEBSOCKET_AUTH=jwt the token keys (WEBSOCKET_JWT_SECRET, WEBSOCKET_JWT_PUBLIC_KEY read
// again, WEBSOCKET_JWT_AUDIENCE, WEBSOCKET_JWT_ISSUER) for new tokens. Every other changed setting is named in the log as
// needing a restart (and again on each later reload until it is restarted). Invalid settings
// change nothing. Secret values are never logged.

#include "core/commandline.h"

#include <QMap>
#include <QString>

namespace fx::engine {
class Engine;
}

namespace fx::app {

class ServerReloader
{
public:
    ServerReloader(const core::CommandLine &cli, engine::Engine &engine);

    // The settings a running server takes on SIGHUP; and those it takes when it runs with
    // WEBSOCKET_AUTH=jwt and the new keys load.
    static bool reloadable(QStringView name);
    static bool tokenKeySetting(QStringView name);
    // Reads, applies and logs; returns one line for systemd's STATUS=.
    QString reload();

private:
    const core::CommandLine &m_cli;
    engine::Engine &m_engine;
    QMap<QString, core::SettingValue> m_running; // the values in effect
};

} // namespace fx::app
