// core::EpollEventDispatcher on a real thread: timers (repeating, zero, killed in their own
// handler, not re-entered from a nested loop), posted events and queued calls from other threads
// waking a blocked loop, quit() ending a wait, deleteLater, and real loopback sockets: a 4 MiB
// echo through the write notifier's on/off, and 300 connections at once.

#include "core/epolleventdispatcher.h"

#include <QEventLoop>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <memory>

using fx::core::EpollEventDispatcher;

namespace {

// Echoes every byte back, on the dispatcher's thread.
class EchoServer : public QTcpServer
{
public:
    std::atomic<int> accepted{0};

protected:
    void incomingConnection(qintptr fd) override
    {
        auto *s = new QTcpSocket(this);
        s->setSocketDescriptor(fd);
        ++accepted;
        connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
};

// A thread running its loop on an EpollEventDispatcher.
struct EpollThread
{
    EpollThread()
    {
        dispatcher = new EpollEventDispatcher;
        thread.setEventDispatcher(dispatcher);
        thread.start();
    }
    ~EpollThread()
    {
        thread.quit();
        thread.wait();
    }
    // Runs fn on the thread and waits for it.
    template <typename Fn>
    void run(Fn fn)
    {
        QMetaObject::invokeMethod(dispatcher, fn, Qt::BlockingQueuedConnection);
    }
    // An EchoServer on the thread, listening on loopback (nullptr when it cannot listen).
    EchoServer *startEcho(int backlog = 50)
    {
        EchoServer *server = nullptr;
        run([&] {
            server = new EchoServer;
            server->setListenBacklogSize(backlog);
            if (!server->listen(QHostAddress::LocalHost)) {
                delete server;
                server = nullptr;
            }
        });
        return server;
    }
    QThread thread;
    EpollEventDispatcher *dispatcher = nullptr;
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void valid()
    {
        EpollEventDispatcher d;
        QVERIFY(d.isValid());
    }

    void timers()
    {
        EpollThread t;
        std::atomic<int> ticks{0}, zero{0}, once{0}, killedAfter{0};
        QTimer *repeating = nullptr;
        t.run([&] {
            repeating = new QTimer;
            repeating->setInterval(10);
            QObject::connect(repeating, &QTimer::timeout, [&] { ++ticks; });
            repeating->start();
            auto *z = new QTimer(repeating);
            z->setInterval(0);
            QObject::connect(z, &QTimer::timeout, z, [&, z] {
                if (++zero == 50)
                    z->stop();
            });
            z->start();
            QTimer::singleShot(30, [&] { ++once; });
            // A timer that kills itself inside its handler fires once.
            auto *self = new QTimer(repeating);
            self->setInterval(5);
            QObject::connect(self, &QTimer::timeout, self, [&, self] {
                ++killedAfter;
                self->stop();
            });
            self->start();
        });
        QTRY_VERIFY(ticks.load() >= 10);
        QTRY_COMPARE(zero.load(), 50);
        QTRY_COMPARE(once.load(), 1);
        QCOMPARE(killedAfter.load(), 1);
        int remaining = -2, registered = 0;
        t.run([&] {
            remaining = repeating->remainingTime();
            registered = int(t.dispatcher->registeredTimers(repeating).size());
        });
        QVERIFY2(remaining >= 0 && remaining <= 10, qPrintable(QString::number(remaining)));
        QCOMPARE(registered, 1);
        t.run([&] { delete repeating; });
        const int after = ticks.load();
        QTest::qWait(50); // nothing must tick any more: waiting is the assertion here
        QCOMPARE(ticks.load(), after);
    }

