#pragma once

// Rooms of one I/O shard: for each pair, the shard's clients subscribed to it. Join and leave
// are O(1) (swap-remove, each client remembers its slot). Shard thread only.

#include <cstddef>
#include <vector>

namespace fx::server {

class ServerStats;
class Client;

class RoomRegistry
{
public:
    RoomRegistry(int rooms, ServerStats *stats);

    int roomCount() const { return int(m_members.size()); }
    // False when already a member / not a member.
    bool join(Client *s, int room);
    bool leave(Client *s, int room);
    void leaveAll(Client *s);
    const std::vector<Client *> &members(int room) const { return m_members[std::size_t(room)]; }

private:
    std::vector<std::vector<Client *>> m_members;
    ServerStats *m_stats;
};

} // namespace fx::server
