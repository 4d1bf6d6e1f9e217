// The portable side of the socket writer's platform seam (socketwriter.h), Qt only: the frames
// go through QTcpSocket::write, and flush() hands them to the system now rather than on a later
// pass of the event loop (what sendmsg() does on the fast side). The system's own send queue is
// not visible through Qt, so the send bounds measure Qt's buffer alone (SECURITY.md, "Bounds").

#include "server/socketwriter.h"

#include <QTcpSocket>

namespace fx::server {

void detail::writeDirect(QTcpSocket *socket, FrameRefs frames, qsizetype &first, qsizetype &offset)
{
    if (first >= qsizetype(frames.size()))
        return;
    writeBuffered(socket, frames, first, offset);
    first = qsizetype(frames.size());
    offset = 0;
    socket->flush();
}

qint64 kernelQueuedBytes(const QTcpSocket *)
{
    return 0;
}

} // namespace fx::server
