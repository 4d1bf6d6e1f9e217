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
    // PermittedPair: every client whose token permits the pair roomA, subscribed or not (a desk
    // rule's price_alert, PROTOCOL.md "Desk rules"); every client when it has no token.
    enum class Scope { Room, TwoRooms, Everyone, Subscribers, PermittedPair };
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

    // PROTOCOL.md, "History and recovery": where the event sits in the server's history, set once
    // by StreamHistory::stamp before any shard sees it (0/-1: not in the history).
    int stream = -1; // a pair's index for its price_<PAIR> room, StreamHistory::alertsStream() for alerts
    quint64 offset = 0; // position in its stream, from 1
    quint64 seq = 0; // position among every stamped event (Socket.IO recovery's offset), from 1
    qint64 stampedAtMs = 0; // monotonic ms, for WEBSOCKET_HISTORY_TTL

    // ARCHITECTURE.md, "Delivery latency": when the Redis thread read the event (monotonic ns;
    // 0: not from Redis, not measured) and the payload's own time (wall clock µs since the epoch;
    // 0: the payload has none).
    qint64 receivedNanos = 0;
    qint64 payloadTimeMicros = 0;
};

using BroadcastPtr = std::shared_ptr<const Broadcast>;
using BroadcastBatch = QList<BroadcastPtr>;

// The position an event is encoded with: the plain JSON envelope gets "offset" and "epoch" at its
// top level, and with sioOffset the Socket.IO packet gets the seq as its last argument
// (connection state recovery). A default Stamp encodes neither.
struct Stamp
{
    quint64 offset = 0;
    quint64 seq = 0;
    QByteArray epoch;
    bool sioOffset = false;
};

// Encodes one event for its audience (PROTOCOL.md, "Currency pairs and rooms"): prices and
// volatility alerts to the pair's room, correlation alerts to both rooms, data_ready to everyone.
BroadcastPtr encodeBroadcast(const core::MarketEvent &event, const Stamp &stamp = {});
// Any event to everyone (used for notices and tests).
BroadcastPtr encodeBroadcast(QStringView event, const QJsonObject &data, Broadcast::Scope scope, int roomA = -1,
                             int roomB = -1);
// The same with the payload already compact JSON.
BroadcastPtr encodeBroadcast(QStringView event, QByteArray data, Broadcast::Scope scope, int roomA = -1, int roomB = -1,
                             const Stamp &stamp = {});

} // namespace fx::server
