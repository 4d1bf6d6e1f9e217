#include "server/httpconnection.h"

#include "core/logging.h"
#include "core/tsan.h"
#include "core/version.h"
#include "protocol/envelope.h"
#include "server/adminaccess.h"
#include "server/connectionlimits.h"
#include "server/ioshard.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/socketwriter.h"

#include <QJsonDocument>
#include <QSslSocket>
#include <QThread>
#include <QTimer>
#include <QTimerEvent>

namespace fx::server {

using protocol::HttpRequest;

HttpConnection::HttpConnection(QTcpSocket *socket, IoShard *shard, ServerContext &context, QHostAddress handshakeSlot)
    : QObject(shard)
    , m_socket(socket)
    , m_shard(shard)
    , m_ctx(context)
    , m_handshakeSlot(std::move(handshakeSlot))
{
    connect(socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(socket, &QTcpSocket::disconnected, this, &HttpConnection::close);
    connect(socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) // drained means sent, not only encrypted
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    // SECURITY.md, "Bounds": what is read ahead of the request being served stays bounded (one
    // head and one body at most); past it the kernel's window pushes back on the client.
    const protocol::HttpLimits limits;
    socket->setReadBufferSize(limits.maxHead + limits.maxBody + 1);
    startHeadDeadline(); // from connect: the TLS handshake and the first head
    if (socket->bytesAvailable())
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    endHandshake();
    if (m_socket) {
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater();
    }
}

QTcpSocket *HttpConnection::releaseSocket()
{
    QTcpSocket *s = m_socket;
    if (s)
        QObject::disconnect(s, nullptr, this, nullptr);
    m_socket = nullptr;
    m_timer.stop();
    endHandshake();
    if (s) {
        QObject::disconnect(s, nullptr, this, nullptr);
        s->setReadBufferSize(0); // the WebSocket reads frames by its own limits
    }
    deleteLater();
    return s;
}

void HttpConnection::endHandshake()
{
    if (m_handshakeSlot.isNull())
        return;
    m_ctx.limits().endHandshake(m_handshakeSlot);
    m_handshakeSlot = QHostAddress();
}

void HttpConnection::startHeadDeadline()
{
    if (m_headDeadline || m_drainBlocked)
        return; // a deadline is running: partial reads never move it
    m_headDeadline = true;
    m_timer.start(m_ctx.options().handshakeTimeoutMs, this);
}

void HttpConnection::onBytesWritten()
{
    if (!m_drainBlocked || !m_socket || pendingBytes(m_socket) > kMaxQueuedResponseBytes)
        return;
    m_drainBlocked = false;
    m_timer.start(m_ctx.options().httpIdleTimeoutMs, this);
    QMetaObject::invokeMethod(this, &HttpConnection::resume, Qt::QueuedConnection);
}

void HttpConnection::close()
{
    core::tsan::acquire(this); // after a migrate(), from the thread that handed it over
    if (m_closing)
        return;
    m_closing = true;
    endHandshake();
    if (m_parked && m_onAbort) {
        m_parked = false;
        auto abort = std::move(m_onAbort);
        m_onAbort = nullptr;
        abort(); // the client gave up a held request
    }
    m_timer.stop();
    if (m_socket) {
        QObject::disconnect(m_socket, nullptr, this, nullptr);
        QTcpSocket *s = m_socket;
        m_socket = nullptr;
        if (s->state() == QAbstractSocket::ConnectedState && pendingBytes(s) > 0) {
            // Let the response drain, then close; a peer that does not read it within the drain
            // deadline is cut off (SECURITY.md, "Bounds").
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            s->disconnectFromHost();
            if (s->state() == QAbstractSocket::UnconnectedState)
                s->deleteLater();
            else
                QTimer::singleShot(kDrainDeadlineMs, s, [s] {
                    s->abort();
                    s->deleteLater();
                });
        } else {
            s->abort();
            s->deleteLater();
        }
    }
    deleteLater();
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    core::tsan::acquire(this);
    if (event->timerId() != m_timer.timerId())
        return QObject::timerEvent(event);
    if (m_drainBlocked) {
        // SECURITY.md, "Bounds": the client stopped reading its responses.
        m_ctx.stats().countBound(BoundHit::HttpWriteQueue);
        logBound(QStringLiteral("http_write_queue"),
                 QStringLiteral("closed %1: %2 response bytes not read within %3 ms")
                     .arg(m_socket ? m_socket->peerAddress().toString() : QStringLiteral("?"))
                     .arg(pendingBytes(m_socket))
                     .arg(kDrainDeadlineMs));
        if (m_socket)
            m_socket->abort();
        close();
        return;
    }
    // Slow or idle client: a head not complete by its deadline, or an idle keep-alive.
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()); ssl && !ssl->isEncrypted()) {
        m_ctx.tls().handshakeTimedOut(ssl); // SECURITY.md, "TLS"
        close();
    } else if (m_socket && m_socket->bytesAvailable() > 0) {
        m_ctx.stats().countHttp(true);
        m_ctx.stats().countBound(BoundHit::HeadTimeout);
        logBound(QStringLiteral("head_timeout"),
                 QStringLiteral("408 for %1: request not complete within %2 ms")
                     .arg(m_socket->peerAddress().toString())
                     .arg(m_ctx.options().handshakeTimeoutMs));
        respondError(408, QStringLiteral("request not complete within %1 ms").arg(m_ctx.options().handshakeTimeoutMs),
                     nullptr, false);
    } else {
        close();
    }
}

