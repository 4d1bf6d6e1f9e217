// Interop with the clients desks already run: socket.io-client 4.x (Node), python-socketio 5.x
// (Debian), the predecessor's own documented snippets, our examples, and a real browser.
// Each scenario is a script that talks to a real fxmonitor-server fed by a real redis-server;
// this harness starts the server, restarts it when a script asks ("RESTART"), and judges the
// script's exit status and its "STEP"/"ALL OK" lines.

#include "core/platform.h"
#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/testpki.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

using namespace fx;
using namespace fx::test;

namespace {

QString nodeModules()
{
    return QStringLiteral(FX_INTEROP_DIR "/node_modules");
}

struct Scenario
{
    QString program;
    QStringList args;
    QString workingDir = QStringLiteral(FX_INTEROP_DIR);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    int timeoutMs = 60000;
    // Called for every output line; return true to stop the scenario (success decided by caller).
    std::function<bool(const QString &)> onLine;
    // Called once the program runs, with its process id (to signal it).
    std::function<void(qint64)> onStarted;
};

struct Outcome
{
    int exitCode = -1;
    bool finished = false;
    QString output;
};

Outcome run(const Scenario &s)
{
    QProcess p;
    p.setProgram(s.program);
    p.setArguments(s.args);
    p.setWorkingDirectory(s.workingDir);
    p.setProcessEnvironment(s.env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start();
    Outcome o;
    if (!p.waitForStarted(10000)) {
        o.output = QStringLiteral("cannot start %1: %2").arg(s.program, p.errorString());
        return o;
    }
    if (s.onStarted)
        s.onStarted(p.processId());
    QElapsedTimer t;
    t.start();
    QByteArray pending;
    bool stop = false;
    while (t.elapsed() < s.timeoutMs && !stop) {
        if (p.state() == QProcess::NotRunning && !p.bytesAvailable())
            break;
        // Output or the exit; the event loop runs meanwhile (the scenarios' timers).
        (void)QTest::qWaitFor([&] { return p.bytesAvailable() > 0 || p.state() == QProcess::NotRunning; },
                              int(std::max<qint64>(1, s.timeoutMs - t.elapsed())));
        pending += p.readAll();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QString line = QString::fromUtf8(pending.left(nl));
            pending.remove(0, nl + 1);
            o.output += line + u'\n';
            if (s.onLine && s.onLine(line))
                stop = true;
        }
    }
    o.output += QString::fromUtf8(pending);
    if (p.state() != QProcess::NotRunning) {
        p.terminate();
        if (!p.waitForFinished(3000))
            p.kill();
        p.waitForFinished(3000);
        o.output += QString::fromUtf8(p.readAll());
        return o;
    }
    o.finished = true;
    o.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return o;
}

} // namespace

class TestInterop : public QObject
{
    Q_OBJECT

    quint16 m_redisPort = 0;
    QString m_prefix;
    std::unique_ptr<redis::RedisPublisher> m_pub;

    QStringList serverArgs(quint16 port) const
    {
        return {QStringLiteral("--port"),       QString::number(port),
                QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--redis-port"), QString::number(m_redisPort),
                QStringLiteral("--set"),        QStringLiteral("REDIS_CHANNEL_PREFIX=") + m_prefix};
    }

    QProcessEnvironment env(const QString &url) const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("FX_URL"), url);
        e.insert(QStringLiteral("FX_REDIS_PORT"), QString::number(m_redisPort));
        e.insert(QStringLiteral("FX_PREFIX"), m_prefix);
        return e;
    }

    void publish(const char *channel, const QByteArray &payload)
    {
        QString err;
        QVERIFY2(m_pub->publish(m_prefix + QLatin1String(channel), payload, &err), qPrintable(err));
    }

    // A full scenario script: the server restarts when it prints RESTART; it must end with ALL OK.
    void scenario(const QString &program, const QStringList &args, const QString &transports)
    {
        const quint16 port = freePort();
        auto server = std::make_unique<ServerProcess>();
        QVERIFY(server->start(serverArgs(port)));
        Scenario s;
        s.program = program;
        s.args = args;
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_TRANSPORTS"), transports);
        s.onLine = [&](const QString &line) {
            if (line == u"RESTART") {
                server->stop();
                server = std::make_unique<ServerProcess>();
                // Until the port is free again.
                (void)QTest::qWaitFor([&] { return server->start(serverArgs(port)); }, 10000);
            }
            return false;
        };
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server->stop(), 0);
    }

