// The portable side of the lingering close's platform seam (lingeringclose.h), Qt only: no
// lingering. Qt closes the connection with its socket; a client still sending the rest of an
// oversized message may then see a reset instead of the close frame.

#include "server/lingeringclose.h"

namespace fx::server {

int LingeringClose::active()
{
    return 0;
}

bool LingeringClose::tryHold()
{
    return false;
}

void LingeringClose::release()
{
}

void LingeringClose::start(QTcpSocket *, QObject *, ServerStats &)
{
}

LingeringClose::~LingeringClose() = default;

void LingeringClose::timerEvent(QTimerEvent *event)
{
    QObject::timerEvent(event);
}

} // namespace fx::server
