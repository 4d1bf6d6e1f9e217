// The fast side of the native socket seam (nativesocket.h): the system's calls.

#include "server/nativesocket.h"

#include <sys/socket.h>
#include <unistd.h>

namespace fx::server::nativesocket {

bool sendNow(qintptr descriptor, const QByteArray &bytes)
{
    if (descriptor < 0)
        return false;
    return ::send(int(descriptor), bytes.constData(), size_t(bytes.size()), MSG_DONTWAIT | MSG_NOSIGNAL) > 0;
}

void closeDescriptor(qintptr descriptor)
{
    if (descriptor >= 0)
        ::close(int(descriptor));
}

} // namespace fx::server::nativesocket
