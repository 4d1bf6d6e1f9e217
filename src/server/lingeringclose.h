#pragma once

// SECURITY.md, "Bounds": after the server sends a WebSocket close (a protocol error such as
// 1009, or any other close it starts), the connection is kept open for a short grace period,
// reading and discarding what the peer still sends, until the peer closes. Closing at once
// while the rest of an oversized message is still arriving makes the kernel answer with a
// reset, and most client libraries then report "connection reset" instead of the close code.
//
// How: when QWebSocket has written its close frame (aboutToClose) the descriptor is duplicated,
// so Qt closing its own descriptor does not close the connection; once Qt has flushed and let
// go (disconnected), the write side is shut down (FIN after the close frame) and the duplicate
// is read and discarded until end of file or kGraceMs. At most kMaxLingering at once; past
// that a close is immediate as before. Works for TLS too (the discarded bytes are ciphertext).
// Thread contract: created and used on the socket's thread.
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): lingeringclose_linux.cpp as above; with
// FX_PORTABLE, lingeringclose_portable.cpp, where start() does nothing (Qt cannot keep a
// descriptor open once its socket closed it): the connection closes at once, as it did before
// this class existed.

#include <QBasicTimer>
#include <QObject>

class QSocketNotifier;
class QTcpSocket;

namespace fx::server {

class ServerStats;

class LingeringClose final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LingeringClose)

public:
    static constexpr int kGraceMs = 2000;
    static constexpr int kMaxLingering = 1024;

    // Call from QWebSocket::aboutToClose of the socket's WebSocket. parent: frees the lingering
    // connection early if it goes first (e.g. the I/O thread stops).
    static void start(QTcpSocket *tcp, QObject *parent, ServerStats &stats);
    static int active();
    // One of the kMaxLingering places for a connection that lingers by itself (the own WebSocket
    // channel, wschannel.h): false when all are taken (close at once then); give it back with
    // release(). The portable side never lingers: always false.
    static bool tryHold();
    static void release();

    ~LingeringClose() override;

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    LingeringClose(int fd, QObject *parent);
    void shutdownWrite();
    void drain();
    void finish();

    int m_fd;
    bool m_writeShut = false;
    QSocketNotifier *m_notifier;
    QBasicTimer m_grace;
};

} // namespace fx::server
