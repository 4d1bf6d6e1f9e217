#include "loadclients.h"

#include "core/timeutil.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QTcpServer>
#include <QThread>

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fx::bench {

QByteArray hs256Token(const QByteArray &secret, const QByteArray &claimsJson)
{
    const auto b64 = [](const QByteArray &b) {
        return b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray signing = b64(R"({"alg":"HS256","typ":"JWT"})") + '.' + b64(claimsJson);
    return signing + '.' + b64(QMessageAuthenticationCode::hash(signing, secret, QCryptographicHash::Sha256));
}

std::vector<qint32> ClientStats::takeLatencies()
{
    std::vector<qint32> out;
    {
        QMutexLocker lock(&mutex);
        out.swap(latencyUs);
    }
    std::sort(out.begin(), out.end());
    return out;
}

double percentileMs(const std::vector<qint32> &sortedUs, double p)
{
    if (sortedUs.empty())
        return 0;
    return sortedUs[std::min(sortedUs.size() - 1, size_t(double(sortedUs.size()) * p))] / 1000.0;
}

bool nextServerFrame(const char *d, qsizetype available, ServerFrame *out)
{
    if (available < 2)
        return false;
    qint64 len = quint8(d[1]) & 0x7f;
    qsizetype hdr = 2;
    if (len == 126) {
        if (available < 4)
            return false;
        len = (quint8(d[2]) << 8) | quint8(d[3]);
        hdr = 4;
    } else if (len == 127) {
        if (available < 10)
            return false;
        len = 0;
        for (int i = 0; i < 8; ++i)
            len = (len << 8) | quint8(d[2 + i]);
        hdr = 10;
    }
    if (available - hdr < len)
        return false;
    out->opcode = quint8(d[0]) & 0x0f;
    out->payload = d + hdr;
    out->length = len;
    out->size = hdr + qsizetype(len);
    return true;
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

namespace {

double statCpuSeconds(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray s = f.readAll();
    const QList<QByteArray> parts = s.mid(s.lastIndexOf(')') + 2).split(' ');
    // fields 14 and 15 (utime, stime) are at index 11 and 12 after the comm field
    return (parts.value(11).toDouble() + parts.value(12).toDouble()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

double cpuSeconds(qint64 pid)
{
    return statCpuSeconds(QStringLiteral("/proc/%1/stat").arg(pid));
}

double threadCpuSeconds(qint64 pid, qint64 tid)
{
    return statCpuSeconds(QStringLiteral("/proc/%1/task/%2/stat").arg(pid).arg(tid));
}

void pinToCpu(int cpu)
{
    // Online CPUs, not QThread::idealThreadCount(): that one reads this process's affinity, which a
    // child inherits from a parent already pinned elsewhere (and would then never move).
    if (::sysconf(_SC_NPROCESSORS_ONLN) < 2)
        return;
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    sched_setaffinity(0, sizeof set, &set);
}

void raiseFdLimit()
{
    rlimit rl{};
    getrlimit(RLIMIT_NOFILE, &rl);
    rl.rlim_cur = rl.rlim_max;
    setrlimit(RLIMIT_NOFILE, &rl);
}

void EpollClients::sendBytes(Conn &c, const char *data, size_t len)
{
    if (c.ssl) {
        SSL_write(c.ssl, data, int(len));
    } else {
        [[maybe_unused]] ssize_t n = ::send(c.fd, data, len, MSG_NOSIGNAL);
    }
}

void EpollClients::sendFrame(Conn &c, int opcode, const char *data, size_t len)
{
    char hdr[10];
    size_t h = 0;
    hdr[h++] = char(0x80 | opcode);
    if (len < 126) {
        hdr[h++] = char(0x80 | len);
    } else { // requests and tokens: well under 64 KiB
        hdr[h++] = char(0x80 | 126);
        hdr[h++] = char((len >> 8) & 0xff);
        hdr[h++] = char(len & 0xff);
    }
    hdr[h++] = 0;
    hdr[h++] = 0;
    hdr[h++] = 0;
    hdr[h++] = 0; // zero mask key
    QByteArray f(hdr, qsizetype(h));
    f.append(data, qsizetype(len));
    sendBytes(c, f.constData(), size_t(f.size()));
}

namespace {

const char sub[] = R"({"event":"subscribe","data":{"pairs":"all"}})";
const char sioSub[] = R"(42["subscribe",{"pairs":"all"}])";

// glibc's memmem, not QByteArrayView::indexOf: at millions of messages a second the generator's
// own search was what it spent most of its core on, which capped what a bench could offer.
qsizetype findIn(const char *d, qint64 len, const char *needle, size_t needleLen)
{
    const void *at = ::memmem(d, size_t(len), needle, needleLen);
    return at ? static_cast<const char *>(at) - d : -1;
}

// The decimal digits of d from i on (0 without any).
qint64 digitsAt(const char *d, qint64 len, qsizetype i)
{
    qint64 v = 0;
    for (; i < len && d[i] >= '0' && d[i] <= '9'; ++i)
        v = v * 10 + (d[i] - '0');
    return v;
}

} // namespace

void EpollClients::handleFrame(Conn &c, const ServerFrame &f, qint64 now, bool subscribe, const QByteArray &sioConnect,
                               quint64 &count, std::vector<qint32> &lat)
{
    const int op = f.opcode;
    const char *payload = f.payload;
    const qint64 len = f.length;
    if (op == 1 && m_socketIo && len >= 1 && payload[0] != '4') {
        // Engine.IO: "0{...}" open -> CONNECT to "/"; "2" ping -> "3" pong.
        if (payload[0] == '0')
            sendFrame(c, 1, sioConnect.constData(), size_t(sioConnect.size()));
        else if (payload[0] == '2')
            sendFrame(c, 1, "3", 1);
    } else if (op == 1 && m_socketIo && len >= 2 && payload[1] == '0') {
        if (subscribe) // "40{sid}": connected to "/"
            sendFrame(c, 1, sioSub, sizeof sioSub - 1);
    } else if (op == 1) {
        ++count;
        static constexpr char confirmed[] = "\"subscription_confirmed\"";
        if (!c.confirmed && findIn(payload, len, confirmed, sizeof confirmed - 1) >= 0) {
            c.confirmed = true;
            m_stats->subscribed.fetch_add(1, std::memory_order_relaxed);
        }
        if (const qsizetype at =
                m_marker.isEmpty() ? -1 : findIn(payload, len, m_marker.constData(), size_t(m_marker.size()));
            at >= 0) {
            m_stats->marked.fetch_add(1, std::memory_order_relaxed);
            const qint64 id = digitsAt(payload, len, at + m_marker.size() + 1);
            if (id > 0 && id < m_stats->markedIds)
                m_stats->markedById[size_t(id)].fetch_add(1, std::memory_order_relaxed);
        }
        static constexpr char tPub[] = "\"t_pub\":";
        if (const qsizetype t = findIn(payload, len, tPub, sizeof tPub - 1); t >= 0) {
            if (const qint64 pub = digitsAt(payload, len, t + qsizetype(sizeof tPub - 1)); pub > 0)
                lat.push_back(qint32(std::min<qint64>(now - pub, INT32_MAX)));
        }
    } else if (op == 9) {
        sendFrame(c, 10, payload, size_t(len));
    }
}

void EpollClients::run(Worker *, int n, quint16 port, bool subscribe, bool tls)
{
    const int ep = epoll_create1(0);
    SSL_CTX *ctx = nullptr;
    if (tls) {
        ctx = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
        SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    }
    std::vector<Conn> conns(static_cast<size_t>(n));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    int opened = 0;
    std::vector<qint32> lat;
    lat.reserve(4096);
    std::vector<epoll_event> events(1024);
    const QByteArray path = m_socketIo ? QByteArray("/socket.io/?EIO=4&transport=websocket") : QByteArray("/ws");
    // The token: ?token= on a plain upgrade, the CONNECT packet's auth for Socket.IO.
    const QByteArray request = "GET " + path + (m_token.isEmpty() || m_socketIo ? QByteArray() : "?token=" + m_token)
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    const QByteArray sioConnect = m_token.isEmpty() ? QByteArray("40") : "40{\"token\":\"" + m_token + "\"}";
    QElapsedTimer sinceFlush;
    sinceFlush.start();
    char buf[65536];
    int settled = 0; // upgraded or failed: no longer in the handshake
    while (!m_stop) {
        // Open in bursts of 200 per pass so the handshakes overlap.
        for (int k = 0; k < 200 && opened < n && (m_maxPending == 0 || opened - settled < m_maxPending);
             ++k, ++opened) {
            Conn &c = conns[size_t(opened)];
            c.fd = ::socket(AF_INET, SOCK_STREAM, 0);
            if (m_sourceAddresses > 0) {
                sockaddr_in from{};
                from.sin_family = AF_INET;
                from.sin_addr.s_addr = htonl(INADDR_LOOPBACK + 1 + quint32(opened % m_sourceAddresses));
                (void)::bind(c.fd, reinterpret_cast<sockaddr *>(&from), sizeof from);
            }
            if (::connect(c.fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0) {
                ++settled;
                if (m_stats->failed.fetch_add(1) < 3)
                    std::fprintf(stderr, "load client: connect: %s\n", std::strerror(errno));
                ::close(c.fd);
                c.fd = -1;
                continue;
            }
            ::fcntl(c.fd, F_SETFL, ::fcntl(c.fd, F_GETFL) | O_NONBLOCK);
            if (ctx) {
                c.ssl = SSL_new(ctx);
                SSL_set_fd(c.ssl, c.fd);
                SSL_set_connect_state(c.ssl);
                c.handshaking = true;
                SSL_do_handshake(c.ssl); // sends the ClientHello; the rest when the answer comes
            } else {
                sendBytes(c, request.constData(), size_t(request.size()));
            }
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.u32 = quint32(opened);
            epoll_ctl(ep, EPOLL_CTL_ADD, c.fd, &ev);
        }
        const int ready = epoll_wait(ep, events.data(), int(events.size()), 20);
        const qint64 now = core::nowMicros();
        quint64 count = 0;
        auto drop = [&](Conn &c) {
            epoll_ctl(ep, EPOLL_CTL_DEL, c.fd, nullptr);
            if (c.ssl) {
                SSL_free(c.ssl);
                c.ssl = nullptr;
            }
            ::close(c.fd);
            c.fd = -1;
        };
        for (int e = 0; e < ready; ++e) {
            Conn &c = conns[events[size_t(e)].data.u32];
            if (c.handshaking) {
                const int r = SSL_do_handshake(c.ssl);
                if (r != 1) {
                    const int err = SSL_get_error(c.ssl, r);
                    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE)
                        continue; // loopback: writes do not block, so readable is what comes next
                    ERR_clear_error();
                    m_stats->failed.fetch_add(1);
                    ++settled;
                    drop(c);
                    continue;
                }
                c.handshaking = false;
                sendBytes(c, request.constData(), size_t(request.size()));
            }
            for (;;) {
                ssize_t got;
                bool again = false;
                if (c.ssl) {
                    const int r = SSL_read(c.ssl, buf, int(sizeof buf));
                    got = r;
                    if (r <= 0) {
                        const int err = SSL_get_error(c.ssl, r);
                        again = err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE;
                        got = again ? -1 : 0;
                        ERR_clear_error();
                    }
                } else {
                    got = ::recv(c.fd, buf, sizeof buf, 0);
                    again = got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
                }
                if (got == 0 || (got < 0 && !again)) {
                    drop(c);
                    if (c.upgraded)
                        m_stats->closed.fetch_add(1);
                    else if (++settled, m_stats->failed.fetch_add(1) < 3) // the first few, to say why
                        std::fprintf(stderr, "load client: the other end closed before the upgrade\n");
                    break;
                }
                if (got < 0)
                    break;
                // Frames are handled chunk by chunk, straight from buf when nothing was left over:
                // only a frame's unfinished tail is kept (c.in), so a client that fell behind
                // neither copies every byte twice nor grows a buffer the size of its backlog.
                const bool direct = c.upgraded && c.in.isEmpty();
                if (!direct)
                    c.in.append(buf, got);
                const char *d = direct ? buf : c.in.constData();
                const qsizetype size = direct ? qsizetype(got) : c.in.size();
                qsizetype pos = 0;
                if (!c.upgraded) {
                    const qsizetype end = c.in.indexOf("\r\n\r\n");
                    if (end < 0)
                        continue;
                    ++settled;
                    if (!c.in.startsWith("HTTP/1.1 101")) {
                        if (m_stats->failed.fetch_add(1) < 3)
                            std::fprintf(stderr, "load client: %s\n", c.in.left(300).constData());
                        drop(c);
                        break;
                    }
                    c.upgraded = true;
                    pos = end + 4;
                    m_stats->connected.fetch_add(1);
                    if (subscribe && !m_socketIo) {
                        sendFrame(c, 1, sub, sizeof sub - 1);
                        if (m_afterSubscribe)
                            for (const QByteArray &frame : m_afterSubscribe(m_nextClient.fetch_add(1)))
                                sendFrame(c, 1, frame.constData(), size_t(frame.size()));
                    }
                }
                ServerFrame f;
                while (nextServerFrame(d + pos, size - pos, &f)) {
                    handleFrame(c, f, now, subscribe, sioConnect, count, lat);
                    pos += f.size;
                }
                if (direct)
                    c.in.append(d + pos, size - pos);
                else
                    c.in.remove(0, pos);
            }
        }
        m_stats->messages.fetch_add(count, std::memory_order_relaxed);
        if (lat.size() > 2048 || (!lat.empty() && sinceFlush.elapsed() >= 250)) {
            QMutexLocker lock(&m_stats->mutex);
            m_stats->latencyUs.insert(m_stats->latencyUs.end(), lat.begin(), lat.end());
            lat.clear();
            sinceFlush.restart();
        }
    }
    {
        QMutexLocker lock(&m_stats->mutex);
        m_stats->latencyUs.insert(m_stats->latencyUs.end(), lat.begin(), lat.end());
    }
    for (Conn &c : conns) {
        if (c.ssl)
            SSL_free(c.ssl);
        if (c.fd >= 0)
            ::close(c.fd);
    }
    if (ctx)
        SSL_CTX_free(ctx);
    ::close(ep);
}

} // namespace fx::bench
