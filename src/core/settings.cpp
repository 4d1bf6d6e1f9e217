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

    // A whole number within the setting's bounds (SettingSpec::minimum and maximum).
    qint64 integer(const char *name)
    {
        const SettingSpec *spec = findSettingSpec(QString::fromLatin1(name));
        const auto lo = spec ? qint64(spec->minimum) : 0, hi = spec ? qint64(spec->maximum) : 0;
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

    // A number within the setting's bounds.
    double real(const char *name)
    {
        const SettingSpec *spec = findSettingSpec(QString::fromLatin1(name));
        const double lo = spec ? spec->minimum : 0, hi = spec ? spec->maximum : 0;
        bool ok = false;
        const double v = text(name).toDouble(&ok);
        if (!ok || !std::isfinite(v) || v < lo || v > hi) {
            fail(name,
                 QStringLiteral("must be a number from %1 to %2")
                     .arg(QString::number(lo, 'g', 15), QString::number(hi, 'g', 15)));
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
    s.port = quint16(v.integer("WEBSOCKET_PORT"));
    s.maxClients = int(v.integer("WEBSOCKET_MAX_CLIENTS"));
    s.maxConnectionsPerIp = int(v.integer("WEBSOCKET_MAX_CONNECTIONS_PER_IP"));
    {
        QString error;
        if (!TrustedProxies::parse(v.text("WEBSOCKET_TRUSTED_PROXIES"), &s.trustedProxies, &error))
            v.fail("WEBSOCKET_TRUSTED_PROXIES", error);
    }
    s.pingInterval = v.real("WEBSOCKET_PING_INTERVAL");
    s.pingTimeout = v.real("WEBSOCKET_PING_TIMEOUT");
    s.maxMessageSize = v.integer("WEBSOCKET_MAX_MESSAGE_SIZE");
    s.ioThreads = int(v.integer("WEBSOCKET_IO_THREADS"));
    s.rateLimit = v.real("WEBSOCKET_RATE_LIMIT");
    s.rateBurst = int(v.integer("WEBSOCKET_RATE_BURST"));
    s.sendQueueLimit = v.integer("WEBSOCKET_SEND_QUEUE_LIMIT");

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
    s.jwtLeeway = int(v.integer("WEBSOCKET_JWT_LEEWAY"));
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
    s.restoreSubscriptions = v.flag("WEBSOCKET_RESTORE_SUBSCRIPTIONS");
    s.historySize = int(v.integer("WEBSOCKET_HISTORY_SIZE"));
    s.historyTtlSeconds = int(v.integer("WEBSOCKET_HISTORY_TTL"));
    s.sioRecovery = v.flag("WEBSOCKET_SIO_RECOVERY");
    if (v.ok() && s.sioRecovery && s.historySize == 0)
        v.fail("WEBSOCKET_SIO_RECOVERY", QStringLiteral("needs a history: WEBSOCKET_HISTORY_SIZE must not be 0"));
    // PROTOCOL.md, "Alert rules".
    s.maxAlertsPerClient = int(v.integer("WEBSOCKET_MAX_ALERTS_PER_CLIENT"));
    s.maxAlerts = int(v.integer("WEBSOCKET_MAX_ALERTS"));
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
    s.fleetStaleSeconds = int(v.integer("FLEET_STALE_SECONDS"));

    s.redisHost = v.noSpaces("REDIS_HOST");
    if (v.ok() && s.redisHost.isEmpty())
        v.fail("REDIS_HOST", QStringLiteral("must not be empty"));
    s.redisPort = quint16(v.integer("REDIS_PORT"));
    s.redisDb = int(v.integer("REDIS_DB"));
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
    s.redisMaxMessageSize = v.integer("REDIS_MAX_MESSAGE_SIZE");
    validateRedisTopology(v, s);

    s.dbHost = v.noSpaces("DB_HOST");
    s.dbPort = quint16(v.integer("DB_PORT"));
    s.dbName = v.text("DB_NAME");
    if (v.ok() && !s.dbHost.isEmpty() && s.dbName.isEmpty())
        v.fail("DB_NAME", QStringLiteral("must not be empty when DB_HOST is set"));
    s.dbUser = v.text("DB_USER");
    s.dbPassword = m_values.value(QStringLiteral("DB_PASSWORD")).value;
    s.dbSslMode = v.text("DB_SSLMODE").toLower();
    if (!s.dbSslMode.isEmpty() && !dbSslModes().contains(s.dbSslMode))
        v.fail("DB_SSLMODE", QStringLiteral("must be empty or one of %1").arg(dbSslModes().join(QStringLiteral(", "))));
    s.dbPath = v.text("DB_PATH");
    s.tickRetentionDays = int(v.integer("DB_TICK_RETENTION_DAYS"));
    s.barRetentionDays = int(v.integer("DB_BAR_RETENTION_DAYS"));
    s.dbShutdownFlushSeconds = int(v.integer("DB_SHUTDOWN_FLUSH_SECONDS"));

    s.logLevel = v.text("LOG_LEVEL").toUpper();
    if (s.logLevel == u"WARN")
        s.logLevel = QStringLiteral("WARNING");
    if (!logLevels().contains(s.logLevel))
        v.fail("LOG_LEVEL", QStringLiteral("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"));
    s.logFile = v.text("LOG_FILE");

    if (!v.ok()) {
        *error = v.error();
        return std::nullopt;
    }
    return s;
}

} // namespace fx::core
