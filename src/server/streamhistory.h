#pragma once

// PROTOCOL.md, "History and recovery": the bounded history of every stream the server relays
// (each pair's price_<PAIR> room, and one "alerts" stream for volatility, correlation and
// data-ready events), and the positions the events carry.
//
// stamp() is the single place positions are assigned: the thread that publishes (the Redis
// thread, through Relay and StreamServer::publish) gives each event its stream offset and its
// global seq and encodes it once with them, so every shard and every client sees the same
// offset for the same message. The history keeps the very Broadcast objects the shards deliver
// (shared, encoded once), not copies.
//
// Thread contract: stamp() from the publishing thread (StreamServer serialises publishers);
// the reads from any I/O thread. One mutex, taken once per published batch and once per
// recovery, never per client or per delivery.

#include "core/marketdata.h"
#include "server/broadcast.h"

#include <QByteArray>
#include <QMutex>
#include <deque>
#include <vector>

namespace fx::server {

class StreamHistory
{
public:
    // size: messages kept per stream (0: no history, no positions); ttlSeconds: older ones go.
    StreamHistory(int pairs, int size, int ttlSeconds, bool sioOffsets);

    bool enabled() const { return m_size > 0; }
    // Changes with every StreamHistory (every server start): 12 URL-safe random characters.
    const QByteArray &epoch() const { return m_epoch; }
    int alertsStream() const { return m_pairs; }
    int streamCount() const { return m_pairs + 1; }
    // The stream of a broadcast's event: its pair for a price, alertsStream() for the others.
    int streamOf(const core::MarketEvent &event) const;

    // Encodes each event with its position, appends it and returns the batch to deliver.
    // Without history: the plain encoding, no positions.
    BroadcastBatch stamp(const QList<core::MarketEvent> &events, qint64 nowMs);

    struct Range
    {
        bool complete = false; // every message in the range is still held
        QList<BroadcastPtr> messages; // in order
    };
    // Messages of one stream with after < offset <= upTo. Not complete when some of them are
    // gone (size, TTL) or `after` lies beyond the stream's newest offset.
    Range read(int stream, quint64 after, quint64 upTo, qint64 nowMs);
    // Messages of the given streams with after < seq <= upTo, merged in seq order (Socket.IO
    // recovery); complete when none of those streams lost any of them.
    Range readSeq(const std::vector<int> &streams, quint64 after, quint64 upTo, qint64 nowMs);

    // What the history holds now (for /metrics and the memory measurement).
    struct Usage
    {
        qint64 messages = 0;
        qint64 bytes = 0; // payload bytes of the messages held (frames and JSON)
    };
    Usage usage() const;

private:
    void prune(int stream, qint64 nowMs); // m_mutex held
    static qint64 bytesOf(const Broadcast &b);

    const int m_pairs;
    const int m_size;
    const qint64 m_ttlMs;
    const bool m_sioOffsets;
    const QByteArray m_epoch;

    mutable QMutex m_mutex;
    std::vector<std::deque<BroadcastPtr>> m_streams;
    std::vector<quint64> m_lastOffset; // per stream: the newest offset given
    std::vector<quint64> m_evictedOffset; // per stream: the newest offset no longer held
    std::vector<quint64> m_evictedSeq; // per stream: the newest seq no longer held
    quint64 m_seq = 0;
    qint64 m_bytes = 0;
    qint64 m_messages = 0;
};

} // namespace fx::server
