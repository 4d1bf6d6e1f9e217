// SECURITY.md, "Bounds": what a client sends is bounded before the server parses or buffers it
// (Socket.IO packets by the rate and size limits, binary attachments before they are kept,
// WebSocket pings metered like requests), and a client that stops reading is treated alike over
// plain JSON and Socket.IO WebSocket (prices conflated, alerts kept, dropped past the send queue
// limit or the grace time, the kernel's buffer counted). Against an in-process server with raw
// sockets (tests/support), so each limit is met exactly: at, just under and over it. The proof
// that a packet was not parsed is the server's count of decoded packets, never timing.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "core/platform.h"
#include "server/servercontext.h"
#include "server/streamserver.h"
#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/testpki.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QWebSocket>

#include <functional>
#include <memory>
#include <optional>

#include <linux/sockios.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

using namespace fx;
using namespace fx::test;

namespace {

constexpr const char *kSioPath = "/socket.io/?EIO=4&transport=websocket";

core::PriceTick tick(int index, const QString &bid)
{
    core::PriceTick t;
    t.index = index;
    t.instrument = core::InstrumentSet().pair(index);
    t.quote = {bid, bid, bid, QStringLiteral("2025-11-18T12:30:00.000000Z")};
    t.relayedMicros = 1763469296789123LL;
    return t;
}

core::VolatilityAlert alert(int index, int n, int padding = 0)
{
    core::VolatilityAlert va;
    va.instrument = core::InstrumentSet().pair(index);
    va.index = index;
    va.volatility = n;
    va.threshold = 0.02;
    va.severity = core::Severity::Warning;
    va.message = QStringLiteral("alert %1 ").arg(n) + QString(padding, u'x');
    va.timestamp = QStringLiteral("2025-11-18T12:34:56.789123Z");
    return va;
}

// Event name and payload of a text frame, plain JSON or Socket.IO ("42[name,data]").
std::pair<QString, QJsonObject> eventOf(const QByteArray &text)
{
    if (text.startsWith("42[")) {
        const QJsonArray a = QJsonDocument::fromJson(text.mid(2)).array();
        return {a.at(0).toString(), a.at(1).toObject()};
    }
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    return {o.value(QStringLiteral("event")).toString(), o.value(QStringLiteral("data")).toObject()};
}

// Reads text frames until one is the event `name` (Engine.IO pings are answered); its payload.
std::optional<QJsonObject> waitEvent(RawWsClient &c, const QString &name, int timeoutMs = 5000)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const RawFrame f = c.nextFrame(int(std::max<qint64>(1, deadline.remainingTime())));
        if (f.opcode == 0 || f.opcode == 8)
            return std::nullopt;
        if (f.opcode != 1)
            continue;
        if (f.payload == "2") {
            c.sendText("3");
            continue;
        }
        const auto [event, data] = eventOf(f.payload);
        if (event == name)
            return data;
    }
    return std::nullopt;
}

bool sioJoin(RawWsClient &c, quint16 port)
{
    if (!c.connectTo(port, kSioPath))
        return false;
    if (!c.nextText().startsWith("0{"))
        return false;
    c.sendText("40");
    if (!c.nextText().startsWith("40{"))
        return false;
    return waitEvent(c, QStringLiteral("connection_established")).has_value();
}

bool plainJoin(RawWsClient &c, quint16 port)
{
    return c.connectTo(port, "/ws") && waitEvent(c, QStringLiteral("connection_established")).has_value();
}

QByteArray request(bool sio, const QByteArray &event, const QByteArray &data = "{}")
{
    if (sio)
        return "42[\"" + event + "\"," + data + ']';
    return "{\"event\":\"" + event + "\",\"data\":" + data + '}';
}

// A ping request of exactly `size` bytes (padded inside its data object).
QByteArray pingOfSize(bool sio, qsizetype size)
{
    const QByteArray bare = request(sio, "ping", "{\"p\":\"\"}");
    return request(sio, "ping", "{\"p\":\"" + QByteArray(size - bare.size(), 'x') + "\"}");
}

// The close code the server sent (-1: the TCP connection closed without one).
int closeCodeOf(RawWsClient &c)
{
    return c.waitForClose(5000);
}

