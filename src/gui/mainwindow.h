#pragma once

// The desktop's main window (shell in ui/mainwindow.ui): every panel is a dock (movable,
// closable, restorable from View, layout saved on exit with saveState and restored at start),
// a menu bar (File View Server Alerts Help), a toolbar (Start Stop Restart and the server,
// Redis and database states), a status bar (server address and state, clients, Redis,
// database, messages per second, open market sessions), and the tray icon.
//
// Thread contract: the window, its panels, models and EngineSampler live on the GUI thread. They
// read the running product (engine::Engine, owned by main) only through EngineSampler's bounded,
// coalesced snapshots, thread-safe accessors and asynchronous storage requests; nothing here
// waits on a socket or the database. The engine must outlive the window.

#include "core/settings.h"
#include "gui/guisettings.h"

#include <QMainWindow>
#include <QPointer>
#include <functional>
#include <memory>
#include <optional>

class QDockWidget;
class QLabel;

namespace Ui {
class MainWindow;
}
namespace fx::engine {
class Engine;
struct MarketDelta;
}

namespace fx::gui {

class AlertsModel;
class AlertsPanel;
struct AlertRow;
class ChartPanel;
class ClientsModel;
class ClientsPanel;
class EngineSampler;
class MarketWatchModel;
class MarketWatchPanel;
class RoomsModel;
class RoomsPanel;
class ServerPanel;
class SettingsDialog;
class SmallMultiplesPanel;
class StatusIndicator;
struct StatusSnapshot;
class TablePanel;
class TrayIcon;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int kLayoutVersion = 1;

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
    ClientsModel *clientsModel() const { return m_clientsModel; }
    RoomsModel *roomsModel() const { return m_roomsModel; }
    MarketWatchModel *marketWatchModel() const { return m_marketModel; }
    AlertsModel *alertsModel() const { return m_alertsModel; }
    EngineSampler *dataHub() const { return m_hub; }
    QDockWidget *dock(const QString &objectName) const;
    QList<QDockWidget *> docks() const;
    QAction *action(const QString &objectName) const;
    StatusIndicator *indicator(const QString &objectName) const;
    int newAlertCount() const { return m_newAlerts; }
    const GuiSettings &guiSettings() const { return m_gui; }
    // The table Ctrl+F / Ctrl+E act on: the one with focus, else the last one used.
    TablePanel *currentTable() const;

    // Server control. restartServer() asks first when confirm is set.
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
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createModelsAndPanels();
    void createDocks();
    void createStatusWidgets();
    void connectActions();
    void applyDefaultLayout();
    void applyDefaultSizes();
    void restoreLayout();
    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    void onMarket(const engine::MarketDelta &delta);
    void onStatus(const StatusSnapshot &status);
    void onLiveAlerts(const QVector<AlertRow> &rows);
    void onServerStopped();
    void updateAlertsBadge();
    void updateServerActions();
    void showMessage(const QString &text, int ms = 5000);
    // A window-modal question that does not block the event loop.
    void ask(const QString &title, const QString &text, const QString &yes, std::function<void()> onYes);
    void showShortcuts();
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
    QList<QPointer<ChartPanel>> m_extraCharts; // closing one deletes it: the pointer becomes null
    QList<ChartPanel *> extraCharts() const;
    QDockWidget *m_alertsDock = nullptr;
    TrayIcon *m_tray = nullptr;
    QList<StatusIndicator *> m_indicators;
    QPointer<TablePanel> m_currentTable;
    core::Settings m_effective; // settings for the next server start (saved ones under .env/env/flags)
    std::optional<core::Settings> m_pendingRestart;
    int m_newAlerts = 0;
    qint64 m_lastNotifyMs = 0;
    int m_heldNotifications = 0;
    bool m_quitting = false;
    bool m_layoutRestored = false;
    bool m_shownOnce = false;
};

} // namespace fx::gui
