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

PendingBatch WriteBuffer::take(qsizetype maxRows)
{
    PendingBatch b;
    qsizetype budget = std::max<qsizetype>(maxRows, 1);
    const qsizetype alerts = std::min<qsizetype>(budget, qsizetype(m_alerts.size()));
    moveFront(m_alerts, &b.alerts, alerts);
    budget -= alerts;
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
        + qsizetype(m_acks.size());
}

} // namespace fx::storage
