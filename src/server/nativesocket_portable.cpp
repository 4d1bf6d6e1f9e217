// The portable side of the native socket seam (nativesocket.h), Qt only.

#include "server/nativesocket.h"

#include <QTcpSocket>

namespace fx::server::nativesocket {

bool sendNow(qintptr, const QByteArray &)
{
    return false; // Qt writes to a descriptor only through the socket that owns it
}

void closeDescriptor(qintptr descriptor)
{
    // A socket object takes the descriptor only to close it.
    QTcpSocket socket;
    if (descriptor >= 0 && socket.setSocketDescriptor(descriptor))
        socket.abort();
}

} // namespace fx::server::nativesocket
