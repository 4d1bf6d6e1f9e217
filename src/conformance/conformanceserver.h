#pragma once

// The server options of fxmonitor-conformance-server: the product's Engine.IO / Socket.IO stack
// with the timings the upstream test suites are written for (pingInterval 300 ms, pingTimeout
// 200 ms, maxPayload 1000000, a namespace connect timeout of one second) and the echo
// application behind it. No Redis, no database.

#include "server/serveroptions.h"

#include <QHostAddress>

namespace fx::conformance {

server::ServerOptions serverOptions(const QHostAddress &address, quint16 port);

} // namespace fx::conformance
