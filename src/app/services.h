#pragma once

// The running product, shared by fxmonitor-server and the desktop app: the streaming server,
// the Redis subscriber on its thread, and the relay between them.
//
// Thread contract: a Services object lives on the main thread and is used only there. The
// server and the subscriber run on their own threads; the main thread never waits on a socket.

#include "app/markettap.h"
#include "app/relay.h"
#include "core/settings.h"

#include <QObject>
#include <memory>

namespace fx::redis {
class RedisSubscriber;
class RedisSubscriberThread;
} // namespace fx::redis
namespace fx::server {
class StreamServer;
}
namespace fx::storage {
class Storage;
class StorageReader;
class StorageThread;
} // namespace fx::storage

namespace fx::app {

class Services final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Services)

public:
    explicit Services(core::Settings settings, QObject *parent = nullptr);
    ~Services() override;

    // Starts the server (binds; false with *error) and the Redis subscriber.
    bool start(QString *error);
    // Desktop app: the storage and the Redis subscriber start whatever happens, then the
    // server; a server that cannot start (port in use) is reported in *error (false) and can be
    // started later with startServer() once the operator has changed its settings.
    bool startKeepingPipeline(QString *error);
    // Desktop app: replaces the Redis subscriber with one for new REDIS_* settings (the server
    // and the storage keep running; clients stay connected).
    void restartRedis(const core::Settings &settings);
    // Graceful stop of everything; emits stopped().
    void stop();

    // The server alone, with new settings (desktop app): stop, then start again.
    bool startServer(const core::Settings &settings, QString *error);
    void stopServer();
    bool serverRunning() const;

    const core::Settings &settings() const { return m_settings; }
    server::StreamServer *server() const { return m_server.get(); }
    redis::RedisSubscriber *redis() const;
    // Live market data for the GUI (fed from the Redis thread, drained by the GUI's timer).
    MarketTap *marketTap() const { return m_tap.get(); }
    storage::Storage *storage() const;
    storage::StorageReader *storageReader() const;

Q_SIGNALS:
    void serverStarted();
    void serverStopped();
    void stopped();

private:
    void startStorage();
    void startRedis();
    void onServerStopped();
    void connectServerToStorage(server::StreamServer *server);

    core::Settings m_settings;
    Relay m_relay;
    std::unique_ptr<MarketTap> m_tap;
    std::unique_ptr<server::StreamServer> m_server;
    std::unique_ptr<redis::RedisSubscriberThread> m_redis;
    std::unique_ptr<storage::StorageThread> m_storage; // outlives the server (its threads write to it)
    bool m_stopping = false;
};

} // namespace fx::app
