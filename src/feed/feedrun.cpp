#include "feed/feedrun.h"

#include <numeric>

namespace fx::feed {

void FeedCounters::count(const QList<FeedMessage> &batch)
{
    for (const FeedMessage &m : batch) {
        ++messages[int(m.channel)];
        ticks += m.ticks;
        if (m.channel == protocol::ChannelKind::Volatility)
            ++volAlerts;
        else if (m.channel == protocol::ChannelKind::Correlation)
            ++corrAlerts;
    }
}

qint64 FeedCounters::totalMessages() const
{
    return std::accumulate(messages.begin(), messages.end(), qint64(0));
}

std::array<QString, protocol::kChannelKindCount> feedChannelNames(const core::Settings &s)
{
    return {s.fullChannel(s.channelPrices), s.fullChannel(s.channelVolatility), s.fullChannel(s.channelCorrelation),
            s.fullChannel(s.channelDataReady)};
}

} // namespace fx::feed
