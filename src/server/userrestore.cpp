// IoShard: rules and subscriptions that follow the user (PROTOCOL.md, "Alert rules"). A client
// is identified by its token's sub when it connects, or by the client_key of a subscribe
// (without tokens); with a database its stored rules are read (AlertService::restore, on the
// storage's reader thread) before it is answered: connection_established, or that subscribe's
// subscription_confirmed, lists them. Requests sent meanwhile wait, in order, and are answered
// once the rules are in (or the read failed, or kRestoreTimeoutMs passed).

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "server/alerthistory.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTimer>
#include <atomic>

namespace fx::server {

using protocol::ErrorCode;

namespace {

constexpr int kMinClientKeyLength = 16;
constexpr int kMaxClientKeyLength = 128;

// A client_key is stored and compared only as its SHA-256: the database never holds the key.
QString clientKeyOwner(const QString &key)
{
    return QStringLiteral("key:")
        + QString::fromLatin1(QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex());
}

// Why a client_key is not accepted; empty when it is.
QString checkClientKey(const QJsonValue &value)
{
    if (!value.isString())
        return QStringLiteral("\"client_key\" must be a string");
    const QString key = value.toString();
    if (key.size() < kMinClientKeyLength || key.size() > kMaxClientKeyLength)
        return QStringLiteral("\"client_key\" must be %1 to %2 characters long (a random UUID will do)")
            .arg(kMinClientKeyLength)
            .arg(kMaxClientKeyLength);
    for (const QChar c : key)
        if (c.unicode() < 0x21 || c.unicode() > 0x7e)
            return QStringLiteral("\"client_key\" may hold only printable ASCII characters without spaces");
    return {};
}

} // namespace

void IoShard::welcome(Client *s, const std::function<void(Client *)> &then)
{
    // A token user's alerts come here (rules set on any of its connections), its stored rules
    // and rooms are read first.
    if (!s->user().isEmpty()) {
        s->ownerKey = QStringLiteral("sub:") + s->user();
        bindAlerts(s);
    }
    const bool read = !s->ownerKey.isEmpty() && m_ctx.alerts().hasStore();
    if (!read || then) {
        // A recovered Socket.IO session is answered at once, its missed messages right after
        // (live ones would overtake them while it waited); its stored rules are read meanwhile.
        sendWelcome(s, nullptr);
        if (then)
            then(s);
        if (read)
            beginRestore(s, [](Client *, const RestoreResult &) {});
        return;
    }
    s->awaitingWelcome = true;
    beginRestore(s, [this](Client *c, const RestoreResult &r) {
        sendWelcome(c, &r);
        if (m_ctx.options().restoreSubscriptions && r.hasSubscriptions && !r.pairs.isEmpty())
            subscribeRestoring(c, QJsonObject{}, QJsonValue::Undefined, r, true, false);
    });
}

void IoShard::sendWelcome(Client *s, const RestoreResult *restored)
{
    s->awaitingWelcome = false;
    const Reply hello = m_handler.welcome(*s, restored);
    s->sendEvent(hello.event, hello.data, QJsonValue::Undefined);
}

void IoShard::beginRestore(Client *s, std::function<void(Client *, const RestoreResult &)> then)
{
    bindAlerts(s); // the answer finds the client by its handle
    s->restoring = true;
    const quint32 generation = ++s->restoreGeneration;
    const quint64 handle = s->alertHandle;
    auto finish = [this, handle, generation, then](const RestoreResult &r) {
        Client *c = m_alertClients.value(handle);
        if (!c || !c->restoring || c->restoreGeneration != generation)
            return; // gone, or answered already (by the read, or by the timeout)
        endRestore(c, then, r);
    };
    auto answered = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<ReturnPath> back = m_returnPath;
    m_ctx.alerts().restore(s->rulesOwner(), [back, finish, answered](const RestoreResult &r) {
        answered->store(true);
        back->post([finish, r] { finish(r); }); // any thread: back to this shard, if it is still there
    });
    if (answered->load())
        return; // nothing to read (or read already): no timer
    QTimer::singleShot(kRestoreTimeoutMs, this, [finish] {
        RestoreResult r;
        r.ok = false;
        r.reason = QStringLiteral("the stored alert rules could not be read in time; try again later");
        finish(r);
    });
}

void IoShard::endRestore(Client *s, const std::function<void(Client *, const RestoreResult &)> &then,
                         const RestoreResult &result)
{
    s->restoring = false;
    if (!result.ok) {
        static core::logging::RateLimiter limiter(5, 10000);
        qint64 suppressed = 0;
        if (limiter.allow(QStringLiteral("restore"), &suppressed))
            qCWarning(fxServerLog).noquote()
                << "client" << s->logName() << "connected without its stored alert rules:" << result.reason
                << (suppressed ? QStringLiteral("(%1 more not logged)").arg(suppressed) : QString());
    }
    if (s->isDead())
        return;
    then(s, result);
    // The requests that waited, in order; one of them may start another read (a subscribe with
    // a client_key): the rest wait again, ahead of anything sent later.
    std::vector<Client::HeldRequest> held;
    held.swap(s->held);
    for (size_t i = 0; i < held.size(); ++i) {
        if (s->isDead())
            return;
        if (s->restoring) {
            s->held.insert(s->held.begin(), std::make_move_iterator(held.begin() + qsizetype(i)),
                           std::make_move_iterator(held.end()));
            return;
        }
        dispatch(s, held[i].event, held[i].data, held[i].replyTag);
    }
}

void IoShard::holdRequest(Client *s, const QString &event, const QJsonObject &data, const QJsonValue &replyTag)
{
    if (s->held.size() >= size_t(kMaxHeldRequests)) {
        sendReply(s,
                  m_handler.error(ErrorCode::RateLimited,
                                  QStringLiteral("%1 of your requests are waiting for your stored alert rules to be "
                                                 "read; wait for the answer before you send more")
                                      .arg(kMaxHeldRequests),
                                  event.left(64)),
                  replyTag);
        return;
    }
    s->held.push_back(Client::HeldRequest{event, data, replyTag});
}

bool IoShard::identifyBySubscribe(Client *s, QJsonObject &data, const QJsonValue &replyTag)
{
    static const QString event = QStringLiteral("subscribe");
    auto invalid = [&](const QString &field, const QString &message) {
        sendReply(
            s,
            m_handler.error(ErrorCode::InvalidPayload, message, event, QJsonObject{{QStringLiteral("field"), field}}),
            replyTag);
        return false;
    };
    const QJsonValue key = data.take(QStringLiteral("client_key"));
    const QJsonValue restore = data.take(QStringLiteral("restore_subscriptions"));
    bool restoreRooms = false;
    const bool restoreGiven = !restore.isUndefined() && !restore.isNull();
    if (restoreGiven) {
        if (!restore.isBool())
            return invalid(QStringLiteral("restore_subscriptions"),
                           QStringLiteral("\"restore_subscriptions\" must be true or false"));
        restoreRooms = restore.toBool();
    }
    bool identified = false;
    // With tokens the identity is the token's sub: a client_key is not read.
    if (!key.isUndefined() && !key.isNull() && !m_ctx.options().tokenVerifier) {
        if (const QString why = checkClientKey(key); !why.isEmpty())
            return invalid(QStringLiteral("client_key"), why);
        const QString owner = clientKeyOwner(key.toString());
        if (!s->ownerKey.isEmpty() && s->ownerKey != owner)
            return invalid(QStringLiteral("client_key"),
                           QStringLiteral("a connection keeps the client_key it sent first; connect again to use "
                                          "another"));
        if (s->ownerKey.isEmpty()) {
            // Rules set before it identified itself become the user's.
            const rules::Owner before = s->rulesOwner();
            s->ownerKey = owner;
            if (s->alertHandle != 0) {
                m_ctx.alerts().rekey(before, s->rulesOwner());
                m_ctx.alerts().bind(s->rulesOwner(), m_index);
            } else {
                bindAlerts(s);
            }
            identified = true;
            if (!restoreGiven)
                restoreRooms = m_ctx.options().restoreSubscriptions;
        }
    }
    if (restoreRooms && s->ownerKey.isEmpty())
        return invalid(QStringLiteral("restore_subscriptions"),
                       QStringLiteral("\"restore_subscriptions\" needs an identity: a token, or a \"client_key\" in "
                                      "this subscribe"));
    if (!identified && !restoreRooms)
        return true;
    if (!m_ctx.alerts().hasStore()) {
        // No database: the user's rules follow it on this server only, and no rooms are stored.
        subscribeRestoring(s, data, replyTag, RestoreResult{}, restoreRooms, identified);
        return false;
    }
    beginRestore(s, [this, data, replyTag, restoreRooms, identified](Client *c, const RestoreResult &r) {
        subscribeRestoring(c, data, replyTag, r, restoreRooms, identified);
    });
    return false;
}

void IoShard::subscribeRestoring(Client *s, QJsonObject data, const QJsonValue &replyTag, const RestoreResult &stored,
                                 bool restoreRooms, bool identified)
{
    const core::InstrumentSet &inst = m_ctx.instruments();
    QJsonObject extra;
    if (identified) {
        QJsonArray alerts;
        for (const rules::AlertRule &r : m_ctx.alerts().list(s->rulesOwner()))
            alerts.append(r.toJson());
        extra.insert(QStringLiteral("alerts"), alerts);
        if (stored.hasSubscriptions)
            extra.insert(QStringLiteral("subscriptions"), QJsonArray::fromStringList(stored.pairs));
    }
    if (!stored.ok)
        extra.insert(QStringLiteral("restore_error"), stored.reason);
    if (restoreRooms) {
        // The stored rooms this server offers, with the pairs asked for ("all" covers them).
        QStringList pairs;
        for (const QString &p : stored.pairs)
            if (inst.indexOf(p) >= 0 && !pairs.contains(p))
                pairs.append(p);
        extra.insert(QStringLiteral("restored_subscriptions"), QJsonArray::fromStringList(pairs));
        QJsonValue asked = data.value(QStringLiteral("pairs"));
        if (asked.isString() && asked.toString().compare(QStringLiteral("all"), Qt::CaseInsensitive) != 0)
            asked = QJsonArray{asked}; // one name
        if (asked.isArray()) {
            QJsonArray merged = asked.toArray();
            for (const QString &p : std::as_const(pairs))
                if (!merged.contains(p))
                    merged.append(p);
            data.insert(QStringLiteral("pairs"), merged);
        } else if (asked.isUndefined() || asked.isNull()) {
            if (pairs.isEmpty()) {
                // Nothing stored and nothing asked for: confirmed, with no room joined.
                s->sentSubscribe = true;
                QJsonObject confirmed{{QStringLiteral("pairs"), QJsonArray()},
                                      {QStringLiteral("rooms"), QJsonArray()},
                                      {QStringLiteral("pair_count"), 0},
                                      {QStringLiteral("total_subscriptions"), s->subscriptionCount()},
                                      {QStringLiteral("invalid_pairs"), QJsonArray()},
                                      {QStringLiteral("forbidden_pairs"), QJsonArray()},
                                      {QStringLiteral("timestamp"), core::isoNow()}};
                for (auto it = extra.begin(); it != extra.end(); ++it)
                    confirmed.insert(it.key(), it.value());
                sendReply(s, Reply{protocol::event::SubscriptionConfirmed.toString(), protocol::compactJson(confirmed)},
                          replyTag);
                return;
            }
            data.insert(QStringLiteral("pairs"), QJsonArray::fromStringList(pairs));
        }
    }
    subscribeAndNote(s, data, replyTag, extra);
}

void IoShard::saveRooms(Client *s)
{
    if (s->ownerKey.isEmpty() || !m_ctx.alerts().hasStore() || s->isDead())
        return;
    QStringList pairs;
    for (int i = 0; i < m_ctx.instruments().size(); ++i)
        if (s->inRoom(i))
            pairs.append(m_ctx.instruments().pair(i));
    m_ctx.alerts().saveSubscriptions(s->rulesOwner(), pairs);
}

} // namespace fx::server
