#include "redis/redislog.h"
Q_LOGGING_CATEGORY(fxRedisLog, "fx.redis")
