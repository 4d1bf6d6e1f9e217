#include "server/socketwriter.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>

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
    if (socket->bytesToWrite() == 0) {
        const int fd = int(socket->socketDescriptor());
        while (first < frames.size()) {
            iovec iov[64];
            int n = 0;
            for (qsizetype i = first; i < frames.size() && n < 64; ++i, ++n) {
                const qsizetype skip = (i == first) ? offset : 0;
                iov[n].iov_base = const_cast<char *>(frames[i].constData() + skip);
                iov[n].iov_len = size_t(frames[i].size() - skip);
            }
            msghdr msg{};
            msg.msg_iov = iov;
            msg.msg_iovlen = size_t(n);
            const ssize_t sent = ::sendmsg(fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL);
            if (sent <= 0)
                break; // EAGAIN or an error: Qt's buffer takes the rest (and reports errors)
            qsizetype left = sent;
            while (left > 0 && first < frames.size()) {
                const qsizetype remaining = frames[first].size() - offset;
                if (left >= remaining) {
                    left -= remaining;
                    ++first;
                    offset = 0;
                } else {
                    offset += left;
                    left = 0;
                }
            }
        }
    }
    if (first < frames.size()) {
        if (offset > 0)
            socket->write(frames[first].constData() + offset, frames[first].size() - offset);
        else
            socket->write(frames[first]);
        for (qsizetype i = first + 1; i < frames.size(); ++i)
            socket->write(frames[i]);
    }
    return total;
}

qint64 pendingBytes(const QTcpSocket *socket)
{
    if (!socket)
        return 0;
    if (const auto *ssl = qobject_cast<const QSslSocket *>(socket))
        return ssl->bytesToWrite() + ssl->encryptedBytesToWrite();
    return socket->bytesToWrite();
}

qint64 kernelQueuedBytes(const QTcpSocket *socket)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    int queued = 0;
    if (::ioctl(int(socket->socketDescriptor()), SIOCOUTQ, &queued) != 0)
        return 0;
    return queued;
}

} // namespace fx::server
