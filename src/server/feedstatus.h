#pragma once

// The state of the market data feed as clients see it (PROTOCOL.md, feed_status): "down"
// while the Redis subscriber has no connection, "up" otherwise, with when that began and how
// long the last outage lasted. A plain value; whoever composes the server sets it
// (StreamServer::setFeedStatus) and it travels in connection_established and feed_status.

#include <QJsonObject>

namespace fx::server {

struct FeedStatus
{
    bool known = false; // false: no feed behind this server (nothing is sent)
    bool up = false;
    qint64 sinceMicros = 0; // when the current state began (wall clock)
    qint64 gapMs = 0; // up: how long the last outage lasted (0: none yet)

    // {"state": "down", "since": "..."} or {"state": "up", "since": "...", "gap_ms": N}
    QJsonObject toJson() const;
};

} // namespace fx::server
