// SECURITY.md, "Bounds", against the real server process: what one connection may queue,
// how long a request head may take, how many connections may be in their handshake (in all and
// per address), WEBSOCKET_MAX_CONNECTIONS_PER_IP over both protocols, the close code of an
// oversized message read by real clients, and accepting after the descriptors ran out. Each
// bound at, just under and over its limit, each hit counted in /metrics.

#include "core/platform.h"
#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/serverprocess.h"
#include "support/testpki.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <memory>
#include <vector>

#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <cerrno>

using namespace fx::test;

namespace {

constexpr int kHandshakesPerAddress = 1024; // ConnectionLimits::kMaxHandshakesPerAddress
constexpr int kHandshakes = 4096; // ConnectionLimits::kMaxHandshakes

QProcessEnvironment env(const QList<QPair<QString, QString>> &vars)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const auto &[k, v] : vars)
        e.insert(k, v);
    return e;
}

// One request on a connection from a chosen local address (127.0.0.2 is another client).
HttpReply requestFrom(const QHostAddress &local, quint16 port, const QByteArray &target, int timeoutMs = 5000)
{
    QTcpSocket s;
    s.bind(local);
    s.connectToHost(QHostAddress::LocalHost, port);
    HttpReply r;
    if (!s.waitForConnected(timeoutMs))
        return r;
    s.write("GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray buf;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs && s.state() == QAbstractSocket::ConnectedState) {
        if (s.waitForReadyRead(100))
            buf += s.readAll();
    }
    buf += s.readAll();
    const qsizetype end = buf.indexOf("\r\n\r\n");
    if (!buf.startsWith("HTTP/1.1 ") || end < 0)
        return r;
    r.status = buf.mid(9, 3).toInt();
    r.head = buf.left(end);
    r.body = buf.mid(end + 4);
    return r;
}

double metric(const QByteArray &metrics, const QByteArray &nameAndLabels)
{
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(nameAndLabels + ' '))
            return line.mid(nameAndLabels.size() + 1).toDouble();
    return -1;
}

double boundHits(quint16 port, const char *bound, const QHostAddress &from = QHostAddress(QStringLiteral("127.0.0.9")))
{
    const HttpReply m = requestFrom(from, port, "/metrics");
    return metric(m.body, QByteArray("fxmonitor_bound_hits_total{bound=\"") + bound + "\"}");
}

double handshakesInProgress(quint16 port)
{
    return metric(requestFrom(QHostAddress(QStringLiteral("127.0.0.9")), port, "/metrics").body,
                  "fxmonitor_handshakes_in_progress");
}

// GET /metrics over TLS from 127.0.0.9 (an address no case holds connections from); empty when
// the TLS handshake fails.
QByteArray metricsOverTls(quint16 port, const QSslConfiguration &conf)
{
    QSslSocket probe;
    probe.setSslConfiguration(conf);
    probe.bind(QHostAddress(QStringLiteral("127.0.0.9")));
    probe.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    if (!probe.waitForEncrypted(5000))
        return {};
    probe.write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    QByteArray got;
    QElapsedTimer w;
    w.start();
    while (probe.state() == QAbstractSocket::ConnectedState && w.elapsed() < 5000)
        if (probe.waitForReadyRead(100))
            got += probe.readAll();
    return got + probe.readAll();
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    static const QRegularExpression re(QStringLiteral("VmRSS:\\s+(\\d+)"));
    return re.match(QString::fromLatin1(f.readAll())).captured(1).toLongLong();
}

qint64 cpuTicks(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong(); // utime + stime
}

// A raw non-blocking TCP connection from a local address, for attackers that never read.
int rawConnect(quint16 port, const char *from = "127.0.0.1", int rcvbuf = 0)
{
    // SOCK_CLOEXEC: a server started later by this test must not inherit the held connections.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (rcvbuf > 0)
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof rcvbuf);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from, &local.sin_addr);
    ::bind(fd, reinterpret_cast<sockaddr *>(&local), sizeof local);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// Raw connections an attacker holds open without a word; closed when the case ends, however it
// ends (a failed check must not leave a thousand descriptors to the next case).
class HeldConnections
{
public:
    HeldConnections() = default;
    HeldConnections(const HeldConnections &) = delete;
    HeldConnections &operator=(const HeldConnections &) = delete;
    ~HeldConnections() { closeAll(); }
    // n more connections from one local address; false when one could not connect.
    bool open(quint16 port, int n, const char *from = "127.0.0.1")
    {
        for (int i = 0; i < n; ++i) {
            const int fd = rawConnect(port, from);
            if (fd < 0)
                return false;
            m_fds.push_back(fd);
        }
        return true;
    }
    void closeNewest()
    {
        ::close(m_fds.back());
        m_fds.pop_back();
    }
    void closeAll()
    {
        for (int fd : m_fds)
            ::close(fd);
        m_fds.clear();
    }

private:
    std::vector<int> m_fds;
};

