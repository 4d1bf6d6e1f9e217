#include "support/httpclient.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QTest>

namespace fx::test {

QByteArray sidOf(const QByteArray &openPacket)
{
    return QJsonDocument::fromJson(openPacket.mid(1)).object().value(QStringLiteral("sid")).toString().toUtf8();
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

void PendingHttp::send(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &body)
{
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!body.isEmpty() || method == "POST")
        req += "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    sendRaw(port, req + "\r\n" + body);
}

void PendingHttp::sendRaw(quint16 port, const QByteArray &request)
{
    m_sock.connectToHost(QStringLiteral("127.0.0.1"), port);
    m_sock.waitForConnected(3000);
    m_sock.write(request);
    m_sock.flush();
}

HttpReply PendingHttp::wait(int timeoutMs)
{
    HttpReply r;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        m_buf += m_sock.readAll();
        const qsizetype end = m_buf.indexOf("\r\n\r\n");
        if (end > 0) {
            r.head = m_buf.left(end);
            const QByteArray len = r.header("content-length");
            const qsizetype n = len.isEmpty() ? 0 : len.toLongLong();
            if (m_buf.size() >= end + 4 + n) {
                r.status = m_buf.mid(9, 3).toInt();
                r.body = m_buf.mid(end + 4, n);
                m_buf.remove(0, end + 4 + n);
                return r;
            }
        }
        if (m_sock.state() != QAbstractSocket::ConnectedState && !m_sock.bytesAvailable())
            return r;
        const auto readable = [this] {
            return m_sock.bytesAvailable() > 0 || m_sock.state() != QAbstractSocket::ConnectedState;
        };
        (void)QTest::qWaitFor(readable, int(std::max<qint64>(1, deadline.remainingTime())));
    }
    return r;
}

HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &body,
                      const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(3000))
        return {};
    QByteArray req = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
    for (const auto &[k, v] : headers)
        req += k + ": " + v + "\r\n";
    if (!body.isEmpty() || method == "POST")
        req += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    req += "\r\n" + body;
    s.write(req);
    QByteArray all;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (s.waitForReadyRead(20))
            all += s.readAll();
        if (s.state() != QAbstractSocket::ConnectedState) {
            all += s.readAll();
            break;
        }
        const qsizetype end = all.indexOf("\r\n\r\n");
        if (end > 0) {
            HttpReply probe;
            probe.head = all.left(end);
            const QByteArray len = probe.header("content-length");
            if (!len.isEmpty() && all.size() >= end + 4 + len.toLongLong())
                break;
        }
    }
    HttpReply r;
    const qsizetype end = all.indexOf("\r\n\r\n");
    if (!all.startsWith("HTTP/1.1 ") || end < 0)
        return r;
    r.status = all.mid(9, 3).toInt();
    r.head = all.left(end);
    r.body = all.mid(end + 4);
    const QByteArray len = r.header("content-length");
    if (!len.isEmpty())
        r.body.truncate(len.toLongLong());
    return r;
}

QJsonObject adminHealth(quint16 port, const QString &token)
{
    QTcpSocket s;
    s.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!s.waitForConnected(2000))
        return {};
    s.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + token.toLatin1()
            + "\r\n\r\n");
    QByteArray all;
    while (s.waitForReadyRead(2000))
        all += s.readAll();
    return QJsonDocument::fromJson(all.mid(all.indexOf("\r\n\r\n") + 4)).object();
}

double metricValue(const QByteArray &metrics, const QByteArray &series, double absent)
{
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    return absent;
}

double metricValue(quint16 port, const QByteArray &series, double absent)
{
    return metricValue(httpRequest(port, "GET", "/metrics").body, series, absent);
}

} // namespace fx::test
