#include "server/plainjsonclient.h"

#include "core/prefetch.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "server/serverlog.h"
#include "server/serveroptions.h"
#include "server/socketwriter.h"

namespace fx::server {

PlainJsonClient::PlainJsonClient(WsChannel *channel, PlainJsonEvents &events, const QString &peer,
                                 ShardCounters &counters, const ServerOptions &options, qint64 nowMicros)
    : Client(newSessionId(), WireProtocol::PlainJson, peer, nowMicros)
    , m_channel(channel)
    , m_events(events)
    , m_tls(channel->isTls())
    , m_counters(counters)
    , m_options(options)
{
    m_channel->attach(this);
}

PlainJsonClient::~PlainJsonClient()
{
    m_channel->release();
}

qint64 PlainJsonClient::queuedBytes() const
{
    return m_backlog.bytesOf(m_channel);
}

void PlainJsonClient::writeFrame(const QByteArray &frame)
{
    if (m_closing || isDead())
        return;
    m_channel->writeFrame(frame);
    m_backlog.noteWritten(frame.size());
    ++messagesSent;
    bytesSent += quint64(frame.size());
    m_counters.add(m_counters.messagesSent);
    m_counters.add(m_counters.bytesSent, quint64(frame.size()));
}

bool PlainJsonClient::overHardLimit()
{
    if (queuedBytes() <= m_options.sendQueueLimit)
        return false;
    qCInfo(fxServerLog).noquote() << "client" << logName() << "disconnected: send queue over"
                                  << m_options.sendQueueLimit << "bytes";
    disconnect(DisconnectReason::SlowConsumer, 1008, QStringLiteral("SLOW_CONSUMER"));
    return true;
}

void PlainJsonClient::deliver(const Broadcast &b)
{
    if (m_closing || isDead())
        return;
    const qint64 queued = queuedBytes();
    if (b.conflatable && (queued > m_options.softQueueLimit() || m_conflatedCount > 0)) {
        // Slow client: keep only the newest update per pair until the socket drains.
        if (m_conflated.empty())
            m_conflated.resize(size_t(std::max(b.roomA + 1, 1)));
        if (size_t(b.roomA) >= m_conflated.size())
            m_conflated.resize(size_t(b.roomA) + 1);
        QByteArray &slot = m_conflated[size_t(b.roomA)];
        if (!slot.isNull())
            m_counters.add(m_counters.conflated);
        else
            ++m_conflatedCount;
        slot = b.jsonFrame; // shared, not copied
        return;
    }
    if (overHardLimit())
        return;
    writeFrame(b.jsonFrame);
}

void PlainJsonClient::stage(const Broadcast &b)
{
    if (m_closing || isDead())
        return;
    // Conflation and the hard limit decide as for a single delivery; the rest waits for the
    // end of the batch.
    if ((b.conflatable && (queuedBytes() > m_options.softQueueLimit() || m_conflatedCount > 0))
        || queuedBytes() > m_options.sendQueueLimit) {
        deliver(b);
        return;
    }
    m_staged.push_back(&b.jsonFrame);
}

void PlainJsonClient::prefetchForFlush() const
{
    core::prefetch(m_channel, 2);
    core::prefetch(m_staged.data());
}

void PlainJsonClient::flushStaged()
{
    if (m_staged.empty())
        return;
    // Written from m_staged itself and cleared after, keeping its capacity: no allocation per
    // client per pass (PERFORMANCE.md, "Kernel pace"). Nothing a write can call stages here.
    const std::vector<const QByteArray *> &frames = m_staged;
    if (m_closing || isDead()) {
        m_staged.clear();
        return;
    }
    const quint64 bytes = totalBytes(frames);
    messagesSent += quint64(frames.size());
    bytesSent += bytes;
    m_counters.add(m_counters.messagesSent, quint64(frames.size()));
    m_counters.add(m_counters.bytesSent, bytes);

    m_backlog.noteWritten(qint64(m_channel->writeFrames(frames)));
    m_staged.clear();
    if (m_channel->pendingBytes() > 0) // the kernel's buffer is full: count what it holds
        m_backlog.sampleOf(m_channel);
    overHardLimit();
}

void PlainJsonClient::sendPrepared(const Broadcast &b)
{
    flushStaged();
    writeFrame(b.jsonFrame); // shared, not copied
}

void PlainJsonClient::pollBacklog()
{
    if (mayHaveBacklog(m_options.softQueueLimit() / 4))
        onBytesWritten();
}

qint64 PlainJsonClient::queuedBytesNow() const
{
    return !m_closing && !isDead() ? SendBacklog::bytesNowOf(m_channel) : queuedBytes();
}

void PlainJsonClient::onBytesWritten()
{
    if (m_closing || isDead())
        return;
    m_backlog.sampleOf(m_channel);
    if (m_conflatedCount == 0)
        return;
    if (queuedBytes() > m_options.softQueueLimit() / 2)
        return;
    for (QByteArray &frame : m_conflated) {
        if (frame.isNull())
            continue;
        writeFrame(frame);
        frame = QByteArray();
    }
    m_conflatedCount = 0;
}

void PlainJsonClient::sendEvent(QStringView event, QByteArrayView data, const QJsonValue &replyTag)
{
    if (m_closing || isDead())
        return;
    flushStaged(); // broadcasts staged before this reply go first
    if (overHardLimit())
        return;
    writeFrame(protocol::wsFrame(protocol::encodeEnvelope(event, data, replyTag)));
}

void PlainJsonClient::disconnect(DisconnectReason reason, int closeCode, const QString &text)
{
    if (m_closing || isDead())
        return;
    m_closing = true;
    markDead(reason);
    if (reason == DisconnectReason::SlowConsumer || reason == DisconnectReason::KeepaliveTimeout)
        m_channel->abort(); // nothing more can get through in time
    else
        m_channel->close(closeCode, text);
}

} // namespace fx::server
