#include "app/servicenotifier.h"

#include <algorithm>

#ifdef FX_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace fx::app {

ServiceNotifier::ServiceNotifier(QObject *parent) : QObject(parent)
{
#ifdef FX_HAVE_LIBSYSTEMD
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        // Half the interval, as sd_watchdog_enabled(3) advises; at least every millisecond.
        m_watchdog.setInterval(int(std::max<uint64_t>(1, usec / 2000)));
        m_watchdog.setTimerType(Qt::PreciseTimer);
        connect(&m_watchdog, &QTimer::timeout, this, [this] { notify(QByteArrayLiteral("WATCHDOG=1")); });
        m_watchdog.start();
    }
#endif
}

bool ServiceNotifier::available()
{
#ifdef FX_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

void ServiceNotifier::notify(const QByteArray &state)
{
#ifdef FX_HAVE_LIBSYSTEMD
    sd_notify(0, state.constData());
#else
    Q_UNUSED(state);
#endif
}

static QByteArray statusLine(const QString &status)
{
    // One line: STATUS= ends at a newline.
    return "STATUS=" + status.simplified().toUtf8();
}

void ServiceNotifier::ready(const QString &status)
{
    notify("READY=1\n" + statusLine(status));
}

void ServiceNotifier::status(const QString &status)
{
    notify(statusLine(status));
}

void ServiceNotifier::stopping(const QString &status)
{
    m_watchdog.stop();
    notify("STOPPING=1\n" + statusLine(status));
}

} // namespace fx::app
