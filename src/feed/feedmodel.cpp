#include "feed/feedmodel.h"

#include <cmath>

namespace fx::feed {

namespace {

struct KnownCurrency
{
    const char *code;
    double usdValue;
    double sigma;
    int bloc;
    double loading;
};

// Starting values near 2024 levels; factor volatilities chosen so that the pairs' annualised
// volatilities and correlations land near their historical ranges (EUR_USD ~8 %, USD_JPY ~10 %,
// EUR_CHF ~4 %, AUD_NZD ~6 %; EUR_USD/GBP_USD ~+0.8, EUR_USD/USD_CHF ~-0.9).
constexpr KnownCurrency kKnown[] = {
    {"USD", 1.0, 0.070, -1, 0.0},          {"EUR", 1.0850, 0.040, 0, 0.80},       {"GBP", 1.2700, 0.050, 0, 0.60},
    {"JPY", 1.0 / 150.0, 0.070, -1, 0.0},  {"CHF", 1.0 / 0.8800, 0.045, 0, 0.75}, {"AUD", 0.6600, 0.075, 1, 0.85},
    {"CAD", 1.0 / 1.3600, 0.040, 1, 0.50}, {"NZD", 0.6100, 0.080, 1, 0.85},       {"SEK", 0.0950, 0.060, 0, 0.70},
    {"NOK", 0.0940, 0.065, 1, 0.50},       {"DKK", 0.1455, 0.041, 0, 0.80},       {"PLN", 0.2500, 0.060, 0, 0.60},
    {"SGD", 0.7400, 0.045, -1, 0.0},       {"HKD", 0.1280, 0.072, -1, 0.0},       {"CNH", 0.1380, 0.065, -1, 0.0},
    {"MXN", 0.0580, 0.110, -1, 0.0},       {"ZAR", 0.0540, 0.120, 1, 0.40},       {"TRY", 0.0310, 0.150, -1, 0.0},
};

// Typical retail spreads in pips (min, max); unlisted pairs fall back to 1.5-3.0 with USD and
// 3.0-6.0 without.
struct KnownSpread
{
    const char *pair;
    double minPips;
    double maxPips;
};
constexpr KnownSpread kSpreads[] = {
    {"EUR_USD", 0.6, 1.2}, {"USD_JPY", 0.7, 1.4}, {"GBP_USD", 0.9, 1.8}, {"USD_CHF", 1.0, 2.0}, {"AUD_USD", 0.8, 1.6},
    {"USD_CAD", 1.0, 2.0}, {"NZD_USD", 1.2, 2.4}, {"EUR_GBP", 1.0, 2.0}, {"EUR_JPY", 1.2, 2.5}, {"GBP_JPY", 2.0, 4.0},
    {"EUR_CHF", 1.2, 2.5}, {"AUD_JPY", 1.5, 3.0}, {"EUR_AUD", 1.8, 3.6}, {"GBP_CHF", 2.2, 4.4}, {"EUR_CAD", 2.0, 4.0},
    {"AUD_NZD", 2.0, 4.0}, {"CAD_JPY", 2.0, 4.0}, {"CHF_JPY", 2.0, 4.0}, {"NZD_JPY", 2.0, 4.0}, {"GBP_AUD", 2.5, 5.0},
};

constexpr double kIdioSigma = 0.01;
constexpr double kUnknownSigma = 0.10;

} // namespace

double PairSpec::tickSize() const
{
    return std::pow(10.0, -decimals);
}

int FeedModel::currencyIndex(const QString &code)
{
    for (int i = 0; i < m_currencies.size(); ++i)
        if (m_currencies.at(i).code == code)
            return i;
    CurrencySpec c;
    c.code = code;
    c.usdValue = 1.0;
    c.sigma = kUnknownSigma;
    for (const KnownCurrency &k : kKnown) {
        if (code == QLatin1String(k.code)) {
            c.usdValue = k.usdValue;
            c.sigma = k.sigma;
            c.bloc = k.bloc;
            c.loading = k.loading;
        }
    }
    m_currencies.append(c);
    return int(m_currencies.size()) - 1;
}

FeedModel::FeedModel(const QStringList &pairs)
{
    // USD first so that the factor order (and so the random draws) does not depend on which
    // pair happens to come first.
    currencyIndex(QStringLiteral("USD"));
    for (const QString &name : pairs) {
        PairSpec p;
        p.name = name;
        p.baseCurrency = currencyIndex(name.left(3));
        p.quoteCurrency = currencyIndex(name.mid(4, 3));
        p.startMid = m_currencies.at(p.baseCurrency).usdValue / m_currencies.at(p.quoteCurrency).usdValue;
        p.pipSize = core::InstrumentSet::pipSize(name);
        p.decimals = core::InstrumentSet::quoteDecimals(name);
        const bool withUsd = name.contains(u"USD");
        double minPips = withUsd ? 1.5 : 3.0;
        double maxPips = withUsd ? 3.0 : 6.0;
        for (const KnownSpread &s : kSpreads) {
            if (name == QLatin1String(s.pair)) {
                minPips = s.minPips;
                maxPips = s.maxPips;
            }
        }
        p.minSpreadTicks = int(std::lround(minPips * 10));
        p.maxSpreadTicks = int(std::lround(maxPips * 10));
        p.idioSigma = kIdioSigma;
        m_pairs.append(p);
    }
    for (int i = 0; i < m_pairs.size(); ++i)
        m_pairs[i].sigma = std::sqrt(pairCovariance(i, i));
}

int FeedModel::indexOf(QStringView pair) const
{
    for (int i = 0; i < m_pairs.size(); ++i)
        if (m_pairs.at(i).name == pair)
            return i;
    return -1;
}

double FeedModel::currencyCovariance(int a, int b) const
{
    const CurrencySpec &x = m_currencies.at(a);
    const CurrencySpec &y = m_currencies.at(b);
    if (a == b)
        return x.sigma * x.sigma;
    if (x.bloc >= 0 && x.bloc == y.bloc)
        return x.sigma * y.sigma * x.loading * y.loading;
    return 0;
}

double FeedModel::pairCovariance(int a, int b) const
{
    const PairSpec &p = m_pairs.at(a);
    const PairSpec &q = m_pairs.at(b);
    // (Fb1 - Fq1) . (Fb2 - Fq2), plus the idiosyncratic part on the diagonal.
    double c = currencyCovariance(p.baseCurrency, q.baseCurrency) - currencyCovariance(p.baseCurrency, q.quoteCurrency)
        - currencyCovariance(p.quoteCurrency, q.baseCurrency) + currencyCovariance(p.quoteCurrency, q.quoteCurrency);
    if (a == b)
        c += p.idioSigma * p.idioSigma;
    return c;
}

double FeedModel::pairCorrelation(int a, int b) const
{
    return pairCovariance(a, b) / std::sqrt(pairCovariance(a, a) * pairCovariance(b, b));
}

} // namespace fx::feed
