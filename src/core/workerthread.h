#pragma once

// One QObject running on a QThread of its own: the start/stop sequence every long-lived worker
// of the program shares (the Redis subscriber, the storage writer and reader, the server's
// accept and I/O threads), written once.
//
// Thread contract: construct, start(), stop() and destroy a WorkerThread on one thread (the
// owner), never on the worker thread itself. The constructor moves the object to a new
// QThread named threadName (the name shows in debuggers, `top -H` and the logs), so the
// object must have no parent and live on the owner's thread. stop() runs the stop hook on
// the worker thread and waits for it, then quits the thread's event loop and joins it. The
// destructor stops, then deletes the object on the owner's thread, where nothing else can
// touch it any more (its thread has finished), then the thread.
//
// Several workers whose objects reach each other (the server's I/O shards) are stopped all
// first and destroyed after, so that no object is deleted while another thread may still use it.

#include <QObject>
#include <QString>
#include <functional>

class QAbstractEventDispatcher;
class QThread;

namespace fx::core {

// Runs fn on object's thread (another thread than the caller's) and returns once it has run:
// a Qt::BlockingQueuedConnection call whose hand-over ThreadSanitizer sees (core/tsan.h), so
// what fn wrote is known to be visible to the caller afterwards.
void invokeAndWait(QObject *object, const std::function<void()> &fn);

class WorkerThread
{
    Q_DISABLE_COPY_MOVE(WorkerThread)

public:
    // Takes ownership of object. The thread does not run until start().
    WorkerThread(QObject *object, const QString &threadName, std::function<void()> stopHook = {});
    // stop(), then deletes the object and the thread.
    ~WorkerThread();

    // Before start(): the thread runs its loop on dispatcher (taking it) instead of Qt's default;
    // nullptr keeps the default.
    void setEventDispatcher(QAbstractEventDispatcher *dispatcher);

    // Starts the thread's event loop and waits until it has taken over the object, then queues
    // startHook (if any) to run there. Call once.
    void start(std::function<void()> startHook = {});
    // When the thread runs: runs the stop hook (if any) on it and waits until it returned,
    // then quits the event loop and joins. Does nothing when the thread never started or is
    // stopped already, so it is safe to call again and before the destructor.
    void stop();

    bool isRunning() const;
    QObject *object() const { return m_object; }
    QThread *thread() const { return m_thread; }

private:
    QThread *m_thread;
    QObject *m_object;
    std::function<void()> m_stopHook;
};

} // namespace fx::core
