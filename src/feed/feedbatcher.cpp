#include "feed/feedbatcher.h"

namespace fx::feed {

void FeedBatcher::add(const FeedItem &item, QList<FeedMessage> *out)
{
    if (const auto *event = std::get_if<FeedEvent>(&item)) {
        flush(out);
        out->append({event->channel, event->payload, 0});
        return;
    }
    const FeedTick &tick = std::get<FeedTick>(item);
    if (m_batchSize == 0) {
        out->append({protocol::ChannelKind::Prices, tick.toJson(), 1});
        return;
    }
    m_pending += m_pendingTicks == 0 ? '[' : ',';
    m_pending += tick.toJson();
    if (++m_pendingTicks >= m_batchSize)
        flush(out);
}

void FeedBatcher::flush(QList<FeedMessage> *out)
{
    if (m_pendingTicks == 0)
        return;
    m_pending += ']';
    out->append({protocol::ChannelKind::Prices, m_pending, m_pendingTicks});
    m_pending.clear();
    m_pendingTicks = 0;
}

} // namespace fx::feed
