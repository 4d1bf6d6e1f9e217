// The fast side of the socket writer's platform seam (socketwriter.h): one scatter-gather
// sendmsg() per batch, and the kernel's send queue read with ioctl(SIOCOUTQ).

#include "server/socketwriter.h"

#include <QTcpSocket>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>

namespace fx::server {

void detail::writeDirect(QTcpSocket *socket, const QList<QByteArray> &frames, qsizetype &first, qsizetype &offset)
{
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
            return; // EAGAIN or an error: Qt's buffer takes the rest (and reports errors)
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
