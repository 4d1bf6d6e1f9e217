#pragma once

// Owns a Storage (writer) and a StorageReader, each on its own QThread.
//
// Thread contract: construct and destroy it on one thread that is neither of its own (the main
// thread in the app). The constructor moves both objects to their threads and starts them;
// the Storage opens the database and migrates on its thread, so construction never waits on
// the database (watch storage()->status() / statusChanged). The destructor lets the Storage
// write what it can within StorageConfig::stopFlushMs (plus at most one statement already
// running), closes both connections on their threads and joins.

#include "storage/storage.h"
#include "storage/storageconfig.h"
#include "storage/storagereader.h"

#include <memory>

namespace fx::core {
class WorkerThread;
}

namespace fx::storage {

class StorageThread
{
    Q_DISABLE_COPY_MOVE(StorageThread)

public:
    explicit StorageThread(const StorageConfig &config);
    ~StorageThread();

    Storage *storage() const { return m_storage; }
    StorageReader *reader() const { return m_reader; }

private:
    Storage *m_storage; // owned by m_writerThread
    StorageReader *m_reader; // owned by m_readerThread
    std::unique_ptr<core::WorkerThread> m_writerThread;
    std::unique_ptr<core::WorkerThread> m_readerThread;
};

} // namespace fx::storage
