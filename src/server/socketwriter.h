#pragma once

// Writes a list of complete frames to a socket with as few syscalls as possible: straight to
// the kernel with one scatter-gather sendmsg() when Qt's own buffer for the socket is empty (so
// order is kept), the rest (partial write, EAGAIN) through QTcpSocket::write. The frames are
// implicitly shared and never copied on the direct path. Owner thread of the socket only.

#include <QByteArray>
#include <QList>

class QTcpSocket;

namespace fx::server {

// Returns the number of bytes handed over (all of them unless the socket is gone). A TLS socket
// (QSslSocket) is written through Qt, which encrypts.
quint64 writeFrames(QTcpSocket *socket, const QList<QByteArray> &frames);

// Bytes waiting to be written to the peer: for a TLS socket the plain bytes not yet encrypted
// plus the encrypted ones not yet taken by the kernel.
qint64 pendingBytes(const QTcpSocket *socket);

} // namespace fx::server
