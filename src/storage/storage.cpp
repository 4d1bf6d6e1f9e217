#include "storage/storage.h"

#include "core/timeutil.h"
#include "storage/schema.h"
#include "storage/sqlconnection.h"
#include "storage/sqlwriter.h"
#include "storage/storagelog.h"

#include <QElapsedTimer>
#include <QMutexLocker>
#include <QTimer>
#include <type_traits>

namespace fx::storage {

namespace {

constexpr qint64 kDayMicros = 24LL * 3600 * 1000 * 1000;
constexpr int kStatusIntervalMs = 1000;
constexpr int kWriteSliceMs = 50; // back to the event loop between batches after this long

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
    , m_pruneTimer(new QTimer(this))
    , m_statusTimer(new QTimer(this))
    , m_retryDelayMs(m_config.retryInitialMs)
    , m_buffer(WriteBuffer::Limits{m_config.maxBufferedTicks, m_config.maxBufferedAlerts, m_config.maxBufferedConnections})
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
    m_pruneTimer->setInterval(std::max(m_config.pruneIntervalMs, 1000));
    connect(m_pruneTimer, &QTimer::timeout, this, &Storage::startPrune);
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

template<typename Fn>
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
                else if constexpr (std::is_same_v<T, core::VolatilityAlert> || std::is_same_v<T, core::CorrelationAlert>)
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

void Storage::flush()
{
    QMetaObject::invokeMethod(this, &Storage::writePending, Qt::QueuedConnection);
}

void Storage::pruneNow()
{
    QMetaObject::invokeMethod(this, &Storage::startPrune, Qt::QueuedConnection);
}

StorageStatus Storage::status() const
{
    StorageStatus s;
    {
        QMutexLocker lock(&m_statusMutex);
        s = m_status;
    }
    s.bufferedRows = m_buffered.load(std::memory_order_relaxed);
    s.droppedTicks = m_droppedTicks.load(std::memory_order_relaxed);
    s.droppedAlerts = m_droppedAlerts.load(std::memory_order_relaxed);
    s.droppedConnections = m_droppedConnections.load(std::memory_order_relaxed);
    return s;
}

QJsonObject Storage::statusJson() const
{
    return status().toJson();
}

// ---- storage thread -------------------------------------------------------------------------

void Storage::start()
{
    if (m_started)
        return;
    if (!m_config.isConfigured()) {
        setState(StorageState::NotConfigured, QStringLiteral("no database configured"));
        return;
    }
    m_started = true;
    m_stopping = false;
    m_statusTimer->start();
    setState(StorageState::Connecting);
    if (openDatabase()) {
        m_pruneTimer->start();
        startPrune();
        writePending();
    }
}

void Storage::stop()
{
    if (m_stopping.exchange(true))
        return;
    m_batchTimer->stop();
    m_retryTimer->stop();
    m_pruneTimer->stop();
    m_statusTimer->stop();
    if (!m_started)
        return;
    QElapsedTimer clock;
    clock.start();
    // A local file reopens at once; a PostgreSQL connect may take its whole timeout, so only
    // an open connection is used.
    if (!m_writer && m_config.engine == Engine::Sqlite)
        openDatabase();
    while (m_writer && clock.elapsed() < m_config.stopFlushMs) {
        PendingBatch batch = takeBatch();
        if (batch.isEmpty())
            break;
        if (!writeBatch(std::move(batch)))
            break;
    }
    {
        QMutexLocker lock(&m_bufferMutex);
        if (!m_buffer.isEmpty()) {
            qCWarning(fxStorageLog).noquote()
                << QStringLiteral("stopping with %1 rows not written (%2 alerts, %3 ticks, %4 connection records)")
                       .arg(m_buffer.rows())
                       .arg(m_buffer.alertCount())
                       .arg(m_buffer.tickCount())
                       .arg(m_buffer.connectionCount());
        }
    }
    closeDatabase();
    m_started = false;
    emitStatusIfMoved();
}

void Storage::onWake()
{
    qsizetype rows = 0;
    {
        QMutexLocker lock(&m_bufferMutex);
        m_wakePosted = false;
        rows = m_buffer.rows();
    }
    if (!m_started || m_stopping || !m_writer)
        return; // the retry timer writes once the database is back
    if (rows >= m_config.batchRows)
        writePending();
    else if (rows > 0 && !m_batchTimer->isActive())
        m_batchTimer->start(m_config.batchIntervalMs);
}

void Storage::writePending()
{
    m_batchTimer->stop();
    if (!m_started || m_stopping || !m_writer)
        return;
    QElapsedTimer slice;
    slice.start();
    qsizetype left = 0;
    for (;;) {
        PendingBatch batch = takeBatch();
        if (batch.isEmpty())
            return;
        if (!writeBatch(std::move(batch)))
            return;
        {
            QMutexLocker lock(&m_bufferMutex);
            left = m_buffer.rows();
        }
        if (left < m_config.batchRows)
            break;
        if (slice.elapsed() >= kWriteSliceMs) {
            // Let queued calls (stop, pruning, status) run between batches.
            QMetaObject::invokeMethod(this, &Storage::writePending, Qt::QueuedConnection);
            return;
        }
    }
    if (left > 0 && !m_batchTimer->isActive())
        m_batchTimer->start(m_config.batchIntervalMs);
}

PendingBatch Storage::takeBatch()
{
    QMutexLocker lock(&m_bufferMutex);
    PendingBatch batch = m_buffer.take(m_config.maxBatchRows);
    m_inFlight = batch.rows();
    publishBufferCounts();
    return batch;
}

void Storage::batchDone()
{
    QMutexLocker lock(&m_bufferMutex);
    m_inFlight = 0;
    publishBufferCounts();
}

bool Storage::writeBatch(PendingBatch batch)
{
    CommitInfo info;
    QList<AckResult> acks;
    QString error;
    if (!m_writer->write(batch, &info, &acks, &error)) {
        if (m_writer->lastFailureRefusedData())
            return writeIsolatingRefused(std::move(batch), error);
        {
            QMutexLocker lock(&m_bufferMutex);
            m_buffer.restore(std::move(batch));
            m_inFlight = 0;
            publishBufferCounts();
        }
        fail(error);
        return false;
    }
    accountCommit(info, acks);
    batchDone(); // after the counters: a row is always counted as buffered or written
    return true;
}

void Storage::accountCommit(const CommitInfo &info, const QList<AckResult> &acks)
{
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.writtenTicks += quint64(info.ticks);
        m_status.writtenAlerts += quint64(info.alerts);
        m_status.writtenBars += quint64(info.bars);
        m_status.writtenConnections += quint64(info.connections);
        ++m_status.batches;
        m_status.lastCommitMicros = info.committedAtMicros;
        m_status.lastBatchMicros = info.durationMicros;
    }
    Q_EMIT batchCommitted(info);
    for (const AckResult &a : acks)
        Q_EMIT acknowledged(a.requestId, a.count);
}

namespace {

// The first half of a batch's rows (in the order they are written: ticks, alerts,
// connections, acknowledgements) and the rest.
std::pair<PendingBatch, PendingBatch> splitBatch(PendingBatch b)
{
    qsizetype left = b.rows() / 2;
    PendingBatch first;
    auto move = [&left](auto &from, auto &to) {
        const qsizetype n = std::min(left, from.size());
        to = from.mid(0, n);
        from.remove(0, n);
        left -= n;
    };
    move(b.ticks, first.ticks);
    move(b.alerts, first.alerts);
    move(b.connections, first.connections);
    move(b.acks, first.acks);
    return {std::move(first), std::move(b)};
}

QString describeRow(const PendingBatch &b)
{
    if (!b.ticks.isEmpty())
        return b.ticks.first().pair.isEmpty() ? QStringLiteral("a tick without a pair")
                                              : QStringLiteral("a tick of %1").arg(b.ticks.first().pair);
    if (!b.alerts.isEmpty())
        return QStringLiteral("a %1 alert").arg(b.alerts.first().type);
    if (!b.connections.isEmpty())
        return QStringLiteral("the connection record of %1").arg(b.connections.first().id);
    return QStringLiteral("an acknowledgement");
}

} // namespace

bool Storage::writeIsolatingRefused(PendingBatch batch, const QString &firstError)
{
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("refused"), &suppressed))
        qCWarning(fxStorageLog).noquote() << QStringLiteral("%1 %2 refused a batch of %3 rows (%4); writing it in parts to keep the rest")
                                                 .arg(m_config.engineName(), m_config.location())
                                                 .arg(batch.rows())
                                                 .arg(firstError);
    std::vector<PendingBatch> todo; // a stack: the earlier half on top
    todo.push_back(std::move(batch));
    while (!todo.empty()) {
        PendingBatch b = std::move(todo.back());
        todo.pop_back();
        CommitInfo info;
        QList<AckResult> acks;
        QString error;
        if (m_writer->write(b, &info, &acks, &error)) {
            accountCommit(info, acks);
            continue;
        }
        if (!m_writer->lastFailureRefusedData()) {
            // The database itself failed meanwhile: everything not written goes back, in order.
            {
                QMutexLocker lock(&m_bufferMutex);
                for (auto it = todo.begin(); it != todo.end(); ++it)
                    m_buffer.restore(std::move(*it)); // the bottom of the stack is the latest part
                m_buffer.restore(std::move(b));
                m_inFlight = 0;
                publishBufferCounts();
            }
            fail(error);
            return false;
        }
        if (b.rows() > 1) {
            auto [first, second] = splitBatch(std::move(b));
            todo.push_back(std::move(second));
            todo.push_back(std::move(first));
            continue;
        }
        // One row the database will never take.
        ++m_rejectedRows;
        {
            QMutexLocker lock(&m_statusMutex);
            m_status.rejectedRows = m_rejectedRows;
            m_status.lastError = QStringLiteral("refused %1: %2").arg(describeRow(b), error);
            m_status.lastErrorMicros = core::nowMicros();
        }
        if (m_logLimiter.allow(QStringLiteral("refused-row"), &suppressed))
            qCWarning(fxStorageLog).noquote() << QStringLiteral("%1 %2: dropped %3 the database refuses: %4")
                                                     .arg(m_config.engineName(), m_config.location(), describeRow(b), error);
        for (const AckOp &a : std::as_const(b.acks))
            Q_EMIT acknowledged(a.requestId, 0);
    }
    batchDone();
    return true;
}

