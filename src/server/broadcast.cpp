#include "server/broadcast.h"

#include "core/timeutil.h"
#include "protocol/contract.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "server/feedstatus.h"

namespace fx::server {

namespace {
// The relayed events' names, shared by every Broadcast (no allocation per event; the recovery
// history holds thousands of them).
QString eventName(QStringView event)
{
    static const QString names[] = {
        protocol::event::PriceUpdate.toString(), protocol::event::VolatilityAlert.toString(),
        protocol::event::CorrelationAlert.toString(), protocol::event::DataReady.toString()};
    for (const QString &n : names)
        if (n == event)
            return n;
    return event.toString();
}
} // namespace

BroadcastPtr encodeBroadcast(QStringView event, const QJsonObject &data, Broadcast::Scope scope, int roomA, int roomB)
{
    return encodeBroadcast(event, protocol::compactJson(data), scope, roomA, roomB);
}

BroadcastPtr encodeBroadcast(QStringView event, QByteArray data, Broadcast::Scope scope, int roomA, int roomB,
                             const Stamp &stamp)
{
    auto b = std::make_shared<Broadcast>();
    b->scope = scope;
    b->roomA = roomA;
    b->roomB = roomB;
    b->event = eventName(event);
    b->data = std::move(data);
    b->offset = stamp.offset;
    b->seq = stamp.seq;
    QByteArray envelope = protocol::encodeEnvelope(event, b->data);
    if (stamp.offset) {
        // PROTOCOL.md, "History and recovery": beside "event" and "data".
        envelope.chop(1);
        envelope += ",\"offset\":";
        envelope += QByteArray::number(stamp.offset);
        envelope += ",\"epoch\":\"";
        envelope += stamp.epoch;
        envelope += "\"}";
    }
    b->jsonFrame = protocol::wsFrame(envelope);
    QByteArray sio;
    sio.reserve(b->data.size() + event.size() + 32);
    sio += "42[\"";
    sio += event.toUtf8();
    sio += "\",";
    sio += b->data;
    if (stamp.sioOffset && stamp.seq) {
        // Socket.IO connection state recovery: the offset is the event's last argument, a string.
        sio += ",\"";
        sio += QByteArray::number(stamp.seq);
        sio += '"';
    }
    sio += ']';
    b->sioFrame = protocol::wsFrame(sio);
    b->sioPacket = std::move(sio);
    return b;
}

QJsonObject FeedStatus::toJson() const
{
    QJsonObject o{{QStringLiteral("state"), up ? QStringLiteral("up") : QStringLiteral("down")},
                  {QStringLiteral("since"), core::isoTimestamp(sinceMicros)}};
    if (up)
        o.insert(QStringLiteral("gap_ms"), gapMs);
    return o;
}

BroadcastPtr encodeBroadcast(const core::MarketEvent &event, const Stamp &stamp)
{
    using namespace fx::core;
    BroadcastPtr encoded = std::visit(
        [&stamp](const auto &e) -> BroadcastPtr {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, PriceTick>) {
                auto b = encodeBroadcast(protocol::event::PriceUpdate, e.payloadJson(), Broadcast::Scope::Room, e.index,
                                         -1, stamp);
                std::const_pointer_cast<Broadcast>(b)->conflatable = true;
                return b;
            } else if constexpr (std::is_same_v<T, VolatilityAlert>) {
                auto b = encodeBroadcast(protocol::event::VolatilityAlert, protocol::compactJson(e.toPayload()),
                                         Broadcast::Scope::Room, e.index, -1, stamp);
                std::const_pointer_cast<Broadcast>(b)->isAlert = true;
                return b;
            } else if constexpr (std::is_same_v<T, CorrelationAlert>) {
                auto b = encodeBroadcast(protocol::event::CorrelationAlert, protocol::compactJson(e.toPayload()),
                                         Broadcast::Scope::TwoRooms, e.indexA, e.indexB, stamp);
                std::const_pointer_cast<Broadcast>(b)->isAlert = true;
                return b;
            } else {
                return encodeBroadcast(protocol::event::DataReady, protocol::compactJson(e.toPayload()),
                                       Broadcast::Scope::Everyone, -1, -1, stamp);
            }
        },
        event);
    // ARCHITECTURE.md, "Delivery latency": what the I/O threads measure the writes from.
    auto *b = const_cast<Broadcast *>(encoded.get());
    b->receivedNanos = core::receivedNanos(event);
    if (const auto *t = std::get_if<PriceTick>(&event); t && t->timeFromPayload)
        b->payloadTimeMicros = t->timeMicros;
    return encoded;
}

} // namespace fx::server
