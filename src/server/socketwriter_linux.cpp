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

namespace {

// frameAt(i): the i-th frame, for a list of frames or of pointers to them.
template <typename FrameAt>
bool sendEach(int fd, qsizetype count, FrameAt frameAt, qsizetype &first, qsizetype &offset)
{
    // Up to 512 frames a call (8 KB of stack): a batch staged over a long pass, or a backlog
    // the kernel takes back, goes in one system call rather than one per 64.
    constexpr int kMaxIov = 512;
    while (first < count) {
        iovec iov[kMaxIov];
        int n = 0;
        for (qsizetype i = first; i < count && n < kMaxIov; ++i, ++n) {
            const QByteArray &f = frameAt(i);
            const qsizetype skip = (i == first) ? offset : 0;
            iov[n].iov_base = const_cast<char *>(f.constData() + skip);
            iov[n].iov_len = size_t(f.size() - skip);
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
        while (left > 0 && first < count) {
            const qsizetype remaining = frameAt(first).size() - offset;
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

} // namespace

bool detail::sendFrames(int fd, FrameRefs frames, qsizetype &first, qsizetype &offset)
{
    return sendEach(
        fd, qsizetype(frames.size()), [frames](qsizetype i) -> const QByteArray & { return *frames[size_t(i)]; }, first,
        offset);
}

bool detail::sendFrames(int fd, const QList<QByteArray> &frames, qsizetype &first, qsizetype &offset)
{
    return sendEach(
        fd, frames.size(), [&frames](qsizetype i) -> const QByteArray & { return frames[i]; }, first, offset);
}

void detail::writeDirect(QTcpSocket *socket, FrameRefs frames, qsizetype &first, qsizetype &offset)
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