private:
    // One script against a server of its own (with extra settings), with FX_TRANSPORTS and extra
    // environment: it must print ALL OK; the server's log is shown when it does not.
    void runScenario(const QString &program, const QString &script, const QString &transports,
                     const QStringList &serverExtra = {}, const QList<QPair<QString, QString>> &extraEnv = {})
    {
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port) + serverExtra));
        Scenario s;
        s.program = program;
        s.args = {script};
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_TRANSPORTS"), transports);
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        for (const auto &[name, value] : extraEnv)
            s.env.insert(name, value);
        const Outcome o = run(s);
        if (!(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK"))))
            qWarning().noquote() << "server log:\n" << server.log();
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_redisPort = fixtureRedisPort();
        QVERIFY2(m_redisPort, "no redis fixture: run through ctest");
        QVERIFY2(QFileInfo::exists(nodeModules() + QStringLiteral("/socket.io-client")),
                 "tests/interop/node_modules is missing: run `npm ci` in tests/interop (scripts/test.sh does)");
        QVERIFY2(QFileInfo::exists(QStringLiteral(FX_EXAMPLES_DIR "/node_modules/socket.io-client")),
                 "examples/node_modules is missing: run `npm ci` in examples (scripts/test.sh does)");
        m_prefix = QStringLiteral("interop%1:").arg(QRandomGenerator::global()->generate() % 100000);
        m_pub = publisherFor(m_redisPort);
    }

    void nodeDefaultTransports()
    {
        scenario(QStringLiteral("node"), {QStringLiteral("sio_node.mjs")}, QStringLiteral("default"));
    }
    void nodeWebSocketOnly()
    {
        scenario(QStringLiteral("node"), {QStringLiteral("sio_node.mjs")}, QStringLiteral("websocket"));
    }
    void pythonDefaultTransports()
    {
        scenario(QStringLiteral("/usr/bin/python3"), {QStringLiteral("sio_python.py")}, QStringLiteral("default"));
    }
    void pythonPollingOnly()
    {
        scenario(QStringLiteral("/usr/bin/python3"), {QStringLiteral("sio_python.py")}, QStringLiteral("polling"));
    }

    // The predecessor's snippets hard-code http://localhost:5001.
    void predecessorPythonOneLiner()
    {
        ServerProcess server;
        QVERIFY2(server.start(serverArgs(5001)), "port 5001 must be free for the predecessor's snippets");
        Scenario s;
        s.program = QStringLiteral("/usr/bin/python3");
        // The predecessor's documented test command, verbatim.
        s.args = {QStringLiteral("-c"), QStringLiteral(R"(
import socketio
sio = socketio.Client()
sio.on('connection_established', lambda d: print(f'Connected: {d["client_id"]}'))
sio.on('subscription_confirmed', lambda d: print(f'Subscribed to {d["pair_count"]} pairs'))
sio.on('price_update', lambda d: print(f'{d["instrument"]}: {d["price"]["mid"]}'))
sio.connect('http://localhost:5001')
sio.emit('subscribe', {'pairs': ['EUR_USD', 'GBP_USD']})
sio.wait()
)")};
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        s.timeoutMs = 20000;
        bool published = false, printed = false;
        // python-socketio runs each handler on a thread of its own, so two prints may share a line.
        s.onLine = [&](const QString &line) {
            if (line.contains(u"Subscribed to 2 pairs") && !published) {
                publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0945","ask":"1.0947"}})");
                published = true;
            }
            printed = printed || line.contains(u"EUR_USD: 1.0946");
            return printed;
        };
        const Outcome o = run(s);
        QVERIFY2(o.output.contains(QStringLiteral("Connected: ")), qPrintable(o.output));
        QVERIFY2(printed, qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    void predecessorJavaScriptExample()
    {
        ServerProcess server;
        QVERIFY2(server.start(serverArgs(5001)), "port 5001 must be free for the predecessor's snippets");
        Scenario s;
        s.program = QStringLiteral("node");
        s.args = {QStringLiteral("predecessor_example.js")};
        s.timeoutMs = 20000;
        bool price = false, alert = false;
        bool published = false;
        s.onLine = [&](const QString &line) {
            price = price || line == u"EUR_USD: 1.0946";
            alert = alert || line == u"Volatility alert: EUR_USD";
            return price && alert;
        };
        // Publish once the client has subscribed (it prints nothing before): the server's metrics
        // show it in both rooms.
        QTimer pub;
        QObject::connect(&pub, &QTimer::timeout, [&] {
            if (published)
                return;
            const QByteArray metrics = httpRequest(5001, "GET", "/metrics").body;
            if (!metrics.contains("fxmonitor_room_subscribers{room=\"price_EUR_USD\"} 1\n")
                || !metrics.contains("fxmonitor_room_subscribers{room=\"price_GBP_USD\"} 1\n"))
                return;
            publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0945","ask":"1.0947"}})");
            publish("volatility_alerts", R"({"instrument":"EUR_USD","volatility":0.0234,"threshold":0.02})");
            published = true;
        });
        pub.start(100);
        const Outcome o = run(s);
        QVERIFY2(price && alert, qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    void examplesClients_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QStringList>("args");
        QTest::newRow("client.js") << "node" << QStringList{QStringLiteral(FX_EXAMPLES_DIR "/client.js")};
        QTest::newRow("client.py") << "/usr/bin/python3" << QStringList{QStringLiteral(FX_EXAMPLES_DIR "/client.py")};
    }

    void examplesClients()
    {
        QFETCH(QString, program);
        QFETCH(QStringList, args);
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port)));
        Scenario s;
        s.program = program;
        s.args = args + QStringList{QStringLiteral("--url"),     QStringLiteral("http://127.0.0.1:%1").arg(port),
                                    QStringLiteral("--pairs"),   QStringLiteral("EUR_USD,USD_JPY"),
                                    QStringLiteral("--seconds"), QStringLiteral("3")};
        s.workingDir = QStringLiteral(FX_EXAMPLES_DIR);
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        s.onLine = [&](const QString &line) {
            if (line.startsWith(QStringLiteral("server has "))) {
                publish("price_updates", R"({"instrument":"USD_JPY","price":{"bid":"150.101","ask":"150.112"}})");
                publish("volatility_alerts", R"({"instrument":"EUR_USD","volatility":0.03,"severity":"critical"})");
            }
            return false;
        };
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.output));
        for (const char *expected : {"subscribed to 2 pairs", "round trip: ", "USD_JPY: 150.1065",
                                     "Volatility alert: EUR_USD critical", "received 1 prices, 1 alerts"})
            QVERIFY2(o.output.contains(QLatin1String(expected)),
                     qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(expected), o.output)));
        QCOMPARE(server.stop(), 0);
    }

    // examples/alert_client.{py,js} (PROTOCOL.md §11): the rule from the command line is set,
    // each crossing tick published to Redis prints its price alert (none for a tick under the
    // threshold), and the client exits with status 0: by itself after a "once" rule fired, on
    // Ctrl-C (SIGINT) otherwise, deleting its rule first. After the server restarted (its rules
    // gone) the client sets its rule again. A refused rule exits with status 2.
    void examplesAlerts_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("mode");
        for (const auto &[program, script] :
             {std::pair{"/usr/bin/python3", "alert_client.py"}, std::pair{"node", "alert_client.js"}})
            for (const char *mode : {"once", "every", "restart", "refused"})
                QTest::addRow("%s, %s", script, mode)
                    << QString::fromLatin1(program) << QString::fromLatin1(script) << QString::fromLatin1(mode);
    }

    void examplesAlerts()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        QFETCH(QString, mode);
        const quint16 port = freePort();
        auto server = std::make_unique<ServerProcess>();
        QVERIFY(server->start(serverArgs(port)));
        Scenario s;
        s.program = program;
        s.args = {QStringLiteral(FX_EXAMPLES_DIR "/") + script,
                  QStringLiteral("--url"),
                  QStringLiteral("http://127.0.0.1:%1").arg(port),
                  QStringLiteral("EUR_USD"),
                  QStringLiteral("bid"),
                  QStringLiteral("above"),
                  mode == u"refused" ? QStringLiteral("-1") : QStringLiteral("1.0900")};
        if (mode == u"every" || mode == u"restart")
            s.args << QStringLiteral("--repeat") << QStringLiteral("every");
        s.workingDir = QStringLiteral(FX_EXAMPLES_DIR);
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        s.timeoutMs = 30000;
        qint64 pid = 0;
        s.onStarted = [&](qint64 started) { pid = started; };
        int rulesSet = 0;
        int alertsPrinted = 0;
        bool restarted = false;
        s.onLine = [&](const QString &line) {
            if (line.startsWith(QStringLiteral("alert set: "))) {
                ++rulesSet;
                // Under the threshold, above it, (every:) under and above again.
                publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0850","ask":"1.0852"}})");
                publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0945","ask":"1.0947"}})");
                if (mode == u"every") {
                    publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0880","ask":"1.0882"}})");
                    publish("price_updates", R"({"instrument":"EUR_USD","price":{"bid":"1.0950","ask":"1.0952"}})");
                }
            }
            if (!line.startsWith(QStringLiteral("price alert ")))
                return false;
            ++alertsPrinted;
            if (mode == u"restart" && !restarted) {
                // The new server holds no rule: the client sets its own again once reconnected.
                restarted = true;
                server->stop();
                server = std::make_unique<ServerProcess>();
                // Until the port is free again.
                (void)QTest::qWaitFor([&] { return server->start(serverArgs(port)); }, 10000);
            } else if (mode != u"once" && alertsPrinted == 2) {
                ::kill(pid_t(pid), SIGINT); // Ctrl-C
            }
            return false;
        };
        const Outcome o = run(s);
        QVERIFY2(o.finished, qPrintable(o.output));
        if (mode == u"refused") {
            QCOMPARE(o.exitCode, 2);
            QVERIFY2(o.output.contains(QStringLiteral("refused: INVALID_PAYLOAD (value): ")), qPrintable(o.output));
            QVERIFY2(!o.output.contains(QStringLiteral("alert set: ")), qPrintable(o.output));
            QCOMPARE(server->stop(), 0);
            return;
        }
        QVERIFY2(o.exitCode == 0, qPrintable(o.output));
        // "alert set: <id> EUR_USD bid above 1.09 (repeat every)", then
        // "price alert <id>: EUR_USD bid 1.0945 above 1.09 at <time> (bid 1.0945, ask 1.0947), fired 1 time"
        static const QRegularExpression setLine(
            QStringLiteral(R"(^alert set: (\S+) EUR_USD bid above 1.09 \(repeat (\w+)\)$)"));
        static const QRegularExpression alertLine(QStringLiteral(
            R"(^price alert (\S+): (.*) at \d{4}-\d\d-\d\dT\S+Z \(bid ([^,]+), ask ([^)]+)\), (fired \d+ times?)$)"));
        QStringList ids;
        QStringList alerts;
        for (const QString &line : o.output.split(u'\n')) {
            if (const QRegularExpressionMatch m = setLine.match(line); m.hasMatch()) {
                QCOMPARE(m.captured(2), mode == u"once" ? QStringLiteral("once") : QStringLiteral("every"));
                ids << m.captured(1);
            }
            if (const QRegularExpressionMatch m = alertLine.match(line); m.hasMatch()) {
                QVERIFY2(!ids.isEmpty() && m.captured(1) == ids.last(), qPrintable(o.output));
                alerts << QStringList{m.captured(2), m.captured(3), m.captured(4), m.captured(5)}.join(u'|');
            }
        }
        const QString first = QStringLiteral("EUR_USD bid 1.0945 above 1.09|1.0945|1.0947|fired 1 time");
        QStringList expected{first};
        if (mode == u"every")
            expected << QStringLiteral("EUR_USD bid 1.095 above 1.09|1.095|1.0952|fired 2 times");
        if (mode == u"restart")
            expected << first; // the rule set again on the new server
        QVERIFY2(alerts == expected, qPrintable(o.output));
        QVERIFY2(ids.size() == (mode == u"restart" ? 2 : 1), qPrintable(o.output));
        if (mode == u"restart")
            QVERIFY2(ids[0] != ids[1] && o.output.contains(QStringLiteral("reconnecting")), qPrintable(o.output));
        else
            QVERIFY2(!o.output.contains(QStringLiteral("reconnecting")), qPrintable(o.output));
        QVERIFY2(o.output.contains(QStringLiteral("deleted rule ") + ids.last()), qPrintable(o.output));
        QCOMPARE(server->stop(), 0);
    }

    // PROTOCOL.md §10: socket.io-client's connection state recovery with
    // WEBSOCKET_SIO_RECOVERY on (recovered, nothing missing) and off (a fresh session, cleanly).
    void socketIoRecovery_data()
    {
        QTest::addColumn<QString>("recovery");
        QTest::addColumn<QString>("transports");
        QTest::newRow("on, websocket") << "on"
                                       << "websocket";
        QTest::newRow("on, polling then websocket") << "on"
                                                    << "default";
        QTest::newRow("on, polling only") << "on"
                                          << "polling";
        QTest::newRow("off, websocket") << "off"
                                        << "websocket";
    }

    void socketIoRecovery()
    {
        QFETCH(QString, recovery);
        QFETCH(QString, transports);
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(
            server.start(serverArgs(port)
                         + QStringList{QStringLiteral("--set"),
                                       QStringLiteral("WEBSOCKET_SIO_RECOVERY=")
                                           + (recovery == u"on" ? QStringLiteral("true") : QStringLiteral("false"))}));
        Scenario s;
        s.program = QStringLiteral("node");
        s.args = {QStringLiteral("sio_recovery.mjs")};
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_TRANSPORTS"), transports);
        s.env.insert(QStringLiteral("FX_RECOVERY"), recovery);
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    // PROTOCOL.md §10: python-socketio (no recovery of its own) unchanged with
    // WEBSOCKET_SIO_RECOVERY off; with it on, the documented extra argument.
    void pythonWithAndWithoutSioRecovery_data()
    {
        QTest::addColumn<QString>("recovery");
        QTest::newRow("off: unchanged") << "off";
        QTest::newRow("on: the offset argument") << "on";
    }

    void pythonWithAndWithoutSioRecovery()
    {
        QFETCH(QString, recovery);
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(
            server.start(serverArgs(port)
                         + QStringList{QStringLiteral("--set"),
                                       QStringLiteral("WEBSOCKET_SIO_RECOVERY=")
                                           + (recovery == u"on" ? QStringLiteral("true") : QStringLiteral("false"))}));
        Scenario s;
        s.program = QStringLiteral("/usr/bin/python3");
        s.args = {QStringLiteral("sio_recovery.py")};
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_RECOVERY"), recovery);
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    // examples/recovering_client.{js,py} (PROTOCOL.md §10): the connection is cut mid-stream while
    // prices flow; every price published after the subscription is printed once, in order.
    void examplesRecovering_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("scheme");
        QTest::addColumn<QString>("recoveredLine");
        QTest::newRow("recovering_client.js") << "node"
                                              << "recovering_client.js"
                                              << "http"
                                              << "recovered: rooms kept, missed events replayed";
        QTest::newRow("recovering_client.py") << "/usr/bin/python3"
                                              << "recovering_client.py"
                                              << "ws"
                                              << "recovered: {\"NZD_JPY\": true}";
    }

    void examplesRecovering()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        QFETCH(QString, scheme);
        QFETCH(QString, recoveredLine);
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port)
                             + QStringList{QStringLiteral("--set"), QStringLiteral("WEBSOCKET_SIO_RECOVERY=true")}));
        Scenario s;
        s.program = program;
        s.args = {QStringLiteral(FX_EXAMPLES_DIR "/") + script,
                  QStringLiteral("--url"),
                  scheme == u"ws" ? QStringLiteral("ws://127.0.0.1:%1/ws").arg(port)
                                  : QStringLiteral("http://127.0.0.1:%1").arg(port),
                  QStringLiteral("--pairs"),
                  QStringLiteral("NZD_JPY"),
                  QStringLiteral("--seconds"),
                  QStringLiteral("4"),
                  QStringLiteral("--drop-after"),
                  QStringLiteral("1.5")};
        s.workingDir = QStringLiteral(FX_EXAMPLES_DIR);
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        // A price every 20 ms from the subscription until 0.7 s after the recovery.
        int published = 0;
        QTimer feed;
        feed.setInterval(20);
        connect(&feed, &QTimer::timeout, this, [&] {
            ++published;
            publish("price_updates",
                    QStringLiteral(R"({"instrument":"NZD_JPY","price":{"bid":"%1.000","ask":"%2.000"}})")
                        .arg(1000 + published)
                        .arg(2000 + published)
                        .toUtf8());
        });
        s.onLine = [&](const QString &line) {
            if (line.startsWith(QStringLiteral("subscribed to")) && !feed.isActive() && published == 0)
                feed.start();
            if (line == recoveredLine)
                QTimer::singleShot(700, &feed, &QTimer::stop);
            return false;
        };
        const Outcome o = run(s);
        feed.stop();
        QVERIFY2(o.finished && o.exitCode == 0, qPrintable(o.output));
        QVERIFY2(o.output.contains(QStringLiteral("dropping the connection")) && o.output.contains(recoveredLine),
                 qPrintable(o.output));
        QList<int> got;
        for (const QString &line : o.output.split(u'\n'))
            if (line.startsWith(QStringLiteral("price NZD_JPY bid=")) && !line.endsWith(QStringLiteral("(snapshot)")))
                got << line.section(u'=', 1, 1).section(u'.', 0, 0).toInt() - 1000;
        QList<int> expected;
        for (int n = 1; n <= published; ++n)
            expected << n;
        QVERIFY2(published > 50, qPrintable(o.output));
        QCOMPARE(got, expected);
        QCOMPARE(server.stop(), 0);
    }

    // SECURITY.md, "TLS": both Socket.IO clients (every transport) and requests over TLS, with
    // a test CA made at test time.
    void socketIoOverTls_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::newRow("node socket.io-client") << "node"
                                               << "sio_tls_node.mjs";
        QTest::newRow("python-socketio") << "/usr/bin/python3"
                                         << "sio_tls_python.py";
    }
    void socketIoOverTls()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        TestPki pki;
        QVERIFY(pki.create());
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port)
                             + QStringList{QStringLiteral("--tls-cert"), pki.path(QStringLiteral("bchain.pem")),
                                           QStringLiteral("--tls-key"), pki.path(QStringLiteral("b.key"))}));
        Scenario s;
        s.program = program;
        s.args = {script};
        s.env = env(QStringLiteral("https://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_CA"), pki.path(QStringLiteral("ca.pem")));
        s.env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        const Outcome o = run(s);
        if (!(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK"))))
            qWarning().noquote() << "server log:\n" << server.log();
        else if (o.output.contains(QStringLiteral("RETRY"))) // the client's own race (sio_tls_python.py)
            qWarning().noquote() << o.output;
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    // PROTOCOL.md §11, alert rules with both Socket.IO client libraries: set_alert (acknowledged
    // and not), list_alerts, a price published to Redis firing price_alert for the rule's owner
    // only, update_alert, delete_alert, INVALID_PAYLOAD naming the field, and
    // WEBSOCKET_MAX_ALERTS_PER_CLIENT at, under and over the limit (sio_alerts.{mjs,py}).
    void alertRules_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("transports");
        QTest::newRow("node, default transports") << "node"
                                                  << "sio_alerts.mjs"
                                                  << "default";
        QTest::newRow("node, websocket") << "node"
                                         << "sio_alerts.mjs"
                                         << "websocket";
        QTest::newRow("python, default transports") << "/usr/bin/python3"
                                                    << "sio_alerts.py"
                                                    << "default";
        QTest::newRow("python, polling") << "/usr/bin/python3"
                                         << "sio_alerts.py"
                                         << "polling";
    }

    void alertRules()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        QFETCH(QString, transports);
        runScenario(program, script, transports,
                    {QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT=4")},
                    {{QStringLiteral("FX_MAX_ALERTS_PER_CLIENT"), QStringLiteral("4")}});
    }

    // PROTOCOL.md §11, "Rules that follow the user", with both Socket.IO client libraries: a
    // client_key in an acknowledged subscribe, a rule set, a new connection with the key getting
    // the rule and its room back, the rule firing, a stranger seeing nothing, a short key refused
    // (sio_user_rules.{mjs,py}).
    void userRules_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("transports");
        QTest::newRow("node, default transports") << "node"
                                                  << "sio_user_rules.mjs"
                                                  << "default";
        QTest::newRow("node, websocket") << "node"
                                         << "sio_user_rules.mjs"
                                         << "websocket";
        QTest::newRow("python, default transports") << "/usr/bin/python3"
                                                    << "sio_user_rules.py"
                                                    << "default";
        QTest::newRow("python, polling") << "/usr/bin/python3"
                                         << "sio_user_rules.py"
                                         << "polling";
    }

    void userRules()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        QFETCH(QString, transports);
        runScenario(program, script, transports); // the server with its own SQLite database
    }

    // SECURITY.md, "Bounds": the Socket.IO parse bounds as socket.io-client meets them (packet
    // size over WebSocket and long-polling, binary attachments, the rate limit), at, just under
    // and over each, what the client reads and what /metrics counts (sio_bounds.mjs). A rate of
    // 0.1 per second leaves exactly the burst within each step.
    void nodeParseBounds()
    {
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port)
                             + QStringList{QStringLiteral("--set"), QStringLiteral("WEBSOCKET_MAX_MESSAGE_SIZE=1024"),
                                           QStringLiteral("--set"), QStringLiteral("WEBSOCKET_RATE_LIMIT=0.1"),
                                           QStringLiteral("--set"), QStringLiteral("WEBSOCKET_RATE_BURST=20")}));
        Scenario s;
        s.program = QStringLiteral("node");
        s.args = {QStringLiteral("sio_bounds.mjs")};
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_MAX_MESSAGE_SIZE"), QStringLiteral("1024"));
        s.env.insert(QStringLiteral("FX_RATE_BURST"), QStringLiteral("20"));
        // TESTING.md, "The portable build": no lingering close, so the flood's close may arrive
        // as a reset (1006) while the client is still sending; it is still counted.
        if (fx::core::platform::isPortableBuild())
            s.env.insert(QStringLiteral("FX_NO_LINGERING_CLOSE"), QStringLiteral("1"));
        s.timeoutMs = 90000;
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }

    void browserPage()
    {
        QVERIFY2(QFileInfo::exists(QStringLiteral("/usr/bin/chromium")),
                 "Debian's chromium is not installed (scripts/test.sh installs it)");
        const quint16 port = freePort();
        ServerProcess server;
        QVERIFY(server.start(serverArgs(port)));
        Scenario s;
        s.program = QStringLiteral("node");
        s.args = {QStringLiteral("browser.mjs")};
        s.env = env(QStringLiteral("http://127.0.0.1:%1").arg(port));
        s.env.insert(QStringLiteral("FX_PAGE"), QStringLiteral(FX_EXAMPLES_DIR "/browser/index.html"));
        s.env.insert(QStringLiteral("FX_SCREENSHOT"), QDir::temp().filePath(QStringLiteral("fxmonitor-browser.png")));
        s.timeoutMs = 60000;
        const Outcome o = run(s);
        QVERIFY2(o.finished && o.exitCode == 0 && o.output.contains(QStringLiteral("ALL OK")), qPrintable(o.output));
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
