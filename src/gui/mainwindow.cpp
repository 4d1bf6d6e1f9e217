#include "gui/mainwindow.h"

#include "engine/engine.h"
#include "core/timeutil.h"
#include "core/version.h"
#include "gui/alertsmodel.h"
#include "gui/alertspanel.h"
#include "gui/chartpanel.h"
#include "gui/clientsmodel.h"
#include "gui/clientspanel.h"
#include "gui/enginesampler.h"
#include "gui/marketwatchmodel.h"
#include "gui/marketwatchpanel.h"
#include "gui/pricechartview.h"
#include "gui/roomsmodel.h"
#include "gui/roomspanel.h"
#include "gui/serverpanel.h"
#include "gui/settingsdialog.h"
#include "gui/smallmultiplespanel.h"
#include "gui/statusindicator.h"
#include "gui/statustext.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"
#include "gui/trayicon.h"
#include "ui_mainwindow.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>

namespace fx::gui {

MainWindow::MainWindow(engine::Engine *engine, QWidget *parent)
    : QMainWindow(parent), m_ui(std::make_unique<Ui::MainWindow>()), m_engine(engine), m_gui(GuiSettings::load()),
      m_effective(engine->settings())
{
    m_ui->setupUi(this);
    setWindowIcon(TrayIcon::appIcon());
    // Every panel is a dock; the central widget is an empty placeholder the docks cover.
    m_ui->centralPlaceholder->setMaximumSize(0, 0);
    m_ui->centralPlaceholder->hide();
    Theme::apply(m_gui.theme);

    createModelsAndPanels();
    createDocks();
    createStatusWidgets();
    connectActions();

    auto *trayMenu = new QMenu(this);
    QAction *showHide = trayMenu->addAction(tr("Show or hide the window"));
    trayMenu->addSeparator();
    trayMenu->addAction(m_ui->actionStart);
    trayMenu->addAction(m_ui->actionStop);
    trayMenu->addSeparator();
    trayMenu->addAction(m_ui->actionQuit);
    m_tray = new TrayIcon(trayMenu, this);
    auto toggle = [this] {
        if (isVisible() && !isMinimized()) {
            hide();
        } else {
            showNormal();
            raise();
            activateWindow();
        }
    };
    connect(showHide, &QAction::triggered, this, toggle);
    connect(m_tray, &TrayIcon::activated, this, toggle);
    m_tray->show();

    restoreLayout();
    applyGuiSettings(m_gui);
    updateServerActions();
    m_hub->start();
}

MainWindow::~MainWindow()
{
    m_hub->stop();
}

// --- construction --------------------------------------------------------------------------

void MainWindow::createModelsAndPanels()
{
    const core::InstrumentSet &inst = m_engine->instruments();
    storage::StorageReader *reader = m_engine->storageReader();
    m_hub = new EngineSampler(m_engine, this);
    m_clientsModel = new ClientsModel(this);
    m_clientsModel->setRoomTotal(inst.size());
    m_roomsModel = new RoomsModel(inst.rooms(), this);
    m_marketModel = new MarketWatchModel(inst, this);
    m_alertsModel = new AlertsModel(this);

    m_clientsPanel = new ClientsPanel(m_clientsModel, m_engine, this);
    m_roomsPanel = new RoomsPanel(m_roomsModel, this);
    m_marketPanel = new MarketWatchPanel(m_marketModel, reader, this);
    m_alertsPanel = new AlertsPanel(m_alertsModel, m_engine, inst.pairs(), this);
    m_serverPanel = new ServerPanel(m_ui->actionStart, m_ui->actionStop, m_ui->actionRestart, this);
    m_chartPanel = new ChartPanel(inst, reader, m_gui, this);
    m_multiples = new SmallMultiplesPanel(inst, reader, this);

    connect(m_hub, &EngineSampler::marketUpdated, this, &MainWindow::onMarket);
    connect(m_hub, &EngineSampler::clientsUpdated, this, [this](const QList<server::ClientInfo> &clients) {
        m_clientsModel->update(clients);
        m_roomsModel->update(clients);
    });
    connect(m_hub, &EngineSampler::statusUpdated, this, &MainWindow::onStatus);
    connect(m_roomsPanel, &RoomsPanel::roomSelected, m_clientsPanel, &ClientsPanel::highlightRoom);
    connect(m_clientsPanel, &ClientsPanel::highlightCleared, m_roomsPanel, &RoomsPanel::clearSelection);
    connect(m_clientsPanel, &ClientsPanel::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_alertsPanel, &AlertsPanel::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_alertsPanel, &AlertsPanel::liveAlerts, this, &MainWindow::onLiveAlerts);
    connect(m_marketPanel, &MarketWatchPanel::chartRequested, this, &MainWindow::openChart);
    connect(m_marketPanel, &MarketWatchPanel::pairActivated, m_chartPanel, &ChartPanel::setPair);
    connect(m_multiples, &SmallMultiplesPanel::chartRequested, this, &MainWindow::openChart);
    connect(m_multiples, &SmallMultiplesPanel::pairActivated, m_chartPanel, &ChartPanel::setPair);
    connect(m_engine, &engine::Engine::serverStopped, this, &MainWindow::onServerStopped);
    connect(m_engine, &engine::Engine::serverStarted, this, &MainWindow::updateServerActions);
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w; w = w->parentWidget())
            if (auto *t = qobject_cast<TablePanel *>(w)) {
                m_currentTable = t;
                return;
            }
    });
}

