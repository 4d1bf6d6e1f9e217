#include "server/roomregistry.h"

#include "server/client.h"
#include "server/serverstats.h"

namespace fx::server {

RoomRegistry::RoomRegistry(int rooms, ServerStats *stats) : m_members(size_t(rooms)), m_stats(stats)
{
}

bool RoomRegistry::join(Client *s, int room)
{
    if (room < 0 || room >= roomCount() || s->inRoom(room))
        return false;
    std::vector<qint32> &slots = s->roomSlots();
    if (slots.empty())
        slots.assign(m_members.size(), -1);
    auto &list = m_members[size_t(room)];
    slots[size_t(room)] = qint32(list.size());
    list.push_back(s);
    s->setSubscriptionCount(s->subscriptionCount() + 1);
    if (m_stats)
        m_stats->roomJoined(room);
    return true;
}

bool RoomRegistry::leave(Client *s, int room)
{
    if (!s->inRoom(room))
        return false;
    std::vector<qint32> &slots = s->roomSlots();
    auto &list = m_members[size_t(room)];
    const qint32 slot = slots[size_t(room)];
    Client *last = list.back();
    list[size_t(slot)] = last;
    last->roomSlots()[size_t(room)] = slot;
    list.pop_back();
    slots[size_t(room)] = -1;
    s->setSubscriptionCount(s->subscriptionCount() - 1);
    if (m_stats)
        m_stats->roomLeft(room);
    return true;
}

void RoomRegistry::leaveAll(Client *s)
{
    if (s->subscriptionCount() == 0)
        return;
    for (int r = 0; r < roomCount(); ++r)
        leave(s, r);
}

} // namespace fx::server
