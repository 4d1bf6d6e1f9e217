#pragma once

// The alert history: rows from storage pages (StorageReader::requestAlerts) merged with live
// alerts from the market tap, newest first. A live alert appears at once (one insert at the
// top per refresh); when the page that holds it arrives from the database it is matched by
// its content and gets its id, without moving. Acknowledgements update rows in place. Only a
// change of the filter replaces the rows. GUI thread.

#include "core/marketdata.h"
#include "storage/storagetypes.h"

#include <QAbstractTableModel>
#include <QVector>
#include <optional>

namespace fx::gui {

struct AlertRow
{
    qint64 id = 0; // 0 until the database has it
    QString
        type; // "volatility" / "correlation" / "price_alert" (a fired alert rule) / "operator" (the fleet: kept for the session, never stored)
    QString pair;
    QString pairB;
    double value = 0;
    std::optional<double> threshold;
    QString severity;
    QString message;
    qint64 raisedMicros = 0;
    qint64 ackMicros = 0;
    QString ackBy;
    QString owner; // a fired alert rule's owner (a token's sub, "anonymous:<client id>", "desk"); empty: the pipeline's
    bool live = false; // arrived in this session

    static std::optional<AlertRow> fromEvent(const core::MarketEvent &e);
    static AlertRow fromRecord(const storage::AlertRecord &r);
    bool sameAlert(const AlertRow &other) const;
    // Whether the row passes a history filter (the same rules as the database's).
    bool matches(const storage::AlertFilter &f) const;
    QString pairsText() const;
};

class AlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsModel)

public:
    enum Column { Time, Type, Pairs, Severity, Value, Threshold, Message, Acknowledged, Owner, ColumnCount };
    static constexpr int kMaxRows = 20000; // live alerts beyond this push the oldest rows out

    explicit AlertsModel(QObject *parent = nullptr);
    ~AlertsModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Live alerts, oldest first as they arrived: inserted at the top in one call.
    void addLive(const QVector<AlertRow> &rows);
    // Rows of a storage page: known rows are updated in place (and get their id), the others
    // inserted where they belong (newest first).
    void merge(const QVector<AlertRow> &rows);
    // Replaces every row (a new filter).
    void replaceAll(const QVector<AlertRow> &rows);
    void setAcknowledged(const QVector<int> &rows, qint64 atMicros, const QString &by);
    void acknowledgeAll(qint64 atMicros, const QString &by);

    const AlertRow &row(int r) const { return m_rows.at(r); }
    int unacknowledgedCount() const;
    int databaseRowCount() const; // rows with an id

private:
    int insertionPoint(const AlertRow &r) const;

    QVector<AlertRow> m_rows; // newest first
};

} // namespace fx::gui
