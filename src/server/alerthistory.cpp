#include "server/alerthistory.h"

#include "core/timeutil.h"
#include "server/client.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QtEndian>
#include <cmath>

namespace fx::server {

using protocol::ErrorCode;

namespace {

const QStringList &knownFields()
{
    static const QStringList fields{QStringLiteral("since"), QStringLiteral("until"),    QStringLiteral("pairs"),
                                    QStringLiteral("types"), QStringLiteral("severity"), QStringLiteral("limit"),
                                    QStringLiteral("cursor")};
    return fields;
}

constexpr int kMaxListEntries = 1000;
constexpr int kMaxCursorChars = 128;
constexpr char kCursorVersion = 1;
constexpr int kMacBytes = 12;

void fail(AlertHistoryError *error, ErrorCode code, const QString &message, const QString &field,
          QJsonObject details = {})
{
    error->code = code;
    error->message = message;
    if (!field.isEmpty())
        details.insert(QStringLiteral("field"), field);
    error->details = details;
}

// A string or an array of strings (null or absent: empty); false with *error otherwise.
bool readStrings(const QJsonObject &data, const QString &field, QStringList *out, AlertHistoryError *error)
{
    const QJsonValue v = data.value(field);
    if (v.isUndefined() || v.isNull())
        return true;
    QJsonArray list;
    if (v.isString())
        list.append(v);
    else if (v.isArray())
        list = v.toArray();
    else {
        fail(error, ErrorCode::InvalidPayload,
             QStringLiteral("\"%1\" must be a string or an array of strings").arg(field), field);
        return false;
    }
    if (list.isEmpty()) {
        fail(error, ErrorCode::InvalidPayload,
             QStringLiteral("\"%1\" is an empty list; leave it out to match any").arg(field), field);
        return false;
    }
    if (list.size() > kMaxListEntries) {
        fail(error, ErrorCode::InvalidPayload,
             QStringLiteral("\"%1\" lists more than %2 entries").arg(field).arg(kMaxListEntries), field);
        return false;
    }
    for (const QJsonValue e : std::as_const(list)) {
        if (!e.isString()) {
            fail(error, ErrorCode::InvalidPayload, QStringLiteral("every entry of \"%1\" must be a string").arg(field),
                 field);
            return false;
        }
        if (!out->contains(e.toString()))
            out->append(e.toString());
    }
    return true;
}

// Values of a closed set: lower-cased and checked.
bool readChoices(const QJsonObject &data, const QString &field, const QStringList &allowed, QStringList *out,
                 AlertHistoryError *error)
{
    QStringList raw;
    if (!readStrings(data, field, &raw, error))
        return false;
    for (const QString &r : std::as_const(raw)) {
        const QString v = r.toLower();
        if (!allowed.contains(v)) {
            fail(error, ErrorCode::InvalidPayload,
                 QStringLiteral("\"%1\" is not a known value of \"%2\"; known: %3")
                     .arg(r.left(32), field, allowed.join(QStringLiteral(", "))),
                 field, QJsonObject{{QStringLiteral("allowed"), QJsonArray::fromStringList(allowed)}});
            return false;
        }
        if (!out->contains(v))
            out->append(v);
    }
    out->sort();
    return true;
}

bool readTime(const QJsonObject &data, const QString &field, qint64 *micros, AlertHistoryError *error)
{
    const QJsonValue v = data.value(field);
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isString() || v.toString().size() > 64 || !core::parseIsoTimestamp(v.toString(), micros) || *micros <= 0) {
        fail(error, ErrorCode::InvalidPayload,
             QStringLiteral("\"%1\" must be an ISO 8601 time after 1970, e.g. \"2025-11-18T12:00:00Z\"").arg(field),
             field);
        return false;
    }
    return true;
}

QByteArray cursorKey()
{
    // One secret per process: a cursor is valid only for the server that gave it.
    static const QByteArray key = [] {
        QByteArray k(32, Qt::Uninitialized);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(k.data()),
                                             reinterpret_cast<quint32 *>(k.data() + k.size()));
        return k;
    }();
    return key;
}

