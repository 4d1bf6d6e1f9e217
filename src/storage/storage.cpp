// Storage, its input: construction, and the thread-safe methods that turn events, connection
// records and acknowledgements into rows in the bounded write buffer and wake the storage
// thread. The storage thread's side is in storagelifecycle.cpp (open, retry, start, stop),
// storagewriteloop.cpp (batches) and storagestatus.cpp; retention in storageretention.cpp.

#include "storage/storage.h"

#include "core/timeutil.h"
#include "storage/sqlconnection.h"
#include "storage/sqlwriter.h"
#include "storage/storageretention.h"

#include <QMutexLocker>
#include <QTimer>
#include <type_traits>

namespace fx::storage {

namespace {

constexpr int kStatusIntervalMs = 1000;

// PostgreSQL's text cannot hold U+0000 (SQLite's can): a pipeline message with "\u0000" in
// it is stored without it on both engines rather than refused on one.
QString storable(const QString &text)
{
    if (!text.contains(QChar(0)))
        return text;
    QString out = text;
    return out.remove(QChar(0));
}

TickRecord tickRow(const core::PriceTick &t)
{
    TickRecord r;
    r.pair = t.instrument;
    r.bidText = t.quote.bid;
    r.askText = t.quote.ask;
    r.midText = t.quote.mid.isEmpty() ? core::decimal::fromDouble(t.mid) : t.quote.mid;
    r.bid = t.bid;
    r.ask = t.ask;
    r.mid = t.mid;
    r.receivedAtMicros = t.relayedMicros > 0 ? t.relayedMicros : core::nowMicros();
    r.quotedAtMicros = t.timeMicros > 0 ? t.timeMicros : r.receivedAtMicros;
    return r;
}

// What both kinds of alert store alike.
template <typename Alert>
AlertRecord alertCommon(const Alert &a, const QString &type)
{
    AlertRecord r;
    r.type = type;
    r.threshold = a.threshold;
    r.severity = core::severityName(a.severity);
    r.message = storable(a.message);
    r.receivedAtMicros = a.receivedMicros > 0 ? a.receivedMicros : core::nowMicros();
    r.raisedAtMicros = a.raisedMicros > 0 ? a.raisedMicros : r.receivedAtMicros;
    r.payload = a.toPayload();
    return r;
}

AlertRecord alertRow(const core::VolatilityAlert &a)
{
    AlertRecord r = alertCommon(a, QStringLiteral("volatility"));
    r.pair = a.instrument;
    r.value = a.volatility;
    return r;
}

AlertRecord alertRow(const core::CorrelationAlert &a)
{
    AlertRecord r = alertCommon(a, QStringLiteral("correlation"));
    r.pair = a.pairA;
    r.pairB = a.pairB;
    r.value = a.correlation;
    return r;
}

} // namespace

Storage::Storage(StorageConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_connection(std::make_unique<SqlConnection>(SqlConnection::Role::Writer))
    , m_batchTimer(new QTimer(this))
    , m_retryTimer(new QTimer(this))
    , m_retention(new StorageRetention(
          m_config, [this] { return m_stopping ? nullptr : m_writer.get(); }, this))
    , m_statusTimer(new QTimer(this))
    , m_retryDelayMs(m_config.retryInitialMs)
    , m_buffer(
          WriteBuffer::Limits{m_config.maxBufferedTicks, m_config.maxBufferedAlerts, m_config.maxBufferedConnections})
{
    qRegisterMetaType<fx::storage::StorageStatus>();
    qRegisterMetaType<fx::storage::CommitInfo>();
    qRegisterMetaType<fx::storage::PruneInfo>();
    qRegisterMetaType<fx::storage::ConnectionRecord>();
    qRegisterMetaType<fx::storage::AlertFilter>();
    qRegisterMetaType<QList<fx::core::MarketEvent>>();

    m_batchTimer->setSingleShot(true);
    connect(m_batchTimer, &QTimer::timeout, this, &Storage::writePending);
    m_retryTimer->setSingleShot(true);
    connect(m_retryTimer, &QTimer::timeout, this, &Storage::retry);
    connect(m_retention, &StorageRetention::pruned, this, &Storage::pruned);
    connect(m_retention, &StorageRetention::failed, this, &Storage::fail);
    m_statusTimer->setInterval(kStatusIntervalMs);
    connect(m_statusTimer, &QTimer::timeout, this, &Storage::emitStatusIfMoved);

    m_status.engine = m_config.engineName();
    m_status.location = m_config.location();
    m_lastEmitted = m_status;
}

Storage::~Storage()
{
    m_writer.reset();
    m_connection.reset();
}

// ---- ingress (any thread) -------------------------------------------------------------------

template <typename Fn>
void Storage::enqueue(Fn &&add)
{
    bool wake = false;
    {
        QMutexLocker lock(&m_bufferMutex);
        const bool wasEmpty = m_buffer.isEmpty();
        add(m_buffer);
        publishBufferCounts();
        if (!m_wakePosted && !m_stopping.load() && (wasEmpty || m_buffer.rows() >= m_config.batchRows)) {
            m_wakePosted = true;
            wake = true;
        }
    }
    if (wake)
        QMetaObject::invokeMethod(this, &Storage::onWake, Qt::QueuedConnection);
}

void Storage::publishBufferCounts()
{
    m_buffered.store(m_buffer.rows() + m_inFlight, std::memory_order_relaxed);
    m_droppedTicks.store(m_buffer.droppedTicks(), std::memory_order_relaxed);
    m_droppedAlerts.store(m_buffer.droppedAlerts(), std::memory_order_relaxed);
    m_droppedConnections.store(m_buffer.droppedConnections(), std::memory_order_relaxed);
}

void Storage::recordEvents(const QList<core::MarketEvent> &events)
{
    // Convert outside the lock: the strings are implicitly shared, the payload is built once.
    QList<TickRecord> ticks;
    QList<AlertRecord> alerts;
    for (const core::MarketEvent &e : events) {
        std::visit(
            [&](const auto &ev) {
                using T = std::decay_t<decltype(ev)>;
                if constexpr (std::is_same_v<T, core::PriceTick>)
                    ticks.append(tickRow(ev));
                else if constexpr (std::is_same_v<T,
                                                  core::VolatilityAlert> || std::is_same_v<T, core::CorrelationAlert>)
                    alerts.append(alertRow(ev));
            },
            e);
    }
    if (ticks.isEmpty() && alerts.isEmpty())
        return;
    enqueue([&](WriteBuffer &b) {
        for (AlertRecord &a : alerts)
            b.addAlert(std::move(a));
        for (TickRecord &t : ticks)
            b.addTick(std::move(t));
    });
}

void Storage::recordAlerts(QList<AlertRecord> alerts)
{
    if (alerts.isEmpty())
        return;
    for (AlertRecord &a : alerts) {
        a.message = storable(a.message);
        if (a.receivedAtMicros <= 0)
            a.receivedAtMicros = core::nowMicros();
        if (a.raisedAtMicros <= 0)
            a.raisedAtMicros = a.receivedAtMicros;
    }
    enqueue([&](WriteBuffer &b) {
        for (AlertRecord &a : alerts)
            b.addAlert(std::move(a));
    });
}

void Storage::recordConnection(const ConnectionRecord &record)
{
    // The columns are NOT NULL: a record without them (a session that never had a socket)
    // still belongs in the history.
    ConnectionRecord r = record;
    for (QString *field : {&r.peer, &r.protocol, &r.transport})
        if (field->isEmpty())
            *field = QStringLiteral("unknown");
    enqueue([&](WriteBuffer &b) { b.addConnection(std::move(r)); });
}

quint64 Storage::acknowledgeAlerts(const QList<qint64> &ids, const QString &by)
{
    AckOp op;
    op.requestId = ++m_nextRequestId;
    op.ids = ids;
    op.by = by;
    op.atMicros = core::nowMicros();
    const quint64 id = op.requestId;
    enqueue([&](WriteBuffer &b) { b.addAck(std::move(op)); });
    return id;
}

quint64 Storage::acknowledgeMatching(const AlertFilter &filter, const QString &by)
{
    AckOp op;
    op.requestId = ++m_nextRequestId;
    op.filter = filter;
    op.by = by;
    op.atMicros = core::nowMicros();
    const quint64 id = op.requestId;
    enqueue([&](WriteBuffer &b) { b.addAck(std::move(op)); });
    return id;
}

quint64 Storage::recordRuleOp(RuleOp op)
{
    if (op.atMicros == 0)
        op.atMicros = core::nowMicros();
    quint64 seq = 0;
    enqueue([&](WriteBuffer &b) {
        b.addRuleOp(std::move(op));
        seq = b.ruleSeq();
        m_ruleQueued.store(seq, std::memory_order_release);
    });
    return seq;
}

void Storage::flush()
{
    QMetaObject::invokeMethod(this, &Storage::writePending, Qt::QueuedConnection);
}

void Storage::pruneNow()
{
    QMetaObject::invokeMethod(this, &Storage::startPrune, Qt::QueuedConnection);
}

} // namespace fx::storage
