#include "abusers.h"

#include "loadclients.h"

#include <QStringList>

#include <arpa/inet.h>
#include <cerrno>
#include <chrono>
#include <fcntl.h>
#include <netinet/in.h>
#include <random>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fx::bench {

const char *abuseKindName(AbuseKind kind)
{
    static const char *const names[kAbuseKinds] = {"churn",   "silent",    "slow-reader", "garbage", "oversized",
                                                   "dropper", "slow-head", "pipelined",   "flooder", "mute"};
    return names[int(kind)];
}

void AbuseCounters::countCode(int code)
{
    for (std::atomic<int> &slot : codes) {
        int seen = slot.load();
        if (seen == 0) { // free: take it, unless another thread just did (then expected is its code)
            int expected = 0;
            seen = slot.compare_exchange_strong(expected, code) ? code : expected;
        }
        if (seen == code) {
            codeCounts[size_t(&slot - codes.data())].fetch_add(1);
            return;
        }
    }
}

QString AbuseCounters::codesText() const
{
    QStringList parts;
    for (int i = 0; i < kSlots; ++i)
        if (const int code = codes[size_t(i)].load())
            parts << QStringLiteral("%1x%2").arg(code).arg(codeCounts[size_t(i)].load());
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(u' ');
}

namespace {

using Clock = std::chrono::steady_clock;
qint64 nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now().time_since_epoch()).count();
}

// A client frame: masked with a zero key (so the payload goes as is), FIN unless told.
QByteArray frame(int opcode, const QByteArray &payload, bool masked = true, qint64 announced = -1)
{
    const qint64 len = announced >= 0 ? announced : payload.size();
    QByteArray f;
    f.append(char(0x80 | opcode));
    const char mask = masked ? char(0x80) : char(0);
    if (len < 126) {
        f.append(char(mask | char(len)));
    } else if (len < 65536) {
        f.append(char(mask | 126));
        f.append(char((len >> 8) & 0xff));
        f.append(char(len & 0xff));
    } else {
        f.append(char(mask | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((len >> (8 * i)) & 0xff));
    }
    if (masked)
        f.append(QByteArray(4, '\0'));
    return f + payload;
}

bool subscribes(AbuseKind k)
{
    return k == AbuseKind::Churn || k == AbuseKind::Silent || k == AbuseKind::SlowReader || k == AbuseKind::Dropper
        || k == AbuseKind::Flooder;
}

// Malformed input a session sends in turn: harmless-looking first, then one that ends it.
QList<QByteArray> garbageFrames(bool sio, quint64 session)
{
    QList<QByteArray> out;
    if (sio) {
        for (const char *p : {"garbage", "4", "42", "42[", "42[\"subscribe\"", "42[\"no_such_event\",{}]",
                              "42{\"a\":1}", "6", "2probe", "41/nope,", "44", "43", "9"})
            out << frame(1, p);
    } else {
        out << frame(1, "not json at all") << frame(1, "{\"event\":")
            << frame(1, "{\"event\":\"no_such_event\",\"data\":1}") << frame(1, "[1,2,3]")
            << frame(1, R"({"event":"subscribe","data":{"pairs":["NOT_A_PAIR",42,null]}})")
            << frame(1, "{\"event\":\"subscribe\",\"data\":{\"pairs\":\"" + QByteArray(5000, 'A') + "\"}}");
    }
    out << frame(2, QByteArray(300, '\x5a'));
    switch (session % 5) { // the one that ends the session: each is a protocol error
    case 0:
        out << frame(1, "\xff\xfe\xfd"); // invalid UTF-8: 1007
        break;
    case 1:
        out << frame(1, "{\"event\":\"ping\"}", false); // unmasked: 1002
        break;
    case 2:
        out << frame(3, "x"); // reserved opcode: 1002
        break;
    case 3:
        out << frame(9, QByteArray(200, 'p')); // control frame over 125 bytes: 1002
        break;
    default:
        out << frame(0, "orphan continuation"); // no message to continue: 1002
        break;
    }
    return out;
}

} // namespace

