// WEBSOCKET_TRUSTED_PROXIES (SECURITY.md, "Behind a proxy"): which X-Forwarded-For hop is the
// client, as an attacker would try to pick its own address.

#include "core/trustedproxies.h"

#include <QTest>

using fx::core::TrustedProxies;

class TestTrustedProxies : public QObject
{
    Q_OBJECT

    static TrustedProxies parsed(const QString &list)
    {
        TrustedProxies t;
        QString error;
        if (!TrustedProxies::parse(list, &t, &error))
            qFatal("parse(%s): %s", qPrintable(list), qPrintable(error));
        return t;
    }
    static QString client(const TrustedProxies &t, const char *peer, const char *xff)
    {
        return t.clientAddress(QHostAddress(QString::fromLatin1(peer)), xff).toString();
    }

private Q_SLOTS:
    void parseAcceptsAddressesAndSubnets()
    {
        const TrustedProxies t = parsed(QStringLiteral(" 127.0.0.1 , 10.0.0.0/8,::1, fd00::/8,"));
        QVERIFY(t.contains(QHostAddress(QStringLiteral("127.0.0.1"))));
        QVERIFY(!t.contains(QHostAddress(QStringLiteral("127.0.0.2"))));
        QVERIFY(t.contains(QHostAddress(QStringLiteral("10.200.3.4"))));
        QVERIFY(t.contains(QHostAddress(QStringLiteral("::ffff:10.1.1.1")))); // dual-stack form
        QVERIFY(t.contains(QHostAddress(QStringLiteral("::1"))));
        QVERIFY(t.contains(QHostAddress(QStringLiteral("fd12::5"))));
        QVERIFY(!t.contains(QHostAddress(QStringLiteral("11.0.0.1"))));
        QVERIFY(parsed(QString()).isEmpty());
    }

    void parseRefusesGarbage_data()
    {
        QTest::addColumn<QString>("list");
        QTest::newRow("name") << "proxy.example";
        QTest::newRow("bad prefix") << "10.0.0.0/33";
        QTest::newRow("negative prefix") << "10.0.0.0/-1";
        QTest::newRow("octet") << "10.0.0.256";
        QTest::newRow("one good one bad") << "127.0.0.1, nonsense";
    }
    void parseRefusesGarbage()
    {
        QFETCH(QString, list);
        TrustedProxies t;
        QString error;
        QVERIFY(!TrustedProxies::parse(list, &t, &error));
        QVERIFY2(error.contains(u"not an address"), qPrintable(error));
    }

    void parseBoundsEntries()
    {
        QStringList list;
        for (int i = 0; i < TrustedProxies::kMaxEntries; ++i)
            list << QStringLiteral("10.0.%1.0/24").arg(i);
        TrustedProxies t;
        QString error;
        QVERIFY(TrustedProxies::parse(list.join(u','), &t, &error)); // at the bound
        list << QStringLiteral("10.1.0.0/24");
        QVERIFY(!TrustedProxies::parse(list.join(u','), &t, &error)); // one over
        QVERIFY2(error.contains(u"at most 64"), qPrintable(error));
    }

    void untrustedPeerIsTheClient()
    {
        const TrustedProxies t = parsed(QStringLiteral("127.0.0.1"));
        // A client that writes X-Forwarded-For itself, straight to the server, is not believed.
        QCOMPARE(client(t, "203.0.113.9", "1.2.3.4"), QStringLiteral("203.0.113.9"));
        QCOMPARE(client(parsed(QString()), "127.0.0.1", "1.2.3.4"), QStringLiteral("127.0.0.1"));
    }

    void rightmostUntrustedHopIsTheClient()
    {
        const TrustedProxies t = parsed(QStringLiteral("127.0.0.1, 10.0.0.0/8"));
        QCOMPARE(client(t, "127.0.0.1", "198.51.100.7"), QStringLiteral("198.51.100.7"));
        // What the client wrote itself (the left part) is not believed: nginx appended the real peer.
        QCOMPARE(client(t, "127.0.0.1", "6.6.6.6, 198.51.100.7"), QStringLiteral("198.51.100.7"));
        // Through two trusted proxies.
        QCOMPARE(client(t, "127.0.0.1", "6.6.6.6, 198.51.100.7, 10.1.2.3"), QStringLiteral("198.51.100.7"));
        QCOMPARE(client(t, "127.0.0.1", " 2001:db8::7 "), QStringLiteral("2001:db8::7"));
        QCOMPARE(client(t, "127.0.0.1", "[2001:db8::7]:4711"), QStringLiteral("2001:db8::7"));
        QCOMPARE(client(t, "127.0.0.1", "198.51.100.7:4711"), QStringLiteral("198.51.100.7"));
        // Every hop trusted: the leftmost.
        QCOMPARE(client(t, "127.0.0.1", "10.9.9.9, 10.1.1.1"), QStringLiteral("10.9.9.9"));
        // No header from a trusted proxy: the proxy is the client (a health check, say).
        QCOMPARE(client(t, "127.0.0.1", ""), QStringLiteral("127.0.0.1"));
    }

    void garbageHopStopsTheWalk()
    {
        const TrustedProxies t = parsed(QStringLiteral("127.0.0.1, 10.0.0.0/8"));
        QCOMPARE(client(t, "127.0.0.1", "198.51.100.7, unknown"), QStringLiteral("127.0.0.1"));
        QCOMPARE(client(t, "127.0.0.1", "198.51.100.7, unknown, 10.0.0.5"), QStringLiteral("10.0.0.5"));
        QCOMPARE(client(t, "127.0.0.1", ","), QStringLiteral("127.0.0.1"));
        QCOMPARE(client(t, "127.0.0.1", "[2001:db8::7"), QStringLiteral("127.0.0.1"));
        QCOMPARE(client(t, "127.0.0.1", QByteArray(100, 'x').constData()), QStringLiteral("127.0.0.1"));
    }

    void hopsAreBounded()
    {
        const TrustedProxies t = parsed(QStringLiteral("10.0.0.0/8"));
        QByteArray xff = "198.51.100.7";
        for (int i = 0; i < TrustedProxies::kMaxHops - 1; ++i)
            xff += ", 10.0.0." + QByteArray::number(i + 1);
        // kMaxHops hops: the client is the last one looked at.
        QCOMPARE(client(t, "10.0.0.1", xff.constData()), QStringLiteral("198.51.100.7"));
        // One more trusted hop: the walk stops at the last trusted hop it looked at.
        xff += ", 10.0.0.99";
        QCOMPARE(client(t, "10.0.0.1", xff.constData()), QStringLiteral("10.0.0.1"));
    }

    void peerText()
    {
        const TrustedProxies t = parsed(QStringLiteral("127.0.0.1"));
        QCOMPARE(t.clientPeer(QHostAddress(QStringLiteral("127.0.0.1")), 40000, "198.51.100.7"),
                 QStringLiteral("198.51.100.7:0"));
        QCOMPARE(t.clientPeer(QHostAddress(QStringLiteral("127.0.0.1")), 40000, ""), QStringLiteral("127.0.0.1:40000"));
        QCOMPARE(t.clientPeer(QHostAddress(QStringLiteral("203.0.113.9")), 5, "1.2.3.4"),
                 QStringLiteral("203.0.113.9:5"));
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trustedproxies.moc"
