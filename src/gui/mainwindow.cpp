#include "gui/mainwindow.h"

#include "core/version.h"
#include "engine/engine.h"
#include "gui/alertrulesmodel.h"
#include "gui/alertrulespanel.h"
#include "gui/alertsbadge.h"
#include "gui/alertsmodel.h"
#include "gui/alertspanel.h"
#include "gui/chartpanel.h"
#include "gui/clientsmodel.h"
#include "gui/clientspanel.h"
#include "gui/currenttable.h"
#include "gui/enginesampler.h"
#include "gui/fleetmodel.h"
#include "gui/fleetpanel.h"
#include "gui/marketwatchmodel.h"
#include "gui/marketwatchpanel.h"
#include "gui/roomsmodel.h"
#include "gui/roomspanel.h"
#include "gui/servercontrol.h"
#include "gui/serverpanel.h"
#include "gui/settingsdialog.h"
#include "gui/shortcuts.h"
#include "gui/smallmultiplespanel.h"
#include "gui/statusbarindicators.h"
#include "gui/tablepanel.h"
#include "gui/theme.h"
#include "gui/trayicon.h"
#include "gui/traynotifier.h"
#include "gui/windowlayout.h"
#include "ui_mainwindow.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

namespace fx::gui {

MainWindow::MainWindow(engine::Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_engine(engine)
    , m_gui(GuiSettings::load())
{
    m_ui->setupUi(this);
    setWindowIcon(TrayIcon::appIcon());
    // Every panel is a dock; the central widget is an empty placeholder the docks cover.
    m_ui->centralPlaceholder->setMaximumSize(0, 0);
    m_ui->centralPlaceholder->hide();
    Theme::apply(m_gui.theme);

    createModelsAndPanels();
    createDocks();
    m_indicators = std::make_unique<StatusBarIndicators>(m_ui->mainToolBar, statusBar());
    connectActions();
    m_tray = new TrayNotifier(this, m_ui->actionStart, m_ui->actionStop, m_ui->actionQuit);

    m_layout->restore();
    applyGuiSettings(m_gui);
    m_server->updateActions();
    if (m_engine->monitorOnly()) // nothing to restart (Start and Stop follow ServerControl)
        m_ui->actionRestart->setEnabled(false);
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
    m_server = new ServerControl(
        m_engine, m_hub, {m_ui->actionStart, m_ui->actionStop, m_ui->actionCopyUrl, m_ui->actionReloadTls}, this);
    m_clientsModel = new ClientsModel(this);
    m_clientsModel->setRoomTotal(inst.size());
    // Monitor-only: no rooms of a server that does not exist (the empty state says why).
    m_roomsModel = new RoomsModel(m_engine->monitorOnly() ? QStringList() : inst.rooms(), this);
    m_marketModel = new MarketWatchModel(inst, this);
    m_alertsModel = new AlertsModel(this);

    m_clientsPanel = new ClientsPanel(m_clientsModel, m_engine, this);
    m_roomsPanel = new RoomsPanel(m_roomsModel, this);
    m_marketPanel = new MarketWatchPanel(m_marketModel, reader, this);
    m_alertsPanel = new AlertsPanel(m_alertsModel, m_engine, inst.pairs(), this);
    m_serverPanel = new ServerPanel(m_ui->actionStart, m_ui->actionStop, m_ui->actionRestart, this);
    m_chartPanel = new ChartPanel(inst, reader, m_gui, this);
    m_multiples = new SmallMultiplesPanel(inst, reader, this);
    m_fleetModel = new FleetModel(m_engine->fleet(), this);
    m_fleetPanel = new FleetPanel(m_fleetModel, m_engine->fleet(), this);
    m_alertRulesModel = new AlertRulesModel(this);
    m_alertRulesPanel = new AlertRulesPanel(m_alertRulesModel, m_engine, this);
    if (m_engine->monitorOnly()) {
        const QString none = tr("No embedded server: this desk is monitor-only (EMBEDDED_SERVER=false, or "
                                "--no-server). The fleet's servers, their clients and rooms are in the Fleet panel.");
        m_clientsPanel->table()->setEmptyText(none);
        m_roomsPanel->table()->setEmptyText(none);
    }

    connect(m_hub, &EngineSampler::marketUpdated, this, &MainWindow::onMarket);
    connect(m_hub, &EngineSampler::clientsUpdated, this, [this](const QList<server::ClientInfo> &clients) {
        m_clientsModel->update(clients);
        m_roomsModel->update(clients);
    });
    connect(m_hub, &EngineSampler::statusUpdated, this, &MainWindow::onStatus);
    connect(m_roomsPanel, &RoomsPanel::roomSelected, m_clientsPanel, &ClientsPanel::highlightRoom);
    connect(m_clientsPanel, &ClientsPanel::highlightCleared, m_roomsPanel, &RoomsPanel::clearSelection);
    connect(m_clientsPanel, &ClientsPanel::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_alertRulesPanel, &AlertRulesPanel::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_alertsPanel, &AlertsPanel::message, this, [this](const QString &t) { showMessage(t); });
    connect(m_alertsPanel, &AlertsPanel::liveAlerts, this, &MainWindow::onLiveAlerts);
    connect(m_fleetPanel, &FleetPanel::operatorAlert, this, &MainWindow::onOperatorAlert);
    connect(m_marketPanel, &MarketWatchPanel::chartRequested, this, &MainWindow::openChart);
    connect(m_marketPanel, &MarketWatchPanel::pairActivated, m_chartPanel, &ChartPanel::setPair);
    connect(m_multiples, &SmallMultiplesPanel::chartRequested, this, &MainWindow::openChart);
    connect(m_multiples, &SmallMultiplesPanel::pairActivated, m_chartPanel, &ChartPanel::setPair);
    connect(m_server, &ServerControl::message, this, &MainWindow::showMessage);
    connect(m_server, &ServerControl::startFailed, this, &MainWindow::serverStartFailed);
    connect(m_server, &ServerControl::guiSettingsApplied, this, &MainWindow::applyGuiSettings);
    m_currentTable = new CurrentTable(m_clientsPanel->table(), this);
}

void MainWindow::createDocks()
{
    m_layout = new WindowLayout(this, m_ui->menuView, [this] {
        return new ChartPanel(m_engine->instruments(), m_engine->storageReader(), m_gui, this);
    });
    m_layout->addPanel(m_marketPanel, tr("Market watch"), QStringLiteral("marketWatchDock"), Qt::LeftDockWidgetArea);
    m_layout->addPanel(m_chartPanel, tr("Price chart"), QStringLiteral("chartDock"), Qt::LeftDockWidgetArea);
    m_layout->addPanel(m_multiples, tr("All pairs"), QStringLiteral("smallMultiplesDock"), Qt::LeftDockWidgetArea);
    m_layout->addPanel(m_serverPanel, tr("Server"), QStringLiteral("serverDock"), Qt::RightDockWidgetArea);
    m_layout->addPanel(m_clientsPanel, tr("Clients"), QStringLiteral("clientsDock"), Qt::BottomDockWidgetArea);
    m_layout->addPanel(m_roomsPanel, tr("Rooms"), QStringLiteral("roomsDock"), Qt::BottomDockWidgetArea);
    m_alertsDock =
        m_layout->addPanel(m_alertsPanel, tr("Alerts"), QStringLiteral("alertsDock"), Qt::BottomDockWidgetArea);
    m_layout->addPanel(m_fleetPanel, tr("Fleet"), QStringLiteral("fleetDock"), Qt::BottomDockWidgetArea);
    m_layout->addPanel(m_alertRulesPanel, tr("Alert rules"), QStringLiteral("alertRulesDock"),
                       Qt::BottomDockWidgetArea);
    m_alertsBadge = new AlertsBadge(m_alertsDock, this);
    connect(m_chartPanel, &ChartPanel::pairChanged, this, [this](const QString &pair) {
        if (QDockWidget *d = dock(QStringLiteral("chartDock")))
            d->setWindowTitle(tr("Price chart: %1").arg(pair));
    });
    dock(QStringLiteral("chartDock"))->setWindowTitle(tr("Price chart: %1").arg(m_chartPanel->pair()));
    m_ui->menuView->addSeparator();
    Theme::addMenu(m_ui->menuView, m_gui.theme, [this](ThemeMode mode) {
        GuiSettings g = m_gui;
        g.theme = mode;
        g.save();
        applyGuiSettings(g);
    });
}

void MainWindow::connectActions()
{
    Ui::MainWindow &ui = *m_ui;
    Shortcuts::assign(this);
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
    connect(ui.actionExportCsv, &QAction::triggered, m_currentTable, &CurrentTable::exportCsv);
    const QList<TablePanel *> tables{m_clientsPanel->table(), m_alertsPanel->table(), m_roomsPanel->table(),
                                     m_marketPanel->table(),  m_fleetPanel->table(),  m_alertRulesPanel->table()};
    for (TablePanel *t : tables)
        connect(t, &TablePanel::exported, this, [this](const QString &p) { showMessage(tr("Exported %1").arg(p)); });
    connect(ui.actionExportPng, &QAction::triggered, m_chartPanel, &ChartPanel::exportPngInteractive);
    connect(ui.actionFilter, &QAction::triggered, m_currentTable, &CurrentTable::focusFilter);
    connect(ui.actionNewChart, &QAction::triggered, this, [this] { openChart(m_chartPanel->pair()); });
    connect(ui.actionResetLayout, &QAction::triggered, this, &MainWindow::resetLayout);
    connect(ui.actionAcknowledge, &QAction::triggered, m_alertsPanel, &AlertsPanel::acknowledgeSelected);
    connect(ui.actionAcknowledgeAll, &QAction::triggered, this, [this] { m_alertsPanel->acknowledgeAll(true); });
    connect(ui.actionShowAlerts, &QAction::triggered, this, [this] {
        m_alertsDock->show();
        m_alertsDock->raise();
        m_alertsPanel->table()->view()->setFocus();
    });
    connect(ui.actionCopyUrl, &QAction::triggered, m_server, &ServerControl::copyUrl);
    connect(ui.actionReloadTls, &QAction::triggered, m_server, &ServerControl::reloadTls);
    connect(ui.actionShortcuts, &QAction::triggered, this, [this] { Shortcuts::showHelp(this); });
    connect(ui.actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
    connect(ui.actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
    // The alerts panel's own buttons and context menu act on it too; its actions carry no
    // shortcut so Ctrl+K is never ambiguous.
}

// --- docks and layout (WindowLayout) -------------------------------------------------------

QDockWidget *MainWindow::dock(const QString &objectName) const
{
    return m_layout->dock(objectName);
}

QList<QDockWidget *> MainWindow::docks() const
{
    return m_layout->docks();
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

StatusIndicator *MainWindow::indicator(const QString &objectName) const
{
    return m_indicators->indicator(objectName);
}

int MainWindow::newAlertCount() const
{
    return m_alertsBadge->count();
}

void MainWindow::resetLayout()
{
    m_layout->reset();
    showMessage(tr("Layout reset"));
}

void MainWindow::saveLayout() const
{
    m_layout->save();
}

ChartPanel *MainWindow::openChart(const QString &pair)
{
    return m_layout->openChart(pair);
}

// --- live data -----------------------------------------------------------------------------

void MainWindow::onMarket(const engine::MarketDelta &delta)
{
    m_marketModel->applyQuotes(delta.quotes);
    m_chartPanel->onMarket(delta);
    for (ChartPanel *c : m_layout->extraCharts())
        c->onMarket(delta);
    m_multiples->onMarket(delta);
    m_alertsPanel->onMarket(delta); // emits liveAlerts for the badge and notifications
}

void MainWindow::onLiveAlerts(const QVector<AlertRow> &rows)
{
    m_chartPanel->addAlerts(rows);
    for (ChartPanel *c : m_layout->extraCharts())
        c->addAlerts(rows);
    m_alertsBadge->alertsArrived(int(rows.size()));
    m_tray->notifyAlerts(rows, m_gui);
}

void MainWindow::onOperatorAlert(const AlertRow &row)
{
    // Into the alert history (this session) and the tray; not the charts (no pair).
    m_alertsPanel->addOperatorAlert(row);
    m_alertsBadge->alertsArrived(1);
    m_tray->notifyAlerts({row}, m_gui);
}

void MainWindow::onStatus(const StatusSnapshot &s)
{
    m_indicators->update(s);
    m_serverPanel->onStatus(s);
    m_clientsPanel->setSnapshotAge(m_hub->clientsAgeMs());
    for (int i = 0; i < m_marketModel->rowCount(); ++i)
        m_multiples->setStale(i, m_marketModel->isStale(i));
    m_tray->setStatus(s);
    m_chartPanel->setFeedOutages(s.feedOutages); // shaded gaps (a no-op when unchanged)
    for (ChartPanel *c : m_layout->extraCharts())
        c->setFeedOutages(s.feedOutages);
    const QString title = s.monitorOnly ? tr("FX Monitor — monitor-only")
        : s.serverRunning               ? tr("FX Monitor — %1").arg(s.listenAddress)
                                        : tr("FX Monitor — server stopped");
    if (windowTitle() != title)
        setWindowTitle(title);
}

// --- server control (ServerControl) --------------------------------------------------------

bool MainWindow::startServer()
{
    return m_server->start();
}

void MainWindow::showStartError(const QString &error)
{
    m_server->showStartError(error);
}

void MainWindow::stopServer()
{
    m_server->stop();
}

void MainWindow::restartServer(bool confirm)
{
    m_server->restart(confirm);
}

void MainWindow::restartServerWith(const core::Settings &settings)
{
    m_server->restartWith(settings);
}

// --- settings ------------------------------------------------------------------------------

SettingsDialog *MainWindow::openSettings()
{
    return m_server->openSettings(m_gui);
}

void MainWindow::applySettings(const core::Settings &settings, const QStringList &changed, const GuiSettings &gui)
{
    applyGuiSettings(gui);
    m_server->applySettings(settings, changed);
}

void MainWindow::applyGuiSettings(const GuiSettings &gui)
{
    const bool themeChanged = gui.theme != Theme::mode();
    m_gui = gui;
    if (themeChanged) {
        Theme::apply(gui.theme);
        m_chartPanel->applyTheme();
        for (ChartPanel *c : m_layout->extraCharts())
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
    return m_currentTable->table();
}

void MainWindow::showMessage(const QString &text, int ms)
{
    statusBar()->showMessage(text, ms);
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
    event->ignore();
    if (!m_tray->isVisible()) {
        quitApplication();
        return;
    }
    if (m_gui.closeAction == CloseAction::Ask) {
        // Asked once, then remembered (Settings > Desktop changes it).
        const std::optional<CloseAction> chosen = m_tray->askCloseAction();
        if (!chosen)
            return;
        m_gui.closeAction = *chosen;
        m_gui.save();
    }
    if (m_gui.closeAction == CloseAction::KeepInTray) {
        hide();
        m_tray->notifyStillServing();
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
    m_server->setQuitting();
    m_hub->stop();
    hide();
    m_tray->hide();
    connect(m_engine, &engine::Engine::stopped, qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    QTimer::singleShot(5000, qApp, &QCoreApplication::quit); // never hang on the way out
    m_engine->stop();
}

} // namespace fx::gui
