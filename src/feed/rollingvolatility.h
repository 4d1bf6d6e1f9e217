#pragma once

#include <QList>

namespace fx::feed {

// Realised volatility over the last `window` log returns of one pair. Each return carries the
// market time it spans, so the estimate can be annualised even when ticks are irregular
// (replays). Plain value type, single-threaded.
class RollingVolatility
{
public:
    static constexpr double kSecondsPerYear = 365.25 * 86400.0;

    explicit RollingVolatility(int window = 50);

    void add(double logReturn, double marketSeconds);
    void clear();

    int window() const { return m_window; }
    int count() const { return m_count; }
    // Sample standard deviation (n - 1) of the returns in the window; 0 with fewer than 2.
    double stdev() const;
    // Mean market seconds per return in the window; 0 when empty.
    double meanInterval() const;
    // stdev() * sqrt(seconds per year / meanInterval()): the annualised volatility. 0 when the
    // window spans no time.
    double annualised() const;

private:
    int m_window;
    int m_count = 0;
    int m_next = 0; // ring position of the next write
    QList<double> m_returns;
    QList<double> m_seconds;
};

} // namespace fx::feed
