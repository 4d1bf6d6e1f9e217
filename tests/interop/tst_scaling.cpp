// Scale-out as docs/SCALING.md describes it: two real fxmonitor-server processes on one real
// redis-server, behind Debian's nginx running the shipped deploy/nginx/fxmonitor.conf
// (tests/fixtures/nginx.sh), and real clients through the proxy (scaling_clients.mjs:
// socket.io-client over long-polling then WebSocket, and plain JSON WebSocket clients, each from
// its own loopback address). Every client must receive every price; the clients must be spread
// over both servers; when one server is killed its clients reconnect through the proxy to the
// other and receive every later price.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;
using namespace fx::test;

namespace {

const QString kNginxScript = QStringLiteral(FX_NGINX_SCRIPT);

// The node script, line by line.
class Clients
{
public:
    bool start(const QString &url, int sio, int ws)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FX_URL"), url);
        env.insert(QStringLiteral("FX_SIO"), QString::number(sio));
        env.insert(QStringLiteral("FX_WS"), QString::number(ws));
        m_proc.setProcessEnvironment(env);
        m_proc.setWorkingDirectory(QStringLiteral(FX_INTEROP_DIR));
        m_proc.setProcessChannelMode(QProcess::MergedChannels);
        m_proc.start(QStringLiteral("node"), {QStringLiteral("scaling_clients.mjs")});
        return m_proc.waitForStarted(10000);
    }
    ~Clients()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.kill();
            m_proc.waitForFinished(3000);
        }
    }
    void send(const QByteArray &line) { m_proc.write(line + '\n'); }
    // The next line that starts with prefix (other lines are kept in output()); empty on timeout.
    QString waitFor(const QString &prefix, int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            qsizetype nl;
            while ((nl = m_pending.indexOf('\n')) >= 0) {
                const QString line = QString::fromUtf8(m_pending.left(nl));
                m_pending.remove(0, nl + 1);
                m_output += line + u'\n';
                if (line.startsWith(prefix))
                    return line;
            }
            if (m_proc.state() == QProcess::NotRunning && !m_proc.bytesAvailable())
                return {};
            (void)QTest::qWaitFor([&] { return m_proc.bytesAvailable() > 0 || m_proc.state() == QProcess::NotRunning; },
                                  int(std::max<qint64>(1, timeoutMs - t.elapsed())));
            m_pending += m_proc.readAll();
        }
        return {};
    }
    QString output() const { return m_output + QString::fromUtf8(m_pending); }

private:
    QProcess m_proc;
    QByteArray m_pending;
    QString m_output;
};

} // namespace

class TestScaling : public QObject
{
    Q_OBJECT

    quint16 m_redisPort = 0;
    std::unique_ptr<redis::RedisPublisher> m_pub;

    // nginx reaches the servers from 127.0.0.1: its X-Forwarded-For is believed.
    QStringList serverArgs(quint16 port, const QStringList &more = {}) const
    {
        return QStringList{QStringLiteral("--port"),       QString::number(port),
                           QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                           QStringLiteral("--redis-port"), QString::number(m_redisPort),
                           QStringLiteral("--set"),        QStringLiteral("WEBSOCKET_TRUSTED_PROXIES=127.0.0.1")}
        + more;
    }

    // nginx in front of the given server ports.
    static bool startNginx(const QString &dir, quint16 listen, const QList<quint16> &servers)
    {
        QStringList args{QStringLiteral("start"), dir, QString::number(listen)};
        for (quint16 p : servers)
            args << QString::number(p);
        QByteArray out, err;
        const int rc = runProgram(kNginxScript, args, &out, &err);
        if (rc != 0)
            qWarning("nginx.sh: %s%s", out.constData(), err.constData());
        return rc == 0;
    }
    static void stopNginx(const QString &dir)
    {
        QByteArray out, err;
        runProgram(kNginxScript, {QStringLiteral("stop"), dir}, &out, &err);
    }

