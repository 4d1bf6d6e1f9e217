#include "gui/marketwatchmodel.h"

#include "core/timeutil.h"
#include "gui/format.h"
#include "gui/modelroles.h"
#include "gui/theme.h"

#include <QBrush>
#include <QFont>
#include <QTimer>

#include <cmath>

namespace fx::gui {

MarketWatchModel::MarketWatchModel(const core::InstrumentSet &instruments, QObject *parent)
    : QAbstractTableModel(parent)
    , m_timer(new QTimer(this))
{
    for (const QString &pair : instruments.pairs()) {
        Row r;
        r.pair = pair;
        r.pip = core::InstrumentSet::pipSize(pair);
        m_rows.append(r);
    }
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &MarketWatchModel::refreshTimers);
    m_timer->start();
}

MarketWatchModel::~MarketWatchModel() = default;

qint64 MarketWatchModel::now() const
{
    return m_clock ? m_clock() : core::nowMillis();
}

void MarketWatchModel::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
}

int MarketWatchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MarketWatchModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int MarketWatchModel::flashing(int row, int column) const
{
    const Row &r = m_rows.at(row);
    const qint64 t = now();
    if (column == Bid && r.bidFlashOn && r.bidFlashUntil > t)
        return r.bidFlash;
    if (column == Ask && r.askFlashOn && r.askFlashUntil > t)
        return r.askFlash;
    return 0;
}

QVariant MarketWatchModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const int col = index.column();
    const double spreadPips = r.has ? (r.tick.ask - r.tick.bid) / r.pip : 0;
    const bool hasRef = r.has && r.refMid > 0;
    const double changePips = hasRef ? (r.tick.mid - r.refMid) / r.pip : 0;
    const double changePct = hasRef ? (r.tick.mid - r.refMid) / r.refMid * 100.0 : 0;
    switch (role) {
    case Qt::DisplayRole:
        if (col == Pair)
            return r.pair;
        if (!r.has)
            return col == Time ? tr("waiting") : QStringLiteral("—");
        switch (col) {
        case Bid: return fmt::price(r.tick.quote.bid);
        case Ask: return fmt::price(r.tick.quote.ask);
        case Spread: return fmt::decimal(spreadPips, 1);
        case Change: return hasRef ? fmt::signedDecimal(changePips, 1) : QStringLiteral("—");
        case ChangePercent:
            return hasRef ? fmt::signedDecimal(changePct, 2) + QStringLiteral(" %") : QStringLiteral("—");
        case Time:
            return r.stale ? tr("%1 stale").arg(fmt::localTime(r.tick.timeMicros)) : fmt::localTime(r.tick.timeMicros);
        }
        break;
    case SortRole:
        switch (col) {
        case Pair: return r.pair;
        case Bid: return r.has ? r.tick.bid : -1.0;
        case Ask: return r.has ? r.tick.ask : -1.0;
        case Spread: return spreadPips;
        case Change: return changePips;
        case ChangePercent: return changePct;
        case Time: return r.has ? r.tick.timeMicros : qint64(0);
        }
        break;
    case ExportRole:
        if (col == Pair)
            return r.pair;
        if (!r.has)
            return QString();
        switch (col) {
        case Bid: return r.tick.quote.bid;
        case Ask: return r.tick.quote.ask;
        case Spread: return QString::number(spreadPips, 'f', 1);
        case Change: return hasRef ? QString::number(changePips, 'f', 1) : QString();
        case ChangePercent: return hasRef ? QString::number(changePct, 'f', 4) : QString();
        case Time: return fmt::isoUtc(r.tick.timeMicros);
        }
        break;
    case Qt::ToolTipRole:
        if (!r.has)
            return tr("No price received yet for %1").arg(r.pair);
        if (col == Time || r.stale) {
            QString tip = fmt::utc(r.tick.timeMicros);
            if (r.stale)
                tip += u'\n' + tr("Stale: no tick for %1 s").arg((now() - r.receivedMs) / 1000);
            return tip;
        }
        if (col == Change || col == ChangePercent) {
            if (!hasRef)
                return tr("No reference price yet");
            return r.refFromLive
                ? tr("Since the first tick seen today, at %1 (mid %2)").arg(fmt::localTime(r.refMicros)).arg(r.refMid)
                : tr("Since the trading day opened at %1 (mid %2)").arg(fmt::localDateTime(r.refMicros)).arg(r.refMid);
        }
        if (col == Spread)
            return tr("Spread in pips (1 pip = %1)").arg(r.pip);
        return {};
    case Qt::TextAlignmentRole: return int((col == Pair ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    case Qt::FontRole: {
        QFont f = col == Pair ? QFont() : fmt::numberFont();
        if (col == Pair)
            f.setBold(true);
        if (r.stale || !r.has)
            f.setItalic(true);
        return f;
    }
    case Qt::ForegroundRole:
        if (r.stale || !r.has)
            return QBrush(Theme::stale());
        if (col == Bid && r.bidDir != 0)
            return QBrush(r.bidDir > 0 ? Theme::up() : Theme::down());
        if (col == Ask && r.askDir != 0)
            return QBrush(r.askDir > 0 ? Theme::up() : Theme::down());
        if ((col == Change || col == ChangePercent) && hasRef && changePips != 0)
            return QBrush(changePips > 0 ? Theme::up() : Theme::down());
        break;
    case Qt::BackgroundRole:
        if (const int dir = flashing(index.row(), col); dir != 0)
            return QBrush(Theme::flash(dir));
        break;
    case Qt::DecorationRole:
        if (col == Pair && r.stale)
            return Theme::dot(Theme::stale(), 10);
        break;
    default: break;
    }
    return {};
}

QVariant MarketWatchModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section == Pair ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Spread: return tr("Ask minus bid in pips (JPY pairs: 0.01, others: 0.0001)");
        case Change: return tr("Change of the mid price since the trading day opened (21:00 UTC), in pips");
        case ChangePercent: return tr("Change of the mid price since the trading day opened, in percent");
        case Time: return tr("Time of the last tick, local time (UTC in the cell's tooltip)");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Pair: return tr("Pair");
    case Bid: return tr("Bid");
    case Ask: return tr("Ask");
    case Spread: return tr("Spread");
    case Change: return tr("Change");
    case ChangePercent: return tr("Change %");
    case Time: return tr("Time");
    }
    return {};
}

