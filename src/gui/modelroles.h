#pragma once

#include <QList>
#include <Qt>

namespace fx::gui {

// Roles shared by our item models. SortRole carries the raw value the proxies sort on
// (numbers, times in microseconds); ExportRole the plain value written to CSV (no thousands
// separators, ISO 8601 UTC times), so the file is machine-readable whatever the UI locale.
enum ModelRole : int {
    SortRole = Qt::UserRole + 1,
    ExportRole,
};

// Calls removeRun(first, last) for each run of consecutive rows in ascending `rows`, last run
// first, so every call's indices are still valid: one beginRemoveRows per run, not per row.
template <typename RemoveRun>
void forEachRowRunBackwards(const QList<int> &rows, RemoveRun removeRun)
{
    for (qsizetype k = rows.size() - 1; k >= 0;) {
        const int last = rows.at(k);
        int first = last;
        while (k > 0 && rows.at(k - 1) == first - 1)
            first = rows.at(--k);
        --k;
        removeRun(first, last);
    }
}

} // namespace fx::gui
