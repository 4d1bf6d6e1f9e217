// Every store and the migrations against a real database: built twice, as tst_storage_sqlite
// (temporary SQLite files) and tst_storage_pg (FX_TEST_POSTGRES: the PostgreSQL fixture).

#include "storagetestsupport.h"

#include "core/marketsessions.h"
#include "core/timeutil.h"
#include "storage/baraggregator.h"
#include "storage/schema.h"
#include "storage/storagethread.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <memory>

using namespace fx::storage;
using namespace fx::storage::test;
using fx::core::MarketEvent;
using fx::core::MarketSession;
using fx::core::MarketSessions;
using fx::core::Severity;

namespace {
#ifdef FX_TEST_POSTGRES
constexpr Engine kEngine = Engine::Postgres;
#else
constexpr Engine kEngine = Engine::Sqlite;
#endif

constexpr qint64 kSecond = 1000000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kDay = 24LL * 3600 * kSecond;

// The documented columns of every table (docs/STORAGE.md).
const QHash<QString, QString> &tableColumns()
{
    static const QHash<QString, QString> columns{
        {QStringLiteral("schema_version"), QStringLiteral("version, description, applied_at")},
        {QStringLiteral("alerts"),
         QStringLiteral("id, type, pair, pair_b, value, threshold, severity, message, raised_at, received_at,"
                        " acknowledged_at, acknowledged_by, payload, owner")},
        {QStringLiteral("price_ticks"),
         QStringLiteral("id, pair, bid_text, ask_text, mid_text, bid, ask, mid, quoted_at, received_at")},
        {QStringLiteral("price_bars_1m"),
         QStringLiteral("pair, minute_start, open, high, low, close, tick_count, open_time, close_time")},
        {QStringLiteral("client_connections"),
         QStringLiteral("client_id, remote_address, protocol, transport, connected_at, disconnected_at, rooms,"
                        " messages_sent, bytes_sent, messages_received, disconnect_reason, updated_at, client_user")},
        {QStringLiteral("market_sessions"),
         QStringLiteral("name, time_zone, opens_utc, closes_utc, open_minute, close_minute, sort_order")},
        {QStringLiteral("user_alert_rules"), QStringLiteral("id, owner, pair, rule, created_at, updated_at")},
        {QStringLiteral("user_subscriptions"), QStringLiteral("owner, pairs, updated_at")},
    };
    return columns;
}

bool selectWorks(SqlConnection &c, const QString &table, const QString &columns)
{
    QSqlQuery q(c.database());
    return q.exec(QStringLiteral("SELECT %1 FROM %2 WHERE 1 = 0").arg(columns, table));
}

QStringList messages(const AlertPage &page)
{
    QStringList out;
    for (const AlertRecord &a : page.rows)
        out << a.message;
    return out;
}

} // namespace

// The storage's signals, re-emitted on the thread that creates this object (queued).
class StorageSignals : public QObject
{
    Q_OBJECT

public:
    explicit StorageSignals(Storage *storage)
    {
        connect(storage, &Storage::batchCommitted, this, &StorageSignals::batchCommitted, Qt::QueuedConnection);
        connect(storage, &Storage::acknowledged, this, &StorageSignals::acknowledged, Qt::QueuedConnection);
        connect(storage, &Storage::pruned, this, &StorageSignals::pruned, Qt::QueuedConnection);
    }

Q_SIGNALS:
    void batchCommitted(const fx::storage::CommitInfo &info);
    void acknowledged(quint64 requestId, qint64 count);
    void pruned(const fx::storage::PruneInfo &deleted);
};

class TestStorageEngine : public QObject
{
    Q_OBJECT

private:
    // A running storage on a fresh database, with a synchronous reader. The storage's signals
    // come from its thread; the spies record them on this one, through queued connections to
    // mainThread (a QSignalSpy appends without a lock: one filled from another thread while
    // the test reads it is a data race, which ThreadSanitizer reports).
    struct Harness
    {
        StorageConfig config;
        std::unique_ptr<StorageSignals> mainThread;
        std::unique_ptr<QSignalSpy> committed;
        std::unique_ptr<QSignalSpy> acknowledged;
        std::unique_ptr<QSignalSpy> pruned;
        std::unique_ptr<StorageThread> thread;
        std::unique_ptr<Replies> replies;
        Storage *storage() const { return thread->storage(); }
        ~Harness()
        {
            replies.reset();
            thread.reset();
        }
    };

    std::unique_ptr<Harness> startStorage(const QString &tag, const std::function<void(StorageConfig &)> &adjust = {})
    {
        QString error;
        auto cfg = m_dbs.fresh(tag, &error);
        if (!cfg) {
            qWarning().noquote() << "cannot create a database:" << error;
            return nullptr;
        }
        cfg->retryInitialMs = 50;
        cfg->retryMaxMs = 200;
        if (adjust)
            adjust(*cfg);
        auto h = std::make_unique<Harness>();
        h->config = *cfg;
        h->thread = std::make_unique<StorageThread>(*cfg);
        h->replies = std::make_unique<Replies>(h->thread->reader());
        h->mainThread = std::make_unique<StorageSignals>(h->storage());
        h->committed = std::make_unique<QSignalSpy>(h->mainThread.get(), &StorageSignals::batchCommitted);
        h->acknowledged = std::make_unique<QSignalSpy>(h->mainThread.get(), &StorageSignals::acknowledged);
        h->pruned = std::make_unique<QSignalSpy>(h->mainThread.get(), &StorageSignals::pruned);
        if (!QTest::qWaitFor([&] { return h->storage()->status().state == StorageState::Ok; }, 15000)) {
            qWarning().noquote() << "storage did not open:" << h->storage()->status().describe();
            return nullptr;
        }
        return h;
    }

