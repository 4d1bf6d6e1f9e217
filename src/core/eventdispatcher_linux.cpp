#include "core/epolleventdispatcher.h"
#include "core/eventdispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <time.h>
#include <unistd.h>

namespace fx::core {

namespace {

constexpr int kMaxEvents = 512; // per epoll_wait; the rest are level-triggered into the next pass

} // namespace

QAbstractEventDispatcher *createIoEventDispatcher()
{
    if (qEnvironmentVariable("FX_EVENT_DISPATCHER") == u"qt")
        return nullptr;
    auto *d = new EpollEventDispatcher;
    if (d->isValid())
        return d;
    delete d;
    return nullptr;
}

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wake >= 0) {
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = -1; // the wake-up
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &ev) != 0) {
            ::close(m_wake);
            m_wake = -1;
        }
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wake >= 0)
        ::close(m_wake);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

qint64 EpollEventDispatcher::nowMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// Sockets

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const auto fd = int(notifier->socket());
    if (fd < 0)
        return;
    if (size_t(fd) >= m_fds.size())
        m_fds.resize(size_t(fd) + 1);
    Fd &f = m_fds[size_t(fd)];
    switch (notifier->type()) {
    case QSocketNotifier::Read: f.read = notifier; break;
    case QSocketNotifier::Write: f.write = notifier; break;
    case QSocketNotifier::Exception: f.exception = notifier; break;
    }
    updateFd(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const auto fd = int(notifier->socket());
    if (fd < 0 || size_t(fd) >= m_fds.size())
        return;
    Fd &f = m_fds[size_t(fd)];
    if (f.read == notifier)
        f.read = nullptr;
    if (f.write == notifier)
        f.write = nullptr;
    if (f.exception == notifier)
        f.exception = nullptr;
    updateFd(fd);
}

void EpollEventDispatcher::updateFd(int fd)
{
    Fd &f = m_fds[size_t(fd)];
    quint32 mask = 0;
    if (f.read)
        mask |= EPOLLIN;
    if (f.write)
        mask |= EPOLLOUT;
    if (f.exception)
        mask |= EPOLLPRI;
    if (mask == f.mask)
        return;
    epoll_event ev{};
    ev.events = mask;
    ev.data.fd = fd;
    if (mask == 0) {
        // The fd may be closed already (the kernel then dropped it by itself): errors are fine.
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev);
        --m_registeredFds;
    } else if (f.mask == 0) {
        if (::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0 && errno == EEXIST)
            ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
        ++m_registeredFds;
    } else if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) != 0 && errno == ENOENT) {
        // Closed and its number given to a new socket before the old notifiers went away.
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    }
    f.mask = mask;
}

int EpollEventDispatcher::activateSockets(const void *eventsIn, int count)
{
    const auto *events = static_cast<const epoll_event *>(eventsIn);
    int activated = 0;
    QEvent event(QEvent::SockAct);
    for (int i = 0; i < count; ++i) {
        const int fd = events[i].data.fd;
        if (fd < 0) {
            quint64 value = 0;
            [[maybe_unused]] const ssize_t r = ::read(m_wake, &value, sizeof value);
            continue;
        }
        const quint32 got = events[i].events;
        // Each notifier is looked up again right before it is activated: an earlier handler of
        // this pass may have disabled or deleted it (and unregistered it so).
        const bool broken = got & (EPOLLERR | EPOLLHUP);
        if ((got & EPOLLPRI) && size_t(fd) < m_fds.size() && m_fds[size_t(fd)].exception) {
            QCoreApplication::sendEvent(m_fds[size_t(fd)].exception, &event);
            ++activated;
        }
        if ((got & EPOLLIN || broken) && size_t(fd) < m_fds.size() && m_fds[size_t(fd)].read) {
            QCoreApplication::sendEvent(m_fds[size_t(fd)].read, &event);
            ++activated;
        }
        if ((got & EPOLLOUT || broken) && size_t(fd) < m_fds.size() && m_fds[size_t(fd)].write) {
            QCoreApplication::sendEvent(m_fds[size_t(fd)].write, &event);
            ++activated;
        }
    }
    return activated;
}