// Bytes that reached the client but that it has not read: in its kernel's receive queue
// (FIONREAD) and in its socket's buffers (decrypted, and still encrypted over TLS).
qint64 clientHeld(RawWsClient &c)
{
    QTcpSocket &s = c.socket();
    int inKernel = 0;
    ::ioctl(int(s.socketDescriptor()), FIONREAD, &inKernel);
    qint64 n = s.bytesAvailable() + inKernel;
    if (const auto *ssl = qobject_cast<const QSslSocket *>(&s))
        n += ssl->encryptedBytesAvailable();
    return n;
}

// What the kernel holds for the server's end of the connection from local port `clientPort`
// (SIOCOUTQ): the server runs in this process, so its descriptor is one of ours.
qint64 serverKernelQueued(quint16 serverPort, quint16 clientPort)
{
    const QStringList fds = QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::System);
    for (const QString &name : fds) {
        const int fd = name.toInt();
        sockaddr_in local{}, peer{};
        socklen_t ll = sizeof local, pl = sizeof peer;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&local), &ll) != 0 || local.sin_family != AF_INET
            || ::getpeername(fd, reinterpret_cast<sockaddr *>(&peer), &pl) != 0)
            continue;
        if (ntohs(local.sin_port) != serverPort || ntohs(peer.sin_port) != clientPort)
            continue;
        int queued = 0;
        return ::ioctl(fd, SIOCOUTQ, &queued) == 0 ? queued : -1;
    }
    return -1;
}

} // namespace

class TestParseBounds : public QObject
{
    Q_OBJECT

    std::unique_ptr<server::StreamServer> m_server;
    std::unique_ptr<TestPki> m_pki; // the server's certificate in the TLS cases

    // With `tls` the server gets a test certificate (SECURITY.md, "TLS") and each client
    // connects with wss://, trusting the test CA.
    bool withTls(bool tls, server::ServerOptions &o, std::initializer_list<RawWsClient *> clients)
    {
        if (!tls)
            return true;
        m_pki = std::make_unique<TestPki>();
        if (!m_pki->create())
            return false;
        o.tlsCertPath = m_pki->path(QStringLiteral("a.pem"));
        o.tlsKeyPath = m_pki->path(QStringLiteral("a.key"));
        QSslConfiguration conf = QSslConfiguration::defaultConfiguration();
        conf.setCaCertificates(QSslCertificate::fromPath(m_pki->path(QStringLiteral("ca.pem"))));
        for (RawWsClient *c : clients)
            c->useTls(conf);
        return true;
    }

    bool start(server::ServerOptions o)
    {
        o.address = QHostAddress::LocalHost;
        o.port = 0;
        o.ioThreads = 1;
        m_server = std::make_unique<server::StreamServer>(o);
        QString err;
        if (!m_server->start(&err)) {
            qWarning() << err;
            return false;
        }
        return true;
    }
    quint16 port() const { return m_server->port(); }
    // The server's view (ClientInfo, taken on its I/O thread) of its one client in a room.
    std::optional<server::ClientInfo> subscribedClient()
    {
        auto got = std::make_shared<std::optional<QList<server::ClientInfo>>>();
        m_server->requestClients(this, [got](const QList<server::ClientInfo> &list) { *got = list; });
        if (!QTest::qWaitFor([&] { return got->has_value(); }, 5000))
            return std::nullopt;
        for (const server::ClientInfo &i : **got)
            if (!i.rooms.isEmpty())
                return i;
        return std::nullopt;
    }
    server::StatsSnapshot stats() const { return m_server->context().stats().snapshot(); }
    quint64 errors(protocol::ErrorCode c) const { return stats().errors[size_t(c)]; }
    quint64 disconnects(server::DisconnectReason r) const { return stats().disconnects[size_t(r)]; }

    // A server whose bucket does not refill during a test: exactly `burst` requests pass.
    static constexpr int kBurst = 20;
    static server::ServerOptions meteredOptions()
    {
        server::ServerOptions o;
        o.rateLimit = 0.1;
        o.rateBurst = kBurst;
        return o;
    }

