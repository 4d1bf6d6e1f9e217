#pragma once

// get_alert_history served from the database: the server's AlertHistorySource
// (server/alerthistory.h) over the storage's StorageReader, which reads on its own thread
// (fx-storage-read), so no I/O thread ever waits on the database.
//
// Thread contract: fetch() is called on I/O threads; answers are given on the reader thread
// (the server posts them back to the client's shard). detach() (main thread) is called before
// the reader goes away: fetches after it, and queries still waiting, are answered as failed.

#include "server/alerthistory.h"
#include "storage/storageconfig.h"
#include "storage/storagetypes.h"

#include <QHash>
#include <QMetaObject>
#include <QMutex>

namespace fx::storage {
class StorageReader;
}

namespace fx::engine {

class StorageAlertHistory final : public server::AlertHistorySource
{
public:
    // reader null or engine None: every fetch is answered Disabled.
    StorageAlertHistory(storage::StorageReader *reader, storage::Engine engine);
    ~StorageAlertHistory() override;
    void fetch(const server::AlertHistoryQuery &query, std::function<void(server::AlertHistoryResult)> done) override;
    void detach();

    // One row of alert_history (PROTOCOL.md).
    static QJsonObject row(const storage::AlertRecord &alert);

private:
    using Done = std::function<void(server::AlertHistoryResult)>;
    void answer(quint64 id, server::AlertHistoryResult result);

    QMutex m_mutex; // guards everything below; held while a request is submitted
    storage::StorageReader *m_reader;
    const storage::Engine m_engine;
    QHash<quint64, Done> m_pending;
    QMetaObject::Connection m_ready;
    QMetaObject::Connection m_failed;
};

} // namespace fx::engine
