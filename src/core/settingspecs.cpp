// The table of every product setting (CONFIGURATION.md): its name, default, help line, group,
// and what the settings dialog needs to edit it (GUI.md, "Settings"): a label in words, the
// kind of value, bounds and unit. The bounds are the loader's own (SettingsLoader::resolve
// checks integer and number settings against them), so the dialog's spin boxes and the
// command line agree. The English texts are marked for translation in the context
// "fx::core::Settings" (spelt out at each text: lupdate reads no macro of ours); the desktop
// translates them, the command line prints them as they are.

#include "core/settings.h"

#include <QCoreApplication>

namespace fx::core {

namespace {

// One row of the table, built in place: spec("NAME", "default", "Label", "help", group).kind()...
class Spec
{
public:
    Spec(const char *name, const char *def, const char *label, const char *help, const char *group)
    {
        m_s.name = QString::fromLatin1(name);
        m_s.defaultValue = QString::fromLatin1(def);
        m_s.label = QString::fromUtf8(label);
        m_s.help = QString::fromUtf8(help);
        m_s.group = QString::fromLatin1(group);
    }
    // A whole number from lo to hi; atMin names what the lowest value means ("no limit").
    Spec &integer(double lo, double hi, const char *unit = nullptr, const char *atMin = nullptr)
    {
        return bounded(SettingKind::Integer, lo, hi, unit, atMin);
    }
    Spec &number(double lo, double hi, const char *unit) { return bounded(SettingKind::Number, lo, hi, unit, nullptr); }
    Spec &flag() { return kind(SettingKind::Flag); }
    Spec &secret() { return kind(SettingKind::Secret); }
    Spec &openFile() { return kind(SettingKind::OpenFile); }
    Spec &saveFile() { return kind(SettingKind::SaveFile); }
    Spec &choice(const QStringList &values)
    {
        m_s.choices = values;
        return kind(SettingKind::Choice);
    }
    operator SettingSpec() const { return m_s; }

private:
    Spec &kind(SettingKind k)
    {
        m_s.kind = k;
        return *this;
    }
    Spec &bounded(SettingKind k, double lo, double hi, const char *unit, const char *atMin)
    {
        m_s.minimum = lo;
        m_s.maximum = hi;
        m_s.unit = unit ? QString::fromUtf8(unit) : QString();
        m_s.atMinimum = atMin ? QString::fromUtf8(atMin) : QString();
        return kind(k);
    }
    SettingSpec m_s;
};

constexpr double kMiB = 1024.0 * 1024.0;

} // namespace

const QList<SettingSpec> &settingSpecs()
{
    static const QList<SettingSpec> specs = [] {
        const char *S = "Server", *R = "Redis", *D = "Database", *L = "Logging";
        const char *secs = QT_TRANSLATE_NOOP("fx::core::Settings", "s"),
                   *bytes = QT_TRANSLATE_NOOP("fx::core::Settings", "bytes"),
                   *clients = QT_TRANSLATE_NOOP("fx::core::Settings", "clients"),
                   *days = QT_TRANSLATE_NOOP("fx::core::Settings", "days");
        return QList<SettingSpec>{
            // Server
            Spec("WEBSOCKET_HOST", "0.0.0.0", QT_TRANSLATE_NOOP("fx::core::Settings", "Listen address"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Address the server listens on (IP address or localhost)"), S),
            Spec("WEBSOCKET_PORT", "5001", QT_TRANSLATE_NOOP("fx::core::Settings", "Listen port"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Port for WebSocket, Socket.IO and HTTP (0: any free port)"),
                 S)
                .integer(0, 65535, nullptr, QT_TRANSLATE_NOOP("fx::core::Settings", "any free port")),
            Spec("WEBSOCKET_MAX_CLIENTS", "1000", QT_TRANSLATE_NOOP("fx::core::Settings", "Most clients at once"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Most clients connected at once"), S)
                .integer(1, 1000000, clients),
            Spec("WEBSOCKET_MAX_CONNECTIONS_PER_IP", "0",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Most clients from one address"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Most clients connected at once from one IP address (0: no limit)"),
                 S)
                .integer(0, 1000000, clients, QT_TRANSLATE_NOOP("fx::core::Settings", "no limit")),
            Spec("WEBSOCKET_PING_INTERVAL", "25", QT_TRANSLATE_NOOP("fx::core::Settings", "Keep-alive interval"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds between keep-alive pings (fractions allowed)"), S)
                .number(0.01, 86400, secs),
            Spec("WEBSOCKET_PING_TIMEOUT", "5", QT_TRANSLATE_NOOP("fx::core::Settings", "Keep-alive timeout"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds a client has to answer a ping (fractions allowed)"),
                 S)
                .number(0.01, 3600, secs),
            Spec("WEBSOCKET_MAX_MESSAGE_SIZE", "65536",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Largest client message"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Largest message a client may send, in bytes"), S)
                .integer(256, 64 * kMiB, bytes),
            Spec("WEBSOCKET_IO_THREADS", "0", QT_TRANSLATE_NOOP("fx::core::Settings", "I/O threads"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Server I/O threads (0: one per core)"), S)
                .integer(0, 64, nullptr, QT_TRANSLATE_NOOP("fx::core::Settings", "one per core")),
            Spec("WEBSOCKET_RATE_LIMIT", "100", QT_TRANSLATE_NOOP("fx::core::Settings", "Request rate per client"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Requests per second a client may send (sustained)"), S)
                .number(0.1, 1000000, QT_TRANSLATE_NOOP("fx::core::Settings", "per second")),
            Spec("WEBSOCKET_RATE_BURST", "200", QT_TRANSLATE_NOOP("fx::core::Settings", "Request burst"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Requests a client may send in a burst"), S)
                .integer(1, 1000000, QT_TRANSLATE_NOOP("fx::core::Settings", "requests")),
            Spec("WEBSOCKET_SEND_QUEUE_LIMIT", "4194304",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Send queue per client"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Bytes queued for a slow client before it is disconnected"), S)
                .integer(64 * 1024, 1024 * kMiB, bytes),
            Spec("WEBSOCKET_ADMIN_TOKEN", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Admin token"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Secret for /metrics and the detailed /health (at least 16 characters)"),
                 S)
                .secret(),
            Spec("WEBSOCKET_AUTH", "none", QT_TRANSLATE_NOOP("fx::core::Settings", "Client authentication"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Client authentication: none, or jwt (every client presents a JSON Web Token)"),
                 S)
                .choice({QStringLiteral("none"), QStringLiteral("jwt")}),
            Spec("WEBSOCKET_JWT_SECRET", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Token HMAC secret"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "HMAC secret for HS256/384/512 tokens (at least 32 bytes)"), S)
                .secret(),
            Spec("WEBSOCKET_JWT_PUBLIC_KEY", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Token public key"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PEM public key file for RS256/384/512 or ES256/384 tokens"),
                 S)
                .openFile(),
            Spec("WEBSOCKET_JWT_LEEWAY", "5", QT_TRANSLATE_NOOP("fx::core::Settings", "Token clock leeway"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds of clock skew allowed for a token's exp and nbf"), S)
                .integer(0, 300, secs),
            Spec("WEBSOCKET_JWT_AUDIENCE", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Required token audience"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Required token audience (aud); empty: not checked"), S),
            Spec("WEBSOCKET_JWT_ISSUER", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Required token issuer"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Required token issuer (iss); empty: not checked"), S),
            Spec("WEBSOCKET_TLS_CERT", "", QT_TRANSLATE_NOOP("fx::core::Settings", "TLS certificate"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)"),
                 S)
                .openFile(),
            Spec("WEBSOCKET_TLS_KEY", "", QT_TRANSLATE_NOOP("fx::core::Settings", "TLS private key"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Private key of the TLS certificate (PEM, RSA or EC, unencrypted)"),
                 S)
                .openFile(),
            Spec("CORS_ALLOWED_ORIGINS", "*", QT_TRANSLATE_NOOP("fx::core::Settings", "Allowed browser origins"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Origins browsers may connect from: * or a comma-separated list"),
                 S),
            Spec("WEBSOCKET_TRUSTED_PROXIES", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Trusted proxies"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: "
                     "none)"),
                 S),
            Spec(
                "FX_PAIRS", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Currency pairs"),
                QT_TRANSLATE_NOOP("fx::core::Settings", "Comma-separated currency pairs (empty: the 20 default pairs)"),
                S),
            Spec("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE", "false",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Last price on subscribe"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Send the last known price of each newly subscribed pair right after subscribing (true/false)"),
                 S)
                .flag(),
            Spec("WEBSOCKET_HISTORY_SIZE", "1000", QT_TRANSLATE_NOOP("fx::core::Settings", "Recovery history"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Messages kept per room and for alerts, for recovery after a reconnect (0: no history)"),
                 S)
                .integer(0, 10000, QT_TRANSLATE_NOOP("fx::core::Settings", "messages"),
                         QT_TRANSLATE_NOOP("fx::core::Settings", "no history")),
            Spec("WEBSOCKET_HISTORY_TTL", "300", QT_TRANSLATE_NOOP("fx::core::Settings", "Recovery history age"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Seconds a message stays in the recovery history"), S)
                .integer(1, 86400, secs),
            Spec("WEBSOCKET_SIO_RECOVERY", "false", QT_TRANSLATE_NOOP("fx::core::Settings", "Socket.IO state recovery"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Socket.IO connection state recovery: an offset argument on every event (true/false)"),
                 S)
                .flag(),
            Spec("WEBSOCKET_MAX_ALERTS_PER_CLIENT", "100",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Alert rules per client"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Most alert rules one client (or one user) may hold"), S)
                .integer(0, 10000, QT_TRANSLATE_NOOP("fx::core::Settings", "rules"),
                         QT_TRANSLATE_NOOP("fx::core::Settings", "alert rules off")),
            Spec("WEBSOCKET_MAX_ALERTS", "100000", QT_TRANSLATE_NOOP("fx::core::Settings", "Alert rules in all"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Most alert rules the server holds for all clients together"),
                 S)
                .integer(0, 10000000, QT_TRANSLATE_NOOP("fx::core::Settings", "rules"),
                         QT_TRANSLATE_NOOP("fx::core::Settings", "alert rules off")),
            Spec("WEBSOCKET_RESTORE_SUBSCRIPTIONS", "false",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Restore stored subscriptions"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Rejoin the rooms an identified user was in when it connects again (true/false)"),
                 S)
                .flag(),
            Spec("WEBSOCKET_SERVER_ID", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Server name in the fleet"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "This server's name in the fleet heartbeat (empty: <hostname>:<port>; at most 128 characters)"),
                 S),
            Spec("FLEET_STALE_SECONDS", "5", QT_TRANSLATE_NOOP("fx::core::Settings", "Stale server after"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Seconds without a heartbeat before the desk shows a server as stale"),
                 S)
                .integer(1, 3600, secs),
            Spec("EMBEDDED_SERVER", "true", QT_TRANSLATE_NOOP("fx::core::Settings", "Run the embedded server"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)"),
                 S)
                .flag(),
            // Redis
            Spec("REDIS_HOST", "localhost", QT_TRANSLATE_NOOP("fx::core::Settings", "Host"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Redis host"), R),
            Spec("REDIS_PORT", "6379", QT_TRANSLATE_NOOP("fx::core::Settings", "Port"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Redis port"), R)
                .integer(1, 65535),
            Spec("REDIS_DB", "0", QT_TRANSLATE_NOOP("fx::core::Settings", "Database number"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Redis database number"), R)
                .integer(0, 100000),
            Spec("REDIS_PASSWORD", "None", QT_TRANSLATE_NOOP("fx::core::Settings", "Password"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Redis password (None: no AUTH)"), R)
                .secret(),
            Spec("REDIS_USERNAME", "", QT_TRANSLATE_NOOP("fx::core::Settings", "User name"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Redis 6+ ACL user for AUTH (empty: AUTH with the password only)"),
                 R),
            Spec("REDIS_SOCKET", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Unix socket"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Redis Unix socket path (wins over host and port)"), R)
                .openFile(),
            Spec("REDIS_SENTINELS", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Sentinels"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)"),
                 R),
            Spec("REDIS_SENTINEL_MASTER", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Sentinel master name"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)"),
                 R),
            Spec("REDIS_SENTINEL_USERNAME", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Sentinel user name"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "ACL user for AUTH to the Sentinels (empty: AUTH with the password only)"),
                 R),
            Spec("REDIS_SENTINEL_PASSWORD", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Sentinel password"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Password of the Sentinels (empty: no AUTH to the Sentinels)"),
                 R)
                .secret(),
            Spec(
                "REDIS_CLUSTER_NODES", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Cluster nodes"),
                QT_TRANSLATE_NOOP("fx::core::Settings",
                                  "Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)"),
                R),
            Spec("REDIS_CHANNEL_PREFIX", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Channel prefix"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Prefix of every channel name, e.g. fx:"), R),
            Spec("REDIS_CHANNEL_PRICES", "price_updates", QT_TRANSLATE_NOOP("fx::core::Settings", "Price channel"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of price updates"), R),
            Spec("REDIS_CHANNEL_VOLATILITY", "volatility_alerts",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Volatility alert channel"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of volatility alerts"), R),
            Spec("REDIS_CHANNEL_CORRELATION", "correlation_alerts",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Correlation alert channel"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of correlation alerts"), R),
            Spec("REDIS_CHANNEL_DATA_READY", "data_ready",
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Data-ready channel"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Channel of data-ready notices"), R),
            Spec("REDIS_MAX_MESSAGE_SIZE", "524288", QT_TRANSLATE_NOOP("fx::core::Settings", "Largest Redis message"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Largest Redis message accepted, in bytes"), R)
                .integer(1024, 64 * kMiB, bytes),
            // Database
            Spec("DB_HOST", "", QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL host"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL host (empty: embedded SQLite)"), D),
            Spec("DB_PORT", "5432", QT_TRANSLATE_NOOP("fx::core::Settings", "Port"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL port"), D)
                .integer(1, 65535),
            Spec("DB_NAME", "fx_trading_data", QT_TRANSLATE_NOOP("fx::core::Settings", "Database name"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL database"), D),
            Spec("DB_USER", "postgres", QT_TRANSLATE_NOOP("fx::core::Settings", "User name"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL user"), D),
            Spec("DB_PASSWORD", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Password"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "PostgreSQL password"), D)
                .secret(),
            Spec("DB_SSLMODE", "", QT_TRANSLATE_NOOP("fx::core::Settings", "TLS to PostgreSQL"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full"),
                 D)
                .choice(QStringList{QString()} + dbSslModes()),
            Spec("DB_PATH", "", QT_TRANSLATE_NOOP("fx::core::Settings", "SQLite file"),
                 QT_TRANSLATE_NOOP("fx::core::Settings",
                                   "SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)"),
                 D)
                .saveFile(),
            Spec("DB_TICK_RETENTION_DAYS", "7", QT_TRANSLATE_NOOP("fx::core::Settings", "Keep ticks for"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Days raw ticks are kept"), D)
                .integer(1, 3650, days),
            Spec("DB_BAR_RETENTION_DAYS", "365", QT_TRANSLATE_NOOP("fx::core::Settings", "Keep one-minute bars for"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Days one-minute bars are kept"), D)
                .integer(1, 36500, days),
            Spec("DB_SHUTDOWN_FLUSH_SECONDS", "10", QT_TRANSLATE_NOOP("fx::core::Settings", "Write flush at stop"),
                 QT_TRANSLATE_NOOP(
                     "fx::core::Settings",
                     "Seconds the database writes may take at stop, retrying while it is down (0: do not wait)"),
                 D)
                .integer(0, 3600, secs, QT_TRANSLATE_NOOP("fx::core::Settings", "do not wait")),
            // Logging
            Spec("LOG_LEVEL", "INFO", QT_TRANSLATE_NOOP("fx::core::Settings", "Log level"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "DEBUG, INFO, WARNING, ERROR or CRITICAL"), L)
                .choice(logLevels()),
            Spec("LOG_FILE", "", QT_TRANSLATE_NOOP("fx::core::Settings", "Log file"),
                 QT_TRANSLATE_NOOP("fx::core::Settings", "Also write the log to this file"), L)
                .saveFile(),
        };
    }();
    return specs;
}

const QStringList &dbSslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

const QStringList &logLevels()
{
    static const QStringList levels{QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARNING"),
                                    QStringLiteral("ERROR"), QStringLiteral("CRITICAL")};
    return levels;
}

bool isSecretSetting(QStringView name)
{
    return name.contains(u"PASSWORD") || name.contains(u"TOKEN") || name.contains(u"SECRET");
}

const SettingSpec *findSettingSpec(QStringView name)
{
    for (const SettingSpec &s : settingSpecs())
        if (s.name == name)
            return &s;
    return nullptr;
}

} // namespace fx::core
