// ConnectionLimits (SECURITY.md, "Bounds"): handshake slots in all and per address, client slots
// per address (WEBSOCKET_MAX_CONNECTIONS_PER_IP), each at, just under and over its limit; one
// key per address whatever its notation; nothing left behind after any sequence of takes and
// gives, also when several threads take and give at once.

#include "server/connectionlimits.h"

#include <QTest>

#include <thread>
#include <vector>

using fx::server::ConnectionLimits;
using Admission = ConnectionLimits::Admission;

class TestConnectionLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handshakesPerAddress()
    {
        ConnectionLimits l(0);
        const QHostAddress a(QStringLiteral("10.0.0.1")), b(QStringLiteral("10.0.0.2"));
        for (int i = 0; i < ConnectionLimits::kMaxHandshakesPerAddress - 1; ++i)
            QCOMPARE(l.beginHandshake(a), Admission::Admitted);
        QCOMPARE(l.beginHandshake(a), Admission::Admitted); // at the limit
        QCOMPARE(l.beginHandshake(a), Admission::TooManyHandshakesFromAddress); // over
        QCOMPARE(l.beginHandshake(b), Admission::Admitted); // another address
        l.endHandshake(a);
        QCOMPARE(l.beginHandshake(a), Admission::Admitted); // under again
        for (int i = 0; i < ConnectionLimits::kMaxHandshakesPerAddress; ++i)
            l.endHandshake(a);
        l.endHandshake(b);
        QCOMPARE(l.handshakes(), 0);
        QCOMPARE(l.trackedAddresses(), 0);
        l.endHandshake(a); // more gives than takes change nothing
        QCOMPARE(l.handshakes(), 0);
    }

    void handshakesInAll()
    {
        ConnectionLimits l(0);
        int n = 0;
        for (quint32 addr = 0x0a000001; n < ConnectionLimits::kMaxHandshakes; ++addr)
            for (int i = 0; i < 100 && n < ConnectionLimits::kMaxHandshakes; ++i, ++n)
                QCOMPARE(l.beginHandshake(QHostAddress(addr)), Admission::Admitted);
        QCOMPARE(l.handshakes(), ConnectionLimits::kMaxHandshakes);
        QCOMPARE(l.beginHandshake(QHostAddress(QStringLiteral("192.0.2.1"))), Admission::TooManyHandshakes);
        l.endHandshake(QHostAddress(quint32(0x0a000001)));
        QCOMPARE(l.beginHandshake(QHostAddress(QStringLiteral("192.0.2.1"))), Admission::Admitted);
    }

    void clientsPerAddress()
    {
        ConnectionLimits l(3);
        const QHostAddress a(QStringLiteral("10.0.0.1"));
        QVERIFY(l.tryAddClient(a));
        QVERIFY(l.tryAddClient(a));
        QVERIFY(l.tryAddClient(a)); // at
        QVERIFY(!l.tryAddClient(a)); // over
        QVERIFY(l.tryAddClient(QHostAddress(QStringLiteral("10.0.0.2"))));
        l.removeClient(a);
        QVERIFY(l.tryAddClient(a)); // under again
        for (int i = 0; i < 3; ++i)
            l.removeClient(a);
        l.removeClient(QHostAddress(QStringLiteral("10.0.0.2")));
        QCOMPARE(l.trackedAddresses(), 0);

        ConnectionLimits unlimited(0);
        for (int i = 0; i < 10000; ++i)
            QVERIFY(unlimited.tryAddClient(a));
    }

    void oneKeyPerAddress()
    {
        ConnectionLimits l(1);
        QVERIFY(l.tryAddClient(QHostAddress(QStringLiteral("::ffff:127.0.0.1"))));
        QVERIFY(!l.tryAddClient(QHostAddress(QStringLiteral("127.0.0.1"))));
        QCOMPARE(ConnectionLimits::addressOfPeer(QStringLiteral("127.0.0.1:5000")),
                 QHostAddress(QStringLiteral("127.0.0.1")));
        QCOMPARE(ConnectionLimits::addressOfPeer(QStringLiteral("::ffff:10.1.2.3:443")),
                 QHostAddress(QStringLiteral("10.1.2.3")));
        QCOMPARE(ConnectionLimits::addressOfPeer(QStringLiteral("::1:8080")), QHostAddress(QStringLiteral("::1")));
        QCOMPARE(ConnectionLimits::addressOfPeer(QStringLiteral("[2001:db8::1]:80")),
                 QHostAddress(QStringLiteral("2001:db8::1")));
        QVERIFY(ConnectionLimits::addressOfPeer(QString()).isNull());
    }

    // The accept thread takes while I/O threads give back: nothing may leak or go negative.
    void concurrentTakesAndGives()
    {
        ConnectionLimits l(0);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&l, t] {
                const QHostAddress a(quint32(0x0a000000 + quint32(t % 2)));
                for (int i = 0; i < 20000; ++i) {
                    if (l.beginHandshake(a) == Admission::Admitted)
                        l.endHandshake(a);
                    if (l.tryAddClient(a))
                        l.removeClient(a);
                }
            });
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(l.handshakes(), 0);
        QCOMPARE(l.trackedAddresses(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionLimits)
#include "tst_connectionlimits.moc"
