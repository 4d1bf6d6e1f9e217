#include "core/marketdata.h"

#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <algorithm>
#include <charconv>

namespace fx::core {

QString severityName(Severity s)
{
    switch (s) {
    case Severity::Info: return QStringLiteral("info");
    case Severity::Warning: return QStringLiteral("warning");
    case Severity::Critical: return QStringLiteral("critical");
    }
    return QStringLiteral("warning");
}

std::optional<Severity> parseSeverity(QStringView text)
{
    const QString t = text.trimmed().toString().toLower();
    if (t == u"info")
        return Severity::Info;
    if (t == u"warning" || t == u"warn")
        return Severity::Warning;
    if (t == u"critical")
        return Severity::Critical;
    return std::nullopt;
}

namespace decimal {

bool isPlain(QStringView text)
{
    if (text.isEmpty() || text.size() > 40)
        return false;
    int i = 0;
    int intDigits = 0;
    while (i < text.size() && text.at(i).isDigit() && text.at(i).unicode() < 128) {
        ++i;
        ++intDigits;
    }
    if (intDigits == 0)
        return false;
    if (i == text.size())
        return true;
    if (text.at(i) != u'.')
        return false;
    ++i;
    int fracDigits = 0;
    while (i < text.size() && text.at(i).isDigit() && text.at(i).unicode() < 128) {
        ++i;
        ++fracDigits;
    }
    return fracDigits > 0 && i == text.size();
}

std::optional<double> plainValue(QStringView text)
{
    if (!isPlain(text))
        return std::nullopt;
    char buf[48]; // isPlain: digits and a point, at most 40
    for (qsizetype i = 0; i < text.size(); ++i)
        buf[i] = char(text[i].unicode());
    double v = 0;
    std::from_chars(buf, buf + text.size(), v);
    return v;
}

double toDouble(QStringView text)
{
    const std::optional<double> v = plainValue(text);
    return v ? *v : text.toDouble();
}

QString midpoint(QStringView a, QStringView b)
{
    // Align both to the same number of decimals, add as digit strings, halve.
    auto split = [](QStringView s, QString *intPart, QString *fracPart) {
        const qsizetype dot = s.indexOf(u'.');
        *intPart = (dot < 0 ? s : s.left(dot)).toString();
        *fracPart = dot < 0 ? QString() : s.mid(dot + 1).toString();
    };
    QString ai, af, bi, bf;
    split(a, &ai, &af);
    split(b, &bi, &bf);
    const qsizetype frac = std::max(af.size(), bf.size());
    af = af.leftJustified(frac, u'0');
    bf = bf.leftJustified(frac, u'0');
    const QString da = ai + af;
    const QString db = bi + bf;
    const qsizetype width = std::max(da.size(), db.size()) + 1;
    const QString pa = da.rightJustified(width, u'0');
    const QString pb = db.rightJustified(width, u'0');
    // sum
    QString sum(width, u'0');
    int carry = 0;
    for (qsizetype i = width - 1; i >= 0; --i) {
        const int d = pa.at(i).digitValue() + pb.at(i).digitValue() + carry;
        sum[i] = QChar(u'0' + d % 10);
        carry = d / 10;
    }
    // halve, with one extra decimal for an odd sum
    QString half;
    int rem = 0;
    for (qsizetype i = 0; i < width; ++i) {
        const int cur = rem * 10 + sum.at(i).digitValue();
        half.append(QChar(u'0' + cur / 2));
        rem = cur % 2;
    }
    qsizetype fracDigits = frac;
    if (rem) {
        half.append(u'5');
        ++fracDigits;
    }
    QString intPart = half.left(half.size() - fracDigits);
    const QString fracPart = half.right(fracDigits);
    while (intPart.size() > 1 && intPart.startsWith(u'0'))
        intPart.remove(0, 1);
    if (intPart.isEmpty())
        intPart = QStringLiteral("0");
    return fracPart.isEmpty() ? intPart : intPart + u'.' + fracPart;
}

QString fromDouble(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

} // namespace decimal

static QJsonValue optionalNumber(const std::optional<double> &v)
{
    return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null);
}

QJsonObject PriceTick::priceObject() const
{
    QJsonObject price = priceExtras;
    price.insert(QStringLiteral("bid"), quote.bid);
    price.insert(QStringLiteral("ask"), quote.ask);
    price.insert(QStringLiteral("mid"), quote.mid);
    price.insert(QStringLiteral("time"), quote.time);
    return price;
}

QJsonObject PriceTick::toPayload() const
{
    QJsonObject o = extras;
    o.insert(QStringLiteral("instrument"), instrument);
    o.insert(QStringLiteral("price"), priceObject());
    o.insert(QStringLiteral("timestamp"), isoTimestamp(relayedMicros));
    return o;
}

namespace {

// Printable ASCII that JSON writes as is (no quote, no backslash).
bool plainJsonString(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
            return false;
    return true;
}

void appendJsonMember(QByteArray &out, const char *key, const QString &value)
{
    out += key; // "\"name\":"
    out += '"';
    for (const QChar c : value)
        out += char(c.unicode());
    out += '"';
}

} // namespace

QByteArray PriceTick::payloadJson() const
{
    const QString stamp = isoTimestamp(relayedMicros);
    if (!extras.isEmpty() || !priceExtras.isEmpty()
        || !(plainJsonString(instrument) && plainJsonString(quote.bid) && plainJsonString(quote.ask)
             && plainJsonString(quote.mid) && plainJsonString(quote.time)))
        return QJsonDocument(toPayload()).toJson(QJsonDocument::Compact);
    QByteArray out;
    out.reserve(80 + instrument.size() + quote.bid.size() + quote.ask.size() + quote.mid.size() + quote.time.size()
                + stamp.size());
    appendJsonMember(out, "{\"instrument\":", instrument);
    appendJsonMember(out, ",\"price\":{\"ask\":", quote.ask);
    appendJsonMember(out, ",\"bid\":", quote.bid);
    appendJsonMember(out, ",\"mid\":", quote.mid);
    appendJsonMember(out, ",\"time\":", quote.time);
    appendJsonMember(out, "},\"timestamp\":", stamp);
    out += '}';
    return out;
}

QJsonObject VolatilityAlert::toPayload() const
{
    QJsonObject o = extras;
    o.insert(QStringLiteral("instrument"), instrument);
    o.insert(QStringLiteral("volatility"), volatility);
    o.insert(QStringLiteral("threshold"), optionalNumber(threshold));
    o.insert(QStringLiteral("severity"), severityName(severity));
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("timestamp"), timestamp);
    return o;
}

QJsonObject CorrelationAlert::toPayload() const
{
    QJsonObject o = extras;
    o.insert(QStringLiteral("instruments"), QJsonArray{pairA, pairB});
    o.insert(QStringLiteral("correlation"), correlation);
    o.insert(QStringLiteral("previous_correlation"), optionalNumber(previous));
    o.insert(QStringLiteral("change"), optionalNumber(change));
    o.insert(QStringLiteral("threshold"), optionalNumber(threshold));
    o.insert(QStringLiteral("severity"), severityName(severity));
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("timestamp"), timestamp);
    return o;
}

QJsonObject DataReady::toPayload() const
{
    QJsonObject o = extras;
    o.insert(QStringLiteral("data_type"), dataType);
    o.insert(QStringLiteral("instruments"), QJsonArray::fromStringList(instruments));
    o.insert(QStringLiteral("message"), message);
    o.insert(QStringLiteral("timestamp"), timestamp);
    return o;
}

} // namespace fx::core
