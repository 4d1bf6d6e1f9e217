#pragma once

// Platform seam (ARCHITECTURE.md, "Platform seams"): what the server does to a connection's
// descriptor that Qt has no call for. nativesocket_linux.cpp uses the system's calls;
// nativesocket_portable.cpp (FX_PORTABLE) only Qt.

#include <QByteArray>
#include <QtGlobal>

namespace fx::server::nativesocket {

// Hands bytes to the kernel now, without blocking, beside a QSslSocket that has sent nothing yet
// (TlsContext: the plain-text answer to an HTTP request on the TLS port). false when nothing
// was sent: always in the portable build, whose client sees the connection closed instead.
bool sendNow(qintptr descriptor, const QByteArray &bytes);

// Closes a descriptor that no QTcpSocket took (one that setSocketDescriptor() refused).
void closeDescriptor(qintptr descriptor);

} // namespace fx::server::nativesocket
