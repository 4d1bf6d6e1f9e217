#include "storagetestsupport.h"

#include "core/timeutil.h"
#include "storage/baraggregator.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

namespace fx::storage::test {

core::PriceTick tick(const QString &pair, const QString &bid, const QString &ask, qint64 quotedMicros)
{
    core::PriceTick t;
    t.instrument = pair;
    t.quote.bid = bid;
    t.quote.ask = ask;
    t.quote.mid = core::decimal::midpoint(bid, ask);
    t.quote.time = core::isoTimestamp(quotedMicros);
    t.bid = bid.toDouble();
    t.ask = ask.toDouble();
    t.mid = t.quote.mid.toDouble();
    t.timeMicros = quotedMicros;
    t.relayedMicros = quotedMicros + 1500;
    return t;
}

core::VolatilityAlert volatility(const QString &pair, double value, core::Severity severity, const QString &message,
                                 qint64 raisedMicros, std::optional<double> threshold)
{
    core::VolatilityAlert a;
    a.instrument = pair;
    a.volatility = value;
    a.threshold = threshold;
    a.severity = severity;
    a.message = message;
    a.timestamp = core::isoTimestamp(raisedMicros);
    a.raisedMicros = raisedMicros;
    a.receivedMicros = raisedMicros + 2000;
    a.extras.insert(QStringLiteral("source"), QStringLiteral("test"));
    return a;
}

core::CorrelationAlert correlation(const QString &a, const QString &b, double value, core::Severity severity,
                                   const QString &message, qint64 raisedMicros)
{
    core::CorrelationAlert c;
    c.pairA = a;
    c.pairB = b;
    c.correlation = value;
    c.previous = value - 0.3;
    c.change = 0.3;
    c.threshold = 0.25;
    c.severity = severity;
    c.message = message;
    c.timestamp = core::isoTimestamp(raisedMicros);
    c.raisedMicros = raisedMicros;
    c.receivedMicros = raisedMicros + 3000;
    return c;
}

qint64 baseMicros(qint64 offsetMicros)
{
    static const qint64 base = BarAggregator::minuteOf(core::nowMicros() - 2 * 3600LL * 1000000);
    return base + offsetMicros;
}

// ---- PostgreSQL -----------------------------------------------------------------------------

StorageConfig PgServer::config(const QString &db) const
{
    StorageConfig c = StorageConfig::postgres(host, port, db, user, password);
    c.connectTimeoutS = 3;
    return c;
}

std::optional<PgServer> readPgEnv(const QString &file, QString *error)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(file, f.errorString());
        return std::nullopt;
    }
    QHash<QString, QString> v;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const qsizetype eq = line.indexOf('=');
        if (eq > 0)
            v.insert(QString::fromUtf8(line.left(eq)).trimmed(), QString::fromUtf8(line.mid(eq + 1)).trimmed());
    }
    PgServer s;
    s.host = v.value(QStringLiteral("FX_PG_HOST"));
    s.port = quint16(v.value(QStringLiteral("FX_PG_PORT")).toUInt());
    s.database = v.value(QStringLiteral("FX_PG_DB"));
    s.user = v.value(QStringLiteral("FX_PG_USER"));
    s.password = v.value(QStringLiteral("FX_PG_PASSWORD"));
    s.socketDir = v.value(QStringLiteral("FX_PG_SOCKET_DIR"));
    s.bin = v.value(QStringLiteral("FX_PG_BIN"));
    if (s.host.isEmpty() || s.port == 0 || s.database.isEmpty()) {
        *error = QStringLiteral("%1 lacks FX_PG_HOST, FX_PG_PORT or FX_PG_DB").arg(file);
        return std::nullopt;
    }
    return s;
}

std::optional<PgServer> fixtureServer(QString *error)
{
    const QString file = qEnvironmentVariable("FX_PG_ENV_FILE");
    if (file.isEmpty()) {
        *error = QStringLiteral("FX_PG_ENV_FILE is not set: run this suite through ctest, which starts PostgreSQL "
                                "with the storage_pg_setup fixture (tests/fixtures/postgres.sh)");
        return std::nullopt;
    }
    if (!QFile::exists(file)) {
        *error = QStringLiteral("%1 does not exist: the PostgreSQL fixture (storage_pg_setup, "
                                "tests/fixtures/postgres.sh) did not start a server; is the 'postgresql' package "
                                "installed?")
                     .arg(file);
        return std::nullopt;
    }
    return readPgEnv(file, error);
}

bool runPgScript(const QStringList &args, QString *output)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(FX_SOURCE_DIR "/tests/fixtures/postgres.sh"), args);
    if (!p.waitForStarted(10000)) {
        *output = QStringLiteral("cannot run tests/fixtures/postgres.sh: %1").arg(p.errorString());
        return false;
    }
    p.waitForFinished(120000);
    *output = QString::fromUtf8(p.readAll()).trimmed();
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// ---- throw-away databases -------------------------------------------------------------------

