#include "server/conflatinginbox.h"

#include <algorithm>

namespace fx::server {

ConflatingInbox::PutResult ConflatingInbox::put(const BroadcastBatch &batch, qint64 nowNs)
{
    PutResult r;
    if (batch.isEmpty())
        return r;
    QMutexLocker lock(&m_mutex);
    if (m_waiting.isEmpty())
        m_sinceNs = nowNs;
    const bool behind = nowNs - m_sinceNs > kBehindMs * 1000000;
    for (const BroadcastPtr &b : batch) {
        const bool price = b->conflatable && !b->cacheOnly && b->roomA >= 0 && b->roomA < m_rooms;
        if (price) {
            qsizetype &at = m_priceAt[size_t(b->roomA)];
            if (behind && at >= 0) {
                m_waiting[at] = b; // the older price of this pair never went out: the newest takes its place
                ++r.conflated;
                continue;
            }
            at = m_waiting.size();
        }
        m_waiting.append(b);
    }
    if (!m_drainPosted) {
        m_drainPosted = true;
        r.postDrain = true;
    }
    return r;
}

BroadcastBatch ConflatingInbox::take()
{
    BroadcastBatch batch;
    QMutexLocker lock(&m_mutex);
    batch.swap(m_waiting);
    std::fill(m_priceAt.begin(), m_priceAt.end(), -1);
    m_drainPosted = false;
    return batch;
}

} // namespace fx::server
