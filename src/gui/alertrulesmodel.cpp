#include "gui/alertrulesmodel.h"

#include "gui/format.h"
#include "gui/modelroles.h"

#include <QDateTime>
#include <QLocale>
#include <QSet>
#include <limits>

namespace fx::gui {

AlertRulesModel::AlertRulesModel(QObject *parent) : QAbstractTableModel(parent)
{
}

AlertRulesModel::~AlertRulesModel() = default;

int AlertRulesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertRulesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AlertRulesModel::ownerText(const engine::AlertRuleRow &r)
{
    if (r.desk)
        return tr("Desk");
    if (!r.ownerUser.isEmpty())
        return r.ownerUser;
    if (!r.ownerKeyId.isEmpty()) // the client_key's hash: the key itself is not kept
        return tr("key %1…").arg(r.ownerKeyId);
    if (!r.ownerClientId.isEmpty())
        return tr("client %1").arg(QString::fromLatin1(r.ownerClientId));
    return tr("anonymous #%1").arg(r.ownerHandle);
}

static QString fieldText(const QString &field)
{
    if (field == u"bid")
        return AlertRulesModel::tr("Bid");
    if (field == u"ask")
        return AlertRulesModel::tr("Ask");
    if (field == u"mid")
        return AlertRulesModel::tr("Mid");
    if (field == u"spread")
        return AlertRulesModel::tr("Spread");
    return field;
}

static QString conditionText(const engine::AlertRuleRow &r)
{
    if (r.condition == u"above")
        return AlertRulesModel::tr("above");
    if (r.condition == u"below")
        return AlertRulesModel::tr("below");
    if (r.condition == u"crosses")
        return AlertRulesModel::tr("crosses");
    if (r.condition == u"change_pct")
        return AlertRulesModel::tr("changes by % in %1 s").arg(r.windowSeconds);
    return r.condition;
}

static QString repeatText(const engine::AlertRuleRow &r)
{
    if (r.repeat == u"once")
        return AlertRulesModel::tr("once");
    if (r.repeat == u"every")
        return AlertRulesModel::tr("every time");
    return AlertRulesModel::tr("cooldown %1 s").arg(r.cooldownSeconds);
}

static QString valueText(const engine::AlertRuleRow &r)
{
    // Prices as the rule holds them (up to 6 decimals, trailing zeros dropped), percentages signed.
    QString v = QLocale().toString(r.value, 'f', 6);
    const QChar point = QLocale().decimalPoint().at(0);
    if (v.contains(point)) {
        while (v.endsWith(u'0'))
            v.chop(1);
        if (v.endsWith(point))
            v.chop(1);
    }
    if (r.condition == u"change_pct")
        return (r.value > 0 ? QStringLiteral("+") : QString()) + v + u'%';
    return v;
}

QVariant AlertRulesModel::display(const engine::AlertRuleRow &r, int column) const
{
    switch (column) {
    case Id: return r.id;
    case Owner: // a stored rule's owner is away: in the database, not evaluated here now
        return r.stored ? tr("%1 (away)").arg(ownerText(r)) : ownerText(r);
    case Pair: return r.pair;
    case Field: return fieldText(r.field);
    case Condition: return conditionText(r);
    case Value: return valueText(r);
    case Repeat: return repeatText(r);
    case State: return r.enabled ? tr("enabled") : tr("disabled");
    case TimesFired: return fmt::count(r.timesFired);
    case LastFired: return r.lastFiredMs > 0 ? fmt::localDateTime(r.lastFiredMs * 1000) : tr("never");
    case Expires: return r.expiresAtMs > 0 ? fmt::localDateTime(r.expiresAtMs * 1000) : tr("never");
    case Note: return r.note;
    default: return {};
    }
}

QVariant AlertRulesModel::sortValue(const engine::AlertRuleRow &r, int column) const
{
    switch (column) {
    case Id: {
        // "<prefix>-<n>": in the order they were set (n counts up on one server).
        const qsizetype dash = r.id.lastIndexOf(u'-');
        bool ok = false;
        const qulonglong n = r.id.mid(dash + 1).toULongLong(&ok);
        return ok ? QVariant(n) : QVariant(r.id);
    }
    case Value: return r.value;
    case TimesFired: return r.timesFired;
    case LastFired: return r.lastFiredMs;
    case Expires: return r.expiresAtMs > 0 ? r.expiresAtMs : std::numeric_limits<qint64>::max();
    case State: return r.enabled;
    default: return display(r, column);
    }
}

QVariant AlertRulesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const engine::AlertRuleRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(r, index.column());
    case SortRole: return sortValue(r, index.column());
    case ExportRole:
        switch (index.column()) {
        case Field: return r.field;
        case Condition: return r.condition;
        case Value: return r.value;
        case Repeat: return r.repeat == u"cooldown" ? QStringLiteral("cooldown:%1").arg(r.cooldownSeconds) : r.repeat;
        case State: return r.enabled ? QStringLiteral("enabled") : QStringLiteral("disabled");
        case TimesFired: return r.timesFired;
        case LastFired: return r.lastFiredMs > 0 ? fmt::isoUtc(r.lastFiredMs * 1000) : QString();
        case Expires: return r.expiresAtMs > 0 ? fmt::isoUtc(r.expiresAtMs * 1000) : QString();
        default: return display(r, index.column());
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Value || index.column() == TimesFired)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == Value || index.column() == TimesFired)
            return fmt::numberFont();
        return {};
    case Qt::ToolTipRole:
        if ((index.column() == Owner || index.column() == State) && r.stored)
            return tr("Stored in the database: its owner is not connected to this server, so it fires nowhere "
                      "here until the owner connects again");
        if (index.column() == Owner && r.desk)
            return r.broadcast ? tr("The desk's own rule: its alerts also go to every client")
                               : tr("The desk's own rule: its alerts stay on the desk");
        if (index.column() == Owner && (!r.ownerUser.isEmpty() || !r.ownerKeyId.isEmpty())
            && !r.ownerClientId.isEmpty())
            return tr("Connected as client %1").arg(QString::fromLatin1(r.ownerClientId));
        return {};
    default: return {};
    }
}

