#pragma once

// A plain JSON client over WebSocket (paths / and /ws). QWebSocket did the handshake and reads
// frames; data frames are written by us straight to the underlying QTcpSocket, pre-encoded, so
// one broadcast costs one memcpy into each recipient's socket buffer and nothing else.
// Shard thread only.

#include "server/client.h"
#include "server/socketwriter.h"

#include <QPointer>
#include <QTcpSocket>
#include <QWebSocket>

namespace fx::server {

struct ServerOptions;
struct ShardCounters;

class PlainJsonClient final : public Client
{
public:
    // peer: the client's "address:port" (clientPeerOf(tcp): SECURITY.md, "Behind a proxy").
    PlainJsonClient(QWebSocket *ws, QTcpSocket *tcp, const QString &peer, ShardCounters &counters,
                    const ServerOptions &options, qint64 nowMicros);
    ~PlainJsonClient() override;

    QString transportName() const override { return QStringLiteral("websocket"); }
    void deliver(const Broadcast &b) override;
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) override;
    qint64 queuedBytes() const override;
    void disconnect(DisconnectReason reason, int closeCode, const QString &text) override;

    void stage(const Broadcast &b) override;
    void flushStaged() override;
    void sendPrepared(const Broadcast &b) override;

    QWebSocket *socket() const { return m_ws; }
    // Called when the socket drained: writes conflated price updates once below the soft limit.
    void onBytesWritten();
    void pollBacklog() override;
    // TLS: the kernel holds the records, larger than what was written; never skipped.
    bool mayHaveBacklog(qint64 limit) const override
    {
        return m_conflatedCount > 0 || !m_tcp || m_tls || m_backlog.couldExceed(limit);
    }
    qint64 queuedBytesNow() const override;

private:
    void writeFrame(const QByteArray &frame);
    bool overHardLimit();

    QPointer<QWebSocket> m_ws;
    QPointer<QTcpSocket> m_tcp;
    bool m_tls = false; // m_tcp is a QSslSocket
    ShardCounters &m_counters;
    const ServerOptions &m_options;
    SendBacklog m_backlog;
    std::vector<QByteArray> m_conflated; // newest pending price-update frame per pair
    QList<QByteArray> m_staged; // frames of the current batch (shared, not copied)
    int m_conflatedCount = 0;
    bool m_closing = false;
};

} // namespace fx::server
