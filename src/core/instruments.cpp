#include "core/instruments.h"

namespace fx::core {

QStringList InstrumentSet::defaultPairs()
{
    return {
        QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD"), QStringLiteral("USD_JPY"), QStringLiteral("USD_CHF"),
        QStringLiteral("AUD_USD"), QStringLiteral("USD_CAD"), QStringLiteral("NZD_USD"), QStringLiteral("EUR_GBP"),
        QStringLiteral("EUR_JPY"), QStringLiteral("GBP_JPY"), QStringLiteral("EUR_CHF"), QStringLiteral("AUD_JPY"),
        QStringLiteral("EUR_AUD"), QStringLiteral("GBP_CHF"), QStringLiteral("EUR_CAD"), QStringLiteral("AUD_NZD"),
        QStringLiteral("CAD_JPY"), QStringLiteral("CHF_JPY"), QStringLiteral("NZD_JPY"), QStringLiteral("GBP_AUD"),
    };
}

InstrumentSet::InstrumentSet(const QStringList &pairs)
{
    for (const QString &p : pairs) {
        if (m_index.contains(p) || m_pairs.size() >= kMaxPairs)
            continue;
        m_index.insert(p, int(m_pairs.size()));
        m_pairs.append(p);
        m_rooms.append(roomFor(p));
    }
}

static bool isUpperAlpha(QChar c)
{
    return c >= u'A' && c <= u'Z';
}

bool InstrumentSet::isWellFormed(QStringView pair)
{
    if (pair.size() != 7 || pair.at(3) != u'_')
        return false;
    for (int i : {0, 1, 2, 4, 5, 6})
        if (!isUpperAlpha(pair.at(i)))
            return false;
    return pair.left(3) != pair.mid(4);
}

std::optional<QString> InstrumentSet::normalize(QStringView input)
{
    const QString up = input.trimmed().toString().toUpper();
    QString out;
    if (up.size() == 7 && (up.at(3) == u'_' || up.at(3) == u'/' || up.at(3) == u'-'))
        out = up.left(3) + u'_' + up.mid(4);
    else if (up.size() == 6)
        out = up.left(3) + u'_' + up.mid(3);
    else
        return std::nullopt;
    if (!isWellFormed(out))
        return std::nullopt;
    return out;
}

double InstrumentSet::pipSize(QStringView pair)
{
    return pair.endsWith(u"JPY") ? 0.01 : 0.0001;
}

int InstrumentSet::quoteDecimals(QStringView pair)
{
    return pair.endsWith(u"JPY") ? 3 : 5;
}

int InstrumentSet::indexOf(QStringView pair) const
{
    return m_index.value(pair.toString(), -1);
}

int InstrumentSet::lookup(QStringView input) const
{
    const int exact = indexOf(input);
    if (exact >= 0)
        return exact;
    const auto n = normalize(input);
    return n ? indexOf(*n) : -1;
}

int InstrumentSet::roomIndex(QStringView room) const
{
    if (!room.startsWith(u"price_"))
        return -1;
    return indexOf(room.mid(6));
}

} // namespace fx::core
