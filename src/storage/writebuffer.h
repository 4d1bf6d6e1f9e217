#pragma once

// The rows waiting to be written, bounded. Pure data structure (no locks, no SQL): Storage
// guards it with its mutex; tests drive it directly.
//
// Bounds: past maxTicks the oldest ticks are dropped first (and counted). Alerts and
// acknowledgements are kept; only past the last-resort maxAlerts are the oldest alerts dropped
// (counted separately). Connection records past maxConnections drop oldest first.

#include "storage/storagetypes.h"

#include <QHash>
#include <deque>
#include <optional>

namespace fx::storage {

// Acknowledge alerts by id, or every unacknowledged alert matching a filter.
struct AckOp
{
    quint64 requestId = 0;
    QList<qint64> ids;
    std::optional<AlertFilter> filter; // set: acknowledge by filter (ids ignored)
    QString by;
    qint64 atMicros = 0;
};

// What one write transaction takes out of the buffer, oldest rows first.
struct PendingBatch
{
    QList<TickRecord> ticks;
    QList<AlertRecord> alerts;
    QList<ConnectionRecord> connections;
    QList<AckOp> acks;
    QList<RuleOp> ruleOps;
    // Every rule write made up to this sequence number is in this batch or an earlier one
    // (WriteBuffer::ruleSeq()): once the batch commits, all of them are in the database.
    quint64 ruleWatermark = 0;

    qsizetype rows() const { return ticks.size() + alerts.size() + connections.size() + acks.size() + ruleOps.size(); }
    bool isEmpty() const { return rows() == 0; }
};

class WriteBuffer
{
public:
    struct Limits
    {
        qsizetype maxTicks = 200000;
        qsizetype maxAlerts = 1000000;
        qsizetype maxConnections = 100000;
        qsizetype maxRuleOps = 1000000; // last resort, like alerts: oldest first past it
    };

    WriteBuffer();
    explicit WriteBuffer(Limits limits);

    void addTick(TickRecord tick);
    void addAlert(AlertRecord alert);
    void addConnection(ConnectionRecord record);
    void addAck(AckOp op);
    // A rule or subscription write. A change of a rule (or of a user's subscriptions) whose
    // earlier write is still waiting replaces that write's data instead of adding a row.
    void addRuleOp(RuleOp op);

    // Up to maxRows rows for one transaction: alerts first, then rule writes, then connection
    // records, then ticks. Acknowledgements come along only once every buffered alert is in the batch, so
    // they are applied after the alerts they name.
    PendingBatch take(qsizetype maxRows);
    // Puts a batch that could not be written back in front, then applies the bounds again.
    void restore(PendingBatch batch);

    qsizetype rows() const;
    qsizetype tickCount() const { return qsizetype(m_ticks.size()); }
    qsizetype alertCount() const { return qsizetype(m_alerts.size()); }
    qsizetype connectionCount() const { return qsizetype(m_connections.size()); }
    qsizetype ackCount() const { return qsizetype(m_acks.size()); }
    qsizetype ruleOpCount() const { return qsizetype(m_ruleOps.size()); }
    // Rule writes made so far (each addRuleOp counts, coalesced or not).
    quint64 ruleSeq() const { return m_ruleSeq; }
    quint64 droppedRuleOps() const { return m_droppedRuleOps; }
    bool isEmpty() const { return rows() == 0; }

    quint64 droppedTicks() const { return m_droppedTicks; }
    quint64 droppedAlerts() const { return m_droppedAlerts; }
    quint64 droppedConnections() const { return m_droppedConnections; }

    const Limits &limits() const { return m_limits; }

private:
    void enforce();

    Limits m_limits;
    std::deque<TickRecord> m_ticks;
    std::deque<AlertRecord> m_alerts;
    std::deque<ConnectionRecord> m_connections;
    std::deque<AckOp> m_acks;
    std::deque<RuleOp> m_ruleOps;
    // The waiting write a later change of the same rule (or user's subscriptions) replaces.
    // std::deque keeps references to its elements valid across push_back and pop_front.
    QHash<QString, RuleOp *> m_ruleOpFor;
    quint64 m_ruleSeq = 0;
    quint64 m_droppedRuleOps = 0;
    quint64 m_droppedTicks = 0;
    quint64 m_droppedAlerts = 0;
    quint64 m_droppedConnections = 0;
};

} // namespace fx::storage
