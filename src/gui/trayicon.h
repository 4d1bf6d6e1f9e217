#pragma once

// The system-tray icon: the application icon (drawn from resources/icons/fxmonitor.svg) with
// a state dot (green serving, amber serving with Redis or the database in trouble, red
// stopped), the state in its tooltip, a menu, and notifications for new alerts. Absent when
// the desktop has no tray (isAvailable() false). GUI thread.

#include <QIcon>
#include <QObject>
#include <QSystemTrayIcon>

class QMenu;

namespace fx::gui {

enum class TrayState { Serving, Degraded, Stopped };

class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)

public:
    explicit TrayIcon(QMenu *menu, QObject *parent = nullptr);
    ~TrayIcon() override;

    static bool isAvailable();
    // The application icon with a dot of the state's colour.
    static QIcon iconFor(TrayState state);
    static QIcon appIcon();

    void setState(TrayState state, const QString &tooltip);
    TrayState state() const { return m_state; }
    void notify(const QString &title, const QString &message, QSystemTrayIcon::MessageIcon icon);
    void show();
    void hide();
    bool isVisible() const;

Q_SIGNALS:
    void activated();

private:
    QSystemTrayIcon *m_tray = nullptr;
    TrayState m_state = TrayState::Stopped;
    QString m_tooltip;
};

} // namespace fx::gui
