#include "feed/rollingvolatility.h"

#include <cmath>

namespace fx::feed {

RollingVolatility::RollingVolatility(int window)
    : m_window(window < 2 ? 2 : window)
    , m_returns(m_window, 0.0)
    , m_seconds(m_window, 0.0)
{
}

void RollingVolatility::add(double logReturn, double marketSeconds)
{
    m_returns[m_next] = logReturn;
    m_seconds[m_next] = marketSeconds < 0 ? 0 : marketSeconds;
    m_next = (m_next + 1) % m_window;
    if (m_count < m_window)
        ++m_count;
}

void RollingVolatility::clear()
{
    m_count = 0;
    m_next = 0;
}

double RollingVolatility::stdev() const
{
    if (m_count < 2)
        return 0;
    // Two passes over at most `window` values: exact enough and no drift from running sums.
    // The ring's order does not matter for a mean and a sum of squares.
    double sum = 0;
    for (int i = 0; i < m_count; ++i)
        sum += m_returns.at(i);
    const double mean = sum / m_count;
    double ss = 0;
    for (int i = 0; i < m_count; ++i) {
        const double d = m_returns.at(i) - mean;
        ss += d * d;
    }
    return std::sqrt(ss / (m_count - 1));
}

double RollingVolatility::meanInterval() const
{
    if (m_count == 0)
        return 0;
    double sum = 0;
    for (int i = 0; i < m_count; ++i)
        sum += m_seconds.at(i);
    return sum / m_count;
}

double RollingVolatility::annualised() const
{
    const double dt = meanInterval();
    if (!(dt > 0))
        return 0;
    return stdev() * std::sqrt(kSecondsPerYear / dt);
}

} // namespace fx::feed
