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
    return c;
}

QString RedisConfig::endpoint() const
{
    return socketPath.isEmpty() ? QStringLiteral("%1:%2").arg(host).arg(port)
                                : QStringLiteral("unix:%1").arg(socketPath);
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