protocol::HttpHeaders HttpConnection::corsHeaders(const HttpRequest *request) const
{
    // SECURITY.md, "Origins (CORS)": "*" never goes with credentials; only an origin of an
    // explicit list is reflected, with credentials, and then every answer varies by Origin.
    protocol::HttpHeaders h;
    if (!request)
        return h;
    const QByteArray origin = request->header("origin");
    if (m_ctx.anyOrigin()) {
        if (!origin.isEmpty())
            h.append(qMakePair(QByteArray("Access-Control-Allow-Origin"), QByteArray("*")));
        return h;
    }
    if (m_ctx.originAllowed(origin)) {
        h.append(qMakePair(QByteArray("Access-Control-Allow-Origin"), origin));
        h.append(qMakePair(QByteArray("Access-Control-Allow-Credentials"), QByteArray("true")));
    }
    h.append(qMakePair(QByteArray("Vary"), QByteArray("Origin")));
    return h;
}

namespace {
// An attacker's text made safe for one log line: printable ASCII, at most 100 characters.
QString loggable(QByteArrayView text)
{
    QString out;
    for (char c : text.first(std::min<qsizetype>(text.size(), 100)))
        out += c >= 0x20 && c < 0x7f ? QChar::fromLatin1(c) : QChar(u'?');
    return text.size() > 100 ? out + QStringLiteral("...") : out;
}
} // namespace

bool HttpConnection::refusesOrigin(const HttpRequest &request)
{
    const QByteArray origin = request.header("origin");
    if (origin.isEmpty() || m_ctx.originAllowed(origin))
        return false;
    m_ctx.stats().countOriginRefused();
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (limiter.allow(QStringLiteral("origin"), &suppressed)) {
        QString line = QStringLiteral("refused origin %1 for %2 %3 from %4 (not in CORS_ALLOWED_ORIGINS)")
                           .arg(loggable(origin), loggable(request.method), loggable(request.path),
                                m_socket ? m_socket->peerAddress().toString() : QStringLiteral("?"));
        if (suppressed)
            line += QStringLiteral("; %1 more not shown").arg(suppressed);
        qCInfo(fxServerLog).noquote() << line;
    }
    return true;
}

void HttpConnection::refuseAdmin(const HttpRequest &request)
{
    m_ctx.stats().countHttp(true);
    m_ctx.stats().countAdminRefused();
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (limiter.allow(QStringLiteral("admin"), &suppressed)) {
        // Never the presented value: it may be a mistyped token.
        QString line = QStringLiteral("refused %1 %2 from %3: %4 (WEBSOCKET_ADMIN_TOKEN)")
                           .arg(loggable(request.method), loggable(request.path),
                                m_socket ? m_socket->peerAddress().toString() : QStringLiteral("?"),
                                request.hasHeader("authorization") ? QStringLiteral("wrong Authorization header")
                                                                   : QStringLiteral("no Authorization header"));
        if (suppressed)
            line += QStringLiteral("; %1 more not shown").arg(suppressed);
        qCWarning(fxServerLog).noquote() << line;
    }
    respondError(401, QStringLiteral("this endpoint needs Authorization: Bearer <admin token>"), &request,
                 request.keepAlive(),
                 {{"WWW-Authenticate", "Bearer realm=\"fxmonitor\""}, {"Cache-Control", "no-store"}});
}

void HttpConnection::answerPreflight(const HttpRequest &request, QByteArrayView methods)
{
    const bool keepAlive = request.keepAlive();
    if (refusesOrigin(request)) {
        m_ctx.stats().countHttp(true);
        respondError(403, QStringLiteral("origin not allowed (CORS_ALLOWED_ORIGINS)"), &request, keepAlive);
        return;
    }
    m_ctx.stats().countHttp(false);
    protocol::HttpHeaders h{{"Allow", methods.toByteArray() + ", OPTIONS"}};
    if (request.hasHeader("origin")) {
        // Only what the server reads: Content-Type (Engine.IO POST bodies) and Authorization
        // (access tokens, SECURITY.md); never a reflection of Access-Control-Request-Headers.
        h.append(qMakePair(QByteArray("Access-Control-Allow-Methods"), methods.toByteArray()));
        h.append(qMakePair(QByteArray("Access-Control-Allow-Headers"), QByteArray("Content-Type, Authorization")));
        h.append(qMakePair(QByteArray("Access-Control-Max-Age"), QByteArray("600")));
    }
    respond(204, {}, {}, &request, h, keepAlive);
}

