#include "app/signalwatcher.h"

#include <QMetaMethod>

#include <csignal>

namespace fx::app {

SignalWatcher::SignalWatcher(QObject *parent) : QObject(parent)
{
    install();
}

SignalWatcher::~SignalWatcher()
{
    restore();
}

void SignalWatcher::deliver(int signalNumber)
{
#ifdef SIGHUP
    if (signalNumber == SIGHUP && isSignalConnected(QMetaMethod::fromSignal(&SignalWatcher::reloadRequested))) {
        Q_EMIT reloadRequested();
        return;
    }
#endif
    Q_EMIT terminationRequested(signalNumber);
}

} // namespace fx::app
