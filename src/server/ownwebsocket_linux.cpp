// The fast side of the WebSocket channel's platform seam (wschannel.h): after the upgrade the
// connection's descriptor is taken from Qt and served with the project's own framing:
// protocol::WsReader reads, one sendmsg() per batch writes, and between messages nothing is
// held but the descriptor, two notifiers and this object (PERFORMANCE.md, "Idle clients").
//
// Closing follows RFC 6455 §7: the side that closes sends a close frame; the other answers with
// one; then the server shuts its write side (FIN) and reads, discarding, until the client's end
// of file or LingeringClose::kGraceMs (SECURITY.md, "Bounds": the lingering close, so a client
// still sending reads the close code and not a reset).

#include "server/wschannel.h"

#include "core/timeutil.h"
#include "protocol/httpcodec.h"
#include "protocol/wsframe.h"
#include "protocol/wsreader.h"
#include "server/lingeringclose.h"
#include "server/plainjsonclient.h"
#include "server/serverlog.h"
#include "server/serverstats.h"
#include "server/socketwriter.h"

#include <QBasicTimer>
#include <QObject>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimerEvent>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <utility>
#include <vector>

namespace fx::server {

namespace {

class OwnWebSocket final : public QObject, public WsChannel
{
public:
    OwnWebSocket(int fd, qint64 maxMessage, QObject *parent, ShardCounters &counters, ServerStats &stats)
        : QObject(parent)
        , m_fd(fd)
        , m_read(new QSocketNotifier(qintptr(fd), QSocketNotifier::Read, this))
        , m_reader(maxMessage, maxMessage)
        , m_counters(counters)
        , m_stats(stats)
    {
        connect(m_read, &QSocketNotifier::activated, this, &OwnWebSocket::onReadable);
    }
    ~OwnWebSocket() override { closeDescriptor(); }

    // Bytes read past the upgrade: parsed once the client is attached.
    void takeLeftover(const QByteArray &bytes)
    {
        if (bytes.isEmpty())
            return;
        m_reader.feed(bytes);
        QMetaObject::invokeMethod(this, &OwnWebSocket::process, Qt::QueuedConnection);
    }

    // The upgrade's answer: sent with the first frames written in this pass of the event loop
    // (the welcome), in one sendmsg(), or alone at the end of the pass.
    void queueHead(const QByteArray &head)
    {
        m_head = head;
        QMetaObject::invokeMethod(
            this, [this] { writeFrames({}); }, Qt::QueuedConnection);
    }

    quint64 writeFrames(FrameRefs frames) override
    {
        if (!m_head.isEmpty()) { // once per connection
            const QByteArray head = std::exchange(m_head, QByteArray());
            std::vector<const QByteArray *> all{&head};
            all.insert(all.end(), frames.begin(), frames.end());
            const quint64 taken = writeFrames(all);
            return taken >= quint64(head.size()) ? taken - quint64(head.size()) : 0;
        }
        if (frames.empty())
            return 0;
        const quint64 total = totalBytes(frames);
        if (m_fd < 0 || m_writeShut || m_writeFailed)
            return 0;
        qsizetype first = 0, offset = 0;
        if (m_pending.isEmpty() && !detail::sendFrames(m_fd, frames, first, offset)) {
            writeFailed();
            return total;
        }
        for (qsizetype i = first; i < qsizetype(frames.size()); ++i) {
            const QByteArray &f = *frames[size_t(i)];
            if (m_pending.isEmpty())
                m_pendingOffset = offset;
            m_pending.append(f); // a shared copy: the caller's frames may go once this returns
            m_pendingBytes += f.size() - (i == first ? offset : 0);
        }
        if (!m_pending.isEmpty())
            wantWrite(true);
        return total;
    }
    void writeFrame(const QByteArray &frame) override
    {
        const QByteArray *one = &frame;
        writeFrames(FrameRefs(&one, 1));
    }
    qint64 pendingBytes() const override { return m_pendingBytes; }
    qint64 kernelQueuedBytes() const override { return server::kernelQueuedBytes(m_fd); }
    bool isTls() const override { return false; }
    void ping() override
    {
        if (m_sentClose || m_fd < 0)
            return;
        m_pingSentMs = core::monotonicMillis();
        writeFrame(protocol::wsFrame({}, protocol::WsOpcode::Ping));
    }
    void close(int code, const QString &reason) override
    {
        if (m_sentClose || m_fd < 0)
            return;
        sendClose(code, reason);
        shutdownWrite(); // FIN after the close frame; the client's answer is read, then its end
        // Closed for the client once its close is on the way, as Qt's socket tells it (later,
        // not from inside the caller).
        QMetaObject::invokeMethod(
            this, [this, code] { notifyClosed(code); }, Qt::QueuedConnection);
    }
    void abort() override
    {
        closeDescriptor();
        notifyClosed(1006);
        if (m_released)
            deleteLater();
    }
    void release() override
    {
        m_client = nullptr;
        m_released = true;
        if (m_fd < 0 || !m_sentClose) { // nothing to finish: cut off now
            closeDescriptor();
            deleteLater();
        }
    }

protected:
    void timerEvent(QTimerEvent *event) override
    {
        if (event->timerId() != m_grace.timerId())
            return QObject::timerEvent(event);
        m_grace.stop(); // the client never finished its close in time
        finish();
    }

private:
    void onReadable()
    {
        static thread_local char buf[65536];
        bool eof = false;
        for (int round = 0; round < 4 && m_fd >= 0; ++round) { // at most 256 KB a pass: fair to the others
            const ssize_t n = ::recv(m_fd, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                if (!m_reader.closed() && !m_reader.failed())
                    m_reader.feed(QByteArrayView(buf, n));
                if (n < qsizetype(sizeof buf))
                    break;
                continue;
            }
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
                break;
            eof = true; // end of file, or the connection broke (reset)
            break;
        }
        process();
        if (eof && m_fd >= 0) {
            if (!m_gotClose && m_client && !m_notified)
                m_client->onChannelBroken(); // gone without a close handshake
            finish();
        }
    }