void raiseFileLimit()
{
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
}

// Descriptors this process may open (the server raises its own limit the same way).
rlim_t fileLimit()
{
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    return rl.rlim_cur;
}

} // namespace

class TestBounds : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { raiseFileLimit(); }

    // Pipelined GET /metrics from a client that never reads: the server stops reading it past
    // 1 MiB of queued responses, closes it after the 10 s drain deadline, and stays small.
    void pipelinedRequestsNeverRead()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const qint64 rssBefore = rssKb(server.pid());
        const int fd = rawConnect(server.port(), "127.0.0.1", 4096);
        QVERIFY(fd >= 0);
        QByteArray burst;
        for (int i = 0; i < 200; ++i)
            burst += "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n";
        qint64 rssMax = rssBefore;
        qint64 sentBytes = 0;
        QElapsedTimer t;
        t.start();
        bool reset = false;
        while (t.elapsed() < 25000 && !reset) {
            const ssize_t n = ::send(fd, burst.constData(), size_t(burst.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n > 0)
                sentBytes += n;
            else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                reset = true; // the server closed the connection
            rssMax = std::max(rssMax, rssKb(server.pid()));
            QTest::qWait(n > 0 ? 1 : 50);
        }
        const qint64 closedAfterMs = t.elapsed();
        ::close(fd);
        qInfo("pipelined attack: %lld bytes of requests sent, RSS %lld -> max %lld kB, closed after %lld ms", sentBytes,
              rssBefore, rssMax, closedAfterMs);
        QVERIFY2(reset, "the server never closed a connection that does not read");
        QVERIFY(closedAfterMs >= 9000); // the 10 s drain deadline, not earlier
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed blocks in its quarantine (256 MB by default), so the
        // server's RSS grows with every response it frees; the bound is checked in plain builds.
        const qint64 allowedKb = 300 * 1024;
#else
        const qint64 allowedKb = 64 * 1024;
#endif
        QVERIFY2(rssMax - rssBefore < allowedKb, "the server's memory grew with the attack");
        QCOMPARE(boundHits(server.port(), "http_write_queue"), 1.0);
        QCOMPARE(server.stop(), 0);
    }

    // Just under: a client that pipelines more requests than the server reads ahead (1.3 MB of
    // them, 2500 answers of several KB) and reads its answers slowly gets every one: reading
    // pauses over the cap and resumes as the client drains, and nothing is closed.
    void pipelinedRequestsReadSlowly()
    {
        ServerProcess server;
        QVERIFY(server.start());
        const int requests = 2500;
        const int fd = rawConnect(server.port(), "127.0.0.1", 4096);
        QVERIFY(fd >= 0);
        const QByteArray one = "GET /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(500, 'p') + "\r\n\r\n";
        const QByteArray all = one.repeated(requests);
        qsizetype sent = 0;
        int responses = 0;
        QByteArray tail; // the end of what was read, for a status line split over two reads
        QElapsedTimer t;
        t.start();
        bool closed = false;
        while (responses < requests && t.elapsed() < 60000 && !closed) {
            if (sent < all.size()) {
                const ssize_t n =
                    ::send(fd, all.constData() + sent, size_t(std::min<qsizetype>(65536, all.size() - sent)),
                           MSG_DONTWAIT | MSG_NOSIGNAL);
                if (n > 0)
                    sent += n;
            }
            char buf[4096];
            const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) {
                closed = true;
            } else if (n > 0) {
                const QByteArray chunk = tail + QByteArray(buf, n);
                responses += int(chunk.count("HTTP/1.1 200 OK")) - int(tail.count("HTTP/1.1 200 OK"));
                tail = chunk.right(400);
            }
            ::usleep(500); // a slow reader: at most 8 MB/s
        }
        ::close(fd);
        qInfo("read slowly: %d of %d answers in %lld ms, %lld of %lld request bytes sent", responses, requests,
              t.elapsed(), qint64(sent), qint64(all.size()));
        QVERIFY2(!closed, qPrintable(QString::fromLatin1(tail) + server.log().right(2000)));
        QCOMPARE(sent, all.size());
        QCOMPARE(responses, requests);
        QCOMPARE(boundHits(server.port(), "http_write_queue"), 0.0);
        QCOMPARE(server.stop(), 0);
    }

    // A head that trickles in (a header line a second) is answered 408 at the 10 s deadline
    // counted from its first byte; partial reads do not move it. One completed just under the
    // deadline is served.
    void slowHeaderDeadline()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QTcpSocket slow, inTime;
        slow.connectToHost(QHostAddress::LocalHost, server.port());
        inTime.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(slow.waitForConnected() && inTime.waitForConnected());
        slow.write("GET /health HTTP/1.1\r\nHost: x\r\n");
        inTime.write("GET /health HTTP/1.1\r\nHost: x\r\n");
        QElapsedTimer t;
        t.start();
        QByteArray slowGot, inTimeGot;
        int line = 0;
        while (t.elapsed() < 15000 && !slowGot.contains("\r\n\r\n")) {
            if (t.elapsed() > (line + 1) * 1000) {
                ++line;
                const QByteArray header = "X-Line-" + QByteArray::number(line) + ": 1\r\n";
                if (slow.state() == QAbstractSocket::ConnectedState)
                    slow.write(header);
                if (line < 8)
                    inTime.write(header);
                else if (line == 8)
                    inTime.write("\r\n"); // complete at about 8 s
            }
            QTest::qWait(20);
            slowGot += slow.readAll();
            inTimeGot += inTime.readAll();
        }
        const qint64 elapsed = t.elapsed();
        QVERIFY2(slowGot.startsWith("HTTP/1.1 408"), slowGot.constData());
        QVERIFY2(elapsed >= 9500 && elapsed < 12500, QByteArray::number(elapsed).constData());
        QTRY_COMPARE(slow.state(), QAbstractSocket::UnconnectedState);
        QVERIFY2(inTimeGot.startsWith("HTTP/1.1 200"), inTimeGot.constData());
        QCOMPARE(boundHits(server.port(), "head_timeout"), 1.0);
        QCOMPARE(server.stop(), 0);
    }

    // The attack: 2,000 connections (from two addresses, under the per-address cap)
    // each sending a header line every 5 seconds. All are answered 408 and closed at the 10 s
    // deadline, and a normal client is served meanwhile.
    void slowHeaderAttack()
    {
        if (fileLimit() < rlim_t(2000 + 256))
            QSKIP("RLIMIT_NOFILE's hard limit is too low on this machine for this many connections");
        ServerProcess server;
        QVERIFY(server.start());
        std::vector<int> fds;
        for (int i = 0; i < 2000; ++i) {
            const int fd = rawConnect(server.port(), i % 2 ? "127.0.0.3" : "127.0.0.4");
            QVERIFY(fd >= 0);
            static constexpr char head[] = "GET /health HTTP/1.1\r\nHost: x\r\n"; // no blank line: unfinished
            QCOMPARE(::send(fd, head, sizeof head - 1, MSG_NOSIGNAL), ssize_t(sizeof head - 1));
            fds.push_back(fd);
        }
        QElapsedTimer t;
        t.start();
        QTest::qWait(5000); // the attackers' pace
        for (int fd : fds)
            ::send(fd, "X-Slow: 1\r\n", 11, MSG_NOSIGNAL | MSG_DONTWAIT);
        QCOMPARE(requestFrom(QHostAddress::LocalHost, server.port(), "/health").status, 200);
        // Each attacker reads its 408 and then the end of the connection.
        int answered = 0;
        for (int fd : fds) {
            QByteArray got;
            char buf[512];
            const timeval patience{8, 0}; // a server that never answers fails the test, not hangs it
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
            for (;;) {
                const ssize_t n = ::recv(fd, buf, sizeof buf, 0); // blocking: the server closes
                if (n <= 0)
                    break;
                got.append(buf, n);
            }
            if (got.startsWith("HTTP/1.1 408"))
                ++answered;
            ::close(fd);
        }
        const qint64 elapsed = t.elapsed();
        qInfo("slow-header attack: %d of 2000 answered 408, all closed after %lld ms", answered, elapsed);
        QCOMPARE(answered, 2000);
        QVERIFY2(elapsed < 13000, QByteArray::number(elapsed).constData());
        QCOMPARE(boundHits(server.port(), "head_timeout"), 2000.0);
        QCOMPARE(server.stop(), 0);
    }

    // Connections in their handshake: 1024 from one address at most (the next gets 503 and is
    // closed), other addresses unaffected, and a slot freed by a close is taken again.
    void handshakesPerAddress()
    {
        if (fileLimit() < rlim_t(kHandshakesPerAddress + 256))
            QSKIP("RLIMIT_NOFILE's hard limit is too low on this machine for this many connections");
        ServerProcess server;
        QVERIFY(server.start());
        HeldConnections held;
        QVERIFY(held.open(server.port(), kHandshakesPerAddress));
        QTRY_COMPARE_WITH_TIMEOUT(handshakesInProgress(server.port()), double(kHandshakesPerAddress), 5000);
        // Over: the next from the same address.
        const HttpReply over = requestFrom(QHostAddress::LocalHost, server.port(), "/health");
        QCOMPARE(over.status, 503);
        QVERIFY(over.body.contains("too many connections"));
        // Another address is admitted.
        QCOMPARE(requestFrom(QHostAddress(QStringLiteral("127.0.0.2")), server.port(), "/health").status, 200);
        // Just under again: one closes, the next from the address is served.
        held.closeNewest();
        QTRY_COMPARE_WITH_TIMEOUT(handshakesInProgress(server.port()), double(kHandshakesPerAddress - 1), 5000);
        QCOMPARE(requestFrom(QHostAddress::LocalHost, server.port(), "/health").status, 200);
        held.closeAll();
        QTRY_COMPARE_WITH_TIMEOUT(handshakesInProgress(server.port()), 0.0, 5000);
        QCOMPARE(boundHits(server.port(), "handshakes_per_ip"), 1.0);
        QCOMPARE(server.stop(), 0);
    }

    // In all: 4096 from four addresses, then a fifth address is refused too.
    void handshakesInAll()
    {
        if (fileLimit() < rlim_t(kHandshakes + 256))
            QSKIP("RLIMIT_NOFILE's hard limit is too low on this machine for this many connections");
        ServerProcess server;
        QVERIFY(server.start());
        HeldConnections held;
        for (const char *a : {"127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"})
            QVERIFY(held.open(server.port(), kHandshakes / 4, a));
        // Over: a fifth address is refused (once the server has accepted all of them).
        QTRY_COMPARE_WITH_TIMEOUT(
            requestFrom(QHostAddress(QStringLiteral("127.0.0.5")), server.port(), "/health").status, 503, 5000);
        // Just under again once one goes.
        held.closeNewest();
        QTRY_COMPARE_WITH_TIMEOUT(
            requestFrom(QHostAddress(QStringLiteral("127.0.0.6")), server.port(), "/health").status, 200, 5000);
        held.closeAll();
        QTRY_COMPARE_WITH_TIMEOUT(handshakesInProgress(server.port()), 0.0, 5000);
        QVERIFY(boundHits(server.port(), "handshakes") >= 1);
        QCOMPARE(boundHits(server.port(), "handshakes_per_ip"), 0.0);
        QCOMPARE(server.stop(), 0);
    }

    // WEBSOCKET_MAX_CONNECTIONS_PER_IP=3 over both protocols: at the limit, the next refused
    // (close 1013 / CONNECT_ERROR "TOO_MANY_CONNECTIONS"), other addresses unaffected, and after
    // many connects and disconnects the address still gets exactly its 3.
    void clientsPerAddress()
    {
        ServerProcess server;
        QVERIFY(server.start({}, env({{QStringLiteral("WEBSOCKET_MAX_CONNECTIONS_PER_IP"), QStringLiteral("3")}})));
        for (int round = 0; round < 30; ++round) { // connect and disconnect: no slot may leak
            WsClient a;
            QVERIFY(a.connectTo(server.wsUrl()));
            a.socket().close();
            QVERIFY(a.waitDisconnected());
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            metric(httpRequest(server.port(), "GET", "/metrics").body, "fxmonitor_connected_clients"), 0.0, 5000);
        auto a = std::make_unique<WsClient>();
        WsClient b;
        QVERIFY(a->connectTo(server.wsUrl()));
        QVERIFY(b.connectTo(server.wsUrl()));
        // A Socket.IO client (long-polling) is the third: just at the limit.
        const QByteArray sid = sidOf(httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling").body);
        QVERIFY(!sid.isEmpty());
        const QByteArray q = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        QCOMPARE(httpRequest(server.port(), "POST", q, "40").status, 200);
        QVERIFY(httpRequest(server.port(), "GET", q).body.startsWith("40"));

        // Over, plain JSON: error event and close 1013.
        RawWsClient fourth;
        QVERIFY(fourth.connectTo(server.port()));
        const QByteArray err = fourth.waitForEvent("error");
        QVERIFY2(err.contains("\"code\":\"TOO_MANY_CONNECTIONS\""), err.constData());
        QCOMPARE(fourth.waitForClose(), 1013);
        // Over, Socket.IO: CONNECT_ERROR.
        const QByteArray sid2 = sidOf(httpRequest(server.port(), "GET", "/socket.io/?EIO=4&transport=polling").body);
        const QByteArray q2 = "/socket.io/?EIO=4&transport=polling&sid=" + sid2;
        QCOMPARE(httpRequest(server.port(), "POST", q2, "40").status, 200);
        const QByteArray refused = httpRequest(server.port(), "GET", q2).body;
        QVERIFY2(refused.startsWith("44") && refused.contains("TOO_MANY_CONNECTIONS"), refused.constData());
        // Another address is not affected.
        RawWsClient other;
        other.bindTo(QHostAddress(QStringLiteral("127.0.0.2")));
        QVERIFY(other.connectTo(server.port()));
        QVERIFY(!other.waitForEvent("connection_established").isEmpty());

        // Just under again once one leaves.
        a->socket().close();
        QVERIFY(a->waitDisconnected());
        a.reset();
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                WsClient c;
                if (!c.connectTo(server.wsUrl()))
                    return false;
                return c.waitFor(QStringLiteral("error"), 300).isEmpty() && c.isConnected();
            }(),
            5000);
        // Every refusal counted once as a bound hit and once as the error event it sent (the
        // wait above may have been refused too while the slot was still being given back).
        const QByteArray m = httpRequest(server.port(), "GET", "/metrics").body;
        const double hits = metric(m, "fxmonitor_bound_hits_total{bound=\"connections_per_ip\"}");
        QVERIFY(hits >= 2);
        QCOMPARE(metric(m, "fxmonitor_client_errors_total{code=\"TOO_MANY_CONNECTIONS\"}"), hits);
        QCOMPARE(server.stop(), 0);
    }

    // 0 (the default) is no limit.
    void clientsPerAddressUnlimited()
    {
        ServerProcess server;
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawWsClient>> clients;
        for (int i = 0; i < 20; ++i) {
            clients.push_back(std::make_unique<RawWsClient>());
            QVERIFY(clients.back()->connectTo(server.port()));
            QVERIFY(!clients.back()->waitForEvent("connection_established").isEmpty());
        }
        QCOMPARE(boundHits(server.port(), "connections_per_ip"), 0.0);
        QCOMPARE(server.stop(), 0);
    }

    // A message over the limit sent in one write: real clients read 1009 (no reset).
    void closeCodeReadAfterOversizedMessage()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("no lingering close in the portable build: Qt cannot keep the connection open once its socket "
                  "closed it (ARCHITECTURE.md, \"Platform seams\")");
        ServerProcess server;
        QVERIFY(server.start());
        // python3-websocket (websocket-client), as the issue reported it.
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("FX_URL"), server.wsUrl());
        e.insert(QStringLiteral("FX_SIZE"), QString::number(32 * 1024 * 1024));
        QByteArray out, err;
        const int rc =
            runProgram(QStringLiteral("/usr/bin/python3"),
                       {QStringLiteral(FX_SOURCE_DIR "/tests/interop/ws_close_1009.py")}, &out, &err, e, 60000);
        QVERIFY2(rc == 0 && out.contains("OK 1009"), (out + err).constData());
        // The same on Socket.IO's WebSocket transport (over its 1 MB maxPayload).
        e.insert(QStringLiteral("FX_URL"), server.wsUrl(QStringLiteral("/socket.io/?EIO=4&transport=websocket")));
        const int rcSio =
            runProgram(QStringLiteral("/usr/bin/python3"),
                       {QStringLiteral(FX_SOURCE_DIR "/tests/interop/ws_close_1009.py")}, &out, &err, e, 60000);
        QVERIFY2(rcSio == 0 && out.contains("OK 1009"), (out + err).constData());
        // QWebSocket: one 32 MB message, written at once.
        WsClient big;
        QVERIFY(big.connectTo(server.wsUrl()));
        big.sendRaw(QString(32 * 1024 * 1024, u'x'));
        QVERIFY(big.waitDisconnected(20000));
        QCOMPARE(big.socket().closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        QVERIFY(boundHits(server.port(), "lingering_close") >= 3);
        QCOMPARE(server.stop(), 0);
    }

    // The same bounds over TLS (SECURITY.md, "TLS"): a pipelining client that never reads is
    // closed after the drain deadline with the server's memory bounded, a trickling head gets
    // 408 at its deadline, and python3-websocket reads 1009 over wss://.
    void overTls()
    {
        TestPki pki;
        QVERIFY(pki.create());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--tls-cert"), pki.path(QStringLiteral("a.pem")),
                              QStringLiteral("--tls-key"), pki.path(QStringLiteral("a.key"))}));
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
        auto open = [&](QSslSocket &s) {
            s.setSslConfiguration(conf);
            s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
            return s.waitForEncrypted(1000);
        };
        const qint64 rssBefore = rssKb(server.pid());
        QSslSocket attacker, slow;
        attacker.setReadBufferSize(4096); // never reads: Qt stops taking data from the kernel
        QVERIFY(open(attacker));
        QVERIFY(open(slow));
        QElapsedTimer t;
        t.start();
        attacker.write(QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n").repeated(20000));
        slow.write("GET /health HTTP/1.1\r\nHost: x\r\n");
        QByteArray slowGot;
        qint64 rssMax = rssBefore;
        int line = 0;
        while (t.elapsed() < 15000 && slow.state() == QAbstractSocket::ConnectedState) {
            if (t.elapsed() > (line + 1) * 1000)
                slow.write("X-Line-" + QByteArray::number(++line) + ": 1\r\n");
            QTest::qWait(50);
            slowGot += slow.readAll();
            rssMax = std::max(rssMax, rssKb(server.pid()));
        }
        const qint64 slowClosedMs = t.elapsed();
        slowGot += slow.readAll();
        QVERIFY2(slowGot.startsWith("HTTP/1.1 408"), slowGot.constData());
        // (The deadline runs from the connect, before the TLS handshake and this clock.)
        QVERIFY2(slowClosedMs >= 8000 && slowClosedMs < 12500, QByteArray::number(slowClosedMs).constData());
        // The attacker (a client that cannot see the reset, since it reads nothing) is closed by
        // the server at the drain deadline.
        QTRY_COMPARE_WITH_TIMEOUT(
            metric(metricsOverTls(server.port(), conf), "fxmonitor_bound_hits_total{bound=\"http_write_queue\"}"), 1.0,
            15000);
        rssMax = std::max(rssMax, rssKb(server.pid()));
        qInfo("TLS: pipelining client closed by %lld ms, RSS %lld -> max %lld kB; 408 after %lld ms", t.elapsed(),
              rssBefore, rssMax, slowClosedMs);
#if defined(__SANITIZE_ADDRESS__)
        // AddressSanitizer keeps freed blocks in its quarantine (256 MB by default), so the
        // server's RSS grows with every response it frees; the bound is checked in plain builds.
        const qint64 allowedKb = 300 * 1024;
#else
        const qint64 allowedKb = 64 * 1024;
#endif
        QVERIFY2(rssMax - rssBefore < allowedKb, "the server's memory grew with the attack");

        // 1009 read by a client still sending needs the lingering close, which the portable build
        // does not have (ARCHITECTURE.md, "Platform seams").
        if (!fx::core::platform::isPortableBuild()) {
            QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
            e.insert(QStringLiteral("FX_URL"), QStringLiteral("wss://127.0.0.1:%1/ws").arg(server.port()));
            e.insert(QStringLiteral("FX_CA"), pki.path(QStringLiteral("ca.pem")));
            e.insert(QStringLiteral("FX_SIZE"), QString::number(32 * 1024 * 1024));
            QByteArray out, err;
            const int rc =
                runProgram(QStringLiteral("/usr/bin/python3"),
                           {QStringLiteral(FX_SOURCE_DIR "/tests/interop/ws_close_1009.py")}, &out, &err, e, 60000);
            QVERIFY2(rc == 0 && out.contains("OK 1009"), (out + err).constData());
        }

        const QByteArray metrics = metricsOverTls(server.port(), conf);
        QCOMPARE(metric(metrics, "fxmonitor_bound_hits_total{bound=\"http_write_queue\"}"), 1.0);
        QCOMPARE(metric(metrics, "fxmonitor_bound_hits_total{bound=\"head_timeout\"}"), 1.0);
        QCOMPARE(server.stop(), 0);
    }

    // Over TLS a connection over the per-address handshake cap is closed before its TLS
    // handshake (no 503 can be written in the clear); other addresses are served; a slot freed by
    // a held connection's close (before it sent a ClientHello) is taken again at once, not at the
    // 10 s head deadline, and the cap holds again once it is.
    void handshakesPerAddressOverTls()
    {
        if (fileLimit() < rlim_t(kHandshakesPerAddress + 256))
            QSKIP("RLIMIT_NOFILE's hard limit is too low on this machine for this many connections");
        TestPki pki;
        QVERIFY(pki.create());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--tls-cert"), pki.path(QStringLiteral("a.pem")),
                              QStringLiteral("--tls-key"), pki.path(QStringLiteral("a.key"))}));
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
        // One TLS client from `from`, kept open by the caller: a connection that completed its
        // TLS handshake but sent no request head still holds its handshake slot. Each is made
        // exactly once, never inside a QTRY_* condition: those evaluate their expression several
        // times, and every extra connection would take a slot of its own.
        auto connectTls = [&](QSslSocket &s, const char *from) {
            s.setSslConfiguration(conf);
            s.bind(QHostAddress(QString::fromLatin1(from)));
            s.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
            return s.waitForEncrypted(5000);
        };
        auto inHandshake = [&] {
            return metric(metricsOverTls(server.port(), conf), "fxmonitor_handshakes_in_progress");
        };
        QElapsedTimer sinceHeld;
        sinceHeld.start();
        HeldConnections held;
        QVERIFY(held.open(server.port(), kHandshakesPerAddress));
        QTRY_COMPARE_WITH_TIMEOUT(inHandshake(), double(kHandshakesPerAddress), 5000);
        {
            // Over: closed by the server before any TLS byte, not left to time out.
            QSslSocket over;
            QElapsedTimer t;
            t.start();
            QVERIFY(!connectTls(over, "127.0.0.1"));
            QCOMPARE(over.error(), QAbstractSocket::RemoteHostClosedError);
            QVERIFY2(t.elapsed() < 2000, QByteArray::number(t.elapsed()).constData());
        }
        {
            QSslSocket other; // another address
            QVERIFY(connectTls(other, "127.0.0.2"));
        }
        // Just under again: one held connection closes, the server sees it and frees its slot
        // well before the held connections' 10 s head deadline would free them all.
        held.closeNewest();
        QTRY_COMPARE_WITH_TIMEOUT(inHandshake(), double(kHandshakesPerAddress - 1), 5000);
        QSslSocket readmitted;
        QVERIFY(connectTls(readmitted, "127.0.0.1"));
        QVERIFY2(sinceHeld.elapsed() < 9000, QByteArray::number(sinceHeld.elapsed()).constData());
        // At the cap again while it stays open: the next is refused.
        QSslSocket overAgain;
        QVERIFY(!connectTls(overAgain, "127.0.0.1"));
        QCOMPARE(overAgain.error(), QAbstractSocket::RemoteHostClosedError);
        QCOMPARE(metric(metricsOverTls(server.port(), conf), "fxmonitor_bound_hits_total{bound=\"handshakes_per_ip\"}"),
                 2.0);
        held.closeAll();
        readmitted.abort();
        QTRY_COMPARE_WITH_TIMEOUT(inHandshake(), 0.0, 5000);
        QCOMPARE(server.stop(), 0);
    }

    // std::bad_alloc on one connection's path drops that connection, not the process (SECURITY.md,
    // "Bounds"). The server's address space is capped (prlimit on its RLIMIT_AS) 1.5 MiB above
    // what it maps at rest, and malloc maps every block of 64 KiB or more on its own
    // (MALLOC_MMAP_THRESHOLD_; smaller ones come from the threads' arenas, already reserved). A
    // request with a 1 MiB body then fits in the socket's buffer but not a second time: the copy
    // of its body fails. That connection is reset and counted; a WebSocket client connected
    // meanwhile is served on; with the cap lifted the same request is answered.
    void outOfMemoryDropsOneConnection()
    {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
        QSKIP("the sanitizers reserve terabytes of address space: RLIMIT_AS cannot cap it; checked in plain builds");
#endif
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("MALLOC_MMAP_THRESHOLD_"), QStringLiteral("4096")},
                                  {QStringLiteral("MALLOC_ARENA_MAX"), QStringLiteral("1")}})));
        WsClient bystander;
        QVERIFY(bystander.connectTo(server.wsUrl())); // connection_established read
        // A head of an odd length, the 1 MiB body (the most a request may carry) and the start of
        // a next request: the body never fills a read-buffer chunk of its own, whose reading
        // Qt could hand over without a copy.
        const QByteArray big = "POST /metrics HTTP/1.1\r\nHost: x\r\nX-Pad: abc\r\nContent-Length: 1048576\r\n\r\n"
            + QByteArray(1024 * 1024, 'b') + "GET /health HTTP/1.1\r\n";
        // Sends `big` on a new connection; what it reads until the server closes it.
        auto send = [&] {
            const int fd = rawConnect(server.port());
            const timeval patience{10, 0};
            ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
            qsizetype sent = 0;
            while (sent < big.size()) {
                const ssize_t n = ::send(fd, big.constData() + sent, size_t(big.size() - sent), MSG_NOSIGNAL);
                if (n <= 0)
                    break;
                sent += n;
            }
            QByteArray got;
            char buf[4096];
            ssize_t n;
            while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) {
                got.append(buf, n);
                if (got.contains("\r\n\r\n") && got.contains("}"))
                    break; // the answer (the connection stays open for the next request)
            }
            ::close(fd);
            return got;
        };
        const auto vmSizeKb = [&] {
            QFile f(QStringLiteral("/proc/%1/status").arg(server.pid()));
            if (!f.open(QIODevice::ReadOnly))
                return qint64(-1);
            static const QRegularExpression re(QStringLiteral("VmSize:\\s+(\\d+)"));
            return re.match(QString::fromLatin1(f.readAll())).captured(1).toLongLong();
        };
        const qint64 atRest = vmSizeKb();
        // Measured on a 2-core VM: this case passes with 1.0 to 3.0 MiB of headroom; with less,
        // allocations besides the body's copy fail too (the server no longer answers /metrics);
        // with 4 MiB the copy succeeds.
        constexpr qint64 kHeadroom = 2 * 1024 * 1024;
        QVERIFY(atRest > 0);
        rlimit original{};
        QCOMPARE(::prlimit(pid_t(server.pid()), RLIMIT_AS, nullptr, &original), 0);
        const rlimit capped{rlim_t(atRest * 1024 + kHeadroom), original.rlim_max}; // the soft limit only
        QCOMPARE(::prlimit(pid_t(server.pid()), RLIMIT_AS, &capped, nullptr), 0);
        const QByteArray dropped = send();
        QVERIFY2(dropped.isEmpty(), dropped.left(200).constData()); // reset without an answer
        QVERIFY(server.isRunning());
        QCOMPARE(boundHits(server.port(), "out_of_memory"), 1.0);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("out of memory serving an HTTP request: connection dropped")),
                     qPrintable(server.log().right(1000)));
        QVERIFY(!bystander.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        // The cap lifted: the same request is read and answered (405: /metrics takes GET).
        QCOMPARE(::prlimit(pid_t(server.pid()), RLIMIT_AS, &original, nullptr), 0);
        const QByteArray answered = send();
        QVERIFY2(answered.startsWith("HTTP/1.1 405"), answered.left(200).constData());
        QCOMPARE(boundHits(server.port(), "out_of_memory"), 1.0);
        QCOMPARE(server.stop(), 0);
    }

    // Out of descriptors (a low RLIMIT_NOFILE): accepting pauses with a backoff (no busy loop),
    // the error is counted and logged, and accepting resumes by itself once descriptors return.
    void acceptResumesAfterDescriptorExhaustion()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build accepts with QTcpServer's own loop, which retries running out of descriptors "
                  "itself (ARCHITECTURE.md, \"Platform seams\")");
