#include "server/recoverysessions.h"

#include <algorithm>

namespace fx::server {

RecoverySessions::RecoverySessions(int capacity, int ttlSeconds)
    : m_capacity(std::max(1, capacity))
    , m_ttlMs(qint64(std::max(1, ttlSeconds)) * 1000)
{
}

void RecoverySessions::expire(qint64 nowMs)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->disconnectedAtMs < nowMs - m_ttlMs ? m_sessions.erase(it) : std::next(it);
}

void RecoverySessions::persist(const QByteArray &pid, Session session, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    expire(nowMs);
    if (m_sessions.size() >= m_capacity && !m_sessions.contains(pid)) {
        auto oldest = std::min_element(m_sessions.begin(), m_sessions.end(), [](const Session &a, const Session &b) {
            return a.disconnectedAtMs < b.disconnectedAtMs;
        });
        if (oldest != m_sessions.end())
            m_sessions.erase(oldest);
    }
    session.disconnectedAtMs = nowMs;
    m_sessions.insert(pid, std::move(session));
}

std::optional<RecoverySessions::Session> RecoverySessions::take(const QByteArray &pid, const QString &user,
                                                                qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    expire(nowMs);
    auto it = m_sessions.find(pid);
    if (it == m_sessions.end() || it->user != user)
        return std::nullopt;
    Session s = std::move(*it);
    m_sessions.erase(it);
    return s;
}

int RecoverySessions::size() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_sessions.size());
}

} // namespace fx::server
