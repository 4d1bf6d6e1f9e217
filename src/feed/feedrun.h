#pragma once

// What the dry run and the live feed share: the configured channel names and the counters of
// a run (the status lines report them).

#include "core/settings.h"
#include "feed/feedbatcher.h"
#include "protocol/payloadparser.h"

#include <QList>
#include <QString>
#include <array>

namespace fx::feed {

struct FeedCounters
{
    qint64 ticks = 0;
    std::array<qint64, protocol::kChannelKindCount> messages{}; // generated, by channel
    qint64 volAlerts = 0;
    qint64 corrAlerts = 0;
    qint64 dropped = 0; // messages not sent because Redis was down

    void count(const QList<FeedMessage> &batch);
    qint64 totalMessages() const;
};

// Full channel names (prefix applied), indexed by protocol::ChannelKind.
std::array<QString, protocol::kChannelKindCount> feedChannelNames(const core::Settings &s);

} // namespace fx::feed
