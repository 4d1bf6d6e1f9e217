#pragma once

// Gives freed heap memory back to the system. glibc's malloc keeps what a burst of
// connections freed (per-thread arenas, free chunks in the middle of a heap) mapped for
// reuse, so after hundreds of clients come and go the resident size stays near its peak
// though nothing is in use; malloc_trim(0) returns the free pages (PERFORMANCE.md, "Soak").
// Elsewhere than glibc this does nothing.

#include <QObject>

class QTimer;

namespace fx::core {

// One pass over every arena; returns how much the resident size fell, in KiB (0 when unknown).
qint64 releaseFreeMemory();

// Calls releaseFreeMemory() every intervalMs on the thread it lives on.
class MemoryReclaimer final : public QObject
{
    Q_OBJECT

public:
    explicit MemoryReclaimer(int intervalMs, QObject *parent = nullptr);

private:
    QTimer *m_timer;
};

} // namespace fx::core
