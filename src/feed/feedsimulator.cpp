#include "feed/feedsimulator.h"

#include "core/marketdata.h"

#include <cmath>

namespace fx::feed {

namespace {
constexpr double kBurstMinMultiplier = 2.0;
constexpr double kBurstMaxMultiplier = 4.5;
constexpr int kBurstMinUpdates = 20;
constexpr int kBurstMaxUpdates = 90;
} // namespace

FeedSimulator::FeedSimulator(FeedModel model, SimulatorConfig config)
    : m_model(std::move(model))
    , m_config(config)
    , m_random(config.seed)
{
    m_config.analyticsConfig.timeScale = m_config.timeScale;
    if (m_config.analytics)
        m_analytics.emplace(m_model, m_config.analyticsConfig, m_config.startMicros);
    m_tickYears = m_config.timeScale / m_config.rate / RollingVolatility::kSecondsPerYear;
    m_factors = QList<double>(m_model.currencies().size(), 0.0);
    m_blocDraw = QList<double>(FeedModel::kBlocCount, 0.0);
    for (const PairSpec &p : m_model.pairs()) {
        PairState st;
        st.logMid = std::log(p.startMid);
        m_pairs.append(st);
    }
}

qint64 FeedSimulator::timeOfTick(qint64 i) const
{
    return m_config.startMicros + qint64(std::llround(double(i) * 1e6 / m_config.rate));
}

void FeedSimulator::next(QList<FeedItem> *out)
{
    if (m_model.size() == 0)
        return; // no pairs configured: nothing to simulate (settings never allow this)
    const qint64 i = m_count;
    const qint64 micros = timeOfTick(i);

    // 1. Every currency factor moves by one tick of market time (none before tick 0), drawn
    //    in a fixed order: the bloc normals, then one normal per currency.
    if (i > 0) {
        const double sqrtDt = std::sqrt(m_tickYears);
        for (double &z : m_blocDraw)
            z = m_random.normal();
        const QList<CurrencySpec> &currencies = m_model.currencies();
        for (int c = 0; c < currencies.size(); ++c) {
            const CurrencySpec &cs = currencies.at(c);
            const double own = m_random.normal();
            const double shared = cs.bloc >= 0 ? m_blocDraw.at(cs.bloc) : 0.0;
            const double z = cs.loading * shared + std::sqrt(1.0 - cs.loading * cs.loading) * own;
            m_factors[c] += cs.sigma * sqrtDt * z;
        }
    }

    // 2. One pair, round robin, catches up with the factors since its last update.
    const int p = int(i % m_model.size());
    const PairSpec &spec = m_model.pair(p);
    PairState &st = m_pairs[p];

    if (st.burstLeft == 0 && m_random.uniform() < m_config.burstProbability) {
        st.burstMultiplier = kBurstMinMultiplier + (kBurstMaxMultiplier - kBurstMinMultiplier) * m_random.uniform();
        st.burstLeft = m_random.uniformInt(kBurstMinUpdates, kBurstMaxUpdates);
    }
    const bool burst = st.burstLeft > 0;
    if (burst)
        --st.burstLeft;
    const double m = burst ? st.burstMultiplier : 1.0;

    const double years = double(i - st.lastTick) * m_tickYears;
    const double factorDiff = m_factors.at(spec.baseCurrency) - m_factors.at(spec.quoteCurrency);
    // A burst is pair-specific news: extra idiosyncratic variance (m^2 - 1) * sigma^2 lifts the
    // pair's volatility m-fold and lowers its correlation with the others for a while.
    const double idioVar = spec.idioSigma * spec.idioSigma + (m * m - 1.0) * spec.sigma * spec.sigma;
    const double totalVar = spec.sigma * spec.sigma * m * m;
    const double idio = std::sqrt(idioVar * years) * m_random.normal();
    st.logMid += (factorDiff - st.lastFactorDiff) + idio - 0.5 * totalVar * years; // Ito: E[mid] flat
    st.lastFactorDiff = factorDiff;
    st.lastTick = i;

    // 3. Quote: spread in whole ticks (0.1 pip), tight most of the time, wide in bursts.
    const double u = m_random.uniform();
    const double shape = burst ? std::sqrt(u) : u * u;
    const int spreadTicks = std::min(
        spec.maxSpreadTicks, spec.minSpreadTicks + int(shape * (spec.maxSpreadTicks - spec.minSpreadTicks + 1)));
    const double scale = std::pow(10.0, spec.decimals);
    const double midTicks = std::exp(st.logMid) * scale;
    qint64 bidTicks = std::llround(midTicks - spreadTicks / 2.0);
    if (bidTicks < 1)
        bidTicks = 1; // a price never reaches zero, however long the walk
    const qint64 askTicks = bidTicks + spreadTicks;

    FeedTick t;
    t.index = p;
    t.instrument = spec.name;
    t.timeMicros = micros;
    t.bid = formatTicks(bidTicks, spec.decimals);
    t.ask = formatTicks(askTicks, spec.decimals);
    // The exact midpoint: one more digit when the spread is an odd number of ticks.
    t.mid = core::decimal::midpoint(t.bid, t.ask);
    t.midValue = double(bidTicks + askTicks) / (2.0 * scale);
    ++m_count;

    if (m_analytics)
        m_analytics->addTick(p, micros, t.midValue);
    out->append(std::move(t));
    if (m_analytics) {
        QList<FeedEvent> events;
        m_analytics->advanceTo(timeOfTick(m_count), &events);
        for (FeedEvent &e : events)
            out->append(std::move(e));
    }
}

} // namespace fx::feed
