#include "server/socketwriter.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace fx::server {

quint64 writeFrames(QTcpSocket *socket, FrameRefs frames)
{
    if (!socket || frames.empty() || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    const quint64 total = totalBytes(frames);

    qsizetype first = 0;
    qsizetype offset = 0; // bytes of frames[first] already sent
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        // TLS: the frames in one write (one TLS record for a small batch, not one per frame),
        // then flush(), which encrypts and hands the record to the kernel now rather than on a
        // later pass of the event loop (what the direct path below does for plain sockets).
        if (frames.size() == 1) {
            ssl->write(*frames.front());
        } else {
            QByteArray joined;
            joined.reserve(qsizetype(total));
            for (const QByteArray *f : frames)
                joined += *f;
            ssl->write(joined);
        }
        ssl->flush();
        return total;
    }
    if (socket->bytesToWrite() == 0)
        detail::writeDirect(socket, frames, first, offset);
    detail::writeBuffered(socket, frames, first, offset);
    return total;
}

void detail::writeBuffered(QTcpSocket *socket, FrameRefs frames, qsizetype first, qsizetype offset)
{
    const auto count = qsizetype(frames.size());
    if (first >= count)
        return;
    const QByteArray &head = *frames[size_t(first)];
    if (offset > 0)
        socket->write(head.constData() + offset, head.size() - offset);
    else
        socket->write(head);
    for (qsizetype i = first + 1; i < count; ++i)
        socket->write(*frames[size_t(i)]);
}

qint64 pendingBytes(const QTcpSocket *socket)
{
    if (!socket)
        return 0;
    if (const auto *ssl = qobject_cast<const QSslSocket *>(socket))
        return ssl->bytesToWrite() + ssl->encryptedBytesToWrite();
    return socket->bytesToWrite();
}

} // namespace fx::server