    void process()
    {
        while (m_fd >= 0) {
            protocol::WsMessage m = m_reader.next();
            using Kind = protocol::WsMessage::Kind;
            switch (m.kind) {
            case Kind::None: return;
            case Kind::Text:
                if (m_client && !m_sentClose)
                    m_client->onChannelText(m.payload);
                break;
            case Kind::Binary:
                if (m_client && !m_sentClose)
                    m_client->onChannelBinary(m.payload.size());
                break;
            case Kind::Ping:
                m_counters.add(m_counters.wsPings);
                // SECURITY.md, "Bounds": a ping costs a request; a dropped one gets no pong.
                if (m_client && !m_sentClose && m_client->onChannelPing())
                    writeFrame(protocol::wsFrame(m.payload, protocol::WsOpcode::Pong));
                break;
            case Kind::Pong:
                if (m_pingSentMs && m_client) {
                    const qint64 rtt = core::monotonicMillis() - m_pingSentMs;
                    m_pingSentMs = 0;
                    m_client->onChannelPong(rtt);
                }
                break;
            case Kind::Close:
                m_gotClose = true;
                if (!m_sentClose) // the client closed: answer with its code (§5.5.1)
                    sendClose(m.closeCode, QString());
                shutdownWrite(); // both closes sent: FIN, then read to the client's end of file
                notifyClosed(m.closeCode);
                return;
            case Kind::Error:
                qCDebug(fxServerLog).noquote() << "WebSocket protocol error, closing with" << m.closeCode << m.reason;
                sendClose(m.closeCode, m.reason);
                shutdownWrite();
                notifyClosed(m.closeCode);
                return;
            }
        }
    }

    void onWritable()
    {
        if (m_fd < 0)
            return;
        qsizetype first = 0, offset = m_pendingOffset;
        if (!detail::sendFrames(m_fd, m_pending, first, offset)) {
            writeFailed();
            return;
        }
        m_pending.remove(0, first);
        m_pendingOffset = offset;
        m_pendingBytes = 0;
        for (const QByteArray &f : std::as_const(m_pending))
            m_pendingBytes += f.size();
        m_pendingBytes -= m_pendingOffset;
        if (!m_pending.isEmpty())
            return;
        m_pending = QList<QByteArray>(); // drained: nothing held
        wantWrite(false);
        if (m_shutdownWhenDrained)
            shutdownWrite();
        if (m_client)
            m_client->onBytesWritten();
    }

    void wantWrite(bool on)
    {
        if (!m_write) {
            if (!on)
                return;
            m_write = new QSocketNotifier(qintptr(m_fd), QSocketNotifier::Write, this);
            connect(m_write, &QSocketNotifier::activated, this, &OwnWebSocket::onWritable);
        }
        m_write->setEnabled(on);
    }

