// The fleet panel with real servers (issue 14's test): three real fxmonitor-server processes
// publish their heartbeats to one private redis-server; a desk (the real MainWindow on a real
// Engine, FLEET_STALE_SECONDS=2) shows them and its own embedded server. One is killed
// (SIGKILL): it turns stale, an operator alert enters the alerts model and the tray notifier is
// called; it is started again with the same WEBSOCKET_SERVER_ID: it turns back, with a
// "returned" entry. One stops cleanly (SIGTERM: its leave): its row goes without an alert.

#include "core/settings.h"
#include "engine/engine.h"
#include "engine/fleetwatch.h"
#include "gui/alertsmodel.h"
#include "gui/fleetmodel.h"
#include "gui/mainwindow.h"
#include "gui/traynotifier.h"
#include "guitestmain.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;
using namespace fx::gui;

class TestGuiFleetServers : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    QTemporaryDir m_dir;
    test::ServerProcess m_a, m_b, m_c;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;

    QStringList redisArgs() const
    {
        return {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                QString::number(m_redis.port())};
    }
    static QProcessEnvironment withId(const QString &id)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WEBSOCKET_SERVER_ID"), id);
        return env;
    }
    FleetModel *model() const { return m_window->fleetModel(); }
    int rowOf(const QString &id) const { return model()->rowOf(id); }
    int operatorAlerts(const QString &id, const QString &severity) const
    {
        AlertsModel *m = m_window->alertsModel();
        int n = 0;
        for (int r = 0; r < m->rowCount(); ++r)
            n += m->row(r).type == u"operator" && m->row(r).pair == id && m->row(r).severity == severity;
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
        QVERIFY(m_a.start(redisArgs(), withId(QStringLiteral("srv-a"))));
        QVERIFY(m_b.start(redisArgs(), withId(QStringLiteral("srv-b"))));
        QVERIFY(m_c.start(redisArgs(), withId(QStringLiteral("srv-c"))));
        QString error;
        const QList<QPair<QString, QString>> flags{
            {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
            {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("desk.sqlite"))},
            {QStringLiteral("FLEET_STALE_SECONDS"), QStringLiteral("2")},
            // The desk's own embedded server publishes a heartbeat too: it is in the fleet.
            {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
            {QStringLiteral("WEBSOCKET_SERVER_ID"), QStringLiteral("the-desk")},
        };
        const auto settings = test::settingsWith(flags, &error);
        QVERIFY2(settings, qPrintable(error));
        m_engine = std::make_unique<engine::Engine>(*settings);
        m_engine->watchFleet();
        QVERIFY2(m_engine->startKeepingPipeline(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_engine.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanupTestCase()
    {
        m_window.reset();
        if (m_engine) {
            QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
            m_engine->stop();
            QVERIFY(stopped.size() == 1 || stopped.wait(5000));
        }
        m_engine.reset();
    }

    void threeRealServersInOneView()
    {
        QTRY_COMPARE_WITH_TIMEOUT(model()->rowCount(), 4, 10000);
        const int desk = rowOf(QStringLiteral("the-desk"));
        QVERIFY(desk >= 0);
        QCOMPARE(model()->server(desk).heartbeat.mode, QStringLiteral("desktop"));
        QCOMPARE(model()->server(desk).heartbeat.pid, QCoreApplication::applicationPid());
        QVERIFY(model()->server(desk).heartbeat.listen.endsWith(QStringLiteral(":%1").arg(m_engine->listenPort())));
        for (const auto &[id, proc] : {std::pair<QString, test::ServerProcess *>{QStringLiteral("srv-a"), &m_a},
                                       {QStringLiteral("srv-b"), &m_b},
                                       {QStringLiteral("srv-c"), &m_c}}) {
            const int r = rowOf(id);
            QVERIFY2(r >= 0, qPrintable(id));
            const engine::FleetReport &h = model()->server(r).heartbeat;
            QCOMPARE(h.mode, QStringLiteral("headless"));
            QCOMPARE(h.pid, proc->pid());
            QVERIFY2(h.listen.endsWith(QStringLiteral(":%1").arg(proc->port())), qPrintable(h.listen));
            // The first heartbeat may precede the server's Redis subscription.
            QTRY_COMPARE_WITH_TIMEOUT(model()->server(rowOf(id)).heartbeat.redisState, QStringLiteral("connected"),
                                      5000);
            QVERIFY(!model()->isStale(r));
        }
        QTRY_VERIFY(model()->server(rowOf(QStringLiteral("srv-a"))).clientsHistory.size() >= 2);
    }

    void aKilledServerTurnsStaleAndReturns()
    {
        QSignalSpy notified(m_window->trayNotifier(), &TrayNotifier::notified);
        m_b.process().kill(); // SIGKILL: no leave
        QVERIFY(m_b.process().waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(model()->isStale(rowOf(QStringLiteral("srv-b"))), 8000);
        QVERIFY(!model()->isStale(rowOf(QStringLiteral("srv-a"))));
        QTRY_COMPARE(operatorAlerts(QStringLiteral("srv-b"), QStringLiteral("critical")), 1);
        QTRY_VERIFY(!notified.isEmpty());
        QVERIFY(notified.constLast().at(0).toString().contains(QStringLiteral("srv-b")));
        QVERIFY(m_b.start(redisArgs(), withId(QStringLiteral("srv-b"))));
        QTRY_VERIFY_WITH_TIMEOUT(!model()->isStale(rowOf(QStringLiteral("srv-b"))), 8000);
        QCOMPARE(model()->server(rowOf(QStringLiteral("srv-b"))).heartbeat.pid, m_b.pid());
        QTRY_COMPARE(operatorAlerts(QStringLiteral("srv-b"), QStringLiteral("info")), 1);
        QCOMPARE(model()->rowCount(), 4);
    }

    void aCleanStopLeavesWithoutAlert()
    {
        QSignalSpy stale(m_engine->fleet(), &engine::FleetWatch::serverStale);
        QCOMPARE(m_c.stop(15), 0); // SIGTERM: the server publishes its leave
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(QStringLiteral("srv-c")), -1, 5000);
        // Past the stale period (srv-a killed after the leave turns stale), srv-c raised nothing.
        m_a.process().kill();
        QVERIFY(m_a.process().waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(model()->isStale(rowOf(QStringLiteral("srv-a"))), 8000);
        for (const QList<QVariant> &a : std::as_const(stale))
            QVERIFY(a.at(0).toString() != u"srv-c");
        QCOMPARE(operatorAlerts(QStringLiteral("srv-c"), QStringLiteral("critical")), 0);
        QCOMPARE(rowOf(QStringLiteral("srv-c")), -1);
    }
};

FX_GUI_TEST_MAIN(TestGuiFleetServers)
#include "tst_gui_fleet_servers.moc"
