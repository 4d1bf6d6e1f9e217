#pragma once

// Shared by the benchmarks: the processes they run (a private redis-server that can be killed
// and brought back on its port, a server whose "listening on host:port" line gives its port)
// and waiting without burning the load generator's core.

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <atomic>
#include <functional>
#include <thread>

namespace fx::bench {

// Runs the event loop for ms milliseconds, asleep between events (processEvents(flags, maxtime)
// never blocks: a loop of it would burn the load generator's core).
void spin(int ms);
// Spins until cond() holds or ms pass; cond()'s last value.
bool waitFor(const std::function<bool()> &cond, int ms);

// A redis-server of the bench's own on 127.0.0.1, no persistence. cpu >= 0 pins it (taskset).
class RedisProcess
{
public:
    explicit RedisProcess(int cpu = -1) : m_cpu(cpu) {}
    ~RedisProcess() { kill(); }
    // Starts it (on a free port the first time, on the same port after kill()).
    bool start();
    // SIGKILL: no shutdown, as a crash would do; start() brings it back.
    void kill();
    bool running() const { return m_proc.state() != QProcess::NotRunning; }
    quint16 port() const { return m_port; }

private:
    int m_cpu;
    quint16 m_port = 0;
    QTemporaryDir m_dir;
    QProcess m_proc;
};

// rate price ticks a second PUBLISHed on "price_updates" to a redis-server on 127.0.0.1, round
// the 20 default pairs, pipelined in slices of at most 256, from a thread of its own. Each carries
// "t_pub" (microseconds since the epoch) for the load clients' latency. walk 0: every price the
// same (1.10001 / 1.10012, 150.101 / 150.112 for the yen pairs); walk w > 0: the bid swings
// by up to w (0.002: 0.2 %) around it on a sine of 4,000 ticks, so that alert rules cross.
class TickPublisher
{
public:
    TickPublisher(quint16 redisPort, int rate, double walk = 0);
    ~TickPublisher() { stop(); }
    // Joins the thread; published() is final then.
    void stop();
    quint64 published() const { return m_published.load(); }

private:
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_published{0};
    std::thread m_thread;
};

// Starts program with args and waits (at most 10 s) for its "listening on <host>:<port>" line;
// the port, or 0 when it did not come (its output so far is in *output).
quint16 startListening(QProcess &proc, const QString &program, const QStringList &args, QByteArray *output = nullptr);

// GET path from 127.0.0.1:port (plain HTTP/1.1, at most 5 s); the body, empty on failure.
QByteArray httpGet(quint16 port, const QByteArray &path);
// The value of an unlabelled Prometheus series in a /metrics body; -1 when absent.
double metricValue(const QByteArray &metrics, const QByteArray &name);

} // namespace fx::bench