TestDatabases::~TestDatabases()
{
    if (!m_server || m_created.isEmpty())
        return;
    SqlConnection admin;
    QString error;
    if (!admin.open(m_server->config(m_server->database), &error))
        return;
    for (const QString &db : std::as_const(m_created))
        admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db), &error);
}

bool TestDatabases::init(Engine engine, QString *error)
{
    m_engine = engine;
    if (engine == Engine::Sqlite) {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("cannot create a temporary folder");
            return false;
        }
        return true;
    }
    m_server = fixtureServer(error);
    return m_server.has_value();
}

std::optional<StorageConfig> TestDatabases::fresh(const QString &tag, QString *error)
{
    ++m_counter;
    if (m_engine == Engine::Sqlite)
        return StorageConfig::sqlite(m_dir.filePath(QStringLiteral("%1-%2.sqlite").arg(tag).arg(m_counter)));
    const QString name = QStringLiteral("fx_%1_%2_%3")
                             .arg(tag.toLower().replace(QLatin1Char('-'), QLatin1Char('_')))
                             .arg(QCoreApplication::applicationPid())
                             .arg(m_counter);
    SqlConnection admin;
    if (!admin.open(m_server->config(m_server->database), error))
        return std::nullopt;
    if (!admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(name), error)
        || !admin.exec(QStringLiteral("CREATE DATABASE %1").arg(name), error))
        return std::nullopt;
    m_created << name;
    return m_server->config(name);
}

QVariant scalar(SqlConnection &c, const QString &sql, const QVariantList &values, QString *error)
{
    QSqlQuery q(c.database());
    if (!q.prepare(sql)) {
        if (error)
            *error = sqlErrorText(q.lastError());
        return {};
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = sqlErrorText(q.lastError());
        return {};
    }
    return q.value(0);
}

qint64 count(SqlConnection &c, const QString &table, const QString &where)
{
    const QVariant v = scalar(c,
                              QStringLiteral("SELECT COUNT(*) FROM %1%2")
                                  .arg(table, where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where));
    return v.isValid() ? v.toLongLong() : -1;
}

// ---- reader, synchronously ------------------------------------------------------------------

Replies::Replies(StorageReader *reader, QObject *parent) : QObject(parent), m_reader(reader)
{
    connect(reader, &StorageReader::alertsReady, this,
            [this](quint64 id, const AlertPage &page) { m_answers.insert(id, QVariant::fromValue(page)); });
    connect(reader, &StorageReader::ticksReady, this,
            [this](quint64 id, const QList<TickRecord> &rows) { m_answers.insert(id, QVariant::fromValue(rows)); });
    connect(reader, &StorageReader::barsReady, this,
            [this](quint64 id, const QList<BarRecord> &rows) { m_answers.insert(id, QVariant::fromValue(rows)); });
    connect(reader, &StorageReader::connectionsReady, this, [this](quint64 id, const QList<ConnectionRecord> &rows) {
        m_answers.insert(id, QVariant::fromValue(rows));
    });
    connect(reader, &StorageReader::queryFailed, this,
            [this](quint64 id, const QString &error) { m_failures.insert(id, error); });
}

bool Replies::wait(quint64 id, QString *error)
{
    const bool answered = QTest::qWaitFor([&] { return m_answers.contains(id) || m_failures.contains(id); }, 15000);
    QString why = !answered ? QStringLiteral("no answer to request %1 within 15 s").arg(id) : m_failures.take(id);
    if (error)
        *error = why;
    if (!why.isEmpty())
        qWarning().noquote() << "query failed:" << why;
    return why.isEmpty();
}

std::optional<AlertPage> Replies::alerts(const AlertQuery &query, QString *error)
{
    const quint64 id = m_reader->requestAlerts(query);
    if (!wait(id, error))
        return std::nullopt;
    return m_answers.take(id).value<AlertPage>();
}

std::optional<QList<TickRecord>> Replies::ticks(const SeriesQuery &query, QString *error)
{
    const quint64 id = m_reader->requestTicks(query);
    if (!wait(id, error))
        return std::nullopt;
    return m_answers.take(id).value<QList<TickRecord>>();
}

std::optional<QList<BarRecord>> Replies::bars(const SeriesQuery &query, QString *error)
{
    const quint64 id = m_reader->requestBars(query);
    if (!wait(id, error))
        return std::nullopt;
    return m_answers.take(id).value<QList<BarRecord>>();
}

std::optional<QList<ConnectionRecord>> Replies::connections(const ConnectionQuery &query, QString *error)
{
    const quint64 id = m_reader->requestConnections(query);
    if (!wait(id, error))
        return std::nullopt;
    return m_answers.take(id).value<QList<ConnectionRecord>>();
}

bool waitWritten(Storage *storage, quint64 ticks, quint64 alerts, quint64 connections, int timeoutMs)
{
    storage->flush();
    return QTest::qWaitFor(
        [&] {
            const StorageStatus s = storage->status();
            return s.writtenTicks >= ticks && s.writtenAlerts >= alerts && s.writtenConnections >= connections;
        },
        timeoutMs);
}

} // namespace fx::storage::test
