#pragma once

// One accepted TCP connection until it becomes a WebSocket (or for its whole life when it
// only speaks plain HTTP: /health, /metrics, errors and Engine.IO long-polling requests).
// Reads request heads with peek() so that an upgrade request stays in the socket for
// QWebSocketServer::handleConnection. Lives on, and is only touched by, its shard's thread.

#include "protocol/httpcodec.h"

#include <QBasicTimer>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>

namespace fx::server {

class IoShard;
class ServerContext;

class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // handshakeSlot: the address whose ConnectionLimits handshake slot this connection holds
    // until its first request head is complete (null: none).
    HttpConnection(QTcpSocket *socket, IoShard *shard, ServerContext &context, QHostAddress handshakeSlot = {});
    ~HttpConnection() override;

    // Hands the socket over (WebSocket upgrade); this object then deletes itself.
    QTcpSocket *releaseSocket();
    // Writes a response; closes the connection afterwards unless keepAlive.
    void respond(int status, QByteArrayView contentType, QByteArrayView body, const protocol::HttpRequest *request,
                 protocol::HttpHeaders headers = {}, bool keepAlive = true);
    // A JSON error body {"error": ..., "message": ...}.
    void respondError(int status, const QString &message, const protocol::HttpRequest *request, bool keepAlive = false,
                      protocol::HttpHeaders headers = {});
    void close();

    // SECURITY.md, "Origins (CORS)". True when the request carries an Origin outside
    // CORS_ALLOWED_ORIGINS: counted and logged; the caller answers 403. A request without an
    // Origin (not a browser's) is never refused for that.
    bool refusesOrigin(const protocol::HttpRequest &request);
    // Answers an OPTIONS request (a CORS preflight) for an endpoint serving `methods`.
    void answerPreflight(const protocol::HttpRequest &request, QByteArrayView methods);
    // 401 for /health or /metrics without the admin token: counted, logged (rate limited).
    void refuseAdmin(const protocol::HttpRequest &request);

    // A held request (Engine.IO long-poll): no timeout and no further request is read until
    // respond(); onAbort runs once if the client goes away first.
    void park(std::function<void()> onAbort);
    bool isParked() const { return m_parked; }
    // Moves this connection (and its socket) to another shard's thread, then runs `then` there.
    // Called on this connection's thread; nothing may touch it here afterwards.
    void migrate(IoShard *target, std::function<void(HttpConnection *)> then);
    // Parses and handles whatever request bytes are buffered (after a migration or unpark).
    void resume();
    QTcpSocket *socket() const { return m_socket; }

    // SECURITY.md, "Bounds". Past this many response bytes queued for the peer, no further
    // request is read until the queue drains; a queue that does not drain within
    // kDrainDeadlineMs closes the connection. What the server reads ahead is bounded too.
    static constexpr qint64 kMaxQueuedResponseBytes = 1024 * 1024;
    static constexpr int kDrainDeadlineMs = 10000;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadyRead();
    void onBytesWritten();
    // The request head (and body) of the request under way must be complete by this deadline,
    // set when its first byte arrives (at connect for the first one) and never moved by reads.
    void startHeadDeadline();
    void endHandshake();
    void onReadyReadUnguarded();
    void handle(const protocol::HttpRequest &request, const QByteArray &body);
    protocol::HttpHeaders corsHeaders(const protocol::HttpRequest *request) const;

    QPointer<QTcpSocket> m_socket;
    IoShard *m_shard;
    ServerContext &m_ctx;
    QBasicTimer m_timer;
    bool m_closing = false;
    bool m_parked = false;
    bool m_migrating = false; // set by migrate(): read nothing more on this thread
    bool m_headDeadline = false; // m_timer is the deadline of the request under way
    bool m_drainBlocked = false; // over kMaxQueuedResponseBytes: reading waits for the peer
    std::function<void()> m_onAbort;
    QHostAddress m_handshakeSlot;
};

} // namespace fx::server
