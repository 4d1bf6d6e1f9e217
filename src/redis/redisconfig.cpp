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

} // namespace fx::redis
