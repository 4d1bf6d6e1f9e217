#include "storage/storagethread.h"

#include "core/workerthread.h"

namespace fx::storage {

StorageThread::StorageThread(const StorageConfig &config)
    : m_storage(new Storage(config))
    , m_reader(new StorageReader(config))
    , m_writerThread(
          std::make_unique<core::WorkerThread>(m_storage, QStringLiteral("fx-storage"), [s = m_storage] { s->stop(); }))
    , m_readerThread(std::make_unique<core::WorkerThread>(m_reader, QStringLiteral("fx-storage-read"),
                                                          [r = m_reader] { r->stop(); }))
{
    m_writerThread->start([s = m_storage] { s->start(); });
    m_readerThread->start();
}

StorageThread::~StorageThread()
{
    // The reader first, then the writer (which writes what it can within stopFlushMs); both
    // are joined before either object is deleted.
    m_readerThread->stop();
    m_writerThread->stop();
}

} // namespace fx::storage