bool Storage::openDatabase()
{
    closeDatabase();
    {
        QMutexLocker lock(&m_statusMutex);
        ++m_status.openAttempts;
    }
    QString error;
    if (!m_connection->open(m_config, &error)) {
        fail(error);
        return false;
    }
    const MigrationResult r = Schema::migrate(*m_connection);
    if (r.outcome == MigrationResult::Outcome::RefusedNewer) {
        closeDatabase();
        {
            QMutexLocker lock(&m_statusMutex);
            m_status.schemaVersion = r.fromVersion;
        }
        if (status().state != StorageState::RefusedNewerSchema)
            qCCritical(fxStorageLog).noquote() << m_config.location() << ":" << r.error;
        setState(StorageState::RefusedNewerSchema, r.error);
        // Checked again now and then (someone may point us at a fixed database); never written.
        scheduleRetry(m_config.retryMaxMs);
        return false;
    }
    if (!r.ok()) {
        fail(r.error);
        return false;
    }
    if (r.toVersion != r.fromVersion) {
        qCInfo(fxStorageLog).noquote() << QStringLiteral("%1 %2: schema migrated from version %3 to %4")
                                              .arg(m_config.engineName(), m_config.location())
                                              .arg(r.fromVersion)
                                              .arg(r.toVersion);
    }
    m_writer = std::make_unique<SqlWriter>(*m_connection);
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.schemaVersion = r.toVersion;
        m_status.retryInMs = 0;
    }
    m_retryDelayMs = m_config.retryInitialMs;
    setState(StorageState::Ok);
    return true;
}

