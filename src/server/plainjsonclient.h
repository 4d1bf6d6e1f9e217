#pragma once

// A plain JSON client over WebSocket (paths / and /ws). Its WebSocket is a channel
// (wschannel.h): the project's own upgrade and framing on the bare descriptor, or Qt's
// QWebSocketServer and QWebSocket (TLS, the portable build). Data frames are written pre-encoded
// and shared, so one broadcast costs one copy into each recipient's kernel buffer and nothing
// else. Shard thread only.

#include "server/client.h"
#include "server/socketwriter.h"

#include "server/wschannel.h"

#include <vector>

namespace fx::server {

struct ServerOptions;
struct ShardCounters;
class PlainJsonClient;

// What a plain JSON client's channel reports, handled by its shard (IoShard).
class PlainJsonEvents
{
public:
    virtual void plainText(PlainJsonClient *s, const QByteArray &utf8) = 0;
    virtual void plainBinary(PlainJsonClient *s, qsizetype size) = 0;
    virtual void plainPong(PlainJsonClient *s, qint64 rttMs) = 0;
    // A ping from the client: answered when this admits it (the rate limit).
    virtual bool plainAdmitPing(PlainJsonClient *s) = 0;
    virtual void plainBroken(PlainJsonClient *s) = 0;
    virtual void plainClosed(PlainJsonClient *s, int closeCode) = 0;

protected:
    ~PlainJsonEvents() = default;
};

class PlainJsonClient final : public Client
{
public:
    // peer: the client's "address:port" (clientPeerOf(tcp): SECURITY.md, "Behind a proxy").
    // Takes the channel, never null (released with the client).
    PlainJsonClient(WsChannel *channel, PlainJsonEvents &events, const QString &peer, ShardCounters &counters,
                    const ServerOptions &options, qint64 nowMicros);
    ~PlainJsonClient() override;

    QString transportName() const override { return QStringLiteral("websocket"); }
    void deliver(const Broadcast &b) override;
    void sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag) override;
    qint64 queuedBytes() const override;
    void disconnect(DisconnectReason reason, int closeCode, const QString &text) override;

    void stage(const Broadcast &b) override;
    void prefetchForFlush() const override;
    void flushStaged() override;
    void sendPrepared(const Broadcast &b) override;

    WsChannel *channel() const { return m_channel; }
    // Called when the socket drained: writes conflated price updates once below the soft limit.
    void onBytesWritten();
    // The channel's reports (wschannel.h), passed on to the shard.
    void onChannelText(const QByteArray &utf8) { m_events.plainText(this, utf8); }
    void onChannelBinary(qsizetype size) { m_events.plainBinary(this, size); }
    void onChannelPong(qint64 rttMs) { m_events.plainPong(this, rttMs); }
    bool onChannelPing() { return m_events.plainAdmitPing(this); }
    void onChannelBroken() { m_events.plainBroken(this); }
    void onChannelClosed(int closeCode) { m_events.plainClosed(this, closeCode); }
    void pollBacklog() override;
    // TLS: the kernel holds the records, larger than what was written; never skipped.
    bool mayHaveBacklog(qint64 limit) const override
    {
        return m_conflatedCount > 0 || m_tls || m_backlog.couldExceed(limit);
    }
    qint64 queuedBytesNow() const override;

private:
    void writeFrame(const QByteArray &frame);
    bool overHardLimit();

    WsChannel *m_channel;
    PlainJsonEvents &m_events;
    bool m_tls = false; // the channel encrypts: the kernel holds records, larger than what was written
    ShardCounters &m_counters;
    const ServerOptions &m_options;
    SendBacklog m_backlog;
    std::vector<QByteArray> m_conflated; // newest pending price-update frame per pair
    // Frames of the current batch: the shard keeps them alive until its flush (IoShard::deliver).
    std::vector<const QByteArray *> m_staged;
    int m_conflatedCount = 0;
    bool m_closing = false;
};

} // namespace fx::server
