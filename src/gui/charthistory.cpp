#include "gui/charthistory.h"

#include "core/timeutil.h"
#include "storage/storagereader.h"

#include <limits>

namespace fx::gui {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

ChartHistory::ChartHistory(storage::StorageReader *reader, QObject *parent) : QObject(parent), m_reader(reader)
{
    if (m_reader) {
        connect(m_reader, &storage::StorageReader::ticksReady, this, &ChartHistory::onTicks);
        connect(m_reader, &storage::StorageReader::barsReady, this, &ChartHistory::onBars);
        connect(m_reader, &storage::StorageReader::alertsReady, this, &ChartHistory::onAlerts);
        connect(m_reader, &storage::StorageReader::queryFailed, this, &ChartHistory::onFailed);
    }
}

ChartHistory::~ChartHistory() = default;

void ChartHistory::request(const QString &pair, ChartWindow window, bool withTicks, int maxAlerts)
{
    m_ticks.clear();
    m_bars.clear();
    m_candles.clear();
    m_pendingTicks = m_pendingBars = m_pendingAlerts = 0;
    if (!m_reader || pair.isEmpty())
        return;
    const qint64 now = core::nowMicros();
    const qint64 from = now - chartWindowMs(window) * 1000;
    storage::SeriesQuery q;
    q.pair = pair;
    q.fromMicros = from;
    q.limit = 2000; // bars: a day has 1,440
    m_pendingBars = m_reader->requestBars(q);
    if (withTicks && window != ChartWindow::OneDay) {
        q.limit = 20000; // the newest ticks; older minutes come from the bars
        m_pendingTicks = m_reader->requestTicks(q);
    }
    storage::AlertQuery aq;
    aq.filter.pair = pair;
    aq.filter.fromMicros = from;
    aq.limit = maxAlerts;
    m_pendingAlerts = m_reader->requestAlerts(aq);
}

void ChartHistory::onTicks(quint64 id, const QList<storage::TickRecord> &rows)
{
    if (id != m_pendingTicks)
        return;
    m_pendingTicks = 0;
    m_ticks.reserve(rows.size());
    for (const storage::TickRecord &r : rows)
        m_ticks.append(ChartPoint{r.quotedAtMicros / 1000, r.bid, r.ask, r.mid});
    finish();
}

void ChartHistory::onBars(quint64 id, const QList<storage::BarRecord> &rows)
{
    if (id != m_pendingBars)
        return;
    m_pendingBars = 0;
    for (const storage::BarRecord &b : rows) {
        const qint64 t = b.minuteMicros / 1000;
        m_bars.append(ChartPoint{t + 30'000, kNaN, kNaN, b.close});
        m_candles.append(Candle{t, b.open, b.high, b.low, b.close});
    }
    finish();
}

void ChartHistory::onAlerts(quint64 id, const storage::AlertPage &page)
{
    if (id != m_pendingAlerts)
        return;
    m_pendingAlerts = 0;
    QVector<AlertMark> marks;
    marks.reserve(page.rows.size());
    for (const storage::AlertRecord &a : page.rows)
        marks.append(AlertMark{a.raisedAtMicros / 1000, a.severity, a.message, a.pair, a.pairB});
    Q_EMIT alertsReady(marks);
    finish();
}

void ChartHistory::onFailed(quint64 id, const QString &)
{
    if (id == m_pendingTicks)
        m_pendingTicks = 0;
    else if (id == m_pendingBars)
        m_pendingBars = 0;
    else if (id == m_pendingAlerts)
        m_pendingAlerts = 0;
    else
        return;
    finish();
}

void ChartHistory::finish()
{
    if (m_pendingTicks || m_pendingBars)
        return;
    // Bars (mid only) before the first stored tick, then the ticks; the owner keeps the live
    // points it already holds after them.
    QVector<ChartPoint> history;
    const qint64 firstTick = m_ticks.isEmpty() ? std::numeric_limits<qint64>::max() : m_ticks.constFirst().t;
    for (const ChartPoint &p : std::as_const(m_bars))
        if (p.t < firstTick - 30'000)
            history.append(p);
    history += m_ticks;
    const QVector<Candle> candles = std::exchange(m_candles, {});
    m_ticks.clear();
    m_bars.clear();
    Q_EMIT pricesReady(history, candles);
    if (!m_pendingAlerts)
        Q_EMIT finished();
}

} // namespace fx::gui
