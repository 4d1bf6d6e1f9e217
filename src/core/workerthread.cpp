#include "core/workerthread.h"

#include "core/tsan.h"

#include <QThread>

namespace fx::core {

void invokeAndWait(QObject *object, const std::function<void()> &fn)
{
    int handOver = 0; // only its address is used
    QMetaObject::invokeMethod(
        object,
        [&] {
            fn();
            tsan::release(&handOver);
        },
        Qt::BlockingQueuedConnection);
    tsan::acquire(&handOver);
}

WorkerThread::WorkerThread(QObject *object, const QString &threadName, std::function<void()> stopHook)
    : m_thread(new QThread)
    , m_object(object)
    , m_stopHook(std::move(stopHook))
{
    // moveToThread() refuses an object with a parent, and only its current thread may push it.
    Q_ASSERT(!m_object->parent());
    Q_ASSERT(m_object->thread() == QThread::currentThread());
    m_thread->setObjectName(threadName);
    m_object->moveToThread(m_thread);
    // The thread's last act, on the thread itself: everything it did is seen after wait().
    QObject::connect(
        m_thread, &QThread::finished, m_thread, [t = m_thread] { tsan::release(t); }, Qt::DirectConnection);
}

WorkerThread::~WorkerThread()
{
    stop();
    // The thread has finished (or never ran): no event of the object can run any more.
    delete m_object;
    delete m_thread;
}

void WorkerThread::setEventDispatcher(QAbstractEventDispatcher *dispatcher)
{
    Q_ASSERT(!m_thread->isRunning());
    if (dispatcher)
        m_thread->setEventDispatcher(dispatcher);
}

void WorkerThread::start(std::function<void()> startHook)
{
    m_thread->start();
    // Wait until the thread has run what moveToThread() posted to the object (Qt re-registers
    // the object's timers there, with a list it allocates). A thread stopped before that, as
    // when the server cannot listen right after starting its I/O threads, would leak the list.
    invokeAndWait(m_object, [] {});
    if (startHook)
        QMetaObject::invokeMethod(m_object, std::move(startHook), Qt::QueuedConnection);
}

void WorkerThread::stop()
{
    if (!m_thread->isRunning())
        return;
    if (m_stopHook)
        invokeAndWait(m_object, m_stopHook);
    m_thread->quit();
    m_thread->wait();
    tsan::acquire(m_thread); // released by the thread's last act, see the constructor
}

bool WorkerThread::isRunning() const
{
    return m_thread->isRunning();
}

} // namespace fx::core
