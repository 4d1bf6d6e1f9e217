#include "gui/alertsmodel.h"

#include "gui/format.h"
#include "gui/modelroles.h"
#include "gui/theme.h"

#include <QBrush>
#include <QFont>
#include <QHash>
#include <QMultiHash>
#include <algorithm>

namespace fx::gui {

std::optional<AlertRow> AlertRow::fromEvent(const core::MarketEvent &e)
{
    AlertRow r;
    r.live = true;
    if (const auto *v = std::get_if<core::VolatilityAlert>(&e)) {
        r.type = QStringLiteral("volatility");
        r.pair = v->instrument;
        r.value = v->volatility;
        r.threshold = v->threshold;
        r.severity = core::severityName(v->severity);
        r.message = v->message;
        r.raisedMicros = v->raisedMicros ? v->raisedMicros : v->receivedMicros;
        return r;
    }
    if (const auto *c = std::get_if<core::CorrelationAlert>(&e)) {
        r.type = QStringLiteral("correlation");
        r.pair = c->pairA;
        r.pairB = c->pairB;
        r.value = c->correlation;
        r.threshold = c->threshold;
        r.severity = core::severityName(c->severity);
        r.message = c->message;
        r.raisedMicros = c->raisedMicros ? c->raisedMicros : c->receivedMicros;
        return r;
    }
    return std::nullopt;
}

AlertRow AlertRow::fromRecord(const storage::AlertRecord &a)
{
    AlertRow r;
    r.id = a.id;
    r.type = a.type;
    r.pair = a.pair;
    r.pairB = a.pairB;
    r.value = a.value;
    r.threshold = a.threshold;
    r.severity = a.severity;
    r.message = a.message;
    r.raisedMicros = a.raisedAtMicros;
    r.ackMicros = a.acknowledgedAtMicros;
    r.ackBy = a.acknowledgedBy;
    r.owner = a.owner;
    return r;
}

bool AlertRow::sameAlert(const AlertRow &o) const
{
    if (id && o.id)
        return id == o.id;
    return raisedMicros == o.raisedMicros && type == o.type && pair == o.pair && pairB == o.pairB
        && severity == o.severity && message == o.message && owner == o.owner;
}

bool AlertRow::matches(const storage::AlertFilter &f) const
{
    if (!f.type.isEmpty() && f.type != type)
        return false;
    if (!f.severity.isEmpty() && f.severity != severity)
        return false;
    if (!f.pair.isEmpty() && f.pair != pair && f.pair != pairB)
        return false;
    if (!f.text.isEmpty() && !message.contains(f.text, Qt::CaseInsensitive))
        return false;
    if (f.fromMicros && raisedMicros < f.fromMicros)
        return false;
    if (f.toMicros && raisedMicros >= f.toMicros)
        return false;
    if (f.acknowledged == storage::AckFilter::Acknowledged && !ackMicros)
        return false;
    if (f.acknowledged == storage::AckFilter::Unacknowledged && ackMicros)
        return false;
    return true;
}

QString AlertRow::pairsText() const
{
    return pairB.isEmpty() ? pair : pair + QStringLiteral(" / ") + pairB;
}

AlertsModel::AlertsModel(QObject *parent) : QAbstractTableModel(parent)
{
}

AlertsModel::~AlertsModel() = default;

int AlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString severityText(const QString &s)
{
    if (s == u"critical")
        return AlertsModel::tr("Critical");
    if (s == u"warning")
        return AlertsModel::tr("Warning");
    return AlertsModel::tr("Info");
}

static int severityRank(const QString &s)
{
    return s == u"critical" ? 2 : (s == u"warning" ? 1 : 0);
}

static QString typeText(const QString &t)
{
    if (t == u"operator") // the fleet's servers (FleetPanel): stale, returned
        return AlertsModel::tr("Operator");
    if (t == u"price_alert") // a fired alert rule (PROTOCOL.md, "Alert rules")
        return AlertsModel::tr("Price alert");
    return t == u"correlation" ? AlertsModel::tr("Correlation") : AlertsModel::tr("Volatility");
}

// The Owner column: "pipeline" for the pipeline's alerts, "Desk" for the desk's own rules.
static QString ownerText(const AlertRow &r)
{
    if (r.type == u"operator")
        return QString();
    if (r.owner.isEmpty())
        return AlertsModel::tr("pipeline");
    return r.owner == u"desk" ? AlertsModel::tr("Desk") : r.owner;
}

static QString valueText(const AlertRow &r, double v)
{
    // Volatility is annualised (a fraction): show it in percent; correlation as is; an operator
    // alert's value is seconds of silence.
    if (r.type == u"operator")
        return AlertsModel::tr("%1 s").arg(fmt::decimal(v, 0));
    if (r.type == u"price_alert") // a price, or a change_pct rule's percentage (as the rule has it)
        return core::decimal::fromDouble(v);
    return r.type == u"volatility" ? fmt::decimal(v * 100.0, 2) + QStringLiteral(" %") : fmt::decimal(v, 4);
}

QVariant AlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const AlertRow &r = m_rows.at(index.row());
    const int col = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (col) {
        case Time: return fmt::localTime(r.raisedMicros);
        case Type: return typeText(r.type);
        case Pairs: return r.pairsText();
        case Severity: return severityText(r.severity);
        case Value: return valueText(r, r.value);
        case Threshold: return r.threshold ? valueText(r, *r.threshold) : QStringLiteral("—");
        case Message: return r.message;
        case Acknowledged:
            if (!r.ackMicros)
                return tr("No");
            return r.ackBy.isEmpty() ? fmt::localTime(r.ackMicros)
                                     : tr("%1 by %2").arg(fmt::localTime(r.ackMicros), r.ackBy);
        case Owner: return ownerText(r);
        }
        break;
    case SortRole:
        switch (col) {
        case Time: return r.raisedMicros;
        case Type: return r.type;
        case Pairs: return r.pairsText();
        case Severity: return severityRank(r.severity);
        case Value: return r.value;
        case Threshold: return r.threshold.value_or(0.0);
        case Message: return r.message;
        case Acknowledged: return r.ackMicros;
        case Owner: return ownerText(r);
        }
        break;
    case ExportRole:
        switch (col) {
        case Time: return fmt::isoUtc(r.raisedMicros);
        case Type: return r.type;
        case Pairs: return r.pairsText();
        case Severity: return r.severity;
        case Value: return r.value;
        case Threshold: return r.threshold ? QVariant(*r.threshold) : QVariant(QString());
        case Message: return r.message;
        case Acknowledged:
            return r.ackMicros ? fmt::isoUtc(r.ackMicros) + (r.ackBy.isEmpty() ? QString() : u' ' + r.ackBy)
                               : QString();
        case Owner: return r.owner;
        }
        break;
    case Qt::ToolTipRole:
        if (col == Time)
            return fmt::utc(r.raisedMicros);
        if (col == Message)
            return r.message;
        if (col == Acknowledged && r.ackMicros)
            return fmt::utc(r.ackMicros);
        if (col == Severity)
            return severityText(r.severity);
        break;
    case Qt::DecorationRole:
        if (col == Severity)
            return Theme::severityIcon(r.severity);
        break;
    case Qt::ForegroundRole:
        if (col == Severity)
            return QBrush(Theme::severity(r.severity));
        if (r.ackMicros && col != Severity)
            return QBrush(Theme::stale());
        break;
    case Qt::FontRole:
        if (col == Value || col == Threshold)
            return fmt::numberFont();
        if (!r.ackMicros && (col == Severity || col == Message)) {
            QFont f;
            f.setBold(r.severity == u"critical");
            return f;
        }
        break;
    case Qt::TextAlignmentRole:
        return int((col == Value || col == Threshold ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    default: break;
    }
    return {};
}

QVariant AlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return int((section == Value || section == Threshold ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Type: return tr("Type");
    case Pairs: return tr("Pair(s)");
    case Severity: return tr("Severity");
    case Value: return tr("Value");
    case Threshold: return tr("Threshold");
    case Message: return tr("Message");
    case Acknowledged: return tr("Acknowledged");
    case Owner: return tr("Owner");
    }
    return {};
}

int AlertsModel::insertionPoint(const AlertRow &r) const
{
    // Newest first; equal times: higher id (later) first, rows without id before rows with one.
    auto newer = [](const AlertRow &a, const AlertRow &b) {
        if (a.raisedMicros != b.raisedMicros)
            return a.raisedMicros > b.raisedMicros;
        return a.id > b.id;
    };
    return int(std::upper_bound(m_rows.cbegin(), m_rows.cend(), r, newer) - m_rows.cbegin());
}

void AlertsModel::addLive(const QVector<AlertRow> &rows)
{
    if (rows.isEmpty())
        return;
    // The common case: newer than everything shown, so one insert at the top.
    QVector<AlertRow> top(rows.crbegin(), rows.crend());
    std::stable_sort(top.begin(), top.end(),
                     [](const AlertRow &a, const AlertRow &b) { return a.raisedMicros > b.raisedMicros; });
    if (m_rows.isEmpty() || top.last().raisedMicros >= m_rows.first().raisedMicros) {
        beginInsertRows(QModelIndex(), 0, int(top.size()) - 1);
        m_rows = top + m_rows;
        endInsertRows();
    } else {
        for (const AlertRow &r : std::as_const(top)) {
            const int at = insertionPoint(r);
            beginInsertRows(QModelIndex(), at, at);
            m_rows.insert(at, r);
            endInsertRows();
        }
    }
    // Bounded: the oldest rows go (they stay in the database).
    if (m_rows.size() > kMaxRows) {
        beginRemoveRows(QModelIndex(), kMaxRows, int(m_rows.size()) - 1);
        m_rows.resize(kMaxRows);
        endRemoveRows();
    }
}

void AlertsModel::merge(const QVector<AlertRow> &rows)
{
    QHash<qint64, int> byId;
    QMultiHash<qint64, int> byTime; // every row, by time raised (live rows have no id yet)
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id)
            byId.insert(m_rows.at(i).id, i);
        byTime.insert(m_rows.at(i).raisedMicros, i);
    }
    QVector<AlertRow> fresh;
    for (const AlertRow &in : rows) {
        int found = in.id ? byId.value(in.id, -1) : -1;
        if (found < 0) {
            // By content: a stored row for a live one, or a live one already stored.
            for (auto it = byTime.find(in.raisedMicros); it != byTime.end() && it.key() == in.raisedMicros; ++it) {
                const AlertRow &cur = m_rows.at(it.value());
                if ((!cur.id || !in.id) && cur.raisedMicros == in.raisedMicros && cur.type == in.type
                    && cur.pair == in.pair && cur.pairB == in.pairB && cur.severity == in.severity
                    && cur.message == in.message) {
                    found = it.value();
                    byTime.erase(it); // one row per alert
                    break;
                }
            }
        }
        if (found < 0) {
            fresh.append(in);
            continue;
        }
        AlertRow &cur = m_rows[found];
        if (!in.id)
            continue; // a live copy of a row already stored: nothing new
        if (cur.id != in.id || cur.ackMicros != in.ackMicros || cur.ackBy != in.ackBy) {
            const bool wasLive = cur.live;
            const qint64 keepAck = cur.ackMicros && !in.ackMicros ? cur.ackMicros : in.ackMicros; // ack in flight
            const QString keepBy = cur.ackMicros && !in.ackMicros ? cur.ackBy : in.ackBy;
            cur = in;
            cur.live = wasLive;
            cur.ackMicros = keepAck;
            cur.ackBy = keepBy;
            Q_EMIT dataChanged(index(found, 0), index(found, ColumnCount - 1));
        }
    }
    if (fresh.isEmpty())
        return;
    // Older history (a next page) goes to the bottom in one insert when it fits there.
    std::stable_sort(fresh.begin(), fresh.end(),
                     [](const AlertRow &a, const AlertRow &b) { return a.raisedMicros > b.raisedMicros; });
    if (m_rows.isEmpty() || fresh.first().raisedMicros <= m_rows.last().raisedMicros) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(fresh.size()) - 1);
        m_rows += fresh;
        endInsertRows();
        return;
    }
    if (fresh.last().raisedMicros >= m_rows.first().raisedMicros) {
        beginInsertRows(QModelIndex(), 0, int(fresh.size()) - 1);
        m_rows = fresh + m_rows;
        endInsertRows();
        return;
    }
    for (const AlertRow &r : std::as_const(fresh)) {
        const int at = insertionPoint(r);
        beginInsertRows(QModelIndex(), at, at);
        m_rows.insert(at, r);
        endInsertRows();
    }
}

