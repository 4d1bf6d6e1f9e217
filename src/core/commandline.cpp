#include "core/commandline.h"

#include "core/version.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace fx::core {

CommandLine::CommandLine(const QString &description, int groups)
    : m_envFile(QStringLiteral("env-file"),
                QStringLiteral("Read settings from this .env file (default: ./.env when present)."),
                QStringLiteral("path"))
    , m_set(QStringLiteral("set"), QStringLiteral("Set any setting, e.g. --set REDIS_DB=2 (repeatable)."),
            QStringLiteral("NAME=VALUE"))
    , m_printConfig(QStringLiteral("print-config"),
                    QStringLiteral("Print every setting with where its value came from, then exit."))
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    auto flag = [this](const char *name, const char *setting, const char *help, const char *value) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromUtf8(help), QString::fromLatin1(value));
        m_flags.append({o, QString::fromLatin1(setting)});
        m_parser.addOption(o);
    };
    if (groups & Server) {
        flag("host", "WEBSOCKET_HOST", "Listen address (WEBSOCKET_HOST).", "address");
        flag("port", "WEBSOCKET_PORT", "Listen port, 0 for any free port (WEBSOCKET_PORT).", "port");
        flag("max-clients", "WEBSOCKET_MAX_CLIENTS", "Most clients at once (WEBSOCKET_MAX_CLIENTS).", "count");
        flag("max-connections-per-ip", "WEBSOCKET_MAX_CONNECTIONS_PER_IP",
             "Most clients at once from one IP address, 0 for no limit (WEBSOCKET_MAX_CONNECTIONS_PER_IP).", "count");
        flag("ping-interval", "WEBSOCKET_PING_INTERVAL", "Seconds between keep-alive pings (WEBSOCKET_PING_INTERVAL).",
             "seconds");
        flag("ping-timeout", "WEBSOCKET_PING_TIMEOUT", "Seconds to answer a ping (WEBSOCKET_PING_TIMEOUT).", "seconds");
        flag("io-threads", "WEBSOCKET_IO_THREADS", "Server I/O threads, 0 for one per core (WEBSOCKET_IO_THREADS).",
             "count");
        flag("max-message-size", "WEBSOCKET_MAX_MESSAGE_SIZE",
             "Largest client message in bytes (WEBSOCKET_MAX_MESSAGE_SIZE).", "bytes");
        flag("tls-cert", "WEBSOCKET_TLS_CERT", "TLS certificate, PEM: serve wss:// and https:// (WEBSOCKET_TLS_CERT).",
             "path");
        flag("tls-key", "WEBSOCKET_TLS_KEY", "Private key of the TLS certificate, PEM (WEBSOCKET_TLS_KEY).", "path");
    }
    if (groups & Redis) {
        flag("redis-host", "REDIS_HOST", "Redis host (REDIS_HOST).", "host");
        flag("redis-port", "REDIS_PORT", "Redis port (REDIS_PORT).", "port");
        flag("redis-db", "REDIS_DB", "Redis database number (REDIS_DB).", "number");
        flag("redis-socket", "REDIS_SOCKET", "Redis Unix socket (REDIS_SOCKET).", "path");
    }
    if (groups & Database) {
        flag("db-path", "DB_PATH", "SQLite database file (DB_PATH).", "path");
        flag("db-host", "DB_HOST", "PostgreSQL host; empty for SQLite (DB_HOST).", "host");
    }
    if (groups & Logging) {
        flag("log-level", "LOG_LEVEL", "DEBUG, INFO, WARNING, ERROR or CRITICAL (LOG_LEVEL).", "level");
        flag("log-file", "LOG_FILE", "Also log to this file (LOG_FILE).", "path");
    }
    m_parser.addOption(m_envFile);
    m_parser.addOption(m_set);
    m_parser.addOption(m_printConfig);
    m_parser.addHelpOption();
    m_parser.addVersionOption();
}

void CommandLine::addSwitch(const QString &name, const QString &setting, const QString &value, const QString &help)
{
    QCommandLineOption o(name, help);
    m_switches.append({o, setting, value});
    m_parser.addOption(o);
}

static int failWith(const QString &message)
{
    const QString app = QFileInfo(QCoreApplication::applicationFilePath()).fileName();
    std::fprintf(stderr, "%s: %s\n", qPrintable(app), qPrintable(message));
    std::fflush(stderr);
    return 2;
}

std::optional<int> CommandLine::process(const QStringList &arguments)
{
    if (!m_parser.parse(arguments))
        return failWith(m_parser.errorText() + QStringLiteral(" (see --help)"));
    if (m_parser.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(m_parser.helpText()), stdout);
        return 0;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        std::printf("%s %s\n", qPrintable(QCoreApplication::applicationName()), fx::kVersion);
        return 0;
    }
    if (!m_parser.positionalArguments().isEmpty())
        return failWith(
            QStringLiteral("unexpected argument \"%1\" (see --help)").arg(m_parser.positionalArguments().first()));

    QString error;
    const auto settings = resolve(&error);
    if (!settings)
        return failWith(error);
    m_settings = *settings;
    if (m_parser.isSet(m_printConfig)) {
        std::fputs(qPrintable(describe(m_settings)), stdout);
        return 0;
    }
    return std::nullopt;
}

std::optional<Settings> CommandLine::resolve(QString *error) const
{
    SettingsLoader loader;
    loader.setStored(m_stored);
    loader.setKeyring(m_keyring);
    const bool explicitEnv = m_parser.isSet(m_envFile);
    const QString envPath = explicitEnv ? m_parser.value(m_envFile) : QStringLiteral(".env");
    if (!loader.loadEnvFile(envPath, explicitEnv, error))
        return std::nullopt;
    loader.setEnvironment(QProcessEnvironment::systemEnvironment());
    for (const auto &[option, setting] : m_flags) {
        if (!m_parser.isSet(option))
            continue;
        const QStringList values = m_parser.values(option);
        if (!loader.setOverride(setting, values.last(), QStringLiteral("--") + option.names().first(), error))
            return std::nullopt;
    }
    for (const Switch &sw : std::as_const(m_switches))
        if (m_parser.isSet(sw.option)
            && !loader.setOverride(sw.setting, sw.value, QStringLiteral("--") + sw.option.names().first(), error))
            return std::nullopt;
    for (const QString &kv : m_parser.values(m_set)) {
        const qsizetype eq = kv.indexOf(u'=');
        if (eq <= 0) {
            *error = QStringLiteral("--set expects NAME=VALUE, got \"%1\"").arg(kv);
            return std::nullopt;
        }
        if (!loader.setOverride(kv.left(eq).trimmed(), kv.mid(eq + 1), QStringLiteral("--set"), error))
            return std::nullopt;
    }
    return loader.resolve(error);
}

QString CommandLine::describe(const Settings &s)
{
    QString out;
    QTextStream ts(&out);
    for (const SettingSpec &spec : settingSpecs()) {
        const SettingValue v = s.values.value(spec.name);
        const bool secret = isSecretSetting(spec.name) && !v.value.isEmpty() && v.value != u"None";
        ts << spec.name << '=' << (secret ? QStringLiteral("********") : v.value) << "  (" << v.origin << ")\n";
    }
    return out;
}

} // namespace fx::core
