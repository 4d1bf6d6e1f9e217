// The desktop app end to end, offscreen: the real MainWindow on the real Services (server,
// Redis subscriber, storage on their threads) against a private redis-server, the real
// simulated feed (fxmonitor-feed) and real WebSocket clients, with a throw-away SQLite file
// and a free port. Checks what each panel shows, disconnecting a client from the clients
// panel's context menu, acknowledging alerts (one, then all) into the database, CSV export,
// the settings dialog's validation, stopping and starting the server, and the saved layout.

#include "core/settings.h"
#include "core/timeutil.h"
#include "engine/engine.h"
#include "gui/alertsmodel.h"
#include "gui/alertspanel.h"
#include "gui/chartpanel.h"
#include "gui/clientdetailsdialog.h"
#include "gui/clientsmodel.h"
#include "gui/clientspanel.h"
#include "gui/enginesampler.h"
#include "gui/mainwindow.h"
#include "gui/marketwatchmodel.h"
#include "gui/marketwatchpanel.h"
#include "gui/pricechartview.h"
#include "gui/rategraph.h"
#include "gui/roomsmodel.h"
#include "gui/roomspanel.h"
#include "gui/serverpanel.h"
#include "gui/settingsdialog.h"
#include "gui/shortcuts.h"
#include "gui/smallmultiplespanel.h"
#include "gui/sparkline.h"
#include "gui/statusindicator.h"
#include "gui/tablepanel.h"
#include "guitestmain.h"
#include "server/streamserver.h"
#include "storage/storage.h"
#include "storage/storagereader.h"
#include "support/buildpaths.h"
#include "support/redisserver.h"
#include "support/testpki.h"
#include "support/wsclient.h"

#include <QClipboard>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace fx;
using namespace fx::gui;

class TestGuiMainWindow : public QObject
{
    Q_OBJECT

    test::RedisServer m_redis;
    QProcess m_feed;
    QTemporaryDir m_dir;
    std::unique_ptr<engine::Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;

