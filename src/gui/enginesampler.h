#pragma once

// Feeds the desktop's panels from the running product, at bounded rates, on the GUI thread.
//
// Thread contract: an EngineSampler lives on the GUI thread with the engine it reads. It never
// waits on a socket or the database: it drains MarketDeltaBuffer (a short mutex) every 50 ms, asks the
// server for a client snapshot every 500 ms (StreamServer::requestClients collects it on the
// I/O threads and answers queued), and samples the lock-free server counters and the
// thread-safe Redis and storage status accessors 4 times a second. Every panel refreshes from
// these signals only, so no model is touched more than 20 times a second whatever the load.

#include "engine/enginestatus.h"
#include "engine/marketdeltabuffer.h"
#include "server/clientinfo.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>

class QTimer;

namespace fx::engine {
class Engine;
}

namespace fx::gui {

// One sample of everything the status bar, the toolbar and the server panel show: the
// engine's status plus what the desktop derives from successive samples.
struct StatusSnapshot : engine::EngineStatus
{
    double messagesPerSecond = 0;
    double bytesPerSecond = 0;
    double receivedPerSecond = 0;
    qint64 redisRetryInMs = 0; // time left before the next attempt (counting down)

    QStringList openSessions; // MarketSessions::openAt(now)
    bool marketOpen = false;
    qint64 sampledAtMs = 0;
};

class EngineSampler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSampler)

public:
    static constexpr int kMarketIntervalMs = 50; // ≤ 20 refreshes a second
    static constexpr int kClientsIntervalMs = 500;
    static constexpr int kStatusIntervalMs = 250; // 4 samples a second

    explicit EngineSampler(engine::Engine *engine, QObject *parent = nullptr);
    ~EngineSampler() override;

    engine::Engine *engine() const { return m_engine; }
    void start();
    void stop();
    const StatusSnapshot &lastStatus() const { return m_last; }
    // Asks for a client snapshot and samples the status now (after an operator action).
    void refreshSoon();
    // How old the newest client snapshot is (0: none asked for yet). An overloaded server
    // answers late: the clients panel says so rather than showing old rows as current.
    qint64 clientsAgeMs() const;

Q_SIGNALS:
    void marketUpdated(const fx::engine::MarketDelta &delta);
    void clientsUpdated(const QList<fx::server::ClientInfo> &clients);
    void statusUpdated(const fx::gui::StatusSnapshot &status);

private:
    void pollMarket();
    void pollClients();
    void pollStatus();

    engine::Engine *m_engine;
    QTimer *m_marketTimer;
    QTimer *m_clientsTimer;
    QTimer *m_statusTimer;
    bool m_clientsInFlight = false;
    qint64 m_clientsAnsweredMs = 0; // monotonic
    qint64 m_clientsAskedMs = 0;
    quint64 m_clientsGeneration = 0; // a server restart discards answers of the old one
    StatusSnapshot m_last;
    qint64 m_lastSampleNs = 0;
    quint64 m_lastMessages = 0, m_lastBytes = 0, m_lastReceived = 0;
    const void *m_lastServer = nullptr;
    // Redis retry countdown: the status says "retrying in N ms" as of the state change.
    QString m_redisKey;
    qint64 m_redisRetryDeadlineMs = 0;
};

} // namespace fx::gui

Q_DECLARE_METATYPE(fx::gui::StatusSnapshot)
