#include "feed/feedanalytics.h"

#include "core/timeutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fx::feed {

namespace {

// Published numbers are rounded so that messages stay short and readable; the rules use the
// unrounded values.
double rounded(double v, double scale)
{
    const double r = std::round(v * scale) / scale;
    return r == 0 ? 0.0 : r; // no "-0" on the wire
}

QString percent(double v)
{
    return QString::number(v * 100, 'f', 2) + u'%';
}

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// First grid point (from + k * step, k >= 0) at or after `limit`.
qint64 firstAtOrAfter(qint64 from, qint64 step, qint64 limit)
{
    if (from >= limit)
        return from;
    return from + ((limit - from + step - 1) / step) * step;
}

} // namespace

FeedAnalytics::FeedAnalytics(FeedModel model, AnalyticsConfig config, qint64 startMicros)
    : m_model(std::move(model))
    , m_config(config)
    , m_nextSample(startMicros)
    , m_nextVol(startMicros + config.volIntervalMicros)
    , m_nextCorr(startMicros + config.corrIntervalMicros)
    , m_corr(m_model.size(), config.corrWindow)
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    m_pairs.reserve(m_model.size());
    for (int i = 0; i < m_model.size(); ++i) {
        PairState st;
        st.returns = RollingVolatility(m_config.volWindow);
        m_pairs.append(st);
    }
    m_prevCorr = QList<double>(qsizetype(m_model.size()) * m_model.size(), nan);
    m_lastCorr = m_prevCorr;
}

VolLevel FeedAnalytics::levelFor(double volatility, double warning, double critical)
{
    if (volatility >= critical)
        return VolLevel::Critical;
    if (volatility >= warning)
        return VolLevel::Warning;
    return VolLevel::Normal;
}

std::optional<core::Severity> FeedAnalytics::correlationSeverity(double change, double threshold)
{
    const double a = std::fabs(change);
    if (a >= 2 * threshold)
        return core::Severity::Critical;
    if (a > threshold)
        return core::Severity::Warning;
    return std::nullopt;
}

double FeedAnalytics::expectedVolatility(double sigma, double tick, double mid, double meanIntervalSeconds)
{
    if (!(mid > 0) || !(meanIntervalSeconds > 0))
        return sigma;
    const double noise = tick * tick / (6.0 * mid * mid);
    return std::sqrt(sigma * sigma + noise * RollingVolatility::kSecondsPerYear / meanIntervalSeconds);
}

void FeedAnalytics::addTick(int index, qint64 micros, double mid)
{
    if (index < 0 || index >= m_pairs.size() || !(mid > 0) || !std::isfinite(mid))
        return;
    PairState &st = m_pairs[index];
    if (st.lastMid > 0) {
        // Ticks out of order (a replay) count as no time passing.
        const double seconds = double(std::max<qint64>(0, micros - st.lastMicros)) / 1e6 * m_config.timeScale;
        st.returns.add(std::log(mid / st.lastMid), seconds);
    }
    st.lastMid = mid;
    st.lastMicros = std::max(micros, st.lastMicros);
    ++m_ticksSinceVol;
    ++m_ticksSinceCorr;
    ++m_ticksSinceSample;
}

void FeedAnalytics::advanceTo(qint64 beforeMicros, QList<FeedEvent> *out)
{
    for (;;) {
        const qint64 t = std::min({m_nextSample, m_nextVol, m_nextCorr});
        if (t >= beforeMicros)
            return;
        // Equal times: sample, then volatility, then correlation (which uses that sample).
        if (m_nextSample == t) {
            const qint64 step = m_config.corrSampleMicros;
            const qint64 due = (beforeMicros - 1 - m_nextSample) / step + 1;
            if (m_ticksSinceSample == 0 && due > m_config.corrWindow + 1) {
                // A long gap with no ticks (a replay): its samples would be rows of zeros that
                // fill the whole window, so only the last window + 1 of them are taken.
                m_nextSample += (due - (m_config.corrWindow + 1)) * step;
                continue;
            }
            takeSample();
            m_nextSample += step;
        } else if (m_nextVol == t) {
            if (m_ticksSinceVol > 0)
                runVolatility(t, out);
            m_ticksSinceVol = 0;
            // Until the next tick nothing changes: later grid points before it would repeat
            // this batch, so they are skipped.
            m_nextVol = firstAtOrAfter(t + m_config.volIntervalMicros, m_config.volIntervalMicros, beforeMicros);
        } else {
            if (m_ticksSinceCorr > 0)
                runCorrelation(t, out);
            m_ticksSinceCorr = 0;
            m_nextCorr = firstAtOrAfter(t + m_config.corrIntervalMicros, m_config.corrIntervalMicros, beforeMicros);
        }
    }
}

void FeedAnalytics::takeSample()
{
    QList<double> row(m_pairs.size(), 0.0);
    for (int p = 0; p < m_pairs.size(); ++p) {
        PairState &st = m_pairs[p];
        if (st.lastMid > 0 && st.sampledMid > 0)
            row[p] = std::log(st.lastMid / st.sampledMid);
        if (st.lastMid > 0)
            st.sampledMid = st.lastMid;
    }
    // The first sample only records where the prices start: a row needs two samples.
    if (m_sampled)
        m_corr.addRow(row);
    m_sampled = true;
    m_ticksSinceSample = 0;
}

