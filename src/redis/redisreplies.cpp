#include "redis/redisreplies.h"

#include <hiredis/hiredis.h>

namespace fx::redis {

namespace {
quint16 crc16(QByteArrayView data)
{
    // CRC16/XMODEM (polynomial 0x1021, initial value 0), the hash of Redis Cluster's key slots.
    quint16 crc = 0;
    for (char ch : data) {
        crc ^= quint16(quint8(ch)) << 8;
        for (int i = 0; i < 8; ++i)
            crc = (crc & 0x8000) ? quint16((crc << 1) ^ 0x1021) : quint16(crc << 1);
    }
    return crc;
}

bool stringElement(const redisReply *r)
{
    return r && (r->type == REDIS_REPLY_STRING || r->type == REDIS_REPLY_STATUS) && r->str;
}
} // namespace

int keySlot(QByteArrayView key)
{
    const qsizetype open = key.indexOf('{');
    if (open >= 0) {
        const qsizetype close = key.sliced(open + 1).indexOf('}');
        if (close > 0)
            key = key.sliced(open + 1, close);
    }
    return crc16(key) % kClusterSlots;
}

RedirectParse parseRedirect(QByteArrayView error, Redirect *out, QString *why)
{
    Redirect r;
    if (error.startsWith("MOVED ")) {
        r.kind = Redirect::Moved;
        error = error.sliced(6);
    } else if (error.startsWith("ASK ")) {
        r.kind = Redirect::Ask;
        error = error.sliced(4);
    } else {
        return RedirectParse::NotRedirect;
    }
    if (error.size() > kMaxControlMessage) {
        *why = QStringLiteral("redirection longer than %1 bytes").arg(kMaxControlMessage);
        return RedirectParse::Invalid;
    }
    const qsizetype space = error.indexOf(' ');
    if (space <= 0 || space > 5) {
        *why = QStringLiteral("redirection without a slot");
        return RedirectParse::Invalid;
    }
    int slot = 0;
    for (char c : error.first(space)) {
        if (c < '0' || c > '9') {
            *why = QStringLiteral("redirection slot is not a number");
            return RedirectParse::Invalid;
        }
        slot = slot * 10 + (c - '0');
    }
    if (slot >= kClusterSlots) {
        *why = QStringLiteral("redirection slot %1 is out of range 0..%2").arg(slot).arg(kClusterSlots - 1);
        return RedirectParse::Invalid;
    }
    r.slot = slot;
    QString addressError;
    if (!core::parseHostPort(QString::fromLatin1(error.sliced(space + 1)), &r.node, &addressError)) {
        *why = QStringLiteral("redirection address: %1").arg(addressError);
        return RedirectParse::Invalid;
    }
    *out = r;
    return RedirectParse::Ok;
}

bool parseSwitchMaster(QByteArrayView payload, QString *masterName, core::HostPort *newMaster, QString *why)
{
    if (payload.size() > kMaxControlMessage) {
        *why = QStringLiteral("+switch-master message longer than %1 bytes").arg(kMaxControlMessage);
        return false;
    }
    const QList<QByteArray> parts = payload.toByteArray().split(' ');
    if (parts.size() != 5) {
        *why = QStringLiteral("+switch-master message has %1 fields, not 5").arg(parts.size());
        return false;
    }
    core::HostPort hp;
    QString error;
    const QString host = QString::fromLatin1(parts[3]);
    if (parts[0].isEmpty() || !core::checkHost(host, &error)
        || !core::parsePort(QString::fromLatin1(parts[4]), &hp.port, &error)) {
        *why =
            QStringLiteral("+switch-master: %1").arg(parts[0].isEmpty() ? QStringLiteral("empty master name") : error);
        return false;
    }
    hp.host = host;
    *masterName = QString::fromUtf8(parts[0]);
    *newMaster = hp;
    return true;
}

bool masterAddressFromReply(const redisReply *reply, core::HostPort *out, QString *why)
{
    if (!reply) {
        *why = QStringLiteral("no reply");
        return false;
    }
    if (reply->type == REDIS_REPLY_NIL) {
        *why = QStringLiteral("the Sentinel does not know this master name");
        return false;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        *why = QStringLiteral("Sentinel error: %1")
                   .arg(QString::fromUtf8(reply->str, int(std::min<size_t>(reply->len, 200))));
        return false;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements != 2 || !stringElement(reply->element[0])
        || !stringElement(reply->element[1])) {
        *why = QStringLiteral("the Sentinel's master address is not two strings");
        return false;
    }
    if (reply->element[0]->len > size_t(core::kMaxHostLength) || reply->element[1]->len > 5) {
        *why = QStringLiteral("the Sentinel's master address is too long");
        return false;
    }
    core::HostPort hp;
    QString error;
    const QString host = QString::fromLatin1(reply->element[0]->str, int(reply->element[0]->len));
    if (!core::checkHost(host, &error)
        || !core::parsePort(QString::fromLatin1(reply->element[1]->str, int(reply->element[1]->len)), &hp.port,
                            &error)) {
        *why = QStringLiteral("the Sentinel's master address: %1").arg(error);
        return false;
    }
    hp.host = host;
    *out = hp;
    return true;
}

bool roleFromReply(const redisReply *reply, QByteArray *role, QString *why)
{
    if (!reply) {
        *why = QStringLiteral("no reply to ROLE");
        return false;
    }
    if (reply->type == REDIS_REPLY_ERROR) {
        *why = QStringLiteral("ROLE failed: %1")
                   .arg(QString::fromUtf8(reply->str, int(std::min<size_t>(reply->len, 200))));
        return false;
    }
    if (reply->type != REDIS_REPLY_ARRAY || reply->elements < 1 || !stringElement(reply->element[0])
        || reply->element[0]->len > 16) {
        *why = QStringLiteral("ROLE reply is not an array starting with a role");
        return false;
    }
    *role = QByteArray(reply->element[0]->str, qsizetype(reply->element[0]->len));
    return true;
}

bool isReadOnlyError(QByteArrayView error)
{
    return error.startsWith("READONLY");
}

} // namespace fx::redis