// Timers

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    if (timerId < 1 || interval < 0 || !object)
        return;
    m_timers.push_back(Timer{timerId, interval, timerType, object, nowMs() + interval, false});
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    for (auto it = m_timers.begin(); it != m_timers.end(); ++it)
        if (it->id == timerId) {
            m_timers.erase(it);
            return true;
        }
    return false;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    const auto before = m_timers.size();
    std::erase_if(m_timers, [object](const Timer &t) { return t.object == object; });
    return m_timers.size() != before;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> out;
    for (const Timer &t : m_timers)
        if (t.object == object)
            out.append(TimerInfo(t.id, int(t.interval), t.type));
    return out;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const qint64 now = nowMs();
    for (const Timer &t : m_timers)
        if (t.id == timerId)
            return int(std::max<qint64>(0, t.due - now));
    return -1;
}

int EpollEventDispatcher::activateTimers()
{
    if (m_timers.empty())
        return 0;
    const qint64 now = nowMs();
    // The ids due now, taken first: a handler may register, unregister or re-enter (a nested
    // event loop), and a timer registered by a handler waits for the next pass.
    std::vector<int> due;
    for (const Timer &t : m_timers)
        if (t.due <= now && !t.inHandler)
            due.push_back(t.id);
    int fired = 0;
    for (int id : due) {
        auto it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &t) { return t.id == id; });
        if (it == m_timers.end() || it->inHandler)
            continue;
        // Next due time on the timer's own cadence; after a stall, counted from now instead of
        // firing again at once for every interval missed.
        it->due += it->interval;
        if (it->due <= now)
            it->due = now + it->interval;
        it->inHandler = true;
        QObject *object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        // The handler may have killed the timer (and another may now hold its place).
        it = std::find_if(m_timers.begin(), m_timers.end(), [id](const Timer &t) { return t.id == id; });
        if (it != m_timers.end())
            it->inHandler = false;
    }
    return fired;
}

int EpollEventDispatcher::waitTimeout(bool canWait) const
{
    if (!canWait)
        return 0;
    qint64 next = -1;
    const qint64 now = nowMs();
    for (const Timer &t : m_timers) {
        if (t.inHandler)
            continue;
        const qint64 in = std::max<qint64>(0, t.due - now);
        if (next < 0 || in < next)
            next = in;
    }
    return next < 0 ? -1 : int(std::min<qint64>(next, 24 * 3600 * 1000));
}

// The loop

void EpollEventDispatcher::wakeUp()
{
    const quint64 one = 1;
    [[maybe_unused]] const ssize_t w = ::write(m_wake, &one, sizeof one);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupt.store(true, std::memory_order_relaxed);
    wakeUp();
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    ++m_passes;
    m_interrupt.store(false, std::memory_order_relaxed);
    Q_EMIT awake();
    // Posted events first (queued calls, deleteLater); a post from any thread also writes the
    // eventfd, so one that lands after this cannot be slept through.
    QCoreApplication::sendPostedEvents();
    if (m_interrupt.load(std::memory_order_relaxed))
        return false;

    const bool canWait = (flags & QEventLoop::WaitForMoreEvents) && !m_interrupt.load(std::memory_order_relaxed);
    const int timeout = (flags & QEventLoop::X11ExcludeTimers) ? (canWait ? -1 : 0) : waitTimeout(canWait);
    if (canWait)
        Q_EMIT aboutToBlock();
    epoll_event events[kMaxEvents];
    int n;
    do {
        n = ::epoll_wait(m_epoll, events, kMaxEvents, timeout);
    } while (n < 0 && errno == EINTR && timeout != 0);
    if (n < 0)
        n = 0;
    if (canWait)
        Q_EMIT awake();

    int handled = 0;
    if (flags & QEventLoop::ExcludeSocketNotifiers) {
        // Only the wake-up is read now; the sockets stay ready for a later pass.
        for (int i = 0; i < n; ++i)
            if (events[i].data.fd < 0)
                handled += activateSockets(&events[i], 1);
    } else {
        handled += activateSockets(events, n);
    }
    if (!(flags & QEventLoop::X11ExcludeTimers))
        handled += activateTimers();
    return handled > 0;
}

} // namespace fx::core