QDockWidget *MainWindow::addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    m_ui->menuView->addAction(dock->toggleViewAction());
    return dock;
}

void MainWindow::createDocks()
{
    addPanel(m_marketPanel, tr("Market watch"), QStringLiteral("marketWatchDock"), Qt::LeftDockWidgetArea);
    addPanel(m_chartPanel, tr("Price chart"), QStringLiteral("chartDock"), Qt::LeftDockWidgetArea);
    addPanel(m_multiples, tr("All pairs"), QStringLiteral("smallMultiplesDock"), Qt::LeftDockWidgetArea);
    addPanel(m_serverPanel, tr("Server"), QStringLiteral("serverDock"), Qt::RightDockWidgetArea);
    addPanel(m_clientsPanel, tr("Clients"), QStringLiteral("clientsDock"), Qt::BottomDockWidgetArea);
    addPanel(m_roomsPanel, tr("Rooms"), QStringLiteral("roomsDock"), Qt::BottomDockWidgetArea);
    m_alertsDock = addPanel(m_alertsPanel, tr("Alerts"), QStringLiteral("alertsDock"), Qt::BottomDockWidgetArea);
    connect(m_alertsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && isActiveWindow()) {
            m_newAlerts = 0;
            updateAlertsBadge();
        }
    });
    connect(m_chartPanel, &ChartPanel::pairChanged, this, [this](const QString &pair) {
        if (QDockWidget *d = dock(QStringLiteral("chartDock")))
            d->setWindowTitle(tr("Price chart: %1").arg(pair));
    });
    dock(QStringLiteral("chartDock"))->setWindowTitle(tr("Price chart: %1").arg(m_chartPanel->pair()));

    m_ui->menuView->addSeparator();
    QMenu *theme = m_ui->menuView->addMenu(tr("&Theme"));
    auto *group = new QActionGroup(this);
    const QList<QPair<QString, ThemeMode>> modes{{tr("Follow the &system"), ThemeMode::System},
                                                  {tr("&Light"), ThemeMode::Light},
                                                  {tr("&Dark"), ThemeMode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *a = theme->addAction(label);
        a->setCheckable(true);
        a->setChecked(m_gui.theme == mode);
        a->setObjectName(QStringLiteral("theme%1").arg(int(mode)));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, mode = mode] {
            GuiSettings g = m_gui;
            g.theme = mode;
            g.save();
            applyGuiSettings(g);
        });
    }
}

void MainWindow::createStatusWidgets()
{
    auto add = [this](const QString &name, QWidget *bar) {
        auto *ind = new StatusIndicator(name, bar);
        m_indicators.append(ind);
        return ind;
    };
    for (const char *name : {"toolbarServer", "toolbarRedis", "toolbarDatabase"})
        m_ui->mainToolBar->addWidget(add(QString::fromLatin1(name), m_ui->mainToolBar));
    for (const char *name : {"statusServer", "statusClients", "statusRedis", "statusDatabase", "statusRate", "statusSessions"})
        statusBar()->addPermanentWidget(add(QString::fromLatin1(name), statusBar()));
}

