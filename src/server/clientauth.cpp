// IoShard: client authentication (SECURITY.md, "Tokens" and "Pair permissions"). Tokens checked
// when a client connects (plain JSON: ?token= or Authorization: Bearer on the upgrade request;
// Socket.IO: the CONNECT packet's auth {"token"}), refusals counted and logged without the
// token, the client's user and permitted pairs set from the claims, refresh_token, and the
// close at exp plus the leeway (from the housekeeping tick).

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QWebSocket>

namespace fx::server {

using protocol::ErrorCode;

QByteArray IoShard::presentedToken(const protocol::HttpRequest &request)
{
    const QByteArray authorization = request.header("authorization").trimmed();
    if (authorization.size() > 7 && authorization.first(7).compare("bearer ", Qt::CaseInsensitive) == 0)
        return authorization.mid(7).trimmed();
    return request.queryValue(u"token").toUtf8();
}

auth::TokenResult IoShard::checkToken(QByteArrayView token, const QString &peer, bool refresh)
{
    const std::shared_ptr<const auth::TokenVerifier> verifier = m_ctx.tokenVerifier(); // reloaded on SIGHUP
    auth::TokenResult r = verifier->verify(token, QDateTime::currentSecsSinceEpoch());
    if (r.ok())
        return r;
    m_ctx.stats().countAuthRefused(r.failure);
    static core::logging::RateLimiter limiter(5, 10000);
    qint64 suppressed = 0;
    if (limiter.allow(QStringLiteral("auth"), &suppressed)) {
        // The reason only: never the token (SECURITY.md, "Tokens").
        QString line = QStringLiteral("%1 from %2: %3 (%4)")
                           .arg(refresh ? QStringLiteral("refused refresh_token") : QStringLiteral("refused client"),
                                peer, auth::reasonName(r.failure), r.message);
        if (suppressed)
            line += QStringLiteral("; %1 more not shown").arg(suppressed);
        qCInfo(fxServerLog).noquote() << line;
    }
    return r;
}

QJsonObject IoShard::unauthorizedDetails(const auth::TokenResult &r)
{
    return QJsonObject{{QStringLiteral("reason"), auth::reasonName(r.failure)}};
}

QString IoShard::unauthorizedMessage(const auth::TokenResult &r)
{
    return QStringLiteral("%1: %2").arg(auth::reasonName(r.failure), r.message);
}

void IoShard::applyClaims(Client *s, const auth::TokenClaims &claims)
{
    s->setUser(claims.subject);
    s->tokenExpiresAt = claims.expiresAt;
    std::vector<bool> permitted;
    if (!claims.allPairs) {
        permitted.assign(size_t(m_ctx.instruments().size()), false);
        for (const QString &p : claims.pairs)
            if (const int idx = m_ctx.instruments().lookup(p); idx >= 0)
                permitted[size_t(idx)] = true;
    }
    s->setPermittedPairs(!claims.allPairs, std::move(permitted));
}

static QJsonValue expiryJson(qint64 expiresAt)
{
    if (!expiresAt)
        return QJsonValue(QJsonValue::Null);
    return QDateTime::fromSecsSinceEpoch(expiresAt, Qt::UTC).toString(Qt::ISODate);
}

void IoShard::refreshToken(Client *s, const QJsonObject &data, const QJsonValue &replyTag)
{
    static const QString event = QStringLiteral("refresh_token");
    if (!m_ctx.options().tokenVerifier) {
        sendReply(s,
                  m_handler.error(ErrorCode::InvalidPayload,
                                  QStringLiteral("this server does not use tokens (WEBSOCKET_AUTH=none): there is "
                                                 "nothing to refresh"),
                                  event),
                  replyTag);
        return;
    }
    const QJsonValue t = data.value(QStringLiteral("token"));
    if (!t.isString()) {
        sendReply(s,
                  m_handler.error(ErrorCode::InvalidPayload,
                                  QStringLiteral("\"token\" must be a string: {\"token\": \"<JSON Web Token>\"}"),
                                  event),
                  replyTag);
        return;
    }
    auth::TokenResult r = checkToken(t.toString().toUtf8(), s->peer(), true);
    if (r.ok() && r.claims.subject != s->user()) {
        m_ctx.stats().countAuthRefused(auth::TokenFailure::WrongSubject);
        r.failure = auth::TokenFailure::WrongSubject;
        r.message = QStringLiteral("the new token is for another user; its \"sub\" must be the connection's");
    }
    if (!r.ok()) {
        // The connection keeps its current token (and is closed when that expires).
        QJsonObject details = unauthorizedDetails(r);
        details.insert(QStringLiteral("expires_at"), expiryJson(s->tokenExpiresAt));
        sendReply(s, m_handler.error(ErrorCode::Unauthorized, unauthorizedMessage(r), event, details), replyTag);
        return;
    }
    applyClaims(s, r.claims);
    // Rooms the new token no longer permits are left (listed in left_pairs).
    QJsonArray left;
    for (int room = 0; room < m_rooms.roomCount(); ++room)
        if (s->inRoom(room) && !s->permits(room)) {
            m_rooms.leave(s, room);
            left.append(m_ctx.instruments().pair(room));
        }
    sendReply(s,
              Reply{protocol::event::TokenRefreshed.toString(),
                    protocol::compactJson(QJsonObject{
                        {QStringLiteral("expires_at"), expiryJson(s->tokenExpiresAt)},
                        {QStringLiteral("user"), s->user()},
                        {QStringLiteral("left_pairs"), left},
                        {QStringLiteral("timestamp"), core::isoNow()},
                    })},
              replyTag);
    if (!left.isEmpty())
        noteClientChanged(s);
}

bool IoShard::expireToken(Client *s, qint64 nowSeconds)
{
    if (!s->tokenExpiresAt || nowSeconds < s->tokenExpiresAt + m_ctx.options().tokenVerifier->leewaySeconds())
        return false;
    qCInfo(fxServerLog).noquote() << QStringLiteral("client %1 disconnected: its token expired").arg(s->logName());
    const Reply err = m_handler.error(
        ErrorCode::TokenExpired,
        QStringLiteral("the token expired; connect again with a new one (or send refresh_token before it expires)"), {},
        QJsonObject{{QStringLiteral("expired_at"), expiryJson(s->tokenExpiresAt)}});
    s->sendEvent(err.event, err.data, QJsonValue::Undefined);
    s->disconnect(DisconnectReason::TokenExpired, kCloseTokenExpired, QStringLiteral("TOKEN_EXPIRED"));
    scheduleReap();
    return true;
}

} // namespace fx::server