#if defined(__SANITIZE_ADDRESS__)
        // UBSan checks a virtual call by probing the object's memory through a pipe; with no
        // descriptor left every probe fails and every virtual call is reported as invalid (seen
        // at random places). Checked in plain builds only.
        QSKIP("sanitizers need descriptors of their own: checked in plain builds");
#endif
        ServerProcess server;
        server.process().setChildProcessModifier([] {
            rlimit rl{64, 64};
            setrlimit(RLIMIT_NOFILE, &rl);
        });
        QVERIFY(server.start());
        std::vector<std::unique_ptr<RawWsClient>> clients;
        for (int i = 0; i < 80; ++i) {
            auto c = std::make_unique<RawWsClient>();
            if (!c->connectTo(server.port(), "/ws", 1000))
                break;
            clients.push_back(std::move(c));
        }
        QVERIFY2(clients.size() > 5 && clients.size() < 64, QByteArray::number(qsizetype(clients.size())).constData());
        // One more waits in the backlog while the server has no descriptor for it.
        PendingHttp waiting;
        waiting.send(server.port(), "GET", "/health");
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("accept failed")), 5000);
        const qint64 ticksBefore = cpuTicks(server.pid());
        QElapsedTimer t;
        t.start();
        QTest::qWait(2000); // measuring the CPU time of a server that has nothing to do
        const double cpuShare = double(cpuTicks(server.pid()) - ticksBefore) / double(sysconf(_SC_CLK_TCK))
            / (double(t.elapsed()) / 1000.0);
        qInfo("out of descriptors: the server used %.1f %% of a core", cpuShare * 100);
        QVERIFY2(cpuShare < 0.2, QByteArray::number(cpuShare).constData());
        // Descriptors come back: the waiting request is served without anything else happening.
        clients.resize(clients.size() - 10);
        const HttpReply r = waiting.wait(5000);
        QCOMPARE(r.status, 200);
        QVERIFY(boundHits(server.port(), "accept_error", QHostAddress::LocalHost) >= 1);
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBounds)
#include "tst_bounds.moc"
