#include "server/streamserver.h"

#include "core/eventdispatcher.h"
#include "core/memoryreclaim.h"
#include "core/timeutil.h"
#include "core/workerthread.h"
#include "server/acceptor.h"
#include "server/servercontext.h"
#include "server/serverlog.h"

#include <QDateTime>
#include <QMutex>
#include <QPointer>
#include <QTimer>
#include <mutex>

namespace fx::server {

namespace {

// Runs part(shard) on every shard's own thread; on the thread of the last one to answer, calls
// done(the parts, in the order they arrived). Never blocks the caller.
template <typename Part, typename PartFn, typename DoneFn>
void gatherShards(const QList<IoShard *> &all, PartFn part, DoneFn done)
{
    struct Gather
    {
        QMutex mutex;
        QList<Part> parts;
        int waiting = 0;
    };
    auto gather = std::make_shared<Gather>();
    gather->waiting = int(all.size());
    for (IoShard *shard : all) {
        QMetaObject::invokeMethod(
            shard,
            [shard, gather, part, done] {
                Part mine = part(shard);
                QMutexLocker lock(&gather->mutex);
                gather->parts.append(std::move(mine));
                if (--gather->waiting > 0)
                    return;
                QList<Part> parts = std::move(gather->parts);
                lock.unlock();
                done(std::move(parts));
            },
            Qt::QueuedConnection);
    }
}

// The desk's change to any rule (PROTOCOL.md, "Alert rules"), on the first shard's thread (never
// the caller's), logged; the rule's owner is told what changed.
void changeAlertRule(const QList<IoShard *> &all, ServerContext *ctx, const QString &what,
                     std::function<rules::BookResult(AlertService &, std::vector<AlertDelivery> *)> change)
{
    if (all.isEmpty())
        return;
    QMetaObject::invokeMethod(
        all.first(),
        [ctx, what, change] {
            std::vector<AlertDelivery> notify;
            const rules::BookResult r = change(ctx->alerts(), &notify);
            qCInfo(fxServerLog).noquote()
                << "operator" << what << (r.ok() ? QString() : QStringLiteral("(%1)").arg(r.message));
            if (!notify.empty())
                routeAlerts(*ctx, notify);
        },
        Qt::QueuedConnection);
}

} // namespace

StreamServer::StreamServer(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_ctx(std::make_unique<ServerContext>(std::move(options)))
{
    qRegisterMetaType<fx::server::ClientInfo>();
}

StreamServer::~StreamServer()
{
    joinThreads();
}

const ServerOptions &StreamServer::options() const
{
    return m_ctx->options();
}

QHostAddress StreamServer::address() const
{
    return m_ctx->options().address;
}

bool StreamServer::start(QString *error)
{
    if (m_running || !m_ioThreads.isEmpty()) {
        *error = QStringLiteral("the server is already running");
        return false;
    }
    const ServerOptions &o = m_ctx->options();
    if (!o.authError.isEmpty()) {
        *error = o.authError;
        return false;
    }
    // SECURITY.md, "TLS": a missing, unreadable or mismatched file stops the start.
    if (m_ctx->tls().enabled() && !m_ctx->tls().initialise(error))
        return false;
    if (!m_reclaimer)
        m_reclaimer = new core::MemoryReclaimer(30000, 2 * 1024, this);
    for (int i = 0; i < o.ioThreads; ++i) {
        auto *shard = new IoShard(i, *m_ctx);
        auto *thread = new core::WorkerThread(shard, QStringLiteral("fx-io-%1").arg(i));
        // PERFORMANCE.md, "Kernel pace": a pass of the loop costs what is ready, not every socket.
        thread->setEventDispatcher(core::createIoEventDispatcher());
        connect(shard, &IoShard::drained, this, &StreamServer::onShardDrained, Qt::QueuedConnection);
        if (m_shardSetup)
            m_shardSetup(shard);
        thread->start();
        m_ioThreads.append(thread);
        std::unique_lock lock(m_shardsLock);
        m_shards.append(shard);
    }
    m_ctx->setShards(shards());
    m_acceptor = new Acceptor(shards(), *m_ctx);
    m_acceptThread = new core::WorkerThread(m_acceptor, QStringLiteral("fx-accept"));
    m_acceptThread->start();

    bool ok = false;
    QString err;
    quint16 port = 0;
    core::invokeAndWait(m_acceptor, [&] {
        ok = m_acceptor->start(o.address, o.port);
        err = m_acceptor->errorString();
        port = m_acceptor->serverPort();
    });
    if (!ok) {
        *error = QStringLiteral("cannot listen on %1:%2: %3").arg(o.address.toString()).arg(o.port).arg(err);
        joinThreads();
        return false;
    }
    m_port = port;
    m_running = true;
    qCInfo(fxServerLog).noquote() << QStringLiteral("listening on %1:%2 with %3 I/O thread(s), max %4 clients (%5)")
                                         .arg(o.address.toString())
                                         .arg(m_port)
                                         .arg(o.ioThreads)
                                         .arg(o.maxClients)
                                         .arg(tlsEnabled() ? QStringLiteral("TLS: wss:// and https://")
                                                           : QStringLiteral("plain: ws:// and http://"));
    if (tlsEnabled())
        qCInfo(fxServerLog).noquote() << QStringLiteral("TLS: %1").arg(m_ctx->tls().certificate().describe());
    // SECURITY.md, "Admin endpoints": said once per start, never with the token itself.
    if (o.adminToken.isEmpty())
        qCWarning(fxServerLog).noquote() << QStringLiteral(
            "admin endpoints are open: /metrics answers anyone because WEBSOCKET_ADMIN_TOKEN is "
            "not set (/health answers only its status)");
    if (o.listensBeyondLoopback() && !o.tokenVerifier)
        qCWarning(fxServerLog).noquote()
            << QStringLiteral("no client authentication: the server accepts connections beyond loopback (%1), so "
                              "any client that reaches port %2 can read every price and alert "
                              "(WEBSOCKET_AUTH=none; set WEBSOCKET_AUTH=jwt to require tokens)")
                   .arg(o.address.toString())
                   .arg(m_port);
    if (o.tokenVerifier)
        qCInfo(fxServerLog).noquote() << QStringLiteral("client authentication: WEBSOCKET_AUTH=jwt (%1)")
                                             .arg(o.tokenVerifier->allowedAlgorithms().join(QStringLiteral(", ")));
    return true;
}

bool StreamServer::tlsEnabled() const
{
    return m_ctx->tls().enabled();
}

bool StreamServer::reloadTls(QString *message)
{
    if (!m_ctx->tls().reload(message))
        return false;
    *message = QStringLiteral("TLS certificate reloaded: new connections get the %1; connected clients stay")
                   .arg(m_ctx->tls().certificate().describe());
    return true;
}

void StreamServer::setCorsOrigins(const QStringList &origins)
{
    m_ctx->setCorsOrigins(origins);
}

void StreamServer::setTokenVerifier(std::shared_ptr<const auth::TokenVerifier> verifier)
{
    m_ctx->setTokenVerifier(std::move(verifier));
}

void StreamServer::setRateLimits(double perSecond, int burst)
{
    m_ctx->setRateLimits(perSecond, burst);
}

void StreamServer::setMaxClientsPerIp(int maxClientsPerIp)
{
    m_ctx->limits().setMaxClientsPerAddress(maxClientsPerIp);
}

QString StreamServer::tlsCertificate() const
{
    return m_ctx->tls().certificate().describe();
}

void StreamServer::stop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    qCInfo(fxServerLog) << "stopping: closing every client with 1001";
    QMetaObject::invokeMethod(
        m_acceptor, [a = m_acceptor] { a->stop(); }, Qt::QueuedConnection);
    m_drained = 0;
    for (IoShard *shard : shards())
        QMetaObject::invokeMethod(shard, &IoShard::shutdown, Qt::QueuedConnection);
}

void StreamServer::onShardDrained()
{
    if (!m_stopping || ++m_drained < m_ioThreads.size())
        return;
    joinThreads();
    m_stopping = false;
    m_running = false;
    qCInfo(fxServerLog) << "stopped";
    Q_EMIT stopped();
}

void StreamServer::joinThreads()
{
    if (m_acceptThread) {
        delete m_acceptThread; // joins the thread, then deletes the acceptor
        m_acceptThread = nullptr;
        m_acceptor = nullptr;
    }
    {
        std::unique_lock lock(m_shardsLock);
        m_shards.clear();
    }
    for (core::WorkerThread *t : std::as_const(m_ioThreads))
        t->stop();
    // Every I/O thread is finished before any shard is deleted (shards reach each other):
    // deleting them from here is safe now.
    qDeleteAll(m_ioThreads);
    m_ioThreads.clear();
    m_running = false;
}

void StreamServer::publish(const QList<core::MarketEvent> &events)
{
    if (events.isEmpty())
        return;
    // PROTOCOL.md, "History and recovery": positions are given here, once per event, and the
    // batch reaches every shard in the order of its positions (one publisher at a time).
    std::lock_guard order(m_publishOrder);
    publish(m_ctx->history().stamp(events, core::monotonicMillis()));
    // PROTOCOL.md, "Alert rules": the rules of each tick's pair, after the tick went out.
    std::vector<FiredRule> fired;
    if (std::vector<AlertDelivery> deliveries = m_ctx->alerts().evaluate(events, &fired); !deliveries.empty())
        routeAlerts(*m_ctx, deliveries);
    if (!fired.empty())
        rulesFired(fired);
}

void StreamServer::rulesFired(const std::vector<FiredRule> &fired)
{
    // PROTOCOL.md, "Desk rules": a broadcast desk rule's price_alert, with "owner": "desk", to
    // every client whose token permits the pair, one encoding shared by all.
    BroadcastBatch batch;
    for (const FiredRule &f : fired) {
        if (!f.desk() || !f.firing.rule.broadcast)
            continue;
        QJsonObject data = f.firing.toJson();
        data.insert(QStringLiteral("owner"), f.owner);
        batch.append(encodeBroadcast(protocol::event::PriceAlert, data, Broadcast::Scope::PermittedPair,
                                     f.firing.rule.pairIndex));
    }
    publish(batch);
    if (m_ctx->options().onRulesFired)
        m_ctx->options().onRulesFired(fired);
}

void StreamServer::addDeskRule(rules::AlertRule rule, std::function<void(rules::BookResult)> done)
{
    const QList<IoShard *> all = shards();
    if (all.isEmpty())
        return;
    ServerContext *ctx = m_ctx.get();
    QMetaObject::invokeMethod(
        all.first(),
        [ctx, rule = std::move(rule), done = std::move(done)]() mutable {
            const QString pair = rule.pair;
            rules::BookResult r = ctx->alerts().addDesk(std::move(rule), QDateTime::currentMSecsSinceEpoch());
            qCInfo(fxServerLog).noquote() << "operator added desk alert rule" << (r.ok() ? r.rule.id : pair)
                                          << (r.ok() ? QString() : QStringLiteral("(%1)").arg(r.message));
            if (done)
                done(std::move(r));
        },
        Qt::QueuedConnection);
}

void StreamServer::publish(const BroadcastBatch &batch)
{
    if (batch.isEmpty())
        return;
    std::shared_lock lock(m_shardsLock);
    for (IoShard *shard : std::as_const(m_shards))
        shard->enqueue(batch);
}

void StreamServer::warmCache(const QList<core::MarketEvent> &prices)
{
    BroadcastBatch batch;
    for (const core::MarketEvent &e : prices) {
        if (!std::holds_alternative<core::PriceTick>(e))
            continue;
        auto b = std::const_pointer_cast<Broadcast>(encodeBroadcast(e));
        b->cacheOnly = true;
        batch.append(b);
    }
    publish(batch);
}

void StreamServer::setRedisStatus(const QJsonObject &status)
{
    m_ctx->setRedisStatus(status);
}

void StreamServer::setRedisStatusProvider(std::function<QJsonObject()> provider)
{
    m_ctx->setRedisStatusProvider(std::move(provider));
}

void StreamServer::setDatabaseStatus(const QJsonObject &status)
{
    m_ctx->setDatabaseStatus(status);
}

void StreamServer::setFeedStatus(const FeedStatus &status, bool announce)
{
    m_ctx->setFeedStatus(status);
    if (announce && status.known)
        publish(BroadcastBatch{
            encodeBroadcast(protocol::event::FeedStatus, status.toJson(), Broadcast::Scope::Subscribers)});
}

void StreamServer::requestClients(QObject *context, const std::function<void(const QList<ClientInfo> &)> &done)
{
    const QList<IoShard *> all = shards();
    if (all.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done] { done({}); }, Qt::QueuedConnection);
        return;
    }
    const QPointer<QObject> target(context);
    gatherShards<QList<ClientInfo>>(
        all, [](IoShard *shard) { return shard->clients(); },
        [target, done](QList<QList<ClientInfo>> parts) {
            QList<ClientInfo> rows;
            for (const QList<ClientInfo> &part : std::as_const(parts))
                rows += part;
            if (target)
                QMetaObject::invokeMethod(
                    target, [done, rows = std::move(rows)] { done(rows); }, Qt::QueuedConnection);
        });
}

