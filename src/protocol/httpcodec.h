#pragma once

// HTTP/1.x request heads and responses for the server's one port. Pure: bytes in, values out.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace fx::protocol {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method; // GET, POST, OPTIONS ...
    QByteArray target; // as sent: /socket.io/?EIO=4&transport=polling
    QByteArray path; // percent-decoded path without the query
    QByteArray query; // raw query string without '?'
    int minorVersion = 1; // HTTP/1.<minor>
    HttpHeaders headers;
    qint64 contentLength = 0;

    // Case-insensitive; the first value, or an empty array.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    // Connection: keep-alive semantics of HTTP/1.0 and 1.1.
    bool keepAlive() const;
    // Connection: upgrade + Upgrade: websocket.
    bool isWebSocketUpgrade() const;
    // Decoded query parameter (first occurrence), and whether it is present.
    QString queryValue(QStringView name, bool *present = nullptr) const;
};

// RFC 6455 §4.2.1: what a WebSocket upgrade request must carry besides Upgrade and Connection
// (HTTP/1.1, Host, Sec-WebSocket-Version 13, a Sec-WebSocket-Key of 16 bytes in base64). status
// 0: fine; else 400, or 426 for another version (answered with Sec-WebSocket-Version: 13, §4.4).
struct UpgradeCheck
{
    int status = 0;
    QString message;
};
UpgradeCheck checkWebSocketUpgrade(const HttpRequest &request);
// §4.2.2: the Sec-WebSocket-Accept value for a key.
QByteArray webSocketAccept(QByteArrayView key);

struct HttpParseResult
{
    enum Status { Incomplete, Complete, Error } status = Incomplete;
    qsizetype headLength = 0; // bytes of the head including the blank line
    HttpRequest request;
    int errorStatus = 0; // 400, 413, 414, 431, 501, 505 when status == Error
    QString error;
};

struct HttpLimits
{
    qsizetype maxHead = 16 * 1024;
    int maxHeaders = 100;
    qsizetype maxTarget = 8 * 1024;
    qint64 maxBody = 1024 * 1024;
};

// Parses the head at the start of buffer. Incomplete until the blank line arrives.
HttpParseResult parseHttpHead(QByteArrayView buffer, const HttpLimits &limits = {});

QByteArray httpReasonPhrase(int status);

// A complete response with Content-Length; extra headers are written as given. headOnly
// (a HEAD request): the Content-Length of body, without the body.
QByteArray httpResponse(int status, QByteArrayView contentType, QByteArrayView body, const HttpHeaders &headers = {},
                        bool keepAlive = true, bool headOnly = false);

} // namespace fx::protocol
