#include "feed/rollingcorrelation.h"

#include <cmath>
#include <limits>

namespace fx::feed {

RollingCorrelation::RollingCorrelation(int series, int window)
    : m_series(series < 1 ? 1 : series)
    , m_window(window < 3 ? 3 : window)
    , m_data(qsizetype(m_series) * m_window, 0.0)
{
}

void RollingCorrelation::addRow(const QList<double> &row)
{
    double *dst = m_data.data() + qsizetype(m_next) * m_series;
    for (int s = 0; s < m_series; ++s)
        dst[s] = s < row.size() ? row.at(s) : 0.0;
    m_next = (m_next + 1) % m_window;
    if (m_rows < m_window)
        ++m_rows;
}

void RollingCorrelation::clear()
{
    m_rows = 0;
    m_next = 0;
}

QList<double> RollingCorrelation::matrix() const
{
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const int n = m_series;
    QList<double> out(qsizetype(n) * n, nan);
    if (m_rows < 3)
        return out;
    // Centre each series once, then every pair is a dot product: O(n^2 * rows), which for 20
    // pairs and 120 rows is ~50k multiply-adds per job.
    QList<double> centred(qsizetype(n) * m_rows);
    QList<double> norm(n);
    for (int s = 0; s < n; ++s) {
        double sum = 0;
        for (int r = 0; r < m_rows; ++r)
            sum += m_data.at(qsizetype(r) * n + s);
        const double mean = sum / m_rows;
        double ss = 0;
        for (int r = 0; r < m_rows; ++r) {
            const double d = m_data.at(qsizetype(r) * n + s) - mean;
            centred[qsizetype(s) * m_rows + r] = d;
            ss += d * d;
        }
        norm[s] = std::sqrt(ss);
    }
    for (int a = 0; a < n; ++a) {
        if (!(norm.at(a) > 0))
            continue;
        out[qsizetype(a) * n + a] = 1.0;
        for (int b = a + 1; b < n; ++b) {
            if (!(norm.at(b) > 0))
                continue;
            double dot = 0;
            const double *x = centred.constData() + qsizetype(a) * m_rows;
            const double *y = centred.constData() + qsizetype(b) * m_rows;
            for (int r = 0; r < m_rows; ++r)
                dot += x[r] * y[r];
            double c = dot / (norm.at(a) * norm.at(b));
            c = c > 1 ? 1 : (c < -1 ? -1 : c);
            out[qsizetype(a) * n + b] = c;
            out[qsizetype(b) * n + a] = c;
        }
    }
    return out;
}

} // namespace fx::feed
