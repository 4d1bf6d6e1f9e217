#pragma once

// Turns SIGINT/SIGTERM into a Qt signal on the thread that created the watcher, with the
// classic self-pipe: the async-signal-safe handler only write()s a byte. SIGHUP is a reload
// request (reloadRequested) once something is connected to it, else a termination request.

#include <QObject>

class QSocketNotifier;

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
    void onReadable();
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fx::app
