#include "protocol/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace fx::protocol {

static constexpr qsizetype kMaxEventName = 64;

std::variant<ClientRequest, EnvelopeError> decodeEnvelope(QByteArrayView text)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toByteArray(), &err);
    if (err.error != QJsonParseError::NoError) {
        // Qt only parses objects and arrays at the top; a bare string or number is still JSON.
        QJsonParseError inner;
        const QJsonDocument wrapped = QJsonDocument::fromJson("[" + text.toByteArray() + "]", &inner);
        if (inner.error == QJsonParseError::NoError && wrapped.array().size() == 1)
            return EnvelopeError{
                ErrorCode::InvalidPayload,
                QStringLiteral("message must be a JSON object like {\"event\": \"subscribe\", \"data\": {...}}"),
                {},
                QJsonValue::Undefined};
        return EnvelopeError{
            ErrorCode::InvalidJson,
            QStringLiteral("message is not valid JSON: %1 at offset %2").arg(err.errorString()).arg(err.offset),
            {},
            QJsonValue::Undefined};
    }
    if (!doc.isObject())
        return EnvelopeError{
            ErrorCode::InvalidPayload,
            QStringLiteral("message must be a JSON object like {\"event\": \"subscribe\", \"data\": {...}}"),
            {},
            QJsonValue::Undefined};
    const QJsonObject o = doc.object();

    QJsonValue id = o.value(QStringLiteral("id"));
    if (!(id.isUndefined() || id.isNull() || id.isString() || (id.isDouble() && std::isfinite(id.toDouble()))))
        return EnvelopeError{ErrorCode::InvalidPayload,
                             QStringLiteral("\"id\" must be a string or a number"),
                             {},
                             QJsonValue::Undefined};
    if (id.isNull())
        id = QJsonValue::Undefined;
    if (id.isString() && id.toString().size() > 256)
        return EnvelopeError{ErrorCode::InvalidPayload,
                             QStringLiteral("\"id\" is longer than 256 characters"),
                             {},
                             QJsonValue::Undefined};

    const QJsonValue ev = o.value(QStringLiteral("event"));
    if (ev.isUndefined() || ev.isNull())
        return EnvelopeError{ErrorCode::InvalidPayload, QStringLiteral("\"event\" is missing"), {}, id};
    if (!ev.isString() || ev.toString().isEmpty())
        return EnvelopeError{ErrorCode::InvalidPayload, QStringLiteral("\"event\" must be a non-empty string"), {}, id};
    const QString name = ev.toString();
    if (name.size() > kMaxEventName)
        return EnvelopeError{ErrorCode::InvalidPayload,
                             QStringLiteral("\"event\" is longer than %1 characters").arg(kMaxEventName),
                             {},
                             id};

    const QJsonValue data = o.value(QStringLiteral("data"));
    if (!(data.isUndefined() || data.isNull() || data.isObject()))
        return EnvelopeError{ErrorCode::InvalidPayload, QStringLiteral("\"data\" must be an object"), name, id};

    return ClientRequest{name, data.toObject(), id};
}

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray encodeEnvelope(QStringView event, QByteArrayView data, const QJsonValue &id)
{
    QByteArray out;
    out.reserve(data.size() + event.size() + 48);
    out += "{\"event\":\"";
    out += event.toUtf8(); // event names are plain ASCII identifiers of ours
    out += "\",\"data\":";
    out += data;
    if (id.isString() || id.isDouble()) {
        // Let QJsonDocument escape or format the value: wrap it in an array and strip [ ].
        const QByteArray arr = QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact);
        out += ",\"id\":";
        out += QByteArrayView(arr).sliced(1, arr.size() - 2);
    }
    out += '}';
    return out;
}

} // namespace fx::protocol
