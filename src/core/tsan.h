#pragma once

// ThreadSanitizer annotations (FX_SANITIZE=thread; TESTING.md, "ThreadSanitizer"). Debian's Qt
// libraries are not instrumented: a hand-over through Qt's own futex-based primitives (a
// Qt::BlockingQueuedConnection call, QThread::wait()) orders the two threads, but TSan cannot
// see it and reports every later access as a race. These functions state such a hand-over
// explicitly: release() on the thread that hands over, acquire() on the one that waited for
// it, both with the same address. Outside a TSan build they compile to nothing.

#if defined(__SANITIZE_THREAD__)
#include <sanitizer/tsan_interface.h>
#endif

namespace fx::core::tsan {

inline void release([[maybe_unused]] const void *handOver)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_release(const_cast<void *>(handOver));
#endif
}

inline void acquire([[maybe_unused]] const void *handOver)
{
#if defined(__SANITIZE_THREAD__)
    __tsan_acquire(const_cast<void *>(handOver));
#endif
}

} // namespace fx::core::tsan
