// The monitor-only desk (EMBEDDED_SERVER=false, `fxmonitor --no-server`): in process, the real
// MainWindow on an Engine without a server watches prices and the fleet through a private
// redis-server, writes no tick into the database it shares with the servers, and its panels
// and status bar say there is no embedded server; as a process, `fxmonitor --no-server` opens
// no listening socket (checked in /proc) and leaves the configured port free; --print-config
// shows EMBEDDED_SERVER and where it came from; FLEET_STALE_SECONDS and EMBEDDED_SERVER are
// validated at their bounds. With FX_SCREENSHOT_DIR set, saves monitor-only.png.

#include "core/settings.h"
#include "engine/engine.h"
#include "engine/fleetwatch.h"
#include "gui/clientspanel.h"
#include "gui/fleetmodel.h"
#include "gui/mainwindow.h"
#include "gui/marketwatchmodel.h"
#include "gui/roomsmodel.h"
#include "gui/statusindicator.h"
#include "gui/tablepanel.h"
#include "guitestmain.h"
#include "storage/storage.h"
#include "support/redisserver.h"

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;
using namespace fx::gui;

namespace {

// Inodes of the TCP sockets listening on this machine (/proc/net/tcp and tcp6, state 0A).
QSet<QString> listeningInodes()
{
    QSet<QString> out;
    for (const char *path : {"/proc/net/tcp", "/proc/net/tcp6"}) {
        QFile f(QString::fromLatin1(path));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        f.readLine(); // header
        while (!f.atEnd()) {
            const QList<QByteArray> cols = f.readLine().simplified().split(' ');
            if (cols.size() > 9 && cols.at(3) == "0A")
                out.insert(QString::fromLatin1(cols.at(9)));
        }
    }
    return out;
}

// How many listening TCP sockets a process holds.
int listeningSocketsOf(const QString &pid)
{
    const QSet<QString> listening = listeningInodes();
    int n = 0;
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid));
    for (const QFileInfo &fd : fds.entryInfoList(QDir::System | QDir::NoDotAndDotDot)) {
        const QString target = fd.symLinkTarget().section(u'/', -1);
        if (target.startsWith(QStringLiteral("socket:[")))
            n += listening.contains(target.mid(8).chopped(1)) ? 1 : 0;
    }
    return n;
}

