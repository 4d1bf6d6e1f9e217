#pragma once

#include "core/instruments.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace fx::feed {

// One currency's factor: its log value against an abstract numeraire moves with
// sigma * (loading * Z_bloc + sqrt(1 - loading^2) * Z_own) * sqrt(dt). Currencies of one bloc
// (European, commodity) share Z_bloc, which makes EUR/CHF/GBP and AUD/NZD/CAD move together.
struct CurrencySpec
{
    QString code;
    double usdValue = 1; // starting value in USD (EUR 1.085, JPY 1/150 ...)
    double sigma = 0.1; // annualised volatility of the factor
    int bloc = -1; // -1: none, else an index below kBlocCount
    double loading = 0; // weight of the bloc factor, 0..1
};

// One simulated pair: log mid = log start + factor(base) - factor(quote) + idiosyncratic noise.
struct PairSpec
{
    QString name; // EUR_USD
    int baseCurrency = -1; // index into FeedModel::currencies()
    int quoteCurrency = -1;
    double startMid = 1;
    double pipSize = 0.0001; // core::InstrumentSet::pipSize
    int decimals = 5; // core::InstrumentSet::quoteDecimals; one tick = 10^-decimals = pip / 10
    int minSpreadTicks = 6; // spread range in ticks (0.1 pip), inclusive
    int maxSpreadTicks = 12;
    double idioSigma = 0.01; // annualised pair-specific noise
    double sigma = 0.08; // total annualised volatility from the factor model (no bursts)

    double tickSize() const;
    double minSpreadPips() const { return minSpreadTicks / 10.0; }
    double maxSpreadPips() const { return maxSpreadTicks / 10.0; }
};

// The static description of the simulated market: currencies, their factors and the pairs.
// Immutable after construction; copy it freely.
class FeedModel
{
public:
    static constexpr int kBlocCount = 2; // 0: European, 1: commodity

    explicit FeedModel(const QStringList &pairs = core::InstrumentSet::defaultPairs());

    const QList<CurrencySpec> &currencies() const { return m_currencies; }
    const QList<PairSpec> &pairs() const { return m_pairs; }
    int size() const { return int(m_pairs.size()); }
    const PairSpec &pair(int index) const { return m_pairs.at(index); }
    int indexOf(QStringView pair) const;

    // Model covariance of two currency factors per year, and of two pairs' log returns.
    double currencyCovariance(int a, int b) const;
    double pairCovariance(int a, int b) const;
    // The correlation the model implies for two pairs' log returns outside bursts.
    double pairCorrelation(int a, int b) const;

private:
    int currencyIndex(const QString &code);

    QList<CurrencySpec> m_currencies;
    QList<PairSpec> m_pairs;
};

} // namespace fx::feed