    // count prices marked "<batch>:1" .. "<batch>:<count>", spread over the pairs.
    void publishBatch(int batch, int count)
    {
        static const char *pairs[] = {"EUR_USD", "GBP_USD", "USD_JPY", "AUD_USD"};
        for (int i = 1; i <= count; ++i) {
            const QByteArray pair = pairs[i % 4];
            const QByteArray json = "{\"instrument\":\"" + pair
                + "\",\"price\":{\"bid\":\"1.10001\",\"ask\":\"1.10012\"}"
                  ",\"mark\":\""
                + QByteArray::number(batch) + ':' + QByteArray::number(i) + "\"}";
            QString err;
            QVERIFY2(m_pub->publish(QStringLiteral("price_updates"), json, &err), qPrintable(err));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_redisPort = fixtureRedisPort();
        QVERIFY2(m_redisPort, "no redis fixture: run through ctest");
        QVERIFY2(QFileInfo::exists(QStringLiteral(FX_INTEROP_DIR "/node_modules/socket.io-client")),
                 "tests/interop/node_modules is missing: run `npm ci` in tests/interop (scripts/test.sh does)");
        redis::RedisConfig c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = m_redisPort;
        m_pub = std::make_unique<redis::RedisPublisher>(c);
    }

    // Ten Socket.IO and ten plain clients through nginx to two servers: every price reaches every
    // client, both servers hold clients; one server killed: its clients move to the other.
    void twoServersBehindNginx()
    {
        const quint16 portA = freePort(), portB = freePort(), proxyPort = freePort();
        ServerProcess a, b;
        QVERIFY(a.start(serverArgs(portA)));
        QVERIFY(b.start(serverArgs(portB)));
        QTemporaryDir dir;
        const QString nginxDir = dir.filePath(QStringLiteral("nginx"));
        QVERIFY(startNginx(nginxDir, proxyPort, {portA, portB}));
        auto nginxGuard = qScopeGuard([&] { stopNginx(nginxDir); });

        Clients clients;
        QVERIFY(clients.start(QStringLiteral("http://127.0.0.1:%1").arg(proxyPort), 10, 10));
        QVERIFY2(clients.waitFor(QStringLiteral("READY 20"), 30000) == u"READY 20", qPrintable(clients.output()));

        // Spread: per-address stickiness put clients on both servers, twenty in all.
        const double onA = metricValue(portA, "fxmonitor_connected_clients");
        const double onB = metricValue(portB, "fxmonitor_connected_clients");
        qInfo("clients per server through nginx: %g and %g", onA, onB);
        QCOMPARE(onA + onB, 20.0);
        QVERIFY2(onA >= 1 && onB >= 1, "every client landed on one server");

        clients.send("EXPECT 1 40");
        publishBatch(1, 40);
        QString line = clients.waitFor(QStringLiteral("BATCH 1"), 20000);
        QVERIFY2(line.startsWith(u"BATCH 1 OK"), qPrintable(clients.output()));

        // One server dies: its clients reconnect through nginx and land on the other.
        QElapsedTimer gap;
        gap.start();
        a.stop(9);
        QVERIFY2(clients.waitFor(QStringLiteral("READY 20"), 30000) == u"READY 20", qPrintable(clients.output()));
        qInfo("every client of the killed server subscribed again on the other one %lld ms after the kill",
              gap.elapsed());
        QTRY_COMPARE_WITH_TIMEOUT(metricValue(portB, "fxmonitor_connected_clients"), 20.0, 10000);

        clients.send("EXPECT 2 40");
        publishBatch(2, 40);
        line = clients.waitFor(QStringLiteral("BATCH 2"), 20000);
        QVERIFY2(line.startsWith(u"BATCH 2 OK"), qPrintable(clients.output()));

        clients.send("QUIT");
        line = clients.waitFor(QStringLiteral("BYE"), 10000);
        QVERIFY2(!line.isEmpty(), qPrintable(clients.output()));
        qInfo("%s", qPrintable(line));
        // The second connection of each moved client was new on that server: 20 + the moved ones.
        static const QRegularExpression connects(QStringLiteral("\"connects\":(\\d+)"));
        QCOMPARE(connects.match(line).captured(1).toInt(), 20 + int(onA));
        QCOMPARE(b.stop(), 0);
    }

    // WEBSOCKET_MAX_CONNECTIONS_PER_IP=2 behind nginx: each client address behind the proxy has
    // its own two (plain and Socket.IO alike), the third is refused with TOO_MANY_CONNECTIONS;
    // X-Forwarded-For sent straight to the server by a client that is no proxy changes nothing.
    void perAddressLimitBehindNginx()
    {
        const quint16 port = freePort(), proxyPort = freePort();
        ServerProcess server;
        QVERIFY(server.start(
            serverArgs(port, {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_CONNECTIONS_PER_IP=2")})));
        QTemporaryDir dir;
        const QString nginxDir = dir.filePath(QStringLiteral("nginx"));
        QVERIFY(startNginx(nginxDir, proxyPort, {port}));
        auto nginxGuard = qScopeGuard([&] { stopNginx(nginxDir); });

        QProcess node;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FX_PROXY_URL"), QStringLiteral("http://127.0.0.1:%1").arg(proxyPort));
        env.insert(QStringLiteral("FX_DIRECT_URL"), QStringLiteral("http://127.0.0.1:%1").arg(port));
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(QStringLiteral(FX_INTEROP_DIR));
        node.setProcessChannelMode(QProcess::MergedChannels);
        node.start(QStringLiteral("node"), {QStringLiteral("scaling_limits.mjs")});
        QVERIFY(node.waitForStarted(10000));
        QVERIFY(QTest::qWaitFor([&] { return node.state() == QProcess::NotRunning; }, 60000));
        const QString out = QString::fromUtf8(node.readAll());
        QVERIFY2(out.contains(u"DONE"), qPrintable(out));
        for (const char *name :
             {"proxy-plain-127.0.0.20", "proxy-plain-127.0.0.21", "proxy-sio-127.0.0.22", "direct-spoofed-127.0.0.23"})
            QVERIFY2(out.contains(QStringLiteral("RESULT %1 ok,ok,TOO_MANY_CONNECTIONS").arg(QLatin1String(name))),
                     qPrintable(out));
        // Logged with the client's address, never the proxy's; the forged header not at all.
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(u"refused a client from 127.0.0.20"), 5000);
        QVERIFY(server.log().contains(u"refused a client from 127.0.0.21"));
        QVERIFY(server.log().contains(u"refused a client from 127.0.0.22"));
        QVERIFY(server.log().contains(u"refused a client from 127.0.0.23"));
        QVERIFY2(!server.log().contains(u"refused a client from 127.0.0.1"), qPrintable(server.log()));
        QVERIFY(!server.log().contains(u"198.51.100"));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestScaling)
#include "tst_scaling.moc"
