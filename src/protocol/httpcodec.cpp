#include "protocol/httpcodec.h"

#include <QCryptographicHash>
#include <QUrl>
#include <QUrlQuery>

namespace fx::protocol {

static bool iequals(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (iequals(k, name))
            return v;
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &h : headers)
        if (iequals(h.first, name))
            return true;
    return false;
}

static bool headerHasToken(const HttpRequest &r, QByteArrayView name, QByteArrayView token)
{
    for (const auto &[k, v] : r.headers) {
        if (!iequals(k, name))
            continue;
        for (const QByteArray &part : v.split(','))
            if (iequals(part.trimmed(), token))
                return true;
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    if (headerHasToken(*this, "connection", "close"))
        return false;
    if (minorVersion == 0)
        return headerHasToken(*this, "connection", "keep-alive");
    return true;
}

bool HttpRequest::isWebSocketUpgrade() const
{
    return headerHasToken(*this, "connection", "upgrade") && headerHasToken(*this, "upgrade", "websocket");
}

UpgradeCheck checkWebSocketUpgrade(const HttpRequest &request)
{
    if (request.minorVersion < 1)
        return {400, QStringLiteral("a WebSocket upgrade needs HTTP/1.1")};
    if (!request.hasHeader("host"))
        return {400, QStringLiteral("the upgrade request has no Host header")};
    const QByteArray version = request.header("sec-websocket-version").trimmed();
    if (version != "13")
        return {426,
                QStringLiteral("unsupported WebSocket version \"%1\": this server speaks 13 (RFC 6455)")
                    .arg(QString::fromLatin1(version.left(16)))};
    const QByteArray key = request.header("sec-websocket-key").trimmed();
    const auto decoded = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16)
        return {400, QStringLiteral("Sec-WebSocket-Key must be 16 bytes in base64")};
    return {};
}

QByteArray webSocketAccept(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData("258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    return sha1.result().toBase64();
}

QString HttpRequest::queryValue(QStringView name, bool *present) const
{
    const QUrlQuery q(QString::fromUtf8(query));
    const QString n = name.toString();
    const bool has = q.hasQueryItem(n);
    if (present)
        *present = has;
    return has ? q.queryItemValue(n, QUrl::FullyDecoded) : QString();
}

static bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~': return true;
    default: return false;
    }
}

