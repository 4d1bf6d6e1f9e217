#pragma once

// Who may read the server's internals (SECURITY.md, "Admin endpoints"): the check of an
// Authorization header against WEBSOCKET_ADMIN_TOKEN, and the redaction of the status objects
// shown to everyone else. Pure functions, any thread.

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

namespace fx::server {

// True when a and b are equal. Takes the same time for every presented value of one length:
// no early exit on the first difference, and the token's length is not revealed either.
bool constantTimeEquals(QByteArrayView token, QByteArrayView presented);

enum class AdminAccess {
    Anonymous, // no Authorization header (or no token configured): the public view
    Granted, // "Bearer <the token>"
    Refused, // an Authorization header that is not the token (wrong scheme, empty, wrong value)
};

// token empty: always Anonymous. hasHeader: the request carried an Authorization header.
AdminAccess adminAccess(const QString &token, bool hasHeader, QByteArrayView authorization);

// Status objects without endpoints, paths and error texts (counts and states stay).
QJsonObject redactedRedisStatus(QJsonObject redis);
QJsonObject redactedDatabaseStatus(QJsonObject database);

} // namespace fx::server
