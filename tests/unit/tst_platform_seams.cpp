// ARCHITECTURE.md, "Platform seams": what a seam's two sides must agree on, run in the normal and
// the portable build (scripts/test.sh runs both). The IP literal seam is compared with the
// system's inet_pton()/inet_ntop() whichever side is compiled; the signal watcher turns a raised
// SIGTERM or SIGHUP into its Qt signals.

#include "app/signalwatcher.h"
#include "core/ipliteral.h"
#include "core/platform.h"

#include <QSignalSpy>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>

using namespace fx;

namespace {

bool systemIsIp(const QString &s)
{
    unsigned char buf[16];
    const QByteArray b = s.toLatin1();
    return inet_pton(AF_INET, b.constData(), buf) == 1 || inet_pton(AF_INET6, b.constData(), buf) == 1;
}

std::optional<QString> systemCanonical(const QString &s)
{
    unsigned char bytes[16];
    char out[INET6_ADDRSTRLEN];
    const QByteArray b = s.toLatin1();
    if (inet_pton(AF_INET6, b.constData(), bytes) != 1 || !inet_ntop(AF_INET6, bytes, out, sizeof out))
        return std::nullopt;
    return QString::fromLatin1(out);
}

const QStringList &literals()
{
    static const QStringList list = {
        // IPv4: the grammar's edges.
        "0.0.0.0", "1.2.3.4", "255.255.255.255", "256.1.1.1", "1.2.3.256", "01.2.3.4", "1.02.3.4", "1.2.3.04",
        "0.0.0.00", "1.2.3", "1.2.3.4.5", "1..2.3", ".1.2.3", "1.2.3.", "0x7f.0.0.1", "127.1", " 1.2.3.4", "1.2.3.4 ",
        "1.2.3.-4", "1.2.3.4a", "999.1.1.1", "1234.1.1.1", "",
        // IPv6.
        "::", "::1", "1::", "::0", "0::0", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1::8",
        "1:0:0:0:0:0:0:8", "1:0:0:2:0:0:0:3", "1:0:0:2:0:0:3:0", "0:0:1:0:0:0:0:0", "1:0:2:0:3:0:4:0", "2001:DB8::1",
        "2001:db8:0:0:1:0:0:1", "2001:0db8:0000:0000:0000:ff00:0042:8329", "12345::1", "::12345", ":::", ":1::2",
        "1::2::3", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1:", ":1", "1:2", "::ffff:1.2.3.4",
        "::1.2.3.4", "::0.0.0.1", "::ffff:0.0.0.0", "1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:01.2.3.4",
        "::ffff:1.2.3", "::1.2.3.4:5", "64:ff9b::1.2.3.4", "::ffff:1:2", "0:0:0:0:0:ffff:102:304",
        "0:0:0:0:0:fffe:102:304", "fe80::1%eth0", "[::1]", "::g", "ffff::ffff:ffff", "1:2:3:4:5::7:8",
        "a:b:c:d:e:f:0:0", "0:0:a:b:c:d:e:f", "0:a:0:b:0:c:0:d", "0:0:1:0:0:1:0:0"};
    return list;
}

} // namespace

class TestPlatformSeams : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ipLiteralsAsTheSystemParsesThem()
    {
        qInfo("build: %s", core::platform::isPortableBuild() ? "portable" : "fast");
        for (const QString &s : literals())
            QVERIFY2(core::isIpLiteral(s) == systemIsIp(s), qPrintable(s));
    }

    void ipv6WrittenAsTheSystemWritesIt()
    {
        for (const QString &s : literals()) {
            const std::optional<QString> ours = core::canonicalIpv6Literal(s);
            const std::optional<QString> system = systemCanonical(s);
            QVERIFY2(ours.has_value() == system.has_value(), qPrintable(s));
            if (ours)
                QCOMPARE(*ours, *system);
        }
    }

    void signalsReachTheWatcher()
    {
        app::SignalWatcher watcher;
        QSignalSpy terminate(&watcher, &app::SignalWatcher::terminationRequested);
        QSignalSpy reload(&watcher, &app::SignalWatcher::reloadRequested);
        std::raise(SIGTERM);
        QVERIFY(terminate.wait(5000));
        QCOMPARE(terminate.takeFirst().at(0).toInt(), SIGTERM);
        std::raise(SIGHUP); // reloadRequested is connected (the spy): a reload, not a termination
        QVERIFY(reload.wait(5000));
        QCOMPARE(terminate.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestPlatformSeams)
#include "tst_platform_seams.moc"
