// IoShard: PROTOCOL.md, "History and recovery". A subscribe may ask for the last price of each
// new pair ("snapshot") and for what the client missed since the offsets it names ("recover");
// the reply says what was recovered, then the snapshots and the missed messages follow, before
// any live message of those rooms. The replayed messages are the history's own shared
// broadcasts (StreamHistory), sent up to what this shard has delivered (m_streamDelivered):
// everything later reaches the client live, so nothing is sent twice and nothing is skipped.
// Socket.IO's connection state recovery (WEBSOCKET_SIO_RECOVERY) keeps a lost client's rooms
// in RecoverySessions and replays by seq.

#include "server/ioshard.h"

#include "core/logging.h"
#include "core/timeutil.h"
#include "protocol/envelope.h"
#include "server/client.h"
#include "server/servercontext.h"
#include "server/serverlog.h"
#include "server/socketioclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <map>

namespace fx::server {

using protocol::ErrorCode;

namespace {

constexpr int kMaxRecoverEntries = 1000; // like "pairs": a bound before any name is looked up
constexpr int kMaxEpochChars = 64;
constexpr double kMaxOffset = 9007199254740991.0; // 2^53 - 1: exact in every JSON reader

struct RecoverRequest
{
    bool given = false;
    QString epoch;
    bool conflate = false;
    std::map<int, quint64> offsets; // stream -> the offset the client has
};

// Parses "recover" (PROTOCOL.md, "subscribe"); an error sentence on a bad value, with the
// unknown room names in *unknown.
QString parseRecover(const QJsonValue &v, const core::InstrumentSet &inst, int alertsStream, RecoverRequest *out,
                     QStringList *unknown)
{
    static const QString example =
        QStringLiteral("e.g. {\"epoch\": \"...\", \"offsets\": {\"EUR_USD\": 120, \"alerts\": 55}}");
    if (!v.isObject())
        return QStringLiteral("\"recover\" must be an object, ") + example;
    const QJsonObject r = v.toObject();
    out->given = true;
    const QJsonValue epoch = r.value(QStringLiteral("epoch"));
    if (!epoch.isString() || epoch.toString().size() > kMaxEpochChars)
        return QStringLiteral("\"recover.epoch\" must be a string of at most %1 characters (the \"epoch\" of the "
                              "messages you received)")
            .arg(kMaxEpochChars);
    out->epoch = epoch.toString();
    const QJsonValue conflate = r.value(QStringLiteral("conflate"));
    if (!conflate.isUndefined() && !conflate.isNull() && !conflate.isBool())
        return QStringLiteral("\"recover.conflate\" must be true or false");
    out->conflate = conflate.toBool(false);
    const QJsonValue offsets = r.value(QStringLiteral("offsets"));
    if (!offsets.isObject())
        return QStringLiteral("\"recover.offsets\" must be an object of room names and offsets, ") + example;
    const QJsonObject map = offsets.toObject();
    if (map.size() > kMaxRecoverEntries)
        return QStringLiteral("\"recover.offsets\" has more than %1 entries").arg(kMaxRecoverEntries);
    for (auto it = map.begin(); it != map.end(); ++it) {
        int stream = -1;
        if (it.key() == u"alerts")
            stream = alertsStream;
        else
            stream = inst.lookup(it.key().startsWith(u"price_") ? QStringView(it.key()).mid(6) : QStringView(it.key()));
        if (stream < 0) {
            if (unknown->size() < 20)
                unknown->append(it.key().left(64));
            continue;
        }
        const double n = it.value().toDouble(-1);
        if (!it.value().isDouble() || n < 0 || n > kMaxOffset || n != std::floor(n))
            return QStringLiteral("\"recover.offsets.%1\" must be a whole number from 0 to %2")
                .arg(it.key().left(64))
                .arg(qint64(kMaxOffset));
        out->offsets[stream] = quint64(n);
    }
    if (!unknown->isEmpty())
        return QStringLiteral("\"recover.offsets\" names rooms that do not exist: %1; use pair names like EUR_USD "
                              "and \"alerts\"")
            .arg(unknown->join(QStringLiteral(", ")));
    return {};
}

qint64 bytesFor(const Client *s, const Broadcast &b)
{
    return s->protocol() == WireProtocol::PlainJson ? b.jsonFrame.size() : b.sioPacket.size();
}

} // namespace

bool IoShard::reaches(const Client *s, const Broadcast &b)
{
    switch (b.scope) {
    case Broadcast::Scope::Room: return s->inRoom(b.roomA);
    case Broadcast::Scope::TwoRooms:
        return (s->inRoom(b.roomA) && s->permits(b.roomB)) || (s->inRoom(b.roomB) && s->permits(b.roomA));
    case Broadcast::Scope::Everyone: return true;
    case Broadcast::Scope::Subscribers: return s->sentSubscribe; // feed_status: never in a history
    case Broadcast::Scope::PermittedPair: return s->permits(b.roomA); // a desk rule's alert: never in a history
    }
    return false;
}

BroadcastPtr IoShard::snapshotOf(int pair) const
{
    // The price_update payload with "snapshot": true in front; its offset, when it has one, is
    // the position the client is at in the pair's room.
    const QByteArray &payload = m_prices.payload(pair);
    QByteArray data = "{\"snapshot\":true";
    if (payload.size() > 2)
        data += ',';
    data += QByteArrayView(payload).sliced(1);
    Stamp st;
    st.offset = m_prices.offset(pair);
    st.epoch = m_ctx.history().epoch();
    return encodeBroadcast(protocol::event::PriceUpdate, std::move(data), Broadcast::Scope::Room, pair, -1, st);
}

void IoShard::subscribe(Client *s, const QJsonObject &data, const QJsonValue &replyTag, const QJsonObject &extra)
{
    static const QString event = QStringLiteral("subscribe");
    const ServerOptions &o = m_ctx.options();
    StreamHistory &history = m_ctx.history();
    const core::InstrumentSet &inst = m_ctx.instruments();

    bool snapshot = o.snapshotOnSubscribe;
    const QJsonValue snap = data.value(QStringLiteral("snapshot"));
    if (!snap.isUndefined() && !snap.isNull()) {
        if (!snap.isBool()) {
            sendReply(
                s,
                m_handler.error(ErrorCode::InvalidPayload, QStringLiteral("\"snapshot\" must be true or false"), event),
                replyTag);
            return;
        }
        snapshot = snap.toBool();
    }
    RecoverRequest rec;
    const QJsonValue recover = data.value(QStringLiteral("recover"));
    if (!recover.isUndefined() && !recover.isNull()) {
        QStringList unknown;
        const QString why = parseRecover(recover, inst, history.alertsStream(), &rec, &unknown);
        if (!why.isEmpty()) {
            QJsonObject details;
            if (!unknown.isEmpty())
                details.insert(QStringLiteral("unknown_rooms"), QJsonArray::fromStringList(unknown));
            sendReply(s, m_handler.error(ErrorCode::InvalidPayload, why, event, details), replyTag);
            return;
        }
    }

    std::vector<bool> before(size_t(inst.size()));
    for (int i = 0; i < inst.size(); ++i)
        before[size_t(i)] = s->inRoom(i);
    QList<Reply> replies;
    m_handler.handle(*s, event, data, &replies);
    const bool confirmed = replies.size() == 1 && replies.first().event == protocol::event::SubscriptionConfirmed;
    if (confirmed && !extra.isEmpty()) {
        QJsonObject d = QJsonDocument::fromJson(replies.first().data).object();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            d.insert(it.key(), it.value());
        replies.first().data = protocol::compactJson(d);
    }
    if (!confirmed || (!snapshot && !rec.given)) {
        for (const Reply &r : replies)
            sendReply(s, r, replyTag);
        return;
    }

    // What each named room gets: its missed messages (recovered), or the snapshot.
    const qint64 now = core::monotonicMillis();
    const bool sameEpoch = history.enabled() && rec.epoch.toUtf8() == history.epoch();
    std::vector<bool> snapshotPair(size_t(inst.size()), false);
    for (int i = 0; i < inst.size(); ++i)
        snapshotPair[size_t(i)] = snapshot && !before[size_t(i)] && s->inRoom(i);
    struct Recovered
    {
        int stream;
        QList<BroadcastPtr> messages;
        qint64 bytes = 0;
    };
    std::vector<Recovered> recovered;
    QJsonObject answer;
    auto nameOf = [&](int stream) {
        return stream == history.alertsStream() ? QStringLiteral("alerts") : inst.pair(stream);
    };
    for (const auto &[stream, offset] : rec.offsets) {
        const bool alerts = stream == history.alertsStream();
        if (!alerts && !s->inRoom(stream)) { // not subscribed (or not permitted): nothing to recover
            answer.insert(nameOf(stream), false);
            continue;
        }
        StreamHistory::Range range;
        if (sameEpoch)
            range = history.read(stream, offset, m_streamDelivered[size_t(stream)], now);
        if (!range.complete) {
            answer.insert(nameOf(stream), false);
            if (!alerts)
                snapshotPair[size_t(stream)] = true;
            continue;
        }
        snapshotPair[size_t(stream)] = false;
        if (offset > m_streamDelivered[size_t(stream)]) // it got further on another shard
            s->skipUpTo(stream, offset);
        Recovered r{stream, {}, 0};
        if (alerts) {
            for (const BroadcastPtr &b : std::as_const(range.messages))
                if (reaches(s, *b))
                    r.messages.append(b);
        } else if (rec.conflate && !range.messages.isEmpty()) {
            r.messages.append(range.messages.last());
        } else {
            r.messages = std::move(range.messages);
        }
        for (const BroadcastPtr &b : std::as_const(r.messages))
            r.bytes += bytesFor(s, *b);
        recovered.push_back(std::move(r));
    }
    // SECURITY.md, "Bounds": a replay fits in half the send queue. Past it, the rooms with the
    // most to replay get the snapshot instead (alerts always complete).
    qint64 total = 0;
    for (const Recovered &r : recovered)
        total += r.bytes;
    const qint64 budget = o.sendQueueLimit / 2 - s->queuedBytes();
    std::sort(recovered.begin(), recovered.end(),
              [](const Recovered &a, const Recovered &b) { return a.bytes > b.bytes; });
    for (Recovered &r : recovered) {
        if (total <= budget || r.stream == history.alertsStream())
            continue;
        total -= r.bytes;
        r.messages.clear();
        answer.insert(nameOf(r.stream), false);
        snapshotPair[size_t(r.stream)] = true;
    }
    QList<BroadcastPtr> replay;
    for (Recovered &r : recovered)
        if (!answer.contains(nameOf(r.stream))) {
            answer.insert(nameOf(r.stream), true);
            replay += r.messages;
        }
    std::sort(replay.begin(), replay.end(),
              [](const BroadcastPtr &a, const BroadcastPtr &b) { return a->seq < b->seq; });

    Reply reply = replies.first();
    if (rec.given) {
        QJsonObject d = QJsonDocument::fromJson(reply.data).object();
        d.insert(QStringLiteral("recovered"), answer);
        reply.data = protocol::compactJson(d);
    }
    sendReply(s, reply, replyTag);
    for (int i = 0; i < inst.size(); ++i)
        if (snapshotPair[size_t(i)] && m_prices.has(i))
            s->sendPrepared(*snapshotOf(i));
    for (const BroadcastPtr &b : std::as_const(replay))
        s->sendPrepared(*b);
    if (!replay.isEmpty())
        m_ctx.stats().countRecovered(quint64(replay.size()));
}

void IoShard::persistSioSession(Client *s, const QByteArray &pid)
{
    RecoverySessions::Session session;
    session.socketId = s->id();
    session.user = s->user();
    for (int i = 0; i < m_rooms.roomCount(); ++i)
        if (s->inRoom(i))
            session.rooms.push_back(i);
    m_ctx.recoverySessions().persist(pid, std::move(session), core::monotonicMillis());
}

std::optional<QList<BroadcastPtr>> IoShard::restoreSioSession(Client *s, const std::vector<int> &rooms, quint64 offset)
{
    // The events it missed: its rooms' and the alerts' streams, by seq, up to what this shard
    // delivered; the rest arrives live once it is back in its rooms.
    const qint64 now = core::monotonicMillis();
    std::vector<int> streams;
    for (int room : rooms)
        if (room >= 0 && room < m_rooms.roomCount() && s->permits(room))
            streams.push_back(room);
    const size_t pairs = streams.size();
    streams.push_back(m_ctx.history().alertsStream());
    StreamHistory::Range range = m_ctx.history().readSeq(streams, offset, m_seqDelivered, now);
    if (!range.complete)
        return std::nullopt;
    for (size_t i = 0; i < pairs; ++i)
        m_rooms.join(s, streams[i]);
    qint64 bytes = 0;
    QList<BroadcastPtr> replay;
    for (const BroadcastPtr &b : std::as_const(range.messages))
        if (reaches(s, *b)) {
            replay.append(b);
            bytes += b->sioPacket.size();
        }
    if (bytes > m_ctx.options().sendQueueLimit / 2) { // SECURITY.md, "Bounds": as for plain JSON
        for (size_t i = 0; i < pairs; ++i)
            m_rooms.leave(s, streams[i]);
        return std::nullopt;
    }
    if (offset > m_seqDelivered) // it got further on another shard
        s->skipUpToSeq(offset);
    if (!replay.isEmpty())
        m_ctx.stats().countRecovered(quint64(replay.size()));
    return replay;
}

} // namespace fx::server