    // The rate limit met exactly (meteredOptions()): kBurst - 1 requests just under it are all
    // answered, one more at it is answered too, and `over` more past it are refused, each counted
    // RATE_LIMITED. send(n, pastBurst) sends n metered requests; answered(n) waits (as its
    // transport needs) until the first n requests were answered and says whether they were.
    // The caller returns when QTest::currentTestFailed().
    void meetBurst(const std::function<void(int, bool)> &send, const std::function<bool(int)> &answered, int over)
    {
        send(kBurst - 1, false);
        QVERIFY(answered(kBurst - 1));
        send(1, false);
        QVERIFY(answered(kBurst));
        QCOMPARE(errors(protocol::ErrorCode::RateLimited), quint64(0));
        send(over, true);
        QTRY_COMPARE(errors(protocol::ErrorCode::RateLimited), quint64(over));
    }

private Q_SLOTS:
    void cleanup()
    {
        if (m_server && m_server->isRunning()) {
            QSignalSpy stopped(m_server.get(), &server::StreamServer::stopped);
            m_server->stop();
            QVERIFY(stopped.wait(10000));
        }
        m_server.reset();
        m_pki.reset();
    }

    // Socket.IO events over the rate limit are dropped before they are decoded.
    void sioFloodDroppedBeforeDecoding()
    {
        QVERIFY(start(meteredOptions()));
        RawWsClient c;
        QVERIFY(sioJoin(c, port()));
        const quint64 decoded0 = stats().sioDecoded; // the CONNECT
        QCOMPARE(decoded0, quint64(1));
        int pongs = 0;
        meetBurst(
            [&](int n, bool past) {
                for (int i = 0; i < n; ++i) // past the burst: none of these is parsed
                    c.sendText(past ? request(true, "subscribe", "{\"pairs\":[\"EUR_USD\"]}") : request(true, "ping"));
            },
            [&](int n) {
                while (pongs < n && waitEvent(c, QStringLiteral("pong")))
                    ++pongs;
                return pongs == n && stats().sioDecoded == decoded0 + quint64(n);
            },
            500);
        if (QTest::currentTestFailed())
            return;
        const auto notice = waitEvent(c, QStringLiteral("error"));
        QVERIFY(notice);
        QCOMPARE(notice->value(QStringLiteral("code")).toString(), QStringLiteral("RATE_LIMITED"));
        QCOMPARE(stats().sioDecoded, decoded0 + kBurst);
        QCOMPARE(stats().roomSubscribers.at(size_t(core::InstrumentSet().indexOf(u"EUR_USD"))), 0);
    }

    // A Socket.IO client that stays over the limit is closed, having had only its burst parsed.
    void sioSustainedFloodClosed()
    {
        server::ServerOptions o = meteredOptions();
        o.rateLimitCloseAfterMs = 500;
        QVERIFY(start(o));
        RawWsClient c;
        QVERIFY(sioJoin(c, port()));
        QDeadlineTimer deadline(10000);
        while (c.socket().state() == QAbstractSocket::ConnectedState && !deadline.hasExpired()) {
            for (int i = 0; i < 10; ++i)
                c.sendText(request(true, "ping"));
            c.readFrames(25);
        }
        QVERIFY(c.waitForDisconnected(3000));
        QTRY_COMPARE(disconnects(server::DisconnectReason::RateLimited), quint64(1));
        QCOMPARE(stats().sioDecoded, quint64(1 + 20));
    }

    // Before a namespace is joined a session may send WEBSOCKET_RATE_BURST packets.
    void sioUnjoinedPacketsBounded()
    {
        QVERIFY(start(meteredOptions()));
        RawWsClient c;
        QVERIFY(c.connectTo(port(), kSioPath));
        QVERIFY(c.nextText().startsWith("0{"));
        for (int i = 0; i < 20; ++i) // at the burst: each refused namespace is answered
            c.sendText("40/nope,");
        for (int i = 0; i < 20; ++i)
            QVERIFY2(c.nextText().startsWith("44/nope,"), "CONNECT_ERROR");
        QCOMPARE(stats().sioDecoded, quint64(20));
        c.sendText("40/nope,"); // over it
        QVERIFY(c.waitForDisconnected(5000));
        QCOMPARE(stats().sioDecoded, quint64(20));
        QCOMPARE(errors(protocol::ErrorCode::RateLimited), quint64(1));
    }

