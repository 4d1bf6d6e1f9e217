#pragma once

// The inbox between the Redis thread and one I/O thread. The Redis thread put()s each encoded
// batch; the I/O thread take()s everything waiting, once per posted drain. When the oldest
// waiting batch is more than kBehindMs old (the feed offers more than the I/O thread's core
// can write), a new price replaces the waiting price of its pair in place, so memory and
// latency stay bounded; alerts and notices always go through, in order.
//
// Thread contract: put() from any thread, take() from the owning thread; a short mutex.

#include "server/broadcast.h"

#include <QMutex>
#include <vector>

namespace fx::server {

class ConflatingInbox
{
public:
    static constexpr qint64 kBehindMs = 100;

    explicit ConflatingInbox(int rooms) : m_rooms(rooms), m_priceAt(size_t(rooms), -1) {}

    struct PutResult
    {
        bool postDrain = false; // the first batch since the last take(): the caller posts a drain
        quint64 conflated = 0; // waiting prices replaced by this batch
    };
    PutResult put(const BroadcastBatch &batch, qint64 nowNs);
    BroadcastBatch take();

private:
    const int m_rooms;
    QMutex m_mutex;
    BroadcastBatch m_waiting;
    std::vector<qsizetype> m_priceAt; // per room: index in m_waiting of its newest price, or -1
    qint64 m_sinceNs = 0; // when the oldest waiting batch arrived
    bool m_drainPosted = false;
};

} // namespace fx::server
