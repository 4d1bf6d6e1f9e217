// The fast side of the memory reclaimer's platform seam (memoryreclaim.h): the resident size and
// the open descriptors from /proc/self, the heap through glibc's malloc_trim and mallinfo2.

#include "core/memoryreclaim.h"

#include <QDir>

#include <cstdio>
#include <unistd.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace fx::core {

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

int openDescriptorCount()
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    // One entry is the descriptor that lists the folder.
    return fds.exists() ? int(fds.entryList(QDir::NoDotAndDotDot | QDir::System).size()) - 1 : -1;
}

bool detail::trimHeap()
{
#if defined(__GLIBC__)
    ::malloc_trim(0);
    return true;
#else
    return false;
#endif
}

bool detail::mallocStats([[maybe_unused]] qint64 *inUseBytes, [[maybe_unused]] qint64 *freeBytes)
{
#if defined(__GLIBC__)
    const struct mallinfo2 m = ::mallinfo2();
    *inUseBytes = qint64(m.uordblks + m.hblkhd);
    *freeBytes = qint64(m.fordblks);
    return true;
#else
    return false;
#endif
}

} // namespace fx::core