void AlertsModel::replaceAll(const QVector<AlertRow> &rows)
{
    beginResetModel();
    m_rows = rows;
    std::stable_sort(m_rows.begin(), m_rows.end(),
                     [](const AlertRow &a, const AlertRow &b) { return a.raisedMicros > b.raisedMicros; });
    endResetModel();
}

void AlertsModel::setAcknowledged(const QVector<int> &rows, qint64 atMicros, const QString &by)
{
    for (const int r : rows) {
        if (r < 0 || r >= m_rows.size() || m_rows.at(r).ackMicros)
            continue;
        m_rows[r].ackMicros = atMicros;
        m_rows[r].ackBy = by;
        Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
    }
}

void AlertsModel::acknowledgeAll(qint64 atMicros, const QString &by)
{
    int first = -1, last = -1;
    for (int r = 0; r < m_rows.size(); ++r) {
        if (m_rows.at(r).ackMicros)
            continue;
        m_rows[r].ackMicros = atMicros;
        m_rows[r].ackBy = by;
        first = first < 0 ? r : first;
        last = r;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

int AlertsModel::unacknowledgedCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const AlertRow &r) { return !r.ackMicros; }));
}

int AlertsModel::databaseRowCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const AlertRow &r) { return r.id != 0; }));
}

} // namespace fx::gui