static int sign(double d)
{
    return d > 0 ? 1 : (d < 0 ? -1 : 0);
}

void MarketWatchModel::applyQuotes(const QHash<int, core::PriceTick> &quotes)
{
    const qint64 t = now();
    int valid = 0;
    for (auto it = quotes.cbegin(); it != quotes.cend(); ++it)
        valid += it.key() >= 0 && it.key() < m_rows.size() ? 1 : 0;
    if (valid == 0)
        return;
    // Most rows: change them all, then one range. A few: one dataChanged right after each row
    // changes (a sorting proxy compares a changed row with its neighbours, which must not have
    // changed unannounced yet).
    const bool oneRange = valid > m_rows.size() / 2;
    for (auto it = quotes.cbegin(); it != quotes.cend(); ++it) {
        if (it.key() < 0 || it.key() >= m_rows.size())
            continue;
        Row &r = m_rows[it.key()];
        const core::PriceTick &tick = it.value();
        if (r.has) {
            const int bd = sign(tick.bid - r.tick.bid), ad = sign(tick.ask - r.tick.ask);
            if (bd != 0) {
                r.bidDir = bd;
                if (m_flash && r.bidFlashUntil + kFlashGapMs <= t) { // a pause between flashes: no strobe
                    r.bidFlash = bd;
                    r.bidFlashUntil = t + kFlashMs;
                    r.bidFlashOn = true;
                }
            }
            if (ad != 0) {
                r.askDir = ad;
                if (m_flash && r.askFlashUntil + kFlashGapMs <= t) {
                    r.askFlash = ad;
                    r.askFlashUntil = t + kFlashMs;
                    r.askFlashOn = true;
                }
            }
        }
        const bool wasStale = r.stale || !r.has;
        r.tick = tick;
        r.has = true;
        r.receivedMs = t;
        r.stale = false;
        if (r.refMid <= 0) { // no stored reference: the first tick seen stands in
            r.refMid = tick.mid;
            r.refMicros = tick.timeMicros;
            r.refFromLive = true;
        }
        if (!oneRange)
            Q_EMIT dataChanged(index(it.key(), wasStale ? int(Pair) : int(Bid)), index(it.key(), Time));
    }
    if (oneRange)
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    scheduleTimer();
}

void MarketWatchModel::setReference(int pair, double mid, qint64 atMicros)
{
    if (pair < 0 || pair >= m_rows.size() || mid <= 0)
        return;
    Row &r = m_rows[pair];
    r.refMid = mid;
    r.refMicros = atMicros;
    r.refFromLive = false;
    Q_EMIT dataChanged(index(pair, Change), index(pair, ChangePercent));
}

void MarketWatchModel::clearReferences()
{
    for (Row &r : m_rows) {
        r.refMid = r.has ? r.tick.mid : 0;
        r.refMicros = r.has ? r.tick.timeMicros : 0;
        r.refFromLive = true;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, Change), index(int(m_rows.size()) - 1, ChangePercent));
}

void MarketWatchModel::setFlashEnabled(bool on)
{
    m_flash = on;
    if (on)
        return;
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        if (r.bidFlashOn || r.askFlashOn) {
            r.bidFlashOn = r.askFlashOn = false;
            Q_EMIT dataChanged(index(i, Bid), index(i, Ask), {Qt::BackgroundRole});
        }
    }
}

void MarketWatchModel::setStaleSeconds(int seconds)
{
    m_staleMs = qint64(std::max(1, seconds)) * 1000;
    refreshTimers();
}

bool MarketWatchModel::markStale(Row &r, qint64 nowMs) const
{
    const bool stale = r.has && nowMs - r.receivedMs >= m_staleMs;
    if (stale == r.stale)
        return false;
    r.stale = stale;
    return true;
}

void MarketWatchModel::refreshTimers()
{
    const qint64 t = now();
    for (int i = 0; i < m_rows.size(); ++i) {
        Row &r = m_rows[i];
        bool flashEnded = false;
        if (r.bidFlashOn && r.bidFlashUntil <= t) {
            r.bidFlashOn = false;
            flashEnded = true;
        }
        if (r.askFlashOn && r.askFlashUntil <= t) {
            r.askFlashOn = false;
            flashEnded = true;
        }
        if (markStale(r, t))
            Q_EMIT dataChanged(index(i, 0), index(i, ColumnCount - 1));
        else if (flashEnded)
            Q_EMIT dataChanged(index(i, Bid), index(i, Ask), {Qt::BackgroundRole});
    }
}

void MarketWatchModel::scheduleTimer()
{
    if (!m_timer->isActive())
        m_timer->start();
}

} // namespace fx::gui
