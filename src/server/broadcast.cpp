#include "server/broadcast.h"

#include "core/timeutil.h"
#include "protocol/contract.h"
#include "protocol/envelope.h"
#include "protocol/wsframe.h"
#include "server/feedstatus.h"

namespace fx::server {

BroadcastPtr encodeBroadcast(QStringView event, const QJsonObject &data, Broadcast::Scope scope, int roomA, int roomB)
{
    return encodeBroadcast(event, protocol::compactJson(data), scope, roomA, roomB);
}

BroadcastPtr encodeBroadcast(QStringView event, QByteArray data, Broadcast::Scope scope, int roomA, int roomB)
{
    auto b = std::make_shared<Broadcast>();
    b->scope = scope;
    b->roomA = roomA;
    b->roomB = roomB;
    b->event = event.toString();
    b->data = std::move(data);
    b->jsonFrame = protocol::wsFrame(protocol::encodeEnvelope(event, b->data));
    QByteArray sio;
    sio.reserve(b->data.size() + event.size() + 8);
    sio += "42[\"";
    sio += event.toUtf8();
    sio += "\",";
    sio += b->data;
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

BroadcastPtr encodeBroadcast(const core::MarketEvent &event)
{
    using namespace fx::core;
    return std::visit(
        [](const auto &e) -> BroadcastPtr {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, PriceTick>) {
                auto b =
                    encodeBroadcast(protocol::event::PriceUpdate, e.payloadJson(), Broadcast::Scope::Room, e.index);
                std::const_pointer_cast<Broadcast>(b)->conflatable = true;
                return b;
            } else if constexpr (std::is_same_v<T, VolatilityAlert>) {
                auto b =
                    encodeBroadcast(protocol::event::VolatilityAlert, e.toPayload(), Broadcast::Scope::Room, e.index);
                std::const_pointer_cast<Broadcast>(b)->isAlert = true;
                return b;
            } else if constexpr (std::is_same_v<T, CorrelationAlert>) {
                auto b = encodeBroadcast(protocol::event::CorrelationAlert, e.toPayload(), Broadcast::Scope::TwoRooms,
                                         e.indexA, e.indexB);
                std::const_pointer_cast<Broadcast>(b)->isAlert = true;
                return b;
            } else {
                return encodeBroadcast(protocol::event::DataReady, e.toPayload(), Broadcast::Scope::Everyone);
            }
        },
        event);
}

} // namespace fx::server