void StreamServer::requestAlertRules(std::function<void(QList<OwnedAlertRule>)> collect)
{
    const QList<IoShard *> all = shards();
    if (all.isEmpty())
        return;
    ServerContext *ctx = m_ctx.get();
    gatherShards<QHash<quint64, QByteArray>>(
        all, [](IoShard *shard) { return shard->alertClientIds(); },
        [ctx, collect](QList<QHash<quint64, QByteArray>> parts) {
            QHash<quint64, QByteArray> ids; // alert handle -> client id, of every shard
            for (const QHash<quint64, QByteArray> &part : std::as_const(parts))
                ids.insert(part);
            QList<OwnedAlertRule> rows;
            const QList<std::pair<rules::Owner, rules::AlertRule>> rules = ctx->alerts().all();
            rows.reserve(rules.size());
            for (const auto &[owner, rule] : rules)
                rows.append(OwnedAlertRule{owner, ids.value(owner.handle), rule});
            collect(std::move(rows));
        });
}

void StreamServer::setAlertRuleEnabled(const QString &id, bool enabled)
{
    changeAlertRule(shards(), m_ctx.get(),
                    (enabled ? QStringLiteral("enabled alert rule ") : QStringLiteral("disabled alert rule ")) + id,
                    [id, enabled](AlertService &alerts, std::vector<AlertDelivery> *notify) {
                        rules::AlertUpdate update;
                        update.id = id;
                        update.enabled = enabled;
                        return alerts.updateAny(update, QDateTime::currentMSecsSinceEpoch(), notify);
                    });
}

void StreamServer::deleteAlertRule(const QString &id)
{
    changeAlertRule(
        shards(), m_ctx.get(), QStringLiteral("deleted alert rule ") + id,
        [id](AlertService &alerts, std::vector<AlertDelivery> *notify) { return alerts.removeAny(id, notify); });
}

QList<IoShard *> StreamServer::shards() const
{
    std::shared_lock lock(m_shardsLock);
    return m_shards;
}

void StreamServer::kick(const QByteArray &clientId)
{
    std::shared_lock lock(m_shardsLock);
    for (IoShard *shard : std::as_const(m_shards))
        QMetaObject::invokeMethod(
            shard, [shard, clientId] { shard->kick(clientId); }, Qt::QueuedConnection);
}

} // namespace fx::server
