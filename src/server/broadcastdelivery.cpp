// IoShard: broadcasts. Batches from the Redis thread pass the conflating inbox; each event is
// staged for every member of its room (same frame bytes, no copy), and one flush per event-loop
// pass writes each client's staged frames at once.

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/prefetch.h"
#include "core/timeutil.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <algorithm>

namespace fx::server {

void IoShard::enqueue(const BroadcastBatch &batch)
{
    const ConflatingInbox::PutResult r = m_inbox.put(batch, core::monotonicNanos());
    if (r.conflated) {
        m_counters.overloadConflated.fetch_add(r.conflated, std::memory_order_relaxed);
        static core::logging::RateLimiter limiter(1, 10000);
        qint64 suppressed = 0;
        if (limiter.allow(QString::number(m_index), &suppressed))
            qCWarning(fxServerLog).noquote()
                << QStringLiteral("I/O thread %1 is more than %2 ms behind the feed: waiting price updates are"
                                  " replaced by the newest of their pair (%3 so far)")
                       .arg(m_index)
                       .arg(ConflatingInbox::kBehindMs)
                       .arg(m_counters.overloadConflated.load(std::memory_order_relaxed));
    }
    if (r.postDrain)
        QMetaObject::invokeMethod(
            this, [this] { deliver(m_inbox.take()); }, Qt::QueuedConnection);
}

void IoShard::deliver(const BroadcastBatch &batch)
{
    // Stage every event of the batch per recipient, then write each recipient once.
    std::vector<Client *> &touched = m_touched;
    quint32 recipients = 0;
    auto stage = [&touched, &recipients](Client *s, const Broadcast &b) {
        if (s->isDead() || s->awaitingWelcome || (s->skipping() && s->alreadyHas(b)))
            return;
        ++recipients;
        s->stage(b);
        if (!s->staged) {
            s->staged = true;
            touched.push_back(s);
        }
    };
    for (const BroadcastPtr &bp : batch) {
        const Broadcast &b = *bp;
        m_counters.add(m_counters.broadcasts);
        if (b.conflatable)
            m_prices.update(b.roomA, b);
        if (b.seq) { // PROTOCOL.md, "History and recovery": what this shard has delivered so far
            m_streamDelivered[size_t(b.stream)] = b.offset;
            m_seqDelivered = b.seq;
        }
        if (b.cacheOnly)
            continue;
        recipients = 0;
        switch (b.scope) {
        case Broadcast::Scope::Room:
            if (b.roomA >= 0 && b.roomA < m_rooms.roomCount())
                for (Client *s : m_rooms.members(b.roomA))
                    stage(s, b);
            break;
        case Broadcast::Scope::TwoRooms:
            // SECURITY.md, "Pair permissions": a room's members may use its pair; an event about
            // two pairs reaches only the members permitted both.
            if (b.roomA >= 0 && b.roomA < m_rooms.roomCount())
                for (Client *s : m_rooms.members(b.roomA))
                    if (s->permits(b.roomB))
                        stage(s, b);
            if (b.roomB >= 0 && b.roomB < m_rooms.roomCount())
                for (Client *s : m_rooms.members(b.roomB))
                    if (!s->inRoom(b.roomA) && s->permits(b.roomA)) // once per client
                        stage(s, b);
            break;
        case Broadcast::Scope::Everyone:
            for (Client *s : m_clients)
                stage(s, b);
            break;
        case Broadcast::Scope::Subscribers:
            for (Client *s : m_clients)
                if (s->sentSubscribe)
                    stage(s, b);
            break;
        case Broadcast::Scope::PermittedPair:
            for (Client *s : m_clients)
                if (s->permits(b.roomA))
                    stage(s, b);
            break;
        }
        if (recipients && b.receivedNanos)
            m_stagedLatency.push_back({b.receivedNanos, b.payloadTimeMicros, recipients});
    }
    if (touched.empty())
        return;
    // Held while a flush is due: what the clients' staged pointers point into (a batch that
    // staged nothing is only held as long).
    m_heldBatches.push_back(batch);
    // Flush once after every batch already queued has been staged: under load several batches
    // then share one write per client (what Qt's buffering did before), and when idle the flush
    // runs right after this call.
    if (!m_flushScheduled) {
        m_flushScheduled = true;
        QMetaObject::invokeMethod(this, &IoShard::flushStaged, Qt::QueuedConnection);
    }
}

void IoShard::flushStaged()
{
    m_flushScheduled = false;
    // Taken out while writing (a write may stage for another client), then given back with its
    // capacity: no allocation per pass (PERFORMANCE.md, "Kernel pace").
    std::vector<Client *> touched;
    touched.swap(m_touched);
    // The clients were last written a pass ago and are cold: each one's misses (its object, its
    // channel, its staged list) would come one after the other. They are asked for a window
    // ahead, the objects first and what they point to once those are in, so the misses overlap
    // (PERFORMANCE.md, "Kernel pace").
    constexpr size_t kAhead = 16;
    const size_t n = touched.size();
    for (size_t i = 0; i < std::min(n, kAhead); ++i)
        core::prefetch(touched[i], 4);
    for (size_t i = 0; i < n; ++i) {
        if (i + kAhead < n)
            core::prefetch(touched[i + kAhead], 4);
        if (i + kAhead / 2 < n)
            touched[i + kAhead / 2]->prefetchForFlush();
        Client *s = touched[i];
        s->staged = false;
        s->flushStaged();
    }
    touched.clear();
    if (m_touched.empty()) {
        m_touched.swap(touched);
        m_heldBatches.clear(); // every staged frame is written or copied by its channel
    }
    recordLatency();
}

void IoShard::recordLatency()
{
    // ARCHITECTURE.md, "Delivery latency": one clock reading per flush; each event counts once
    // per client it was written to, at the time the flush finished writing.
    if (m_stagedLatency.empty())
        return;
    const qint64 nowNanos = core::monotonicNanos();
    const qint64 nowMicros = core::nowMicros();
    DeliveryLatency &h = m_counters.latency;
    for (const StagedLatency &e : m_stagedLatency) {
        h.receipt.record(nowNanos - e.receivedNanos, e.recipients, nowNanos);
        if (e.payloadTimeMicros) {
            // Clamped to a day either way before it becomes nanoseconds (a payload may say any year).
            constexpr qint64 kDayMicros = 86'400'000'000;
            const qint64 ageMicros = std::clamp(nowMicros - e.payloadTimeMicros, -kDayMicros, kDayMicros);
            h.age.record(ageMicros * 1000, e.recipients, nowNanos);
        }
    }
    m_stagedLatency.clear();
}

} // namespace fx::server
