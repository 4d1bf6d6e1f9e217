#include "protocol/socketio.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <set>

namespace fx::protocol::sio {

bool isReservedEventName(QStringView name)
{
    return name == u"connect" || name == u"connect_error" || name == u"disconnect" || name == u"disconnecting"
        || name == u"newListener" || name == u"removeListener";
}

static bool parseJson(QByteArrayView text, QJsonValue *out)
{
    // Qt parses only objects and arrays at the top; wrap to accept a bare string too.
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toByteArray() + "]", &err);
    if (err.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return false;
    *out = doc.array().at(0);
    return true;
}

Decoded decode(QByteArrayView s)
{
    Decoded r;
    auto fail = [&r](const char *why) {
        r.error = QString::fromLatin1(why);
        return r;
    };
    if (s.isEmpty())
        return fail("empty packet");
    const char t = s[0];
    if (t < '0' || t > '6')
        return fail("unknown packet type");
    Packet p;
    p.type = PacketType(t - '0');
    qsizetype i = 1;

    if (p.isBinary()) {
        const qsizetype dash = s.indexOf('-', i);
        if (dash < 0)
            return fail("missing attachment count");
        const QByteArrayView digits = s.sliced(i, dash - i);
        if (digits.isEmpty() || digits.size() > 3)
            return fail("invalid attachment count");
        int n = 0;
        for (char c : digits) {
            if (c < '0' || c > '9')
                return fail("invalid attachment count");
            n = n * 10 + (c - '0');
        }
        if (n < 1 || n > kMaxAttachments)
            return fail("invalid attachment count");
        p.attachments = n;
        i = dash + 1;
    }

    if (i < s.size() && s[i] == '/') {
        qsizetype comma = s.indexOf(',', i);
        if (comma < 0)
            comma = s.size();
        const QByteArrayView nsp = s.sliced(i, comma - i);
        if (nsp.size() > 256)
            return fail("namespace too long");
        p.nsp = QString::fromUtf8(nsp);
        i = comma < s.size() ? comma + 1 : comma;
    }

    if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        quint64 id = 0;
        int digits = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            if (++digits > 15)
                return fail("ack id too large");
            id = id * 10 + quint64(s[i] - '0');
            ++i;
        }
        p.id = id;
    }

    const QByteArrayView rest = s.sliced(i);
    if (!rest.isEmpty()) {
        QJsonValue v;
        if (!parseJson(rest, &v))
            return fail("invalid payload");
        p.data = v;
    }

    switch (p.type) {
    case PacketType::Connect:
        if (!p.data.isUndefined() && !p.data.isObject())
            return fail("invalid CONNECT payload");
        break;
    case PacketType::Disconnect:
        if (!p.data.isUndefined())
            return fail("invalid DISCONNECT payload");
        break;
    case PacketType::ConnectError:
        if (!p.data.isObject() && !p.data.isString())
            return fail("invalid CONNECT_ERROR payload");
        break;
    case PacketType::Event:
    case PacketType::BinaryEvent: {
        if (!p.data.isArray())
            return fail("invalid EVENT payload");
        const QJsonArray a = p.data.toArray();
        if (a.isEmpty() || !(a.at(0).isString() || a.at(0).isDouble()))
            return fail("invalid EVENT payload");
        if (a.at(0).isString() && isReservedEventName(a.at(0).toString()))
            return fail("reserved event name");
        break;
    }
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (!p.data.isArray())
            return fail("invalid ACK payload");
        break;
    }
    if (p.isBinary() && !placeholdersValid(p.data, p.attachments))
        return fail("invalid attachment placeholders");
    r.packet = std::move(p);
    return r;
}

QByteArray encode(const Packet &p)
{
    QByteArray out;
    out.append(char('0' + int(p.type)));
    if (p.isBinary())
        out += QByteArray::number(p.attachments) + '-';
    if (p.nsp != u"/" && !p.nsp.isEmpty())
        out += p.nsp.toUtf8() + ',';
    if (p.id)
        out += QByteArray::number(*p.id);
    if (p.data.isObject())
        out += QJsonDocument(p.data.toObject()).toJson(QJsonDocument::Compact);
    else if (p.data.isArray())
        out += QJsonDocument(p.data.toArray()).toJson(QJsonDocument::Compact);
    else if (!p.data.isUndefined()) {
        const QByteArray wrapped = QJsonDocument(QJsonArray{p.data}).toJson(QJsonDocument::Compact);
        out += wrapped.mid(1, wrapped.size() - 2);
    }
    return out;
}

QString eventName(const Packet &p)
{
    const QJsonValue first = p.data.toArray().at(0);
    return first.isString() ? first.toString() : QString::number(first.toDouble());
}

static void collectPlaceholders(const QJsonValue &v, std::vector<int> *nums, bool *bad)
{
    if (v.isArray()) {
        const QJsonArray items = v.toArray();
        for (const QJsonValue x : items)
            collectPlaceholders(x, nums, bad);
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("_placeholder")).toBool()) {
            const QJsonValue num = o.value(QStringLiteral("num"));
            if (!num.isDouble() || num.toDouble() != double(num.toInt()))
                *bad = true;
            else
                nums->push_back(num.toInt());
            return;
        }
        for (auto it = o.begin(); it != o.end(); ++it)
            collectPlaceholders(it.value(), nums, bad);
    }
}

bool placeholdersValid(const QJsonValue &v, int attachments)
{
    std::vector<int> nums;
    bool bad = false;
    collectPlaceholders(v, &nums, &bad);
    if (bad || int(nums.size()) != attachments)
        return false;
    std::set<int> seen;
    for (int n : nums)
        if (n < 0 || n >= attachments || !seen.insert(n).second)
            return false;
    return true;
}

} // namespace fx::protocol::sio
