#include "server/streamhistory.h"

#include <QRandomGenerator>
#include <algorithm>

namespace fx::server {

namespace {
QByteArray newEpoch()
{
    quint32 words[3];
    QRandomGenerator::system()->fillRange(words);
    return QByteArray(reinterpret_cast<const char *>(words), 9)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}
} // namespace

StreamHistory::StreamHistory(int pairs, int size, int ttlSeconds, bool sioOffsets)
    : m_pairs(pairs)
    , m_size(std::max(0, size))
    , m_ttlMs(qint64(std::max(1, ttlSeconds)) * 1000)
    , m_sioOffsets(sioOffsets && size > 0)
    , m_epoch(newEpoch())
    , m_streams(size_t(pairs + 1))
    , m_lastOffset(size_t(pairs + 1), 0)
    , m_evictedOffset(size_t(pairs + 1), 0)
    , m_evictedSeq(size_t(pairs + 1), 0)
{
}

int StreamHistory::streamOf(const core::MarketEvent &event) const
{
    if (const auto *t = std::get_if<core::PriceTick>(&event))
        return t->index >= 0 && t->index < m_pairs ? t->index : -1;
    return m_pairs;
}

qint64 StreamHistory::bytesOf(const Broadcast &b)
{
    return b.data.size() + b.jsonFrame.size() + b.sioFrame.size() + b.sioPacket.size();
}

BroadcastBatch StreamHistory::stamp(const QList<core::MarketEvent> &events, qint64 nowMs)
{
    BroadcastBatch batch;
    batch.reserve(events.size());
    if (!enabled()) {
        for (const core::MarketEvent &e : events)
            batch.append(encodeBroadcast(e));
        return batch;
    }
    QMutexLocker lock(&m_mutex);
    for (const core::MarketEvent &e : events) {
        const int stream = streamOf(e);
        if (stream < 0) {
            batch.append(encodeBroadcast(e));
            continue;
        }
        Stamp st;
        st.offset = ++m_lastOffset[size_t(stream)];
        st.seq = ++m_seq;
        st.epoch = m_epoch;
        st.sioOffset = m_sioOffsets;
        auto b = std::const_pointer_cast<Broadcast>(encodeBroadcast(e, st));
        b->stream = stream;
        b->stampedAtMs = nowMs;
        m_streams[size_t(stream)].push_back(b);
        m_bytes += bytesOf(*b);
        ++m_messages;
        prune(stream, nowMs);
        batch.append(std::move(b));
    }
    return batch;
}

void StreamHistory::prune(int stream, qint64 nowMs)
{
    std::deque<BroadcastPtr> &q = m_streams[size_t(stream)];
    while (!q.empty() && (qsizetype(q.size()) > m_size || q.front()->stampedAtMs < nowMs - m_ttlMs)) {
        const Broadcast &b = *q.front();
        m_evictedOffset[size_t(stream)] = b.offset;
        m_evictedSeq[size_t(stream)] = b.seq;
        m_bytes -= bytesOf(b);
        --m_messages;
        q.pop_front();
    }
}

StreamHistory::Range StreamHistory::read(int stream, quint64 after, quint64 upTo, qint64 nowMs)
{
    Range r;
    if (!enabled() || stream < 0 || stream > m_pairs)
        return r;
    QMutexLocker lock(&m_mutex);
    prune(stream, nowMs);
    const size_t s = size_t(stream);
    if (after < m_evictedOffset[s] || after > m_lastOffset[s])
        return r;
    r.complete = true;
    const std::deque<BroadcastPtr> &q = m_streams[s];
    // Offsets in a stream are consecutive: the first held one tells where `after` is.
    if (q.empty() || after >= upTo)
        return r;
    const quint64 first = q.front()->offset;
    for (size_t i = size_t(after >= first ? after - first + 1 : 0); i < q.size() && q[i]->offset <= upTo; ++i)
        r.messages.append(q[i]);
    return r;
}

StreamHistory::Range StreamHistory::readSeq(const std::vector<int> &streams, quint64 after, quint64 upTo, qint64 nowMs)
{
    Range r;
    if (!enabled())
        return r;
    QMutexLocker lock(&m_mutex);
    if (after > m_seq)
        return r;
    for (int stream : streams) {
        if (stream < 0 || stream > m_pairs)
            continue;
        prune(stream, nowMs);
        if (m_evictedSeq[size_t(stream)] > after)
            return r;
    }
    r.complete = true;
    for (int stream : streams) {
        if (stream < 0 || stream > m_pairs)
            continue;
        const std::deque<BroadcastPtr> &q = m_streams[size_t(stream)];
        auto it =
            std::upper_bound(q.begin(), q.end(), after, [](quint64 v, const BroadcastPtr &b) { return v < b->seq; });
        for (; it != q.end() && (*it)->seq <= upTo; ++it)
            r.messages.append(*it);
    }
    std::sort(r.messages.begin(), r.messages.end(),
              [](const BroadcastPtr &a, const BroadcastPtr &b) { return a->seq < b->seq; });
    return r;
}

StreamHistory::Usage StreamHistory::usage() const
{
    QMutexLocker lock(&m_mutex);
    return Usage{m_messages, m_bytes};
}

} // namespace fx::server
