#pragma once

// The market watch: one row per configured pair with bid, ask, spread in pips, change since
// the trading day opened and the time of the last tick. Fed with the newest quote of each pair
// that ticked (MarketDeltaBuffer::take(), at most 20 times a second): one dataChanged per changed row,
// or one range when most rows changed; the row set never changes.
//
// Tick direction shows as text colour (blue up, red down) and a brief background flash. A
// flash lasts kFlashMs and is not restarted while it runs, so a busy pair flashes at most
// once a second and never strobes. A pair with no tick for the stale period is greyed, in
// italics, and marked "stale". GUI thread.

#include "core/instruments.h"
#include "core/marketdata.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>
#include <functional>

class QTimer;

namespace fx::gui {

class MarketWatchModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MarketWatchModel)

public:
    enum Column { Pair, Bid, Ask, Spread, Change, ChangePercent, Time, ColumnCount };
    static constexpr int kFlashMs = 350; // a flash shows this long
    static constexpr int kFlashGapMs = 650; // and the next one on that cell waits this long

    explicit MarketWatchModel(const core::InstrumentSet &instruments, QObject *parent = nullptr);
    ~MarketWatchModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // pair index -> newest tick since the previous call.
    void applyQuotes(const QHash<int, core::PriceTick> &quotes);
    // The reference for "change": the mid when the trading day opened (from stored bars).
    void setReference(int pair, double mid, qint64 atMicros);
    qint64 referenceTime(int pair) const { return m_rows.at(pair).refMicros; }
    void clearReferences();
    void setFlashEnabled(bool on);
    void setStaleSeconds(int seconds);
    int staleSeconds() const { return m_staleMs / 1000; }
    // Wall clock in ms (tests drive time by hand).
    void setClock(std::function<qint64()> nowMs);
    // Ends expired flashes and marks stale pairs; the model's own timer calls it.
    void refreshTimers();

    QString pairAt(int row) const { return m_rows.at(row).pair; }
    bool hasQuote(int row) const { return m_rows.at(row).has; }
    bool isStale(int row) const { return m_rows.at(row).stale; }
    // -1, 0 or +1: the direction of the bid's last change.
    int direction(int row) const { return m_rows.at(row).bidDir; }
    // Direction of the flash now showing on that cell (0: none).
    int flashing(int row, int column) const;
    const core::PriceTick &quote(int row) const { return m_rows.at(row).tick; }

private:
    struct Row
    {
        QString pair;
        double pip = 0.0001;
        bool has = false;
        core::PriceTick tick;
        qint64 receivedMs = 0;
        int bidDir = 0, askDir = 0;
        int bidFlash = 0, askFlash = 0;
        qint64 bidFlashUntil = 0, askFlashUntil = 0; // end of the last flash (kept: the gap counts from it)
        bool bidFlashOn = false, askFlashOn = false;
        double refMid = 0;
        qint64 refMicros = 0;
        bool refFromLive = false;
        bool stale = false;
    };
    qint64 now() const;
    void scheduleTimer();
    bool markStale(Row &r, qint64 nowMs) const;

    QVector<Row> m_rows;
    bool m_flash = true;
    qint64 m_staleMs = 15000;
    std::function<qint64()> m_clock;
    QTimer *m_timer;
};

} // namespace fx::gui