QByteArray price(const QString &pair, double bid)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("instrument"), pair},
                                     {QStringLiteral("price"),
                                      QJsonObject{{QStringLiteral("bid"), QString::number(bid, 'f', 5)},
                                                  {QStringLiteral("ask"), QString::number(bid + 0.0002, 'f', 5)}}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestGuiMonitorOnly : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    QTemporaryDir m_dir;

    QProcessEnvironment appEnvironment() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        e.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        e.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/fx-no-bus"));
        e.insert(QStringLiteral("FXMONITOR_KEYRING_TIMEOUT_MS"), QStringLiteral("1000"));
        e.insert(QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1"));
        e.insert(QStringLiteral("REDIS_PORT"), QString::number(m_redis.port()));
        e.insert(QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("app.sqlite")));
        return e;
    }

    int runApp(const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        p.setProcessEnvironment(appEnvironment());
        p.start(QStringLiteral(FX_GUI_BIN), args);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
    }

    void settingsAtTheirBounds()
    {
        auto resolve = [](const QString &name, const QString &value, QString *error) {
            core::SettingsLoader loader;
            loader.setOverride(name, value, QStringLiteral("test"), error);
            return loader.resolve(error);
        };
        QString error;
        QCOMPARE(core::SettingsLoader().resolve(&error)->fleetStaleSeconds, 5); // the default
        QVERIFY(core::SettingsLoader().resolve(&error)->embeddedServer);
        QCOMPARE(resolve(QStringLiteral("FLEET_STALE_SECONDS"), QStringLiteral("1"), &error)->fleetStaleSeconds, 1);
        QCOMPARE(resolve(QStringLiteral("FLEET_STALE_SECONDS"), QStringLiteral("3600"), &error)->fleetStaleSeconds,
                 3600);
        for (const char *bad : {"0", "3601", "-1", "five"}) {
            QVERIFY(!resolve(QStringLiteral("FLEET_STALE_SECONDS"), QString::fromLatin1(bad), &error));
            QVERIFY2(error.startsWith(QStringLiteral("invalid FLEET_STALE_SECONDS")), qPrintable(error));
        }
        QVERIFY(!resolve(QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("false"), &error)->embeddedServer);
        QVERIFY(!resolve(QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("maybe"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("invalid EMBEDDED_SERVER")), qPrintable(error));
    }

    void printConfigShowsEmbeddedServer()
    {
        QByteArray out, err;
        QCOMPARE(runApp({QStringLiteral("--print-config")}, &out, &err), 0);
        QVERIFY2(out.contains("EMBEDDED_SERVER=true  (default)"), out.constData());
        QVERIFY(out.contains("FLEET_STALE_SECONDS=5  (default)"));
        QCOMPARE(runApp({QStringLiteral("--no-server"), QStringLiteral("--print-config")}, &out, &err), 0);
        QVERIFY2(out.contains("EMBEDDED_SERVER=false  (--no-server)"), out.constData());
        QCOMPARE(runApp({QStringLiteral("--set"), QStringLiteral("EMBEDDED_SERVER=maybe")}, &out, &err), 2);
        QVERIFY2(err.contains("invalid EMBEDDED_SERVER \"maybe\""), err.constData());
        QCOMPARE(runApp({QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY(out.contains("--no-server"));
    }

    void theProcessOpensNoListeningPort()
    {
        const quint16 port = test::freePort();
        QProcess app;
        QProcessEnvironment e = appEnvironment();
        e.insert(QStringLiteral("WEBSOCKET_PORT"), QString::number(port));
        e.insert(QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1"));
        app.setProcessEnvironment(e);
        app.start(QStringLiteral(FX_GUI_BIN), {QStringLiteral("--no-server")});
        QVERIFY(app.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += app.readAllStandardOutput()).contains("monitor-only: no embedded server"),
                                 20000);
        QVERIFY2(!out.contains("listening on"), out.constData());
        const QString pid = QString::number(app.processId());
        // Its Redis subscription is up (a client of our redis-server) while it listens nowhere.
        auto pub = test::publisherFor(m_redis.port());
        QString error;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                QByteArray reply;
                return pub->command({"PUBSUB", "CHANNELS", "fxmonitor:fleet"}, &error, &reply)
                    && reply == "fxmonitor:fleet";
            }(),
            15000);
        QCOMPARE(listeningSocketsOf(pid), 0);
        QTcpServer probe; // the configured port is free
        QVERIFY(probe.listen(QHostAddress(QStringLiteral("127.0.0.1")), port));
        probe.close();
        app.terminate(); // SIGTERM: a clean quit
        QVERIFY(app.waitForFinished(15000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
    }

    void theDeskShowsPricesAndTheFleetWithoutAServer()
    {
        core::SettingsLoader loader;
        QString error;
        const QList<QPair<QString, QString>> flags{
            {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
            {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
            {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("shared.sqlite"))},
        };
        for (const auto &[name, value] : flags)
            QVERIFY(loader.setOverride(name, value, QStringLiteral("test"), &error));
        QVERIFY(loader.setOverride(QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("false"),
                                   QStringLiteral("--no-server"), &error));
        const auto settings = loader.resolve(&error);
        QVERIFY2(settings, qPrintable(error));
        engine::Engine engine(*settings);
        engine.watchFleet();
        QVERIFY2(engine.startKeepingPipeline(&error), qPrintable(error));
        QVERIFY(engine.monitorOnly());
        QVERIFY(!engine.server());
        QVERIFY(!engine.serverRunning());
        QVERIFY(engine.status().monitorOnly);
        QVERIFY(!engine.startServer(*settings, &error)); // nothing to start
        QVERIFY(error.contains(QStringLiteral("monitor-only")));
        QCOMPARE(listeningSocketsOf(QStringLiteral("self")), 0);

        auto window = std::make_unique<MainWindow>(&engine);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        QTRY_COMPARE(window->windowTitle(), QStringLiteral("FX Monitor — monitor-only"));
        QTRY_COMPARE(window->indicator(QStringLiteral("statusServer"))->text(),
                     QStringLiteral("Monitor-only: no embedded server"));
        QTRY_COMPARE_WITH_TIMEOUT(window->indicator(QStringLiteral("statusRedis"))->text(),
                                  QStringLiteral("Redis connected"), 10000);
        QVERIFY(!window->action(QStringLiteral("actionStart"))->isEnabled());
        QVERIFY(!window->action(QStringLiteral("actionRestart"))->isEnabled());
        QTRY_COMPARE(window->indicator(QStringLiteral("statusRate"))->text(), QStringLiteral("— msg/s"));
        // The panels of the embedded server say why they are empty.
        auto *empty = window->clientsPanel()->table()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->text().contains(QStringLiteral("monitor-only")));
        QCOMPARE(window->roomsModel()->rowCount(), 0);

        // Prices and the fleet through Redis.
        auto pub = test::publisherFor(m_redis.port());
        const QStringList pairs{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY")};
        for (int i = 0; i < pairs.size(); ++i)
            QVERIFY(pub->publish(QStringLiteral("price_updates"),
                                 price(pairs.at(i), i == 2 ? 150.101 : 1.09 + i * 0.18), &error));
        const QJsonObject hb{
            {QStringLiteral("type"), QStringLiteral("heartbeat")},
            {QStringLiteral("schema"), 1},
            {QStringLiteral("server_id"), QStringLiteral("fx-ldn-1:8765")},
            {QStringLiteral("version"), QStringLiteral("1.4.0")},
            {QStringLiteral("mode"), QStringLiteral("headless")},
            {QStringLiteral("listen"), QStringLiteral("0.0.0.0:8765")},
            {QStringLiteral("uptime_s"), 7260.0},
            {QStringLiteral("clients"), 212},
            {QStringLiteral("rooms"), 20},
            {QStringLiteral("messages_per_s"), 2510.0},
            {QStringLiteral("bytes_per_s"), 391000.0},
            {QStringLiteral("redis"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("connected")},
                         {QStringLiteral("endpoint"), QStringLiteral("10.0.0.5:6379")}}},
            {QStringLiteral("database"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("ok")},
                         {QStringLiteral("driver"), QStringLiteral("postgres")}}},
            {QStringLiteral("latency_ms"), QJsonObject{{QStringLiteral("p50"), 0.5}, {QStringLiteral("p99"), 2.2}}}};
        QVERIFY(
            pub->publish(QStringLiteral("fxmonitor:fleet"), QJsonDocument(hb).toJson(QJsonDocument::Compact), &error));
        MarketWatchModel *m = window->marketWatchModel();
        const int eur = engine.marketDeltas()->instruments().indexOf(u"EUR_USD");
        QTRY_VERIFY_WITH_TIMEOUT(m->hasQuote(eur), 10000);
        QCOMPARE(m->index(eur, MarketWatchModel::Bid).data().toString(), QStringLiteral("1.09000"));
        QTRY_COMPARE(window->fleetModel()->rowCount(), 1);
        // ... and not one tick written into the database the servers share (the events reach the
        // market watch after the storage would have had them).
        storage::Storage *db = engine.storage();
        QVERIFY(db);
        QCOMPARE(db->bufferedRows(), 0);
        QCOMPARE(db->status().writtenTicks, 0u);
        QVERIFY(!db->config().prune);

        const QString shots = qEnvironmentVariable("FX_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            window->dock(QStringLiteral("fleetDock"))->raise();
            QTest::qWait(600); // a few repaints before the grab (not an assertion)
            QVERIFY(window->grab().save(QDir(shots).filePath(QStringLiteral("monitor-only.png"))));
        }
        window.reset();
        QSignalSpy stopped(&engine, &engine::Engine::stopped);
        engine.stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
    }
};

FX_GUI_TEST_MAIN(TestGuiMonitorOnly)
#include "tst_gui_monitoronly.moc"
