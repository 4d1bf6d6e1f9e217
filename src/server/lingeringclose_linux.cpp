// The fast side of the lingering close's platform seam (lingeringclose.h): dup(), shutdown()
// and recv() on the connection's descriptor.

#include "server/lingeringclose.h"

#include "server/serverstats.h"

#include <QSocketNotifier>
#include <QTcpSocket>
#include <QTimerEvent>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace fx::server {

namespace {
std::atomic<int> g_active{0};
}

int LingeringClose::active()
{
    return g_active.load(std::memory_order_relaxed);
}

bool LingeringClose::tryHold()
{
    if (g_active.fetch_add(1, std::memory_order_relaxed) < kMaxLingering)
        return true;
    g_active.fetch_sub(1, std::memory_order_relaxed);
    return false;
}

void LingeringClose::release()
{
    g_active.fetch_sub(1, std::memory_order_relaxed);
}

void LingeringClose::start(QTcpSocket *tcp, QObject *parent, ServerStats &stats)
{
    if (!tcp || tcp->socketDescriptor() < 0 || tcp->state() != QAbstractSocket::ConnectedState)
        return;
    if (!tryHold())
        return;
    const int fd = ::dup(int(tcp->socketDescriptor()));
    if (fd < 0) { // out of descriptors: close at once, as before
        release();
        return;
    }
    stats.countBound(BoundHit::LingeringClose);
    auto *l = new LingeringClose(fd, parent);
    // Qt lets go of its descriptor once the close frame is flushed; then FIN.
    connect(tcp, &QAbstractSocket::disconnected, l, &LingeringClose::shutdownWrite);
    connect(tcp, &QObject::destroyed, l, &LingeringClose::shutdownWrite);
}

LingeringClose::LingeringClose(int fd, QObject *parent)
    : QObject(parent)
    , m_fd(fd)
    , m_notifier(new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this))
{
    connect(m_notifier, &QSocketNotifier::activated, this, &LingeringClose::drain);
    m_grace.start(kGraceMs, this);
}

LingeringClose::~LingeringClose()
{
    if (m_fd >= 0) {
        m_notifier->setEnabled(false);
        ::close(m_fd);
        release();
    }
}

void LingeringClose::shutdownWrite()
{
    if (m_writeShut || m_fd < 0)
        return;
    m_writeShut = true;
    ::shutdown(m_fd, SHUT_WR);
}

void LingeringClose::drain()
{
    char buf[16384];
    for (;;) {
        const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n > 0)
            continue; // discarded
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return;
        finish(); // end of file (the peer closed) or an error
        return;
    }
}

void LingeringClose::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_grace.timerId())
        return QObject::timerEvent(event);
    m_grace.stop();
    drain(); // what arrived last, so that closing sends no reset for it
    finish();
}

void LingeringClose::finish()
{
    if (m_fd < 0)
        return;
    m_grace.stop();
    m_notifier->setEnabled(false);
    ::close(m_fd);
    m_fd = -1;
    release();
    deleteLater();
}

} // namespace fx::server