QByteArray filterFingerprint(const AlertHistoryQuery &q)
{
    QStringList pairs = q.pairs;
    pairs.sort();
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(q.sinceMicros)
        .arg(q.untilMicros)
        .arg(q.types.join(u','), q.severities.join(u','), pairs.join(u','))
        .toUtf8();
}

QByteArray cursorMac(const AlertHistoryQuery &q, const QByteArray &key)
{
    QMessageAuthenticationCode mac(QCryptographicHash::Sha256, cursorKey());
    mac.addData(key);
    mac.addData(filterFingerprint(q));
    return mac.result().left(kMacBytes);
}

} // namespace

std::optional<AlertHistoryQuery> parseAlertHistoryRequest(const QJsonObject &data, const core::InstrumentSet &inst,
                                                          const Client &client, AlertHistoryError *error)
{
    for (auto it = data.begin(); it != data.end(); ++it) {
        if (!knownFields().contains(it.key())) {
            fail(error, ErrorCode::InvalidPayload,
                 QStringLiteral("unknown field \"%1\"; known fields: %2")
                     .arg(it.key().left(32), knownFields().join(QStringLiteral(", "))),
                 it.key().left(32));
            return std::nullopt;
        }
    }
    AlertHistoryQuery q;
    if (!readTime(data, QStringLiteral("since"), &q.sinceMicros, error)
        || !readTime(data, QStringLiteral("until"), &q.untilMicros, error))
        return std::nullopt;
    if (q.sinceMicros > 0 && q.untilMicros > 0 && q.sinceMicros > q.untilMicros) {
        fail(error, ErrorCode::InvalidPayload, QStringLiteral("\"since\" is after \"until\""), QStringLiteral("since"));
        return std::nullopt;
    }
    const QJsonValue limit = data.value(QStringLiteral("limit"));
    if (!(limit.isUndefined() || limit.isNull())) {
        const double l = limit.toDouble(-1);
        if (!limit.isDouble() || !(l >= 1 && l <= kAlertHistoryMaxLimit) || l != std::floor(l)) {
            fail(error, ErrorCode::InvalidPayload,
                 QStringLiteral("\"limit\" must be a whole number from 1 to %1").arg(kAlertHistoryMaxLimit),
                 QStringLiteral("limit"), QJsonObject{{QStringLiteral("max_limit"), kAlertHistoryMaxLimit}});
            return std::nullopt;
        }
        q.limit = int(l);
    }
    if (!readChoices(data, QStringLiteral("types"),
                     {QStringLiteral("correlation"), QStringLiteral("price_alert"), QStringLiteral("volatility")},
                     &q.types, error)
        || !readChoices(data, QStringLiteral("severity"),
                        {QStringLiteral("critical"), QStringLiteral("info"), QStringLiteral("warning")}, &q.severities,
                        error))
        return std::nullopt;

    QStringList names;
    if (!readStrings(data, QStringLiteral("pairs"), &names, error))
        return std::nullopt;
    QStringList invalid, forbidden;
    for (const QString &name : std::as_const(names)) {
        if (name.compare(QStringLiteral("all"), Qt::CaseInsensitive) == 0) {
            q.pairs.clear(); // every pair (the permitted ones, below)
            invalid.clear();
            forbidden.clear();
            break;
        }
        const int idx = inst.lookup(name);
        if (idx < 0)
            invalid.append(name.left(64));
        else if (!client.permits(idx))
            forbidden.append(inst.pair(idx));
        else if (!q.pairs.contains(inst.pair(idx)))
            q.pairs.append(inst.pair(idx));
    }
    if (!invalid.isEmpty()) {
        fail(error, ErrorCode::InvalidPair,
             QStringLiteral("not an available pair: %1").arg(invalid.join(QStringLiteral(", "))),
             QStringLiteral("pairs"),
             QJsonObject{{QStringLiteral("invalid_pairs"), QJsonArray::fromStringList(invalid)},
                         {QStringLiteral("available_pairs"), QJsonArray::fromStringList(inst.pairs())}});
        return std::nullopt;
    }
    if (!forbidden.isEmpty()) {
        fail(error, ErrorCode::Forbidden,
             QStringLiteral("your token does not permit %1").arg(forbidden.join(QStringLiteral(", "))),
             QStringLiteral("pairs"),
             QJsonObject{{QStringLiteral("forbidden_pairs"), QJsonArray::fromStringList(forbidden)}});
        return std::nullopt;
    }
    // PROTOCOL.md, get_alert_history: a fired alert rule's row (price_alert) is its owner's
    // alone: a token user sees its own (its sub), a client_key user its own once it sent the key
    // on this connection ("key:<sha-256 hex>", AlertService::ownerName), an anonymous client none.
    q.ownerFiltered = true;
    q.owner = !client.user().isEmpty()        ? client.user()
        : client.ownerKey.startsWith(u"key:") ? client.ownerKey
                                              : QString();
    // SECURITY.md, "Pair permissions": applied by the query itself, so paging stays exact.
    if (client.pairsRestricted()) {
        q.restricted = true;
        for (int i = 0; i < inst.size(); ++i)
            if (client.permits(i))
                q.permittedPairs.append(inst.pair(i));
    }

    const QJsonValue cursor = data.value(QStringLiteral("cursor"));
    if (!(cursor.isUndefined() || cursor.isNull())) {
        if (!cursor.isString() || !decodeAlertHistoryCursor(cursor.toString(), &q)) {
            fail(error, ErrorCode::InvalidCursor,
                 QStringLiteral("\"cursor\" is not a cursor this server gave for these filters; send the request "
                                "again without it to start from the newest alert"),
                 QStringLiteral("cursor"));
            return std::nullopt;
        }
    }
    return q;
}

