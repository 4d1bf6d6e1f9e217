#pragma once

#include "core/hostport.h"
#include "core/trustedproxies.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace fx::core {

// Where a setting's value came from, lowest precedence first.
enum class SettingSource { Default, Stored, EnvFile, Environment, CommandLine };
QString settingSourceName(SettingSource source);

// What kind of value a setting holds: how the settings dialog edits it (GUI.md, "Settings").
enum class SettingKind {
    Text, // free text (addresses, lists, names)
    Integer, // a whole number from minimum to maximum
    Number, // a number (fractions allowed) from minimum to maximum
    Flag, // true or false (also 1/0, yes/no, on/off)
    Choice, // one of choices
    OpenFile, // the path of a file that is read
    SaveFile, // the path of a file that is written
    Secret, // a password or token (isSecretSetting)
};

// One configurable name (CONFIGURATION.md): its default, help line and group, and how it is
// shown and bounded (settingspecs.cpp). label, help, unit and atMinimum are English; the desktop
// translates them in the context "fx::core::Settings".
struct SettingSpec
{
    QString name;
    QString defaultValue;
    QString help;
    QString group; // Server, Redis, Database, Logging
    QString label; // in words: "Listen address"
    SettingKind kind = SettingKind::Text;
    double minimum = 0; // Integer and Number: the bounds the loader enforces
    double maximum = 0;
    QString unit; // Integer and Number: "s", "bytes", ... (empty: none)
    QString atMinimum; // Integer: what the minimum means ("no limit"), empty when nothing special
    QStringList choices; // Choice: the values accepted ("" may be one: the default)
};
const QList<SettingSpec> &settingSpecs();
const SettingSpec *findSettingSpec(QStringView name);
// A password or token: never shown or logged (--print-config and the desktop mask it).
bool isSecretSetting(QStringView name);
// DB_SSLMODE's values (libpq's sslmode names).
const QStringList &dbSslModes();
// LOG_LEVEL's values.
const QStringList &logLevels();
// WEBSOCKET_JWT_SECRET at least (SECURITY.md, "Tokens"): the output size of HS256.
inline constexpr int kMinJwtSecretBytes = 32;

struct SettingValue
{
    QString value;
    SettingSource source = SettingSource::Default;
    QString origin; // ".env:12", "--port", "environment", "default"
};

// A validated, typed snapshot of every setting. Plain value type: copy it freely between
// threads.
struct Settings
{
    // Streaming server
    QString host; // WEBSOCKET_HOST
    quint16 port = 5001; // WEBSOCKET_PORT (0: any free port)
    int maxClients = 1000; // WEBSOCKET_MAX_CLIENTS
    int maxConnectionsPerIp = 0; // WEBSOCKET_MAX_CONNECTIONS_PER_IP (0 = no limit)
    TrustedProxies trustedProxies; // WEBSOCKET_TRUSTED_PROXIES
    double pingInterval = 25; // WEBSOCKET_PING_INTERVAL, seconds
    double pingTimeout = 5; // WEBSOCKET_PING_TIMEOUT, seconds
    qint64 maxMessageSize = 65536; // WEBSOCKET_MAX_MESSAGE_SIZE, bytes
    int ioThreads = 0; // WEBSOCKET_IO_THREADS, 0 = one per core
    double rateLimit = 100; // WEBSOCKET_RATE_LIMIT, requests per second per client
    int rateBurst = 200; // WEBSOCKET_RATE_BURST
    qint64 sendQueueLimit = 4 * 1024 * 1024; // WEBSOCKET_SEND_QUEUE_LIMIT, bytes
    QString adminToken; // WEBSOCKET_ADMIN_TOKEN (SECURITY.md, "Admin endpoints"); empty = none
    // SECURITY.md, "Tokens": WEBSOCKET_AUTH ("none" or "jwt") and the WEBSOCKET_JWT_* settings.
    QString authMode = QStringLiteral("none");
    QByteArray jwtSecret; // WEBSOCKET_JWT_SECRET (HS256/384/512); empty = none
    QString jwtPublicKeyPath; // WEBSOCKET_JWT_PUBLIC_KEY: PEM file (RS256/384/512, ES256/384); empty = none
    int jwtLeeway = 5; // WEBSOCKET_JWT_LEEWAY, seconds of clock skew for exp and nbf
    QString jwtAudience; // WEBSOCKET_JWT_AUDIENCE: required aud; empty = not checked
    QString jwtIssuer; // WEBSOCKET_JWT_ISSUER: required iss; empty = not checked
    QString tlsCert; // WEBSOCKET_TLS_CERT: PEM certificate (+ chain); empty with tlsKey = no TLS
    QString tlsKey; // WEBSOCKET_TLS_KEY: PEM private key of that certificate (SECURITY.md, "TLS")
    QStringList corsOrigins; // CORS_ALLOWED_ORIGINS: "*", "null" or canonical origins; empty = "*"
    QStringList pairs; // FX_PAIRS
    // PROTOCOL.md, "History and recovery"
    bool snapshotOnSubscribe = false; // WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE
    bool restoreSubscriptions = false; // WEBSOCKET_RESTORE_SUBSCRIPTIONS
    int historySize = 1000; // WEBSOCKET_HISTORY_SIZE, messages per stream (0: no history)
    int historyTtlSeconds = 300; // WEBSOCKET_HISTORY_TTL
    bool sioRecovery = false; // WEBSOCKET_SIO_RECOVERY
    // PROTOCOL.md, "Alert rules"
    int maxAlertsPerClient = 100; // WEBSOCKET_MAX_ALERTS_PER_CLIENT (0: set_alert refused)
    int maxAlerts = 100000; // WEBSOCKET_MAX_ALERTS (0: set_alert refused)
    // ARCHITECTURE.md, "Fleet heartbeat"
    QString serverId; // WEBSOCKET_SERVER_ID: 1..128 printable, no spaces; empty = <hostname>:<port>
    int fleetStaleSeconds = 5; // FLEET_STALE_SECONDS: a server silent this long is stale (the desk)
    bool embeddedServer = true; // EMBEDDED_SERVER: false = monitor-only desk (fxmonitor --no-server)

