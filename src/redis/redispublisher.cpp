#include "redis/redispublisher.h"

#include <hiredis/hiredis.h>

#include <vector>

namespace fx::redis {

RedisPublisher::RedisPublisher(RedisConfig config) : m_config(std::move(config))
{
}

RedisPublisher::~RedisPublisher()
{
    disconnect();
}

void RedisPublisher::disconnect()
{
    if (m_ctx)
        redisFree(m_ctx);
    m_ctx = nullptr;
}

static redisReply *run(redisContext *c, const QList<QByteArray> &args)
{
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    return static_cast<redisReply *>(redisCommandArgv(c, int(argv.size()), argv.data(), lens.data()));
}

bool RedisPublisher::ensureConnected(QString *error)
{
    if (m_ctx)
        return true;
    const timeval tv{m_config.connectTimeoutMs / 1000, (m_config.connectTimeoutMs % 1000) * 1000};
    redisContext *c = m_config.socketPath.isEmpty()
        ? redisConnectWithTimeout(m_config.host.toUtf8().constData(), m_config.port, tv)
        : redisConnectUnixWithTimeout(m_config.socketPath.toUtf8().constData(), tv);
    if (!c || c->err) {
        *error = c ? QString::fromUtf8(c->errstr) : QStringLiteral("out of memory");
        if (c)
            redisFree(c);
        return false;
    }
    redisSetTimeout(c, timeval{m_config.commandTimeoutMs / 1000, (m_config.commandTimeoutMs % 1000) * 1000});
    auto check = [&](const QList<QByteArray> &args) {
        redisReply *r = run(c, args);
        const bool ok = r && r->type != REDIS_REPLY_ERROR;
        if (!ok)
            *error = r ? QString::fromUtf8(r->str, int(r->len)) : QString::fromUtf8(c->errstr);
        if (r)
            freeReplyObject(r);
        return ok;
    };
    QString authError;
    const QList<QByteArray> auth = m_config.authArguments(&authError);
    if (!authError.isEmpty()) {
        *error = authError;
        redisFree(c);
        return false;
    }
    if (!auth.isEmpty() && !check(QList<QByteArray>{"AUTH"} + auth)) {
        redisFree(c);
        return false;
    }
    if (m_config.db != 0 && !check({"SELECT", QByteArray::number(m_config.db)})) {
        redisFree(c);
        return false;
    }
    m_ctx = c;
    return true;
}

void RedisPublisher::appendPublish(const QString &channel, const QByteArray &payload)
{
    m_queue.append({"PUBLISH", channel.toUtf8(), payload});
}

void RedisPublisher::appendHashSet(const QByteArray &key, const QList<QPair<QByteArray, QByteArray>> &fields)
{
    QList<QByteArray> args{"HSET", key};
    for (const auto &[k, v] : fields)
        args << k << v;
    m_queue.append(args);
}

void RedisPublisher::appendCommand(const QList<QByteArray> &args)
{
    m_queue.append(args);
}

bool RedisPublisher::flush(QString *error, qint64 *subscribers)
{
    if (m_queue.isEmpty())
        return true;
    QList<QList<QByteArray>> queue;
    queue.swap(m_queue);
    if (!ensureConnected(error))
        return false;
    for (const QList<QByteArray> &args : queue) {
        std::vector<const char *> argv;
        std::vector<size_t> lens;
        for (const QByteArray &a : args) {
            argv.push_back(a.constData());
            lens.push_back(size_t(a.size()));
        }
        if (redisAppendCommandArgv(m_ctx, int(argv.size()), argv.data(), lens.data()) != REDIS_OK) {
            *error = QString::fromUtf8(m_ctx->errstr);
            disconnect();
            return false;
        }
    }
    bool ok = true;
    qint64 total = 0;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        void *r = nullptr;
        if (redisGetReply(m_ctx, &r) != REDIS_OK) {
            *error = QString::fromUtf8(m_ctx->errstr);
            disconnect();
            return false;
        }
        auto *reply = static_cast<redisReply *>(r);
        if (reply->type == REDIS_REPLY_ERROR) {
            *error = QString::fromUtf8(reply->str, int(reply->len));
            ok = false;
        } else if (reply->type == REDIS_REPLY_INTEGER && queue.at(i).first() == "PUBLISH") {
            total += reply->integer;
        }
        freeReplyObject(reply);
    }
    if (subscribers)
        *subscribers = total;
    return ok;
}

bool RedisPublisher::command(const QList<QByteArray> &args, QString *error, QByteArray *out)
{
    if (!ensureConnected(error))
        return false;
    redisReply *r = run(m_ctx, args);
    if (!r) {
        *error = QString::fromUtf8(m_ctx->errstr);
        disconnect();
        return false;
    }
    bool ok = true;
    QByteArray text;
    switch (r->type) {
    case REDIS_REPLY_ERROR:
        ok = false;
        *error = QString::fromUtf8(r->str, int(r->len));
        break;
    case REDIS_REPLY_INTEGER: text = QByteArray::number(r->integer); break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS: text = QByteArray(r->str, qsizetype(r->len)); break;
    case REDIS_REPLY_ARRAY:
        for (size_t i = 0; i < r->elements; ++i) {
            if (i)
                text += '\n';
            if (r->element[i]->str)
                text += QByteArray(r->element[i]->str, qsizetype(r->element[i]->len));
        }
        break;
    default: break;
    }
    freeReplyObject(r);
    if (out)
        *out = text;
    return ok;
}

bool RedisPublisher::publish(const QString &channel, const QByteArray &payload, QString *error)
{
    return command({"PUBLISH", channel.toUtf8(), payload}, error);
}

} // namespace fx::redis
