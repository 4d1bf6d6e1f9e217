#include "engine/fleetmessage.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <cmath>

namespace fx::engine {

QString fleetRejectName(FleetReject reason)
{
    switch (reason) {
    case FleetReject::TooLarge: return QStringLiteral("too_large");
    case FleetReject::NotJson: return QStringLiteral("not_json");
    case FleetReject::UnknownType: return QStringLiteral("unknown_type");
    case FleetReject::BadSchema: return QStringLiteral("bad_schema");
    case FleetReject::BadServerId: return QStringLiteral("bad_server_id");
    case FleetReject::BadField: return QStringLiteral("bad_field");
    }
    return {};
}

namespace {

FleetParse refuse(FleetReject reason, const QString &detail)
{
    FleetParse p;
    p.reason = reason;
    p.detail = detail;
    return p;
}

// 1..128 printable characters, no spaces (the WEBSOCKET_SERVER_ID rule).
bool validServerId(const QString &id)
{
    if (id.isEmpty() || id.size() > kFleetMaxServerIdChars)
        return false;
    for (QChar c : id)
        if (!c.isPrint() || c.isSpace())
            return false;
    return true;
}

// Reads the optional fields; a present field of the wrong type or a bad number refuses the message.
class Reader
{
public:
    explicit Reader(const QJsonObject &o) : m_o(o) {}
    QString bad() const { return m_bad; }

    QString text(const QJsonObject &o, const char *name, qsizetype max = 256)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isString() || v.toString().size() > max) {
            fail(name);
            return {};
        }
        return v.toString();
    }
    QString text(const char *name, qsizetype max = 256) { return text(m_o, name, max); }

    // Finite and non-negative (counts, rates, times).
    double number(const QJsonObject &o, const char *name)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return 0;
        const double d = v.toDouble(-1);
        if (!v.isDouble() || !std::isfinite(d) || d < 0 || d > 9.0e15) {
            fail(name);
            return 0;
        }
        return d;
    }
    double number(const char *name) { return number(m_o, name); }
    qint64 integer(const char *name) { return qint64(number(name)); }

    std::optional<double> optionalNumber(const QJsonObject &o, const char *name)
    {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return std::nullopt;
        return number(o, name);
    }

    QJsonObject object(const char *name)
    {
        const QJsonValue v = m_o.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isObject())
            fail(name);
        return v.toObject();
    }

private:
    void fail(const char *name)
    {
        if (m_bad.isEmpty())
            m_bad = QString::fromLatin1(name);
    }
    QJsonObject m_o;
    QString m_bad;
};

} // namespace

FleetParse parseFleetMessage(QByteArrayView payload)
{
    if (payload.size() > kFleetMaxMessageBytes)
        return refuse(FleetReject::TooLarge,
                      QStringLiteral("%1 bytes (at most %2)").arg(payload.size()).arg(kFleetMaxMessageBytes));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(payload.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(FleetReject::NotJson, QStringLiteral("not a JSON object"));
    const QJsonObject o = doc.object();
    const QString type = o.value(QLatin1String("type")).toString();
    FleetMessage m;
    if (type == u"heartbeat")
        m.kind = FleetMessage::Kind::Heartbeat;
    else if (type == u"leave")
        m.kind = FleetMessage::Kind::Leave;
    else
        return refuse(FleetReject::UnknownType, QStringLiteral("type \"%1\"").arg(type.left(32)));
    const QJsonValue schema = o.value(QLatin1String("schema"));
    if (!schema.isDouble() || schema.toDouble() != 1)
        return refuse(FleetReject::BadSchema, QStringLiteral("schema is not 1"));
    const QJsonValue id = o.value(QLatin1String("server_id"));
    if (!id.isString() || !validServerId(id.toString()))
        return refuse(FleetReject::BadServerId,
                      QStringLiteral("server_id is not a string of 1..%1 printable "
                                     "characters without spaces")
                          .arg(kFleetMaxServerIdChars));
    Reader r(o);
    FleetReport &h = m.heartbeat;
    h.serverId = id.toString();
    h.timeMs = r.integer("time");
    if (m.kind == FleetMessage::Kind::Heartbeat) {
        h.version = r.text("version", 64);
        h.mode = r.text("mode", 32);
        h.host = r.text("host");
        h.pid = r.integer("pid");
        h.listen = r.text("listen");
        h.tls = o.value(QLatin1String("tls")).toBool();
        h.startedAtMs = r.integer("started_at");
        h.uptimeS = r.number("uptime_s");
        h.seq = r.integer("seq");
        h.intervalMs = o.contains(QLatin1String("interval_ms")) ? r.integer("interval_ms") : 1000;
        h.clients = r.integer("clients");
        h.rooms = r.integer("rooms");
        h.messagesPerS = r.number("messages_per_s");
        h.bytesPerS = r.number("bytes_per_s");
        const QJsonObject redis = r.object("redis");
        h.redisState = r.text(redis, "state", 64);
        h.redisEndpoint = r.text(redis, "endpoint");
        h.redisVia = r.text(redis, "via", 32);
        const QJsonObject db = r.object("database");
        h.databaseState = r.text(db, "state", 32);
        h.databaseDriver = r.text(db, "driver", 32);
        const QJsonObject latency = r.object("latency_ms");
        h.latencyP50Ms = r.optionalNumber(latency, "p50");
        h.latencyP99Ms = r.optionalNumber(latency, "p99");
        h.conflated = r.integer("conflated");
        h.dropped = r.integer("dropped");
    }
    if (!r.bad().isEmpty())
        return refuse(FleetReject::BadField, QStringLiteral("field \"%1\" has a bad value").arg(r.bad()));
    FleetParse p;
    p.message = m;
    return p;
}

} // namespace fx::engine