    // Redis
    QString redisHost;
    quint16 redisPort = 6379;
    int redisDb = 0;
    QString redisPassword; // empty = none ("None" in the predecessor's files)
    QString redisUsername; // REDIS_USERNAME: Redis 6 ACL user for AUTH; empty = AUTH <password> only
    QString redisSocket; // REDIS_SOCKET: Unix socket path, wins over host/port
    // REDIS.md, "Sentinel": the master is found through these (empty: host/port or a cluster).
    QList<HostPort> redisSentinels; // REDIS_SENTINELS
    QString redisSentinelMaster; // REDIS_SENTINEL_MASTER
    QString redisSentinelUsername; // REDIS_SENTINEL_USERNAME
    QString redisSentinelPassword; // REDIS_SENTINEL_PASSWORD (empty = no AUTH to the Sentinels)
    QList<HostPort> redisClusterNodes; // REDIS_CLUSTER_NODES (REDIS.md, "Cluster")
    QString channelPrefix;
    QString channelPrices;
    QString channelVolatility;
    QString channelCorrelation;
    QString channelDataReady;
    qint64 redisMaxMessageSize = 512 * 1024;

    // Database
    QString dbHost; // empty = embedded SQLite
    quint16 dbPort = 5432;
    QString dbName;
    QString dbUser;
    QString dbPassword;
    QString dbSslMode; // DB_SSLMODE: libpq sslmode (disable ... verify-full); empty = libpq's default
    QString dbPath;
    int tickRetentionDays = 7;
    int barRetentionDays = 365;
    int dbShutdownFlushSeconds = 10; // DB_SHUTDOWN_FLUSH_SECONDS: bound of the write flush at stop

    // Logging
    QString logLevel; // DEBUG, INFO, WARNING, ERROR, CRITICAL
    QString logFile;

    int effectiveIoThreads() const;
    QString fullChannel(const QString &name) const { return channelPrefix + name; }

    // Every known setting with its raw value and origin (for the GUI and --print-config).
    QMap<QString, SettingValue> values;
};

// Merges the layers (defaults < stored < .env < environment < command line) and validates.
class SettingsLoader
{
public:
    SettingsLoader();

    // Values saved by the desktop app (QSettings); ignored keys that are not settings.
    void setStored(const QMap<QString, QString> &stored);
    // Secrets the desktop app read from the system keyring: the same layer as setStored
    // (SettingSource::Stored), origin "system keyring"; applied after setStored.
    void setKeyring(const QMap<QString, QString> &secrets);
    // Reads a .env file. When required is false a missing file is not an error.
    bool loadEnvFile(const QString &path, bool required, QString *error);
    void setEnvironment(const QProcessEnvironment &env);
    // A command-line value; origin names the flag ("--port").
    bool setOverride(const QString &name, const QString &value, const QString &origin, QString *error);

    // The validated snapshot, or nullopt with one line naming the setting in *error.
    std::optional<Settings> resolve(QString *error) const;

    QMap<QString, SettingValue> rawValues() const { return m_values; }

private:
    void apply(const QString &name, const QString &value, SettingSource source, const QString &origin);
    QMap<QString, SettingValue> m_values;
};

} // namespace fx::core
