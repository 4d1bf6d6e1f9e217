#pragma once

// One accepted TCP connection until it becomes a WebSocket (or for its whole life when it
// only speaks plain HTTP: /health, /metrics, errors and Engine.IO long-polling requests).
// Reads request heads with peek() so that an upgrade request stays in the socket for
// QWebSocketServer::handleConnection. Lives on, and is only touched by, its shard's thread.

#include "protocol/httpcodec.h"

#include <QBasicTimer>
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
    HttpConnection(QTcpSocket *socket, IoShard *shard, ServerContext &context);
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

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onReadyRead();
    void handle(const protocol::HttpRequest &request, const QByteArray &body);
    protocol::HttpHeaders corsHeaders(const protocol::HttpRequest *request) const;

    QPointer<QTcpSocket> m_socket;
    IoShard *m_shard;
    ServerContext &m_ctx;
    QBasicTimer m_timer;
    bool m_closing = false;
    bool m_parked = false;
    bool m_migrating = false; // set by migrate(): read nothing more on this thread
    std::function<void()> m_onAbort;
};

} // namespace fx::server
