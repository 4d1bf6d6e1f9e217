#include "server/socketwriter.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace fx::server {

quint64 writeFrames(QTcpSocket *socket, const QList<QByteArray> &frames)
{
    if (!socket || frames.isEmpty() || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    quint64 total = 0;
    for (const QByteArray &f : frames)
        total += quint64(f.size());

    qsizetype first = 0;
    qsizetype offset = 0; // bytes of frames[first] already sent
    if (auto *ssl = qobject_cast<QSslSocket *>(socket)) {
        // TLS: the frames in one write (one TLS record for a small batch, not one per frame),
        // then flush(), which encrypts and hands the record to the kernel now rather than on a
        // later pass of the event loop (what the direct path below does for plain sockets).
        if (frames.size() == 1) {
            ssl->write(frames.first());
        } else {
            QByteArray joined;
            joined.reserve(qsizetype(total));
            for (const QByteArray &f : frames)
                joined += f;
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

void detail::writeBuffered(QTcpSocket *socket, const QList<QByteArray> &frames, qsizetype first, qsizetype offset)
{
    if (first >= frames.size())
        return;
    if (offset > 0)
        socket->write(frames[first].constData() + offset, frames[first].size() - offset);
    else
        socket->write(frames[first]);
    for (qsizetype i = first + 1; i < frames.size(); ++i)
        socket->write(frames[i]);
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
