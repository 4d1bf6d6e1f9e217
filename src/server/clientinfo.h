#pragma once

// What the server tells the rest of the product about one connected client: a row of the
// desktop's clients table and of the stored connection history. A plain value, copied out of
// the I/O thread that owns the client.

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace fx::server {

struct ClientInfo
{
    QByteArray id;
    QString peer;
    QString user; // "sub" of the client's token (SECURITY.md, "Tokens"); empty without one
    QString protocol; // "websocket" (plain JSON) or "socket.io"
    QString transport; // "websocket" or "polling"
    qint64 connectedAtMicros = 0;
    QStringList rooms;
    quint64 messagesSent = 0;
    quint64 bytesSent = 0;
    quint64 messagesReceived = 0;
    qint64 rttMs = -1;
    qint64 queuedBytes = 0;
    QString disconnectReason; // set when the client is gone
};

} // namespace fx::server

Q_DECLARE_METATYPE(fx::server::ClientInfo)
