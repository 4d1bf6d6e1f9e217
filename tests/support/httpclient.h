#pragma once

// Raw HTTP/1.1 requests for tests: one request per connection, or several at once.

#include <QByteArray>
#include <QJsonObject>
#include <QTcpSocket>

namespace fx::test {

struct HttpReply
{
    int status = 0;
    QByteArray head;
    QByteArray body;
    bool ok() const { return status > 0; }
    QByteArray header(const QByteArray &name) const;
};

// One unlabelled or fully labelled series (`name` or `name{label="x"}`) of a Prometheus text
// body, or of GET /metrics on a server; `absent` when the body has no such line.
double metricValue(const QByteArray &metrics, const QByteArray &series, double absent = -1);
double metricValue(quint16 port, const QByteArray &series, double absent = -1);

// The detailed /health of a server run with WEBSOCKET_ADMIN_TOKEN=token (SECURITY.md, "Admin
// endpoints"), parsed; an empty object when it does not answer within 2 s.
QJsonObject adminHealth(quint16 port, const QString &token);

// The sid of an Engine.IO open packet ("0{"sid":...}"), as a handshake reply body carries it.
QByteArray sidOf(const QByteArray &openPacket);

// Sends one request and reads the reply (Content-Length framed). status 0 if none came.
HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                      const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 5000);

// An HTTP request in flight on its own connection, for concurrent requests.
class PendingHttp
{
public:
    void send(quint16 port, const QByteArray &method, const QByteArray &target, const QByteArray &body = {});
    // Sends request exactly as given (a whole head, and its body if any).
    void sendRaw(quint16 port, const QByteArray &request);
    // Waits for the reply; status 0 when the connection closed or timed out without one.
    HttpReply wait(int timeoutMs = 5000);
    void abort() { m_sock.abort(); }

private:
    QTcpSocket m_sock;
    QByteArray m_buf;
};

} // namespace fx::test