void Storage::closeDatabase()
{
    m_writer.reset(); // its prepared queries go before the connection
    m_connection->close();
}

void Storage::fail(const QString &error)
{
    closeDatabase();
    qint64 suppressed = 0;
    if (m_logLimiter.allow(QStringLiteral("fail"), &suppressed)) {
        qCWarning(fxStorageLog).noquote() << QStringLiteral("%1 %2: %3%4")
                                                 .arg(m_config.engineName(), m_config.location(), error,
                                                      suppressed > 0 ? QStringLiteral(" (%1 similar messages suppressed)").arg(suppressed)
                                                                     : QString());
    }
    const int delay = m_retryDelayMs;
    m_retryDelayMs = std::min(m_retryDelayMs * 2, m_config.retryMaxMs);
    {
        QMutexLocker lock(&m_statusMutex);
        m_status.retryInMs = m_stopping ? 0 : delay;
    }
    setState(StorageState::Error, error);
    if (!m_stopping)
        scheduleRetry(delay);
}

void Storage::scheduleRetry(int delayMs)
{
    if (m_stopping)
        return;
    m_batchTimer->stop();
    m_retryTimer->start(std::max(delayMs, 1));
}

void Storage::retry()
{
    if (m_stopping || !m_started)
        return;
    if (!openDatabase())
        return;
    if (!m_pruneTimer->isActive()) {
        m_pruneTimer->start();
        startPrune();
    }
    writePending();
}