void FeedAnalytics::runVolatility(qint64 at, QList<FeedEvent> *out)
{
    const QString timestamp = core::isoTimestamp(at);
    QList<VolatilityReading> readings;
    QStringList instruments;
    int alerts = 0;
    for (int p = 0; p < m_pairs.size(); ++p) {
        PairState &st = m_pairs[p];
        if (st.returns.count() < m_config.volMinReturns())
            continue;
        const double interval = st.returns.meanInterval();
        if (!(interval > 0))
            continue;
        const PairSpec &spec = m_model.pair(p);
        VolatilityReading r;
        r.index = p;
        r.returns = st.returns.count();
        r.volatility = st.returns.annualised();
        r.expected = expectedVolatility(spec.sigma, spec.tickSize(), st.lastMid, interval);
        r.warning = m_config.volWarning * r.expected;
        r.critical = m_config.volCritical * r.expected;
        r.level = levelFor(r.volatility, r.warning, r.critical);
        r.alerted = volatilityAlertDue(st.reported, r.level);
        st.reported = r.level;
        readings.append(r);
        instruments << spec.name;
        if (!r.alerted)
            continue;
        ++alerts;
        const bool critical = r.level == VolLevel::Critical;
        const double threshold = critical ? r.critical : r.warning;
        const core::Severity severity = critical ? core::Severity::Critical : core::Severity::Warning;
        QJsonObject o;
        o.insert(QStringLiteral("instrument"), spec.name);
        o.insert(QStringLiteral("volatility"), rounded(r.volatility, 1e6));
        o.insert(QStringLiteral("threshold"), rounded(threshold, 1e6));
        o.insert(QStringLiteral("severity"), core::severityName(severity));
        o.insert(QStringLiteral("message"),
                 QStringLiteral("%1 volatility %2 is above the %3 threshold of %4 (annualised, last %5 returns)")
                     .arg(spec.name, percent(r.volatility), core::severityName(severity), percent(threshold))
                     .arg(r.returns));
        o.insert(QStringLiteral("timestamp"), timestamp);
        out->append({protocol::ChannelKind::Volatility, compact(o)});
    }
    m_lastVol = readings;
    m_lastVolMicros = at;
    if (readings.isEmpty())
        return;
    ++m_volBatches;
    QJsonObject o;
    o.insert(QStringLiteral("data_type"), QStringLiteral("volatility"));
    o.insert(QStringLiteral("instruments"), QJsonArray::fromStringList(instruments));
    o.insert(QStringLiteral("message"),
             QStringLiteral("Volatility batch: %1 pairs, %2 alerts (window %3 returns)")
                 .arg(readings.size())
                 .arg(alerts)
                 .arg(m_config.volWindow));
    o.insert(QStringLiteral("timestamp"), timestamp);
    out->append({protocol::ChannelKind::DataReady, compact(o)});
}

void FeedAnalytics::runCorrelation(qint64 at, QList<FeedEvent> *out)
{
    if (m_corr.rows() < m_config.corrMinRows())
        return;
    const QString timestamp = core::isoTimestamp(at);
    const int n = m_model.size();
    const QList<double> matrix = m_corr.matrix();
    QList<bool> involved(n, false);
    int defined = 0;
    int alerts = 0;
    for (int a = 0; a < n; ++a) {
        for (int b = a + 1; b < n; ++b) {
            const double c = matrix.at(qsizetype(a) * n + b);
            if (!std::isfinite(c))
                continue;
            ++defined;
            involved[a] = involved[b] = true;
            const double prev = m_prevCorr.at(qsizetype(a) * n + b);
            if (!std::isfinite(prev))
                continue;
            const double change = c - prev;
            const auto severity = correlationSeverity(change, m_config.corrThreshold);
            if (!severity)
                continue;
            ++alerts;
            const QString &pa = m_model.pair(a).name;
            const QString &pb = m_model.pair(b).name;
            QJsonObject o;
            o.insert(QStringLiteral("instruments"), QJsonArray{pa, pb});
            o.insert(QStringLiteral("correlation"), rounded(c, 1e4));
            o.insert(QStringLiteral("previous_correlation"), rounded(prev, 1e4));
            o.insert(QStringLiteral("change"), rounded(change, 1e4));
            o.insert(QStringLiteral("threshold"), m_config.corrThreshold);
            o.insert(QStringLiteral("severity"), core::severityName(*severity));
            o.insert(QStringLiteral("message"),
                     QStringLiteral("Correlation %1/%2 moved from %3 to %4 (change %5, threshold %6)")
                         .arg(pa, pb, QString::number(prev, 'f', 4), QString::number(c, 'f', 4),
                              QString::number(change, 'f', 4), QString::number(m_config.corrThreshold)));
            o.insert(QStringLiteral("timestamp"), timestamp);
            out->append({protocol::ChannelKind::Correlation, compact(o)});
        }
    }
    m_prevCorr = matrix;
    m_lastCorr = matrix;
    m_lastCorrMicros = at;
    if (defined == 0)
        return;
    ++m_corrBatches;
    QStringList instruments;
    for (int p = 0; p < n; ++p)
        if (involved.at(p))
            instruments << m_model.pair(p).name;
    QJsonObject o;
    o.insert(QStringLiteral("data_type"), QStringLiteral("correlation"));
    o.insert(QStringLiteral("instruments"), QJsonArray::fromStringList(instruments));
    o.insert(QStringLiteral("message"),
             QStringLiteral("Correlation matrix: %1 pairs, %2 correlations, %3 alerts (window %4 samples of %5 s)")
                 .arg(instruments.size())
                 .arg(defined)
                 .arg(alerts)
                 .arg(m_corr.rows())
                 .arg(QString::number(double(m_config.corrSampleMicros) / 1e6)));
    o.insert(QStringLiteral("timestamp"), timestamp);
    out->append({protocol::ChannelKind::DataReady, compact(o)});
}

} // namespace fx::feed
