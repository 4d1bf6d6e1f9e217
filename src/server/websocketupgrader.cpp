#include "server/websocketupgrader.h"

#include "server/servercontext.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QWebSocketCorsAuthenticator>
#include <QWebSocketServer>

namespace fx::server {

WebSocketUpgrader::WebSocketUpgrader(const ServerContext &context, QObject *parent) : QObject(parent)
{
    m_servers.reserve(kServers);
    for (int i = 0; i < kServers; ++i) {
        auto *server = new QWebSocketServer(QStringLiteral("FX Monitor"), QWebSocketServer::NonSecureMode, this);
        server->setMaxPendingConnections(1 << 20);
        connect(server, &QWebSocketServer::newConnection, this, [this, server] { onNewConnection(server); });
        connect(server, &QWebSocketServer::originAuthenticationRequired, this,
                [&context](QWebSocketCorsAuthenticator *auth) {
                    // The I/O thread refused foreign origins with a readable 403 already
                    // (IoShard::routeUpgrade); this only keeps Qt's own check in agreement.
                    auth->setAllowed(auth->origin().isEmpty() || context.originAllowed(auth->origin().toUtf8()));
                });
        m_servers.push_back(server);
    }
}

void WebSocketUpgrader::handOver(QTcpSocket *socket)
{
    const QPair<QHostAddress, quint16> key{socket->peerAddress(), socket->peerPort()};
    m_pending.insert(key, socket);
    // A socket the handshake fails for is deleted by QWebSocketServer: forget it then (unless
    // its peer's address and port already name a newer socket).
    connect(socket, &QObject::destroyed, this, [this, key] {
        const auto it = m_pending.constFind(key);
        if (it != m_pending.cend() && it->isNull())
            m_pending.erase(it);
    });
    m_servers[m_next++ % m_servers.size()]->handleConnection(socket);
}

void WebSocketUpgrader::abortPending()
{
    for (const QPointer<QTcpSocket> &t : std::as_const(m_pending))
        if (t)
            t->abort();
    m_pending.clear();
}

QTcpSocket *WebSocketUpgrader::take(QWebSocket *ws, QWebSocketServer *server)
{
    QPointer<QTcpSocket> socket = m_pending.take({ws->peerAddress(), ws->peerPort()});
    if (socket) {
        // Upgraded: from now on its WebSocket owns it. Unhook QWebSocketServer's per-socket
        // connection, which it never removes and which every later handshake would walk.
        QObject::disconnect(socket, &QTcpSocket::disconnected, server, nullptr);
        QObject::disconnect(socket, &QObject::destroyed, this, nullptr);
        socket->setParent(ws); // freed with its WebSocket (the server's hook used to free it)
    }
    return socket;
}

void WebSocketUpgrader::onNewConnection(QWebSocketServer *server)
{
    while (server->hasPendingConnections()) {
        QWebSocket *ws = server->nextPendingConnection();
        if (!ws)
            break;
        ws->setParent(nullptr);
        QTcpSocket *tcp = take(ws, server);
        if (!tcp) {
            ws->abort();
            ws->deleteLater();
            continue;
        }
        Q_EMIT upgraded(ws, tcp);
    }
}

} // namespace fx::server