void HttpConnection::respond(int status, QByteArrayView contentType, QByteArrayView body, const HttpRequest *request,
                             protocol::HttpHeaders headers, bool keepAlive)
{
    if (!m_socket || m_closing)
        return; // a connection going away answers nothing more
    const bool wasParked = m_parked;
    m_parked = false;
    m_onAbort = nullptr;
    headers += corsHeaders(request);
    const bool head = request && request->method == "HEAD";
    m_socket->write(protocol::httpResponse(status, contentType, body, headers, keepAlive, head));
    if (!keepAlive) {
        close();
        return;
    }
    m_headDeadline = false;
    if (!m_drainBlocked)
        m_timer.start(m_ctx.options().httpIdleTimeoutMs, this);
    if (wasParked && m_socket->bytesAvailable())
        QMetaObject::invokeMethod(this, &HttpConnection::resume, Qt::QueuedConnection);
}

void HttpConnection::park(std::function<void()> onAbort)
{
    m_parked = true;
    m_onAbort = std::move(onAbort);
    m_timer.stop();
    m_headDeadline = false;
}

void HttpConnection::resume()
{
    onReadyRead();
}

void HttpConnection::migrate(IoShard *target, std::function<void(HttpConnection *)> then)
{
    // Called from inside this connection's own call chain (onReadyRead -> handle -> shard):
    // moving now would let the target thread run (and delete) this object while the caller
    // still unwinds through it. Stop reading, and move once control is back in the event loop.
    m_timer.stop();
    m_headDeadline = false;
    m_migrating = true;
    if (m_socket)
        QObject::disconnect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    QMetaObject::invokeMethod(
        this,
        [this, target, then = std::move(then)]() mutable {
            if (m_closing)
                return; // the client went away meanwhile; close() has scheduled the deletion
            setParent(nullptr);
            QThread *thread = target->thread();
            if (m_socket)
                m_socket->moveToThread(thread);
            m_shard = target;
            // The guard is made while this thread still owns the object: once moved, the target
            // thread may delete it at any moment (its socket was reset), and even building a
            // QPointer to it then reads freed memory.
            QPointer<HttpConnection> guard(this);
            // Qt's own event queue orders this hand-over; ThreadSanitizer cannot see it
            // (core/tsan.h): the target thread acquires it in close(), onReadyRead(), timerEvent().
            core::tsan::release(this);
            moveToThread(thread);
            // From here on this object belongs to the target thread: touch nothing of it.
            QMetaObject::invokeMethod(
                target,
                [self = std::move(guard), target, then = std::move(then)] {
                    if (!self)
                        return;
                    self->m_migrating = false;
                    self->setParent(target);
                    if (self->m_socket)
                        connect(self->m_socket, &QTcpSocket::readyRead, self, &HttpConnection::onReadyRead,
                                Qt::UniqueConnection);
                    then(self);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void HttpConnection::respondError(int status, const QString &message, const HttpRequest *request, bool keepAlive,
                                  protocol::HttpHeaders headers)
{
    const QByteArray body = protocol::compactJson(QJsonObject{
        {QStringLiteral("error"),
         QString::fromLatin1(protocol::httpReasonPhrase(status)).toLower().replace(u' ', u'_')},
        {QStringLiteral("status"), status},
        {QStringLiteral("message"), message},
    });
    respond(status, "application/json", body, request, std::move(headers), keepAlive);
}

void HttpConnection::onReadyRead()
{
    core::tsan::acquire(this); // the hand-over of migrate() (core/tsan.h)
    // SECURITY.md, "Bounds": running out of memory on one connection's request drops that
    // connection, not the process.
    try {
        onReadyReadUnguarded();
    } catch (const std::bad_alloc &) {
        m_ctx.stats().countBound(BoundHit::OutOfMemory);
        logBound(QStringLiteral("out_of_memory"),
                 QStringLiteral("out of memory serving an HTTP request: connection dropped"));
        if (m_socket)
            m_socket->abort();
        close();
    }
}

void HttpConnection::onReadyReadUnguarded()
{
    protocol::HttpLimits limits;
    while (m_socket && !m_closing && !m_parked && !m_migrating && !m_drainBlocked) {
        const qint64 avail = m_socket->bytesAvailable();
        if (avail <= 0)
            return;
        if (pendingBytes(m_socket) > kMaxQueuedResponseBytes) {
            // SECURITY.md, "Bounds": read nothing more until the client takes its responses.
            m_drainBlocked = true;
            m_headDeadline = false;
            m_timer.start(kDrainDeadlineMs, this);
            return;
        }
        const QByteArray peeked = m_socket->peek(std::min<qint64>(avail, limits.maxHead + 1));
        const protocol::HttpParseResult r = protocol::parseHttpHead(peeked, limits);
        if (r.status == protocol::HttpParseResult::Incomplete) {
            startHeadDeadline();
            return;
        }
        if (r.status == protocol::HttpParseResult::Error) {
            m_ctx.stats().countHttp(true);
            qCDebug(fxServerLog) << "bad HTTP request from" << m_socket->peerAddress().toString() << r.error;
            respondError(r.errorStatus, r.error, nullptr, false);
            return;
        }
        endHandshake(); // a complete head: SECURITY.md, "Bounds"
        const HttpRequest &req = r.request;
        if (req.isWebSocketUpgrade()) {
            // The shard takes the socket (or answers with an error); nothing more to read here.
            m_shard->routeUpgrade(this, req, r.headLength);
            return;
        }
        const qint64 total = r.headLength + req.contentLength;
        if (avail < total) {
            startHeadDeadline();
            return;
        }
        m_socket->skip(r.headLength);
        const QByteArray body = req.contentLength ? m_socket->read(req.contentLength) : QByteArray();
        // A full read buffer stops Qt reading the socket, and Qt only starts again from
        // QAbstractSocket::readData(), which a read served from the buffer never calls: without
        // this, pipelined requests beyond the buffer would stay unread in the kernel.
        const qint64 cap = m_socket->readBufferSize();
        m_socket->setReadBufferSize(0);
        m_socket->setReadBufferSize(cap);
        // QSslSocket likewise decrypts more only from its readData(): ask for that pass directly.
        if (auto *ssl = qobject_cast<QSslSocket *>(m_socket.data()); ssl && ssl->isEncrypted())
            QMetaObject::invokeMethod(ssl, "_q_flushReadBuffer", Qt::QueuedConnection);
        m_timer.stop();
        m_headDeadline = false;
        handle(req, body);
    }
}

void HttpConnection::handle(const HttpRequest &req, const QByteArray &body)
{
    const bool keepAlive = req.keepAlive();
    if (m_shard->routeHttp(this, req, body))
        return;
    const QByteArray &path = req.path;
    const bool get = req.method == "GET" || req.method == "HEAD";
    if (req.method == "OPTIONS" && (path == "/health" || path == "/metrics"))
        return answerPreflight(req, "GET");
    if (path == "/health" || path == "/metrics") {
        // SECURITY.md, "Admin endpoints".
        const QString &token = m_ctx.options().adminToken;
        const AdminAccess access = adminAccess(token, req.hasHeader("authorization"), req.header("authorization"));
        const bool metrics = path == "/metrics";
        if (get && (access == AdminAccess::Refused || (metrics && !token.isEmpty() && access != AdminAccess::Granted)))
            return refuseAdmin(req);
        m_ctx.stats().countHttp(false);
        if (!get)
            return respondError(405, metrics ? QStringLiteral("use GET /metrics") : QStringLiteral("use GET /health"),
                                &req, keepAlive);
        if (metrics)
            return respond(200, "text/plain; version=0.0.4; charset=utf-8", m_ctx.metricsText(), &req,
                           {{"Cache-Control", "no-store"}}, keepAlive);
        const QJsonObject health =
            access == AdminAccess::Granted ? m_ctx.healthPayload() : m_ctx.minimalHealthPayload();
        return respond(200, "application/json", protocol::compactJson(health), &req, {{"Cache-Control", "no-store"}},
                       keepAlive);
    }
    m_ctx.stats().countHttp(true);
    if (path == "/" || path == "/ws") {
        respond(426, "application/json",
                protocol::compactJson(QJsonObject{
                    {QStringLiteral("error"), QStringLiteral("upgrade_required")},
                    {QStringLiteral("status"), 426},
                    {QStringLiteral("message"),
                     QStringLiteral("%1 is a WebSocket endpoint: connect with %2://host:port%1 "
                                    "(plain JSON) or a Socket.IO client at /socket.io/")
                         .arg(QString::fromUtf8(path),
                              m_ctx.tls().enabled() ? QStringLiteral("wss") : QStringLiteral("ws"))},
                }),
                &req, {{"Upgrade", "websocket"}}, keepAlive);
        return;
    }
    respondError(404,
                 QStringLiteral("no such path: %1 (endpoints: / and /ws for WebSocket, /socket.io/, /health, /metrics)")
                     .arg(QString::fromUtf8(path.left(200))),
                 &req, keepAlive);
}

} // namespace fx::server