QString encodeAlertHistoryCursor(const AlertHistoryQuery &query, qint64 raisedAt, qint64 id)
{
    QByteArray key(17, Qt::Uninitialized);
    key[0] = kCursorVersion;
    qToBigEndian(raisedAt, key.data() + 1);
    qToBigEndian(id, key.data() + 9);
    return QString::fromLatin1(
        (key + cursorMac(query, key)).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeAlertHistoryCursor(const QString &cursor, AlertHistoryQuery *query)
{
    if (cursor.isEmpty() || cursor.size() > kMaxCursorChars)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        cursor.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 17 + kMacBytes || decoded.decoded.at(0) != kCursorVersion)
        return false;
    // One spelling per cursor: the last character's unused low bits must be zero, so a cursor
    // with a character altered never reads as the same cursor.
    if (decoded.decoded.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals) != cursor.toLatin1())
        return false;
    const QByteArray key = decoded.decoded.left(17);
    // Constant time: no early exit on the first differing byte.
    const QByteArray expected = cursorMac(*query, key);
    const QByteArray given = decoded.decoded.mid(17);
    quint8 diff = 0;
    for (int i = 0; i < kMacBytes; ++i)
        diff |= quint8(expected.at(i) ^ given.at(i));
    if (diff != 0)
        return false;
    const qint64 raisedAt = qFromBigEndian<qint64>(key.constData() + 1);
    const qint64 id = qFromBigEndian<qint64>(key.constData() + 9);
    if (raisedAt <= 0 || id <= 0)
        return false;
    query->hasCursor = true;
    query->beforeRaisedAt = raisedAt;
    query->beforeId = id;
    return true;
}

QJsonObject alertHistoryPayload(const AlertHistoryQuery &query, const AlertHistoryResult &result)
{
    const bool more = result.more && result.lastId > 0;
    return QJsonObject{
        {QStringLiteral("alerts"), result.alerts},
        {QStringLiteral("count"), result.alerts.size()},
        {QStringLiteral("limit"), query.limit},
        {QStringLiteral("has_more"), more},
        {QStringLiteral("next_cursor"),
         more ? QJsonValue(encodeAlertHistoryCursor(query, result.lastRaisedAt, result.lastId))
              : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("timestamp"), core::isoNow()},
    };
}

void ReturnPath::close()
{
    QMutexLocker lock(&m_mutex);
    m_target = nullptr;
}

bool ReturnPath::post(std::function<void()> work)
{
    // Queued while the lock keeps the target alive; Qt drops the event if it goes later.
    QMutexLocker lock(&m_mutex);
    if (!m_target)
        return false;
    QMetaObject::invokeMethod(m_target, std::move(work), Qt::QueuedConnection);
    return true;
}

} // namespace fx::server
