#include "storage/storagethread.h"

#include <QThread>

namespace fx::storage {

StorageThread::StorageThread(StorageConfig config)
    : m_writerThread(new QThread)
    , m_readerThread(new QThread)
    , m_storage(new Storage(config))
    , m_reader(new StorageReader(config))
{
    m_writerThread->setObjectName(QStringLiteral("fx-storage"));
    m_readerThread->setObjectName(QStringLiteral("fx-storage-read"));
    m_storage->moveToThread(m_writerThread);
    m_reader->moveToThread(m_readerThread);
    m_writerThread->start();
    m_readerThread->start();
    QMetaObject::invokeMethod(m_storage, &Storage::start, Qt::QueuedConnection);
}

StorageThread::~StorageThread()
{
    if (m_readerThread->isRunning()) {
        QMetaObject::invokeMethod(m_reader, &StorageReader::stop, Qt::BlockingQueuedConnection);
        m_readerThread->quit();
        m_readerThread->wait();
    }
    if (m_writerThread->isRunning()) {
        QMetaObject::invokeMethod(m_storage, &Storage::stop, Qt::BlockingQueuedConnection);
        m_writerThread->quit();
        m_writerThread->wait();
    }
    delete m_reader;
    delete m_storage;
    delete m_readerThread;
    delete m_writerThread;
}

} // namespace fx::storage
