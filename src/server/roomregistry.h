#pragma once

// Rooms of one I/O shard: for each pair, the shard's sessions subscribed to it. Join and leave
// are O(1) (swap-remove, each session remembers its slot). Shard thread only.

#include <cstddef>
#include <vector>

namespace fx::server {

class ServerStats;
class Session;

class RoomRegistry
{
public:
    RoomRegistry(int rooms, ServerStats *stats);

    int roomCount() const { return int(m_members.size()); }
    // False when already a member / not a member.
    bool join(Session *s, int room);
    bool leave(Session *s, int room);
    void leaveAll(Session *s);
    const std::vector<Session *> &members(int room) const { return m_members[std::size_t(room)]; }

private:
    std::vector<std::vector<Session *>> m_members;
    ServerStats *m_stats;
};

} // namespace fx::server
