#include "core/memoryreclaim.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMutex>
#include <QTimer>

#include <atomic>

namespace fx::core {

namespace {

Q_LOGGING_CATEGORY(lcMemory, "fx.memory")

std::atomic<qint64> g_releasedKb{0};
std::atomic<qint64> g_passes{0};
std::atomic<qint64> g_passNs{0};
std::atomic<qint64> g_longestPassNs{0};

} // namespace

qint64 releaseFreeMemory()
{
    const qint64 before = residentKb();
    QElapsedTimer t;
    t.start();
    if (!detail::trimHeap())
        return 0;
    const qint64 after = residentKb();
    const qint64 released = before >= 0 && after >= 0 && after < before ? before - after : 0;
    const qint64 ns = t.nsecsElapsed();
    g_releasedKb += released;
    ++g_passes;
    g_passNs += ns;
    for (qint64 longest = g_longestPassNs.load();
         ns > longest && !g_longestPassNs.compare_exchange_weak(longest, ns);) {}
    qCDebug(lcMemory, "returned %lld KiB of freed memory to the system in %lld us", static_cast<long long>(released),
            static_cast<long long>(ns / 1000));
    return released;
}

HeapUsage heapUsage()
{
    HeapUsage h;
    h.releasedBytes = g_releasedKb.load() * 1024;
    h.passes = g_passes.load();
    h.passSeconds = double(g_passNs.load()) / 1e9;
    h.longestPassSeconds = double(g_longestPassNs.load()) / 1e9;
    detail::mallocStats(&h.inUseBytes, &h.freeBytes);
    return h;
}

ProcessUsage sampledProcessUsage()
{
    static QMutex mutex;
    static ProcessUsage last;
    static QElapsedTimer age;
    QMutexLocker lock(&mutex);
    if (!age.isValid() || age.elapsed() >= 1000) {
        last.residentKb = residentKb();
        last.descriptors = openDescriptorCount();
        last.heap = heapUsage();
        age.start();
    }
    return last;
}

MemoryReclaimer::MemoryReclaimer(int intervalMs, qint64 growthKb, QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
    , m_growthKb(growthKb)
    , m_retainedKb(retainedKb())
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &MemoryReclaimer::check);
    m_timer->start();
}

qint64 MemoryReclaimer::retainedKb() const
{
    const qint64 resident = residentKb();
    const qint64 inUse = heapUsage().inUseBytes;
    return resident < 0 || inUse < 0 ? -1 : resident - inUse / 1024;
}

void MemoryReclaimer::check()
{
    const qint64 now = retainedKb();
    if (now < 0)
        return;
    if (m_retainedKb < 0 || now < m_retainedKb) { // less kept than before: the new reference
        m_retainedKb = now;
        return;
    }
    if (now - m_retainedKb < m_growthKb)
        return;
    const qint64 kb = releaseFreeMemory();
    m_retainedKb = retainedKb();
    if (kb > 0)
        Q_EMIT released(kb);
}

} // namespace fx::core
