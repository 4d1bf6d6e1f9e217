// core::WorkerThread: the object runs on a thread of its own with the given name, the start
// hook and the stop hook run there, stop() joins and is idempotent, and the destructor deletes
// the object on the owner's thread after its thread finished.

#include "core/workerthread.h"

#include <QPointer>
#include <QTest>
#include <QThread>
#include <atomic>

using fx::core::WorkerThread;

namespace {

// Records where and when its own life and hooks happen.
class Probe : public QObject
{
public:
    struct Log
    {
        std::atomic<int> starts{0};
        std::atomic<int> stops{0};
        QString startThread;
        QString stopThread;
        QThread *deletedOn = nullptr;
        bool threadFinishedAtDelete = false;
        QThread *workerThread = nullptr;
    };

    explicit Probe(Log &log) : m_log(log) {}
    ~Probe() override
    {
        m_log.deletedOn = QThread::currentThread();
        m_log.threadFinishedAtDelete = m_log.workerThread && m_log.workerThread->isFinished();
    }

    void start()
    {
        m_log.startThread = QThread::currentThread()->objectName();
        ++m_log.starts;
    }
    void stop()
    {
        m_log.stopThread = QThread::currentThread()->objectName();
        ++m_log.stops;
    }

private:
    Log &m_log;
};

} // namespace

class TestWorkerThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnItsNamedThread()
    {
        Probe::Log log;
        auto *probe = new Probe(log);
        WorkerThread worker(probe, QStringLiteral("fx-test-worker"), [probe] { probe->stop(); });
        log.workerThread = worker.thread();
        QCOMPARE(worker.object(), probe);
        QCOMPARE(probe->thread(), worker.thread());
        QCOMPARE(worker.thread()->objectName(), QStringLiteral("fx-test-worker"));
        QVERIFY(!worker.isRunning());

        worker.start([probe] { probe->start(); });
        QVERIFY(worker.isRunning());
        QTRY_COMPARE(log.starts.load(), 1);
        QCOMPARE(log.startThread, QStringLiteral("fx-test-worker"));

        // Any queued call to the object runs there too.
        std::atomic<QThread *> ranOn{nullptr};
        QMetaObject::invokeMethod(
            probe, [&ranOn] { ranOn = QThread::currentThread(); }, Qt::QueuedConnection);
        QTRY_COMPARE(ranOn.load(), worker.thread());
        QVERIFY(ranOn.load() != QThread::currentThread());
    }

    void stopRunsTheHookThereAndJoins()
    {
        Probe::Log log;
        auto *probe = new Probe(log);
        WorkerThread worker(probe, QStringLiteral("fx-test-stop"), [probe] { probe->stop(); });
        log.workerThread = worker.thread();
        worker.start();
        worker.stop();
        // stop() waited for the hook and for the thread: no polling needed.
        QCOMPARE(log.stops.load(), 1);
        QCOMPARE(log.stopThread, QStringLiteral("fx-test-stop"));
        QVERIFY(worker.thread()->isFinished());
        QVERIFY(!worker.isRunning());
        QCOMPARE(log.deletedOn, nullptr); // the object outlives stop()
    }

    void stopIsIdempotent()
    {
        Probe::Log log;
        {
            auto *probe = new Probe(log);
            WorkerThread worker(probe, QStringLiteral("fx-test-twice"), [probe] { probe->stop(); });
            worker.start();
            worker.stop();
            worker.stop();
            QCOMPARE(log.stops.load(), 1);
        } // the destructor stops once more: still nothing
        QCOMPARE(log.stops.load(), 1);
    }

    void destructorStopsThenDeletesOnTheOwnersThread()
    {
        Probe::Log log;
        QPointer<Probe> alive;
        {
            auto *probe = new Probe(log);
            alive = probe;
            WorkerThread worker(probe, QStringLiteral("fx-test-dtor"), [probe] { probe->stop(); });
            log.workerThread = worker.thread();
            worker.start([probe] { probe->start(); });
            QTRY_COMPARE(log.starts.load(), 1);
        }
        QCOMPARE(log.stops.load(), 1);
        QVERIFY(alive.isNull());
        QCOMPARE(log.deletedOn, QThread::currentThread());
        QVERIFY(log.threadFinishedAtDelete);
    }

    void neverStartedRunsNoHook()
    {
        Probe::Log log;
        QPointer<Probe> alive;
        {
            auto *probe = new Probe(log);
            alive = probe;
            WorkerThread worker(probe, QStringLiteral("fx-test-idle"), [probe] { probe->stop(); });
            worker.stop(); // nothing to stop yet
        }
        QCOMPARE(log.starts.load(), 0);
        QCOMPARE(log.stops.load(), 0);
        QVERIFY(alive.isNull());
        QCOMPARE(log.deletedOn, QThread::currentThread());
    }

    void withoutHooks()
    {
        Probe::Log log;
        {
            auto *probe = new Probe(log);
            WorkerThread worker(probe, QStringLiteral("fx-test-plain"));
            log.workerThread = worker.thread();
            worker.start();
            QVERIFY(worker.isRunning());
        }
        QCOMPARE(log.stops.load(), 0);
        QCOMPARE(log.deletedOn, QThread::currentThread());
        QVERIFY(log.threadFinishedAtDelete);
    }

    void childrenGoWithTheObject()
    {
        // Timers and other children move with the object and are deleted with it.
        Probe::Log log;
        QPointer<QObject> child;
        {
            auto *probe = new Probe(log);
            child = new QObject(probe);
            WorkerThread worker(probe, QStringLiteral("fx-test-children"));
            QCOMPARE(child->thread(), worker.thread());
            worker.start();
        }
        QVERIFY(child.isNull());
    }

    void severalStoppedFirstThenDestroyed()
    {
        // The server's pattern: every thread joined before any object is deleted.
        Probe::Log logs[3];
        QList<WorkerThread *> workers;
        for (int i = 0; i < 3; ++i) {
            auto *probe = new Probe(logs[i]);
            auto *w = new WorkerThread(probe, QStringLiteral("fx-test-%1").arg(i), [probe] { probe->stop(); });
            logs[i].workerThread = w->thread();
            w->start();
            workers.append(w);
        }
        for (WorkerThread *w : std::as_const(workers))
            w->stop();
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(logs[i].stops.load(), 1);
            QCOMPARE(logs[i].stopThread, QStringLiteral("fx-test-%1").arg(i));
            QCOMPARE(logs[i].deletedOn, nullptr);
        }
        qDeleteAll(workers);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(logs[i].stops.load(), 1);
            QCOMPARE(logs[i].deletedOn, QThread::currentThread());
            QVERIFY(logs[i].threadFinishedAtDelete);
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkerThread)
#include "tst_workerthread.moc"