    // WEBSOCKET_MAX_MESSAGE_SIZE bounds a Socket.IO packet as it bounds a plain JSON message:
    // over it the WebSocket closes with 1009 before the packet is kept or parsed.
    void sioPacketSize_data()
    {
        QTest::addColumn<bool>("sio");
        QTest::newRow("socket.io") << true;
        QTest::newRow("plain") << false;
    }
    void sioPacketSize()
    {
        QFETCH(bool, sio);
        server::ServerOptions o;
        o.maxMessageSize = 1024;
        QVERIFY(start(o));
        RawWsClient c;
        QVERIFY(sio ? sioJoin(c, port()) : plainJoin(c, port()));
        const quint64 decoded0 = stats().sioDecoded;
        c.sendText(pingOfSize(sio, 1023));
        QVERIFY(waitEvent(c, QStringLiteral("pong")));
        c.sendText(pingOfSize(sio, 1024));
        QVERIFY(waitEvent(c, QStringLiteral("pong")));
        QCOMPARE(stats().sioDecoded, decoded0 + (sio ? 2 : 0));
        c.sendText(pingOfSize(sio, 1025));
        QCOMPARE(closeCodeOf(c), 1009);
        QCOMPARE(stats().sioDecoded, decoded0 + (sio ? 2 : 0));
        QTRY_COMPARE(disconnects(server::DisconnectReason::MessageTooLarge), quint64(1));
    }

    // Over long-polling the same bounds apply to each packet of a POST body, before decoding.
    void sioPollingBounded()
    {
        server::ServerOptions o = meteredOptions();
        o.maxMessageSize = 1024;
        QVERIFY(start(o));
        const auto join = [this]() -> QByteArray {
            const QByteArray base = "/socket.io/?EIO=4&transport=polling";
            const QByteArray url = base + "&sid=" + sidOf(httpRequest(port(), "GET", base).body);
            if (httpRequest(port(), "POST", url, "40").status != 200)
                return {};
            return httpRequest(port(), "GET", url).body.startsWith("40{") ? url : QByteArray();
        };
        const auto pings = [](int n, qsizetype size = 0) {
            QList<QByteArray> packets;
            for (int i = 0; i < n; ++i)
                packets.append(size ? pingOfSize(true, size) : request(true, "ping"));
            return packets.join('\x1e');
        };
        const QByteArray a = join();
        QVERIFY(!a.isEmpty());
        const quint64 decoded0 = stats().sioDecoded;
        bool posted = true; // every POST answered 200, over the limit too: dropped undecoded
        meetBurst([&](int n, bool) { posted = httpRequest(port(), "POST", a, pings(n)).status == 200 && posted; },
                  [&](int n) { return posted && stats().sioDecoded == decoded0 + quint64(n); }, 5);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(posted);
        QCOMPARE(stats().sioDecoded, decoded0 + kBurst);

        // Size: a message ("42[...]", as it would be one WebSocket message) of 1023, 1024, 1025 bytes.
        const QByteArray b = join();
        QVERIFY(!b.isEmpty());
        const quint64 decoded1 = stats().sioDecoded;
        QCOMPARE(httpRequest(port(), "POST", b, pings(1, 1023)).status, 200);
        QCOMPARE(httpRequest(port(), "POST", b, pings(1, 1024)).status, 200);
        QCOMPARE(stats().sioDecoded, decoded1 + 2);
        QCOMPARE(httpRequest(port(), "POST", b, pings(1, 1025)).status, 400);
        QCOMPARE(stats().sioDecoded, decoded1 + 2);
        QCOMPARE(errors(protocol::ErrorCode::MessageTooLarge), quint64(1));
        QCOMPARE(httpRequest(port(), "GET", b).status, 400); // the session is gone
    }

    // Binary attachments are not part of the product: a binary event is answered at its header,
    // and its attachments are discarded as they arrive, never buffered.
    void sioAttachmentsNeverBuffered()
    {
        server::ServerOptions o;
        o.maxMessageSize = 1024;
        QVERIFY(start(o));
        RawWsClient c;
        QVERIFY(sioJoin(c, port()));
        for (int n : {1, 9, 10}) { // under and at the most a header may announce
            QByteArray placeholders;
            for (int i = 0; i < n; ++i)
                placeholders += ",{\"_placeholder\":true,\"num\":" + QByteArray::number(i) + '}';
            c.sendText("45" + QByteArray::number(n) + "-[\"subscribe\"" + placeholders + ']');
            // Answered before any attachment was sent.
            const auto err = waitEvent(c, QStringLiteral("error"));
            QVERIFY(err);
            QCOMPARE(err->value(QStringLiteral("code")).toString(), QStringLiteral("INVALID_PAYLOAD"));
            for (int i = 0; i < n; ++i)
                c.sendFrame(2, QByteArray(1024, char(i)));
            c.sendText(request(true, "ping")); // the session goes on after the last attachment
            QVERIFY(waitEvent(c, QStringLiteral("pong")));
        }
        QCOMPARE(stats().sioAttachmentBytes, quint64(0));
        const quint64 decoded = stats().sioDecoded;
        c.sendText("4511-[\"subscribe\"]"); // over it: refused before decoding
        QVERIFY(c.waitForDisconnected(5000));
        QCOMPARE(stats().sioDecoded, decoded);
        QTRY_COMPARE(disconnects(server::DisconnectReason::ProtocolError), quint64(1));
    }