    TestDatabases m_dbs;
    std::unique_ptr<Harness> m_filterSet; // seeded once for the data-driven filter test
    QHash<QString, qint64> m_filterIds; // message -> id

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_dbs.init(kEngine, &error), qPrintable(error));
    }

    void cleanupTestCase() { m_filterSet.reset(); }

    // ---- migrations -----------------------------------------------------------------------

    void migrateFromEmpty()
    {
        QString error;
        auto cfg = m_dbs.fresh(QStringLiteral("empty"), &error);
        QVERIFY2(cfg, qPrintable(error));
        SqlConnection c;
        QVERIFY2(c.open(*cfg, &error), qPrintable(error));
        QCOMPARE(Schema::version(c, &error), 0);
        for (const QString &table : Schema::tables())
            QVERIFY2(!selectWorks(c, table, QStringLiteral("*")), qPrintable(table));

        const MigrationResult r = Schema::migrate(c);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.fromVersion, 0);
        QCOMPARE(r.toVersion, Schema::kLatestVersion);
        QCOMPARE(Schema::version(c, &error), Schema::kLatestVersion);
        for (const QString &table : Schema::tables())
            QVERIFY2(selectWorks(c, table, tableColumns().value(table)), qPrintable(table));
        QCOMPARE(count(c, QStringLiteral("schema_version")), qint64(Schema::kLatestVersion));

        // Again: nothing to do.
        const MigrationResult again = Schema::migrate(c);
        QVERIFY2(again.ok(), qPrintable(again.error));
        QCOMPARE(again.fromVersion, Schema::kLatestVersion);
        QCOMPARE(again.toVersion, Schema::kLatestVersion);
        QCOMPARE(count(c, QStringLiteral("schema_version")), qint64(Schema::kLatestVersion));
    }

    void migrateFromEarlier_data()
    {
        QTest::addColumn<int>("from");
        for (int v = 1; v < Schema::kLatestVersion; ++v)
            QTest::addRow("from version %d", v) << v;
    }
    void migrateFromEarlier()
    {
        QFETCH(int, from);
        QString error;
        auto cfg = m_dbs.fresh(QStringLiteral("from%1").arg(from), &error);
        QVERIFY2(cfg, qPrintable(error));
        {
            SqlConnection c;
            QVERIFY2(c.open(*cfg, &error), qPrintable(error));
            const MigrationResult r = Schema::migrate(c, from);
            QVERIFY2(r.ok(), qPrintable(r.error));
            QCOMPARE(Schema::version(c, &error), from);
            // The later tables and columns do not exist yet.
            QCOMPARE(selectWorks(c, QStringLiteral("alerts"), QStringLiteral("acknowledged_by")), from >= 3);
            QCOMPARE(selectWorks(c, QStringLiteral("client_connections"), QStringLiteral("client_user")), from >= 4);
            QCOMPARE(selectWorks(c, QStringLiteral("price_bars_1m"), QStringLiteral("*")), from >= 2);

            // Data as a program of that version wrote it: three ticks over two minutes, one alert.
            const qint64 t0 = baseMicros();
            const struct
            {
                qint64 at;
                double mid;
            } ticks[] = {{t0 + 10 * kSecond, 1.10}, {t0 + 40 * kSecond, 1.30}, {t0 + 70 * kSecond, 1.20}};
            for (const auto &t : ticks) {
                QSqlQuery q(c.database());
                q.prepare(QStringLiteral("INSERT INTO price_ticks (pair, bid_text, ask_text, mid_text, bid, ask, mid,"
                                         " quoted_at, received_at) VALUES ('EUR_USD', '1', '1', '1', ?, ?, ?, ?, ?)"));
                q.addBindValue(t.mid);
                q.addBindValue(t.mid);
                q.addBindValue(t.mid);
                q.addBindValue(t.at);
                q.addBindValue(t.at);
                QVERIFY2(q.exec(), qPrintable(sqlErrorText(q.lastError())));
            }
            QSqlQuery a(c.database());
            QVERIFY2(a.exec(QStringLiteral("INSERT INTO alerts (type, pair, value, severity, message, raised_at,"
                                           " received_at, acknowledged_at, payload) VALUES ('volatility', 'EUR_USD',"
                                           " 0.03, 'warning', 'old alert', 1, 2, 3, '{}')")),
                     qPrintable(sqlErrorText(a.lastError())));
            if (from >= 2) {
                QSqlQuery k(c.database());
                QVERIFY2(k.exec(QStringLiteral("INSERT INTO client_connections (client_id, remote_address, protocol,"
                                               " transport, connected_at, rooms, updated_at) VALUES"
                                               " ('old-client', '10.1.1.1:4000', 'json', 'websocket', 5, '[]', 5)")),
                         qPrintable(sqlErrorText(k.lastError())));
            }
        }

        // The real start-up path migrates it.
        StorageConfig run = *cfg;
        StorageThread thread(run);
        QTRY_COMPARE_WITH_TIMEOUT(thread.storage()->status().state, StorageState::Ok, 15000);
        QCOMPARE(thread.storage()->status().schemaVersion, Schema::kLatestVersion);

        SqlConnection c;
        QVERIFY2(c.open(*cfg, &error), qPrintable(error));
        QCOMPARE(Schema::version(c, &error), Schema::kLatestVersion);
        QCOMPARE(count(c, QStringLiteral("schema_version")), qint64(Schema::kLatestVersion));
        for (const QString &table : Schema::tables())
            QVERIFY2(selectWorks(c, table, tableColumns().value(table)), qPrintable(table));
        // Old rows survive; the new column is empty.
        QCOMPARE(count(c, QStringLiteral("alerts"),
                       QStringLiteral("message = 'old alert' AND acknowledged_at = 3"
                                      " AND acknowledged_by IS NULL")),
                 qint64(1));
        QCOMPARE(count(c, QStringLiteral("price_ticks")), qint64(3));
        if (from >= 2) {
            QCOMPARE(count(c, QStringLiteral("client_connections"),
                           QStringLiteral("client_id = 'old-client' AND client_user IS NULL")), // step 4
                     qint64(1));
            // Bars did not exist then: the ticks written by that version have none.
            QCOMPARE(count(c, QStringLiteral("price_bars_1m")), qint64(0));
        } else {
            // Version 2 built bars from the ticks already stored.
            Replies replies(thread.reader());
            const auto bars = replies.bars({QStringLiteral("EUR_USD"), 0, 0, 100});
            QVERIFY(bars);
            QCOMPARE(bars->size(), 2);
            const qint64 m0 = BarAggregator::minuteOf(baseMicros());
            QCOMPARE(bars->at(0).minuteMicros, m0);
            QCOMPARE(bars->at(0).open, 1.10);
            QCOMPARE(bars->at(0).high, 1.30);
            QCOMPARE(bars->at(0).low, 1.10);
            QCOMPARE(bars->at(0).close, 1.30);
            QCOMPARE(bars->at(0).tickCount, qint64(2));
            QCOMPARE(bars->at(1).minuteMicros, m0 + kMinute);
            QCOMPARE(bars->at(1).open, 1.20);
            QCOMPARE(bars->at(1).tickCount, qint64(1));
        }
    }

    void refuseNewerSchema()
    {
        QString error;
        auto cfg = m_dbs.fresh(QStringLiteral("newer"), &error);
        QVERIFY2(cfg, qPrintable(error));
        {
            SqlConnection c;
            QVERIFY2(c.open(*cfg, &error), qPrintable(error));
            QVERIFY(Schema::migrate(c).ok());
            QVERIFY2(c.exec(QStringLiteral("INSERT INTO schema_version (version, description, applied_at)"
                                           " VALUES (%1, 'from the future', 1)")
                                .arg(Schema::kLatestVersion + 1),
                            &error),
                     qPrintable(error));
            // The migration itself refuses and changes nothing.
            const MigrationResult r = Schema::migrate(c);
            QCOMPARE(r.outcome, MigrationResult::Outcome::RefusedNewer);
            QCOMPARE(r.fromVersion, Schema::kLatestVersion + 1);
            QVERIFY2(r.error.contains(QStringLiteral("newer")), qPrintable(r.error));
        }
        cfg->retryInitialMs = 50;
        cfg->retryMaxMs = 100;
        StorageThread thread(*cfg);
        Storage *s = thread.storage();
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::RefusedNewerSchema, 15000);
        const StorageStatus st = s->status();
        QVERIFY2(st.lastError.contains(QStringLiteral("version %1").arg(Schema::kLatestVersion + 1)),
                 qPrintable(st.lastError));
        QCOMPARE(st.schemaVersion, Schema::kLatestVersion + 1);
        QCOMPARE(s->statusJson().value(QStringLiteral("state")).toString(), QStringLiteral("refused_newer_schema"));

        // Writes are held, never written, while the storage keeps checking.
        s->recordEvents(
            {tick(QStringLiteral("EUR_USD"), QStringLiteral("1.1"), QStringLiteral("1.2"), baseMicros()),
             volatility(QStringLiteral("EUR_USD"), 0.05, Severity::Critical, QStringLiteral("held"), baseMicros())});
        QCOMPARE(s->status().bufferedRows, qint64(2));
        const quint64 attempts = s->status().openAttempts;
        QTRY_VERIFY_WITH_TIMEOUT(s->status().openAttempts >= attempts + 2, 10000);
        QCOMPARE(s->status().state, StorageState::RefusedNewerSchema);
        QCOMPARE(s->status().bufferedRows, qint64(2));
        SqlConnection c;
        QVERIFY2(c.open(*cfg, &error), qPrintable(error));
        QCOMPARE(count(c, QStringLiteral("price_ticks")), qint64(0));
        QCOMPARE(count(c, QStringLiteral("alerts")), qint64(0));
        QCOMPARE(count(c, QStringLiteral("schema_version")), qint64(Schema::kLatestVersion + 1));

        // The reader refuses too.
        Replies replies(thread.reader());
        QVERIFY(!replies.alerts({}, &error));
        QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    }

    // ---- stores ---------------------------------------------------------------------------

    void marketSessionsTable()
    {
        auto h = startStorage(QStringLiteral("sessions"));
        QVERIFY(h);
        SqlConnection c;
        QString error;
        QVERIFY2(c.open(h->config, &error), qPrintable(error));
        QSqlQuery q(c.database());
        QVERIFY(q.exec(QStringLiteral("SELECT name, time_zone, opens_utc, closes_utc, open_minute, close_minute"
                                      " FROM market_sessions ORDER BY sort_order")));
        const QList<MarketSession> &expected = MarketSessions::all();
        int i = 0;
        for (; q.next(); ++i) {
            QVERIFY(i < expected.size());
            const MarketSession &s = expected.at(i);
            QCOMPARE(q.value(0).toString(), s.name);
            QCOMPARE(q.value(1).toString(), s.timeZone);
            QCOMPARE(q.value(2).toString(), MarketSession::formatMinute(s.openMinute));
            QCOMPARE(q.value(3).toString(), MarketSession::formatMinute(s.closeMinute));
            QCOMPARE(q.value(4).toInt(), s.openMinute);
            QCOMPARE(q.value(5).toInt(), s.closeMinute);
        }
        QCOMPARE(i, 4);
    }

    void alertsRoundTrip()
    {
        auto h = startStorage(QStringLiteral("alerts"));
        QVERIFY(h);
        const auto vol = volatility(QStringLiteral("EUR_USD"), 0.0345, Severity::Critical,
                                    QStringLiteral("EUR/USD volatility 3.45% above 2%"), baseMicros(1 * kSecond));
        auto corr = correlation(QStringLiteral("GBP_USD"), QStringLiteral("EUR_USD"), 0.91, Severity::Warning,
                                QStringLiteral("GBP/USD and EUR/USD correlation jumped"), baseMicros(2 * kSecond));
        QSignalSpy &committed = *h->committed;
        h->storage()->recordEvents({vol, corr});
        QVERIFY(waitWritten(h->storage(), 0, 2));
        QVERIFY(!committed.isEmpty());
        const CommitInfo info = committed.last().at(0).value<CommitInfo>();
        QVERIFY(info.lastAlertId > 0);

        const auto page = h->replies->alerts({});
        QVERIFY(page);
        QCOMPARE(page->total, qint64(2));
        QCOMPARE(page->rows.size(), 2);
        // Newest first.
        const AlertRecord &c = page->rows.at(0);
        const AlertRecord &v = page->rows.at(1);
        QCOMPARE(c.id, info.lastAlertId);
        QVERIFY(v.id < c.id);
        QCOMPARE(c.type, QStringLiteral("correlation"));
        QCOMPARE(c.pair, QStringLiteral("GBP_USD"));
        QCOMPARE(c.pairB, QStringLiteral("EUR_USD"));
        QCOMPARE(c.value, 0.91);
        QCOMPARE(c.threshold, std::optional<double>(0.25));
        QCOMPARE(c.severity, QStringLiteral("warning"));
        QCOMPARE(c.message, corr.message);
        QCOMPARE(c.raisedAtMicros, corr.raisedMicros);
        QCOMPARE(c.receivedAtMicros, corr.receivedMicros);
        QCOMPARE(c.acknowledgedAtMicros, qint64(0));
        QCOMPARE(c.payload, corr.toPayload());

        QCOMPARE(v.type, QStringLiteral("volatility"));
        QCOMPARE(v.pair, QStringLiteral("EUR_USD"));
        QVERIFY(v.pairB.isEmpty());
        QCOMPARE(v.value, 0.0345);
        QCOMPARE(v.threshold, std::optional<double>(0.02));
        QCOMPARE(v.severity, QStringLiteral("critical"));
        QCOMPARE(v.raisedAtMicros, vol.raisedMicros);
        QCOMPARE(v.payload, vol.toPayload());
        QCOMPARE(v.payload.value(QStringLiteral("source")).toString(), QStringLiteral("test"));

        // A missing threshold stays missing.
        h->storage()->recordEvents({volatility(QStringLiteral("USD_JPY"), 0.5, Severity::Info,
                                               QStringLiteral("no threshold"), baseMicros(3 * kSecond), std::nullopt)});
        QVERIFY(waitWritten(h->storage(), 0, 3));
        const auto latest = h->replies->alerts({{}, 0, 1});
        QVERIFY(latest);
        QCOMPARE(latest->rows.size(), 1);
        QCOMPARE(latest->rows.at(0).message, QStringLiteral("no threshold"));
        QVERIFY(!latest->rows.at(0).threshold.has_value());
        QVERIFY(latest->rows.at(0).owner.isEmpty()); // the pipeline's: owner NULL

        // A fired alert rule (Storage::recordAlerts): its owner is kept (alerts.owner).
        AlertRecord fired;
        fired.type = QStringLiteral("price_alert");
        fired.pair = QStringLiteral("EUR_USD");
        fired.value = 1.091;
        fired.threshold = 1.09;
        fired.severity = QStringLiteral("info");
        fired.message = QStringLiteral("EUR_USD bid rose above 1.09 (1.091)");
        fired.raisedAtMicros = baseMicros(4 * kSecond);
        fired.payload = QJsonObject{{QStringLiteral("price"), 1.091}};
        fired.owner = QStringLiteral("alice");
        h->storage()->recordAlerts({fired});
        QVERIFY(waitWritten(h->storage(), 0, 4));
        AlertQuery priceAlerts;
        priceAlerts.filter.type = QStringLiteral("price_alert");
        const auto owned = h->replies->alerts(priceAlerts);
        QVERIFY(owned);
        QCOMPARE(owned->rows.size(), 1);
        QCOMPARE(owned->rows.at(0).owner, QStringLiteral("alice"));
        QCOMPARE(owned->rows.at(0).message, fired.message);
        QCOMPARE(owned->rows.at(0).threshold, fired.threshold);
        QCOMPARE(owned->rows.at(0).raisedAtMicros, fired.raisedAtMicros);
        QVERIFY(owned->rows.at(0).receivedAtMicros > 0); // now, when not given
        QCOMPARE(owned->rows.at(0).payload, fired.payload);
    }

    void alertFilters_data()
    {
        QTest::addColumn<AlertFilter>("filter");
        QTest::addColumn<QStringList>("expected"); // messages, newest first

        // The set (seeded once, see seedFilterSet): a1..a8 raised a second apart.
        QTest::newRow("everything") << AlertFilter{} << QStringList{"a8", "a7", "a6", "a5", "a4", "a3", "a2", "a1"};
        AlertFilter f;
        f.type = QStringLiteral("correlation");
        QTest::newRow("type correlation") << f << QStringList{"a7", "a5", "a3"};
        f = {};
        f.type = QStringLiteral("volatility");
        QTest::newRow("type volatility") << f << QStringList{"a8", "a6", "a4", "a2", "a1"};
        f = {};
        f.severity = QStringLiteral("critical");
        QTest::newRow("severity critical") << f << QStringList{"a6", "a5", "a2"};
        f = {};
        f.pair = QStringLiteral("EUR_USD");
        QTest::newRow("pair matches either side") << f << QStringList{"a5", "a3", "a1"};
        f = {};
        f.text = QStringLiteral("SPIKE");
        QTest::newRow("text, any case") << f << QStringList{"a6", "a2"};
        f = {};
        f.text = QStringLiteral("50%");
        QTest::newRow("text with a LIKE wildcard") << f << QStringList{"a4"};
        f = {};
        f.text = QStringLiteral("_");
        QTest::newRow("underscore is literal") << f << QStringList{"a8"};
        f = {};
        f.fromMicros = baseMicros(3 * kSecond);
        f.toMicros = baseMicros(6 * kSecond);
        QTest::newRow("time range [3 s, 6 s)") << f << QStringList{"a5", "a4", "a3"};
        f = {};
        f.acknowledged = AckFilter::Acknowledged;
        QTest::newRow("acknowledged") << f << QStringList{"a3", "a1"};
        f = {};
        f.acknowledged = AckFilter::Unacknowledged;
        QTest::newRow("unacknowledged") << f << QStringList{"a8", "a7", "a6", "a5", "a4", "a2"};
        f = {};
        f.type = QStringLiteral("volatility");
        f.severity = QStringLiteral("critical");
        f.acknowledged = AckFilter::Unacknowledged;
        f.fromMicros = baseMicros(2 * kSecond);
        QTest::newRow("combined") << f << QStringList{"a6", "a2"};
        f = {};
        f.pair = QStringLiteral("NZD_CAD");
        QTest::newRow("no match") << f << QStringList{};
    }
    void alertFilters()
    {
        QFETCH(AlertFilter, filter);
        QFETCH(QStringList, expected);
        if (!m_filterSet)
            seedFilterSet();
        if (QTest::currentTestFailed())
            return;
        QVERIFY(m_filterSet);
        const auto page = m_filterSet->replies->alerts({filter, 0, 100});
        QVERIFY(page);
        QStringList names;
        for (const QString &m : messages(*page))
            names << m.section(QLatin1Char(' '), 0, 0);
        QCOMPARE(names, expected);
        QCOMPARE(page->total, qint64(expected.size()));
    }

    void alertPaging()
    {
        auto h = startStorage(QStringLiteral("paging"));
        QVERIFY(h);
        QList<MarketEvent> events;
        for (int i = 0; i < 25; ++i)
            events << volatility(QStringLiteral("EUR_USD"), 0.01 * i, Severity::Warning, QStringLiteral("p%1").arg(i),
                                 baseMicros(i * kSecond));
        h->storage()->recordEvents(events);
        QVERIFY(waitWritten(h->storage(), 0, 25));

        QStringList seen;
        const int sizes[] = {10, 10, 5, 0};
        for (int page = 0; page < 4; ++page) {
            const auto p = h->replies->alerts({{}, page * 10, 10});
            QVERIFY(p);
            QCOMPARE(p->total, qint64(25));
            QCOMPARE(p->offset, page * 10);
            QCOMPARE(p->limit, 10);
            QCOMPARE(p->rows.size(), sizes[page]);
            seen += messages(*p);
        }
        QStringList expected;
        for (int i = 24; i >= 0; --i)
            expected << QStringLiteral("p%1").arg(i);
        QCOMPARE(seen, expected);

        // Paging a filtered set: the total is the filter's.
        AlertFilter f;
        f.toMicros = baseMicros(5 * kSecond);
        const auto p = h->replies->alerts({f, 2, 2});
        QVERIFY(p);
        QCOMPARE(p->total, qint64(5));
        QCOMPARE(messages(*p), (QStringList{"p2", "p1"}));
    }

    // More alerts than one multi-row statement holds: every one stored once, and the ids the
    // commits report are exactly the stored ones.
    void alertIdsReported()
    {
        auto h = startStorage(QStringLiteral("ids"));
        QVERIFY(h);
        QList<MarketEvent> events;
        for (int i = 0; i < 130; ++i)
            events << volatility(QStringLiteral("EUR_USD"), 0.01, Severity::Info, QStringLiteral("m%1").arg(i),
                                 baseMicros(i));
        h->storage()->recordEvents(events);
        QVERIFY(waitWritten(h->storage(), 0, 130));
        // The commits' reports are queued to this thread: the last may come after the status.
        const auto reportedAlerts = [&] {
            int n = 0;
            for (const QList<QVariant> &args : std::as_const(*h->committed))
                n += args.at(0).value<CommitInfo>().alerts;
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(reportedAlerts(), 130, 10000);
        QSet<qint64> reported;
        int alerts = 0;
        for (const QList<QVariant> &args : std::as_const(*h->committed)) {
            const CommitInfo info = args.at(0).value<CommitInfo>();
            alerts += info.alerts;
            if (info.alerts > 0) {
                QCOMPARE(info.lastAlertId - info.firstAlertId + 1, qint64(info.alerts));
                for (qint64 id = info.firstAlertId; id <= info.lastAlertId; ++id)
                    reported.insert(id);
            }
        }
        QCOMPARE(alerts, 130);
        const auto page = h->replies->alerts({{}, 0, 1000});
        QVERIFY(page);
        QCOMPARE(page->total, qint64(130));
        QSet<qint64> stored;
        QSet<QString> texts;
        for (const AlertRecord &a : page->rows) {
            stored.insert(a.id);
            texts.insert(a.message);
        }
        QCOMPARE(stored, reported);
        QCOMPARE(texts.size(), 130);
    }

    void acknowledge()
    {
        auto h = startStorage(QStringLiteral("ack"));
        QVERIFY(h);
        Storage *s = h->storage();
        QList<MarketEvent> events;
        for (int i = 0; i < 6; ++i)
            events << volatility(QStringLiteral("EUR_USD"), 0.01, i % 2 ? Severity::Critical : Severity::Warning,
                                 QStringLiteral("k%1").arg(i), baseMicros(i * kSecond));
        s->recordEvents(events);
        QVERIFY(waitWritten(s, 0, 6));
        const auto all = h->replies->alerts({});
        QVERIFY(all);
        QHash<QString, qint64> id;
        for (const AlertRecord &a : all->rows)
            id.insert(a.message, a.id);

        QSignalSpy &acked = *h->acknowledged;
        const quint64 r1 = s->acknowledgeAlerts({id.value("k0"), id.value("k1")}, QStringLiteral("alice"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 1, 15000);
        QCOMPARE(acked.at(0).at(0).toULongLong(), r1);
        QCOMPARE(acked.at(0).at(1).toLongLong(), qint64(2));

        // Already acknowledged: not taken over by a second operator.
        const quint64 r2 = s->acknowledgeAlerts({id.value("k0")}, QStringLiteral("bob"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 2, 15000);
        QCOMPARE(acked.at(1).at(0).toULongLong(), r2);
        QCOMPARE(acked.at(1).at(1).toLongLong(), qint64(0));

        // Every unacknowledged critical one (k3, k5; k1 is already done).
        AlertFilter critical;
        critical.severity = QStringLiteral("critical");
        const quint64 r3 = s->acknowledgeMatching(critical, QStringLiteral("carol"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 3, 15000);
        QCOMPARE(acked.at(2).at(0).toULongLong(), r3);
        QCOMPARE(acked.at(2).at(1).toLongLong(), qint64(2));

        AlertFilter done;
        done.acknowledged = AckFilter::Acknowledged;
        const auto page = h->replies->alerts({done, 0, 100});
        QVERIFY(page);
        QCOMPARE(messages(*page), (QStringList{"k5", "k3", "k1", "k0"}));
        QHash<QString, QString> by;
        for (const AlertRecord &a : page->rows) {
            QVERIFY(a.acknowledgedAtMicros > 0);
            by.insert(a.message, a.acknowledgedBy);
        }
        QCOMPARE(by.value("k0"), QStringLiteral("alice"));
        QCOMPARE(by.value("k1"), QStringLiteral("alice"));
        QCOMPARE(by.value("k3"), QStringLiteral("carol"));
        QCOMPARE(by.value("k5"), QStringLiteral("carol"));

        // An alert recorded and acknowledged in the same breath is written before its
        // acknowledgement (the id comes from the first commit, so this is acknowledge-by-filter).
        AlertFilter fresh;
        fresh.text = QStringLiteral("late");
        s->recordEvents({volatility(QStringLiteral("USD_CHF"), 0.2, Severity::Info, QStringLiteral("late one"),
                                    baseMicros(9 * kSecond))});
        s->acknowledgeMatching(fresh, QStringLiteral("dave"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 4, 15000);
        QCOMPARE(acked.at(3).at(1).toLongLong(), qint64(1));

        // Everything else.
        s->acknowledgeMatching({}, QStringLiteral("erin"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 5, 15000);
        QCOMPARE(acked.at(4).at(1).toLongLong(), qint64(2)); // k2, k4
        AlertFilter open;
        open.acknowledged = AckFilter::Unacknowledged;
        const auto none = h->replies->alerts({open, 0, 100});
        QVERIFY(none);
        QCOMPARE(none->total, qint64(0));
    }

    void ticks()
    {
        auto h = startStorage(QStringLiteral("ticks"));
        QVERIFY(h);
        QList<MarketEvent> events;
        for (int i = 0; i < 10; ++i)
            events << tick(QStringLiteral("EUR_USD"), QStringLiteral("1.0945%1").arg(i), QStringLiteral("1.09480"),
                           baseMicros(i * kSecond));
        events << tick(QStringLiteral("USD_JPY"), QStringLiteral("150.101"), QStringLiteral("150.112"),
                       baseMicros(5 * kSecond));
        fx::core::DataReady notice;
        notice.dataType = QStringLiteral("prices");
        events << notice; // not stored
        h->storage()->recordEvents(events);
        QVERIFY(waitWritten(h->storage(), 11, 0));
        QCOMPARE(h->storage()->status().writtenTicks, quint64(11));
        QCOMPARE(h->storage()->status().writtenAlerts, quint64(0));

        const auto rows =
            h->replies->ticks({QStringLiteral("EUR_USD"), baseMicros(2 * kSecond), baseMicros(6 * kSecond), 100});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 4); // [2 s, 6 s)
        for (int i = 0; i < 4; ++i) {
            const TickRecord &t = rows->at(i);
            QCOMPARE(t.pair, QStringLiteral("EUR_USD"));
            QCOMPARE(t.quotedAtMicros, baseMicros((i + 2) * kSecond));
            QCOMPARE(t.receivedAtMicros, t.quotedAtMicros + 1500);
            QCOMPARE(t.bidText, QStringLiteral("1.0945%1").arg(i + 2));
            QCOMPARE(t.askText, QStringLiteral("1.09480"));
            QCOMPARE(t.midText, fx::core::decimal::midpoint(t.bidText, t.askText));
            QCOMPARE(t.bid, t.bidText.toDouble());
            QCOMPARE(t.mid, t.midText.toDouble());
        }
        const auto jpy = h->replies->ticks({QStringLiteral("USD_JPY"), 0, 0, 100});
        QVERIFY(jpy);
        QCOMPARE(jpy->size(), 1);
        QCOMPARE(jpy->at(0).midText, QStringLiteral("150.1065"));
        QCOMPARE(jpy->at(0).ask, 150.112);

        // Over the limit: the newest rows, still oldest first.
        const auto newest = h->replies->ticks({QStringLiteral("EUR_USD"), 0, 0, 3});
        QVERIFY(newest);
        QCOMPARE(newest->size(), 3);
        QCOMPARE(newest->at(0).quotedAtMicros, baseMicros(7 * kSecond));
        QCOMPARE(newest->at(2).quotedAtMicros, baseMicros(9 * kSecond));
    }

    void refusedRowsDoNotHoldUpTheRest()
    {
        auto h = startStorage(QStringLiteral("refused"));
        QVERIFY(h);
        Storage *s = h->storage();
        // One tick the database must refuse (no pair: NOT NULL) among good rows in one batch.
        QList<MarketEvent> events;
        for (int i = 0; i < 10; ++i)
            events << tick(i == 4 ? QString() : QStringLiteral("EUR_USD"), QStringLiteral("1.1"), QStringLiteral("1.2"),
                           baseMicros(i * kSecond));
        events << volatility(QStringLiteral("EUR_USD"), 0.1, Severity::Warning, QStringLiteral("kept 1"), baseMicros());
        // U+0000 in a message: PostgreSQL's text cannot hold it; stored without it everywhere.
        events << volatility(QStringLiteral("GBP_USD"), 0.1, Severity::Warning,
                             QStringLiteral("kept") + QChar(0) + QStringLiteral(" 2"), baseMicros());
        s->recordEvents(events);
        QVERIFY2(waitWritten(s, 9, 2), qPrintable(s->status().describe()));
        QTRY_COMPARE_WITH_TIMEOUT(s->status().rejectedRows, quint64(1), 5000);
        QCOMPARE(s->status().state, StorageState::Ok);
        QCOMPARE(s->status().bufferedRows, qint64(0));
        QVERIFY2(s->status().lastError.contains(QStringLiteral("refused a tick")), qPrintable(s->status().lastError));
        QCOMPARE(s->statusJson().value(QStringLiteral("rejected_rows")).toInteger(), qint64(1));
        const auto rows = h->replies->ticks({QStringLiteral("EUR_USD"), 0, 0, 100});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 9);
        AlertQuery q;
        const auto page = h->replies->alerts(q);
        QVERIFY(page);
        QCOMPARE(page->total, qint64(2));
        QVERIFY(messages(*page).contains(QStringLiteral("kept 1")));
        QVERIFY(messages(*page).contains(QStringLiteral("kept 2")));
        // And the storage goes on: the next rows are written at once.
        s->recordEvents(
            {tick(QStringLiteral("EUR_USD"), QStringLiteral("1.3"), QStringLiteral("1.4"), baseMicros(20 * kSecond))});
        QVERIFY(waitWritten(s, 10, 2));
        QCOMPARE(s->status().rejectedRows, quint64(1));
    }

    void barsAggregation()
    {
        auto h = startStorage(QStringLiteral("bars"));
        QVERIFY(h);
        const qint64 m0 = BarAggregator::minuteOf(baseMicros());
        auto at = [&](qint64 minute, qint64 second) { return m0 + minute * kMinute + second * kSecond; };
        auto t = [](const QString &mid, qint64 when) {
            // bid = ask = mid keeps the arithmetic obvious
            return tick(QStringLiteral("GBP_USD"), mid, mid, when);
        };
        // First batch: minute 0 out of order, minute 1 starts.
        h->storage()->recordEvents(
            {t("1.2500", at(0, 30)), t("1.2600", at(0, 10)), t("1.2450", at(0, 50)), t("1.3000", at(1, 5))});
        QVERIFY(waitWritten(h->storage(), 4, 0));
        // Second batch: an earlier tick for minute 0 (new open), a later one (new close), a
        // new high in minute 1 and another pair.
        h->storage()->recordEvents({t("1.2550", at(0, 2)), t("1.2480", at(0, 59)), t("1.3100", at(1, 20)),
                                    tick(QStringLiteral("AUD_USD"), "0.6500", "0.6502", at(0, 1))});
        QVERIFY(waitWritten(h->storage(), 8, 0));

        const auto bars = h->replies->bars({QStringLiteral("GBP_USD"), 0, 0, 100});
        QVERIFY(bars);
        QCOMPARE(bars->size(), 2);
        const BarRecord &b0 = bars->at(0);
        QCOMPARE(b0.pair, QStringLiteral("GBP_USD"));
        QCOMPARE(b0.minuteMicros, m0);
        QCOMPARE(b0.open, 1.2550);
        QCOMPARE(b0.high, 1.2600);
        QCOMPARE(b0.low, 1.2450);
        QCOMPARE(b0.close, 1.2480);
        QCOMPARE(b0.tickCount, qint64(5));
        const BarRecord &b1 = bars->at(1);
        QCOMPARE(b1.minuteMicros, m0 + kMinute);
        QCOMPARE(b1.open, 1.3000);
        QCOMPARE(b1.high, 1.3100);
        QCOMPARE(b1.low, 1.3000);
        QCOMPARE(b1.close, 1.3100);
        QCOMPARE(b1.tickCount, qint64(2));

        // Window on the minute start: [m0 + 1 min, ...)
        const auto second = h->replies->bars({QStringLiteral("GBP_USD"), m0 + kMinute, 0, 100});
        QVERIFY(second);
        QCOMPARE(second->size(), 1);
        QCOMPARE(second->at(0).minuteMicros, m0 + kMinute);
        const auto aud = h->replies->bars({QStringLiteral("AUD_USD"), 0, 0, 100});
        QVERIFY(aud);
        QCOMPARE(aud->size(), 1);
        QCOMPARE(aud->at(0).open, 0.6501);
        QCOMPARE(aud->at(0).tickCount, qint64(1));
    }

    void connections()
    {
        auto h = startStorage(QStringLiteral("conn"));
        QVERIFY(h);
        Storage *s = h->storage();
        ConnectionRecord a;
        a.id = QStringLiteral("srv1-0001");
        a.peer = QStringLiteral("10.0.0.5:50001");
        a.protocol = QStringLiteral("socketio");
        a.transport = QStringLiteral("websocket");
        a.connectedAtMicros = baseMicros();
        s->recordConnection(a);
        QVERIFY(waitWritten(s, 0, 0, 1));
        auto rows = h->replies->connections({a.id, {}, 10});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0), a); // still connected: no end, no reason

        ConnectionRecord end = a;
        end.disconnectedAtMicros = baseMicros(90 * kSecond);
        end.rooms = QStringList{QStringLiteral("price_EUR_USD"), QStringLiteral("alerts")};
        end.messagesSent = 1200;
        end.bytesSent = 345678;
        end.messagesReceived = 7;
        end.reason = QStringLiteral("client closed");
        end.user = QStringLiteral("alice"); // the token's sub (SECURITY.md, "Tokens")
        s->recordConnection(end);

        ConnectionRecord b;
        b.id = QStringLiteral("srv1-0002");
        b.peer = QStringLiteral("10.0.0.5:50002");
        b.protocol = QStringLiteral("json");
        b.transport = QStringLiteral("websocket");
        b.connectedAtMicros = baseMicros(10 * kSecond);
        ConnectionRecord c = b;
        c.id = QStringLiteral("srv2-0001");
        c.peer = QStringLiteral("10.0.0.50:40000");
        c.transport = QStringLiteral("polling");
        c.connectedAtMicros = baseMicros(20 * kSecond);
        s->recordConnection(b);
        s->recordConnection(c);
        QVERIFY(waitWritten(s, 0, 0, 4));

        rows = h->replies->connections({a.id, {}, 10});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0), end); // the upsert replaced the row

        rows = h->replies->connections({{}, {}, 10});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).id, c.id); // newest connection first
        QCOMPARE(rows->at(1).id, b.id);
        QCOMPARE(rows->at(2).id, a.id);

        // A host matches every port it came from, but not a longer address.
        rows = h->replies->connections({{}, QStringLiteral("10.0.0.5"), 10});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 2);
        QCOMPARE(rows->at(0).id, b.id);
        QCOMPARE(rows->at(1).id, a.id);
        rows = h->replies->connections({{}, QStringLiteral("10.0.0.5:50001"), 10});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0).id, a.id);
        rows = h->replies->connections({{}, {}, 1});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
    }

    void retention()
    {
        auto h = startStorage(QStringLiteral("retention"), [](StorageConfig &c) {
            c.tickRetentionDays = 7;
            c.barRetentionDays = 30;
            c.pruneChunkRows = 3; // several chunks per pass
        });
        QVERIFY(h);
        Storage *s = h->storage();
        const qint64 now = fx::core::nowMicros();
        QList<MarketEvent> events;
        for (int i = 0; i < 8; ++i) // 10 days old: ticks go, their bars stay
            events << tick(QStringLiteral("EUR_USD"), "1.1", "1.1", now - 10 * kDay + i * kMinute);
        for (int i = 0; i < 2; ++i) // 40 days old: ticks and bars go
            events << tick(QStringLiteral("EUR_USD"), "1.1", "1.1", now - 40 * kDay + i * kMinute);
        const qint64 recent = BarAggregator::minuteOf(now - kDay);
        for (int i = 0; i < 5; ++i) // recent, all in one minute: everything stays
            events << tick(QStringLiteral("EUR_USD"), "1.2", "1.2", recent + i * kSecond);
        s->recordEvents(events);
        ConnectionRecord gone;
        gone.id = QStringLiteral("old");
        gone.peer = QStringLiteral("1.2.3.4:5");
        gone.protocol = gone.transport = QStringLiteral("x");
        gone.connectedAtMicros = now - 41 * kDay;
        gone.disconnectedAtMicros = now - 40 * kDay;
        ConnectionRecord still = gone;
        still.id = QStringLiteral("still connected");
        still.disconnectedAtMicros = 0;
        s->recordConnection(gone);
        s->recordConnection(still);
        QVERIFY(waitWritten(s, 15, 0, 2));

        // Everything deleted, whichever pass did it (the start-up one may have run after the
        // rows were written); the pass asked for here comes after them for sure.
        QSignalSpy &pruned = *h->pruned;
        auto total = [&] {
            PruneInfo sum;
            for (const QList<QVariant> &args : std::as_const(pruned)) {
                const PruneInfo p = args.at(0).value<PruneInfo>();
                sum.ticks += p.ticks;
                sum.bars += p.bars;
                sum.connections += p.connections;
            }
            return sum;
        };
        s->pruneNow();
        QTRY_COMPARE_WITH_TIMEOUT(total().ticks, qint64(10), 15000);
        QCOMPARE(total().bars, qint64(2));
        QCOMPARE(total().connections, qint64(1));

        const auto ticks = h->replies->ticks({QStringLiteral("EUR_USD"), 0, 0, 100});
        QVERIFY(ticks);
        QCOMPARE(ticks->size(), 5);
        const auto bars = h->replies->bars({QStringLiteral("EUR_USD"), 0, 0, 100});
        QVERIFY(bars);
        QCOMPARE(bars->size(), 8 + 1);
        const auto conns = h->replies->connections({});
        QVERIFY(conns);
        QCOMPARE(conns->size(), 1);
        QCOMPARE(conns->at(0).id, QStringLiteral("still connected"));
    }

    // A full SQLite database (max_page_count stands in for a full disk): the status says so,
    // rows wait, and they land once space is freed.
    void sqliteFull()
    {
        if (kEngine != Engine::Sqlite)
            QSKIP("SQLite only: PostgreSQL outages are tst_storage_pg_outage");
        QString error;
        auto cfg = m_dbs.fresh(QStringLiteral("full"), &error);
        QVERIFY2(cfg, qPrintable(error));
        SqlConnection own;
        QVERIFY2(own.open(*cfg, &error), qPrintable(error));
        QVERIFY(Schema::migrate(own).ok());
        // Filler rows that the "operator" deletes later.
        const qint64 startPages = scalar(own, QStringLiteral("PRAGMA page_count")).toLongLong();
        while (scalar(own, QStringLiteral("PRAGMA page_count")).toLongLong() < startPages + 300) {
            QVERIFY(own.exec(
                QStringLiteral("INSERT INTO alerts (type, pair, value, severity, message, raised_at,"
                               " received_at, payload) VALUES ('filler', 'X', 0, 'info', hex(randomblob(2000)),"
                               " 1, 1, '{}')"),
                &error));
        }
        cfg->sqliteMaxPages = int(scalar(own, QStringLiteral("PRAGMA page_count")).toLongLong()) + 2;
        cfg->retryInitialMs = 50;
        cfg->retryMaxMs = 200;
        StorageThread thread(*cfg);
        Storage *s = thread.storage();
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Ok, 15000);

        QList<MarketEvent> events;
        for (int i = 0; i < 1000; ++i)
            events << tick(QStringLiteral("EUR_USD"), QStringLiteral("1.1"), QStringLiteral("1.2"), baseMicros(i));
        for (int i = 0; i < 20; ++i)
            events << volatility(QStringLiteral("EUR_USD"), 0.1, Severity::Warning, QStringLiteral("full %1").arg(i),
                                 baseMicros(i));
        s->recordEvents(events);
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Error, 15000);
        QVERIFY2(s->status().lastError.contains(QStringLiteral("full")), qPrintable(s->status().lastError));
        QCOMPARE(s->status().bufferedRows, qint64(1020));
        QCOMPARE(s->status().writtenTicks, quint64(0));

        // Space is freed: the retry writes everything.
        QVERIFY2(own.exec(QStringLiteral("DELETE FROM alerts WHERE type = 'filler'"), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(s->status().state, StorageState::Ok, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(s->status().writtenTicks, quint64(1000), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(s->status().writtenAlerts, quint64(20), 15000);
        QCOMPARE(s->status().bufferedRows, qint64(0));
        QCOMPARE(s->status().droppedTicks, quint64(0));
        QCOMPARE(count(own, QStringLiteral("price_ticks")), qint64(1000));
        QCOMPARE(count(own, QStringLiteral("alerts")), qint64(20));
    }

    void status()
    {
        auto h = startStorage(QStringLiteral("status"));
        QVERIFY(h);
        Storage *s = h->storage();
        s->recordEvents(
            {tick(QStringLiteral("EUR_USD"), "1.1", "1.2", baseMicros()),
             volatility(QStringLiteral("EUR_USD"), 0.1, Severity::Info, QStringLiteral("s"), baseMicros())});
        QVERIFY(waitWritten(s, 1, 1));
        const QJsonObject j = s->statusJson();
        QCOMPARE(j.value(QStringLiteral("state")).toString(), QStringLiteral("ok"));
        QCOMPARE(j.value(QStringLiteral("engine")).toString(),
                 kEngine == Engine::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql"));
        QCOMPARE(j.value(QStringLiteral("location")).toString(), h->config.location());
        QCOMPARE(j.value(QStringLiteral("buffered_rows")).toInteger(), qint64(0));
        QCOMPARE(j.value(QStringLiteral("dropped_ticks")).toInteger(), qint64(0));
        QCOMPARE(j.value(QStringLiteral("written_ticks")).toInteger(), qint64(1));
        QCOMPARE(j.value(QStringLiteral("written_alerts")).toInteger(), qint64(1));
        QCOMPARE(j.value(QStringLiteral("written_bars")).toInteger(), qint64(1));
        QCOMPARE(j.value(QStringLiteral("schema_version")).toInt(), Schema::kLatestVersion);
        QVERIFY(j.contains(QStringLiteral("last_error")));
        if (!h->config.password.isEmpty()) // never shown
            QVERIFY(!QJsonDocument(j).toJson().contains(h->config.password.toUtf8()));
        if (kEngine == Engine::Sqlite) {
            SqlConnection c;
            QString error;
            QVERIFY2(c.open(h->config, &error), qPrintable(error));
            QCOMPARE(scalar(c, QStringLiteral("PRAGMA journal_mode")).toString().toLower(), QStringLiteral("wal"));
        }
    }

private:
    // a1..a8, one second apart; a1 and a3 acknowledged.
    void seedFilterSet()
    {
        m_filterSet = startStorage(QStringLiteral("filters"));
        QVERIFY(m_filterSet);
        Storage *s = m_filterSet->storage();
        const QString eu = QStringLiteral("EUR_USD"), gu = QStringLiteral("GBP_USD"), uj = QStringLiteral("USD_JPY");
        s->recordEvents({
            volatility(eu, 0.01, Severity::Info, QStringLiteral("a1"), baseMicros(1 * kSecond)),
            volatility(uj, 0.05, Severity::Critical, QStringLiteral("a2 volatility spike"), baseMicros(2 * kSecond)),
            correlation(gu, eu, 0.9, Severity::Warning, QStringLiteral("a3"), baseMicros(3 * kSecond)),
            volatility(gu, 0.02, Severity::Warning, QStringLiteral("a4 moved 50% above"), baseMicros(4 * kSecond)),
            correlation(eu, uj, -0.8, Severity::Critical, QStringLiteral("a5"), baseMicros(5 * kSecond)),
            volatility(uj, 0.07, Severity::Critical, QStringLiteral("a6 Spike again"), baseMicros(6 * kSecond)),
            correlation(gu, uj, 0.7, Severity::Info, QStringLiteral("a7"), baseMicros(7 * kSecond)),
            volatility(gu, 0.01, Severity::Info, QStringLiteral("a8 x50 under_score"), baseMicros(8 * kSecond)),
        });
        QVERIFY(waitWritten(s, 0, 8));
        const auto all = m_filterSet->replies->alerts({});
        QVERIFY(all);
        QCOMPARE(all->total, qint64(8));
        for (const AlertRecord &a : all->rows)
            m_filterIds.insert(a.message.section(QLatin1Char(' '), 0, 0), a.id);
        QSignalSpy &acked = *m_filterSet->acknowledged;
        s->acknowledgeAlerts({m_filterIds.value("a1"), m_filterIds.value("a3")}, QStringLiteral("seed"));
        QTRY_COMPARE_WITH_TIMEOUT(acked.size(), 1, 15000);
    }
};

QTEST_GUILESS_MAIN(TestStorageEngine)
#include "tst_storage_engine.moc"
