#include "core/memoryreclaim.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTimer>

#include <cstdio>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fx::core {

namespace {

Q_LOGGING_CATEGORY(lcMemory, "fx.memory")

qint64 residentKb()
{
    // /proc/self/statm: size resident shared ... in pages.
    FILE *f = std::fopen("/proc/self/statm", "r");
    if (!f)
        return -1;
    long size = 0, resident = 0;
    const int n = std::fscanf(f, "%ld %ld", &size, &resident);
    std::fclose(f);
    return n == 2 ? qint64(resident) * (::sysconf(_SC_PAGESIZE) / 1024) : -1;
}

} // namespace

qint64 releaseFreeMemory()
{
#if defined(__GLIBC__)
    const qint64 before = residentKb();
    QElapsedTimer t;
    t.start();
    ::malloc_trim(0);
    const qint64 after = residentKb();
    const qint64 released = before >= 0 && after >= 0 && after < before ? before - after : 0;
    if (released > 0)
        qCDebug(lcMemory, "returned %lld KiB of freed memory to the system in %lld us",
                static_cast<long long>(released), static_cast<long long>(t.nsecsElapsed() / 1000));
    return released;
#else
    return 0;
#endif
}

MemoryReclaimer::MemoryReclaimer(int intervalMs, QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, [] { releaseFreeMemory(); });
    m_timer->start();
}

} // namespace fx::core
