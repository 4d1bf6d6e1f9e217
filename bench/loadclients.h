#pragma once

// Shared by the benchmarks: the load generator and /proc readings.
//
// The load generator: plain epoll threads, each owning thousands of non-blocking sockets that
// speak just enough WebSocket (handshake, masked frames, pong replies). Cheap enough per
// message that the server, not the generator, is what gets measured. Prices that carry a
// "t_pub" field (microseconds since the epoch) are timed from publish to receipt. With tls set
// every socket speaks TLS (OpenSSL, non-blocking, no certificate check: the bench measures the
// server's cost, and its throw-away certificate is self-signed) before the same WebSocket bytes.

#include <QByteArray>
#include <QMutex>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

struct ssl_st; // OpenSSL's SSL

namespace fx::bench {

quint16 freePort();
qint64 rssKb(qint64 pid); // VmRSS of a process, -1 if unknown
double cpuSeconds(qint64 pid); // utime + stime of a process
double threadCpuSeconds(qint64 pid, qint64 tid);
void raiseFdLimit();
void pinToCpu(int cpu); // no-op on a single-core machine

struct ClientStats
{
    std::atomic<quint64> messages{0};
    std::atomic<int> connected{0};
    std::atomic<int> failed{0};
    std::atomic<int> closed{0};
    std::atomic<int> subscribed{0}; // subscription_confirmed received
    std::atomic<quint64> marked{0}; // text messages holding EpollClients::setCountMarker's marker
    // With trackIds(n): how many messages held the marker followed by " <id>", per id below n.
    void trackIds(int n)
    {
        markedById = std::make_unique<std::atomic<quint32>[]>(size_t(n));
        markedIds = n;
    }
    std::unique_ptr<std::atomic<quint32>[]> markedById;
    int markedIds = 0;
    QMutex mutex;
    std::vector<qint32> latencyUs; // workers add their samples at least every 250 ms

    // The samples gathered since the last call (a phase's share of them), sorted.
    std::vector<qint32> takeLatencies();
};

// p (0..1) of sorted samples, in milliseconds; 0 without samples.
double percentileMs(const std::vector<qint32> &sortedUs, double p);

// One server WebSocket frame (unmasked) at the front of [data, data + available): its opcode,
// payload and whole size; false while it is not complete.
struct ServerFrame
{
    int opcode = 0;
    const char *payload = nullptr;
    qint64 length = 0;
    qsizetype size = 0; // header and payload
};
bool nextServerFrame(const char *data, qsizetype available, ServerFrame *out);

class EpollClients
{
public:
    EpollClients(ClientStats *stats, int threads) : m_stats(stats)
    {
        for (int i = 0; i < threads; ++i)
            m_workers.push_back(std::make_unique<Worker>());
    }
    ~EpollClients() { stop(); }
    // Every client presents this JSON Web Token as ?token= on its upgrade request (empty: none).
    void setToken(QByteArray token) { m_token = std::move(token); }
    // Speak Socket.IO v4 over its WebSocket transport (/socket.io/?EIO=4&transport=websocket):
    // CONNECT to "/", subscribe with an event, answer the server's Engine.IO pings.
    void setSocketIo(bool on) { m_socketIo = on; }
    // Text messages containing marker are counted in ClientStats::marked.
    void setCountMarker(QByteArray marker) { m_marker = std::move(marker); }
    // Plain JSON clients: the text frames each client sends right after its subscribe, by the
    // client's number (0, 1, ... in the order they connect), e.g. set_alert requests.
    void setAfterSubscribe(std::function<std::vector<QByteArray>(int client)> frames)
    {
        m_afterSubscribe = std::move(frames);
    }
    // Bind each client to one of n loopback source addresses (127.0.0.2 .. 127.0.0.<n+1>, in
    // turn) before it connects, as n client machines would: a proxy hashing on the client's
    // address then spreads them over its servers. 0 (the default): the kernel's choice.
    void setSourceAddresses(int n) { m_sourceAddresses = std::clamp(n, 0, 250); }
    // At most n connections of each worker thread in their handshake at once (0, the default: no
    // limit), so a burst stays under the server's bound of handshakes in flight
    // (ConnectionLimits::kMaxHandshakes) however slow the server is to answer.
    void setMaxPendingHandshakes(int n) { m_maxPending = std::max(0, n); }

    void start(int clients, quint16 port, bool subscribe, bool tls = false)
    {
        m_stop = false;
        for (size_t w = 0; w < m_workers.size(); ++w) {
            const int n = clients / int(m_workers.size()) + (int(w) < clients % int(m_workers.size()) ? 1 : 0);
            Worker *worker = m_workers[w].get();
            worker->thread =
                std::thread([this, worker, n, port, subscribe, tls] { run(worker, n, port, subscribe, tls); });
        }
    }
    void stop()
    {
        m_stop = true;
        for (auto &w : m_workers)
            if (w->thread.joinable())
                w->thread.join();
    }

private:
    struct Conn
    {
        int fd = -1;
        bool upgraded = false;
        QByteArray in;
        ::ssl_st *ssl = nullptr; // with tls: the OpenSSL connection over fd
        bool handshaking = false;
        bool confirmed = false; // its subscription_confirmed came: no longer looked for
    };
    struct Worker
    {
        std::thread thread;
    };

    static void sendBytes(Conn &c, const char *data, size_t len);
    static void sendFrame(Conn &c, int opcode, const char *data, size_t len);
    void run(Worker *worker, int n, quint16 port, bool subscribe, bool tls);
    void handleFrame(Conn &c, const ServerFrame &f, qint64 now, bool subscribe, const QByteArray &sioConnect,
                     quint64 &count, std::vector<qint32> &lat);

    ClientStats *m_stats;
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::atomic<bool> m_stop{false};
    QByteArray m_token;
    QByteArray m_marker;
    std::function<std::vector<QByteArray>(int)> m_afterSubscribe;
    std::atomic<int> m_nextClient{0};
    bool m_socketIo = false;
    int m_sourceAddresses = 0;
    int m_maxPending = 0;
};

// An HS256 JSON Web Token for every load client (SECURITY.md, "Tokens"), made with Qt's HMAC.
QByteArray hs256Token(const QByteArray &secret, const QByteArray &claimsJson);

} // namespace fx::bench