HttpParseResult parseHttpHead(QByteArrayView buffer, const HttpLimits &limits)
{
    HttpParseResult r;
    auto error = [&r](int status, const QString &why) {
        r.status = HttpParseResult::Error;
        r.errorStatus = status;
        r.error = why;
        return r;
    };
    // Tolerate leading empty lines (RFC 9112 §2.2).
    qsizetype start = 0;
    while (start < buffer.size() && (buffer[start] == '\r' || buffer[start] == '\n'))
        ++start;
    qsizetype end = -1;
    qsizetype headLen = 0;
    for (qsizetype i = start; i < buffer.size(); ++i) {
        if (buffer[i] != '\n')
            continue;
        if (i + 1 < buffer.size() && buffer[i + 1] == '\n') {
            end = i;
            headLen = i + 2;
            break;
        }
        if (i + 2 < buffer.size() && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') {
            end = i;
            headLen = i + 3;
            break;
        }
    }
    if (end < 0) {
        if (buffer.size() > limits.maxHead)
            return error(431, QStringLiteral("request head larger than %1 bytes").arg(limits.maxHead));
        return r; // Incomplete
    }
    if (headLen > limits.maxHead)
        return error(431, QStringLiteral("request head larger than %1 bytes").arg(limits.maxHead));

    const QByteArrayView head = buffer.sliced(start, end - start);
    QList<QByteArrayView> lines;
    qsizetype ls = 0;
    for (qsizetype i = 0; i <= head.size(); ++i) {
        if (i == head.size() || head[i] == '\n') {
            QByteArrayView line = head.sliced(ls, i - ls);
            if (line.endsWith('\r'))
                line.chop(1);
            lines.append(line);
            ls = i + 1;
        }
    }
    if (lines.isEmpty())
        return error(400, QStringLiteral("empty request"));

    // Request line: METHOD SP target SP HTTP/1.x
    const QByteArrayView rl = lines.first();
    const qsizetype sp1 = rl.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : rl.sliced(sp1 + 1).indexOf(' ');
    if (sp1 <= 0 || sp2 <= 0)
        return error(400, QStringLiteral("malformed request line"));
    const QByteArrayView method = rl.first(sp1);
    const QByteArrayView target = rl.sliced(sp1 + 1, sp2);
    const QByteArrayView version = rl.sliced(sp1 + 1 + sp2 + 1);
    for (char c : method)
        if (!isTokenChar(c))
            return error(400, QStringLiteral("malformed method"));
    if (target.size() > limits.maxTarget)
        return error(414, QStringLiteral("request target longer than %1 bytes").arg(limits.maxTarget));
    if (version == "HTTP/1.1")
        r.request.minorVersion = 1;
    else if (version == "HTTP/1.0")
        r.request.minorVersion = 0;
    else if (version.startsWith("HTTP/"))
        return error(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"));
    else
        return error(400, QStringLiteral("malformed request line"));
    if (target.isEmpty() || (target[0] != '/' && !(method == "OPTIONS" && target == "*")))
        return error(400, QStringLiteral("request target must be an absolute path"));
    for (char c : target)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return error(400, QStringLiteral("invalid character in request target"));

    r.request.method = method.toByteArray();
    r.request.target = target.toByteArray();
    const qsizetype q = target.indexOf('?');
    const QByteArrayView rawPath = q < 0 ? target : target.first(q);
    r.request.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();
    r.request.path = QByteArray::fromPercentEncoding(rawPath.toByteArray());

    if (lines.size() - 1 > limits.maxHeaders)
        return error(431, QStringLiteral("more than %1 header fields").arg(limits.maxHeaders));
    bool haveLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.isEmpty())
            continue;
        if (line[0] == ' ' || line[0] == '\t')
            return error(400, QStringLiteral("obsolete line folding is not allowed"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return error(400, QStringLiteral("malformed header field"));
        const QByteArrayView name = line.first(colon);
        for (char c : name)
            if (!isTokenChar(c))
                return error(400, QStringLiteral("malformed header field name"));
        const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
        if (iequals(name, "content-length")) {
            bool ok = false;
            const qint64 len = value.toLongLong(&ok);
            if (!ok || len < 0 || value.isEmpty() || value.startsWith('+'))
                return error(400, QStringLiteral("invalid Content-Length"));
            if (haveLength && len != r.request.contentLength)
                return error(400, QStringLiteral("conflicting Content-Length"));
            if (len > limits.maxBody)
                return error(413, QStringLiteral("request body larger than %1 bytes").arg(limits.maxBody));
            r.request.contentLength = len;
            haveLength = true;
        } else if (iequals(name, "transfer-encoding")) {
            return error(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        }
        r.request.headers.append({name.toByteArray(), value});
    }
    if (r.request.minorVersion == 1 && !r.request.hasHeader("host"))
        return error(400, QStringLiteral("HTTP/1.1 request without Host"));
    r.status = HttpParseResult::Complete;
    r.headLength = headLen;
    return r;
}

QByteArray httpReasonPhrase(int status)
{
    switch (status) {
    case 101: return "Switching Protocols";
    case 200: return "OK";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 426: return "Upgrade Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

QByteArray httpResponse(int status, QByteArrayView contentType, QByteArrayView body, const HttpHeaders &headers,
                        bool keepAlive, bool headOnly)
{
    QByteArray out;
    out.reserve(body.size() + 256);
    out += "HTTP/1.1 " + QByteArray::number(status) + ' ' + httpReasonPhrase(status) + "\r\n";
    if (!contentType.isEmpty())
        out += "Content-Type: " + contentType.toByteArray() + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    for (const auto &[k, v] : headers)
        out += k + ": " + v + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n";
    if (!headOnly)
        out += body;
    return out;
}

} // namespace fx::protocol
