#pragma once

// Accepts TCP connections on the accept thread and hands each descriptor to an I/O shard,
// round robin, where it is parsed, upgraded and served. Only the listening socket lives here.
// SECURITY.md, "Bounds": a connection over the handshake caps (ConnectionLimits) is refused
// here, before it costs a TLS handshake. The accept loop is our own (QTcpServer only listens):
// Qt 6.4 retries an accept that failed for want of descriptors on every pass of the event loop,
// a busy loop; here errors (out of descriptors or memory) pause accepting with a growing backoff.
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): acceptor.cpp holds the admission and the
// backoff; acceptor_linux.cpp the accept4() loop on a QSocketNotifier, the peer's address from
// getpeername() and the 503 written straight to the descriptor; with FX_PORTABLE,
// acceptor_portable.cpp lets QTcpServer accept; a plain connection's socket is made here, its
// peer admitted and the socket moved to its shard (IoShard::adoptConnected); with TLS the bare
// descriptor goes to its shard (IoShard::adoptUnadmitted), which makes the QSslSocket on its own
// thread and admits the peer there with admitPeer(): a QSslSocket made on one thread and moved
// to another now and then broke a TLS handshake ("unexpected message"). The errors QTcpServer
// reports (acceptError) pause accepting with the same backoff; one it treats as temporary is
// retried by Qt.

#include <QBasicTimer>
#include <QList>
#include <QTcpServer>
#include <atomic>

class QSocketNotifier;

namespace fx::server {

class IoShard;
class ServerContext;

class Acceptor final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Acceptor)

public:
    Acceptor(QList<IoShard *> shards, ServerContext &context);

    // Accept thread: listens and starts accepting; stop() closes the listening socket.
    bool start(const QHostAddress &address, quint16 port);
    void stop();

    // Shared by both sides: the admission of a connection from peer; false (counted, logged)
    // when refused. Any thread (ConnectionLimits is). A refused plain connection is sent
    // refusal() (a 503); a TLS one is closed.
    static bool admitPeer(ServerContext &context, const QHostAddress &peer);
    static const QByteArray &refusal();

    // Pause after an accept error: doubles from the first to the last while errors continue.
    static constexpr int kFirstBackoffMs = 10;
    static constexpr int kMaxBackoffMs = 1000;

protected:
    void incomingConnection(qintptr descriptor) override;
    void timerEvent(QTimerEvent *event) override;

private:
    // The seam: begin accepting after listen(), stop for good, and pause or resume.
    void watch();
    void unwatch();
    void setAccepting(bool on);
    bool admit(const QHostAddress &peer); // admitPeer(), and accepting works (again)
    IoShard *nextShard();
    void acceptPending();
    void onAcceptError(const QString &why);

    QList<IoShard *> m_shards;
    ServerContext &m_ctx;
    int m_next = 0;
    int m_backoffMs = 0;
    QBasicTimer m_resume;
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace fx::server
