// The simulated pipeline (src/feed): determinism, quotes, the analytics against a reference
// written here from the published ticks, the alert rules, batching, CSV replay parsing and the
// flags. No sockets.

#include "core/instruments.h"
#include "core/marketdata.h"
#include "core/timeutil.h"
#include "feed/feedanalytics.h"
#include "feed/feedbatcher.h"
#include "feed/feedmodel.h"
#include "feed/feedoptions.h"
#include "feed/feedsimulator.h"
#include "feed/gaussianrandom.h"
#include "feed/rollingcorrelation.h"
#include "feed/rollingvolatility.h"
#include "feed/tickcsv.h"
#include "protocol/payloadparser.h"

#include <QBuffer>
#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <cmath>

using namespace fx;
using namespace fx::feed;

namespace {

constexpr qint64 kStart = 1735689600LL * 1000000LL; // 2025-01-01T00:00:00Z
constexpr double kYear = 365.25 * 86400.0;

SimulatorConfig config(quint64 seed, double burstProbability = 0.0025)
{
    SimulatorConfig c;
    c.seed = seed;
    c.rate = 20;
    c.startMicros = kStart;
    c.timeScale = 60;
    c.burstProbability = burstProbability;
    return c;
}

QByteArray bytesOf(const FeedItem &item)
{
    if (const auto *t = std::get_if<FeedTick>(&item))
        return "P" + t->toJson();
    const FeedEvent &e = std::get<FeedEvent>(item);
    return QByteArray::number(int(e.channel)) + e.payload;
}

QList<FeedItem> run(FeedSimulator &sim, qint64 ticks)
{
    QList<FeedItem> items;
    while (sim.ticks() < ticks)
        sim.next(&items);
    return items;
}

int decimalsOf(const QString &s)
{
    const qsizetype dot = s.indexOf(u'.');
    return dot < 0 ? 0 : int(s.size() - dot - 1);
}

qint64 ticksOf(const QString &s, int decimals)
{
    QString digits = s;
    digits.remove(u'.');
    return digits.toLongLong() * qint64(std::llround(std::pow(10.0, decimals - decimalsOf(s))));
}

QJsonObject json(const QByteArray &payload)
{
    return QJsonDocument::fromJson(payload).object();
}

// --- The reference implementations: deliberately plain, sharing no code with src/feed. ---

double referenceStdev(const QList<double> &x)
{
    double mean = 0;
    for (double v : x)
        mean += v;
    mean /= double(x.size());
    double ss = 0;
    for (double v : x)
        ss += (v - mean) * (v - mean);
    return std::sqrt(ss / double(x.size() - 1));
}

double referencePearson(const QList<double> &x, const QList<double> &y)
{
    const double n = double(x.size());
    double mx = 0, my = 0;
    for (int i = 0; i < x.size(); ++i) {
        mx += x[i];
        my += y[i];
    }
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (int i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    if (sxx == 0 || syy == 0)
        return std::nan("");
    return sxy / std::sqrt(sxx * syy);
}

struct RefTick
{
    int pair;
    qint64 micros;
    double mid; // parsed from the published text
};

struct RefVol
{
    int returns = 0;
    double volatility = 0;
    double warning = 0;
    double critical = 0;
};

// Realised volatility of one pair from its published mids: the last `window` log returns,
// sample standard deviation, annualised with the mean market time per return.
std::optional<RefVol> referenceVolatility(const QList<RefTick> &ticks, int pair, const FeedModel &model,
                                          const AnalyticsConfig &cfg)
{
    QList<double> mids;
    QList<qint64> times;
    for (const RefTick &t : ticks) {
        if (t.pair == pair) {
            mids << t.mid;
            times << t.micros;
        }
    }
    QList<double> returns;
    double seconds = 0;
    const int first = std::max(1, int(mids.size()) - cfg.volWindow);
    for (int i = first; i < mids.size(); ++i) {
        returns << std::log(mids[i] / mids[i - 1]);
        seconds += double(times[i] - times[i - 1]) / 1e6 * cfg.timeScale;
    }
    const int minReturns = std::min(cfg.volWindow, 20);
    if (returns.size() < minReturns)
        return std::nullopt;
    const double meanDt = seconds / double(returns.size());
    RefVol r;
    r.returns = int(returns.size());
    r.volatility = referenceStdev(returns) * std::sqrt(kYear / meanDt);
    // Expected: the model's sigma, plus the variance rounding the bid to one tick adds to a
    // return: two independent uniform errors of +-tick/2 relative to the mid.
    const PairSpec &spec = model.pair(pair);
    const double tick = std::pow(10.0, -spec.decimals);
    const double noisePerReturn = 2.0 * (tick * tick / 12.0) / (mids.last() * mids.last());
    const double expected = std::sqrt(spec.sigma * spec.sigma + noisePerReturn * kYear / meanDt);
    r.warning = cfg.volWarning * expected;
    r.critical = cfg.volCritical * expected;
    return r;
}

// The correlation matrix at `at`: every pair's latest mid sampled at start + k * sample,
// returns between consecutive samples (0 when a pair had no price at either), Pearson over
// the last `window` rows.
QList<double> referenceCorrelation(const QList<RefTick> &ticks, int pairs, const AnalyticsConfig &cfg, qint64 at,
                                   int *rowsUsed)
{
    QList<QList<double>> rows;
    QList<double> latest(pairs, 0.0);
    QList<double> previous(pairs, 0.0);
    int next = 0;
    bool first = true;
    for (qint64 t = kStart; t <= at; t += cfg.corrSampleMicros) {
        while (next < ticks.size() && ticks[next].micros <= t) {
            latest[ticks[next].pair] = ticks[next].mid;
            ++next;
        }
        QList<double> row(pairs, 0.0);
        for (int p = 0; p < pairs; ++p)
            if (latest[p] > 0 && previous[p] > 0)
                row[p] = std::log(latest[p] / previous[p]);
        if (!first)
            rows << row;
        first = false;
        previous = latest;
    }
    const int from = std::max(0, int(rows.size()) - cfg.corrWindow);
    *rowsUsed = int(rows.size()) - from;
    QList<double> m(qsizetype(pairs) * pairs, std::nan(""));
    for (int a = 0; a < pairs; ++a) {
        for (int b = 0; b < pairs; ++b) {
            QList<double> x, y;
            for (int r = from; r < rows.size(); ++r) {
                x << rows[r][a];
                y << rows[r][b];
            }
            m[qsizetype(a) * pairs + b] = referencePearson(x, y);
        }
    }
    return m;
}

} // namespace

class TestFeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void gaussianRandom()
    {
        GaussianRandom a(7), b(7), c(8);
        double sum = 0, sumSq = 0;
        bool differs = false;
        const int n = 200000;
        for (int i = 0; i < n; ++i) {
            const double x = a.normal();
            QCOMPARE(x, b.normal());
            differs = differs || x != c.normal();
            sum += x;
            sumSq += x * x;
        }
        QVERIFY(differs);
        QVERIFY(std::fabs(sum / n) < 0.01);
        QVERIFY(std::fabs(sumSq / n - 1.0) < 0.015);
        for (int i = 0; i < 10000; ++i) {
            const double u = a.uniform();
            QVERIFY(u >= 0 && u < 1);
            const int k = a.uniformInt(15, 60);
            QVERIFY(k >= 15 && k <= 60);
        }
    }

