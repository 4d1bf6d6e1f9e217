// The Redis payload parser (src/protocol/payloadparser.h): every event kind it accepts with the
// fields it fills in, and every refusal with the reason counted in server_stats.redis.dropped
// and the detail logged (REDIS.md, "Validation"). No sockets.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "core/timeutil.h"
#include "protocol/payloadparser.h"

#include <QJsonObject>
#include <QTest>

using namespace fx;
using protocol::ChannelKind;
using protocol::DropReason;

namespace {

// A fixed time of receipt: 2025-11-18T12:00:00Z.
constexpr qint64 kReceived = 1763467200LL * 1000000LL;

protocol::ParseResult parse(ChannelKind kind, const QByteArray &payload)
{
    const protocol::PayloadParser parser{core::InstrumentSet()};
    return parser.parse(kind, payload, kReceived);
}

// The one event of a payload that must pass.
template <typename Event>
Event accepted(ChannelKind kind, const QByteArray &payload)
{
    const protocol::ParseResult r = parse(kind, payload);
    if (!r.drops.isEmpty())
        qWarning().noquote() << "dropped:" << r.drops.first().detail;
    if (r.events.size() != 1 || !r.drops.isEmpty() || !std::holds_alternative<Event>(r.events.first()))
        return Event{};
    return std::get<Event>(r.events.first());
}

qint64 micros(QStringView iso)
{
    qint64 us = 0;
    return core::parseIsoTimestamp(iso, &us) ? us : -1;
}

} // namespace

Q_DECLARE_METATYPE(fx::protocol::ChannelKind)
Q_DECLARE_METATYPE(fx::protocol::DropReason)

class TestPayloadParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The names of the counters in server_stats.redis.
    void names()
    {
        const QStringList channels{QStringLiteral("price_updates"), QStringLiteral("volatility_alerts"),
                                   QStringLiteral("correlation_alerts"), QStringLiteral("data_ready")};
        for (int k = 0; k < protocol::kChannelKindCount; ++k)
            QCOMPARE(protocol::channelKindName(ChannelKind(k)), channels.at(k));
        const QStringList reasons{QStringLiteral("not_json"),      QStringLiteral("not_object"),
                                  QStringLiteral("missing_field"), QStringLiteral("wrong_type"),
                                  QStringLiteral("non_finite"),    QStringLiteral("unknown_pair"),
                                  QStringLiteral("bid_above_ask"), QStringLiteral("out_of_range"),
                                  QStringLiteral("too_large"),     QStringLiteral("empty_batch")};
        for (int r = 0; r < protocol::kDropReasonCount; ++r)
            QCOMPARE(protocol::dropReasonName(DropReason(r)), reasons.at(r));
    }

    void priceWithStrings()
    {
        const auto t = accepted<core::PriceTick>(
            ChannelKind::Prices,
            R"({"instrument":"EUR_USD","price":{"bid":"1.0945","ask":"1.0948","time":"2025-11-18T12:34:56.789123Z"}})");
        QCOMPARE(t.instrument, QStringLiteral("EUR_USD"));
        QCOMPARE(t.index, core::InstrumentSet().lookup(u"EUR_USD"));
        QCOMPARE(t.quote.bid, QStringLiteral("1.0945"));
        QCOMPARE(t.quote.ask, QStringLiteral("1.0948"));
        QCOMPARE(t.quote.mid, QStringLiteral("1.09465")); // exact midpoint, one more digit
        QCOMPARE(t.bid, 1.0945);
        QCOMPARE(t.ask, 1.0948);
        QCOMPARE(t.mid, 1.09465);
        QCOMPARE(t.quote.time, QStringLiteral("2025-11-18T12:34:56.789123Z"));
        QCOMPARE(t.timeMicros, micros(u"2025-11-18T12:34:56.789123Z"));
        QCOMPARE(t.relayedMicros, kReceived);
        QVERIFY(t.extras.isEmpty());
        QVERIFY(t.priceExtras.isEmpty());
    }

    // JSON numbers keep the digits of the message ("1.09450" is not "1.0945"); a pair in
    // another spelling is normalised; no time means the time of receipt.
    void priceWithNumbers()
    {
        const auto t = accepted<core::PriceTick>(ChannelKind::Prices,
                                                 R"({"instrument":"usd/jpy","price":{"bid":150.100,"ask":150.1125}})");
        QCOMPARE(t.instrument, QStringLiteral("USD_JPY"));
        QCOMPARE(t.quote.bid, QStringLiteral("150.100"));
        QCOMPARE(t.quote.ask, QStringLiteral("150.1125"));
        QCOMPARE(t.quote.mid, QStringLiteral("150.10625"));
        QCOMPARE(t.timeMicros, kReceived);
        QCOMPARE(t.quote.time, core::isoTimestamp(kReceived));
    }

    void priceWithMidAndExtras()
    {
        const auto t = accepted<core::PriceTick>(
            ChannelKind::Prices,
            R"({"instrument":"GBP_USD","source":"lp1","price":{"bid":" 1.27","ask":"+1.28","mid":"1.2750","volume":5}})");
        QCOMPARE(t.quote.bid, QStringLiteral("1.27")); // trimmed
        QCOMPARE(t.quote.ask, QStringLiteral("1.28")); // "+1.28" rewritten as a plain decimal
        QCOMPARE(t.quote.mid, QStringLiteral("1.2750")); // a given mid is kept
        QCOMPARE(t.extras, QJsonObject({{QStringLiteral("source"), QStringLiteral("lp1")}}));
        QCOMPARE(t.priceExtras, QJsonObject({{QStringLiteral("volume"), 5}}));
    }

    // A batch on price_updates: each item stands alone, and number digits are read per item.
    void priceBatch()
    {
        const protocol::ParseResult r = parse(ChannelKind::Prices,
                                              R"([{"instrument":"EUR_USD","price":{"bid":1.10,"ask":1.20}},)"
                                              R"({"instrument":"EUR_USD","price":{"ask":"1.1"}},)"
                                              R"({"instrument":"AUD_USD","price":{"bid":0.65000,"ask":0.65010}}])");
        QCOMPARE(r.events.size(), 2);
        QCOMPARE(r.drops.size(), 1);
        QCOMPARE(r.drops.first().reason, DropReason::MissingField);
        QCOMPARE(r.drops.first().detail, QStringLiteral("batch item 1: price.bid is missing"));
        const auto &a = std::get<core::PriceTick>(r.events.at(0));
        const auto &b = std::get<core::PriceTick>(r.events.at(1));
        QCOMPARE(a.quote.bid, QStringLiteral("1.10"));
        QCOMPARE(a.quote.ask, QStringLiteral("1.20"));
        QCOMPARE(b.instrument, QStringLiteral("AUD_USD"));
        QCOMPARE(b.quote.bid, QStringLiteral("0.65000"));
        QCOMPARE(b.quote.ask, QStringLiteral("0.65010"));
    }

    void volatilityAlert()
    {
        const auto a = accepted<core::VolatilityAlert>(
            ChannelKind::Volatility,
            R"({"instrument":"GBP_USD","volatility":0.17,"threshold":"0.12","severity":"CRITICAL",)"
            R"("timestamp":"2025-01-01T00:00:45.000000Z","region":"eu"})");
        QCOMPARE(a.instrument, QStringLiteral("GBP_USD"));
        QCOMPARE(a.volatility, 0.17);
        QCOMPARE(a.threshold, std::optional<double>(0.12));
        QCOMPARE(a.severity, core::Severity::Critical);
        QCOMPARE(a.message, QStringLiteral("Volatility (0.17) exceeded threshold (0.12)"));
        QCOMPARE(a.timestamp, QStringLiteral("2025-01-01T00:00:45.000000Z"));
        QCOMPARE(a.raisedMicros, micros(u"2025-01-01T00:00:45Z"));
        QCOMPARE(a.receivedMicros, kReceived);
        QCOMPARE(a.extras, QJsonObject({{QStringLiteral("region"), QStringLiteral("eu")}}));

        // The defaults: severity warning, a message without threshold, the time of receipt.
        const auto b =
            accepted<core::VolatilityAlert>(ChannelKind::Volatility, R"({"instrument":"EUR_USD","volatility":"0.2"})");
        QCOMPARE(b.severity, core::Severity::Warning);
        QVERIFY(!b.threshold);
        QCOMPARE(b.message, QStringLiteral("Volatility of EUR_USD at 0.2"));
        QCOMPARE(b.raisedMicros, kReceived);
        QCOMPARE(b.timestamp, core::isoTimestamp(kReceived));

        const auto c = accepted<core::VolatilityAlert>(
            ChannelKind::Volatility, R"({"instrument":"EUR_USD","volatility":0.3,"message":"from the pipeline"})");
        QCOMPARE(c.message, QStringLiteral("from the pipeline"));
    }

    void correlationAlert()
    {
        const auto a = accepted<core::CorrelationAlert>(
            ChannelKind::Correlation,
            R"({"instruments":["EUR_USD","gbp_usd"],"correlation":0.1,"previous_correlation":0.4,)"
            R"("threshold":0.25,"severity":"info","timestamp":"2025-01-01T00:04:00Z"})");
        QCOMPARE(a.pairA, QStringLiteral("EUR_USD"));
        QCOMPARE(a.pairB, QStringLiteral("GBP_USD"));
        QCOMPARE(a.correlation, 0.1);
        QCOMPARE(a.previous, std::optional<double>(0.4));
        QVERIFY(a.change);
        QVERIFY(qFuzzyCompare(*a.change, -0.3)); // computed when absent
        QCOMPARE(a.threshold, std::optional<double>(0.25));
        QCOMPARE(a.severity, core::Severity::Info);
        QCOMPARE(a.message, QStringLiteral("Correlation EUR_USD/GBP_USD changed from 0.4 to 0.1"));
        QCOMPARE(a.raisedMicros, micros(u"2025-01-01T00:04:00Z"));
        QCOMPARE(a.receivedMicros, kReceived);

        // pair_a and pair_b instead of instruments; a given change is kept.
        const auto b = accepted<core::CorrelationAlert>(
            ChannelKind::Correlation,
            R"({"pair_a":"USD_JPY","pair_b":"EUR_JPY","correlation":-0.5,"previous_correlation":0.2,"change":-0.6})");
        QCOMPARE(b.pairA, QStringLiteral("USD_JPY"));
        QCOMPARE(b.pairB, QStringLiteral("EUR_JPY"));
        QCOMPARE(b.change, std::optional<double>(-0.6));

        const auto c = accepted<core::CorrelationAlert>(ChannelKind::Correlation,
                                                        R"({"instruments":["EUR_USD","USD_CHF"],"correlation":-0.88})");
        QVERIFY(!c.previous && !c.change);
        QCOMPARE(c.message, QStringLiteral("Correlation EUR_USD/USD_CHF at -0.88"));
    }

    void dataReady()
    {
        const auto r = accepted<core::DataReady>(
            ChannelKind::DataReady, R"({"data_type":" volatility ","instruments":["eur_usd","XAU_USD"],"run":7})");
        QCOMPARE(r.dataType, QStringLiteral("volatility"));
        // Known pairs normalised; others kept as received (a notice, not a price).
        QCOMPARE(r.instruments, QStringList({QStringLiteral("EUR_USD"), QStringLiteral("XAU_USD")}));
        QCOMPARE(r.message, QStringLiteral("New volatility data available"));
        QCOMPARE(r.timestamp, core::isoTimestamp(kReceived));
        QCOMPARE(r.receivedMicros, kReceived);
        QCOMPARE(r.extras, QJsonObject({{QStringLiteral("run"), 7}}));
    }

    void refused_data()
    {
        QTest::addColumn<ChannelKind>("kind");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<DropReason>("reason");
        QTest::addColumn<QString>("detail");
        const auto P = ChannelKind::Prices;
        const auto V = ChannelKind::Volatility;
        const auto C = ChannelKind::Correlation;
        const auto D = ChannelKind::DataReady;
        auto price = [](const char *priceObject) {
            return QByteArray(R"({"instrument":"EUR_USD","price":)") + priceObject + '}';
        };
        auto row = [](const char *name, ChannelKind k, const QByteArray &payload, DropReason r, const char *detail) {
            QTest::newRow(name) << k << payload << r << QString::fromUtf8(detail);
        };

        // The message as a whole.
        row("batch item not an object", P, "[1]", DropReason::NotObject, "batch item 0: message must be a JSON object");
        row("empty batch", P, "[]", DropReason::EmptyBatch, "empty batch");
        row("array on volatility", V, R"([{"instrument":"EUR_USD","volatility":0.1}])", DropReason::NotObject,
            "message must be a JSON object");
        row("array on data_ready", D, "[]", DropReason::NotObject, "message must be a JSON object");

        // price_updates.
        row("no instrument", P, "{}", DropReason::MissingField, "instrument is missing");
        row("instrument not a string", P, R"({"instrument":5})", DropReason::WrongType, "instrument must be a string");
        row("unknown pair", P, R"({"instrument":"XAU_USD","price":{"bid":"1","ask":"2"}})", DropReason::UnknownPair,
            R"(instrument "XAU_USD" is not a configured pair)");
        row("no price", P, R"({"instrument":"EUR_USD"})", DropReason::MissingField, "price is missing");
        row("price not an object", P, R"({"instrument":"EUR_USD","price":"1.1"})", DropReason::WrongType,
            "price must be an object");
        row("no bid", P, price(R"({"ask":"1.1"})"), DropReason::MissingField, "price.bid is missing");
        row("null ask", P, price(R"({"bid":"1.1","ask":null})"), DropReason::MissingField, "price.ask is missing");
        row("bid a boolean", P, price(R"({"bid":true,"ask":"1.1"})"), DropReason::WrongType,
            "price.bid must be a string or a number");
        row("bid not a number", P, price(R"({"bid":"abc","ask":"1.1"})"), DropReason::WrongType,
            R"(price.bid is not a number: "abc")");
        row("bid NaN", P, price(R"({"bid":"NaN","ask":"1.1"})"), DropReason::NonFinite, "price.bid is not finite");
        row("ask Infinity", P, price(R"({"bid":"1.1","ask":"Infinity"})"), DropReason::NonFinite,
            "price.ask is not finite");
        row("ask -inf", P, price(R"({"bid":"1.1","ask":"-inf"})"), DropReason::NonFinite, "price.ask is not finite");
        row("bid zero", P, price(R"({"bid":"0","ask":"1.1"})"), DropReason::OutOfRange, "price.bid must be positive");
        row("bid zero number", P, price(R"({"bid":0,"ask":1.1})"), DropReason::OutOfRange,
            "price.bid must be positive");
        row("bid negative", P, price(R"({"bid":"-1.05","ask":"1.1"})"), DropReason::OutOfRange,
            "price.bid must be positive");
        row("bid negative number", P, price(R"({"bid":-1.05,"ask":1.1})"), DropReason::OutOfRange,
            "price.bid must be positive");
        row("inverted", P, price(R"({"bid":"1.2","ask":"1.1"})"), DropReason::BidAboveAsk, "bid 1.2 is above ask 1.1");
        row("mid outside", P, price(R"({"bid":"1.1","ask":"1.2","mid":"1.3"})"), DropReason::OutOfRange,
            "mid 1.3 is outside bid/ask");
        row("bad time", P, price(R"({"bid":"1.1","ask":"1.2","time":"yesterday"})"), DropReason::WrongType,
            R"(time is not an ISO 8601 time: "yesterday")");
        row("time a number", P, price(R"({"bid":"1.1","ask":"1.2","time":5})"), DropReason::WrongType,
            "time must be a string");

        // volatility_alerts.
        row("no volatility", V, R"({"instrument":"EUR_USD"})", DropReason::MissingField, "volatility is missing");
        row("volatility text", V, R"({"instrument":"EUR_USD","volatility":"high"})", DropReason::WrongType,
            "volatility is not a number");
        row("volatility a boolean", V, R"({"instrument":"EUR_USD","volatility":true})", DropReason::WrongType,
            "volatility must be a number");
        row("volatility nan", V, R"({"instrument":"EUR_USD","volatility":"nan"})", DropReason::NonFinite,
            "volatility is not finite");
        row("volatility negative", V, R"({"instrument":"EUR_USD","volatility":-0.1})", DropReason::OutOfRange,
            "volatility must not be negative");
        row("volatility unknown pair", V, R"({"instrument":"EURUSDX","volatility":0.1})", DropReason::UnknownPair,
            R"(instrument "EURUSDX" is not a configured pair)");
        row("unknown severity", V, R"({"instrument":"EUR_USD","volatility":0.1,"severity":"high"})",
            DropReason::OutOfRange, R"(severity must be info, warning or critical: "high")");
        row("severity a number", V, R"({"instrument":"EUR_USD","volatility":0.1,"severity":3})", DropReason::WrongType,
            "severity must be a string");
        row("message a number", V, R"({"instrument":"EUR_USD","volatility":0.1,"message":5})", DropReason::WrongType,
            "message must be a string");
        row("threshold text", V, R"({"instrument":"EUR_USD","volatility":0.1,"threshold":"x"})", DropReason::WrongType,
            "threshold is not a number");
        row("bad timestamp", V, R"({"instrument":"EUR_USD","volatility":0.1,"timestamp":"2025-13-01T00:00:00Z"})",
            DropReason::WrongType, R"(timestamp is not an ISO 8601 time: "2025-13-01T00:00:00Z")");

        // correlation_alerts.
        row("no pairs", C, R"({"correlation":0.5})", DropReason::MissingField,
            "instruments (or pair_a and pair_b) is missing");
        row("pair_b missing", C, R"({"pair_a":"EUR_USD","correlation":0.5})", DropReason::MissingField,
            "pair_b is missing");
        row("instruments not an array", C, R"({"instruments":"EUR_USD","correlation":0.5})", DropReason::WrongType,
            "instruments must be an array of two pairs");
        row("one pair", C, R"({"instruments":["EUR_USD"],"correlation":0.5})", DropReason::OutOfRange,
            "instruments must name exactly two pairs");
        row("same pair twice", C, R"({"instruments":["EUR_USD","eur/usd"],"correlation":0.5})", DropReason::OutOfRange,
            "a correlation needs two different pairs");
        row("second pair unknown", C, R"({"instruments":["EUR_USD","XXX_YYY"],"correlation":0.5})",
            DropReason::UnknownPair, R"(instruments[1] "XXX_YYY" is not a configured pair)");
        row("no correlation", C, R"({"instruments":["EUR_USD","GBP_USD"]})", DropReason::MissingField,
            "correlation is missing");
        row("correlation above 1", C, R"({"instruments":["EUR_USD","GBP_USD"],"correlation":1.5})",
            DropReason::OutOfRange, "correlation must be between -1 and 1");
        row("previous below -1", C,
            R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.5,"previous_correlation":-2})",
            DropReason::OutOfRange, "previous_correlation must be between -1 and 1");
        row("change infinite", C, R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.5,"change":"-Infinity"})",
            DropReason::NonFinite, "change is not finite");

        // data_ready.
        row("no data_type", D, R"({"message":"done"})", DropReason::MissingField, "data_type is missing");
        row("data_type a number", D, R"({"data_type":5})", DropReason::WrongType, "data_type must be a string");
        row("data_type blank", D, R"({"data_type":"  "})", DropReason::OutOfRange,
            "data_type must be 1 to 200 characters");
        row("data_type too long", D, "{\"data_type\":\"" + QByteArray(201, 'x') + "\"}", DropReason::OutOfRange,
            "data_type must be 1 to 200 characters");
        row("instruments of numbers", D, R"({"data_type":"volatility","instruments":[1]})", DropReason::WrongType,
            "instruments must be an array of strings");
    }

    // Each refusal drops the message with exactly one counted reason and one line of detail.
    void refused()
    {
        QFETCH(ChannelKind, kind);
        QFETCH(QByteArray, payload);
        QFETCH(DropReason, reason);
        QFETCH(QString, detail);
        const protocol::ParseResult r = parse(kind, payload);
        QVERIFY(r.events.isEmpty());
        QCOMPARE(r.drops.size(), 1);
        QCOMPARE(protocol::dropReasonName(r.drops.first().reason), protocol::dropReasonName(reason));
        QCOMPARE(r.drops.first().detail, detail);
    }

    void notJson()
    {
        for (int k = 0; k < protocol::kChannelKindCount; ++k) {
            // A bare JSON string or number is not a document for QJsonDocument either.
            for (const QByteArray &payload : {QByteArray("hello"), QByteArray(R"({"instrument":)"), QByteArray(),
                                              QByteArray(R"("EUR_USD")"), QByteArray("42")}) {
                const protocol::ParseResult r = parse(ChannelKind(k), payload);
                QVERIFY(r.events.isEmpty());
                QCOMPARE(r.drops.size(), 1);
                QCOMPARE(r.drops.first().reason, DropReason::NotJson);
                QVERIFY2(r.drops.first().detail.startsWith(QStringLiteral("not JSON: ")),
                         qPrintable(r.drops.first().detail));
                QVERIFY(r.drops.first().detail.contains(QStringLiteral(" at offset ")));
            }
        }
    }

    // REDIS_MAX_MESSAGE_SIZE: checked before the JSON is read.
    void oversized()
    {
        const protocol::PayloadParser parser{core::InstrumentSet(), 64};
        const QByteArray fits = R"({"instrument":"EUR_USD","price":{"bid":"1.1","ask":"1.2"}})";
        QVERIFY(fits.size() <= 64);
        QCOMPARE(parser.parse(ChannelKind::Prices, fits, kReceived).events.size(), 1);
        const QByteArray big = QByteArray(R"({"data_type":")") + QByteArray(60, 'x') + "\"}";
        const protocol::ParseResult r = parser.parse(ChannelKind::DataReady, big, kReceived);
        QVERIFY(r.events.isEmpty());
        QCOMPARE(r.drops.size(), 1);
        QCOMPARE(r.drops.first().reason, DropReason::TooLarge);
        QCOMPARE(r.drops.first().detail,
                 QStringLiteral("message of %1 bytes exceeds the 64 byte limit").arg(big.size()));
        QCOMPARE(
            protocol::PayloadParser(core::InstrumentSet()).parse(ChannelKind::DataReady, big, kReceived).events.size(),
            1);
    }

    void batchLimit()
    {
        QByteArray items = "[";
        for (int i = 0; i <= protocol::PayloadParser::kMaxBatch; ++i)
            items += i ? ",{}" : "{}";
        items += ']';
        const protocol::ParseResult r = parse(ChannelKind::Prices, items);
        QVERIFY(r.events.isEmpty());
        QCOMPARE(r.drops.size(), 1);
        QCOMPARE(r.drops.first().reason, DropReason::TooLarge);
        QCOMPARE(r.drops.first().detail, QStringLiteral("batch of 10001 items exceeds 10000"));
    }

    // Only the pairs the parser was given are known.
    void configuredPairs()
    {
        const protocol::PayloadParser parser{core::InstrumentSet({QStringLiteral("EUR_USD")})};
        const QByteArray gbp = R"({"instrument":"GBP_USD","price":{"bid":"1.1","ask":"1.2"}})";
        const protocol::ParseResult r = parser.parse(ChannelKind::Prices, gbp, kReceived);
        QCOMPARE(r.drops.size(), 1);
        QCOMPARE(r.drops.first().reason, DropReason::UnknownPair);
        QCOMPARE(parse(ChannelKind::Prices, gbp).events.size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestPayloadParser)
#include "tst_payloadparser.moc"
