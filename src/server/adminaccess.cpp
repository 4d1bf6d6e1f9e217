#include "server/adminaccess.h"

namespace fx::server {

bool constantTimeEquals(QByteArrayView token, QByteArrayView presented)
{
    // The loop runs over the presented bytes (the caller's own length) and always to the end.
    unsigned diff = token.size() == presented.size() ? 0u : 1u;
    const qsizetype n = token.size();
    for (qsizetype i = 0; i < presented.size(); ++i) {
        const unsigned char t = n > 0 ? static_cast<unsigned char>(token[i % n]) : 0u;
        diff |= t ^ static_cast<unsigned char>(presented[i]);
    }
    return diff == 0 && n > 0;
}

AdminAccess adminAccess(const QString &token, bool hasHeader, QByteArrayView authorization)
{
    if (token.isEmpty() || !hasHeader)
        return AdminAccess::Anonymous;
    // RFC 6750 §2.1: "Bearer" (the scheme in any case), one or more spaces, the token.
    const QByteArrayView value = authorization.trimmed();
    const qsizetype space = value.indexOf(' ');
    if (space <= 0)
        return AdminAccess::Refused;
    const QByteArrayView scheme = value.first(space);
    if (scheme.compare("Bearer", Qt::CaseInsensitive) != 0)
        return AdminAccess::Refused;
    const QByteArrayView presented = value.sliced(space + 1).trimmed();
    return constantTimeEquals(token.toLatin1(), presented) ? AdminAccess::Granted : AdminAccess::Refused;
}

QJsonObject redactedRedisStatus(QJsonObject redis)
{
    // "status" is a sentence naming the endpoint, "reason" the last error text.
    for (const char *key : {"endpoint", "host", "port", "socket", "status", "reason", "last_error"})
        redis.remove(QLatin1StringView(key));
    return redis;
}

QJsonObject redactedDatabaseStatus(QJsonObject database)
{
    for (const char *key : {"location", "path", "host", "port", "last_error"})
        database.remove(QLatin1StringView(key));
    return database;
}

} // namespace fx::server
