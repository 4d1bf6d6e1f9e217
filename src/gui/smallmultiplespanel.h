#pragma once

// Small multiples: one Sparkline per configured pair in a grid that reflows with the panel's
// width, all on the same time window (1 to 15 minutes, or 1 hour), backfilled from storage
// (one asynchronous tick request per pair) and fed from each market delta. Repainted at most 4
// times a second, only the sparklines that changed and can be seen.

#include "engine/marketdeltabuffer.h"
#include "storage/storagetypes.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QGridLayout;
class QTimer;

namespace fx::core {
class InstrumentSet;
}
namespace fx::storage {
class StorageReader;
}

namespace fx::gui {

class Sparkline;

class SmallMultiplesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SmallMultiplesPanel)

public:
    SmallMultiplesPanel(const core::InstrumentSet &instruments, storage::StorageReader *reader,
                        QWidget *parent = nullptr);
    ~SmallMultiplesPanel() override;

    void onMarket(const engine::MarketDelta &delta);
    void setStale(int pairIndex, bool stale);
    Sparkline *sparkline(int pairIndex) const { return m_lines.value(pairIndex); }
    int count() const { return int(m_lines.size()); }

Q_SIGNALS:
    void pairActivated(const QString &pair);
    void chartRequested(const QString &pair);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void backfill();
    void onTicks(quint64 id, const QList<storage::TickRecord> &rows);
    void reflow();

    storage::StorageReader *m_reader;
    QComboBox *m_window;
    QWidget *m_gridHost;
    QGridLayout *m_grid;
    QVector<Sparkline *> m_lines;
    QTimer *m_repaint;
    QHash<quint64, int> m_requests; // request id -> pair index
    int m_columns = 0;
};

} // namespace fx::gui
