#pragma once

// What fxmonitor-server tells systemd (docs/OPERATIONS.md, "The service"): READY=1 with a
// STATUS= line once it listens, STOPPING=1 when it stops, and WATCHDOG=1 from the main thread's
// event loop at half of WatchdogSec= when systemd asks for it (WATCHDOG_USEC), so a hung main
// loop gets the service restarted. Through libsystemd's sd_notify when the build found
// libsystemd (FX_WITH_SYSTEMD, src/app/CMakeLists.txt); without it, or without NOTIFY_SOCKET in
// the environment, every call does nothing.

#include <QObject>
#include <QTimer>

namespace fx::app {

class ServiceNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServiceNotifier)

public:
    // Starts the watchdog pings when the service manager asked for them.
    explicit ServiceNotifier(QObject *parent = nullptr);

    // The build has libsystemd (else every call is a no-op).
    static bool available();
    void ready(const QString &status);
    void status(const QString &status);
    void stopping(const QString &status);
    // The watchdog's ping period in milliseconds; 0 when no watchdog was asked for.
    int watchdogIntervalMs() const { return m_watchdog.isActive() ? m_watchdog.interval() : 0; }

private:
    void notify(const QByteArray &state);
    QTimer m_watchdog;
};

} // namespace fx::app
