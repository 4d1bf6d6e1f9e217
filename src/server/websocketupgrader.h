#pragma once

// Completes WebSocket handshakes for one I/O thread. The thread parses an HTTP request head
// itself and hands the socket of an upgrade request over here; a QWebSocketServer (not
// listening) answers the handshake, and upgraded() hands back the QWebSocket with its TCP
// socket, which it owns from then on.
//
// QWebSocketServer finds the socket of each handshake with QObject::sender(), a walk over every
// connection made to it, and keeps one connection per upgraded socket: with one server per
// thread, a burst of 10,000 upgrades spent a fifth of its time there. Handshakes therefore
// rotate over kServers servers (about 400 KB in all), and each socket is unhooked from its
// server once upgraded.
//
// Thread contract: lives on its I/O thread and is used only there.

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <vector>

class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace fx::server {

class ServerContext;

class WebSocketUpgrader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketUpgrader)

public:
    static constexpr int kServers = 256;

    WebSocketUpgrader(const ServerContext &context, QObject *parent);

    // Starts the handshake of an upgrade request (the socket still holds the request head).
    // A socket whose handshake fails is deleted by Qt.
    void handOver(QTcpSocket *socket);
    // Shutdown: aborts every handshake still under way.
    void abortPending();

Q_SIGNALS:
    // The handshake succeeded. ws has no parent; tcp is ws's child (freed with it).
    void upgraded(QWebSocket *ws, QTcpSocket *tcp);

private:
    void onNewConnection(QWebSocketServer *server);
    QTcpSocket *take(QWebSocket *ws, QWebSocketServer *server);

    std::vector<QWebSocketServer *> m_servers;
    quint32 m_next = 0;
    // Sockets handed over and not yet upgraded, by peer address and port.
    QHash<QPair<QHostAddress, quint16>, QPointer<QTcpSocket>> m_pending;
};

} // namespace fx::server