    // A timer whose handler runs a nested event loop is not fired again inside it, while the
    // other timers and posted events keep running there.
    void nestedLoop()
    {
        EpollThread t;
        std::atomic<int> outer{0}, other{0}, maxDepth{0};
        std::atomic<bool> done{false};
        t.run([&] {
            auto *timer = new QTimer;
            timer->setInterval(1);
            auto depth = std::make_shared<int>(0);
            QObject::connect(timer, &QTimer::timeout, timer, [&, timer, depth] {
                ++outer;
                maxDepth = std::max(maxDepth.load(), ++*depth);
                if (outer == 1) {
                    QEventLoop loop;
                    QTimer::singleShot(60, &loop, &QEventLoop::quit);
                    loop.exec();
                }
                --*depth;
                if (outer >= 3) {
                    timer->deleteLater();
                    done = true;
                }
            });
            timer->start();
            auto *second = new QTimer(timer);
            QObject::connect(second, &QTimer::timeout, [&] { ++other; });
            second->start(5);
        });
        QTRY_VERIFY(done.load());
        QCOMPARE(maxDepth.load(), 1);
        QVERIFY(other.load() >= 5); // ran inside the nested loop (60 ms at 5 ms)
    }

    // A loop blocked with nothing to do wakes for a queued call from another thread, and quit()
    // ends it.
    void wakeUpAndQuit()
    {
        auto t = std::make_unique<EpollThread>();
        QCOMPARE(t->dispatcher->thread(), &t->thread);
        QObject *target = nullptr;
        t->run([&] { target = new QObject; });
        for (int i = 0; i < 200; ++i) {
            std::atomic<bool> ran{false};
            QMetaObject::invokeMethod(
                target, [&] { ran = true; }, Qt::QueuedConnection);
            QTRY_VERIFY_WITH_TIMEOUT(ran.load(), 2000);
        }
        QPointer<QObject> doomed = target;
        QMetaObject::invokeMethod(
            target, [target] { target->deleteLater(); }, Qt::QueuedConnection);
        QTRY_VERIFY(doomed.isNull());
        t->thread.quit();
        QVERIFY(t->thread.wait(5000));
    }

    // 4 MiB through an echo on the dispatcher's thread: the server's write notifier goes on
    // and off many times; every byte comes back in order.
    void echoLargeTransfer()
    {
        EpollThread t;
        EchoServer *server = t.startEcho();
        QVERIFY(server);
        const quint16 port = server->serverPort();
        QByteArray payload(4 * 1024 * 1024, Qt::Uninitialized);
        for (qsizetype i = 0; i < payload.size(); ++i)
            payload[i] = char((i * 7919) >> 3);
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(client.waitForConnected(5000));
        client.write(payload);
        QByteArray back;
        QTRY_VERIFY_WITH_TIMEOUT((back += client.readAll()).size() >= payload.size(), 20000);
        QCOMPARE(back.size(), payload.size());
        QVERIFY(back == payload);
        client.disconnectFromHost();
        int sockets = -1;
        t.run([&] { sockets = t.dispatcher->registeredSocketCount(); });
        QVERIFY(sockets >= 1); // the listening socket at least
        t.run([&] { delete server; });
    }

    // 300 connections served at once; each gets its own bytes back, and closing them leaves only
    // the listening socket registered.
    void manyConnections()
    {
        EpollThread t;
        EchoServer *server = t.startEcho(1024); // all 300 connect at once
        QVERIFY(server);
        const quint16 port = server->serverPort();
        constexpr int n = 300;
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < n; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(QHostAddress::LocalHost, port);
        }
        for (auto &c : clients)
            QVERIFY(c->state() == QAbstractSocket::ConnectedState || c->waitForConnected(5000));
        QTRY_COMPARE(server->accepted.load(), n);
        for (int i = 0; i < n; ++i)
            clients[size_t(i)]->write(QByteArray::number(i) + '\n');
        for (int i = 0; i < n; ++i) {
            QTcpSocket &c = *clients[size_t(i)];
            QTRY_VERIFY_WITH_TIMEOUT(c.canReadLine(), 5000);
            QCOMPARE(c.readLine(), QByteArray::number(i) + '\n');
        }
        clients.clear();
        int sockets = -1;
        QTRY_VERIFY_WITH_TIMEOUT((t.run([&] { sockets = t.dispatcher->registeredSocketCount(); }), sockets == 1),
                                 10000);
        t.run([&] { delete server; });
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
