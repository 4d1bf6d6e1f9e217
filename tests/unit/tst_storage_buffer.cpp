// The storage's pure parts: the bounded write buffer, one-minute bar aggregation, filter SQL,
// configuration from settings and the status object.

#include "core/settings.h"
#include "storage/baraggregator.h"
#include "storage/sqlfilters.h"
#include "storage/storageconfig.h"
#include "storage/storagetypes.h"
#include "storage/writebuffer.h"

#include <QTest>

using namespace fx::storage;

namespace {
constexpr qint64 kSecond = 1000000;

TickRecord tickAt(qint64 quoted, double mid = 1.0, const QString &pair = QStringLiteral("EUR_USD"))
{
    TickRecord t;
    t.pair = pair;
    t.mid = mid;
    t.quotedAtMicros = quoted;
    return t;
}

AlertRecord alertNamed(const QString &message)
{
    AlertRecord a;
    a.type = QStringLiteral("volatility");
    a.message = message;
    return a;
}
} // namespace

class TestStorageBuffer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsOldestTicksKeepsAlerts()
    {
        WriteBuffer b(WriteBuffer::Limits{10, 1000, 1000});
        for (int i = 0; i < 25; ++i) {
            b.addTick(tickAt(i));
            if (i % 5 == 0)
                b.addAlert(alertNamed(QString::number(i)));
        }
        QCOMPARE(b.tickCount(), qsizetype(10));
        QCOMPARE(b.alertCount(), qsizetype(5));
        QCOMPARE(b.droppedTicks(), quint64(15));
        QCOMPARE(b.droppedAlerts(), quint64(0));
        const PendingBatch batch = b.take(100);
        QCOMPARE(batch.ticks.size(), 10);
        QCOMPARE(batch.ticks.first().quotedAtMicros, qint64(15)); // the oldest went first
        QCOMPARE(batch.ticks.last().quotedAtMicros, qint64(24));
        QCOMPARE(batch.alerts.size(), 5);
        QCOMPARE(batch.alerts.first().message, QStringLiteral("0"));
        QVERIFY(b.isEmpty());
    }

    void takeOrderAndBudget()
    {
        WriteBuffer b;
        for (int i = 0; i < 5; ++i)
            b.addTick(tickAt(i));
        b.addAlert(alertNamed(QStringLiteral("a")));
        b.addAlert(alertNamed(QStringLiteral("b")));
        ConnectionRecord c;
        c.id = QStringLiteral("c1");
        b.addConnection(c);
        AckOp ack;
        ack.requestId = 7;
        b.addAck(ack);
        QCOMPARE(b.rows(), qsizetype(9));

        // Budget 1: one alert; the acknowledgement waits until every alert is taken.
        PendingBatch first = b.take(1);
        QCOMPARE(first.alerts.size(), 1);
        QCOMPARE(first.ticks.size(), 0);
        QCOMPARE(first.acks.size(), 0);
        PendingBatch second = b.take(3);
        QCOMPARE(second.alerts.size(), 1);
        QCOMPARE(second.connections.size(), 1);
        QCOMPARE(second.ticks.size(), 1);
        QCOMPARE(second.acks.size(), 1);
        QCOMPARE(second.acks.first().requestId, quint64(7));
        QCOMPARE(b.rows(), qsizetype(4));
    }

    void restoreKeepsOrderAndBound()
    {
        WriteBuffer b(WriteBuffer::Limits{6, 1000, 1000});
        for (int i = 0; i < 4; ++i)
            b.addTick(tickAt(i));
        b.addAlert(alertNamed(QStringLiteral("x")));
        PendingBatch failed = b.take(3); // alert x, ticks 0 and 1
        QCOMPARE(failed.ticks.size(), 2);
        for (int i = 4; i < 8; ++i) // meanwhile: ticks 4..7
            b.addTick(tickAt(i));
        b.restore(std::move(failed));
        // 8 ticks against a bound of 6: 0 and 1, the oldest, are dropped; x is back in front.
        QCOMPARE(b.droppedTicks(), quint64(2));
        const PendingBatch again = b.take(100);
        QCOMPARE(again.alerts.size(), 1);
        QCOMPARE(again.alerts.first().message, QStringLiteral("x"));
        QList<qint64> times;
        for (const TickRecord &t : again.ticks)
            times << t.quotedAtMicros;
        QCOMPARE(times, (QList<qint64>{2, 3, 4, 5, 6, 7}));
    }

    void lastResortCaps()
    {
        WriteBuffer b(WriteBuffer::Limits{10, 3, 2});
        for (int i = 0; i < 5; ++i) {
            b.addAlert(alertNamed(QString::number(i)));
            ConnectionRecord c;
            c.id = QString::number(i);
            b.addConnection(c);
        }
        QCOMPARE(b.droppedAlerts(), quint64(2));
        QCOMPARE(b.droppedConnections(), quint64(3));
        const PendingBatch batch = b.take(100);
        QCOMPARE(batch.alerts.first().message, QStringLiteral("2"));
        QCOMPARE(batch.connections.first().id, QStringLiteral("3"));
    }

    // PROTOCOL.md, "Rules that follow the user": rule writes keep their order; a change of a
    // rule (or of a user's rooms) whose earlier write still waits replaces that write's data; the
    // watermark says which writes a batch completes.
    void ruleOpsCoalesceAndWatermark()
    {
        auto op = [](RuleOp::Kind kind, const QString &id, const QByteArray &json = {}) {
            RuleOp o;
            o.kind = kind;
            o.owner = QStringLiteral("sub:alice");
            o.id = id;
            o.json = json;
            return o;
        };
        WriteBuffer b;
        b.addRuleOp(op(RuleOp::Kind::UpsertRule, QStringLiteral("r1"), "v1")); // seq 1
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r1"), "v2")); // 2: into the upsert
        b.addRuleOp(op(RuleOp::Kind::UpsertRule, QStringLiteral("r2"), "w1")); // 3
        b.addRuleOp(op(RuleOp::Kind::Subscriptions, QString(), "[\"EUR_USD\"]")); // 4
        b.addRuleOp(op(RuleOp::Kind::Subscriptions, QString(), "[]")); // 5: into 4
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r2"), "w2")); // 6: into 3
        QCOMPARE(b.ruleOpCount(), 3);
        QCOMPARE(b.rows(), 3);
        QCOMPARE(b.ruleSeq(), quint64(6));
        // One row taken: r1's upsert with the newest data; the rest starts at seq 3.
        PendingBatch first = b.take(1);
        QCOMPARE(first.ruleOps.size(), 1);
        QCOMPARE(first.ruleOps.at(0).kind, RuleOp::Kind::UpsertRule);
        QCOMPARE(first.ruleOps.at(0).json, QByteArray("v2"));
        QCOMPARE(first.ruleWatermark, quint64(2));
        // In flight: a later change of r1 is a write of its own, after it.
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r1"), "v3")); // 7
        // A delete comes after the waiting update and is never merged into it; an update after
        // the delete is a write of its own (it updates no row).
        b.addRuleOp(op(RuleOp::Kind::DeleteRule, QStringLiteral("r2"))); // 8
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r2"), "w3")); // 9
        PendingBatch rest = b.take(100);
        QStringList got;
        for (const RuleOp &o : std::as_const(rest.ruleOps))
            got << QStringLiteral("%1:%2:%3").arg(int(o.kind)).arg(o.id, QString::fromLatin1(o.json));
        QCOMPARE(got,
                 (QStringList{QStringLiteral("0:r2:w2"), QStringLiteral("3::[]"), QStringLiteral("1:r1:v3"),
                              QStringLiteral("2:r2:"), QStringLiteral("1:r2:w3")}));
        QCOMPARE(rest.ruleWatermark, quint64(9));
        // A batch that could not be written goes back in front, in order, and is not merged
        // into again.
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r1"), "v4")); // 10
        b.restore(rest);
        b.addRuleOp(op(RuleOp::Kind::UpdateRule, QStringLiteral("r1"), "v5")); // 11: into 10
        PendingBatch again = b.take(100);
        QCOMPARE(again.ruleOps.size(), 6);
        QCOMPARE(again.ruleOps.at(2).json, QByteArray("v3"));
        QCOMPARE(again.ruleOps.at(5).json, QByteArray("v5"));
        QCOMPARE(again.ruleWatermark, quint64(11));
    }

    void ruleOpsBounded()
    {
        WriteBuffer b(WriteBuffer::Limits{10, 10, 10, 3});
        for (int i = 0; i < 5; ++i) {
            RuleOp o;
            o.kind = RuleOp::Kind::UpsertRule;
            o.id = QStringLiteral("r%1").arg(i);
            b.addRuleOp(o);
        }
        QCOMPARE(b.ruleOpCount(), 3);
        QCOMPARE(b.droppedRuleOps(), quint64(2));
        // A change of a dropped rule's write is a write of its own (nothing dangles).
        RuleOp u;
        u.kind = RuleOp::Kind::UpdateRule;
        u.id = QStringLiteral("r0");
        u.json = "x";
        b.addRuleOp(u);
        const PendingBatch batch = b.take(100);
        QCOMPARE(batch.ruleOps.size(), 3);
        QCOMPARE(batch.ruleOps.constLast().id, QStringLiteral("r0"));
        QCOMPARE(b.droppedRuleOps(), quint64(3));
    }

    void barsFromTicks()
    {
        const qint64 m = BarAggregator::minuteOf(1763467215123456LL); // 12:00:15.123456
        QCOMPARE(m, 1763467200000000LL);
        QCOMPARE(BarAggregator::minuteOf(m), m);
        QCOMPARE(BarAggregator::minuteOf(m - 1), m - 60 * kSecond);
        QCOMPARE(BarAggregator::minuteOf(-1), -60 * kSecond);

        const QList<TickRecord> ticks{
            tickAt(m + 30 * kSecond, 1.25),
            tickAt(m + 10 * kSecond, 1.26),
            tickAt(m + 50 * kSecond, 1.24),
            tickAt(m + 70 * kSecond, 1.30),
            tickAt(m + 20 * kSecond, 0.65, QStringLiteral("AUD_USD")),
            tickAt(m + 50 * kSecond, 1.27), // same time as the 1.24 tick, later arrival: the close
        };
        const QList<BarDelta> bars = BarAggregator::aggregate(ticks);
        QCOMPARE(bars.size(), 3);
        const BarDelta &b = bars.at(0);
        QCOMPARE(b.pair, QStringLiteral("EUR_USD"));
        QCOMPARE(b.minuteMicros, m);
        QCOMPARE(b.open, 1.26);
        QCOMPARE(b.high, 1.27);
        QCOMPARE(b.low, 1.24);
        QCOMPARE(b.close, 1.27);
        QCOMPARE(b.tickCount, qint64(4));
        QCOMPARE(b.openTimeMicros, m + 10 * kSecond);
        QCOMPARE(b.closeTimeMicros, m + 50 * kSecond);
        QCOMPARE(bars.at(1).minuteMicros, m + 60 * kSecond);
        QCOMPARE(bars.at(2).pair, QStringLiteral("AUD_USD"));

        // Merging a later partial bar: earlier open wins, later close wins, counts add.
        BarDelta later = b;
        later.open = 2.0;
        later.openTimeMicros = m + 5 * kSecond;
        later.close = 0.5;
        later.closeTimeMicros = m + 40 * kSecond; // earlier than the stored close
        later.high = 1.5;
        later.low = 0.5;
        later.tickCount = 2;
        const BarDelta merged = BarAggregator::merge(b, later);
        QCOMPARE(merged.open, 2.0);
        QCOMPARE(merged.openTimeMicros, m + 5 * kSecond);
        QCOMPARE(merged.close, 1.27);
        QCOMPARE(merged.high, 1.5);
        QCOMPARE(merged.low, 0.5);
        QCOMPARE(merged.tickCount, qint64(6));
    }

    void filterSql()
    {
        QCOMPARE(escapeLike(QStringLiteral("50%_a\\b")), QStringLiteral("50\\%\\_a\\\\b"));
        QVERIFY(alertWhere({}, Engine::Sqlite).sql.isEmpty());
        AlertFilter f;
        f.type = QStringLiteral("volatility");
        f.severity = QStringLiteral("CRITICAL");
        f.pair = QStringLiteral("EUR_USD");
        f.text = QStringLiteral("50%");
        f.fromMicros = 10;
        f.toMicros = 20;
        f.acknowledged = AckFilter::Unacknowledged;
        const SqlWhere lite = alertWhere(f, Engine::Sqlite);
        QCOMPARE(lite.sql,
                 QStringLiteral(" WHERE type = ? AND severity = ? AND (pair = ? OR pair_b = ?)"
                                " AND message LIKE ? ESCAPE '\\' AND raised_at >= ? AND raised_at < ?"
                                " AND acknowledged_at IS NULL"));
        QCOMPARE(lite.values,
                 (QVariantList{"volatility", "critical", "EUR_USD", "EUR_USD", "%50\\%%", qint64(10), qint64(20)}));
        QVERIFY(alertWhere(f, Engine::Postgres).sql.contains(QStringLiteral("message ILIKE ?")));
    }

    void configFromSettings()
    {
        fx::core::SettingsLoader loader;
        QString error;
        auto s = loader.resolve(&error);
        QVERIFY2(s, qPrintable(error));
        s->dbPath = QStringLiteral("/tmp/x/fx.sqlite");
        s->tickRetentionDays = 3;
        s->barRetentionDays = 90;
        StorageConfig c = StorageConfig::fromSettings(*s);
        QCOMPARE(c.engine, Engine::Sqlite);
        QCOMPARE(c.sqlitePath, QStringLiteral("/tmp/x/fx.sqlite"));
        QCOMPARE(c.location(), QStringLiteral("/tmp/x/fx.sqlite"));
        QCOMPARE(c.tickRetentionDays, 3);
        QCOMPARE(c.barRetentionDays, 90);
        QVERIFY(c.isConfigured());

        s->dbPath.clear();
        c = StorageConfig::fromSettings(*s);
        QCOMPARE(c.sqlitePath, StorageConfig::defaultSqlitePath());
        QVERIFY(c.sqlitePath.endsWith(QStringLiteral("/fxmonitor.sqlite")));

        s->dbHost = QStringLiteral("db.example");
        s->dbPort = 5433;
        s->dbName = QStringLiteral("fx");
        s->dbUser = QStringLiteral("fxuser");
        s->dbPassword = QStringLiteral("secret");
        c = StorageConfig::fromSettings(*s);
        QCOMPARE(c.engine, Engine::Postgres);
        QCOMPARE(c.engineName(), QStringLiteral("postgresql"));
        QCOMPARE(c.location(), QStringLiteral("db.example:5433/fx"));
        QCOMPARE(c.user, QStringLiteral("fxuser"));
        QCOMPARE(c.password, QStringLiteral("secret"));
        QCOMPARE(c.tickRetentionDays, 3);

        QVERIFY(!StorageConfig{}.isConfigured());
    }

    void statusJson()
    {
        StorageStatus s;
        QCOMPARE(s.toJson().value(QStringLiteral("state")).toString(), QStringLiteral("not_configured"));
        s.state = StorageState::Error;
        s.engine = QStringLiteral("postgresql");
        s.location = QStringLiteral("db:5432/fx");
        s.bufferedRows = 12;
        s.droppedTicks = 3;
        s.lastError = QStringLiteral("connection refused");
        s.retryInMs = 800;
        const QJsonObject j = s.toJson();
        QCOMPARE(j.value(QStringLiteral("state")).toString(), QStringLiteral("error"));
        QCOMPARE(j.value(QStringLiteral("engine")).toString(), QStringLiteral("postgresql"));
        QCOMPARE(j.value(QStringLiteral("location")).toString(), QStringLiteral("db:5432/fx"));
        QCOMPARE(j.value(QStringLiteral("buffered_rows")).toInteger(), qint64(12));
        QCOMPARE(j.value(QStringLiteral("dropped_ticks")).toInteger(), qint64(3));
        QCOMPARE(j.value(QStringLiteral("last_error")).toString(), QStringLiteral("connection refused"));
        QVERIFY(j.value(QStringLiteral("last_error_at")).isNull());
        QCOMPARE(
            s.describe(),
            QStringLiteral(
                "Database error (postgresql db:5432/fx): connection refused, 12 rows buffered, dropped 0 alerts, 3 "
                "ticks, 0 connection records, retrying in 800 ms"));
        s.state = StorageState::Ok;
        s.droppedConnections = 2;
        QCOMPARE(
            s.describe(),
            QStringLiteral("Database ok (postgresql db:5432/fx), dropped 0 alerts, 3 ticks, 2 connection records"));
        QCOMPARE(s.toJson().value(QStringLiteral("dropped_connections")).toInteger(), qint64(2));
        QCOMPARE(storageStateName(StorageState::RefusedNewerSchema), QStringLiteral("refused_newer_schema"));
        QCOMPARE(storageStateName(StorageState::Connecting), QStringLiteral("connecting"));
    }
};

QTEST_APPLESS_MAIN(TestStorageBuffer)
#include "tst_storage_buffer.moc"
