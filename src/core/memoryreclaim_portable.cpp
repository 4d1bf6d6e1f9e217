// The portable side of the memory reclaimer's platform seam (memoryreclaim.h), Qt only: Qt has
// no view of the process's resident size, its descriptors or the allocator's arenas, so every
// figure is unknown (-1) and nothing is released; the MemoryReclaimer's check then does nothing.

#include "core/memoryreclaim.h"

namespace fx::core {

qint64 residentKb()
{
    return -1;
}

int openDescriptorCount()
{
    return -1;
}

bool detail::trimHeap()
{
    return false;
}

bool detail::mallocStats(qint64 *, qint64 *)
{
    return false;
}

} // namespace fx::core
