#pragma once

// The main window's tray icon: its menu (show or hide the window, start, stop, quit), its state
// (green serving, amber serving with Redis or the database in trouble, red stopped) and tooltip
// from each status sample, and notifications of new alerts of the severities chosen in the
// settings, at most one every two seconds: alerts arriving in between are held back and counted
// in the next notification, so a burst of alerts does not bury the desktop. And what closing the
// window does: keep serving in the tray, or stop the server and quit (asked once). GUI thread.

#include "gui/guisettings.h"

#include <QObject>
#include <QSystemTrayIcon>
#include <QVector>
#include <optional>

class QAction;
class QWidget;

namespace fx::gui {

struct AlertRow;
struct StatusSnapshot;
class TrayIcon;

class TrayNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayNotifier)

public:
    static constexpr qint64 kNotifyIntervalMs = 2000;

    // Shows the icon (where the desktop has a tray). The menu holds the window's start, stop and
    // quit actions; clicking the icon shows or hides the window.
    TrayNotifier(QWidget *window, QAction *start, QAction *stop, QAction *quit);
    ~TrayNotifier() override;

    void setStatus(const StatusSnapshot &s);
    // New alerts: a notification for those gui says to notify, unless one was shown less than
    // kNotifyIntervalMs ago.
    void notifyAlerts(const QVector<AlertRow> &rows, const GuiSettings &gui);
    // The window was closed and the server keeps serving: says so, and how to get the window back.
    void notifyStillServing();
    // Asks what closing the window should do (KeepInTray or Quit); nothing when cancelled.
    std::optional<CloseAction> askCloseAction();
    // False where the desktop has no tray.
    bool isVisible() const;
    void hide();

Q_SIGNALS:
    // A notification was shown (or would have been, where the desktop has no tray): tests.
    void notified(const QString &title, const QString &message);

private:
    void toggleWindow();

    QWidget *m_window;
    TrayIcon *m_tray;
    qint64 m_lastNotifyMs = 0;
    int m_heldNotifications = 0;
};

} // namespace fx::gui
