#pragma once

// A hint to the CPU to start loading `lines` cache lines from p: reads only, never faults, so p
// may point past the end of an object (a null p: nothing). Used where a loop visits many cold
// objects one after the other (IoShard::flushStaged): asked for ahead, their misses overlap
// instead of adding up. Compilers without the builtin get nothing.

namespace fx::core {

inline void prefetch(const void *p, int lines = 1)
{
#if defined(__GNUC__) || defined(__clang__)
    if (!p)
        return;
    for (int i = 0; i < lines; ++i)
        __builtin_prefetch(static_cast<const char *>(p) + 64 * i);
#else
    (void)p;
    (void)lines;
#endif
}

} // namespace fx::core
