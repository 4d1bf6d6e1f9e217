#pragma once

// A server-to-client event encoded once for every wire format, shared read-only by every I/O
// thread and every recipient (implicitly shared QByteArrays inside a shared_ptr<const>).

#include "core/marketdata.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <memory>

namespace fx::server {

struct Broadcast
{
    // Subscribers: every client that sent subscribe at least once (feed_status).
    enum class Scope { Room, TwoRooms, Everyone, Subscribers };
    Scope scope = Scope::Everyone;
    int roomA = -1;
    int roomB = -1;

    QString event;
    QByteArray data; // compact JSON of the payload object
    QByteArray jsonFrame; // WebSocket frame: {"event":"...","data":...}
    QByteArray sioFrame; // WebSocket frame: 42["...",...]   (Engine.IO message + Socket.IO EVENT)
    QByteArray sioPacket; // 42["...",...] for long-polling

    bool conflatable = false; // a price update: a slow client may get only the newest per pair
    bool isAlert = false;
    bool cacheOnly = false; // warm-up price: updates the shards' price books, reaches no client
};

using BroadcastPtr = std::shared_ptr<const Broadcast>;
using BroadcastBatch = QList<BroadcastPtr>;

// Encodes one event for its audience (PROTOCOL.md, "Currency pairs and rooms"): prices and
// volatility alerts to the pair's room, correlation alerts to both rooms, data_ready to everyone.
BroadcastPtr encodeBroadcast(const core::MarketEvent &event);
// Any event to everyone (used for notices and tests).
BroadcastPtr encodeBroadcast(QStringView event, const QJsonObject &data, Broadcast::Scope scope, int roomA = -1,
                             int roomB = -1);
// The same with the payload already compact JSON.
BroadcastPtr encodeBroadcast(QStringView event, QByteArray data, Broadcast::Scope scope, int roomA = -1,
                             int roomB = -1);

} // namespace fx::server
