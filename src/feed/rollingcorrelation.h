#pragma once

#include <QList>

namespace fx::feed {

// Pearson correlations between `series` return series over the last `window` rows (one row =
// one sampling instant, one return per series). Plain value type, single-threaded.
class RollingCorrelation
{
public:
    RollingCorrelation(int series, int window);

    // row.size() must equal series().
    void addRow(const QList<double> &row);
    void clear();

    int series() const { return m_series; }
    int window() const { return m_window; }
    int rows() const { return m_rows; }

    // The full matrix (series x series, row-major) over the rows in the window. NaN where a
    // series has no variance (a pair that did not move) or with fewer than 3 rows; 1 on the
    // diagonal of series that moved.
    QList<double> matrix() const;

private:
    int m_series;
    int m_window;
    int m_rows = 0;
    int m_next = 0;
    QList<double> m_data; // window x series, ring of rows
};

} // namespace fx::feed
