#pragma once

#include "feed/feeditem.h"
#include "feed/feedmodel.h"
#include "feed/rollingcorrelation.h"
#include "feed/rollingvolatility.h"

#include <QList>

namespace fx::feed {

// The predecessor's "hourly" and "daily" jobs, compressed in time (FEED.md).
struct AnalyticsConfig
{
    int volWindow = 50; // log returns per pair
    qint64 volIntervalMicros = 5'000'000; // a volatility batch every 5 s of feed time
    double volWarning = 1.5; // thresholds, as multiples of the expected volatility
    double volCritical = 2.5;
    int corrWindow = 60; // sampled returns per pair
    qint64 corrSampleMicros = 5'000'000; // one sample of every pair's mid per 5 s
    qint64 corrIntervalMicros = 30'000'000; // a correlation batch every 30 s
    double corrThreshold = 0.25; // alert when |correlation - previous| > this
    double timeScale = 60; // market seconds per feed second (1 for replays)

    int volMinReturns() const { return volWindow < 20 ? volWindow : 20; }
    int corrMinRows() const { return corrWindow < 20 ? corrWindow : 20; }
};

enum class VolLevel { Normal = 0, Warning = 1, Critical = 2 };

// One pair's result in the last volatility batch.
struct VolatilityReading
{
    int index = -1;
    int returns = 0; // returns in the window
    double volatility = 0; // annualised realised volatility of published mids
    double expected = 0; // the model's volatility plus the quote-rounding floor
    double warning = 0; // volWarning * expected
    double critical = 0; // volCritical * expected
    VolLevel level = VolLevel::Normal;
    bool alerted = false;
};

// Turns a stream of ticks into volatility and correlation batches. Jobs run on a grid of feed
// time (start + k * interval) once every tick at or before the grid time has been added:
// callers add a tick, then advanceTo(time of the next tick). Deterministic: the output depends
// only on the ticks and the configuration. Single-threaded.
class FeedAnalytics
{
public:
    FeedAnalytics(FeedModel model, AnalyticsConfig config, qint64 startMicros);

    void addTick(int index, qint64 micros, double mid);
    // Runs every sample and job scheduled strictly before `beforeMicros`, appending the
    // alerts and data_ready messages to *out.
    void advanceTo(qint64 beforeMicros, QList<FeedEvent> *out);

    const AnalyticsConfig &config() const { return m_config; }
    const FeedModel &model() const { return m_model; }

    // The threshold rules, pure so that tests can state them.
    static VolLevel levelFor(double volatility, double warning, double critical);
    // Alert when the level rises above the last reported one; a fall re-arms silently.
    static bool volatilityAlertDue(VolLevel reported, VolLevel current) { return current > reported; }
    // Warning when |change| > threshold, critical when |change| >= 2 * threshold; else none.
    static std::optional<core::Severity> correlationSeverity(double change, double threshold);
    // Expected annualised volatility of published mids: the model's sigma plus the noise that
    // rounding the bid to one tick adds to each return (variance tick^2 / 6 / mid^2).
    static double expectedVolatility(double sigma, double tick, double mid, double meanIntervalSeconds);

    // Results of the last batches (for tests and the status line).
    const QList<VolatilityReading> &lastVolatility() const { return m_lastVol; }
    qint64 lastVolatilityMicros() const { return m_lastVolMicros; }
    // Row-major, NaN where undefined.
    const QList<double> &lastCorrelation() const { return m_lastCorr; }
    qint64 lastCorrelationMicros() const { return m_lastCorrMicros; }
    double correlation(int a, int b) const { return m_lastCorr.at(qsizetype(a) * m_model.size() + b); }

    qint64 volatilityBatches() const { return m_volBatches; }
    qint64 correlationBatches() const { return m_corrBatches; }

private:
    void takeSample();
    void runVolatility(qint64 at, QList<FeedEvent> *out);
    void runCorrelation(qint64 at, QList<FeedEvent> *out);

    FeedModel m_model;
    AnalyticsConfig m_config;
    qint64 m_nextSample;
    qint64 m_nextVol;
    qint64 m_nextCorr;

    struct PairState
    {
        double lastMid = 0; // 0: no tick yet
        qint64 lastMicros = 0;
        double sampledMid = 0; // mid at the previous sample
        RollingVolatility returns;
        VolLevel reported = VolLevel::Normal;
    };
    QList<PairState> m_pairs;
    RollingCorrelation m_corr;
    QList<double> m_prevCorr; // correlation of the previous batch, NaN where undefined
    QList<double> m_lastCorr;
    QList<VolatilityReading> m_lastVol;
    qint64 m_lastVolMicros = 0;
    qint64 m_lastCorrMicros = 0;
    qint64 m_ticksSinceVol = 0;
    qint64 m_ticksSinceCorr = 0;
    qint64 m_ticksSinceSample = 0;
    bool m_sampled = false;
    qint64 m_volBatches = 0;
    qint64 m_corrBatches = 0;
};

} // namespace fx::feed
