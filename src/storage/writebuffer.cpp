#include "storage/writebuffer.h"

#include <algorithm>

namespace fx::storage {

namespace {
template <typename T>
void moveFront(std::deque<T> &from, QList<T> *to, qsizetype n)
{
    to->reserve(to->size() + n);
    for (qsizetype i = 0; i < n; ++i) {
        to->append(std::move(from.front()));
        from.pop_front();
    }
}

template <typename T>
void prepend(std::deque<T> &into, QList<T> &items)
{
    for (qsizetype i = items.size() - 1; i >= 0; --i)
        into.push_front(std::move(items[i]));
}

template <typename T>
quint64 trimFront(std::deque<T> &d, qsizetype max)
{
    quint64 dropped = 0;
    while (qsizetype(d.size()) > std::max<qsizetype>(max, 0)) {
        d.pop_front();
        ++dropped;
    }
    return dropped;
}
} // namespace

WriteBuffer::WriteBuffer() : m_limits(Limits{})
{
}

WriteBuffer::WriteBuffer(Limits limits) : m_limits(limits)
{
}

void WriteBuffer::addTick(TickRecord tick)
{
    m_ticks.push_back(std::move(tick));
    if (qsizetype(m_ticks.size()) > m_limits.maxTicks)
        m_droppedTicks += trimFront(m_ticks, m_limits.maxTicks);
}

void WriteBuffer::addAlert(AlertRecord alert)
{
    m_alerts.push_back(std::move(alert));
    if (qsizetype(m_alerts.size()) > m_limits.maxAlerts)
        m_droppedAlerts += trimFront(m_alerts, m_limits.maxAlerts);
}

void WriteBuffer::addConnection(ConnectionRecord record)
{
    m_connections.push_back(std::move(record));
    if (qsizetype(m_connections.size()) > m_limits.maxConnections)
        m_droppedConnections += trimFront(m_connections, m_limits.maxConnections);
}

void WriteBuffer::addAck(AckOp op)
{
    m_acks.push_back(std::move(op));
}

namespace {
QString coalesceKey(const RuleOp &op)
{
    return op.kind == RuleOp::Kind::Subscriptions ? u'@' + op.owner : op.id;
}
} // namespace

void WriteBuffer::addRuleOp(RuleOp op)
{
    op.firstSeq = ++m_ruleSeq;
    const QString key = coalesceKey(op);
    const bool change = op.kind == RuleOp::Kind::UpdateRule || op.kind == RuleOp::Kind::Subscriptions;
    if (change) {
        if (RuleOp *waiting = m_ruleOpFor.value(key)) {
            // The waiting upsert, update or subscriptions write takes the newer data; it keeps
            // its place (and its kind: an upsert still writes the whole row).
            waiting->json = std::move(op.json);
            waiting->atMicros = op.atMicros;
            return;
        }
    } else {
        m_ruleOpFor.remove(key); // a delete (or a new row) comes after the writes waiting
    }
    m_ruleOps.push_back(std::move(op));
    if (m_ruleOps.back().kind != RuleOp::Kind::DeleteRule)
        m_ruleOpFor.insert(key, &m_ruleOps.back());
    while (qsizetype(m_ruleOps.size()) > std::max<qsizetype>(m_limits.maxRuleOps, 0)) {
        const auto it = m_ruleOpFor.constFind(coalesceKey(m_ruleOps.front()));
        if (it != m_ruleOpFor.cend() && *it == &m_ruleOps.front())
            m_ruleOpFor.erase(it);
        m_ruleOps.pop_front();
        ++m_droppedRuleOps;
    }
}

PendingBatch WriteBuffer::take(qsizetype maxRows)
{
    PendingBatch b;
    qsizetype budget = std::max<qsizetype>(maxRows, 1);
    const qsizetype alerts = std::min<qsizetype>(budget, qsizetype(m_alerts.size()));
    moveFront(m_alerts, &b.alerts, alerts);
    budget -= alerts;
    const qsizetype ruleOps = std::min<qsizetype>(budget, qsizetype(m_ruleOps.size()));
    b.ruleOps.reserve(ruleOps);
    for (qsizetype i = 0; i < ruleOps; ++i) {
        const auto it = m_ruleOpFor.constFind(coalesceKey(m_ruleOps.front()));
        if (it != m_ruleOpFor.cend() && *it == &m_ruleOps.front())
            m_ruleOpFor.erase(it); // in flight: a later change is a write of its own
        b.ruleOps.append(std::move(m_ruleOps.front()));
        m_ruleOps.pop_front();
    }
    budget -= ruleOps;
    b.ruleWatermark = m_ruleOps.empty() ? m_ruleSeq : m_ruleOps.front().firstSeq - 1;
    const qsizetype connections = std::min<qsizetype>(budget, qsizetype(m_connections.size()));
    moveFront(m_connections, &b.connections, connections);
    budget -= connections;
    const qsizetype ticks = std::min<qsizetype>(budget, qsizetype(m_ticks.size()));
    moveFront(m_ticks, &b.ticks, ticks);
    if (m_alerts.empty())
        moveFront(m_acks, &b.acks, qsizetype(m_acks.size()));
    return b;
}

void WriteBuffer::restore(PendingBatch batch)
{
    prepend(m_ticks, batch.ticks);
    prepend(m_alerts, batch.alerts);
    prepend(m_connections, batch.connections);
    prepend(m_acks, batch.acks);
    prepend(m_ruleOps, batch.ruleOps); // not coalesced again: a later change follows them
    enforce();
}

void WriteBuffer::enforce()
{
    m_droppedTicks += trimFront(m_ticks, m_limits.maxTicks);
    m_droppedAlerts += trimFront(m_alerts, m_limits.maxAlerts);
    m_droppedConnections += trimFront(m_connections, m_limits.maxConnections);
}

qsizetype WriteBuffer::rows() const
{
    return qsizetype(m_ticks.size()) + qsizetype(m_alerts.size()) + qsizetype(m_connections.size())
        + qsizetype(m_acks.size()) + qsizetype(m_ruleOps.size());
}

} // namespace fx::storage
