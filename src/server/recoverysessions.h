#pragma once

// PROTOCOL.md, "Socket.IO connection state recovery" (WEBSOCKET_SIO_RECOVERY=true): what a
// Socket.IO client that lost its connection left behind, kept for WEBSOCKET_HISTORY_TTL seconds
// under its private id (pid) so that a reconnect on any I/O thread can take it back once.
//
// Thread contract: any thread; one mutex, taken when a client goes away and when one
// reconnects, never per message. Bounded: at most `capacity` sessions (the oldest goes first).

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>
#include <optional>
#include <vector>

namespace fx::server {

class RecoverySessions
{
public:
    struct Session
    {
        QByteArray socketId; // the Socket.IO socket id, given back to the client
        QString user; // "sub" of its token (empty without tokens): only the same user takes it back
        std::vector<int> rooms; // pair indexes
        qint64 disconnectedAtMs = 0; // monotonic
    };

    RecoverySessions(int capacity, int ttlSeconds);

    void persist(const QByteArray &pid, Session session, qint64 nowMs);
    // Removes and returns the session of pid when it is still there and was left by `user` (one
    // use). A session of another user stays where it is (SECURITY.md, "Tokens").
    std::optional<Session> take(const QByteArray &pid, const QString &user, qint64 nowMs);
    int size() const;

private:
    void expire(qint64 nowMs); // m_mutex held

    const int m_capacity;
    const qint64 m_ttlMs;
    mutable QMutex m_mutex;
    QHash<QByteArray, Session> m_sessions;
};

} // namespace fx::server