void MainWindow::connectActions()
{
    Ui::MainWindow &ui = *m_ui;
    ui.actionRestart->setShortcut(QKeySequence(Qt::Key_F5));
    ui.actionSettings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    ui.actionExportCsv->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    ui.actionFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    ui.actionAcknowledge->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    ui.actionAcknowledgeAll->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    ui.actionQuit->setShortcut(QKeySequence::Quit);
    // Short labels for the toolbar and the server panel's buttons.
    ui.actionStart->setIconText(tr("Start"));
    ui.actionStop->setIconText(tr("Stop"));
    ui.actionRestart->setIconText(tr("Restart"));
    ui.actionQuit->setMenuRole(QAction::QuitRole);
    ui.actionSettings->setMenuRole(QAction::PreferencesRole);

    connect(ui.actionStart, &QAction::triggered, this, [this] { startServer(); });
    connect(ui.actionStop, &QAction::triggered, this, &MainWindow::stopServer);
    connect(ui.actionRestart, &QAction::triggered, this, [this] { restartServer(true); });
    connect(ui.actionSettings, &QAction::triggered, this, [this] { openSettings(); });
    connect(ui.actionQuit, &QAction::triggered, this, &MainWindow::quitApplication);
    connect(ui.actionExportCsv, &QAction::triggered, this, [this] {
        TablePanel *t = currentTable();
        const QString name = t->objectName().isEmpty() ? QStringLiteral("table") : t->objectName();
        t->exportCsvInteractive(QStringLiteral("%1-%2.csv").arg(name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    });
    connect(m_clientsPanel->table(), &TablePanel::exported, this, [this](const QString &p) { showMessage(tr("Exported %1").arg(p)); });
    connect(m_alertsPanel->table(), &TablePanel::exported, this, [this](const QString &p) { showMessage(tr("Exported %1").arg(p)); });
    connect(m_roomsPanel->table(), &TablePanel::exported, this, [this](const QString &p) { showMessage(tr("Exported %1").arg(p)); });
    connect(m_marketPanel->table(), &TablePanel::exported, this, [this](const QString &p) { showMessage(tr("Exported %1").arg(p)); });
    connect(ui.actionExportPng, &QAction::triggered, m_chartPanel, &ChartPanel::exportPngInteractive);
    connect(ui.actionFilter, &QAction::triggered, this, [this] {
        TablePanel *t = currentTable();
        for (QWidget *w = t; w; w = w->parentWidget())
            if (auto *d = qobject_cast<QDockWidget *>(w)) {
                d->show();
                d->raise();
            }
        t->focusFilter();
    });
    connect(ui.actionNewChart, &QAction::triggered, this, [this] { openChart(m_chartPanel->pair()); });
    connect(ui.actionResetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(ui.actionAcknowledge, &QAction::triggered, m_alertsPanel, &AlertsPanel::acknowledgeSelected);
    connect(ui.actionAcknowledgeAll, &QAction::triggered, this, [this] { m_alertsPanel->acknowledgeAll(true); });
    connect(ui.actionShowAlerts, &QAction::triggered, this, [this] {
        m_alertsDock->show();
        m_alertsDock->raise();
        m_alertsPanel->table()->view()->setFocus();
    });
    connect(ui.actionCopyUrl, &QAction::triggered, this, [this] {
        if (!m_engine->serverRunning())
            return;
        const QHostAddress address = m_engine->listenAddress();
        QString host = address.toString();
        if (address.isNull() || host == u"0.0.0.0" || host == u"::")
            host = QStringLiteral("localhost");
        const QString url = QStringLiteral("ws://%1:%2/ws").arg(host).arg(m_engine->listenPort());
        QApplication::clipboard()->setText(url);
        showMessage(tr("Copied %1").arg(url));
    });
    connect(ui.actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui.actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    // The alerts panel's own buttons and context menu act on it too; its actions carry no
    // shortcut so Ctrl+K is never ambiguous.
}

// --- layout --------------------------------------------------------------------------------

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    return findChild<QDockWidget *>(objectName, Qt::FindDirectChildrenOnly);
}

QList<QDockWidget *> MainWindow::docks() const
{
    return findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

StatusIndicator *MainWindow::indicator(const QString &objectName) const
{
    for (StatusIndicator *i : m_indicators)
        if (i->objectName() == objectName)
            return i;
    return nullptr;
}

void MainWindow::applyDefaultLayout()
{
    setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    QDockWidget *market = dock(QStringLiteral("marketWatchDock")), *chart = dock(QStringLiteral("chartDock")),
                *multiples = dock(QStringLiteral("smallMultiplesDock")), *server = dock(QStringLiteral("serverDock")),
                *clients = dock(QStringLiteral("clientsDock")), *rooms = dock(QStringLiteral("roomsDock"));
    for (QDockWidget *d : docks()) {
        d->setFloating(false);
        d->show();
    }
    addDockWidget(Qt::LeftDockWidgetArea, market);
    splitDockWidget(market, chart, Qt::Horizontal);
    splitDockWidget(chart, multiples, Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, server);
    addDockWidget(Qt::BottomDockWidgetArea, clients);
    tabifyDockWidget(clients, rooms);
    tabifyDockWidget(rooms, m_alertsDock);
    QDockWidget *previous = chart;
    for (ChartPanel *extra : extraCharts())
        for (QWidget *w = extra; w; w = w->parentWidget())
            if (auto *d = qobject_cast<QDockWidget *>(w)) {
                splitDockWidget(previous, d, Qt::Horizontal);
                previous = d;
                break;
            }
    clients->raise();
    applyDefaultSizes();
}

void MainWindow::applyDefaultSizes()
{
    QDockWidget *market = dock(QStringLiteral("marketWatchDock")), *chart = dock(QStringLiteral("chartDock")),
                *multiples = dock(QStringLiteral("smallMultiplesDock")), *server = dock(QStringLiteral("serverDock")),
                *clients = dock(QStringLiteral("clientsDock"));
    // Market watch wide enough for every column, the server panel for its labels; the charts
    // take the rest. Heights: charts over the clients, rooms and alerts tabs.
    const int side = std::max(480, market->widget()->sizeHint().width());
    resizeDocks({market, server}, {side, 360}, Qt::Horizontal);
    resizeDocks({chart, multiples, clients}, {height() * 36 / 100, height() * 30 / 100, height() * 25 / 100}, Qt::Vertical);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // Dock sizes only take once the window has its size: the default layout is sized here.
    if (!m_layoutRestored)
        QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes);
}

void MainWindow::restoreLayout()
{
    QSettings s;
    for (const QString &pair : s.value(QStringLiteral("window/charts")).toStringList())
        openChart(pair);
    const QByteArray geometry = s.value(QStringLiteral("window/geometry")).toByteArray();
    const QByteArray state = s.value(QStringLiteral("window/state")).toByteArray();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1600, 1000);
    applyDefaultLayout();
    m_layoutRestored = !state.isEmpty() && restoreState(state, kLayoutVersion);
}

void MainWindow::resetLayout()
{
    applyDefaultLayout();
    QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes);
    showMessage(tr("Layout reset"));
}

void MainWindow::saveLayout() const
{
    QSettings s;
    s.setValue(QStringLiteral("window/geometry"), saveGeometry());
    s.setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
    QStringList pairs;
    for (const ChartPanel *c : extraCharts())
        pairs << c->pair();
    s.setValue(QStringLiteral("window/charts"), pairs);
}

ChartPanel *MainWindow::openChart(const QString &pair)
{
    for (ChartPanel *c : extraCharts())
        if (c->pair() == pair)
            for (QWidget *w = c; w; w = w->parentWidget())
                if (auto *d = qobject_cast<QDockWidget *>(w)) {
                    d->show();
                    d->raise();
                    return c;
                }
    m_extraCharts.removeIf([](const QPointer<ChartPanel> &c) { return c.isNull(); });
    int n = 2;
    while (dock(QStringLiteral("chartDock%1").arg(n)))
        ++n;
    auto *panel = new ChartPanel(m_engine->instruments(), m_engine->storageReader(), m_gui, this);
    panel->setPair(pair);
    auto *d = new QDockWidget(tr("Chart: %1").arg(pair), this);
    d->setObjectName(QStringLiteral("chartDock%1").arg(n));
    d->setWidget(panel);
    d->setAttribute(Qt::WA_DeleteOnClose);
    addDockWidget(Qt::LeftDockWidgetArea, d);
    QDockWidget *anchor = dock(QStringLiteral("chartDock"));
    if (!extraCharts().isEmpty())
        for (QWidget *w = extraCharts().last(); w; w = w->parentWidget())
            if (auto *ed = qobject_cast<QDockWidget *>(w)) {
                anchor = ed;
                break;
            }
    if (anchor && !anchor->isFloating())
        splitDockWidget(anchor, d, Qt::Horizontal);
    m_extraCharts.append(panel);
    connect(panel, &ChartPanel::pairChanged, d, [d](const QString &p) { d->setWindowTitle(tr("Chart: %1").arg(p)); });
    return panel;
}

QList<ChartPanel *> MainWindow::extraCharts() const
{
    QList<ChartPanel *> out;
    for (const QPointer<ChartPanel> &c : m_extraCharts)
        if (c)
            out << c.data();
    return out;
}

// --- live data -----------------------------------------------------------------------------

void MainWindow::onMarket(const engine::MarketDelta &delta)
{
    m_marketModel->applyQuotes(delta.quotes);
    m_chartPanel->onMarket(delta);
    for (ChartPanel *c : extraCharts())
        c->onMarket(delta);
    m_multiples->onMarket(delta);
    m_alertsPanel->onMarket(delta); // emits liveAlerts for the badge and notifications
}

void MainWindow::onLiveAlerts(const QVector<AlertRow> &rows)
{
    m_chartPanel->addAlerts(rows);
    for (ChartPanel *c : extraCharts())
        c->addAlerts(rows);
    const bool seen = m_alertsDock->isVisible() && !m_alertsDock->visibleRegion().isEmpty() && isActiveWindow();
    if (!seen) {
        m_newAlerts += int(rows.size());
        updateAlertsBadge();
    }
    // Tray notifications for the severities chosen in the settings, at most one every 2 s.
    QVector<AlertRow> notify;
    for (const AlertRow &r : rows)
        if (m_gui.notifies(r.severity))
            notify.append(r);
    if (notify.isEmpty())
        return;
    const qint64 now = core::nowMillis();
    if (now - m_lastNotifyMs < 2000) {
        m_heldNotifications += int(notify.size());
        return;
    }
    m_lastNotifyMs = now;
    const int more = m_heldNotifications;
    m_heldNotifications = 0;
    const AlertRow &first = notify.constFirst();
    const bool critical = std::any_of(notify.cbegin(), notify.cend(), [](const AlertRow &r) { return r.severity == u"critical"; });
    const QString title = notify.size() + more == 1 ? tr("%1 alert: %2").arg(critical ? tr("Critical") : tr("New"), first.pairsText())
                                                    : tr("%n new alert(s)", nullptr, int(notify.size()) + more);
    m_tray->notify(title, first.message, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
}

void MainWindow::updateAlertsBadge()
{
    m_alertsDock->setWindowTitle(m_newAlerts > 0 ? tr("Alerts (%n new)", nullptr, m_newAlerts) : tr("Alerts"));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::ActivationChange && isActiveWindow() && m_alertsDock && m_alertsDock->isVisible()
        && !m_alertsDock->visibleRegion().isEmpty() && m_newAlerts > 0) {
        m_newAlerts = 0;
        updateAlertsBadge();
    }
}

void MainWindow::onStatus(const StatusSnapshot &s)
{
    const StateText server = StatusText::server(s), redis = StatusText::redis(s), db = StatusText::database(s);
    for (StatusIndicator *i : std::as_const(m_indicators)) {
        const QString &n = i->objectName();
        if (n.endsWith(u"Server"))
            i->setState(server);
        else if (n.endsWith(u"Redis"))
            i->setState(redis);
        else if (n.endsWith(u"Database"))
            i->setState(db);
        else if (n == u"statusClients")
            i->setState(StatusText::clients(s));
        else if (n == u"statusSessions")
            i->setState(StatusText::sessions(s));
        else if (n == u"statusRate")
            i->setState({tr("%1 msg/s").arg(QLocale().toString(qint64(s.messagesPerSecond + 0.5))),
                         s.serverRunning ? Theme::ok() : Theme::idle()});
    }
    m_serverPanel->onStatus(s);
    m_clientsPanel->setSnapshotAge(m_hub->clientsAgeMs());
    for (int i = 0; i < m_marketModel->rowCount(); ++i)
        m_multiples->setStale(i, m_marketModel->isStale(i));

    const bool redisOk = !s.hasRedis || s.redis.connected();
    const bool dbOk = !s.hasDatabase || s.database.ok();
    const TrayState ts = !s.serverRunning ? TrayState::Stopped : (redisOk && dbOk ? TrayState::Serving : TrayState::Degraded);
    m_tray->setState(ts, QStringLiteral("FX Monitor\n%1\n%2\n%3\n%4").arg(server.text, StatusText::clients(s).text, redis.text, db.text));
    const QString title = s.serverRunning ? tr("FX Monitor — %1").arg(s.listenAddress) : tr("FX Monitor — server stopped");
    if (windowTitle() != title)
        setWindowTitle(title);
}

// --- server control ------------------------------------------------------------------------

void MainWindow::updateServerActions()
{
    const bool running = m_engine->serverRunning();
    m_ui->actionStart->setEnabled(!running && !m_pendingRestart);
    m_ui->actionStop->setEnabled(running);
    m_ui->actionCopyUrl->setEnabled(running);
    m_hub->refreshSoon();
}

bool MainWindow::startServer()
{
    if (m_engine->serverRunning())
        return true;
    QString error;
    if (!m_engine->startServer(m_effective, &error)) {
        showStartError(error);
        updateServerActions();
        Q_EMIT serverStartFailed(error);
        return false;
    }
    showMessage(tr("Server started"));
    updateServerActions();
    return true;
}

void MainWindow::showStartError(const QString &error)
{
    showMessage(tr("The server could not start: %1").arg(error), 15000);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Server not started"),
                                tr("The server could not start: %1\n\nChange the address or port in Settings (Ctrl+,), "
                                   "then start it again.")
                                    .arg(error),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::stopServer()
{
    if (!m_engine->serverRunning())
        return;
    showMessage(tr("Stopping the server: clients are closed with 1001 (going away)"));
    m_engine->stopServer();
    m_ui->actionStop->setEnabled(false);
}

void MainWindow::restartServer(bool confirm)
{
    if (!confirm || !m_engine->serverRunning()) {
        restartServerWith(m_effective);
        return;
    }
    const int n = m_hub->lastStatus().stats.connectedClients;
    ask(tr("Restart the server"),
        tr("Restart the server with the saved settings? The %n connected client(s) will be closed with 1001 "
           "(going away) and may reconnect.",
           nullptr, n),
        tr("Restart"), [this] { restartServerWith(m_effective); });
}

void MainWindow::restartServerWith(const core::Settings &settings)
{
    m_effective = settings;
    if (!m_engine->serverRunning()) {
        startServer();
        return;
    }
    m_pendingRestart = settings;
    showMessage(tr("Restarting the server…"));
    m_engine->stopServer();
    updateServerActions();
}

void MainWindow::onServerStopped()
{
    if (m_quitting)
        return;
    if (m_pendingRestart) {
        m_pendingRestart.reset();
        startServer();
        return;
    }
    showMessage(tr("Server stopped"));
    updateServerActions();
}

// --- settings ------------------------------------------------------------------------------

SettingsDialog *MainWindow::openSettings()
{
    if (auto *open = findChild<SettingsDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new SettingsDialog(m_effective, loadStoredSettings(), m_gui, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this, &MainWindow::applySettings);
    dialog->open();
    return dialog;
}

void MainWindow::applySettings(const core::Settings &settings, const QStringList &changed, const GuiSettings &gui)
{
    applyGuiSettings(gui);
    m_effective = settings;
    bool server = false, redis = false;
    QStringList later;
    for (const QString &name : changed) {
        server = server || SettingsDialog::needsServerRestart(name);
        redis = redis || SettingsDialog::needsRedisRestart(name);
        if (SettingsDialog::needsAppRestart(name))
            later << name;
    }
    if (redis) {
        m_engine->restartRedis(settings);
        showMessage(tr("Redis settings applied: reconnecting"));
    }
    if (server && m_engine->serverRunning())
        ask(tr("Restart the server"), tr("The new server settings apply when the server restarts. Restart it now?"), tr("Restart"),
            [this] { restartServerWith(m_effective); });
    else if (server)
        showMessage(tr("The new server settings apply when the server starts"));
    if (!later.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Settings saved"),
                                    tr("%1 take effect when FX Monitor is started again.").arg(later.join(QStringLiteral(", "))),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::applyGuiSettings(const GuiSettings &gui)
{
    const bool themeChanged = gui.theme != Theme::mode();
    m_gui = gui;
    if (themeChanged) {
        Theme::apply(gui.theme);
        m_chartPanel->applyTheme();
        for (ChartPanel *c : extraCharts())
            c->applyTheme();
        if (QAction *a = findChild<QAction *>(QStringLiteral("theme%1").arg(int(gui.theme))))
            a->setChecked(true);
    }
    m_marketModel->setFlashEnabled(gui.flash);
    m_marketModel->setStaleSeconds(gui.staleSeconds);
}

// --- misc ----------------------------------------------------------------------------------

TablePanel *MainWindow::currentTable() const
{
    return m_currentTable ? m_currentTable.data() : m_clientsPanel->table();
}

void MainWindow::showMessage(const QString &text, int ms)
{
    statusBar()->showMessage(text, ms);
}

void MainWindow::ask(const QString &title, const QString &text, const QString &yes, std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, this);
    QPushButton *ok = box->addButton(yes, QMessageBox::AcceptRole);
    box->setDefaultButton(ok);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [ok, onYes = std::move(onYes)](QAbstractButton *b) {
        if (b == ok)
            onYes();
    });
    box->open();
}

void MainWindow::showShortcuts()
{
    auto key = [](const QKeySequence &k) { return k.toString(QKeySequence::NativeText); }; // "Strg+F" in German
    const QList<QPair<QString, QString>> rows{
        {key(QKeySequence(Qt::CTRL | Qt::Key_F)), tr("Filter the focused table")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_C)), tr("Copy the selected rows")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_E)), tr("Export the focused table as CSV")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_K)), tr("Acknowledge the selected alerts")},
        {key(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)), tr("Acknowledge every alert matching the filter")},
        {key(QKeySequence(Qt::Key_F5)), tr("Restart the server (asks first)")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_Comma)), tr("Settings")},
        {key(QKeySequence(Qt::Key_Delete)), tr("Disconnect the selected clients")},
        {key(QKeySequence(Qt::CTRL | Qt::Key_Q)), tr("Stop the server and quit")},
    };
    QString html = QStringLiteral("<table cellspacing=6>");
    for (const auto &[key, what] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(key, what.toHtmlEscaped());
    html += QStringLiteral("</table>");
    auto *box = new QMessageBox(QMessageBox::Information, tr("Keyboard shortcuts"), html, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About FX Monitor"),
                       tr("<h3>FX Monitor %1</h3><p>The operator's desk for an FX data pipeline: a streaming server "
                          "(plain JSON WebSocket and Socket.IO) fed from Redis, with storage of alerts, prices and "
                          "connections.</p><p>Qt %2</p>")
                           .arg(QString::fromLatin1(fx::kVersion), QString::fromLatin1(qVersion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_quitting) {
        event->accept();
        return;
    }
    saveLayout();
    if (!TrayIcon::isAvailable() || !m_tray->isVisible()) {
        event->ignore();
        quitApplication();
        return;
    }
    if (m_gui.closeAction == CloseAction::Ask) {
        // Asked once, then remembered (Settings > Desktop changes it).
        QMessageBox box(QMessageBox::Question, tr("Keep serving?"),
                        tr("FX Monitor can keep the server running in the system tray when its window closes; "
                           "clients stay connected. What should closing the window do? (You will not be asked "
                           "again; Settings > Desktop changes it.)"),
                        QMessageBox::NoButton, this);
        QPushButton *keep = box.addButton(tr("Keep serving in the tray"), QMessageBox::AcceptRole);
        QPushButton *quit = box.addButton(tr("Stop the server and quit"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() != keep && box.clickedButton() != quit) {
            event->ignore();
            return;
        }
        m_gui.closeAction = box.clickedButton() == keep ? CloseAction::KeepInTray : CloseAction::Quit;
        m_gui.save();
    }
    event->ignore();
    if (m_gui.closeAction == CloseAction::KeepInTray) {
        hide();
        m_tray->notify(tr("FX Monitor is still serving"), tr("The server keeps running. Click the tray icon to open the window."),
                       QSystemTrayIcon::Information);
        return;
    }
    quitApplication();
}

void MainWindow::quitApplication()
{
    if (m_quitting)
        return;
    saveLayout();
    m_quitting = true;
    m_hub->stop();
    hide();
    m_tray->hide();
    connect(m_engine, &engine::Engine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(5000, qApp, &QCoreApplication::quit); // never hang on the way out
    m_engine->stop();
}

} // namespace fx::gui
