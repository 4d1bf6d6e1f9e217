#pragma once

// Writes a list of complete frames to a socket with as few syscalls as possible: straight to
// the kernel with one scatter-gather sendmsg() when Qt's own buffer for the socket is empty (so
// order is kept), the rest (partial write, EAGAIN) through QTcpSocket::write. The frames are
// implicitly shared and never copied on the direct path. Owner thread of the socket only.
//
// Platform seam (ARCHITECTURE.md, "Platform seams"): writeDirect() and kernelQueuedBytes() are
// socketwriter_linux.cpp (sendmsg(), ioctl SIOCOUTQ) or, with FX_PORTABLE, socketwriter_portable.cpp
// (QTcpSocket::write and flush(); the kernel's queue is not known: 0).

#include <QByteArray>
#include <QList>

#include <span>

class QTcpSocket;

namespace fx::server {

// Frames to write: complete, pre-encoded, and alive and unchanged for the call. Pointers, so that
// a batch staged for every member of a room shares its frames without touching their reference
// counts once per client (PERFORMANCE.md, "Kernel pace"); what must wait is kept as a copy.
using FrameRefs = std::span<const QByteArray *const>;

// The frames' bytes, all of them.
inline quint64 totalBytes(FrameRefs frames)
{
    quint64 total = 0;
    for (const QByteArray *f : frames)
        total += quint64(f->size());
    return total;
}

// Returns the number of bytes handed over (all of them unless the socket is gone). A TLS socket
// (QSslSocket) is written through Qt, which encrypts.
quint64 writeFrames(QTcpSocket *socket, FrameRefs frames);

// Bytes waiting to be written to the peer: for a TLS socket the plain bytes not yet encrypted
// plus the encrypted ones not yet taken by the kernel.
qint64 pendingBytes(const QTcpSocket *socket);

// SECURITY.md, "Bounds": bytes the kernel holds for the peer (sent but unacknowledged, or not
// yet sent: SIOCOUTQ). One ioctl, so sampled (SendBacklog), not read on every delivery. Always 0
// in the portable build, whose bounds measure Qt's buffers only.
qint64 kernelQueuedBytes(const QTcpSocket *socket);

// The same for a bare descriptor (the own WebSocket channel, wschannel.h); Linux only.
qint64 kernelQueuedBytes(int fd);

namespace detail {
// One scatter-gather sendmsg() after another on a non-blocking descriptor, for
// frames[first...] (frames[first] from byte offset), advancing first and offset past what the
// kernel took. False on an error other than a full buffer (EAGAIN). Linux only.
bool sendFrames(int fd, FrameRefs frames, qsizetype &first, qsizetype &offset);
bool sendFrames(int fd, const QList<QByteArray> &frames, qsizetype &first, qsizetype &offset);
// The seam's write: called by writeFrames() for a plain socket whose Qt buffer is empty; hands
// frames[first...] (frames[first] from byte offset) to the connection and advances first and
// offset past what it took. What is left goes through QTcpSocket::write.
void writeDirect(QTcpSocket *socket, FrameRefs frames, qsizetype &first, qsizetype &offset);
// Hands frames[first...] (frames[first] from byte offset) to QTcpSocket::write (Qt's buffer);
// shared by writeFrames() and the portable writeDirect().
void writeBuffered(QTcpSocket *socket, FrameRefs frames, qsizetype first, qsizetype offset);
} // namespace detail

// What a client's send bounds measure: Qt's buffers, read live, plus the kernel's share,
// sampled by sample() (on the shard's tick, when a drain is signalled, and after a write that
// left bytes in Qt's buffer, i.e. when the kernel's buffer is full).
//
// The shard's tick asks for a sample only when it could matter (PERFORMANCE.md, "Kernel pace":
// one ioctl per client per tick was a quarter of an I/O thread at 10,000 clients): the kernel's
// share can only have grown by what was written since the last sample, so while that bound stays
// at or under the bound the tick cares about, the sample could not change a decision.
class SendBacklog
{
public:
    // For a QTcpSocket (QPointer converts) and, in wschannel.h's overloads, a WsChannel.
    qint64 bytes(const QTcpSocket *socket) const { return bytesOf(socket); }
    // bytes() with the kernel's share read now, the sample left as it is (client snapshots).
    static qint64 bytesNow(const QTcpSocket *socket) { return bytesNowOf(socket); }
    void sample(const QTcpSocket *socket) { sampleOf(socket); }
    // Socket: anything pendingBytes() and kernelQueuedBytes() take.
    template <typename Socket>
    qint64 bytesOf(const Socket *socket) const
    {
        return pendingBytes(socket) + m_kernel;
    }
    template <typename Socket>
    static qint64 bytesNowOf(const Socket *socket)
    {
        return pendingBytes(socket) + kernelQueuedBytes(socket);
    }
    template <typename Socket>
    void sampleOf(const Socket *socket)
    {
        m_kernel = kernelQueuedBytes(socket);
        m_sinceSample = pendingBytes(socket); // still in user space: the kernel's later
    }
    qint64 kernelBytes() const { return m_kernel; }
    // Bytes handed to the socket since the last sample (all of them: an over-estimate is safe).
    void noteWritten(qint64 bytes) { m_sinceSample += bytes; }
    // Whether the kernel's share, or all of bytes(), could now be above limit: a bound that
    // needs no system call and no Qt call.
    bool couldExceed(qint64 limit) const { return m_kernel + m_sinceSample > limit; }

private:
    qint64 m_kernel = 0;
    qint64 m_sinceSample = 0;
};

} // namespace fx::server
