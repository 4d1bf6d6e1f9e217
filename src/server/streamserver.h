#pragma once

// The embedded streaming server: one listening port for plain JSON WebSocket, Socket.IO,
// /health and /metrics.
//
// Threads: the StreamServer object lives on the thread that created it (the main thread in
// both executables) and only starts and stops the others. One accept thread owns the
// listening socket; N I/O threads (IoShard) own every client. publish() is thread-safe and
// is what the Redis subscriber calls: the event is encoded once, here, and the same bytes are
// posted to every shard. Stop publishing before destroying the server.

#include "core/marketdata.h"
#include "server/broadcast.h"
#include "server/feedstatus.h"
#include "server/ioshard.h"
#include "server/serveroptions.h"

#include <QHostAddress>
#include <QObject>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>

namespace fx::core {
class WorkerThread;
}

namespace fx::server {

class Acceptor;
class ServerContext;

class StreamServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StreamServer)

public:
    explicit StreamServer(ServerOptions options, QObject *parent = nullptr);
    ~StreamServer() override;

    // Starts the threads and binds. Binding happens on the accept thread; the call waits for
    // its result (microseconds, no network I/O).
    bool start(QString *error);
    // Graceful stop: stop accepting, close every client with 1001, then emit stopped().
    // Clients that do not complete the close handshake within 1.5 s are cut off.
    void stop();
    bool isRunning() const { return m_running; }

    quint16 port() const { return m_port; }
    // SECURITY.md, "TLS": "wss"/"https" with WEBSOCKET_TLS_CERT, else "ws"/"http".
    bool tlsEnabled() const;
    // Re-reads the certificate and key (SIGHUP, the desktop's "Reload TLS certificate"): on
    // success new handshakes use them and connected clients stay; on failure nothing changes.
    // *message says what happened either way (one line, no key material). Reads two small
    // files on the calling thread; never waits on a shard.
    bool reloadTls(QString *message);
    // SIGHUP (docs/OPERATIONS.md, "Reload"): CORS_ALLOWED_ORIGINS (an empty list: any origin)
    // and WEBSOCKET_MAX_CONNECTIONS_PER_IP for the requests and clients that come from now on.
    void setCorsOrigins(const QStringList &origins);
    void setMaxClientsPerIp(int maxClientsPerIp);
    // WEBSOCKET_RATE_LIMIT and WEBSOCKET_RATE_BURST for every client's next request.
    void setRateLimits(double perSecond, int burst);
    // SECURITY.md, "Tokens": the keys new tokens are checked with (connected clients stay).
    void setTokenVerifier(std::shared_ptr<const auth::TokenVerifier> verifier);
    // The certificate new connections get, in words (never key material); any thread.
    QString tlsCertificate() const;
    QHostAddress address() const;
    const ServerOptions &options() const;
    ServerContext &context() { return *m_ctx; }

    // Any thread.
    void publish(const QList<core::MarketEvent> &events);
    void publish(const BroadcastBatch &batch);
    // Prices for request_price / request_all_prices only, sent to no client (cache warm-up).
    void warmCache(const QList<core::MarketEvent> &prices);
    void setRedisStatus(const QJsonObject &status);
    void setRedisStatusProvider(std::function<QJsonObject()> provider);
    void setDatabaseStatus(const QJsonObject &status);
    // PROTOCOL.md, feed_status: the state connection_established reports from now on; with
    // announce, also a feed_status event to every client that sent subscribe (in order with
    // the broadcasts published before and after).
    void setFeedStatus(const FeedStatus &status, bool announce);
    // Disconnects a client by id; any thread.
    void kick(const QByteArray &clientId);
    // Collects every shard's clients on their threads, then calls done(list) on context's
    // thread (queued). Never blocks the caller. Nothing is called if the server stops first.
    void requestClients(QObject *context, const std::function<void(const QList<ClientInfo> &)> &done);
    // The desk's alert rules panel (PROTOCOL.md, "Alert rules"): every rule with its owner,
    // copied on the I/O threads (each shard names its connected owners by client id); `collect`
    // runs on the last shard's thread. Never blocks the caller; nothing is called when the
    // server has no shard.
    void requestAlertRules(std::function<void(QList<OwnedAlertRule>)> collect);
    // Operator actions on any owner's rule, done on an I/O thread; the owner, when connected, is
    // told (alert_updated, or alert_deleted with reason "deleted_by_operator"). Any thread.
    void setAlertRuleEnabled(const QString &id, bool enabled);
    void deleteAlertRule(const QString &id);
    // The desk's own rule (PROTOCOL.md, "Desk rules"), parsed with rules::parseAlertRule
    // (allowBroadcast), added on an I/O thread; `done` gets the book's answer there (the rule
    // with its id, or the refusal). Nothing is called when the server has no shard. Any thread.
    void addDeskRule(rules::AlertRule rule, std::function<void(rules::BookResult)> done);
    // Every shard's IoShard object, for connecting clientConnected/clientDisconnected
    // (queued) and requesting client snapshots.
    QList<IoShard *> shards() const;
    // Called by start() on this thread with each new IoShard before its thread runs: signal
    // connections made here are in place before the first client, and the thread start orders
    // them before its first emission (no connect() racing a running I/O thread).
    void setShardSetup(std::function<void(IoShard *)> setup) { m_shardSetup = std::move(setup); }

Q_SIGNALS:
    void stopped();

private:
    void onShardDrained();
    // The rules that fired in one batch: the desk's broadcast ones to every permitted client
    // (encoded once each), then ServerOptions::onRulesFired. The publishing thread.
    void rulesFired(const std::vector<FiredRule> &fired);
    void joinThreads();

    std::unique_ptr<ServerContext> m_ctx;
    core::WorkerThread *m_acceptThread = nullptr; // owns m_acceptor
    Acceptor *m_acceptor = nullptr;
    QList<core::WorkerThread *> m_ioThreads; // own the shards
    std::function<void(IoShard *)> m_shardSetup;
    // Freed memory back to the system when what malloc keeps grew by 2 MiB, checked every
    // 30 s (core/memoryreclaim.h); made by start().
    QObject *m_reclaimer = nullptr;
    QList<IoShard *> m_shards; // written under m_shardsLock (exclusive), read by publishers (shared)
    mutable std::shared_mutex m_shardsLock;
    std::mutex m_publishOrder; // publish(events): positions given and batches enqueued in one order
    quint16 m_port = 0;
    int m_drained = 0;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace fx::server
