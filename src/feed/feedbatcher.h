#pragma once

#include "feed/feeditem.h"

#include <QList>

namespace fx::feed {

// One Redis PUBLISH: a channel kind (the caller maps it to the configured name) and its body.
struct FeedMessage
{
    protocol::ChannelKind channel = protocol::ChannelKind::Prices;
    QByteArray payload;
    int ticks = 0; // price ticks inside (0 for analytics messages)
};

// Groups ticks into price_updates messages: one object per message (batch size 0) or JSON
// arrays of up to `batchSize` ticks (REDIS.md allows arrays on price_updates). An
// analytics message first flushes the pending ticks, so messages keep the order of the items.
// A partial batch waits only until flush(): the live feed flushes at the end of every timer
// slice, so batching never delays a price. Single-threaded.
class FeedBatcher
{
public:
    explicit FeedBatcher(int batchSize = 0) : m_batchSize(batchSize < 0 ? 0 : batchSize) {}

    void add(const FeedItem &item, QList<FeedMessage> *out);
    void flush(QList<FeedMessage> *out);

    int batchSize() const { return m_batchSize; }

private:
    int m_batchSize;
    QByteArray m_pending;
    int m_pendingTicks = 0;
};

} // namespace fx::feed
