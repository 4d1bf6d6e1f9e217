#pragma once

// A price chart's history, read from storage in the background when its pair, window or style
// changes: the one-minute bars of the window (the mid, and the candles), the newest ticks when
// lines are drawn (not in the one-day window: the bars cover it), and the alerts involving the
// pair. A new request drops the answers to the previous one. GUI thread.

#include "gui/chartalertmarks.h"
#include "gui/guisettings.h"
#include "gui/seriesbuffer.h"
#include "storage/storagetypes.h"

#include <QObject>
#include <QPointer>

namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class ChartHistory final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChartHistory)

public:
    ChartHistory(storage::StorageReader *reader, QObject *parent);
    ~ChartHistory() override;

    // Forgets what is pending, then asks for pair's history over the window (nothing without a
    // reader or a pair).
    void request(const QString &pair, ChartWindow window, bool withTicks, int maxAlerts);
    bool isPending() const { return m_pendingTicks || m_pendingBars || m_pendingAlerts; }

Q_SIGNALS:
    // Once the bars and ticks are in (or failed): the bars' mids before the first stored tick,
    // then the ticks; and the bars as candles. Again, empty, after the alerts if they come last.
    void pricesReady(const QVector<ChartPoint> &points, const QVector<Candle> &candles);
    void alertsReady(const QVector<AlertMark> &marks);
    // Everything asked for is in.
    void finished();

private:
    void onTicks(quint64 id, const QList<storage::TickRecord> &rows);
    void onBars(quint64 id, const QList<storage::BarRecord> &rows);
    void onAlerts(quint64 id, const storage::AlertPage &page);
    void onFailed(quint64 id, const QString &error);
    void finish();

    QPointer<storage::StorageReader> m_reader;
    quint64 m_pendingTicks = 0, m_pendingBars = 0, m_pendingAlerts = 0;
    QVector<ChartPoint> m_ticks;
    QVector<ChartPoint> m_bars; // mid only
    QVector<Candle> m_candles;
};

} // namespace fx::gui
