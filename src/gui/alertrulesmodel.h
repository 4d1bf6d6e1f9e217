#pragma once

// The desk's alert rules (PROTOCOL.md, "Alert rules"): every rule the running server holds, one
// row each, with its owner and state. Fed by Engine::requestAlertRules snapshots and updated in
// place: rules that are gone are removed in contiguous runs, new ones appended, the others
// changed with dataChanged, so the operator's selection survives a refresh. GUI thread.

#include "engine/alertrulerow.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace fx::gui {

class AlertRulesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRulesModel)

public:
    enum Column {
        Id,
        Owner,
        Pair,
        Field,
        Condition,
        Value,
        Repeat,
        State,
        TimesFired,
        LastFired,
        Expires,
        Note,
        ColumnCount
    };

    explicit AlertRulesModel(QObject *parent = nullptr);
    ~AlertRulesModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void update(const QList<engine::AlertRuleRow> &rows);

    // The rule of a row (source model), and the row of a rule id (-1: none).
    const engine::AlertRuleRow &ruleAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    // "alice" (the token's sub), "client k-94RF0…" (a connected anonymous owner) or
    // "anonymous #12" (not connected).
    static QString ownerText(const engine::AlertRuleRow &r);

private:
    QVariant display(const engine::AlertRuleRow &r, int column) const;
    QVariant sortValue(const engine::AlertRuleRow &r, int column) const;

    QVector<engine::AlertRuleRow> m_rows;
    QHash<QString, int> m_index; // id -> row
};

} // namespace fx::gui