    // The connection cannot take more (reset, broken pipe): what was queued is dropped; the read
    // side sees the end and finishes.
    void writeFailed()
    {
        m_writeFailed = true;
        m_pending = QList<QByteArray>();
        m_pendingBytes = 0;
        wantWrite(false);
    }

    void sendClose(int code, const QString &reason)
    {
        if (m_sentClose || m_fd < 0)
            return;
        m_sentClose = true;
        writeFrame(protocol::wsCloseFrame(code, reason));
        m_reader.setDiscardData(true); // what the client still sends is skipped, not held
        // The same cap as every lingering close: past it, closed once the close frame is out.
        m_lingering = LingeringClose::tryHold();
        if (m_lingering)
            m_stats.countBound(BoundHit::LingeringClose);
        m_grace.start(m_lingering ? LingeringClose::kGraceMs : 0, this);
    }

    void shutdownWrite()
    {
        if (m_writeShut || m_fd < 0)
            return;
        if (!m_pending.isEmpty() && !m_writeFailed) { // after the close frame is out
            m_shutdownWhenDrained = true;
            return;
        }
        m_writeShut = true;
        ::shutdown(m_fd, SHUT_WR);
        if (!m_grace.isActive())
            m_grace.start(m_lingering ? LingeringClose::kGraceMs : 0, this);
    }

    void notifyClosed(int code)
    {
        if (m_notified || !m_client)
            return;
        m_notified = true;
        m_client->onChannelClosed(code);
    }

    void finish()
    {
        closeDescriptor();
        notifyClosed(m_gotClose ? 1000 : 1006);
        if (m_released)
            deleteLater();
    }

    void closeDescriptor()
    {
        if (m_fd < 0)
            return;
        m_grace.stop();
        delete m_read;
        m_read = nullptr;
        delete m_write;
        m_write = nullptr;
        ::close(m_fd);
        m_fd = -1;
        if (std::exchange(m_lingering, false))
            LingeringClose::release();
        m_pending = QList<QByteArray>();
        m_pendingBytes = 0;
    }

    int m_fd;
    QSocketNotifier *m_read;
    QSocketNotifier *m_write = nullptr;
    protocol::WsReader m_reader;
    ShardCounters &m_counters;
    ServerStats &m_stats;
    QList<QByteArray> m_pending; // frames the kernel could not take yet (shared, not copied)
    qsizetype m_pendingOffset = 0; // bytes of m_pending.first() already sent
    qint64 m_pendingBytes = 0;
    QByteArray m_head; // queueHead()
    qint64 m_pingSentMs = 0;
    QBasicTimer m_grace;
    bool m_sentClose = false;
    bool m_gotClose = false;
    bool m_writeShut = false;
    bool m_shutdownWhenDrained = false;
    bool m_writeFailed = false;
    bool m_notified = false;
    bool m_released = false;
    bool m_lingering = false; // holds one of LingeringClose's places
};

} // namespace

bool ownFramingFor(const QTcpSocket *tcp)
{
    static const bool qtFraming = qgetenv("FX_WS_FRAMING") == "qt"; // to measure one against the other
    return !qtFraming && !qobject_cast<const QSslSocket *>(tcp) && tcp->state() == QAbstractSocket::ConnectedState
        && tcp->socketDescriptor() >= 0;
}

WsChannel *acceptOwnUpgrade(QTcpSocket *tcp, const protocol::HttpRequest &request, qsizetype headLength,
                            qint64 maxMessageSize, QObject *parent, ShardCounters &counters, ServerStats &stats)
{
    if (tcp->bytesAvailable() < headLength)
        return nullptr;
    const int fd = ::fcntl(int(tcp->socketDescriptor()), F_DUPFD_CLOEXEC, 0); // non-blocking, as Qt's
    if (fd < 0)
        return nullptr; // out of descriptors: QWebSocketServer's, as before
    tcp->skip(headLength);
    const QByteArray leftover = tcp->readAll(); // sent after the head
    tcp->abort(); // closes Qt's descriptor only: the connection stays open on ours
    tcp->deleteLater();
    auto *c = new OwnWebSocket(fd, maxMessageSize, parent, counters, stats);
    c->queueHead("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Accept: "
                 + protocol::webSocketAccept(request.header("sec-websocket-key").trimmed()) + "\r\n\r\n");
    c->takeLeftover(leftover);
    return c;
}

} // namespace fx::server
