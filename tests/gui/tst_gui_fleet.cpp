// The fleet panel end to end, offscreen: the real MainWindow on a real Engine (a monitor-only
// desk) watching the fleet on a private redis-server, with heartbeats in the heartbeat format (ARCHITECTURE.md, "Fleet heartbeat") published by the test
// (three servers, a quarter of a second apart). A fleet key written before the desk starts fills
// the panel before any heartbeat; one server falls silent: its row turns red, an operator alert
// enters the alerts model and the tray notifier is called; it comes back: the row is normal and
// a "returned" entry follows; one leaves cleanly: its row goes without an alert; bad messages
// are counted and add no row. With FX_SCREENSHOT_DIR set, saves fleet-panel.png (three
// servers, one stale).

#include "core/settings.h"
#include "engine/engine.h"
#include "engine/fleetwatch.h"
#include "gui/alertsmodel.h"
#include "gui/fleetmodel.h"
#include "gui/fleetpanel.h"
#include "gui/mainwindow.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"
#include "gui/traynotifier.h"
#include "guitestmain.h"
#include "support/redisserver.h"

#include <QBrush>
#include <QDir>
#include <QDockWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <cmath>

using namespace fx;
using namespace fx::gui;

namespace {
const QString kLdn1 = QStringLiteral("fx-ldn-1:8765");
const QString kLdn2 = QStringLiteral("fx-ldn-2:8765");
const QString kNyc1 = QStringLiteral("fx-nyc-1:8765");
const QString kProbe = QStringLiteral("probe:1");
} // namespace