struct Abusers::Slot
{
    enum class State { Waiting, Upgrading, AwaitOpen, Open, Refused };
    AbuseKind kind = AbuseKind::Churn;
    bool sio = false;
    AbuseCounters *counters = nullptr;
    int fd = -1;
    State state = State::Waiting;
    bool polled = false; // registered for EPOLLIN
    qint64 nextAt = 0; // Waiting: when to connect; otherwise the next action
    qint64 endAt = 0; // when the client ends the session itself
    int step = 0;
    qint64 sent = 0;
    quint64 session = 0;
    QList<QByteArray> script; // Garbage: what is left to send
    QByteArray in;
};

Abusers::Abusers(quint16 port, int perKind, int threads, unsigned kindMask)
    : m_port(port)
    , m_perKind(perKind)
    , m_threads(threads)
    , m_kindMask(kindMask)
{
}

Abusers::~Abusers()
{
    stop();
}

void Abusers::start()
{
    m_stop = false;
    for (int t = 0; t < m_threads; ++t)
        m_workers.emplace_back([this, t] { run(t); });
}

void Abusers::stop()
{
    m_stop = true;
    for (std::thread &w : m_workers)
        if (w.joinable())
            w.join();
    m_workers.clear();
}

quint64 Abusers::totalSessions() const
{
    quint64 n = 0;
    for (const auto &perProto : m_counters)
        for (const AbuseCounters &c : perProto)
            n += c.sessions.load();
    return n;
}

QString Abusers::report() const
{
    QStringList lines;
    for (int k = 0; k < kAbuseKinds; ++k)
        for (int s = 0; s < 2; ++s) {
            const AbuseCounters &c = m_counters[size_t(k)][size_t(s)];
            lines << QStringLiteral("  %1 %2 sessions=%3 upgraded=%4 closed-by-server=%5 connect-failed=%6 sent=%7 KiB "
                                    "read=%8 KiB answers: %9")
                         .arg(QString::fromLatin1(abuseKindName(AbuseKind(k))), -11)
                         .arg(s ? QStringLiteral("socket.io") : QStringLiteral("plain    "))
                         .arg(c.sessions.load())
                         .arg(c.upgraded.load())
                         .arg(c.serverClosed.load())
                         .arg(c.connectFailed.load())
                         .arg(c.bytesSent.load() / 1024)
                         .arg(c.bytesRead.load() / 1024)
                         .arg(c.codesText());
        }
    return lines.join(u'\n');
}