    void sameSeedSameSequence()
    {
        FeedSimulator a(FeedModel(), config(42, 0.01));
        FeedSimulator b(FeedModel(), config(42, 0.01));
        const QList<FeedItem> x = run(a, 6000);
        const QList<FeedItem> y = run(b, 6000);
        QCOMPARE(x.size(), y.size());
        int events = 0;
        for (int i = 0; i < x.size(); ++i) {
            QCOMPARE(bytesOf(x[i]), bytesOf(y[i]));
            events += std::holds_alternative<FeedEvent>(x[i]) ? 1 : 0;
        }
        QVERIFY2(events > 10, "the comparison must cover analytics messages too");
    }

    void differentSeedsDiffer()
    {
        FeedSimulator a(FeedModel(), config(1));
        FeedSimulator b(FeedModel(), config(2));
        const QList<FeedItem> x = run(a, 40);
        const QList<FeedItem> y = run(b, 40);
        int differing = 0;
        for (int i = 0; i < 40; ++i)
            differing += bytesOf(x[i]) != bytesOf(y[i]) ? 1 : 0;
        QVERIFY(differing > 30); // tick 0 of each pair may coincide: both start at the same price
    }

    void tickClock()
    {
        SimulatorConfig c = config(3);
        c.rate = 3;
        FeedSimulator sim(FeedModel({QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")}), c);
        QList<FeedItem> items;
        for (int i = 0; i < 7; ++i)
            sim.next(&items);
        QList<qint64> times;
        QStringList pairs;
        for (const FeedItem &item : items) {
            if (const auto *t = std::get_if<FeedTick>(&item)) {
                times << t->timeMicros - kStart;
                pairs << t->instrument;
            }
        }
        QCOMPARE(times, (QList<qint64>{0, 333333, 666667, 1000000, 1333333, 1666667, 2000000}));
        QCOMPARE(pairs.mid(0, 3), (QStringList{"EUR_USD", "USD_JPY", "EUR_USD"}));
    }

    void quotes_data()
    {
        QTest::addColumn<QString>("pair");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<double>("startNear");
        QTest::addColumn<double>("maxSpreadPips");
        // Majors tight, crosses wider.
        QTest::newRow("EUR_USD") << "EUR_USD" << 5 << 1.085 << 1.5;
        QTest::newRow("GBP_USD") << "GBP_USD" << 5 << 1.27 << 2.0;
        QTest::newRow("USD_JPY") << "USD_JPY" << 3 << 150.0 << 1.5;
        QTest::newRow("USD_CHF") << "USD_CHF" << 5 << 0.88 << 2.0;
        QTest::newRow("EUR_GBP") << "EUR_GBP" << 5 << 0.854 << 2.0;
        QTest::newRow("GBP_JPY") << "GBP_JPY" << 3 << 190.5 << 4.0;
        QTest::newRow("AUD_NZD") << "AUD_NZD" << 5 << 1.082 << 4.0;
        QTest::newRow("GBP_AUD") << "GBP_AUD" << 5 << 1.924 << 5.0;
        QTest::newRow("CHF_JPY") << "CHF_JPY" << 3 << 170.45 << 4.0;
    }
    void quotes()
    {
        QFETCH(QString, pair);
        QFETCH(int, decimals);
        QFETCH(double, startNear);
        QFETCH(double, maxSpreadPips);
        const FeedModel model;
        const int index = model.indexOf(pair);
        QVERIFY(index >= 0);
        const PairSpec &spec = model.pair(index);
        QCOMPARE(spec.decimals, decimals);
        QCOMPARE(spec.pipSize, decimals == 3 ? 0.01 : 0.0001);
        QVERIFY(std::fabs(spec.startMid / startNear - 1) < 0.002);
        QVERIFY(spec.maxSpreadPips() <= maxSpreadPips);
        QVERIFY(spec.minSpreadPips() >= 0.5);

        // A long, bursty run (6000 updates of each pair).
        FeedSimulator sim(model, config(11, 0.02));
        QList<FeedItem> items;
        int seen = 0;
        double lowest = 1e300, highest = 0;
        while (sim.ticks() < 120000) {
            items.clear();
            sim.next(&items);
            const auto *t = std::get_if<FeedTick>(&items.first());
            QVERIFY(t);
            if (t->instrument != pair)
                continue;
            ++seen;
            QCOMPARE(decimalsOf(t->bid), decimals);
            QCOMPARE(decimalsOf(t->ask), decimals);
            QVERIFY(decimalsOf(t->mid) == decimals || decimalsOf(t->mid) == decimals + 1);
            QCOMPARE(t->mid, core::decimal::midpoint(t->bid, t->ask));
            const double bid = t->bid.toDouble();
            const double ask = t->ask.toDouble();
            QVERIFY(bid > 0);
            QVERIFY(bid < ask);
            const qint64 spreadTicks = ticksOf(t->ask, decimals) - ticksOf(t->bid, decimals);
            QVERIFY2(spreadTicks >= spec.minSpreadTicks && spreadTicks <= spec.maxSpreadTicks,
                     qPrintable(QStringLiteral("spread %1 ticks at %2").arg(spreadTicks).arg(t->timeText())));
            QVERIFY(std::fabs(t->midValue - t->mid.toDouble()) <= 1e-12 * t->midValue);
            lowest = std::min(lowest, bid);
            highest = std::max(highest, ask);
        }
        QCOMPARE(seen, 6000);
        // 6000 updates at 60 market seconds each is ~4 market days: moves of a few percent.
        QVERIFY(lowest > startNear * 0.8);
        QVERIFY(highest < startNear * 1.25);
    }

    void modelCorrelations()
    {
        const FeedModel model;
        const int eurusd = model.indexOf(u"EUR_USD");
        const int gbpusd = model.indexOf(u"GBP_USD");
        const int usdchf = model.indexOf(u"USD_CHF");
        const int audnzd = model.indexOf(u"AUD_NZD");
        const int usdjpy = model.indexOf(u"USD_JPY");
        QVERIFY(model.pairCorrelation(eurusd, gbpusd) > 0.6);
        QVERIFY(model.pairCorrelation(eurusd, usdchf) < -0.6);
        QVERIFY(model.pair(eurusd).sigma > 0.06 && model.pair(eurusd).sigma < 0.10);
        QVERIFY(model.pair(usdjpy).sigma > 0.08 && model.pair(usdjpy).sigma < 0.12);
        QVERIFY(model.pair(audnzd).sigma < 0.08);

        // The simulator's own correlation batches agree with the model, without bursts.
        SimulatorConfig c = config(5, 0);
        c.analyticsConfig.corrWindow = 200;
        FeedSimulator sim(model, c);
        run(sim, 20 * 1050);
        const FeedAnalytics *an = sim.analytics();
        QVERIFY(an->correlationBatches() > 0);
        qInfo("EUR_USD/GBP_USD %.3f (model %.3f), EUR_USD/USD_CHF %.3f (model %.3f)", an->correlation(eurusd, gbpusd),
              model.pairCorrelation(eurusd, gbpusd), an->correlation(eurusd, usdchf),
              model.pairCorrelation(eurusd, usdchf));
        QVERIFY(std::fabs(an->correlation(eurusd, gbpusd) - model.pairCorrelation(eurusd, gbpusd)) < 0.2);
        QVERIFY(std::fabs(an->correlation(eurusd, usdchf) - model.pairCorrelation(eurusd, usdchf)) < 0.2);
        QVERIFY(an->correlation(eurusd, gbpusd) > 0.5);
        QVERIFY(an->correlation(eurusd, usdchf) < -0.5);
    }

    void customPairs()
    {
        const FeedModel model({QStringLiteral("EUR_SEK"), QStringLiteral("USD_MXN"), QStringLiteral("XAU_XAG")});
        QCOMPARE(model.size(), 3);
        QVERIFY(std::fabs(model.pair(0).startMid - 1.085 / 0.095) < 0.01);
        QCOMPARE(model.pair(1).decimals, 5);
        QVERIFY(model.pair(2).startMid > 0);
        FeedSimulator sim(model, config(9));
        const QList<FeedItem> items = run(sim, 3000);
        QVERIFY(!items.isEmpty());
    }

    // The heart of it: every volatility and correlation batch, and every alert, against the
    // reference computed here from the very ticks the simulator published.
    void analyticsMatchReference()
    {
        const FeedModel model;
        SimulatorConfig c = config(2024, 0.01); // bursty enough for alerts of every kind
        FeedSimulator sim(model, c);
        const AnalyticsConfig cfg = sim.analytics()->config();
        QCOMPARE(cfg.timeScale, 60.0);

        QList<RefTick> ticks;
        QList<QJsonObject> volAlerts, corrAlerts;
        QList<int> reported(model.size(), 0); // 0 normal, 1 warning, 2 critical
        QList<double> previousCorr;
        int volBatches = 0, corrBatches = 0;
        int volAlertCount = 0, corrAlertCount = 0, criticalVol = 0, criticalCorr = 0;

        QList<FeedItem> items;
        while (sim.ticks() <= 20 * 600) { // ten minutes of feed time, and the batches at 600 s
            items.clear();
            sim.next(&items);
            for (const FeedItem &item : items) {
                if (const auto *t = std::get_if<FeedTick>(&item)) {
                    ticks << RefTick{t->index, t->timeMicros, t->mid.toDouble()};
                    continue;
                }
                const FeedEvent &e = std::get<FeedEvent>(item);
                const QJsonObject o = json(e.payload);
                QVERIFY(!o.isEmpty());
                if (e.channel == protocol::ChannelKind::Volatility) {
                    volAlerts << o;
                    continue;
                }
                if (e.channel == protocol::ChannelKind::Correlation) {
                    corrAlerts << o;
                    continue;
                }
                QCOMPARE(e.channel, protocol::ChannelKind::DataReady);
                qint64 at = 0;
                QVERIFY(core::parseIsoTimestamp(o.value("timestamp").toString(), &at));
                const QString type = o.value("data_type").toString();
                if (type == u"volatility") {
                    ++volBatches;
                    QCOMPARE(at, sim.analytics()->lastVolatilityMicros());
                    QCOMPARE((at - kStart) % cfg.volIntervalMicros, 0);
                    QMap<QString, QJsonObject> alertsByPair;
                    for (const QJsonObject &a : volAlerts)
                        alertsByPair.insert(a.value("instrument").toString(), a);
                    volAlerts.clear();
                    QMap<int, VolatilityReading> readings;
                    for (const VolatilityReading &r : sim.analytics()->lastVolatility())
                        readings.insert(r.index, r);
                    QStringList instruments;
                    for (int p = 0; p < model.size(); ++p) {
                        const auto ref = referenceVolatility(ticks, p, model, cfg);
                        QCOMPARE(readings.contains(p), ref.has_value());
                        if (!ref)
                            continue;
                        instruments << model.pair(p).name;
                        const VolatilityReading &r = readings[p];
                        QCOMPARE(r.returns, ref->returns);
                        QVERIFY2(std::fabs(r.volatility / ref->volatility - 1) < 1e-9,
                                 qPrintable(QStringLiteral("%1: %2 vs %3")
                                                .arg(model.pair(p).name)
                                                .arg(r.volatility)
                                                .arg(ref->volatility)));
                        QVERIFY(std::fabs(r.warning / ref->warning - 1) < 1e-9);
                        QVERIFY(std::fabs(r.critical / ref->critical - 1) < 1e-9);
                        // The rule: alert when the level rises above the last reported one.
                        const int level = ref->volatility >= ref->critical ? 2
                            : ref->volatility >= ref->warning              ? 1
                                                                           : 0;
                        const bool borderline = std::fabs(ref->volatility - ref->warning) < 1e-12
                            || std::fabs(ref->volatility - ref->critical) < 1e-12;
                        if (borderline)
                            QSKIP("a volatility equal to its threshold within rounding: pick another seed");
                        const bool expectAlert = level > reported[p];
                        reported[p] = level;
                        QCOMPARE(alertsByPair.contains(model.pair(p).name), expectAlert);
                        if (!expectAlert)
                            continue;
                        const QJsonObject a = alertsByPair.take(model.pair(p).name);
                        ++volAlertCount;
                        QCOMPARE(a.value("severity").toString(),
                                 level == 2 ? QStringLiteral("critical") : QStringLiteral("warning"));
                        criticalVol += level == 2 ? 1 : 0;
                        QVERIFY(std::fabs(a.value("volatility").toDouble() - ref->volatility) <= 1e-6);
                        QVERIFY(std::fabs(a.value("threshold").toDouble() - (level == 2 ? ref->critical : ref->warning))
                                <= 1e-6);
                        QCOMPARE(a.value("timestamp").toString(), o.value("timestamp").toString());
                        QVERIFY(!a.value("message").toString().isEmpty());
                    }
                    QVERIFY(alertsByPair.isEmpty());
                    QStringList published;
                    for (const QJsonValue v : o.value("instruments").toArray())
                        published << v.toString();
                    QCOMPARE(published, instruments);
                } else if (type == u"correlation") {
                    ++corrBatches;
                    QCOMPARE(at, sim.analytics()->lastCorrelationMicros());
                    QCOMPARE((at - kStart) % cfg.corrIntervalMicros, 0);
                    int rowsUsed = 0;
                    const QList<double> ref = referenceCorrelation(ticks, model.size(), cfg, at, &rowsUsed);
                    QVERIFY(rowsUsed >= std::min(cfg.corrWindow, 20));
                    const QList<double> &got = sim.analytics()->lastCorrelation();
                    QSet<QString> expected;
                    const int n = model.size();
                    for (int a = 0; a < n; ++a) {
                        for (int b = a + 1; b < n; ++b) {
                            const double r = ref[a * n + b];
                            const double g = got[a * n + b];
                            QCOMPARE(std::isfinite(g), std::isfinite(r));
                            if (!std::isfinite(r))
                                continue;
                            QVERIFY2(std::fabs(g - r) < 1e-9,
                                     qPrintable(QStringLiteral("%1/%2: %3 vs %4")
                                                    .arg(model.pair(a).name, model.pair(b).name)
                                                    .arg(g)
                                                    .arg(r)));
                            if (previousCorr.isEmpty() || !std::isfinite(previousCorr[a * n + b]))
                                continue;
                            const double change = r - previousCorr[a * n + b];
                            if (std::fabs(std::fabs(change) - cfg.corrThreshold) < 1e-9
                                || std::fabs(std::fabs(change) - 2 * cfg.corrThreshold) < 1e-9)
                                QSKIP("a change equal to the threshold within rounding: pick another seed");
                            if (std::fabs(change) > cfg.corrThreshold)
                                expected.insert(
                                    model.pair(a).name + u'/' + model.pair(b).name
                                    + (std::fabs(change) >= 2 * cfg.corrThreshold ? QStringLiteral("!") : QString()));
                        }
                    }
                    QSet<QString> published;
                    for (const QJsonObject &a : corrAlerts) {
                        const QJsonArray pair = a.value("instruments").toArray();
                        QCOMPARE(pair.size(), 2);
                        const bool critical = a.value("severity").toString() == u"critical";
                        published.insert(pair[0].toString() + u'/' + pair[1].toString()
                                         + (critical ? QStringLiteral("!") : QString()));
                        criticalCorr += critical ? 1 : 0;
                        const double change = a.value("change").toDouble();
                        QVERIFY(std::fabs(
                                    change
                                    - (a.value("correlation").toDouble() - a.value("previous_correlation").toDouble()))
                                < 2e-4);
                        QCOMPARE(a.value("threshold").toDouble(), cfg.corrThreshold);
                        QCOMPARE(a.value("timestamp").toString(), o.value("timestamp").toString());
                    }
                    corrAlertCount += int(corrAlerts.size());
                    QCOMPARE(published, expected);
                    corrAlerts.clear();
                    previousCorr = ref;
                } else {
                    QFAIL(qPrintable(QStringLiteral("unexpected data_type %1").arg(type)));
                }
            }
        }
        qInfo("%d volatility batches, %d correlation batches, %d/%d volatility alerts (critical), %d/%d correlation "
              "alerts",
              volBatches, corrBatches, volAlertCount, criticalVol, corrAlertCount, criticalCorr);
        QVERIFY(volBatches >= 110);
        QCOMPARE(corrBatches, 17); // every 30 s from 120 s, when the window holds 20 samples of 5 s
        // The run must exercise both rules, both severities of volatility.
        QVERIFY(volAlertCount > 0);
        QVERIFY(criticalVol > 0);
        QVERIFY(criticalVol < volAlertCount);
        QVERIFY(corrAlertCount > 0);
    }

    void alertRules_data()
    {
        QTest::addColumn<double>("volatility");
        QTest::addColumn<int>("reported");
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("alert");
        // warning 0.12, critical 0.20
        QTest::newRow("calm") << 0.10 << 0 << 0 << false;
        QTest::newRow("at warning") << 0.12 << 0 << 1 << true;
        QTest::newRow("above warning") << 0.15 << 0 << 1 << true;
        QTest::newRow("still warning") << 0.15 << 1 << 1 << false;
        QTest::newRow("warning to critical") << 0.25 << 1 << 2 << true;
        QTest::newRow("straight to critical") << 0.25 << 0 << 2 << true;
        QTest::newRow("still critical") << 0.30 << 2 << 2 << false;
        QTest::newRow("critical eases to warning") << 0.15 << 2 << 1 << false;
        QTest::newRow("back to calm") << 0.05 << 1 << 0 << false;
    }
    void alertRules()
    {
        QFETCH(double, volatility);
        QFETCH(int, reported);
        QFETCH(int, level);
        QFETCH(bool, alert);
        const VolLevel l = FeedAnalytics::levelFor(volatility, 0.12, 0.20);
        QCOMPARE(int(l), level);
        QCOMPARE(FeedAnalytics::volatilityAlertDue(VolLevel(reported), l), alert);
    }

    void correlationRule_data()
    {
        QTest::addColumn<double>("change");
        QTest::addColumn<int>("severity"); // -1 none
        QTest::newRow("small") << 0.1 << -1;
        QTest::newRow("equal is not more") << 0.25 << -1;
        QTest::newRow("above") << 0.26 << int(core::Severity::Warning);
        QTest::newRow("falling") << -0.3 << int(core::Severity::Warning);
        QTest::newRow("double") << 0.5 << int(core::Severity::Critical);
        QTest::newRow("sign flip") << -1.4 << int(core::Severity::Critical);
    }
    void correlationRule()
    {
        QFETCH(double, change);
        QFETCH(int, severity);
        const auto s = FeedAnalytics::correlationSeverity(change, 0.25);
        QCOMPARE(s ? int(*s) : -1, severity);
    }

    void expectedVolatilityFloor()
    {
        // The model's sigma when returns span long market times; the rounding floor when short.
        QVERIFY(std::fabs(FeedAnalytics::expectedVolatility(0.08, 1e-5, 1.08, 60) / 0.08 - 1) < 0.01);
        QVERIFY(FeedAnalytics::expectedVolatility(0.08, 1e-5, 1.08, 0.001) > 0.5);
    }

    void rollingVolatility()
    {
        RollingVolatility v(4);
        QCOMPARE(v.count(), 0);
        QCOMPARE(v.stdev(), 0.0);
        for (double r : {5.0, 0.01, -0.01, 0.02, 0.0})
            v.add(r, 2.0); // the 5.0 falls out of the window
        QCOMPARE(v.count(), 4);
        QVERIFY(std::fabs(v.stdev() - referenceStdev({0.01, -0.01, 0.02, 0.0})) < 1e-15);
        QCOMPARE(v.meanInterval(), 2.0);
        QVERIFY(std::fabs(v.annualised() - v.stdev() * std::sqrt(kYear / 2.0)) < 1e-12);
        v.clear();
        QCOMPARE(v.count(), 0);
    }

    void rollingCorrelation()
    {
        RollingCorrelation c(4, 5);
        for (int i = 0; i < 8; ++i) {
            const double x = std::sin(i * 1.7);
            c.addRow({x, -2 * x, 3 * x + 1, 0.0});
        }
        QCOMPARE(c.rows(), 5);
        const QList<double> m = c.matrix();
        QVERIFY(std::fabs(m[0 * 4 + 1] + 1) < 1e-12);
        QVERIFY(std::fabs(m[0 * 4 + 2] - 1) < 1e-12);
        QVERIFY(std::isnan(m[0 * 4 + 3])); // a series that never moves has no correlation
        QCOMPARE(m[1 * 4 + 0], m[0 * 4 + 1]);
        RollingCorrelation few(2, 10);
        few.addRow({1, 2});
        few.addRow({2, 1});
        QVERIFY(std::isnan(few.matrix()[1]));
    }

    // Every message the simulator produces, single and batched, passes the server's own
    // validator with nothing dropped, and the price text survives unchanged.
    void everyMessageParses_data()
    {
        QTest::addColumn<int>("batch");
        QTest::newRow("one object per message") << 0;
        QTest::newRow("arrays of 1") << 1;
        QTest::newRow("arrays of 7") << 7;
        QTest::newRow("arrays of 500") << 500;
    }
    void everyMessageParses()
    {
        QFETCH(int, batch);
        const FeedModel model;
        const protocol::PayloadParser parser{core::InstrumentSet(core::InstrumentSet::defaultPairs())};
        FeedSimulator sim(model, config(77, 0.02));
        FeedBatcher batcher(batch);
        QList<FeedMessage> messages;
        QList<FeedItem> items;
        QList<FeedTick> published;
        while (sim.ticks() < 20 * 200) {
            sim.next(&items);
        }
        for (const FeedItem &item : items) {
            if (const auto *t = std::get_if<FeedTick>(&item))
                published << *t;
            batcher.add(item, &messages);
        }
        batcher.flush(&messages);
        int prices = 0, kinds[protocol::kChannelKindCount] = {};
        for (const FeedMessage &m : messages) {
            const protocol::ParseResult r = parser.parse(m.channel, m.payload, core::nowMicros());
            const QString dropped = r.drops.isEmpty()
                ? QString()
                : r.drops.first().detail + QStringLiteral(": ") + QString::fromUtf8(m.payload.left(300));
            QVERIFY2(r.drops.isEmpty(), qPrintable(dropped));
            QCOMPARE(r.events.size(), qsizetype(m.channel == protocol::ChannelKind::Prices ? m.ticks : 1));
            if (batch > 0 && m.channel == protocol::ChannelKind::Prices) {
                QVERIFY(m.payload.startsWith('['));
                QVERIFY(m.ticks <= batch);
            }
            ++kinds[int(m.channel)];
            for (const core::MarketEvent &e : r.events) {
                if (const auto *p = std::get_if<core::PriceTick>(&e)) {
                    const FeedTick &t = published.at(prices++);
                    QCOMPARE(p->instrument, t.instrument);
                    QCOMPARE(p->quote.bid, t.bid);
                    QCOMPARE(p->quote.ask, t.ask);
                    QCOMPARE(p->quote.mid, t.mid);
                    QCOMPARE(p->timeMicros, t.timeMicros);
                }
            }
        }
        QCOMPARE(prices, int(published.size()));
        QVERIFY(kinds[int(protocol::ChannelKind::Volatility)] > 0);
        QVERIFY(kinds[int(protocol::ChannelKind::Correlation)] > 0);
        QVERIFY(kinds[int(protocol::ChannelKind::DataReady)] > 0);
    }

    void tickJson()
    {
        FeedTick t;
        t.instrument = QStringLiteral("EUR_USD");
        t.bid = QStringLiteral("1.08412");
        t.ask = QStringLiteral("1.08421");
        t.mid = QStringLiteral("1.084165");
        t.timeMicros = 1763469296789123LL;
        QCOMPARE(t.toJson(),
                 QByteArray(R"({"instrument":"EUR_USD","price":{"bid":"1.08412","ask":"1.08421",)"
                            R"("mid":"1.084165","time":"2025-11-18T12:34:56.789123Z"}})"));
    }

    void formatTicks_data()
    {
        QTest::addColumn<qint64>("ticks");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("eurusd") << qint64(108412) << 5 << "1.08412";
        QTest::newRow("jpy") << qint64(150003) << 3 << "150.003";
        QTest::newRow("below one") << qint64(85430) << 5 << "0.85430";
        QTest::newRow("tiny") << qint64(7) << 5 << "0.00007";
        QTest::newRow("no decimals") << qint64(42) << 0 << "42";
    }
    void formatTicks()
    {
        QFETCH(qint64, ticks);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(feed::formatTicks(ticks, decimals), text);
    }

    void batcherOrder()
    {
        FeedBatcher b(3);
        QList<FeedMessage> out;
        FeedTick t;
        t.instrument = QStringLiteral("EUR_USD");
        t.bid = t.ask = t.mid = QStringLiteral("1.00000");
        for (int i = 0; i < 4; ++i)
            b.add(t, &out);
        QCOMPARE(out.size(), 1);
        QCOMPARE(out[0].ticks, 3);
        b.add(FeedEvent{protocol::ChannelKind::DataReady, "{}"}, &out); // flushes the pending tick first
        QCOMPARE(out.size(), 3);
        QCOMPARE(out[1].ticks, 1);
        QCOMPARE(out[2].channel, protocol::ChannelKind::DataReady);
        b.flush(&out);
        QCOMPARE(out.size(), 3);
    }

    void csvLine_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::addColumn<QString>("mid");
        const QString h = QStringLiteral("time,instrument,bid,ask");
        const QString hm = QStringLiteral("time,instrument,bid,ask,mid");
        QTest::newRow("good") << h << "2025-11-18T12:34:56.789123Z,EUR_USD,1.08412,1.08421"
                              << ""
                              << "1.084165";
        QTest::newRow("spaces, quotes, lower case") << h << " 2025-11-18T12:34:56Z , \"eur/usd\" ,1.08412, 1.08421 "
                                                    << ""
                                                    << "1.084165";
        QTest::newRow("with mid") << hm << "2025-11-18T12:34:56Z,USD_JPY,150.001,150.011,150.006"
                                  << ""
                                  << "150.006";
        QTest::newRow("empty mid") << hm << "2025-11-18T12:34:56Z,USD_JPY,150.001,150.011,"
                                   << ""
                                   << "150.006";
        QTest::newRow("reordered") << "Instrument,BID,ASK,TIME,source"
                                   << "GBP_USD,1.27,1.2701,2025-11-18T12:34:56+01:00,x"
                                   << ""
                                   << "1.27005";
        QTest::newRow("bid above ask") << h << "2025-11-18T12:34:56Z,EUR_USD,1.1,1.0"
                                       << "above ask"
                                       << "";
        QTest::newRow("bad time") << h << "yesterday,EUR_USD,1.0,1.1"
                                  << "time"
                                  << "";
        QTest::newRow("unknown pair") << h << "2025-11-18T12:34:56Z,EUR_XXX,1.0,1.1"
                                      << "not a configured pair"
                                      << "";
        QTest::newRow("negative") << h << "2025-11-18T12:34:56Z,EUR_USD,-1.0,1.1"
                                  << "bid"
                                  << "";
        QTest::newRow("exponent") << h << "2025-11-18T12:34:56Z,EUR_USD,1e0,1.1"
                                  << "bid"
                                  << "";
        QTest::newRow("not a number") << h << "2025-11-18T12:34:56Z,EUR_USD,1.0,abc"
                                      << "ask"
                                      << "";
        QTest::newRow("zero") << h << "2025-11-18T12:34:56Z,EUR_USD,0,1.1"
                              << "bid"
                              << "";
        QTest::newRow("nan") << h << "2025-11-18T12:34:56Z,EUR_USD,nan,1.1"
                             << "bid"
                             << "";
        QTest::newRow("too few fields") << h << "2025-11-18T12:34:56Z,EUR_USD,1.0"
                                        << "expected 4 fields, got 3"
                                        << "";
        QTest::newRow("too many fields") << h << "2025-11-18T12:34:56Z,EUR_USD,1.0,1.1,1.05"
                                         << "expected 4 fields, got 5"
                                         << "";
        QTest::newRow("mid outside") << hm << "2025-11-18T12:34:56Z,EUR_USD,1.0,1.1,1.2"
                                     << "outside"
                                     << "";
    }
    void csvLine()
    {
        QFETCH(QString, header);
        QFETCH(QString, line);
        QFETCH(QString, error);
        QFETCH(QString, mid);
        TickCsv csv{core::InstrumentSet()};
        QString why;
        QVERIFY2(csv.readHeader(header, &why), qPrintable(why));
        const auto tick = csv.parseLine(line, &why);
        if (error.isEmpty()) {
            QVERIFY2(tick, qPrintable(why));
            QCOMPARE(tick->mid, mid);
            QVERIFY(tick->index >= 0);
            QVERIFY(core::InstrumentSet::isWellFormed(tick->instrument));
        } else {
            QVERIFY(!tick);
            QVERIFY2(why.contains(error), qPrintable(why));
        }
    }

    void csvHeader_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("error");
        QTest::newRow("minimal") << "time,instrument,bid,ask"
                                 << "";
        QTest::newRow("bom") << QString(QChar(0xFEFF)) + QStringLiteral("time,instrument,bid,ask") << "";
        QTest::newRow("missing ask") << "time,instrument,bid"
                                     << "missing: ask";
        QTest::newRow("data instead of header") << "2025-11-18T12:34:56Z,EUR_USD,1.0,1.1"
                                                << "missing: time, instrument, bid, ask";
        QTest::newRow("twice") << "time,instrument,bid,ask,bid"
                               << "twice";
    }
    void csvHeader()
    {
        QFETCH(QString, header);
        QFETCH(QString, error);
        TickCsv csv{core::InstrumentSet()};
        QString why;
        QCOMPARE(csv.readHeader(header, &why), error.isEmpty());
        QVERIFY2(why.contains(error), qPrintable(why));
    }

    void csvReader()
    {
        QByteArray file = "# recorded by hand\n"
                          "\n"
                          "time,instrument,bid,ask\r\n"
                          "2025-11-18T12:00:00Z,EUR_USD,1.08412,1.08421\r\n"
                          "2025-11-18T12:00:01Z,EUR_USD,1.09,1.08\n"
                          "\n"
                          "# a comment between ticks\n"
                          "garbage\n"
                          "2025-11-18T12:00:02Z,USD_JPY,150.001,150.011\n";
        file += "2025-11-18T12:00:03Z,EUR_USD," + QByteArray(TickCsvReader::kMaxLineLength + 10, '1') + ",1.1\n";
        file += "2025-11-18T12:00:04Z,GBP_USD,1.27,1.2701"; // no final newline
        QBuffer buffer(&file);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        TickCsvReader reader(&buffer, QStringLiteral("ticks.csv"), core::InstrumentSet());
        QString error;
        QVERIFY2(reader.readHeader(&error), qPrintable(error));
        QStringList seen;
        for (;;) {
            const TickCsvReader::Result r = reader.next();
            if (r.status == TickCsvReader::Status::End)
                break;
            if (r.status == TickCsvReader::Status::Tick)
                seen << QStringLiteral("%1 %2").arg(r.line).arg(r.tick.instrument);
            else
                seen << r.error.section(u' ', 0, 0);
        }
        QCOMPARE(
            seen,
            (QStringList{"4 EUR_USD", "ticks.csv:5:", "ticks.csv:8:", "9 USD_JPY", "ticks.csv:10:", "11 GBP_USD"}));
        QCOMPARE(reader.goodLines(), 3);
        QCOMPARE(reader.badLines(), 3);

        QByteArray empty = "# nothing\n\n";
        QBuffer none(&empty);
        QVERIFY(none.open(QIODevice::ReadOnly));
        TickCsvReader noHeader(&none, QStringLiteral("empty.csv"), core::InstrumentSet());
        QVERIFY(!noHeader.readHeader(&error));
        QVERIFY2(error.startsWith(u"empty.csv: no header"), qPrintable(error));

        QByteArray wrong = "when,pair,bid,ask\n";
        QBuffer wrongBuffer(&wrong);
        QVERIFY(wrongBuffer.open(QIODevice::ReadOnly));
        TickCsvReader wrongHeader(&wrongBuffer, QStringLiteral("w.csv"), core::InstrumentSet());
        QVERIFY(!wrongHeader.readHeader(&error));
        QVERIFY2(error.startsWith(u"w.csv:1: header"), qPrintable(error));
    }

    // Replayed ticks drive the analytics on their recorded clock: irregular intervals are
    // annualised with the mean market time per return.
    void analyticsOnIrregularTicks()
    {
        const FeedModel model({QStringLiteral("EUR_USD")});
        AnalyticsConfig cfg;
        cfg.volWindow = 4;
        cfg.volIntervalMicros = 10'000'000;
        cfg.timeScale = 1;
        FeedAnalytics an(model, cfg, kStart);
        QList<FeedEvent> out;
        const QList<qint64> offsets{0, 1'000'000, 3'000'000, 4'000'000, 7'000'000, 9'000'000};
        const QList<double> mids{1.0, 1.01, 1.0, 1.02, 1.0, 1.01};
        for (int i = 0; i < offsets.size(); ++i) {
            an.advanceTo(kStart + offsets[i], &out);
            an.addTick(0, kStart + offsets[i], mids[i]);
        }
        QVERIFY(out.isEmpty());
        an.advanceTo(kStart + 10'000'001, &out); // the batch at 10 s
        QCOMPARE(an.lastVolatility().size(), 1);
        QList<double> returns;
        for (int i = 2; i < mids.size(); ++i)
            returns << std::log(mids[i] / mids[i - 1]);
        const double meanDt = (9.0 - 1.0) / 4.0;
        const double expected = referenceStdev(returns) * std::sqrt(kYear / meanDt);
        QVERIFY(std::fabs(an.lastVolatility().first().volatility / expected - 1) < 1e-12);
        // Such a wild series is far above any threshold: one critical alert, then data_ready.
        QCOMPARE(out.size(), 2);
        QCOMPARE(out[0].channel, protocol::ChannelKind::Volatility);
        QCOMPARE(json(out[0].payload).value("severity").toString(), QStringLiteral("critical"));
        QCOMPARE(out[1].channel, protocol::ChannelKind::DataReady);
        // A long silence runs no further batch: nothing new to report.
        out.clear();
        an.advanceTo(kStart + 3600'000'000LL, &out);
        QVERIFY(out.isEmpty());
        QCOMPARE(an.volatilityBatches(), 1);
    }

    void options_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::newRow("defaults") << QStringList{} << "";
        QTest::newRow("everything") << QStringList{"--rate",
                                                   "500",
                                                   "--batch",
                                                   "10",
                                                   "--seed",
                                                   "18446744073709551615",
                                                   "--start-time",
                                                   "2025-11-18T12:00:00Z",
                                                   "--dry-run",
                                                   "5",
                                                   "--vol-window",
                                                   "30",
                                                   "--vol-interval",
                                                   "0.5",
                                                   "--vol-warning",
                                                   "2",
                                                   "--vol-critical",
                                                   "3",
                                                   "--corr-interval",
                                                   "10",
                                                   "--corr-window",
                                                   "60",
                                                   "--corr-sample",
                                                   "0.25",
                                                   "--corr-threshold",
                                                   "0.3",
                                                   "--time-scale",
                                                   "1",
                                                   "--burst-probability",
                                                   "0",
                                                   "--no-cache"}
                                    << "";
        QTest::newRow("replay") << QStringList{"--replay", "x.csv", "--speed", "0"} << "";
        QTest::newRow("rate zero") << QStringList{"--rate", "0"} << "--rate must be a number >= 0.001 and <= 1000000";
        QTest::newRow("rate negative") << QStringList{"--rate", "-5"} << "--rate";
        QTest::newRow("rate too high") << QStringList{"--rate", "1000001"} << "--rate";
        QTest::newRow("rate text") << QStringList{"--rate", "fast"} << "--rate";
        QTest::newRow("rate inf") << QStringList{"--rate", "inf"} << "--rate";
        QTest::newRow("rate at the limit") << QStringList{"--rate", "1000000"} << "";
        QTest::newRow("slowest rate") << QStringList{"--rate", "0.001"} << "";
        QTest::newRow("batch zero") << QStringList{"--batch", "0"} << "--batch";
        QTest::newRow("batch too large") << QStringList{"--batch", "10001"} << "--batch";
        QTest::newRow("seed negative") << QStringList{"--seed", "-1"} << "--seed";
        QTest::newRow("start-time") << QStringList{"--start-time", "noon"} << "--start-time";
        QTest::newRow("dry-run zero") << QStringList{"--dry-run", "0"} << "--dry-run";
        QTest::newRow("vol-window one") << QStringList{"--vol-window", "1"} << "--vol-window";
        QTest::newRow("vol-interval zero") << QStringList{"--vol-interval", "0"} << "--vol-interval";
        QTest::newRow("critical below warning") << QStringList{"--vol-critical", "1.2"} << "--vol-critical";
        QTest::newRow("warning above critical") << QStringList{"--vol-warning", "3"} << "--vol-warning";
        QTest::newRow("corr-threshold") << QStringList{"--corr-threshold", "0"} << "--corr-threshold";
        QTest::newRow("corr-window") << QStringList{"--corr-window", "2"} << "--corr-window";
        QTest::newRow("burst-probability") << QStringList{"--burst-probability", "1.5"} << "--burst-probability";
        QTest::newRow("speed without replay") << QStringList{"--speed", "2"} << "--speed";
        QTest::newRow("speed negative") << QStringList{"--replay", "x.csv", "--speed", "-1"} << "--speed";
        QTest::newRow("rate with replay") << QStringList{"--replay", "x.csv", "--rate", "5"} << "--rate does not apply";
    }
    void options()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, error);
        QCommandLineParser parser;
        FeedOptions::addTo(parser);
        QVERIFY(parser.parse(QStringList{"fxmonitor-feed"} + args));
        QString why;
        const auto o = FeedOptions::fromParser(parser, &why);
        if (error.isEmpty()) {
            QVERIFY2(o, qPrintable(why));
            QVERIFY(why.isEmpty());
        } else {
            QVERIFY(!o);
            QVERIFY2(why.startsWith(error), qPrintable(why));
            QVERIFY(!why.contains(u'\n'));
        }
    }

    void optionValues()
    {
        QCommandLineParser parser;
        FeedOptions::addTo(parser);
        QVERIFY(parser.parse({"x", "--vol-interval", "0.5", "--corr-sample", "0.25", "--seed", "9", "--start-time",
                              "2025-11-18T12:00:00Z", "--no-analytics"}));
        QString why;
        const auto o = FeedOptions::fromParser(parser, &why);
        QVERIFY(o);
        QCOMPARE(o->analyticsConfig.volIntervalMicros, qint64(500000));
        QCOMPARE(o->analyticsConfig.corrSampleMicros, qint64(250000));
        QCOMPARE(*o->seed, quint64(9));
        QCOMPARE(core::isoTimestamp(*o->startMicros), QStringLiteral("2025-11-18T12:00:00.000000Z"));
        QVERIFY(!o->analytics);
        QCOMPARE(o->rate, 20.0);
        QCOMPARE(o->batch, 0);
    }
};

QTEST_APPLESS_MAIN(TestFeed)
#include "tst_feed.moc"
