// The portable side of the signal watcher's platform seam (signalwatcher.h), standard C++ and Qt
// only: std::signal() handlers set a bit in a lock-free atomic (all a handler may portably do),
// and a QTimer on the watcher's thread polls it every 50 ms. SIGINT and SIGTERM exist on every
// platform (on Windows, Ctrl+C and the C runtime's termination request); SIGHUP, the reload
// request, only where the platform defines it. A delivered signal reaches the watcher within
// 50 ms instead of at once.

#include "app/signalwatcher.h"

#include <QTimer>

#include <atomic>
#include <csignal>

namespace fx::app {

namespace {
constexpr int kWatched[] = {
    SIGINT,
    SIGTERM,
#ifdef SIGHUP
    SIGHUP,
#endif
};

std::atomic<unsigned> g_pending{0}; // bit i: kWatched[i] arrived
static_assert(std::atomic<unsigned>::is_always_lock_free);

void onSignal(int sig)
{
    for (unsigned i = 0; i < std::size(kWatched); ++i) {
        if (kWatched[i] == sig)
            g_pending.fetch_or(1u << i);
    }
    std::signal(sig, onSignal); // where a handler is reset to the default once it ran
}
} // namespace

void SignalWatcher::install()
{
    for (const int sig : kWatched)
        std::signal(sig, onSignal);
#ifdef SIGPIPE
    std::signal(SIGPIPE, SIG_IGN);
#endif
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        const unsigned pending = g_pending.exchange(0);
        for (unsigned i = 0; i < std::size(kWatched); ++i) {
            if (pending & (1u << i))
                deliver(kWatched[i]);
        }
    });
    poll->start(50);
}

void SignalWatcher::restore()
{
    for (const int sig : kWatched)
        std::signal(sig, SIG_DFL);
}

} // namespace fx::app
