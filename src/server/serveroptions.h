#pragma once

#include "core/instruments.h"
#include "core/settings.h"

#include <QHostAddress>
#include <QStringList>

namespace fx::server {

// Everything the streaming server needs to know, fixed for the life of one StreamServer.
struct ServerOptions
{
    QHostAddress address = QHostAddress::Any;
    quint16 port = 5001;
    int maxClients = 1000;
    int pingIntervalMs = 25000;
    int pingTimeoutMs = 5000;
    qint64 maxMessageSize = 65536;
    int ioThreads = 1;
    double rateLimit = 100;   // requests per second per client
    int rateBurst = 200;
    qint64 sendQueueLimit = 4 * 1024 * 1024; // bytes; over it a client is disconnected
    QStringList corsOrigins{QStringLiteral("*")};
    core::InstrumentSet instruments;
    int listenBacklog = 4096;
    int handshakeTimeoutMs = 10000;  // HTTP head / WebSocket handshake
    int httpIdleTimeoutMs = 30000;   // idle keep-alive HTTP connection
    int rateLimitCloseAfterMs = 10000; // continuously over the rate limit this long: close 1008
    int slowConsumerGraceMs = 30000;   // over the soft queue limit this long: disconnect

    static ServerOptions fromSettings(const core::Settings &s);
    // Soft limit: above it price updates are conflated (latest per pair).
    qint64 softQueueLimit() const { return std::min<qint64>(256 * 1024, sendQueueLimit / 4); }
    bool originAllowed(const QByteArray &origin) const;
};

} // namespace fx::server
