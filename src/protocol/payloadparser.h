#pragma once

// The Redis Pub/Sub payloads of the pipeline (REDIS.md): validated and turned
// into market events. The field readers are in payloadfields.h, one function per event kind in
// payloadevents.h; this header is all a caller needs.

#include "core/instruments.h"
#include "core/marketdata.h"

#include <QByteArrayView>
#include <QList>

namespace fx::protocol {

// The four pipeline channels (REDIS.md), whatever their configured names.
enum class ChannelKind { Prices = 0, Volatility = 1, Correlation = 2, DataReady = 3 };
inline constexpr int kChannelKindCount = 4;
QString channelKindName(ChannelKind kind); // price_updates, volatility_alerts, ...

// Why a message (or one item of a batch) was dropped.
enum class DropReason {
    NotJson,
    NotObject,
    MissingField,
    WrongType,
    NonFinite,
    UnknownPair,
    BidAboveAsk,
    OutOfRange,
    TooLarge,
    EmptyBatch,
};
inline constexpr int kDropReasonCount = 10;
QString dropReasonName(DropReason reason); // not_json, missing_field, ...

struct Drop
{
    DropReason reason;
    QString detail; // one human-readable line, e.g. "price.bid: not a number"
};

struct ParseResult
{
    QList<core::MarketEvent> events;
    QList<Drop> drops;
};

// Turns a Redis Pub/Sub payload into validated events. Pure and reentrant: no I/O, no
// shared state, safe to call from any thread.
class PayloadParser
{
public:
    static constexpr qsizetype kDefaultMaxPayload = 512 * 1024;
    static constexpr int kMaxBatch = 10000;

    explicit PayloadParser(core::InstrumentSet instruments, qsizetype maxPayload = kDefaultMaxPayload);

    ParseResult parse(ChannelKind kind, QByteArrayView payload, qint64 receivedMicros) const;

    const core::InstrumentSet &instruments() const { return m_instruments; }

private:
    core::InstrumentSet m_instruments;
    qsizetype m_maxPayload;
};

} // namespace fx::protocol
