#pragma once

// The desktop's main window (shell in ui/mainwindow.ui): every panel is a dock (movable,
// closable, restorable from View, layout saved on exit with saveState and restored at start),
// a menu bar (File View Server Alerts Help), a toolbar (Start Stop Restart and the server,
// Redis and database states), a status bar (server address and state, clients, Redis,
// database, messages per second, open market sessions), and the tray icon.
//
// The window composes the desk; its jobs live in classes of their own: WindowLayout (docks, and
// saving and restoring their layout), StatusBarIndicators, AlertsBadge, CurrentTable, TrayNotifier
// (tray, alert notifications, closing to the tray), ServerControl (start, stop, restart, applying
// settings) and Shortcuts (the shortcut table).
//
// Thread contract: the window, its panels, models and EngineSampler live on the GUI thread. They
// read the running product (engine::Engine, owned by main) only through EngineSampler's bounded,
// coalesced snapshots, thread-safe accessors and asynchronous storage requests; nothing here
// waits on a socket or the database. The engine must outlive the window.

#include "core/settings.h"
#include "gui/guisettings.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QLabel;

namespace Ui {
class MainWindow;
}
namespace fx::engine {
class Engine;
struct MarketDelta;
} // namespace fx::engine

namespace fx::gui {

class AlertRulesModel;
class AlertRulesPanel;
class AlertsBadge;
class AlertsModel;
class AlertsPanel;
struct AlertRow;
class ChartPanel;
class ClientsModel;
class ClientsPanel;
class CurrentTable;
class EngineSampler;
class FleetModel;
class FleetPanel;
class MarketWatchModel;
class MarketWatchPanel;
class RoomsModel;
class RoomsPanel;
class ServerPanel;
class ServerControl;
class SettingsDialog;
class SmallMultiplesPanel;
class StatusBarIndicators;
class StatusIndicator;
struct StatusSnapshot;
class TablePanel;
class TrayNotifier;
class WindowLayout;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(engine::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Panels and models (tests, screenshots).
    ClientsPanel *clientsPanel() const { return m_clientsPanel; }
    RoomsPanel *roomsPanel() const { return m_roomsPanel; }
    MarketWatchPanel *marketWatchPanel() const { return m_marketPanel; }
    AlertsPanel *alertsPanel() const { return m_alertsPanel; }
    ServerPanel *serverPanel() const { return m_serverPanel; }
    ChartPanel *chartPanel() const { return m_chartPanel; }
    SmallMultiplesPanel *smallMultiples() const { return m_multiples; }
    FleetPanel *fleetPanel() const { return m_fleetPanel; }
    AlertRulesPanel *alertRulesPanel() const { return m_alertRulesPanel; }
    FleetModel *fleetModel() const { return m_fleetModel; }
    TrayNotifier *trayNotifier() const { return m_tray; }
    ClientsModel *clientsModel() const { return m_clientsModel; }
    RoomsModel *roomsModel() const { return m_roomsModel; }
    MarketWatchModel *marketWatchModel() const { return m_marketModel; }
    AlertsModel *alertsModel() const { return m_alertsModel; }
    EngineSampler *dataHub() const { return m_hub; }
    QDockWidget *dock(const QString &objectName) const;
    QList<QDockWidget *> docks() const;
    QAction *action(const QString &objectName) const;
    StatusIndicator *indicator(const QString &objectName) const;
    int newAlertCount() const;
    const GuiSettings &guiSettings() const { return m_gui; }
    // The table Ctrl+F / Ctrl+E act on: the one with focus, else the last one used.
    TablePanel *currentTable() const;

    // Server control (ServerControl). restartServer() asks first when confirm is set.
    bool startServer();
    // Tells the operator the server could not start (status bar and a message box).
    void showStartError(const QString &error);
    void stopServer();
    void restartServer(bool confirm);
    void restartServerWith(const core::Settings &settings);
    // Opens the settings dialog (non-modal to the event loop; returns it).
    SettingsDialog *openSettings();
    void applySettings(const core::Settings &settings, const QStringList &changed, const GuiSettings &gui);
    // Theme, flashing, stale period (not saved).
    void applyGuiSettings(const GuiSettings &gui);
    // Extra chart panel for a pair (raised when it exists).
    ChartPanel *openChart(const QString &pair);
    void resetLayout();
    void saveLayout() const;
    // Stops the engine, then quits the application.
    void quitApplication();

Q_SIGNALS:
    void serverStartFailed(const QString &error);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createModelsAndPanels();
    void createDocks();
    void connectActions();
    void onMarket(const engine::MarketDelta &delta);
    void onStatus(const StatusSnapshot &status);
    void onLiveAlerts(const QVector<AlertRow> &rows);
    void onOperatorAlert(const AlertRow &row);
    void showMessage(const QString &text, int ms = 5000);
    void showAbout();

    std::unique_ptr<Ui::MainWindow> m_ui;
    engine::Engine *m_engine;
    GuiSettings m_gui;
    EngineSampler *m_hub = nullptr;
    ClientsModel *m_clientsModel = nullptr;
    RoomsModel *m_roomsModel = nullptr;
    MarketWatchModel *m_marketModel = nullptr;
    AlertsModel *m_alertsModel = nullptr;
    ClientsPanel *m_clientsPanel = nullptr;
    RoomsPanel *m_roomsPanel = nullptr;
    MarketWatchPanel *m_marketPanel = nullptr;
    AlertsPanel *m_alertsPanel = nullptr;
    ServerPanel *m_serverPanel = nullptr;
    ChartPanel *m_chartPanel = nullptr;
    SmallMultiplesPanel *m_multiples = nullptr;
    FleetModel *m_fleetModel = nullptr;
    FleetPanel *m_fleetPanel = nullptr;
    AlertRulesModel *m_alertRulesModel = nullptr;
    AlertRulesPanel *m_alertRulesPanel = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    AlertsBadge *m_alertsBadge = nullptr;
    WindowLayout *m_layout = nullptr;
    ServerControl *m_server = nullptr;
    TrayNotifier *m_tray = nullptr;
    std::unique_ptr<StatusBarIndicators> m_indicators;
    CurrentTable *m_currentTable = nullptr;
    bool m_quitting = false;
};

} // namespace fx::gui
