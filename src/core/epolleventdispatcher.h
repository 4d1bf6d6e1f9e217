#pragma once

// An event dispatcher for a worker thread on Linux, built on epoll (PERFORMANCE.md, "Kernel
// pace"): a pass of the event loop costs what is ready, not every socket. Qt's own dispatcher
// on Unix (QEventDispatcherUNIX) hands poll() an array of every enabled socket notifier and
// walks it after each wake-up, so with 10,000 clients on an I/O thread each pass touches
// 10,000 entries even when one socket is readable. Here each fd is registered with the kernel
// once (epoll_ctl when a notifier is enabled or disabled), epoll_wait returns only the ready
// ones, posted events wake the loop through an eventfd, and timers are kept in a short list.
//
// Behaviour that Qt code relies on, kept as Qt's dispatcher does it:
// - level-triggered: a socket that stays readable is reported on every pass;
// - an error or hang-up activates the read and the write notifier of the fd;
// - a notifier disabled or deleted by an earlier handler in the same pass is not activated;
// - a timer fires at most once per pass and never inside its own handler (nested loops);
// - a zero-interval timer fires on every pass, and the loop does not block while one exists;
// - posted events are sent at the start of each pass; interrupt() ends a blocking wait.
//
// One per thread: create it on the thread that will own it, or before QThread::start() with
// QThread::setEventDispatcher (WorkerThread does this when asked). Not for the GUI thread.
// Linux only (eventdispatcher_linux.cpp): the portable build has no definition of it, and
// createIoEventDispatcher() (eventdispatcher.h) gives Qt's dispatcher there.

#include <QAbstractEventDispatcher>

#include <atomic>
#include <vector>

namespace fx::core {

class EpollEventDispatcher final : public QAbstractEventDispatcher
{
    Q_OBJECT

public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused epoll or eventfd (then do not install it).
    bool isValid() const { return m_epoll >= 0 && m_wake >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

    // Figures for tests and benchmarks (this thread only).
    int registeredSocketCount() const { return m_registeredFds; }
    quint64 passes() const { return m_passes; }

private:
    struct Fd
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
        quint32 mask = 0; // what epoll has been told
    };
    struct Timer
    {
        int id = 0;
        qint64 interval = 0; // ms
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        qint64 due = 0; // steady clock, ms
        bool inHandler = false;
    };

    void updateFd(int fd);
    int activateSockets(const void *events, int count);
    int activateTimers();
    int waitTimeout(bool canWait) const;
    static qint64 nowMs();

    int m_epoll = -1;
    int m_wake = -1; // eventfd
    std::atomic<bool> m_interrupt{false};
    std::vector<Fd> m_fds; // indexed by fd
    int m_registeredFds = 0;
    std::vector<Timer> m_timers;
    quint64 m_passes = 0;
};

} // namespace fx::core
