// The fast side of the socket writer's platform seam (socketwriter.h): one scatter-gather
// sendmsg() per batch, and the kernel's send queue read with ioctl(SIOCOUTQ).

#include "server/socketwriter.h"

#include <QTcpSocket>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>

namespace fx::server {

bool detail::sendFrames(int fd, const QList<QByteArray> &frames, qsizetype &first, qsizetype &offset)
{
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
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            return sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
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
    return true;
}

void detail::writeDirect(QTcpSocket *socket, const QList<QByteArray> &frames, qsizetype &first, qsizetype &offset)
{
    // EAGAIN or an error: Qt's buffer takes the rest (and reports errors).
    sendFrames(int(socket->socketDescriptor()), frames, first, offset);
}

qint64 kernelQueuedBytes(int fd)
{
    int queued = 0;
    if (fd < 0 || ::ioctl(fd, SIOCOUTQ, &queued) != 0)
        return 0;
    return queued;
}

qint64 kernelQueuedBytes(const QTcpSocket *socket)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return 0;
    return kernelQueuedBytes(int(socket->socketDescriptor()));
}

} // namespace fx::server
