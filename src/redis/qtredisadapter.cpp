#include "redis/qtredisadapter.h"

#include <QPointer>
#include <QSocketNotifier>

#include <hiredis/async.h>

namespace fx::redis {

bool QtRedisAdapter::attach(redisAsyncContext *ac, QObject *parent, std::function<void()> afterRead)
{
    if (ac->ev.data)
        return false;
    new QtRedisAdapter(ac, parent, std::move(afterRead));
    return true;
}

QtRedisAdapter::QtRedisAdapter(redisAsyncContext *ac, QObject *parent, std::function<void()> afterRead)
    : QObject(parent)
    , m_ac(ac)
    , m_read(new QSocketNotifier(ac->c.fd, QSocketNotifier::Read, this))
    , m_write(new QSocketNotifier(ac->c.fd, QSocketNotifier::Write, this))
    , m_afterRead(std::move(afterRead))
{
    m_read->setEnabled(false);
    m_write->setEnabled(false);
    connect(m_read, &QSocketNotifier::activated, this, &QtRedisAdapter::onReadable);
    connect(m_write, &QSocketNotifier::activated, this, &QtRedisAdapter::onWritable);
    ac->ev.data = this;
    ac->ev.addRead = &QtRedisAdapter::addRead;
    ac->ev.delRead = &QtRedisAdapter::delRead;
    ac->ev.addWrite = &QtRedisAdapter::addWrite;
    ac->ev.delWrite = &QtRedisAdapter::delWrite;
    ac->ev.cleanup = &QtRedisAdapter::cleanup;
}

void QtRedisAdapter::addRead(void *p)
{
    static_cast<QtRedisAdapter *>(p)->m_read->setEnabled(true);
}
void QtRedisAdapter::delRead(void *p)
{
    static_cast<QtRedisAdapter *>(p)->m_read->setEnabled(false);
}
void QtRedisAdapter::addWrite(void *p)
{
    static_cast<QtRedisAdapter *>(p)->m_write->setEnabled(true);
}
void QtRedisAdapter::delWrite(void *p)
{
    static_cast<QtRedisAdapter *>(p)->m_write->setEnabled(false);
}

void QtRedisAdapter::cleanup(void *p)
{
    auto *self = static_cast<QtRedisAdapter *>(p);
    if (redisAsyncContext *ac = self->m_ac) {
        ac->ev.data = nullptr;
        ac->ev.addRead = nullptr;
        ac->ev.delRead = nullptr;
        ac->ev.addWrite = nullptr;
        ac->ev.delWrite = nullptr;
        ac->ev.cleanup = nullptr;
    }
    self->m_ac = nullptr;
    // The socket is about to be closed by hiredis: stop watching it now.
    self->m_read->setEnabled(false);
    self->m_write->setEnabled(false);
    self->deleteLater();
}

void QtRedisAdapter::onReadable()
{
    if (!m_ac)
        return;
    const QPointer<QtRedisAdapter> guard(this);
    redisAsyncHandleRead(m_ac); // may free the context (cleanup() runs inside)
    if (guard && m_afterRead)
        m_afterRead();
}

void QtRedisAdapter::onWritable()
{
    if (!m_ac)
        return;
    redisAsyncHandleWrite(m_ac);
}

} // namespace fx::redis
