#include "redis/redisconfig.h"

namespace fx::redis {

RedisConfig RedisConfig::fromSettings(const core::Settings &s)
{
    RedisConfig c;
    c.host = s.redisHost;
    c.port = s.redisPort;
    c.socketPath = s.redisSocket;
    c.db = s.redisDb;
    c.password = s.redisPassword;
    c.username = s.redisUsername;
    c.channels = {s.fullChannel(s.channelPrices), s.fullChannel(s.channelVolatility),
                  s.fullChannel(s.channelCorrelation), s.fullChannel(s.channelDataReady)};
    c.pairs = s.pairs;
    c.maxMessageSize = s.redisMaxMessageSize;
    c.sentinels = s.redisSentinels;
    c.sentinelMaster = s.redisSentinelMaster;
    c.sentinelUsername = s.redisSentinelUsername;
    c.sentinelPassword = s.redisSentinelPassword;
    c.clusterNodes = s.redisClusterNodes;
    return c;
}

QString RedisConfig::endpoint() const
{
    return socketPath.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port)
                                : QStringLiteral("unix:%1").arg(socketPath);
}

RedisTopology RedisConfig::topology() const
{
    if (!sentinels.isEmpty())
        return RedisTopology::Sentinel;
    if (!clusterNodes.isEmpty())
        return RedisTopology::Cluster;
    return RedisTopology::Direct;
}

QString RedisConfig::via() const
{
    switch (topology()) {
    case RedisTopology::Direct: return QStringLiteral("direct");
    case RedisTopology::Sentinel: return QStringLiteral("sentinel");
    case RedisTopology::Cluster: return QStringLiteral("cluster");
    }
    return {};
}

QList<QByteArray> RedisConfig::sentinelAuthArguments() const
{
    if (sentinelPassword.isEmpty())
        return {};
    if (sentinelUsername.isEmpty())
        return {sentinelPassword.toUtf8()};
    return {sentinelUsername.toUtf8(), sentinelPassword.toUtf8()};
}

QList<QByteArray> RedisConfig::authArguments(QString *error) const
{
    if (!username.isEmpty() && password.isEmpty()) {
        *error = QStringLiteral("REDIS_USERNAME is set but REDIS_PASSWORD is empty: AUTH needs both");
        return {};
    }
    if (password.isEmpty())
        return {};
    if (username.isEmpty())
        return {password.toUtf8()};
    return {username.toUtf8(), password.toUtf8()};
}

} // namespace fx::redis
