// RedisSubscriber, the raw extras (RedisConfig::extraChannels and rawKeyPattern): channels
// subscribed beside the pipeline's whose messages go on unparsed, and keys read once per
// (re)connect. The keys are read by one server-side script pipelined before the SUBSCRIBE (a
// subscribed connection may not run SCAN or GET): bounded in keys and SCAN steps, answered
// asynchronously like the price hashes, so the subscriber's thread never waits for it.

#include "redis/redissubscriber.h"

#include "redis/redislog.h"

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

namespace fx::redis {

namespace {
// KEYS: none (the keys are found by SCAN). ARGV: pattern, most keys, most SCAN steps.
// Returns key, value, PTTL triples; keys of another type than string are skipped.
constexpr char kReadKeysScript[] = R"lua(
local out, cursor, steps = {}, '0', 0
local most, maxSteps = tonumber(ARGV[2]), tonumber(ARGV[3])
repeat
  local r = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor, steps = r[1], steps + 1
  for _, k in ipairs(r[2]) do
    if #out >= 3 * most then return out end
    local v = redis.pcall('GET', k)
    if type(v) == 'string' then
      out[#out + 1] = k
      out[#out + 1] = v
      out[#out + 1] = redis.call('PTTL', k)
    end
  end
until cursor == '0' or steps >= maxSteps
return out
)lua";
} // namespace

void RedisSubscriber::readRawKeys()
{
    if (m_config.rawKeyPattern.isEmpty())
        return;
    const QByteArray pattern = m_config.rawKeyPattern.toUtf8();
    const QByteArray most = QByteArray::number(std::max(1, m_config.rawKeyLimit));
    const QByteArray steps = QByteArray::number(std::max(1, m_config.rawKeyScanLimit));
    const char *argv[] = {"EVAL", kReadKeysScript, "0", pattern.constData(), most.constData(), steps.constData()};
    const size_t lens[] = {
        4, sizeof(kReadKeysScript) - 1, 1, size_t(pattern.size()), size_t(most.size()), size_t(steps.size())};
    redisAsyncCommandArgv(m_ac, &RedisSubscriber::onRawKeys, this, 6, argv, lens);
}

void RedisSubscriber::onRawKeys(redisAsyncContext *ac, void *r, void *privdata)
{
    auto *self = static_cast<RedisSubscriber *>(privdata);
    auto *reply = static_cast<redisReply *>(r);
    if (!reply || self->m_ac != ac)
        return; // context going away
    if (reply->type == REDIS_REPLY_ERROR) {
        qint64 suppressed = 0;
        if (self->m_logLimiter.allow(QStringLiteral("rawkeys"), &suppressed))
            qCWarning(fxRedisLog).noquote()
                << "cannot read the keys" << self->m_config.rawKeyPattern << "(the "
                << "channel fills in instead):" << QByteArray(reply->str, qsizetype(reply->len));
        return;
    }
    if (reply->type != REDIS_REPLY_ARRAY)
        return;
    const size_t most = size_t(std::max(1, self->m_config.rawKeyLimit));
    for (size_t i = 0; i + 2 < reply->elements && i / 3 < most; i += 3) {
        const redisReply *k = reply->element[i];
        const redisReply *v = reply->element[i + 1];
        const redisReply *ttl = reply->element[i + 2];
        if (k->type != REDIS_REPLY_STRING || v->type != REDIS_REPLY_STRING)
            continue;
        Q_EMIT self->rawKeyRead(QByteArray(k->str, qsizetype(k->len)), QByteArray(v->str, qsizetype(v->len)),
                                ttl->type == REDIS_REPLY_INTEGER ? qint64(ttl->integer) : -1);
    }
}

int RedisSubscriber::subscribeExtraChannels()
{
    const QStringList &extra = m_config.extraChannels;
    if (extra.isEmpty())
        return 0;
    QList<QByteArray> names;
    for (const QString &c : extra)
        names << c.toUtf8();
    std::vector<const char *> argv{"SUBSCRIBE"};
    std::vector<size_t> lens{9};
    for (const QByteArray &n : std::as_const(names)) {
        argv.push_back(n.constData());
        lens.push_back(size_t(n.size()));
    }
    redisAsyncCommandArgv(m_ac, &RedisSubscriber::onMessage, this, int(argv.size()), argv.data(), lens.data());
    return int(extra.size());
}

} // namespace fx::redis
