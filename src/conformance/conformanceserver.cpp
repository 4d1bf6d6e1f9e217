#include "conformance/conformanceserver.h"

#include "conformance/echoapplication.h"

#include <QThread>

#include <algorithm>

namespace fx::conformance {

server::ServerOptions serverOptions(const QHostAddress &address, quint16 port)
{
    server::ServerOptions o;
    o.address = address;
    o.port = port;
    o.pingIntervalMs = 300;
    o.pingTimeoutMs = 200;
    o.eioMaxPayload = 1000000;
    o.maxMessageSize = 1000000;
    o.sioConnectTimeoutMs = 1000; // "closed within 1 s"; the polling heartbeat test needs ~920 ms
    o.ioThreads = std::max(1, QThread::idealThreadCount());
    o.rateLimit = 100000;
    o.rateBurst = 100000;
    o.socketIoApplication = [](server::IoShard &shard) { return std::make_unique<EchoApplication>(shard); };
    return o;
}

} // namespace fx::conformance
