#pragma once

// The soak's hostile and careless clients: plain epoll threads, each owning a share of raw TCP
// connections that misbehave in one way each, over plain JSON WebSocket (/ws) or Socket.IO's
// WebSocket transport (/socket.io/?EIO=4&transport=websocket), and connect again once their
// connection is gone, until stop(). What the server answered them is counted per kind: the
// HTTP status of a refused request, the close code of a WebSocket close.

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace fx::bench {

enum class AbuseKind {
    Churn, // upgrades, subscribes, reads for 1-5 s, closes properly; again
    Silent, // upgrades, subscribes, never reads; reset after 20-40 s
    SlowReader, // upgrades, subscribes, reads 4 KiB every 250 ms
    Garbage, // upgrades, then malformed frames and packets every 50 ms
    Oversized, // upgrades, then streams one message far over WEBSOCKET_MAX_MESSAGE_SIZE
    Dropper, // upgrades, subscribes, vanishes after 0.3-3 s without a close (FIN or reset)
    SlowHeader, // one header line a second, never ending the request head
    Pipelined, // pipelined GET /metrics, never reading the answers; reset after 20 s
    Flooder, // upgrades, subscribes, sends 2,000 requests a second
    Mute, // connects and sends nothing
};
constexpr int kAbuseKinds = 10;
const char *abuseKindName(AbuseKind kind);

struct AbuseCounters
{
    std::atomic<quint64> sessions{0}; // connections opened
    std::atomic<quint64> upgraded{0}; // WebSocket upgrades answered with 101
    std::atomic<quint64> connectFailed{0};
    std::atomic<quint64> serverClosed{0}; // the server ended the connection (close frame, FIN or reset)
    std::atomic<quint64> bytesSent{0};
    std::atomic<quint64> bytesRead{0};
    // HTTP statuses of refused requests, WebSocket close codes received: value and count.
    static constexpr int kSlots = 12;
    std::array<std::atomic<int>, kSlots> codes{};
    std::array<std::atomic<quint64>, kSlots> codeCounts{};
    void countCode(int code);
    QString codesText() const; // "408x12 1009x3"
};

class Abusers
{
public:
    // perKind connections of each kind, half of them plain JSON and half Socket.IO (Pipelined,
    // SlowHeader and Mute speak no WebSocket: for them the two halves differ only by path).
    // kindMask: bit i set runs AbuseKind(i) (default: every kind).
    Abusers(quint16 port, int perKind, int threads, unsigned kindMask = ~0u);
    ~Abusers();
    void start();
    void stop();
    // One line per kind and protocol with what the server answered.
    QString report() const;
    quint64 totalSessions() const;

private:
    struct Slot;
    void run(int thread);

    quint16 m_port;
    int m_perKind;
    int m_threads;
    unsigned m_kindMask;
    std::atomic<bool> m_stop{false};
    std::vector<std::thread> m_workers;
    // [kind][socketIo]
    std::array<std::array<AbuseCounters, 2>, kAbuseKinds> m_counters;
};

} // namespace fx::bench