    // An attachment over the message size closes the WebSocket (1009) unbuffered.
    void sioAttachmentOverSize()
    {
        server::ServerOptions o;
        o.maxMessageSize = 1024;
        QVERIFY(start(o));
        RawWsClient c;
        QVERIFY(sioJoin(c, port()));
        c.sendText("451-[\"subscribe\",{\"_placeholder\":true,\"num\":0}]");
        QVERIFY(waitEvent(c, QStringLiteral("error")));
        c.sendFrame(2, QByteArray(1025, 'x'));
        QCOMPARE(closeCodeOf(c), 1009);
        QCOMPARE(stats().sioAttachmentBytes, quint64(0));
    }

    // WebSocket ping frames cost a request each: past the burst they get no pong.
    void pingFloodMetered_data()
    {
        QTest::addColumn<bool>("sio");
        QTest::newRow("socket.io") << true;
        QTest::newRow("plain") << false;
    }
    void pingFloodMetered()
    {
        QFETCH(bool, sio);
        QVERIFY(start(meteredOptions()));
        RawWsClient c;
        QVERIFY(sio ? sioJoin(c, port()) : plainJoin(c, port()));
        int pongs = 0;
        const auto readPongs = [&](int want) {
            QDeadlineTimer deadline(5000);
            while (pongs < want && !deadline.hasExpired()) {
                const RawFrame f = c.nextFrame(int(std::max<qint64>(1, deadline.remainingTime())));
                pongs += f.opcode == 10;
            }
            return pongs == want;
        };
        meetBurst(
            [&](int n, bool) {
                for (int i = 0; i < n; ++i)
                    c.sendFrame(9, "p" + QByteArray::number(i));
            },
            readPongs, 5);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stats().wsPings, quint64(25));
        // Everything the server sent before answering a close: the notice, and no more pongs.
        c.sendFrame(8, QByteArray("\x03\xe8", 2));
        bool notice = false;
        QDeadlineTimer deadline(5000);
        for (;;) {
            const RawFrame f = c.nextFrame(int(std::max<qint64>(1, deadline.remainingTime())));
            if (f.opcode == 0 || f.opcode == 8)
                break;
            pongs += f.opcode == 10;
            if (f.opcode == 1 && eventOf(f.payload).first == u"error")
                notice = eventOf(f.payload).second.value(QStringLiteral("code")).toString() == u"RATE_LIMITED";
        }
        QVERIFY(notice);
        QCOMPARE(pongs, 20);
    }

    // The same bounds met by real client libraries: python-socketio flooding events (only the
    // burst is decoded and answered, the rest dropped undecoded with a RATE_LIMITED notice), and
    // python3-websocket flooding pings on a plain JSON connection (pongs for the burst only).
    void realClients()
    {
        QVERIFY(start(meteredOptions()));
        QProcess py;
        py.start(QStringLiteral("/usr/bin/python3"), // Debian's, with python3-socketio
                 {QStringLiteral(FX_BOUNDS_SCRIPTS "/bounds_sio_flood.py"), QString::number(port())});
        QVERIFY(py.waitForFinished(30000));
        const QJsonObject got = QJsonDocument::fromJson(py.readAllStandardOutput().trimmed()).object();
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        QCOMPARE(got.value(QStringLiteral("pong")).toInt(), 20);
        QVERIFY(got.value(QStringLiteral("errors")).toArray().contains(QStringLiteral("RATE_LIMITED")));
        // The client may disconnect before its writer thread sent all 300 (and its DISCONNECT is
        // itself over the limit): whatever arrived past the burst was dropped undecoded.
        QTRY_VERIFY(errors(protocol::ErrorCode::RateLimited) >= 1);
        QVERIFY(errors(protocol::ErrorCode::RateLimited) <= 281);
        QTRY_COMPARE(stats().connectedClients, 0);
        QCOMPARE(stats().sioDecoded, quint64(1 + 20)); // the CONNECT and the burst

        py.start(QStringLiteral("/usr/bin/python3"), // Debian's, with python3-socketio
                 {QStringLiteral(FX_BOUNDS_SCRIPTS "/bounds_ping_flood.py"), QString::number(port())});
        QVERIFY(py.waitForFinished(30000));
        const QJsonObject pings = QJsonDocument::fromJson(py.readAllStandardOutput().trimmed()).object();
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        QCOMPARE(pings.value(QStringLiteral("pongs")).toInt(), 20);
        QCOMPARE(pings.value(QStringLiteral("notices")).toInt(), 1);
        QCOMPARE(stats().wsPings, quint64(25));
    }

    // The ping meter over TLS (the pong is written through QSslSocket), with Qt's QWebSocket
    // as the client: pongs for the burst, then the RATE_LIMITED notice and no more pongs.
    void pingFloodOverTls()
    {
        TestPki pki;
        QVERIFY(pki.create());
        server::ServerOptions o = meteredOptions();
        o.tlsCertPath = pki.path(QStringLiteral("a.pem"));
        o.tlsKeyPath = pki.path(QStringLiteral("a.key"));
        QVERIFY(start(o));
        QWebSocket ws;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromPath(pki.path(QStringLiteral("ca.pem"))));
        ws.setSslConfiguration(tls);
        int pongs = 0;
        QStringList events;
        connect(&ws, &QWebSocket::pong, this, [&pongs] { ++pongs; });
        connect(&ws, &QWebSocket::textMessageReceived, this, [&events](const QString &t) { events << t; });
        ws.open(QUrl(QStringLiteral("wss://127.0.0.1:%1/ws").arg(port())));
        QTRY_VERIFY(!events.isEmpty()); // connection_established
        meetBurst(
            [&](int n, bool) {
                for (int i = 0; i < n; ++i)
                    ws.ping("p");
            },
            [&](int n) { return QTest::qWaitFor([&] { return pongs >= n; }) && pongs == n; }, 5);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stats().wsPings, quint64(25));
        QTRY_VERIFY(events.last().contains(QStringLiteral("RATE_LIMITED")));
        ws.close();
        QTRY_COMPARE(ws.state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(pongs, 20);
    }

    // What a slow client's bounds measure (SECURITY.md, "Bounds"): every byte written to it that
    // it has not received, wherever it waits - the server's own buffers, QSslSocket's (plain and
    // encrypted) over TLS, and the kernel's send queue (SIOCOUTQ). The kernel holds more of it
    // here than the check allows to be missing, so a count without the kernel's share fails.
    void slowConsumerQueueCounted_data()
    {
        QTest::addColumn<bool>("sio");
        QTest::addColumn<bool>("tls");
        QTest::newRow("socket.io") << true << false;
        QTest::newRow("plain") << false << false;
        QTest::newRow("socket.io over TLS") << true << true;
        QTest::newRow("plain over TLS") << false << true;
    }
    void slowConsumerQueueCounted()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build cannot see the kernel's send queue (ARCHITECTURE.md, \"Platform seams\")");
        QFETCH(bool, sio);
        QFETCH(bool, tls);
        server::ServerOptions o;
        o.sendQueueLimit = 64LL * 1024 * 1024; // soft bound 256 KiB: nothing is conflated here
        o.slowConsumerGraceMs = 600000;
        RawWsClient c;
        QVERIFY(withTls(tls, o, {&c}));
        QVERIFY(start(o));
        c.socket().setReadBufferSize(16 * 1024); // Qt stops reading; the kernel's buffers fill
        QVERIFY(sio ? sioJoin(c, port()) : plainJoin(c, port()));
        c.sendText(request(sio, "subscribe", "{\"pairs\":[\"EUR_USD\"]}"));
        QVERIFY(waitEvent(c, QStringLiteral("subscription_confirmed")));
        const int a = core::InstrumentSet().indexOf(u"EUR_USD");
        // Prices until at least 64 KiB are on their way (past what the client's buffers take).
        qint64 inTransit = 0;
        int published = 0;
        for (QDeadlineTimer deadline(20000); !deadline.hasExpired() && inTransit < 64 * 1024;) {
            QList<core::MarketEvent> events;
            for (int i = 0; i < 50; ++i, ++published)
                events.append(tick(a, QStringLiteral("1.%1").arg(published, 6, 10, QChar(u'0'))));
            m_server->publish(events);
            QTest::qWait(20);
            const std::optional<server::ClientInfo> info = subscribedClient();
            QVERIFY(info);
            inTransit = qint64(info->bytesSent) - clientHeld(c);
        }
        QVERIFY2(inTransit >= 64 * 1024, QByteArray::number(inTransit).constData());
        // Nothing more is sent or read: once the server has sampled the kernel (its tick), its
        // count matches what is on the way.
        qint64 counted = -1, tolerance = 0, kernel = -1;
        const bool matched = QTest::qWaitFor(
            [&] {
                const std::optional<server::ClientInfo> info = subscribedClient();
                if (!info)
                    return false;
                inTransit = qint64(info->bytesSent) - clientHeld(c);
                counted = info->queuedBytes;
                kernel = serverKernelQueued(port(), c.socket().localPort());
                // What the estimate leaves out: WebSocket headers of Socket.IO packets, the
                // server's pings; over TLS the kernel's and QSslSocket's encrypted bytes are
                // larger by each record's header and tag.
                tolerance = inTransit / (tls ? 5 : 10) + 4096;
                return counted >= kernel && qAbs(counted - inTransit) <= tolerance;
            },
            5000);
        qInfo("%d prices published; on the way %lld bytes, counted %lld, of which the kernel holds %lld", published,
              inTransit, counted, kernel);
        QVERIFY2(matched, qPrintable(QStringLiteral("counted %1 of %2").arg(counted).arg(inTransit)));
        QVERIFY2(kernel > tolerance, QByteArray::number(kernel).constData());
        QCOMPARE(stats().conflated, quint64(0));
        QCOMPARE(disconnects(server::DisconnectReason::SlowConsumer), quint64(0));
    }

    // A client that stops reading: prices conflated to the newest per pair, alerts all kept.
    void slowConsumerConflated_data()
    {
        QTest::addColumn<bool>("sio");
        QTest::addColumn<bool>("tls");
        QTest::newRow("socket.io") << true << false;
        QTest::newRow("plain") << false << false;
        QTest::newRow("socket.io over TLS") << true << true;
        QTest::newRow("plain over TLS") << false << true;
    }
    void slowConsumerConflated()
    {
        QFETCH(bool, sio);
        QFETCH(bool, tls);
        server::ServerOptions o;
        o.sendQueueLimit = 64LL * 1024 * 1024;
        o.slowConsumerGraceMs = 600000;
        RawWsClient c;
        QVERIFY(withTls(tls, o, {&c}));
        QVERIFY(start(o));
        c.socket().setReadBufferSize(64 * 1024); // Qt stops reading; the kernel's buffers fill
        QVERIFY(sio ? sioJoin(c, port()) : plainJoin(c, port()));
        c.sendText(request(sio, "subscribe", "{\"pairs\":[\"EUR_USD\",\"GBP_USD\"]}"));
        QVERIFY(waitEvent(c, QStringLiteral("subscription_confirmed")));
        const core::InstrumentSet inst;
        const int a = inst.indexOf(u"EUR_USD"), b = inst.indexOf(u"GBP_USD");
        int published = 0, alerts = 0;
        const auto pump = [&] {
            QList<core::MarketEvent> events;
            for (int i = 0; i < 2000; ++i, ++published)
                events.append(tick(i % 2 ? a : b, QStringLiteral("1.%1").arg(published, 6, 10, QChar(u'0'))));
            events.append(alert(a, alerts++));
            m_server->publish(events);
            return stats().conflated;
        };
        QTRY_VERIFY_WITH_TIMEOUT(pump() > 100, 30000);
        m_server->publish(QList<core::MarketEvent>{alert(b, alerts++), tick(a, QStringLiteral("9.999999")),
                                                   tick(b, QStringLiteral("8.888888"))});
        // Now read everything.
        c.socket().setReadBufferSize(0);
        int prices = 0, alertsSeen = 0;
        QString lastA, lastB;
        QDeadlineTimer deadline(30000);
        while ((lastA != u"9.999999" || lastB != u"8.888888" || alertsSeen < alerts) && !deadline.hasExpired()) {
            const RawFrame f = c.nextFrame(1000);
            if (f.opcode == 8)
                break;
            if (f.opcode != 1)
                continue;
            if (f.payload == "2") {
                c.sendText("3");
                continue;
            }
            const auto [event, data] = eventOf(f.payload);
            if (event == u"price_update") {
                ++prices;
                const QString bid =
                    data.value(QStringLiteral("price")).toObject().value(QStringLiteral("bid")).toString();
                (data.value(QStringLiteral("instrument")).toString() == u"EUR_USD" ? lastA : lastB) = bid;
            } else if (event == u"volatility_alert") {
                QCOMPARE(int(data.value(QStringLiteral("volatility")).toDouble()), alertsSeen); // in order
                ++alertsSeen;
            }
        }
        QCOMPARE(lastA, QStringLiteral("9.999999"));
        QCOMPARE(lastB, QStringLiteral("8.888888"));
        QCOMPARE(alertsSeen, alerts);
        QVERIFY2(prices < published, qPrintable(QStringLiteral("%1 of %2").arg(prices).arg(published)));
        QCOMPARE(disconnects(server::DisconnectReason::SlowConsumer), quint64(0));
    }

    // Past WEBSOCKET_SEND_QUEUE_LIMIT (alerts are never conflated) or the grace time: dropped.
    void slowConsumerDropped_data()
    {
        QTest::addColumn<bool>("sio");
        QTest::addColumn<bool>("grace");
        QTest::addColumn<bool>("tls");
        for (const bool tls : {false, true}) {
            const char *over = tls ? " over TLS" : "";
            QTest::addRow("socket.io, queue limit%s", over) << true << false << tls;
            QTest::addRow("plain, queue limit%s", over) << false << false << tls;
            QTest::addRow("socket.io, grace time%s", over) << true << true << tls;
            QTest::addRow("plain, grace time%s", over) << false << true << tls;
        }
    }
    void slowConsumerDropped()
    {
        QFETCH(bool, sio);
        QFETCH(bool, grace);
        QFETCH(bool, tls);
        server::ServerOptions o;
        o.sendQueueLimit = grace ? 256LL * 1024 * 1024 : 4LL * 1024 * 1024;
        o.slowConsumerGraceMs = grace ? 1000 : 600000;
        // Keep-alive out of the way: under ThreadSanitizer filling the queue over TLS can take
        // longer than a ping interval, and the drop must be the slow consumer's, not a timeout.
        o.pingIntervalMs = 600000;
        o.pingTimeoutMs = 600000;
        RawWsClient c, bystander;
        QVERIFY(withTls(tls, o, {&c, &bystander}));
        QVERIFY(start(o));
        c.socket().setReadBufferSize(64 * 1024);
        QVERIFY(sio ? sioJoin(c, port()) : plainJoin(c, port()));
        QVERIFY(plainJoin(bystander, port()));
        c.sendText(request(sio, "subscribe", "{\"pairs\":[\"EUR_USD\"]}"));
        QVERIFY(waitEvent(c, QStringLiteral("subscription_confirmed")));
        const int a = core::InstrumentSet().indexOf(u"EUR_USD");
        int n = 0;
        const auto pump = [&] {
            // Alerts are kept: with the grace time a little over the soft bound suffices.
            if (!grace || stats().conflated == 0) {
                QList<core::MarketEvent> events;
                for (int i = 0; i < 200; ++i)
                    events.append(alert(a, n++, 2000));
                events.append(tick(a, QStringLiteral("1.0")));
                events.append(tick(a, QStringLiteral("1.1")));
                m_server->publish(events);
            }
            return disconnects(server::DisconnectReason::SlowConsumer);
        };
        QTRY_COMPARE_WITH_TIMEOUT(pump(), quint64(1), 30000);
        c.socket().setReadBufferSize(0);
        QVERIFY(c.waitForDisconnected(10000));
        // The other client is untouched.
        bystander.sendText(request(false, "ping"));
        QVERIFY(waitEvent(bystander, QStringLiteral("pong")));
    }
};

QTEST_GUILESS_MAIN(TestParseBounds)
#include "tst_parse_bounds.moc"
