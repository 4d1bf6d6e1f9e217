#pragma once

// Turns SIGINT/SIGTERM into a Qt signal on the thread that created the watcher. SIGHUP is a
// reload request (reloadRequested) once something is connected to it, else a termination request.
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): install() and restore() are
// signalwatcher_linux.cpp, the classic self-pipe (sigaction(); the async-signal-safe handler only
// write()s a byte to a socketpair a QSocketNotifier watches), or, with FX_PORTABLE,
// signalwatcher_portable.cpp: std::signal() sets an atomic flag a 50 ms QTimer polls (SIGINT and
// SIGTERM everywhere; SIGHUP where the platform defines it).

#include <QObject>

namespace fx::app {

class SignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignalWatcher)

public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);
    // SIGHUP, when connected (fxmonitor-server: re-read the TLS certificate, SECURITY.md "TLS").
    void reloadRequested();

private:
    void install(); // the seam: starts watching; its wake-up source is a child of this object
    void restore(); // the seam: the default handlers again
    void deliver(int signalNumber);
};

} // namespace fx::app