void Abusers::run(int thread)
{
    std::mt19937 rng(std::random_device{}() + unsigned(thread));
    const auto between = [&](int lo, int hi) { return qint64(std::uniform_int_distribution<int>(lo, hi)(rng)); };
    const int ep = epoll_create1(0);
    std::vector<Slot> slots;
    for (int k = 0; k < kAbuseKinds; ++k)
        for (int i = 0; i < m_perKind; ++i) {
            if (i % m_threads != thread || !(m_kindMask & (1u << k)))
                continue;
            Slot s;
            s.kind = AbuseKind(k);
            s.sio = i % 2 == 1;
            s.counters = &m_counters[size_t(k)][s.sio ? 1 : 0];
            s.nextAt = nowMs() + between(0, 2000); // not all at once
            slots.push_back(std::move(s));
        }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(m_port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);

    const auto send = [](Slot &s, const QByteArray &bytes) {
        const ssize_t n = ::send(s.fd, bytes.constData(), size_t(bytes.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0)
            s.counters->bytesSent.fetch_add(quint64(n));
    };
    const auto path = [](const Slot &s) {
        return s.sio ? QByteArray("/socket.io/?EIO=4&transport=websocket") : QByteArray("/ws");
    };
    const auto endSession = [&](size_t idx, bool byServer, bool reset) {
        Slot &s = slots[idx];
        if (s.fd >= 0) {
            if (s.polled)
                epoll_ctl(ep, EPOLL_CTL_DEL, s.fd, nullptr);
            if (reset) {
                const linger l{1, 0};
                ::setsockopt(s.fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            }
            ::close(s.fd);
        }
        if (byServer)
            s.counters->serverClosed.fetch_add(1);
        s.fd = -1;
        s.polled = false;
        s.state = Slot::State::Waiting;
        s.in.clear();
        s.script.clear();
        s.nextAt = nowMs() + between(100, 500);
    };
    const auto unpoll = [&](Slot &s) {
        if (s.polled)
            epoll_ctl(ep, EPOLL_CTL_DEL, s.fd, nullptr);
        s.polled = false;
    };
    // Once the WebSocket (and for Socket.IO, the CONNECT to "/") is there.
    const auto opened = [&](Slot &s) {
        const qint64 now = nowMs();
        s.state = Slot::State::Open;
        if (s.sio)
            send(s, frame(1, "40"));
        if (subscribes(s.kind))
            send(s,
                 frame(1,
                       s.sio ? QByteArray(R"(42["subscribe",{"pairs":"all"}])")
                             : QByteArray(R"({"event":"subscribe","data":{"pairs":"all"}})")));
        switch (s.kind) {
        case AbuseKind::Churn: s.endAt = now + between(1000, 5000); break;
        case AbuseKind::Silent:
            unpoll(s);
            s.endAt = now + between(20000, 40000);
            break;
        case AbuseKind::SlowReader:
            unpoll(s);
            s.nextAt = now + 250;
            s.endAt = now + 60000;
            break;
        case AbuseKind::Garbage:
            s.script = garbageFrames(s.sio, s.session);
            s.nextAt = now + 50;
            s.endAt = now + 30000;
            break;
        case AbuseKind::Oversized: // one text message of 1 MiB: 16 times the default limit
            send(s, frame(1, QByteArray(), true, 1 << 20));
            s.sent = 0;
            s.nextAt = now;
            s.endAt = now + 30000;
            break;
        case AbuseKind::Dropper: s.endAt = now + between(300, 3000); break;
        case AbuseKind::Flooder:
            s.nextAt = now + 10;
            s.endAt = now + 30000;
            break;
        default: break;
        }
    };
    const auto open = [&](size_t idx) {
        Slot &s = slots[idx];
        const qint64 now = nowMs();
        s.fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const timeval tv{1, 0};
        ::setsockopt(s.fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv); // bounds the blocking connect
        if (s.fd < 0 || ::connect(s.fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0) {
            if (s.fd >= 0)
                ::close(s.fd);
            s.fd = -1;
            s.counters->connectFailed.fetch_add(1);
            s.nextAt = now + 500;
            return;
        }
        ::fcntl(s.fd, F_SETFL, ::fcntl(s.fd, F_GETFL) | O_NONBLOCK);
        s.session = s.counters->sessions.fetch_add(1);
        s.step = 0;
        s.in.clear();
        s.state = Slot::State::Upgrading;
        s.endAt = now + 15000;
        const QByteArray host = "Host: 127.0.0.1\r\n";
        switch (s.kind) {
        case AbuseKind::Mute:
            s.endAt = now + 60000; // the server's head deadline comes first
            break;
        case AbuseKind::SlowHeader:
            send(s, "GET " + path(s) + " HTTP/1.1\r\n" + host);
            s.nextAt = now + 1000;
            s.endAt = now + 60000;
            break;
        case AbuseKind::Pipelined:
            s.nextAt = now;
            s.endAt = now + 20000;
            break;
        default:
            send(s,
                 "GET " + path(s) + " HTTP/1.1\r\n" + host
                     + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                       "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            break;
        }
        if (s.kind != AbuseKind::Pipelined) {
            epoll_event ev{};
            ev.events = EPOLLIN;
            ev.data.u64 = idx;
            epoll_ctl(ep, EPOLL_CTL_ADD, s.fd, &ev);
            s.polled = true;
        }
    };
    // What arrived: an HTTP answer, then WebSocket frames (close codes counted, pings answered).
    const auto consume = [&](size_t idx) {
        Slot &s = slots[idx];
        if (s.state == Slot::State::Upgrading || s.state == Slot::State::Refused) {
            const qsizetype end = s.in.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            if (s.state == Slot::State::Upgrading) {
                const int status = s.in.startsWith("HTTP/1.1 ") ? s.in.mid(9, 3).toInt() : -1;
                if (status == 101) {
                    s.counters->upgraded.fetch_add(1);
                    s.in.remove(0, end + 4);
                    if (s.sio)
                        s.state = Slot::State::AwaitOpen; // Engine.IO's open packet comes first
                    else
                        opened(s);
                } else {
                    s.counters->countCode(status);
                    s.state = Slot::State::Refused; // the server closes after its answer
                    s.in.clear();
                    return;
                }
            } else {
                s.in.clear();
                return;
            }
        }
        qsizetype pos = 0;
        const char *d = s.in.constData();
        const qsizetype size = s.in.size();
        ServerFrame f;
        while (nextServerFrame(d + pos, size - pos, &f)) {
            const int op = f.opcode;
            const char *payload = f.payload;
            const qint64 len = f.length;
            if (op == 8) {
                s.counters->countCode(len >= 2 ? (quint8(payload[0]) << 8) | quint8(payload[1]) : 1005);
                endSession(idx, true, false);
                return;
            }
            if (op == 9)
                send(s, frame(10, QByteArray(payload, len)));
            if (op == 1 && s.sio && len >= 1) {
                if (payload[0] == '0' && s.state == Slot::State::AwaitOpen) {
                    opened(s);
                } else if (payload[0] == '2' && len == 1) {
                    send(s, frame(1, "3"));
                }
            }
            pos += f.size;
        }
        s.in.remove(0, pos);
    };

    char buf[65536];
    std::vector<epoll_event> events(256);
    while (!m_stop) {
        const int ready = epoll_wait(ep, events.data(), int(events.size()), 10);
        for (int e = 0; e < ready; ++e) {
            const size_t idx = size_t(events[size_t(e)].data.u64);
            Slot &s = slots[idx];
            if (s.fd < 0)
                continue;
            for (;;) {
                const ssize_t got = ::recv(s.fd, buf, sizeof buf, 0);
                if (got > 0) {
                    s.counters->bytesRead.fetch_add(quint64(got));
                    if (s.in.size() < (1 << 20))
                        s.in.append(buf, got);
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                    consume(idx); // a close frame may have come with the FIN
                    if (s.fd >= 0)
                        endSession(idx, true, false);
                }
                break;
            }
            if (s.fd >= 0)
                consume(idx);
        }
        const qint64 now = nowMs();
        for (size_t idx = 0; idx < slots.size(); ++idx) {
            Slot &s = slots[idx];
            if (s.state == Slot::State::Waiting) {
                if (now >= s.nextAt)
                    open(idx);
                continue;
            }
            if (now >= s.endAt) { // the client ends it: properly, with a FIN, or with a reset
                if (s.kind == AbuseKind::Churn && s.state == Slot::State::Open)
                    send(s, frame(8, QByteArray("\x03\xe8", 2)));
                const bool reset = s.kind == AbuseKind::Silent || s.kind == AbuseKind::Pipelined
                    || (s.kind == AbuseKind::Dropper && s.session % 2 == 0);
                endSession(idx, false, reset);
                continue;
            }
            if (now < s.nextAt)
                continue;
            switch (s.kind) {
            case AbuseKind::SlowHeader:
                send(s, "X-Slow-" + QByteArray::number(s.step++) + ": 1\r\n");
                s.nextAt = now + 1000;
                break;
            case AbuseKind::Pipelined: {
                QByteArray burst;
                for (int i = 0; i < 50; ++i)
                    burst += "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
                send(s, burst);
                s.nextAt = now + 100;
                break;
            }
            case AbuseKind::SlowReader:
                if (s.state == Slot::State::Open) {
                    const ssize_t got = ::recv(s.fd, buf, 4096, MSG_DONTWAIT);
                    if (got > 0)
                        s.counters->bytesRead.fetch_add(quint64(got));
                    else if (got == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
                        endSession(idx, true, false);
                        break;
                    }
                    s.nextAt = now + 250;
                }
                break;
            case AbuseKind::Garbage:
                if (s.state == Slot::State::Open && !s.script.isEmpty()) {
                    send(s, s.script.takeFirst());
                    s.nextAt = now + 50;
                }
                break;
            case AbuseKind::Oversized:
                if (s.state == Slot::State::Open && s.sent < (1 << 20)) {
                    send(s, QByteArray(65536, 'x'));
                    s.sent += 65536;
                    s.nextAt = now + 10;
                }
                break;
            case AbuseKind::Flooder:
                if (s.state == Slot::State::Open) {
                    QByteArray burst;
                    for (int i = 0; i < 20; ++i)
                        burst +=
                            frame(1, s.sio ? QByteArray(R"(42["get_stats"])") : QByteArray(R"({"event":"get_stats"})"));
                    send(s, burst);
                    s.nextAt = now + 10;
                }
                break;
            default: s.nextAt = s.endAt; break;
            }
        }
    }
    for (Slot &s : slots)
        if (s.fd >= 0)
            ::close(s.fd);
    ::close(ep);
}

} // namespace fx::bench