QVariant AlertRulesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id: return tr("Rule");
    case Owner: return tr("Owner");
    case Pair: return tr("Pair");
    case Field: return tr("Field");
    case Condition: return tr("Condition");
    case Value: return tr("Value");
    case Repeat: return tr("Repeat");
    case State: return tr("State");
    case TimesFired: return tr("Fired");
    case LastFired: return tr("Last fired");
    case Expires: return tr("Expires");
    case Note: return tr("Note");
    default: return {};
    }
}

void AlertRulesModel::update(const QList<engine::AlertRuleRow> &rows)
{
    QSet<QString> present;
    present.reserve(rows.size());
    for (const engine::AlertRuleRow &r : rows)
        present.insert(r.id);
    QList<int> gone;
    for (int i = 0; i < m_rows.size(); ++i)
        if (!present.contains(m_rows.at(i).id))
            gone.append(i);
    if (!gone.isEmpty()) {
        forEachRowRunBackwards(gone, [this](int first, int last) {
            beginRemoveRows({}, first, last);
            m_rows.remove(first, last - first + 1);
            endRemoveRows();
        });
        m_index.clear();
        for (int i = 0; i < m_rows.size(); ++i)
            m_index.insert(m_rows.at(i).id, i);
    }
    QList<engine::AlertRuleRow> added;
    for (const engine::AlertRuleRow &r : rows) {
        const int at = m_index.value(r.id, -1);
        if (at < 0) {
            added.append(r);
            continue;
        }
        m_rows[at] = r;
    }
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const engine::AlertRuleRow &r : std::as_const(added)) {
            m_index.insert(r.id, int(m_rows.size()));
            m_rows.append(r);
        }
        endInsertRows();
    }
}

} // namespace fx::gui