    QString wsUrl() const { return QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_engine->server()->port()); }

    QByteArray idOf(const test::WsClient &c) const
    {
        return c.welcome()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("client_id"))
            .toString()
            .toLatin1();
    }

    void publishAlert(const QString &pair, const QString &severity, const QString &message)
    {
        const QJsonObject a{{QStringLiteral("instrument"), pair},
                            {QStringLiteral("volatility"), 0.31},
                            {QStringLiteral("threshold"), 0.2},
                            {QStringLiteral("severity"), severity},
                            {QStringLiteral("message"), message}};
        QString error;
        QVERIFY2(
            test::publisherFor(m_redis.port())
                ->publish(QStringLiteral("volatility_alerts"), QJsonDocument(a).toJson(QJsonDocument::Compact), &error),
            qPrintable(error));
    }

    int alertRow(const QString &message) const
    {
        AlertsModel *m = m_window->alertsModel();
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->row(r).message == message)
                return r;
        return -1;
    }

    // Alerts in the database matching the message text (and acknowledged, when asked).
    qint64 storedAlerts(const QString &text, storage::AckFilter ack)
    {
        storage::StorageReader *reader = m_engine->storageReader();
        QSignalSpy spy(reader, &storage::StorageReader::alertsReady);
        storage::AlertQuery q;
        q.filter.text = text;
        q.filter.acknowledged = ack;
        const quint64 id = reader->requestAlerts(q);
        for (int i = 0; i < 50; ++i) {
            for (const QList<QVariant> &args : std::as_const(spy))
                if (args.at(0).toULongLong() == id)
                    return args.at(1).value<storage::AlertPage>().total;
            spy.wait(200);
        }
        return -1;
    }

    // Waits for the database to hold `expected` such alerts, one commit at a time.
    bool waitStored(const QString &text, storage::AckFilter ack, qint64 expected)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 15000) {
            if (storedAlerts(text, ack) == expected)
                return true;
            QSignalSpy commit(m_engine->storage(), &storage::Storage::batchCommitted);
            commit.wait(1000);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_redis.start());
        m_feed.setProgram(fx::test::feedBin());
        m_feed.setArguments({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                             QStringLiteral("--redis-port"), QString::number(m_redis.port()), QStringLiteral("--rate"),
                             QStringLiteral("400"), QStringLiteral("--seed"), QStringLiteral("5"),
                             QStringLiteral("--no-analytics"), QStringLiteral("--log-level"),
                             QStringLiteral("WARNING")});
        m_feed.start();
        QVERIFY(m_feed.waitForStarted());

        QString error;
        const QList<QPair<QString, QString>> flags{
            {QStringLiteral("WEBSOCKET_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("0")},
            {QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("REDIS_PORT"), QString::number(m_redis.port())},
            {QStringLiteral("DB_PATH"), m_dir.filePath(QStringLiteral("fx.sqlite"))},
            {QStringLiteral("WEBSOCKET_IO_THREADS"), QStringLiteral("2")},
        };
        const auto settings = test::settingsWith(flags, &error);
        QVERIFY2(settings, qPrintable(error));
        m_engine = std::make_unique<engine::Engine>(*settings);
        QVERIFY2(m_engine->startKeepingPipeline(&error), qPrintable(error));
        m_window = std::make_unique<MainWindow>(m_engine.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(m_window->size(), QSize(1600, 1000)); // the default desk layout
    }

    void cleanupTestCase()
    {
        m_window.reset();
        // As the app quits: a graceful stop (clients closed with 1001), then the threads go.
        QSignalSpy stopped(m_engine.get(), &engine::Engine::stopped);
        m_engine->stop();
        QVERIFY(stopped.size() == 1 || stopped.wait(5000));
        m_engine.reset();
        m_feed.terminate();
        m_feed.waitForFinished(5000);
    }

    void panelsAndStatusAtStart()
    {
        for (const char *name : {"marketWatchDock", "chartDock", "smallMultiplesDock", "serverDock", "clientsDock",
                                 "roomsDock", "alertsDock"})
            QVERIFY2(m_window->dock(QString::fromLatin1(name)), name);
        for (const char *name : {"actionStart", "actionStop", "actionRestart", "actionSettings", "actionExportCsv",
                                 "actionAcknowledge", "actionFilter"})
            QVERIFY2(m_window->action(QString::fromLatin1(name)), name);
        QCOMPARE(m_window->action(QStringLiteral("actionRestart"))->shortcut(), QKeySequence(Qt::Key_F5));
        QCOMPARE(m_window->action(QStringLiteral("actionAcknowledge"))->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QCOMPARE(m_window->action(QStringLiteral("actionSettings"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_Comma));
        // One table gives the actions their keys and fills Help > Keyboard shortcuts.
        for (const Shortcuts::Entry &e : Shortcuts::table())
            if (e.action)
                QCOMPARE(m_window->action(QString::fromLatin1(e.action))->shortcut(), Shortcuts::key(e.id));
        QCOMPARE(Shortcuts::key(Shortcuts::Id::Copy), QKeySequence(Qt::CTRL | Qt::Key_C));
        QCOMPARE(Shortcuts::key(Shortcuts::Id::Disconnect), QKeySequence(Qt::Key_Delete));
        QCOMPARE(Shortcuts::key(Shortcuts::Id::Quit), QKeySequence(Qt::CTRL | Qt::Key_Q));
        // Status in words and colour: listening, Redis, database.
        QTRY_VERIFY(m_window->indicator(QStringLiteral("statusServer"))
                        ->text()
                        .startsWith(QStringLiteral("Listening on 127.0.0.1:")));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->indicator(QStringLiteral("statusRedis"))->text(),
                                  QStringLiteral("Redis connected"), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->indicator(QStringLiteral("statusDatabase"))->text(),
                                  QStringLiteral("Database ok"), 10000);
        QVERIFY(m_window->indicator(QStringLiteral("statusSessions"))->text().size() > 0);
        // Loopback only: no exposure warning. Beyond loopback (SECURITY.md, "Admin endpoints")
        // the server panel says plainly that anyone reaching the port reads everything.
        auto *exposure = m_window->serverPanel()->findChild<QLabel *>(QStringLiteral("networkWarning"));
        QVERIFY(exposure);
        QVERIFY(!m_engine->status().openToNetwork);
        QVERIFY(exposure->isHidden());
        StatusSnapshot open;
        static_cast<engine::EngineStatus &>(open) = m_engine->status();
        open.openToNetwork = true;
        m_window->serverPanel()->onStatus(open);
        QVERIFY(!exposure->isHidden());
        QVERIFY(exposure->text().contains(QStringLiteral("WEBSOCKET_AUTH=none")));
        QVERIFY(exposure->text().contains(QStringLiteral("any client that reaches the port")));
        open.openToNetwork = false;
        m_window->serverPanel()->onStatus(open);
        QVERIFY(exposure->isHidden());
        // Empty state of the clients table says what to do.
        auto *empty = m_window->clientsPanel()->table()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty);
        QVERIFY(empty->text().contains(QStringLiteral("examples/client.py")));
    }

    void marketWatchChartsAndSmallMultiplesShowTheFeed()
    {
        MarketWatchModel *m = m_window->marketWatchModel();
        QTRY_VERIFY_WITH_TIMEOUT(
            [m] {
                for (int r = 0; r < m->rowCount(); ++r)
                    if (!m->hasQuote(r))
                        return false;
                return true;
            }(),
            15000);
        QCOMPARE(m->rowCount(), 20);
        const int jpy = m_engine->marketDeltas()->instruments().indexOf(u"USD_JPY");
        const core::PriceTick &q = m->quote(jpy);
        QCOMPARE(m->index(jpy, MarketWatchModel::Bid).data().toString(), q.quote.bid);
        QCOMPARE(m->index(jpy, MarketWatchModel::Spread).data().toString(),
                 QLocale().toString((q.ask - q.bid) / 0.01, 'f', 1));
        QTRY_VERIFY(m_window->chartPanel()->chart()->pointCount() > 10);
        QTRY_VERIFY(m_window->chartPanel()->chart()->redraws() > 0);
        QTRY_VERIFY(m_window->smallMultiples()->sparkline(jpy)->pointCount() > 10);
        // Double-click in the market watch opens a chart panel for that pair.
        ChartPanel *extra = m_window->openChart(QStringLiteral("GBP_JPY"));
        QCOMPARE(extra->pair(), QStringLiteral("GBP_JPY"));
        QTRY_VERIFY(extra->chart()->pointCount() > 0);
        QCOMPARE(m_window->openChart(QStringLiteral("GBP_JPY")), extra); // raised, not opened twice
    }

    void clientsAndRoomsShowRealClients()
    {
        test::WsClient a, b;
        QVERIFY(a.connectTo(wsUrl()));
        QVERIFY(b.connectTo(wsUrl()));
        a.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                  QStringLiteral("subscription_confirmed"));
        b.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                  QStringLiteral("subscription_confirmed"));
        const QByteArray ida = idOf(a), idb = idOf(b);
        ClientsModel *cm = m_window->clientsModel();
        RoomsModel *rm = m_window->roomsModel();
        QTRY_VERIFY(cm->rowOf(ida) >= 0 && cm->rowOf(idb) >= 0);
        QTRY_COMPARE(cm->client(cm->rowOf(idb)).rooms.size(), 20);
        QCOMPARE(cm->client(cm->rowOf(ida)).rooms, QStringList{QStringLiteral("price_EUR_USD")});
        QVERIFY(cm->index(cm->rowOf(ida), ClientsModel::Address)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("127.0.0.1:")));
        QCOMPARE(cm->index(cm->rowOf(idb), ClientsModel::Protocol).data().toString(),
                 QStringLiteral("JSON / websocket"));
        QTRY_VERIFY(cm->client(cm->rowOf(idb)).messagesSent > 20); // prices flow to it
        QTRY_COMPARE(rm->memberCount(QStringLiteral("price_EUR_USD")), 2);
        QCOMPARE(rm->memberCount(QStringLiteral("price_GBP_USD")), 1);
        QTRY_VERIFY(
            m_window->indicator(QStringLiteral("statusClients"))->text().startsWith(QStringLiteral("2 client")));

        // Selecting a room highlights its clients.
        QVERIFY(m_window->roomsPanel()->selectRoom(QStringLiteral("price_GBP_USD")));
        QCOMPARE(cm->highlightRoom(), QStringLiteral("price_GBP_USD"));
        QVERIFY(cm->isHighlighted(cm->rowOf(idb)));
        QVERIFY(!cm->isHighlighted(cm->rowOf(ida)));
        QCOMPARE(cm->highlightedCount(), 1);
        QVERIFY(cm->index(cm->rowOf(idb), ClientsModel::Id).data(Qt::BackgroundRole).isValid());
        QVERIFY(!cm->index(cm->rowOf(ida), ClientsModel::Id).data(Qt::BackgroundRole).isValid());
        m_window->roomsPanel()->clearSelection();
        QVERIFY(cm->highlightRoom().isEmpty());

        // Disconnect from the context menu: the action sits in the table's context menu.
        ClientsPanel *panel = m_window->clientsPanel();
        QTreeView *view = panel->table()->view();
        QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);
        QVERIFY(view->actions().contains(panel->disconnectAction()));
        QVERIFY(view->actions().contains(panel->copyIdAction()));
        QVERIFY(panel->selectClient(ida));
        QVERIFY(panel->disconnectAction()->isEnabled());
        panel->disconnectAction()->trigger();
        QVERIFY(a.waitDisconnected());
        QTRY_COMPARE(cm->rowOf(ida), -1);
        QVERIFY(b.isConnected());
        QTRY_COMPARE(rm->memberCount(QStringLiteral("price_EUR_USD")), 1);

        // Copy id.
        QVERIFY(panel->selectClient(idb));
        panel->copyIdAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(idb));

        // Details: the stored connection history of its address.
        panel->showDetails(cm->rowOf(idb));
        auto *details = panel->findChild<QDialog *>(QStringLiteral("clientDetailsDialog"));
        QVERIFY(details);
        QTRY_VERIFY(qobject_cast<ClientDetailsDialog *>(details)->historyModel()->rowCount() >= 1);
        details->close();

        // CSV export of the clients table.
        const QString csv = m_dir.filePath(QStringLiteral("clients.csv"));
        QString error;
        QVERIFY2(panel->table()->exportCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("Client id,Remote address,User,Protocol / transport,Connected since,Rooms"));
        QVERIFY(text.contains(idb));
        QVERIFY(!text.contains(ida));
    }

    void alertsLiveAcknowledgeAndExport()
    {
        AlertsModel *am = m_window->alertsModel();
        AlertsPanel *panel = m_window->alertsPanel();
        const int before = m_window->newAlertCount();
        publishAlert(QStringLiteral("EUR_USD"), QStringLiteral("critical"), QStringLiteral("gui-test one"));
        QTRY_VERIFY_WITH_TIMEOUT(alertRow(QStringLiteral("gui-test one")) >= 0, 10000);
        QCOMPARE(alertRow(QStringLiteral("gui-test one")), 0); // newest first
        // The alerts dock is a tab behind the clients: the badge counts it.
        QVERIFY(m_window->newAlertCount() > before);
        QVERIFY(m_window->dock(QStringLiteral("alertsDock"))->windowTitle().contains(QStringLiteral("new")));
        const QModelIndex sev = am->index(alertRow(QStringLiteral("gui-test one")), AlertsModel::Severity);
        QCOMPARE(sev.data().toString(), QStringLiteral("Critical"));
        QVERIFY(sev.data(Qt::DecorationRole).isValid());
        // The chart of EUR_USD marks it on its time axis.
        QVERIFY(m_window->chartPanel()->chart()->markCount() >= 1);
        // Once stored, the row gets its database id (page 0 is read again after the commit).
        QTRY_VERIFY_WITH_TIMEOUT(am->row(alertRow(QStringLiteral("gui-test one"))).id > 0, 10000);

        // Acknowledge the selected alert (Ctrl+K).
        QVERIFY(panel->selectMessage(QStringLiteral("gui-test one")));
        m_window->action(QStringLiteral("actionAcknowledge"))->trigger();
        QVERIFY(am->row(alertRow(QStringLiteral("gui-test one"))).ackMicros > 0);
        QVERIFY(waitStored(QStringLiteral("gui-test one"), storage::AckFilter::Acknowledged, 1));

        // Two more; acknowledge every alert matching a filter (the pair).
        publishAlert(QStringLiteral("USD_JPY"), QStringLiteral("warning"), QStringLiteral("gui-test two"));
        publishAlert(QStringLiteral("USD_JPY"), QStringLiteral("info"), QStringLiteral("gui-test three"));
        QTRY_VERIFY(alertRow(QStringLiteral("gui-test two")) >= 0 && alertRow(QStringLiteral("gui-test three")) >= 0);
        QVERIFY(waitStored(QStringLiteral("gui-test"), storage::AckFilter::Any, 3));
        panel->acknowledgeAll(false);
        QCOMPARE(am->unacknowledgedCount(), 0);
        QVERIFY(waitStored(QStringLiteral("gui-test"), storage::AckFilter::Unacknowledged, 0));
        QVERIFY(waitStored(QStringLiteral("gui-test"), storage::AckFilter::Acknowledged, 3));

        // The history filter searches the database.
        QSignalSpy loaded(panel, &AlertsPanel::pageLoaded);
        panel->table()->filterEdit()->setText(QStringLiteral("gui-test t"));
        QTRY_VERIFY(loaded.size() >= 1);
        QTRY_COMPARE(am->rowCount(), 2);
        QVERIFY(panel->table()->findChild<QLabel *>(QStringLiteral("emptyState"))->isHidden());

        // CSV export of what is shown.
        const QString csv = m_dir.filePath(QStringLiteral("alerts.csv"));
        QString error;
        QVERIFY2(panel->table()->exportCsv(csv, &error), qPrintable(error));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.first().startsWith("Time,Type,Pair(s),Severity,Value,Threshold,Message,Acknowledged"));
        QVERIFY(lines.at(1).contains(",volatility,USD_JPY,"));
        QVERIFY(lines.at(1).contains("gui-test t"));
        panel->table()->filterEdit()->clear();
        QTRY_VERIFY(am->rowCount() >= 3);

        // Opening the alerts panel clears the badge.
        m_window->activateWindow();
        m_window->action(QStringLiteral("actionShowAlerts"))->trigger();
        QTRY_COMPARE(m_window->dock(QStringLiteral("alertsDock"))->windowTitle(), QStringLiteral("Alerts"));
    }

    void settingsDialogValidates()
    {
        SettingsDialog *d = m_window->openSettings();
        QVERIFY(d);
        QTRY_VERIFY(d->isVisible());
        // The test sets REDIS_PORT as a flag would: shown as overriding what is saved.
        QVERIFY(d->isOverridden(QStringLiteral("REDIS_PORT")));
        QVERIFY(!d->isOverridden(QStringLiteral("WEBSOCKET_MAX_CLIENTS")));
        d->setValue(QStringLiteral("WEBSOCKET_PING_TIMEOUT"), QStringLiteral("-1"));
        d->accept();
        QVERIFY(d->isVisible());
        QVERIFY2(d->message().contains(QStringLiteral("WEBSOCKET_PING_TIMEOUT")), qPrintable(d->message()));
        d->reject();
        QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());
        QVERIFY(loadStoredSettings().isEmpty()); // nothing saved
    }

    void stopAndStartTheServer()
    {
        test::WsClient c;
        QVERIFY(c.connectTo(wsUrl()));
        QTRY_VERIFY(m_window->clientsModel()->rowCount() >= 1);
        m_window->stopServer();
        QVERIFY(c.waitDisconnected());
        QTRY_VERIFY(!m_engine->serverRunning());
        QTRY_COMPARE(m_window->indicator(QStringLiteral("statusServer"))->text(), QStringLiteral("Server stopped"));
        QTRY_COMPARE(m_window->clientsModel()->rowCount(), 0);
        QVERIFY(m_window->action(QStringLiteral("actionStart"))->isEnabled());
        // Redis and the database keep going while the server is stopped.
        QCOMPARE(m_window->indicator(QStringLiteral("statusRedis"))->text(), QStringLiteral("Redis connected"));
        QVERIFY(m_window->startServer());
        QVERIFY(m_engine->serverRunning());
        test::WsClient d;
        QVERIFY(d.connectTo(wsUrl()));
        QTRY_VERIFY(m_window->clientsModel()->rowOf(idOf(d)) >= 0);
        // Restart without asking (F5 asks first): a new server, the client is closed with 1001.
        m_window->restartServer(false);
        QVERIFY(d.waitDisconnected());
        QTRY_VERIFY(m_engine->serverRunning());
        QCOMPARE(d.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }

    void layoutIsSavedAndRestored()
    {
        m_window->openChart(QStringLiteral("GBP_JPY"));
        QDockWidget *rooms = m_window->dock(QStringLiteral("roomsDock"));
        rooms->setFloating(true);
        m_window->dock(QStringLiteral("serverDock"))->close();
        m_window->saveLayout();
        QVERIFY(QSettings().contains(QStringLiteral("window/state")));
        MainWindow second(m_engine.get());
        QVERIFY(second.dock(QStringLiteral("roomsDock"))->isFloating());
        QVERIFY(second.dock(QStringLiteral("serverDock"))->isHidden());
        QVERIFY(second.dock(QStringLiteral("chartDock2"))); // the extra chart panel comes back too
        second.resetLayout();
        QVERIFY(!second.dock(QStringLiteral("roomsDock"))->isFloating());
        rooms->setFloating(false);
        m_window->dock(QStringLiteral("serverDock"))->show();
    }

    // SECURITY.md, "TLS": Server -> Reload TLS certificate, with a client connected; the result
    // in the status bar, a failure in a message box too, the old certificate kept.
    void reloadTlsCertificateFromTheMenu()
    {
        QAction *reload = m_window->action(QStringLiteral("actionReloadTls"));
        QVERIFY(reload);
        QVERIFY(!reload->isEnabled()); // a plain server has nothing to reload
        const core::Settings plain = m_engine->settings();
        test::TestPki pki;
        QVERIFY(pki.create());
        QVERIFY(pki.copy(QStringLiteral("a.pem"), QStringLiteral("live.pem")));
        QVERIFY(pki.copy(QStringLiteral("a.key"), QStringLiteral("live.key")));
        core::Settings tls = plain;
        tls.tlsCert = pki.path(QStringLiteral("live.pem"));
        tls.tlsKey = pki.path(QStringLiteral("live.key"));
        m_window->restartServerWith(tls);
        QTRY_VERIFY(m_engine->serverRunning() && m_engine->serverTls());
        QTRY_VERIFY(reload->isEnabled());
        QTRY_VERIFY2(m_window->indicator(QStringLiteral("statusServer"))->text().contains(QStringLiteral("with TLS")),
                     qPrintable(m_window->indicator(QStringLiteral("statusServer"))->text()));

        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
        const QString url = QStringLiteral("wss://localhost:%1/ws").arg(m_engine->listenPort());
        test::WsClient before;
        before.socket().setSslConfiguration(trust);
        QVERIFY(before.connectTo(url));
        QCOMPARE(before.socket().sslConfiguration().peerCertificate().serialNumber(), QByteArray("10:01"));

        QVERIFY(pki.copy(QStringLiteral("bchain.pem"), QStringLiteral("live.pem")));
        QVERIFY(pki.copy(QStringLiteral("b.key"), QStringLiteral("live.key")));
        reload->trigger();
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("TLS certificate reloaded")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("serial 20:02")));
        auto *row = m_window->findChild<QLabel *>(QStringLiteral("tlsCertificate"));
        QVERIFY(row);
        QTRY_VERIFY2(row->isVisible() && row->text().contains(QStringLiteral("serial 20:02")), qPrintable(row->text()));
        test::WsClient after;
        after.socket().setSslConfiguration(trust);
        QVERIFY(after.connectTo(url));
        QCOMPARE(after.socket().sslConfiguration().peerCertificate().serialNumber(), QByteArray("20:02"));
        QVERIFY(before.isConnected());

        // A key of another certificate: refused, said in a message box, the old one kept.
        QVERIFY(pki.copy(QStringLiteral("a.key"), QStringLiteral("live.key")));
        reload->trigger();
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("TLS certificate not reloaded")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr);
        QVERIFY2(box->text().contains(QStringLiteral("does not belong to the certificate")), qPrintable(box->text()));
        box->close();
        test::WsClient third;
        third.socket().setSslConfiguration(trust);
        QVERIFY(third.connectTo(url));
        QCOMPARE(third.socket().sslConfiguration().peerCertificate().serialNumber(), QByteArray("20:02"));
        QVERIFY(before.isConnected() && after.isConnected());

        m_window->restartServerWith(plain); // as the other cases expect it
        QTRY_VERIFY(m_engine->serverRunning() && !m_engine->serverTls());
        QTRY_VERIFY(!reload->isEnabled());
    }

    // ARCHITECTURE.md, "Delivery latency" and "Fleet heartbeat": the server panel's Latency row
    // and graph once prices reach a real client, and the embedded server's heartbeat in Redis
    // (mode "desktop", the default server id <hostname>:<port>).
    void serverPanelShowsDeliveryLatencyAndTheServerBeats()
    {
        auto *row = m_window->serverPanel()->findChild<QLabel *>(QStringLiteral("deliveryLatency"));
        auto *graph = m_window->serverPanel()->findChild<RateGraph *>(QStringLiteral("latencyGraph"));
        QVERIFY(row && graph);
        test::WsClient client;
        QVERIFY(client.connectTo(wsUrl()));
        QVERIFY(!client
                     .request(QStringLiteral("subscribe"),
                              {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD")}}},
                              QStringLiteral("subscription_confirmed"))
                     .isEmpty());
        QVERIFY(!client.waitFor(QStringLiteral("price_update"), 10000).isEmpty());
        QTRY_VERIFY2_WITH_TIMEOUT(row->text().startsWith(QStringLiteral("p50 "))
                                      && row->text().contains(QStringLiteral(" · p99 ")),
                                  qPrintable(row->text()), 5000);
        const int samples = graph->sampleCount();
        QTRY_VERIFY(graph->sampleCount() > samples);
        QVERIFY(m_engine->status().stats.latency.receiptWindow.count > 0);

        const QString id = QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(m_engine->listenPort());
        auto pub = test::publisherFor(m_redis.port());
        QJsonObject beat;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     QString err;
                                     QByteArray json;
                                     pub->command({"GET", "fxmonitor:fleet:" + id.toUtf8()}, &err, &json);
                                     beat = QJsonDocument::fromJson(json).object();
                                     return beat.value(QStringLiteral("clients")).toInt() >= 1;
                                 }()),
                                 5000);
        QCOMPARE(beat.value(QStringLiteral("mode")).toString(), QStringLiteral("desktop"));
        QCOMPARE(beat.value(QStringLiteral("server_id")).toString(), id);
    }

    // The server panel's "Refused" row counts what the access controls turned away
    // (SECURITY.md): here a client without a token under WEBSOCKET_AUTH=jwt.
    void refusedRowCountsRefusedTokens()
    {
        auto *row = m_window->serverPanel()->findChild<QLabel *>(QStringLiteral("refusedCounts"));
        QVERIFY(row);
        const core::Settings plain = m_engine->settings();
        core::Settings jwt = plain;
        jwt.authMode = QStringLiteral("jwt");
        jwt.jwtSecret = QByteArray(32, 'k');
        QSignalSpy started(m_engine.get(), &engine::Engine::serverStarted);
        m_window->restartServerWith(jwt);
        QTRY_VERIFY(!started.isEmpty() && m_engine->serverRunning());
        QCOMPARE(m_engine->settings().authMode, QStringLiteral("jwt"));
        QCOMPARE(m_engine->status().stats.authRefusedTotal(), quint64(0));
        QTRY_VERIFY2(row->text().contains(QStringLiteral("0 tokens")), qPrintable(row->text()));
        QCOMPARE(row->toolTip(), QStringLiteral("No token refused"));

        test::WsClient anonymous;
        anonymous.socket().open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(m_engine->listenPort())));
        const QJsonObject error = anonymous.waitFor(QStringLiteral("error"));
        QCOMPARE(error.value(QStringLiteral("data")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("UNAUTHORIZED"));
        QVERIFY(anonymous.waitDisconnected());
        QTRY_VERIFY2(row->text().contains(QStringLiteral("1 tokens")), qPrintable(row->text()));
        QVERIFY2(row->toolTip().contains(QStringLiteral("missing: 1")), qPrintable(row->toolTip()));

        started.clear();
        m_window->restartServerWith(plain);
        QTRY_VERIFY(!started.isEmpty() && m_engine->serverRunning());
        QTRY_VERIFY2(row->text().contains(QStringLiteral("0 tokens")), qPrintable(row->text()));
    }

    // PROTOCOL.md feed_status, GUI.md: the private redis-server SIGKILLed and restarted on the
    // same port; the engine records the outage, the status bar says so while it lasts, and the
    // price chart shades it once prices flow again.
    void feedOutageIsShadedOnTheChart()
    {
        PriceChartView *chart = m_window->chartPanel()->chart();
        chart->followLive();
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->status().redis.connected(), 10000);
        const int before = int(m_engine->status().feedOutages.size());
        QCOMPARE(chart->visibleFeedGaps(), 0);
        const qint64 killedAt = core::nowMicros();
        m_redis.kill9();
        QTRY_COMPARE_WITH_TIMEOUT(m_engine->status().feedOutages.size(), before + 1, 5000);
        QTRY_VERIFY(m_window->indicator(QStringLiteral("statusRedis"))
                        ->text()
                        .startsWith(QStringLiteral("Redis disconnected")));
        const engine::FeedOutage ongoing = m_engine->status().feedOutages.constLast();
        QVERIFY(ongoing.startMicros >= killedAt);
        QCOMPARE(ongoing.endMicros, qint64(0));
        QVERIFY(m_redis.restart());
        QTRY_VERIFY_WITH_TIMEOUT(m_engine->status().feedOutages.constLast().endMicros > 0, 10000);
        const int points = chart->pointCount();
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount() > points, 10000); // the feed reconnected too
        QTRY_COMPARE_WITH_TIMEOUT(chart->visibleFeedGaps(), 1, 5000);
        QTRY_COMPARE(m_window->indicator(QStringLiteral("statusRedis"))->text(), QStringLiteral("Redis connected"));
    }
};

FX_GUI_TEST_MAIN(TestGuiMainWindow)
#include "tst_gui_mainwindow.moc"
