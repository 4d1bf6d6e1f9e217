#pragma once

// Gives freed heap memory back to the system. glibc's malloc keeps what a burst of
// connections freed (per-thread arenas, free chunks in the middle of a heap) mapped for
// reuse, so after hundreds of clients come and go the resident size stays near its peak
// though nothing is in use; malloc_trim(0) returns the free pages (PERFORMANCE.md, "Soak").
// Elsewhere than glibc this does nothing.
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): residentKb(), openDescriptorCount() and
// the two functions in detail are memoryreclaim_linux.cpp (/proc/self, glibc's malloc_trim and
// mallinfo2) or, with FX_PORTABLE, memoryreclaim_portable.cpp, where every figure is unknown
// (-1: /metrics leaves those series out) and nothing is released.

#include <QObject>

class QTimer;

namespace fx::core {

// One pass over every arena; returns how much the resident size fell, in KiB (0 when unknown).
qint64 releaseFreeMemory();

// The resident size of this process in KiB (-1 when unknown); one small /proc read.
qint64 residentKb();

// What malloc holds (glibc's mallinfo2 over every arena; -1 elsewhere): bytes in use by the
// program (mmapped blocks included) and bytes free inside the arenas, kept for reuse. In use
// that stays up after a load is a leak or a cache; free that stays up is what
// releaseFreeMemory() can give back. Also the total it gave back since start.
struct HeapUsage
{
    qint64 inUseBytes = -1;
    qint64 freeBytes = -1;
    qint64 releasedBytes = 0;
    qint64 passes = 0; // releaseFreeMemory() calls
    double passSeconds = 0; // their total time
    double longestPassSeconds = 0;
};
HeapUsage heapUsage();

// Open file descriptors of this process (-1 when unknown).
int openDescriptorCount();

namespace detail {
// Gives the free pages of every arena back; false when the platform cannot.
bool trimHeap();
// Bytes malloc holds in use and free in its arenas; false (and -1 left) when unknown.
bool mallocStats(qint64 *inUseBytes, qint64 *freeBytes);
} // namespace detail

// The three above, sampled at most once a second whoever asks (any thread): /metrics may be
// requested thousands of times a second by a client that never reads the answers, and
// mallinfo2() walks every arena's free lists under its lock.
struct ProcessUsage
{
    qint64 residentKb = -1;
    int descriptors = -1;
    HeapUsage heap;
};
ProcessUsage sampledProcessUsage();

// Every intervalMs, on the thread it lives on, compares the resident size with the heap bytes in
// use, and calls releaseFreeMemory() when the difference (code, stacks and the free memory
// malloc keeps) grew by growthKb or more since the last pass that released (or since it was
// made): after a burst, not in a steady state however large, since one pass holds each arena's
// lock while it gives pages back (milliseconds for tens of megabytes).
class MemoryReclaimer final : public QObject
{
    Q_OBJECT

public:
    MemoryReclaimer(int intervalMs, qint64 growthKb, QObject *parent = nullptr);

Q_SIGNALS:
    void released(qint64 kb);

private:
    void check();

    qint64 retainedKb() const; // resident minus heap in use; -1 when unknown

    QTimer *m_timer;
    qint64 m_growthKb;
    qint64 m_retainedKb;
};

} // namespace fx::core
