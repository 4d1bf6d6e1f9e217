#include "core/settings.h"

#include "core/envfile.h"
#include "core/hostport.h"
#include "core/instruments.h"
#include "core/ipliteral.h"
#include "core/weborigin.h"

#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QThread>

#include <cmath>

namespace fx::core {

QString settingSourceName(SettingSource source)
{
    switch (source) {
    case SettingSource::Default: return QStringLiteral("default");
    case SettingSource::Stored: return QStringLiteral("saved settings");
    case SettingSource::EnvFile: return QStringLiteral(".env file");
    case SettingSource::Environment: return QStringLiteral("environment");
    case SettingSource::CommandLine: return QStringLiteral("command line");
    }
    return {};
}

const QList<SettingSpec> &settingSpecs()
{
    static const QList<SettingSpec> specs = [] {
        const QString S = QStringLiteral("Server"), R = QStringLiteral("Redis"), D = QStringLiteral("Database"),
                      L = QStringLiteral("Logging");
        auto s = [](const char *n, const char *d, const char *h, const QString &g) {
            return SettingSpec{QString::fromLatin1(n), QString::fromLatin1(d), QString::fromUtf8(h), g};
        };
        return QList<SettingSpec>{
            s("WEBSOCKET_HOST", "0.0.0.0", "Address the server listens on (IP address or localhost)", S),
            s("WEBSOCKET_PORT", "5001", "Port for WebSocket, Socket.IO and HTTP (0: any free port)", S),
            s("WEBSOCKET_MAX_CLIENTS", "1000", "Most clients connected at once", S),
            s("WEBSOCKET_MAX_CONNECTIONS_PER_IP", "0",
              "Most clients connected at once from one IP address (0: no limit)", S),
            s("WEBSOCKET_PING_INTERVAL", "25", "Seconds between keep-alive pings (fractions allowed)", S),
            s("WEBSOCKET_PING_TIMEOUT", "5", "Seconds a client has to answer a ping (fractions allowed)", S),
            s("WEBSOCKET_MAX_MESSAGE_SIZE", "65536", "Largest message a client may send, in bytes", S),
            s("WEBSOCKET_IO_THREADS", "0", "Server I/O threads (0: one per core)", S),
            s("WEBSOCKET_RATE_LIMIT", "100", "Requests per second a client may send (sustained)", S),
            s("WEBSOCKET_RATE_BURST", "200", "Requests a client may send in a burst", S),
            s("WEBSOCKET_SEND_QUEUE_LIMIT", "4194304", "Bytes queued for a slow client before it is disconnected", S),
            s("WEBSOCKET_ADMIN_TOKEN", "", "Secret for /metrics and the detailed /health (at least 16 characters)", S),
            s("WEBSOCKET_AUTH", "none", "Client authentication: none, or jwt (every client presents a JSON Web Token)",
              S),
            s("WEBSOCKET_JWT_SECRET", "", "HMAC secret for HS256/384/512 tokens (at least 32 bytes)", S),
            s("WEBSOCKET_JWT_PUBLIC_KEY", "", "PEM public key file for RS256/384/512 or ES256/384 tokens", S),
            s("WEBSOCKET_JWT_LEEWAY", "5", "Seconds of clock skew allowed for a token's exp and nbf", S),
            s("WEBSOCKET_JWT_AUDIENCE", "", "Required token audience (aud); empty: not checked", S),
            s("WEBSOCKET_JWT_ISSUER", "", "Required token issuer (iss); empty: not checked", S),
            s("WEBSOCKET_TLS_CERT", "",
              "TLS certificate (PEM, leaf then chain): serve wss:// and https:// (empty: plain)", S),
            s("WEBSOCKET_TLS_KEY", "", "Private key of the TLS certificate (PEM, RSA or EC, unencrypted)", S),
            s("CORS_ALLOWED_ORIGINS", "*", "Origins browsers may connect from: * or a comma-separated list", S),
            s("WEBSOCKET_TRUSTED_PROXIES", "",
              "Proxies whose X-Forwarded-For names the client: addresses or subnets, comma-separated (empty: none)", S),
            s("FX_PAIRS", "", "Comma-separated currency pairs (empty: the 20 default pairs)", S),
            s("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE", "false",
              "Send the last known price of each newly subscribed pair right after subscribing (true/false)", S),
            s("WEBSOCKET_HISTORY_SIZE", "1000",
              "Messages kept per room and for alerts, for recovery after a reconnect (0: no history)", S),
            s("WEBSOCKET_HISTORY_TTL", "300", "Seconds a message stays in the recovery history", S),
            s("WEBSOCKET_SIO_RECOVERY", "false",
              "Socket.IO connection state recovery: an offset argument on every event (true/false)", S),
            s("WEBSOCKET_SERVER_ID", "",
              "This server's name in the fleet heartbeat (empty: <hostname>:<port>; at most 128 characters)", S),
            s("FLEET_STALE_SECONDS", "5", "Seconds without a heartbeat before the desk shows a server as stale", S),
            s("EMBEDDED_SERVER", "true",
              "Desktop: run the embedded server (false: monitor-only desk, watching the fleet through Redis)", S),
            s("REDIS_HOST", "localhost", "Redis host", R),
            s("REDIS_PORT", "6379", "Redis port", R),
            s("REDIS_DB", "0", "Redis database number", R),
            s("REDIS_PASSWORD", "None", "Redis password (None: no AUTH)", R),
            s("REDIS_USERNAME", "", "Redis 6+ ACL user for AUTH (empty: AUTH with the password only)", R),
            s("REDIS_SOCKET", "", "Redis Unix socket path (wins over host and port)", R),
            s("REDIS_SENTINELS", "",
              "Redis Sentinels as host:port,host:port,...: find the master through them (empty: no Sentinel)", R),
            s("REDIS_SENTINEL_MASTER", "", "Name of the master the Sentinels monitor (needed with REDIS_SENTINELS)", R),
            s("REDIS_SENTINEL_USERNAME", "", "ACL user for AUTH to the Sentinels (empty: AUTH with the password only)",
              R),
            s("REDIS_SENTINEL_PASSWORD", "", "Password of the Sentinels (empty: no AUTH to the Sentinels)", R),
            s("REDIS_CLUSTER_NODES", "",
              "Redis Cluster nodes as host:port,host:port,... (empty: a single Redis or Sentinel)", R),
            s("REDIS_CHANNEL_PREFIX", "", "Prefix of every channel name, e.g. fx:", R),
            s("REDIS_CHANNEL_PRICES", "price_updates", "Channel of price updates", R),
            s("REDIS_CHANNEL_VOLATILITY", "volatility_alerts", "Channel of volatility alerts", R),
            s("REDIS_CHANNEL_CORRELATION", "correlation_alerts", "Channel of correlation alerts", R),
            s("REDIS_CHANNEL_DATA_READY", "data_ready", "Channel of data-ready notices", R),
            s("REDIS_MAX_MESSAGE_SIZE", "524288", "Largest Redis message accepted, in bytes", R),
            s("DB_HOST", "", "PostgreSQL host (empty: embedded SQLite)", D),
            s("DB_PORT", "5432", "PostgreSQL port", D),
            s("DB_NAME", "fx_trading_data", "PostgreSQL database", D),
            s("DB_USER", "postgres", "PostgreSQL user", D),
            s("DB_PASSWORD", "", "PostgreSQL password", D),
            s("DB_SSLMODE", "", "PostgreSQL sslmode: disable, allow, prefer, require, verify-ca, verify-full", D),
            s("DB_PATH", "", "SQLite file (empty: ~/.local/share/FXMonitor/fxmonitor.sqlite)", D),
            s("DB_TICK_RETENTION_DAYS", "7", "Days raw ticks are kept", D),
            s("DB_BAR_RETENTION_DAYS", "365", "Days one-minute bars are kept", D),
            s("DB_SHUTDOWN_FLUSH_SECONDS", "10",
              "Seconds the database writes may take at stop, retrying while it is down (0: do not wait)", D),
            s("LOG_LEVEL", "INFO", "DEBUG, INFO, WARNING, ERROR or CRITICAL", L),
            s("LOG_FILE", "", "Also write the log to this file", L),
        };
    }();
    return specs;
}

bool isSecretSetting(QStringView name)
{
    return name.contains(u"PASSWORD") || name.contains(u"TOKEN") || name.contains(u"SECRET");
}

const QStringList &dbSslModes()
{
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

const SettingSpec *findSettingSpec(QStringView name)
{
    for (const SettingSpec &s : settingSpecs())
        if (s.name == name)
            return &s;
    return nullptr;
}

int Settings::effectiveIoThreads() const
{
    if (ioThreads > 0)
        return ioThreads;
    return std::max(1, QThread::idealThreadCount());
}

SettingsLoader::SettingsLoader()
{
    for (const SettingSpec &s : settingSpecs())
        m_values.insert(s.name, {s.defaultValue, SettingSource::Default, QStringLiteral("default")});
}

void SettingsLoader::apply(const QString &name, const QString &value, SettingSource source, const QString &origin)
{
    if (!m_values.contains(name))
        return;
    m_values[name] = {value, source, origin};
}

void SettingsLoader::setStored(const QMap<QString, QString> &stored)
{
    for (auto it = stored.begin(); it != stored.end(); ++it)
        apply(it.key(), it.value(), SettingSource::Stored, QStringLiteral("saved settings"));
}

void SettingsLoader::setKeyring(const QMap<QString, QString> &secrets)
{
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        if (isSecretSetting(it.key()))
            apply(it.key(), it.value(), SettingSource::Stored, QStringLiteral("system keyring"));
}

bool SettingsLoader::loadEnvFile(const QString &path, bool required, QString *error)
{
    QFile f(path);
    if (!f.exists()) {
        if (!required)
            return true;
        *error = QStringLiteral("cannot read env file %1: no such file").arg(path);
        return false;
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read env file %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > 1024 * 1024) {
        *error = QStringLiteral("cannot read env file %1: larger than 1 MiB").arg(path);
        return false;
    }
    const EnvParseResult r = parseEnvText(f.readAll());
    if (!r.ok()) {
        *error = QStringLiteral("invalid env file %1 line %2: %3").arg(path).arg(r.errorLine).arg(r.error);
        return false;
    }
    const QString base = QFileInfo(path).fileName();
    for (const EnvEntry &e : r.entries)
        apply(e.key, e.value, SettingSource::EnvFile, QStringLiteral("%1:%2").arg(base).arg(e.line));
    return true;
}

void SettingsLoader::setEnvironment(const QProcessEnvironment &env)
{
    for (const SettingSpec &s : settingSpecs())
        if (env.contains(s.name))
            apply(s.name, env.value(s.name), SettingSource::Environment, QStringLiteral("environment"));
}

bool SettingsLoader::setOverride(const QString &name, const QString &value, const QString &origin, QString *error)
{
    if (!m_values.contains(name)) {
        *error = QStringLiteral("unknown setting %1 (from %2)").arg(name, origin);
        return false;
    }
    apply(name, value, SettingSource::CommandLine, origin);
    return true;
}

namespace {

class Validator
{
public:
    explicit Validator(const QMap<QString, SettingValue> &values) : m_values(values) {}

    QString error() const { return m_error; }
    bool ok() const { return m_error.isEmpty(); }

    QString text(const char *name) const { return m_values.value(QString::fromLatin1(name)).value.trimmed(); }

    void fail(const char *name, const QString &why)
    {
        if (!m_error.isEmpty())
            return;
        const QString n = QString::fromLatin1(name);
        const SettingValue v = m_values.value(n);
        m_error = QStringLiteral("invalid %1 \"%2\" (from %3): %4").arg(n, v.value, v.origin, why);
    }

    // Like fail(), for a secret: the value is never repeated.
    void failSecret(const char *name, const QString &why)
    {
        if (!m_error.isEmpty())
            return;
        const QString n = QString::fromLatin1(name);
        m_error = QStringLiteral("invalid %1 (from %2): %3").arg(n, m_values.value(n).origin, why);
    }

    qint64 integer(const char *name, qint64 lo, qint64 hi)
    {
        bool ok = false;
        const qint64 v = text(name).toLongLong(&ok);
        if (!ok || v < lo || v > hi) {
            fail(name, QStringLiteral("must be a whole number from %1 to %2").arg(lo).arg(hi));
            return lo;
        }
        return v;
    }

    bool flag(const char *name)
    {
        const QString t = text(name).toLower();
        if (t == u"true" || t == u"1" || t == u"yes" || t == u"on")
            return true;
        if (t != u"false" && t != u"0" && t != u"no" && t != u"off")
            fail(name, QStringLiteral("must be true or false"));
        return false;
    }

    double real(const char *name, double lo, double hi)
    {
        bool ok = false;
        const double v = text(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < lo || v > hi) {
            fail(name, QStringLiteral("must be a number from %1 to %2").arg(lo).arg(hi));
            return lo;
        }
        return v;
    }

    QString nonEmpty(const char *name)
    {
        QString v = text(name);
        if (v.isEmpty())
            fail(name, QStringLiteral("must not be empty"));
        return v;
    }

    QString noSpaces(const char *name)
    {
        QString v = text(name);
        for (QChar c : std::as_const(v))
            if (c.isSpace() || c.category() == QChar::Other_Control) {
                fail(name, QStringLiteral("must not contain spaces or control characters"));
                break;
            }
        return v;
    }

private:
    const QMap<QString, SettingValue> &m_values;
    QString m_error;
};

// REDIS.md, "Sentinel" and "Cluster": the endpoint lists and which settings go together.
void validateRedisTopology(Validator &v, Settings &s)
{
    QString why;
    if (!parseHostPortList(v.text("REDIS_SENTINELS"), &s.redisSentinels, &why))
        v.fail("REDIS_SENTINELS", why + QStringLiteral(" (expected host:port,host:port,...)"));
    if (!parseHostPortList(v.text("REDIS_CLUSTER_NODES"), &s.redisClusterNodes, &why))
        v.fail("REDIS_CLUSTER_NODES", why + QStringLiteral(" (expected host:port,host:port,...)"));
    s.redisSentinelMaster = v.noSpaces("REDIS_SENTINEL_MASTER");
    if (s.redisSentinelMaster.size() > 128)
        v.fail("REDIS_SENTINEL_MASTER", QStringLiteral("at most 128 characters"));
    s.redisSentinelUsername = v.noSpaces("REDIS_SENTINEL_USERNAME");
    s.redisSentinelPassword = v.text("REDIS_SENTINEL_PASSWORD");
    if (s.redisSentinelPassword == u"None")
        s.redisSentinelPassword.clear();
    if (!v.ok())
        return;
    const bool sentinel = !s.redisSentinels.isEmpty(), cluster = !s.redisClusterNodes.isEmpty();
    if (sentinel && cluster)
        v.fail("REDIS_SENTINELS", QStringLiteral("cannot be combined with REDIS_CLUSTER_NODES: use one or the other"));
    else if (sentinel && !s.redisSocket.isEmpty())
        v.fail("REDIS_SENTINELS", QStringLiteral("cannot be combined with REDIS_SOCKET: Sentinels name TCP masters"));
    else if (cluster && !s.redisSocket.isEmpty())
        v.fail("REDIS_CLUSTER_NODES", QStringLiteral("cannot be combined with REDIS_SOCKET"));
    else if (cluster && s.redisDb != 0)
        v.fail("REDIS_DB", QStringLiteral("must be 0 with REDIS_CLUSTER_NODES (a cluster has database 0 only)"));
    else if (sentinel && s.redisSentinelMaster.isEmpty())
        v.fail("REDIS_SENTINEL_MASTER",
               QStringLiteral("must be set with REDIS_SENTINELS (the monitored master's name)"));
    else if (!sentinel && !s.redisSentinelMaster.isEmpty())
        v.fail("REDIS_SENTINEL_MASTER", QStringLiteral("needs REDIS_SENTINELS"));
    else if (!s.redisSentinelUsername.isEmpty() && s.redisSentinelPassword.isEmpty())
        v.fail("REDIS_SENTINEL_USERNAME", QStringLiteral("needs REDIS_SENTINEL_PASSWORD: AUTH needs both"));
}

} // namespace

std::optional<Settings> SettingsLoader::resolve(QString *error) const
{
    Validator v(m_values);
    Settings s;
    s.values = m_values;

    s.host = v.nonEmpty("WEBSOCKET_HOST");
    if (v.ok() && s.host != u"localhost" && s.host != u"*" && !isIpLiteral(s.host))
        v.fail("WEBSOCKET_HOST", QStringLiteral("must be an IP address, localhost or *"));
    s.port = quint16(v.integer("WEBSOCKET_PORT", 0, 65535));
    s.maxClients = int(v.integer("WEBSOCKET_MAX_CLIENTS", 1, 1000000));
    s.maxConnectionsPerIp = int(v.integer("WEBSOCKET_MAX_CONNECTIONS_PER_IP", 0, 1000000));
    {
        QString error;
        if (!TrustedProxies::parse(v.text("WEBSOCKET_TRUSTED_PROXIES"), &s.trustedProxies, &error))
            v.fail("WEBSOCKET_TRUSTED_PROXIES", error);
    }
    s.pingInterval = v.real("WEBSOCKET_PING_INTERVAL", 0.01, 86400);
    s.pingTimeout = v.real("WEBSOCKET_PING_TIMEOUT", 0.01, 3600);
    s.maxMessageSize = v.integer("WEBSOCKET_MAX_MESSAGE_SIZE", 256, 64LL * 1024 * 1024);
    s.ioThreads = int(v.integer("WEBSOCKET_IO_THREADS", 0, 64));
    s.rateLimit = v.real("WEBSOCKET_RATE_LIMIT", 0.1, 1000000);
    s.rateBurst = int(v.integer("WEBSOCKET_RATE_BURST", 1, 1000000));
    s.sendQueueLimit = v.integer("WEBSOCKET_SEND_QUEUE_LIMIT", 64 * 1024, 1024LL * 1024 * 1024);

    // SECURITY.md, "Admin endpoints": a bearer token, so visible ASCII only, and long enough.
    s.adminToken = v.text("WEBSOCKET_ADMIN_TOKEN");
    for (QChar c : std::as_const(s.adminToken))
        if (c.unicode() < 0x21 || c.unicode() > 0x7e) {
            v.failSecret("WEBSOCKET_ADMIN_TOKEN", QStringLiteral("must be printable ASCII without spaces"));
            break;
        }
    if (!s.adminToken.isEmpty() && s.adminToken.size() < 16)
        v.failSecret("WEBSOCKET_ADMIN_TOKEN", QStringLiteral("must be at least 16 characters (or empty: no token)"));

    // SECURITY.md, "Tokens": the mode and what the keys must be; the public key's type is checked
    // when it is loaded (auth::TokenVerifier), still before anything starts.
    s.authMode = v.text("WEBSOCKET_AUTH").toLower();
    if (s.authMode != u"none" && s.authMode != u"jwt")
        v.fail("WEBSOCKET_AUTH", QStringLiteral("must be none or jwt"));
    s.jwtSecret = m_values.value(QStringLiteral("WEBSOCKET_JWT_SECRET")).value.toUtf8();
    if (!s.jwtSecret.isEmpty() && s.jwtSecret.size() < kMinJwtSecretBytes)
        v.failSecret("WEBSOCKET_JWT_SECRET",
                     QStringLiteral("must be at least %1 bytes (or empty: no HMAC key)").arg(kMinJwtSecretBytes));
    s.jwtPublicKeyPath = v.text("WEBSOCKET_JWT_PUBLIC_KEY");
    if (v.ok() && !s.jwtPublicKeyPath.isEmpty() && !QFileInfo(s.jwtPublicKeyPath).isReadable())
        v.fail("WEBSOCKET_JWT_PUBLIC_KEY", QStringLiteral("is not a readable file"));
    s.jwtLeeway = int(v.integer("WEBSOCKET_JWT_LEEWAY", 0, 300));
    s.jwtAudience = v.text("WEBSOCKET_JWT_AUDIENCE");
    s.jwtIssuer = v.text("WEBSOCKET_JWT_ISSUER");
    if (v.ok() && s.authMode == u"jwt" && s.jwtSecret.isEmpty() && s.jwtPublicKeyPath.isEmpty())
        v.fail("WEBSOCKET_AUTH",
               QStringLiteral("jwt needs a key: set WEBSOCKET_JWT_SECRET and/or WEBSOCKET_JWT_PUBLIC_KEY"));
    // SECURITY.md, "TLS": both or neither; the server reads and checks the files when it starts.
    s.tlsCert = v.text("WEBSOCKET_TLS_CERT").trimmed();
    s.tlsKey = v.text("WEBSOCKET_TLS_KEY").trimmed();
    if (s.tlsCert.isEmpty() && !s.tlsKey.isEmpty())
        v.fail("WEBSOCKET_TLS_CERT", QStringLiteral("must be set when WEBSOCKET_TLS_KEY is"));
    else if (!s.tlsCert.isEmpty() && s.tlsKey.isEmpty())
        v.fail("WEBSOCKET_TLS_KEY", QStringLiteral("must be set when WEBSOCKET_TLS_CERT is"));

    // SECURITY.md, "Origins (CORS)": "*", or exact origins (kept in canonical form), or "null".
    const QString cors = v.text("CORS_ALLOWED_ORIGINS");
    for (const QString &o : cors.split(u',', Qt::SkipEmptyParts)) {
        QString t = o.trimmed();
        // "https://ops.example/" is how a URL is often copied; browsers send the origin without
        // the slash, so one trailing slash is dropped rather than refused (.env files written
        // for the predecessor keep starting).
        if (t.endsWith(u'/') && !t.endsWith(u"//"))
            t.chop(1);
        if (t.isEmpty())
            continue;
        const std::optional<QString> canonical =
            t == u"*" || t.compare(u"null", Qt::CaseInsensitive) == 0 ? t.toLower() : canonicalOrigin(t);
        if (!canonical) {
            v.fail("CORS_ALLOWED_ORIGINS",
                   QStringLiteral("\"%1\" is not an origin: each entry must be * or http(s)://host[:port], "
                                  "without path or wildcard")
                       .arg(t.left(100)));
            break;
        }
        if (!s.corsOrigins.contains(*canonical))
            s.corsOrigins << *canonical;
    }

    const QString pairs = v.text("FX_PAIRS");
    if (pairs.isEmpty()) {
        s.pairs = InstrumentSet::defaultPairs();
    } else {
        for (const QString &p : pairs.split(u',', Qt::SkipEmptyParts)) {
            const auto n = InstrumentSet::normalize(p);
            if (!n) {
                v.fail("FX_PAIRS", QStringLiteral("\"%1\" is not a currency pair like EUR_USD").arg(p.trimmed()));
                break;
            }
            if (s.pairs.contains(*n)) {
                v.fail("FX_PAIRS", QStringLiteral("%1 is listed twice").arg(*n));
                break;
            }
            s.pairs << *n;
        }
        if (v.ok() && s.pairs.size() > InstrumentSet::kMaxPairs)
            v.fail("FX_PAIRS", QStringLiteral("at most %1 pairs").arg(InstrumentSet::kMaxPairs));
        if (v.ok() && s.pairs.isEmpty())
            v.fail("FX_PAIRS", QStringLiteral("names no pair"));
    }

    // PROTOCOL.md, "History and recovery".
    s.snapshotOnSubscribe = v.flag("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE");
    s.historySize = int(v.integer("WEBSOCKET_HISTORY_SIZE", 0, 10000));
    s.historyTtlSeconds = int(v.integer("WEBSOCKET_HISTORY_TTL", 1, 86400));
    s.sioRecovery = v.flag("WEBSOCKET_SIO_RECOVERY");
    if (v.ok() && s.sioRecovery && s.historySize == 0)
        v.fail("WEBSOCKET_SIO_RECOVERY", QStringLiteral("needs a history: WEBSOCKET_HISTORY_SIZE must not be 0"));
    // Issue 14: the monitor-only desk (CONFIGURATION.md).
    s.embeddedServer = v.flag("EMBEDDED_SERVER");

    // ARCHITECTURE.md, "Fleet heartbeat": the id is a Redis key's tail and a row in every desk.
    s.serverId = v.text("WEBSOCKET_SERVER_ID");
    if (s.serverId.size() > 128)
        v.fail("WEBSOCKET_SERVER_ID", QStringLiteral("must be at most 128 characters (or empty: <hostname>:<port>)"));
    for (QChar c : std::as_const(s.serverId))
        if (!c.isPrint() || c.isSpace()) {
            v.fail("WEBSOCKET_SERVER_ID", QStringLiteral("must be printable characters without spaces"));
            break;
        }
    s.fleetStaleSeconds = int(v.integer("FLEET_STALE_SECONDS", 1, 3600));

    s.redisHost = v.noSpaces("REDIS_HOST");
    if (v.ok() && s.redisHost.isEmpty())
        v.fail("REDIS_HOST", QStringLiteral("must not be empty"));
    s.redisPort = quint16(v.integer("REDIS_PORT", 1, 65535));
    s.redisDb = int(v.integer("REDIS_DB", 0, 100000));
    s.redisPassword = v.text("REDIS_PASSWORD");
    if (s.redisPassword == u"None")
        s.redisPassword.clear();
    // REDIS.md, "Authentication": with a user, AUTH <user> <password> (Redis 6 ACL).
    s.redisUsername = v.noSpaces("REDIS_USERNAME");
    s.redisSocket = v.text("REDIS_SOCKET");
    s.channelPrefix = v.noSpaces("REDIS_CHANNEL_PREFIX");
    s.channelPrices = v.noSpaces("REDIS_CHANNEL_PRICES");
    s.channelVolatility = v.noSpaces("REDIS_CHANNEL_VOLATILITY");
    s.channelCorrelation = v.noSpaces("REDIS_CHANNEL_CORRELATION");
    s.channelDataReady = v.noSpaces("REDIS_CHANNEL_DATA_READY");
    for (const char *c :
         {"REDIS_CHANNEL_PRICES", "REDIS_CHANNEL_VOLATILITY", "REDIS_CHANNEL_CORRELATION", "REDIS_CHANNEL_DATA_READY"})
        if (v.ok() && v.text(c).isEmpty())
            v.fail(c, QStringLiteral("must not be empty"));
    {
        const char *names[] = {"REDIS_CHANNEL_PRICES", "REDIS_CHANNEL_VOLATILITY", "REDIS_CHANNEL_CORRELATION",
                               "REDIS_CHANNEL_DATA_READY"};
        for (int i = 1; i < 4 && v.ok(); ++i)
            for (int j = 0; j < i && v.ok(); ++j)
                if (v.text(names[i]) == v.text(names[j]))
                    v.fail(names[i], QStringLiteral("same channel as %1").arg(QString::fromLatin1(names[j])));
    }
    s.redisMaxMessageSize = v.integer("REDIS_MAX_MESSAGE_SIZE", 1024, 64LL * 1024 * 1024);
    validateRedisTopology(v, s);

    s.dbHost = v.noSpaces("DB_HOST");
    s.dbPort = quint16(v.integer("DB_PORT", 1, 65535));
    s.dbName = v.text("DB_NAME");
    if (v.ok() && !s.dbHost.isEmpty() && s.dbName.isEmpty())
        v.fail("DB_NAME", QStringLiteral("must not be empty when DB_HOST is set"));
    s.dbUser = v.text("DB_USER");
    s.dbPassword = m_values.value(QStringLiteral("DB_PASSWORD")).value;
    s.dbSslMode = v.text("DB_SSLMODE").toLower();
    if (!s.dbSslMode.isEmpty() && !dbSslModes().contains(s.dbSslMode))
        v.fail("DB_SSLMODE", QStringLiteral("must be empty or one of %1").arg(dbSslModes().join(QStringLiteral(", "))));
    s.dbPath = v.text("DB_PATH");
    s.tickRetentionDays = int(v.integer("DB_TICK_RETENTION_DAYS", 1, 3650));
    s.barRetentionDays = int(v.integer("DB_BAR_RETENTION_DAYS", 1, 36500));
    s.dbShutdownFlushSeconds = int(v.integer("DB_SHUTDOWN_FLUSH_SECONDS", 0, 3600));

    s.logLevel = v.text("LOG_LEVEL").toUpper();
    if (s.logLevel == u"WARN")
        s.logLevel = QStringLiteral("WARNING");
    static const QStringList levels{QStringLiteral("DEBUG"), QStringLiteral("INFO"), QStringLiteral("WARNING"),
                                    QStringLiteral("ERROR"), QStringLiteral("CRITICAL")};
    if (!levels.contains(s.logLevel))
        v.fail("LOG_LEVEL", QStringLiteral("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"));
    s.logFile = v.text("LOG_FILE");

    if (!v.ok()) {
        *error = v.error();
        return std::nullopt;
    }
    return s;
}

} // namespace fx::core
