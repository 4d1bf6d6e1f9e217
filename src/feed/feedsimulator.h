#pragma once

#include "feed/feedanalytics.h"
#include "feed/feeditem.h"
#include "feed/feedmodel.h"
#include "feed/gaussianrandom.h"

#include <QList>
#include <optional>

namespace fx::feed {

struct SimulatorConfig
{
    quint64 seed = 1;
    double rate = 20; // ticks per second of feed time (all pairs together)
    qint64 startMicros = 0; // feed time of tick 0
    double timeScale = 60; // market seconds per feed second
    double burstProbability = 0.0025; // chance, per pair update, that a volatility burst starts
    bool analytics = true;
    AnalyticsConfig analyticsConfig; // its timeScale is overwritten with timeScale
};

// The simulated market: geometric Brownian motion of every pair driven by per-currency
// factors, with volatility bursts, plus the analytics jobs over its own ticks (FEED.md).
// Tick i happens at startMicros + i / rate seconds and updates pair i % pairs (round robin).
// Everything is a function of the configuration: the same seed gives the same items.
// Single-threaded; the live feed drives it from its QTimer on the main thread.
class FeedSimulator
{
public:
    FeedSimulator(FeedModel model, SimulatorConfig config);

    // Generates the next tick and appends it, then any analytics messages it completes.
    void next(QList<FeedItem> *out);

    qint64 ticks() const { return m_count; }
    qint64 timeOfTick(qint64 i) const;
    const FeedModel &model() const { return m_model; }
    const SimulatorConfig &config() const { return m_config; }
    const FeedAnalytics *analytics() const { return m_analytics ? &*m_analytics : nullptr; }

    // Burst state, for tests and the status line.
    bool inBurst(int pair) const { return m_pairs.at(pair).burstLeft > 0; }

private:
    FeedModel m_model;
    SimulatorConfig m_config;
    GaussianRandom m_random;
    std::optional<FeedAnalytics> m_analytics;
    qint64 m_count = 0;
    double m_tickYears = 0; // market years between two ticks
    QList<double> m_factors; // cumulative log factor per currency
    QList<double> m_blocDraw; // this tick's bloc normals

    struct PairState
    {
        double logMid = 0;
        double lastFactorDiff = 0; // factor(base) - factor(quote) at the pair's last update
        qint64 lastTick = 0; // index of the tick that last updated the pair (0 at start)
        int burstLeft = 0; // updates left in the current burst
        double burstMultiplier = 1;
    };
    QList<PairState> m_pairs;
};

} // namespace fx::feed
