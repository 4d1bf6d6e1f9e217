#pragma once

// The plain JSON wire format: {"event": "<name>", "data": {...}, "id": <optional>} both ways.

#include "protocol/contract.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <variant>

namespace fx::protocol {

struct ClientRequest
{
    QString event;
    QJsonObject data;
    QJsonValue id = QJsonValue::Undefined; // string or number when the client sent one
};

struct EnvelopeError
{
    ErrorCode code;
    QString message;
    QString event; // when the envelope named one
    QJsonValue id = QJsonValue::Undefined; // echoed when it was readable
};

// Decodes one text frame. Never throws; every malformed input yields an EnvelopeError.
std::variant<ClientRequest, EnvelopeError> decodeEnvelope(QByteArrayView text);

// Compact JSON of an object (the "data" of an event), encoded once and shared.
QByteArray compactJson(const QJsonObject &object);

// {"event":"<event>","data":<data>[,"id":<id>]} from already-encoded data.
QByteArray encodeEnvelope(QStringView event, QByteArrayView data, const QJsonValue &id = QJsonValue::Undefined);
inline QByteArray encodeEnvelope(QStringView event, const QJsonObject &data,
                                 const QJsonValue &id = QJsonValue::Undefined)
{
    return encodeEnvelope(event, compactJson(data), id);
}

} // namespace fx::protocol
