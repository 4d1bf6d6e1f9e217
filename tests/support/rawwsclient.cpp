#include "support/rawwsclient.h"

#include <QDeadlineTimer>
#include <QRandomGenerator>
#include <QTest>

namespace fx::test {

int RawFrame::closeCode() const
{
    if (opcode != 8 || payload.size() < 2)
        return -1;
    return (quint8(payload[0]) << 8) | quint8(payload[1]);
}

void RawWsClient::useTls(const QSslConfiguration &configuration)
{
    m_sock.setSslConfiguration(configuration);
    m_tls = true;
}

bool RawWsClient::connectTo(quint16 port, const QByteArray &path, int timeoutMs)
{
    if (m_tls) {
        m_sock.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
        if (!m_sock.waitForEncrypted(timeoutMs))
            return false;
    } else {
        m_sock.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_sock.waitForConnected(timeoutMs))
            return false;
    }
    // Like browsers and the ws library: no Nagle delay, every frame leaves at once.
    m_sock.setSocketOption(QAbstractSocket::LowDelayOption, 1);
    const QByteArray key = QByteArray::number(QRandomGenerator::global()->generate64())
                               .leftJustified(16, 'x', true)
                               .toBase64(); // 16 bytes (RFC 6455 §4.1)
    m_sock.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
                 + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                 + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QDeadlineTimer deadline(timeoutMs);
    while (!m_buf.contains("\r\n\r\n")) {
        if (deadline.hasExpired() || !m_sock.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            return false;
        m_buf += m_sock.readAll();
    }
    const qsizetype end = m_buf.indexOf("\r\n\r\n") + 4;
    const QByteArray head = m_buf.left(end);
    m_buf.remove(0, end);
    return head.startsWith("HTTP/1.1 101");
}

QByteArray RawWsClient::frameHeader(int opcode, quint64 length, bool fin)
{
    QByteArray h;
    h.append(char((fin ? 0x80 : 0) | opcode));
    if (length < 126) {
        h.append(char(0x80 | length));
    } else if (length <= 0xFFFF) {
        h.append(char(0x80 | 126));
        h.append(char(length >> 8));
        h.append(char(length & 0xFF));
    } else {
        h.append(char(0x80 | 127));
        for (int s = 56; s >= 0; s -= 8)
            h.append(char((length >> s) & 0xFF));
    }
    h.append(QByteArray(4, '\0')); // zero mask: payload goes as is
    return h;
}

void RawWsClient::sendFrame(int opcode, const QByteArray &payload, bool fin)
{
    m_sock.write(frameHeader(opcode, quint64(payload.size()), fin) + payload);
    m_sock.flush();
}

void RawWsClient::writeRaw(const QByteArray &bytes)
{
    m_sock.write(bytes);
    m_sock.flush();
}

bool RawWsClient::parseOne(RawFrame *out)
{
    if (m_buf.size() < 2)
        return false;
    const quint8 b0 = quint8(m_buf[0]), b1 = quint8(m_buf[1]);
    quint64 len = b1 & 0x7F;
    qsizetype pos = 2;
    if (len == 126) {
        if (m_buf.size() < 4)
            return false;
        len = (quint64(quint8(m_buf[2])) << 8) | quint8(m_buf[3]);
        pos = 4;
    } else if (len == 127) {
        if (m_buf.size() < 10)
            return false;
        len = 0;
        for (int i = 0; i < 8; ++i)
            len = (len << 8) | quint8(m_buf[2 + i]);
        pos = 10;
    }
    if (b1 & 0x80)
        pos += 4; // servers do not mask, but be tolerant
    if (quint64(m_buf.size() - pos) < len)
        return false;
    out->opcode = b0 & 0x0F;
    out->payload = m_buf.mid(pos, qsizetype(len));
    m_buf.remove(0, pos + qsizetype(len));
    return true;
}

QList<RawFrame> RawWsClient::readFrames(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    QList<RawFrame> out;
    out.swap(m_pending);
    for (;;) {
        m_buf += m_sock.readAll();
        RawFrame f;
        while (parseOne(&f)) {
            if (f.opcode == 9)
                ++m_pings; // deliberately never answered
            out.append(f);
        }
        if (!out.isEmpty() || deadline.hasExpired() || m_sock.state() != QAbstractSocket::ConnectedState)
            return out;
        // Wait for more bytes (or the close) with the event loop running: other clients in this
        // process must answer their pings.
        const auto readable = [this] {
            return m_sock.bytesAvailable() > 0 || m_sock.state() != QAbstractSocket::ConnectedState;
        };
        (void)QTest::qWaitFor(readable, int(std::max<qint64>(1, deadline.remainingTime())));
    }
}

RawFrame RawWsClient::nextFrame(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_pending.isEmpty() && !deadline.hasExpired()) {
        m_pending = readFrames(int(std::max<qint64>(1, deadline.remainingTime())));
        if (m_pending.isEmpty() && m_sock.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return m_pending.isEmpty() ? RawFrame{} : m_pending.takeFirst();
}

QByteArray RawWsClient::nextText(int timeoutMs, bool skipPings)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const RawFrame f = nextFrame(int(std::max<qint64>(1, deadline.remainingTime())));
        if (f.opcode == 0)
            break;
        if (f.opcode == 1 && !(skipPings && f.payload == "2"))
            return f.payload;
    }
    return {};
}

QByteArray RawWsClient::waitForEvent(const QByteArray &name, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    const QByteArray needle = "{\"event\":\"" + name + "\"";
    while (!deadline.hasExpired()) {
        QList<RawFrame> frames = readFrames(int(std::max<qint64>(1, deadline.remainingTime())));
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (frames[i].opcode == 1 && frames[i].payload.startsWith(needle)) {
                m_pending = frames.mid(i + 1); // keep what came after for later reads
                return frames[i].payload;
            }
        }
        if (m_sock.state() != QAbstractSocket::ConnectedState)
            break;
    }
    return {};
}

int RawWsClient::waitForClose(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        // readFrames waits for bytes or the TCP close.
        for (const RawFrame &f : readFrames(int(std::max<qint64>(1, deadline.remainingTime()))))
            if (f.opcode == 8)
                return f.closeCode();
        if (m_sock.state() != QAbstractSocket::ConnectedState && m_buf.isEmpty())
            return -1;
    }
    return -2;
}

bool RawWsClient::waitForDisconnected(int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (m_sock.state() == QAbstractSocket::ConnectedState) {
        if (deadline.hasExpired())
            return false;
        readFrames(int(std::max<qint64>(1, deadline.remainingTime()))); // waits for bytes or the TCP close
    }
    return true;
}

} // namespace fx::test
