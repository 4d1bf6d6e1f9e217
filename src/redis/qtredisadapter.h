#pragma once

// hiredis' event-loop hooks on Qt socket notifiers, for one redisAsyncContext on the thread
// that owns it. Written for hiredis 0.14, whose stock adapters/qt.h uses string-based connects
// and is a use-after-free on teardown: its destructor writes into the context it was attached
// to, which hiredis has already freed by then (docs/REDIS.md).
//
// Lifetime: attach() installs the hooks. hiredis calls the cleanup hook from inside
// __redisAsyncFree(), before the disconnect callback and before it closes the socket, both on
// a failed connect and on every disconnect; the adapter then clears the context's hooks,
// disables its notifiers and deletes itself later (never inside a hiredis call). Nothing here
// touches the context after the cleanup hook ran.

#include <QObject>
#include <functional>

struct redisAsyncContext;
class QSocketNotifier;

namespace fx::redis {

class QtRedisAdapter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QtRedisAdapter)

public:
    // Returns false when the context already has an event library attached.
    static bool attach(redisAsyncContext *ac, QObject *parent, std::function<void()> afterRead);

private:
    QtRedisAdapter(redisAsyncContext *ac, QObject *parent, std::function<void()> afterRead);
    static void addRead(void *privdata);
    static void delRead(void *privdata);
    static void addWrite(void *privdata);
    static void delWrite(void *privdata);
    static void cleanup(void *privdata);
    void onReadable();
    void onWritable();

    redisAsyncContext *m_ac;
    QSocketNotifier *m_read;
    QSocketNotifier *m_write;
    std::function<void()> m_afterRead;
};

} // namespace fx::redis