void Storage::startPrune()
{
    if (!m_started || m_stopping)
        return;
    if (m_pruning) {
        m_pruneAgain = true;
        return;
    }
    m_pruning = true;
    m_pruneTotal = PruneInfo{};
    QTimer::singleShot(0, this, &Storage::pruneStep);
}

void Storage::pruneStep()
{
    if (!m_pruning)
        return;
    if (!m_writer || m_stopping) {
        m_pruning = false; // tried again on the next prune timer tick or reconnect
        return;
    }
    const qint64 now = core::nowMicros();
    PruneInfo deleted;
    bool more = false;
    QString error;
    if (!m_writer->prune(now - qint64(m_config.tickRetentionDays) * kDayMicros,
                         now - qint64(m_config.barRetentionDays) * kDayMicros,
                         now - qint64(m_config.barRetentionDays) * kDayMicros, m_config.pruneChunkRows, &deleted,
                         &more, &error)) {
        m_pruning = false;
        fail(error);
        return;
    }
    m_pruneTotal.ticks += deleted.ticks;
    m_pruneTotal.bars += deleted.bars;
    m_pruneTotal.connections += deleted.connections;
    if (more) {
        QTimer::singleShot(0, this, &Storage::pruneStep);
        return;
    }
    m_pruning = false;
    if (m_pruneAgain) {
        // Another pass with new cutoffs, reported together with this one.
        m_pruneAgain = false;
        m_pruning = true;
        QTimer::singleShot(0, this, &Storage::pruneStep);
        return;
    }
    if (m_pruneTotal.ticks + m_pruneTotal.bars + m_pruneTotal.connections > 0) {
        qCInfo(fxStorageLog).noquote() << QStringLiteral("retention: deleted %1 ticks, %2 bars, %3 connection records")
                                              .arg(m_pruneTotal.ticks)
                                              .arg(m_pruneTotal.bars)
                                              .arg(m_pruneTotal.connections);
    }
    Q_EMIT pruned(m_pruneTotal);
}

void Storage::setState(StorageState state, const QString &error)
{
    bool changed = false;
    {
        QMutexLocker lock(&m_statusMutex);
        if (!error.isEmpty()) {
            changed = m_status.lastError != error;
            m_status.lastError = error;
            m_status.lastErrorMicros = core::nowMicros();
        }
        if (state != StorageState::Error)
            m_status.retryInMs = 0;
        changed = changed || m_status.state != state;
        m_status.state = state;
    }
    if (changed) {
        const StorageStatus s = status();
        m_lastEmitted = s;
        Q_EMIT statusChanged(s);
    }
}

void Storage::emitStatusIfMoved()
{
    const StorageStatus s = status();
    const StorageStatus &p = m_lastEmitted;
    if (s.state == p.state && s.bufferedRows == p.bufferedRows && s.droppedTicks == p.droppedTicks
        && s.droppedAlerts == p.droppedAlerts && s.writtenTicks == p.writtenTicks && s.writtenAlerts == p.writtenAlerts
        && s.writtenConnections == p.writtenConnections && s.lastError == p.lastError)
        return;
    m_lastEmitted = s;
    Q_EMIT statusChanged(s);
}

} // namespace fx::storage
