#pragma once

// The platform seam of the I/O threads' event loop (ARCHITECTURE.md, "Platform seams").

class QAbstractEventDispatcher;

namespace fx::core {

// The dispatcher for a server I/O thread (WorkerThread::setEventDispatcher): on Linux an
// EpollEventDispatcher (epolleventdispatcher.h), unless FX_EVENT_DISPATCHER=qt is in the
// environment (the benchmarks measure both) or the kernel refuses epoll; nullptr, Qt's own
// dispatcher, in the portable build.
QAbstractEventDispatcher *createIoEventDispatcher();

} // namespace fx::core