class TestGuiFleet : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    QTemporaryDir m_dir;
    std::unique_ptr<redis::RedisPublisher> m_publisher;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QTimer m_beat;
    QStringList m_alive; // servers the test publishes heartbeats for
    QHash<QString, qint64> m_seq;

    QByteArray heartbeat(const QString &id)
    {
        const qint64 seq = ++m_seq[id];
        // Smooth, different curves per server (the screenshot's sparklines).
        const double phase = double(qHash(id) % 100) / 16.0;
        const int clients = 160 + int(qHash(id) % 90) + int(std::lround(14 * std::sin(double(seq) / 9.0 + phase)));
        const double rate = 2300.0 + double(qHash(id) % 700) + 380.0 * std::sin(double(seq) / 6.0 + 2 * phase);
        const QJsonObject o{
            {QStringLiteral("type"), QStringLiteral("heartbeat")},
            {QStringLiteral("schema"), 1},
            {QStringLiteral("server_id"), id},
            {QStringLiteral("version"), QStringLiteral("1.4.0")},
            {QStringLiteral("mode"), id == kNyc1 ? QStringLiteral("desktop") : QStringLiteral("headless")},
            {QStringLiteral("host"), id.section(u':', 0, 0)},
            {QStringLiteral("pid"), 4000 + int(id.size())},
            {QStringLiteral("listen"), QStringLiteral("0.0.0.0:8765")},
            {QStringLiteral("tls"), id == kLdn2},
            {QStringLiteral("started_at"), 1765000000000.0},
            {QStringLiteral("uptime_s"), 3600.0 * (1 + id.size() % 5) + double(seq)},
            {QStringLiteral("time"), double(QDateTime::currentMSecsSinceEpoch())},
            {QStringLiteral("seq"), seq},
            {QStringLiteral("interval_ms"), 1000},
            {QStringLiteral("clients"), clients},
            {QStringLiteral("rooms"), 20},
            {QStringLiteral("messages_per_s"), rate},
            {QStringLiteral("bytes_per_s"), rate * 152.0},
            {QStringLiteral("redis"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("connected")},
                         {QStringLiteral("endpoint"), QStringLiteral("127.0.0.1:%1").arg(m_redis.port())},
                         {QStringLiteral("via"), QStringLiteral("direct")}}},
            {QStringLiteral("database"),
             QJsonObject{{QStringLiteral("state"), QStringLiteral("ok")},
                         {QStringLiteral("driver"), QStringLiteral("postgres")}}},
            {QStringLiteral("latency_ms"),
             QJsonObject{{QStringLiteral("p50"), 0.4 + 0.1 * (seq % 3)},
                         {QStringLiteral("p99"), 1.8 + 0.3 * (seq % 4)}}},
            {QStringLiteral("conflated"), 12 * seq},
            {QStringLiteral("dropped"), 0},
        };
        return QJsonDocument(o).toJson(QJsonDocument::Compact);
    }

    void publish(const QByteArray &payload)
    {
        QString error;
        QVERIFY2(m_publisher->publish(QStringLiteral("fxmonitor:fleet"), payload, &error), qPrintable(error));
    }

    FleetModel *model() const { return m_window->fleetModel(); }
    int rowOf(const QString &id) const { return model()->rowOf(id); }
    engine::FleetWatch *watch() const { return m_engine->fleet(); }

    int operatorAlerts(const QString &id, const QString &severity) const
    {
        AlertsModel *m = m_window->alertsModel();
        int n = 0;
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->row(r).type == u"operator" && m->row(r).pair == id && m->row(r).severity == severity)
                ++n;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
        m_publisher = test::publisherFor(m_redis.port());
        // A key written before the desk starts (ARCHITECTURE.md, "Fleet heartbeat": SET <key> <json> PX 10000).
        QString error;
        QVERIFY2(
            m_publisher->command({"SET", "fxmonitor:fleet:" + kLdn1.toUtf8(), heartbeat(kLdn1), "PX", "10000"}, &error),
            qPrintable(error));
        const QList<QPair<QString, QString>> flags{
            {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
            {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
            {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx.sqlite"))},
            {QStringLiteral("WEBSOCKET_IO_THREADS"), QStringLiteral("1")},
            {QStringLiteral("FLEET_STALE_SECONDS"), QStringLiteral("3")},
            // Monitor-only: exactly the test's servers in the fleet (a desk with its embedded
            // server is in the fleet itself: tst_gui_fleet_servers).
            {QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("false")},
        };
        const auto settings = test::settingsWith(flags, &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->fleetStaleSeconds, 3);
        m_engine = std::make_unique<engine::Engine>(*settings);
        m_engine->watchFleet();
        QVERIFY2(m_engine->startKeepingPipeline(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_engine.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        connect(&m_beat, &QTimer::timeout, this, [this] {
            for (const QString &id : std::as_const(m_alive))
                publish(heartbeat(id));
        });
        m_beat.setInterval(250);
    }

    void cleanupTestCase()
    {
        m_beat.stop();
        m_window.reset();
        QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
        m_engine->stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
        m_engine.reset();
    }

    void theDockIsInTheViewMenu()
    {
        QDockWidget *dock = m_window->dock(QStringLiteral("fleetDock"));
        QVERIFY(dock);
        QCOMPARE(dock->windowTitle(), QStringLiteral("Fleet"));
        bool listed = false;
        for (QAction *a : m_window->findChild<QMenu *>(QStringLiteral("menuView"))->actions())
            listed = listed || a == dock->toggleViewAction();
        QVERIFY(listed);
        dock->show();
        dock->raise();
    }

    void aKeyFillsThePanelBeforeAnyHeartbeat()
    {
        // Nothing published yet: the row comes from the key read after the subscriber connected.
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(kLdn1) >= 0, 10000);
        QCOMPARE(model()->rowCount(), 1);
        QCOMPARE(model()->index(rowOf(kLdn1), FleetModel::Listen).data().toString(), QStringLiteral("0.0.0.0:8765"));
        QCOMPARE(watch()->servers().at(0).heartbeat.seq, 1);
        m_alive = {kLdn1};
        m_beat.start();
    }

    void threeServersThenOneSilentTurnsRedWithAnAlert()
    {
        m_alive = {kLdn1, kLdn2, kNyc1};
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 3, 10000);
        QTRY_VERIFY(m_window->fleetPanel()->totalsLabel()->text().contains(QStringLiteral("3 live, 0 stale")));
        const int nyc = rowOf(kNyc1);
        QCOMPARE(model()->index(nyc, FleetModel::Mode).data().toString(), QStringLiteral("desktop"));
        QCOMPARE(model()->index(rowOf(kLdn2), FleetModel::Listen).data().toString(),
                 QStringLiteral("0.0.0.0:8765 (TLS)"));
        QVERIFY(model()->index(nyc, FleetModel::Redis).data().toString().startsWith(QStringLiteral("connected · ")));
        QVERIFY(model()->index(nyc, FleetModel::Latency).data().toString().endsWith(QStringLiteral(" ms")));
        QTRY_VERIFY(model()->server(nyc).clientsHistory.size() >= 3); // the sparklines have points
        QCOMPARE(model()->index(nyc, FleetModel::Status).data().toString(), QStringLiteral("Live"));

        const QString shots = qEnvironmentVariable("FX_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            QTest::qWait(20000); // screenshots only: sparklines with some history (not an assertion)
        QSignalSpy notified(m_window->trayNotifier(), &TrayNotifier::notified);
        m_alive.removeAll(kNyc1);
        QTRY_VERIFY_WITH_TIMEOUT(model()->isStale(rowOf(kNyc1)), 8000);
        const QModelIndex status = model()->index(rowOf(kNyc1), FleetModel::Status);
        QVERIFY(status.data().toString().startsWith(QStringLiteral("Stale: silent")));
        QCOMPARE(status.data(Qt::ForegroundRole).value<QBrush>().color(), Theme::error());
        QVERIFY(!model()->isStale(rowOf(kLdn1)));
        QVERIFY(model()->index(rowOf(kLdn1), FleetModel::Status).data(Qt::ForegroundRole).isNull());
        // The operator alert: in the alerts model (the alert history) and through the tray.
        QTRY_COMPARE(operatorAlerts(kNyc1, QStringLiteral("critical")), 1);
        QTRY_VERIFY(!notified.isEmpty());
        QVERIFY(notified.constLast().at(0).toString().contains(kNyc1));
        QVERIFY(notified.constLast().at(1).toString().contains(QStringLiteral("FLEET_STALE_SECONDS=3")));
        QTRY_VERIFY(m_window->fleetPanel()->totalsLabel()->text().contains(QStringLiteral("2 live, 1 stale")));
        QVERIFY(m_window->newAlertCount() >= 1 || m_window->dock(QStringLiteral("alertsDock"))->isVisible());
        QCOMPARE(operatorAlerts(kLdn1, QStringLiteral("critical")), 0);

        if (!shots.isEmpty()) {
            QDir().mkpath(shots);
            QDockWidget *dock = m_window->dock(QStringLiteral("fleetDock"));
            dock->setFloating(true);
            dock->resize(1880, 200);
            m_window->fleetPanel()->table()->fitColumns();
            dock->show();
            QTest::qWait(400); // a few repaints of the floating dock before the grab (not an assertion)
            QVERIFY(dock->grab().save(QDir(shots).filePath(QStringLiteral("fleet-panel.png"))));
            dock->setFloating(false);
        }
    }

    void theSilentServerReturns()
    {
        m_alive << kNyc1;
        QTRY_VERIFY_WITH_TIMEOUT(!model()->isStale(rowOf(kNyc1)), 5000);
        QCOMPARE(model()->index(rowOf(kNyc1), FleetModel::Status).data().toString(), QStringLiteral("Live"));
        QTRY_COMPARE(operatorAlerts(kNyc1, QStringLiteral("info")), 1);
        QCOMPARE(operatorAlerts(kNyc1, QStringLiteral("critical")), 1); // no second stale alert
        QTRY_VERIFY(m_window->fleetPanel()->totalsLabel()->text().contains(QStringLiteral("3 live, 0 stale")));
    }

    void aLeaveRemovesTheRowWithoutAlert()
    {
        QSignalSpy stale(watch(), &engine::FleetWatch::serverStale);
        m_alive.removeAll(kLdn2);
        publish(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("leave")},
                                          {QStringLiteral("schema"), 1},
                                          {QStringLiteral("server_id"), kLdn2},
                                          {QStringLiteral("time"), double(QDateTime::currentMSecsSinceEpoch())}})
                    .toJson(QJsonDocument::Compact));
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(kLdn2), -1, 5000);
        QCOMPARE(model()->rowCount(), 2);
        // A probe heartbeat once, then silence: when the probe turns stale, more than the stale
        // period has passed since the leave, and the server that left raised nothing.
        publish(heartbeat(kProbe));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(kProbe) >= 0, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QList<QVariant> &a : std::as_const(stale))
                    if (a.at(0).toString() == kProbe)
                        return true;
                return false;
            }(),
            10000);
        for (const QList<QVariant> &a : std::as_const(stale))
            QVERIFY(a.at(0).toString() != kLdn2);
        QCOMPARE(operatorAlerts(kLdn2, QStringLiteral("critical")), 0);
        QCOMPARE(rowOf(kLdn2), -1);
        publish(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("leave")},
                                          {QStringLiteral("schema"), 1},
                                          {QStringLiteral("server_id"), kProbe}})
                    .toJson(QJsonDocument::Compact));
        QTRY_COMPARE(rowOf(kProbe), -1);
    }

    void badMessagesAreCountedNotShown()
    {
        const quint64 before = watch()->rejectedTotal();
        const int rows = model()->rowCount();
        publish("not json");
        publish(R"({"type":"heartbeat","schema":2,"server_id":"x:1"})");
        publish(R"({"type":"heartbeat","schema":1,"server_id":"has space"})");
        QByteArray big = heartbeat(QStringLiteral("big:1"));
        big.insert(1, "\"pad\":\"" + QByteArray(16 * 1024, 'x') + "\",");
        publish(big);
        QTRY_COMPARE(watch()->rejectedTotal(), before + 4);
        QCOMPARE(watch()->rejected(engine::FleetReject::TooLarge), 1u);
        QCOMPARE(model()->rowCount(), rows);
        QTRY_VERIFY(m_window->fleetPanel()->totalsLabel()->text().contains(QStringLiteral("bad messages ignored")));
    }
};

FX_GUI_TEST_MAIN(TestGuiFleet)
#include "tst_gui_fleet.moc"
