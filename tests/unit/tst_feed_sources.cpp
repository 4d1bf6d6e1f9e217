// fxmonitor-feed's sources without Redis (src/feed): the CSV replay source (order, feed-time
// offsets, bad lines counted, end of file, analytics on the recorded clock, open errors) and the
// dry run (the JSON lines it prints, byte-identical for one seed). No sockets; tst_livefeed
// covers the live feed against a real redis-server.

#include "core/settings.h"
#include "core/timeutil.h"
#include "feed/dryrun.h"
#include "feed/feedmodel.h"
#include "feed/feedoptions.h"
#include "feed/feedsimulator.h"
#include "feed/replaysource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace fx;

namespace {

core::Settings settingsWithPrefix(const QString &prefix)
{
    core::SettingsLoader loader;
    QString error;
    if (!loader.setOverride(QStringLiteral("REDIS_CHANNEL_PREFIX"), prefix, QStringLiteral("test"), &error))
        qFatal("%s", qPrintable(error));
    const std::optional<core::Settings> s = loader.resolve(&error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

// Everything written to a temporary FILE.
class CapturedOutput
{
public:
    CapturedOutput() : m_file(std::tmpfile()) {}
    ~CapturedOutput() { std::fclose(m_file); }
    CapturedOutput(const CapturedOutput &) = delete;
    CapturedOutput &operator=(const CapturedOutput &) = delete;

    std::FILE *file() const { return m_file; }
    QByteArray text() const
    {
        std::fflush(m_file);
        std::rewind(m_file);
        QByteArray all;
        char buf[65536];
        size_t n = 0;
        while ((n = std::fread(buf, 1, sizeof buf, m_file)) > 0)
            all.append(buf, qsizetype(n));
        return all;
    }

private:
    std::FILE *m_file;
};

qint64 micros(QStringView iso)
{
    qint64 us = 0;
    return core::parseIsoTimestamp(iso, &us) ? us : -1;
}

} // namespace

class TestFeedSources : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const core::InstrumentSet m_instruments;
    const feed::FeedModel m_model{core::InstrumentSet::defaultPairs()};

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    // Line numbers matter: the bad lines are 5 and 6.
    QString mixedFile()
    {
        return writeFile(QStringLiteral("mixed.csv"),
                         "time,instrument,bid,ask,mid\n"
                         "2025-11-18T12:00:00Z,EUR_USD,1.08412,1.08421,\n"
                         "# a comment\n"
                         "2025-11-18T12:00:00.250Z,USD_JPY,150.112,150.121,150.1165\n"
                         "2025-11-18T12:00:00.500Z,EUR_USD,1.2,1.1,\n"
                         "garbage\n"
                         "\n"
                         "2025-11-18T12:00:01Z,GBP_USD,1.27001,1.27011,\n"
                         "2025-11-18T11:59:59Z,EUR_USD,1.08400,1.08410,\n");
    }

    static feed::FeedOptions noAnalytics()
    {
        feed::FeedOptions o;
        o.analytics = false;
        return o;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Ticks in file order with their offsets from the first; bad lines logged with their line
    // number, counted and skipped; nullptr from the end on.
    void replayOrderAndOffsets()
    {
        const QString path = mixedFile();
        feed::ReplaySource replay(path, m_model, noAnalytics(), m_instruments);
        QString error;
        QVERIFY2(replay.open(&error), qPrintable(error));
        QCOMPARE(replay.fileName(), path);

        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^skipping bad line .*mixed\\.csv:5: ")));
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^skipping bad line .*mixed\\.csv:6: ")));
        const QList<QPair<QString, qint64>> expected{
            {QStringLiteral("EUR_USD"), 0},
            {QStringLiteral("USD_JPY"), 250000},
            {QStringLiteral("GBP_USD"), 1000000},
            {QStringLiteral("EUR_USD"), -1000000}, // older than its predecessor: due at once
        };
        for (const auto &[pair, offset] : expected) {
            const feed::FeedTick *t = replay.pending();
            QVERIFY(t);
            QCOMPARE(t->instrument, pair);
            QCOMPARE(replay.pending(), t); // pending() does not advance
            QCOMPARE(replay.offsetMicros(), offset);
            QList<feed::FeedItem> items;
            replay.take(&items);
            QCOMPARE(items.size(), 1);
            QCOMPARE(std::get<feed::FeedTick>(items.first()).instrument, pair);
        }
        QVERIFY(!replay.pending());
        QCOMPARE(replay.offsetMicros(), 0);
        QList<feed::FeedItem> none;
        replay.take(&none);
        QVERIFY(none.isEmpty());
        QCOMPARE(replay.goodLines(), 4);
        QCOMPARE(replay.badLines(), 2);
    }

    // The file's digits are published as they are; a missing mid is the exact midpoint.
    void replayKeepsDigits()
    {
        feed::ReplaySource replay(mixedFile(), m_model, noAnalytics(), m_instruments);
        QString error;
        QVERIFY(replay.open(&error));
        QList<feed::FeedItem> items;
        replay.take(&items);
        replay.take(&items);
        const auto &a = std::get<feed::FeedTick>(items.at(0));
        QCOMPARE(a.bid, QStringLiteral("1.08412"));
        QCOMPARE(a.mid, QStringLiteral("1.084165"));
        QCOMPARE(a.timeMicros, micros(u"2025-11-18T12:00:00Z"));
        const auto &b = std::get<feed::FeedTick>(items.at(1));
        QCOMPARE(b.mid, QStringLiteral("150.1165"));
    }

    void replayOpenErrors()
    {
        QString error;
        const QString missing = m_dir.filePath(QStringLiteral("missing.csv"));
        feed::ReplaySource none(missing, m_model, noAnalytics(), m_instruments);
        QVERIFY(!none.open(&error));
        QVERIFY2(error.startsWith(QStringLiteral("--replay cannot read %1: ").arg(missing)), qPrintable(error));

        error.clear();
        const QString noBid =
            writeFile(QStringLiteral("nobid.csv"), "time,instrument,ask\n2025-11-18T12:00:00Z,EUR_USD,1.1\n");
        feed::ReplaySource header(noBid, m_model, noAnalytics(), m_instruments);
        QVERIFY(!header.open(&error));
        QVERIFY2(error.contains(QStringLiteral("nobid.csv")), qPrintable(error));
    }

    // The analytics run over the replayed ticks on the recorded clock (time scale 1, grid from
    // the first tick): each batch follows the last tick at or before its time and precedes the
    // first tick after it.
    void replayAnalyticsOnTheRecordedClock()
    {
        QByteArray csv = "time,instrument,bid,ask\n";
        const qint64 start = micros(u"2025-11-18T12:00:00Z");
        for (int i = 0; i < 120; ++i) {
            const double wiggle = (i * 37 % 11) * 0.00001;
            csv += core::isoTimestamp(start + qint64(i) * 1000000).toLatin1() + ",EUR_USD,"
                + QByteArray::number(1.08 + wiggle, 'f', 5) + ',' + QByteArray::number(1.0801 + wiggle, 'f', 5) + '\n';
        }
        feed::FeedOptions options;
        options.analyticsConfig.volIntervalMicros = 5'000'000;
        feed::ReplaySource replay(writeFile(QStringLiteral("steady.csv"), csv), m_model, options, m_instruments);
        QString error;
        QVERIFY(replay.open(&error));
        QList<feed::FeedItem> items;
        while (replay.pending())
            replay.take(&items);
        QCOMPARE(replay.goodLines(), 120);

        int events = 0;
        qint64 lastTick = -1;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (const auto *t = std::get_if<feed::FeedTick>(&items.at(i))) {
                lastTick = t->timeMicros;
                continue;
            }
            const auto &e = std::get<feed::FeedEvent>(items.at(i));
            // One pair: volatility alerts and data_ready notices, never a correlation.
            QVERIFY(e.channel == protocol::ChannelKind::Volatility || e.channel == protocol::ChannelKind::DataReady);
            const QJsonObject o = QJsonDocument::fromJson(e.payload).object();
            if (e.channel == protocol::ChannelKind::DataReady) {
                QCOMPARE(o.value(QStringLiteral("data_type")).toString(), QStringLiteral("volatility"));
                ++events;
            }
            const qint64 at = micros(o.value(QStringLiteral("timestamp")).toString());
            QCOMPARE((at - start) % 5'000'000, 0); // on the 5 s grid from the first tick
            QVERIFY(lastTick >= 0 && lastTick <= at);
            qint64 nextTick = -1;
            for (qsizetype j = i + 1; j < items.size() && nextTick < 0; ++j)
                if (const auto *t = std::get_if<feed::FeedTick>(&items.at(j)))
                    nextTick = t->timeMicros;
            QVERIFY(nextTick > at);
        }
        // A batch needs 20 returns: from second 20 on, one data_ready every 5 s.
        QVERIFY2(events >= 15, qPrintable(QString::number(events)));

        // --no-analytics: ticks only.
        feed::ReplaySource plain(writeFile(QStringLiteral("steady.csv"), csv), m_model, noAnalytics(), m_instruments);
        QVERIFY(plain.open(&error));
        items.clear();
        while (plain.pending())
            plain.take(&items);
        QCOMPARE(items.size(), 120);
    }

    // One JSON line per message, on the configured (prefixed) channel; the same seed prints the
    // same bytes, another seed other bytes.
    void dryRunIsDeterministic()
    {
        const core::Settings settings = settingsWithPrefix(QStringLiteral("fx:"));
        feed::FeedOptions options;
        options.dryRun = 600;
        options.batch = 0;
        auto run = [&](quint64 seed) {
            feed::SimulatorConfig cfg;
            cfg.seed = seed;
            cfg.rate = 20;
            cfg.startMicros = feed::FeedOptions::kDryRunEpoch;
            cfg.burstProbability = 0.05;
            feed::FeedSimulator sim(m_model, cfg);
            CapturedOutput out;
            if (feed::runDryRun(settings, options, &sim, nullptr, out.file()) != 0)
                return QByteArray();
            return out.text();
        };
        const QByteArray a = run(7);
        QVERIFY(!a.isEmpty());
        QCOMPARE(run(7), a);
        QVERIFY(run(8) != a);

        QMap<QString, int> perChannel;
        const QList<QByteArray> lines = a.split('\n');
        QVERIFY(lines.last().isEmpty()); // every line ends with a newline
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            QJsonParseError err;
            const QJsonObject o = QJsonDocument::fromJson(lines.at(i), &err).object();
            QVERIFY2(err.error == QJsonParseError::NoError, lines.at(i).constData());
            QCOMPARE(o.size(), 2);
            QVERIFY(o.value(QStringLiteral("payload")).isObject());
            ++perChannel[o.value(QStringLiteral("channel")).toString()];
        }
        QCOMPARE(perChannel.value(QStringLiteral("fx:price_updates")), 600); // one object per tick
        QVERIFY(perChannel.value(QStringLiteral("fx:data_ready")) > 0);
        QCOMPARE(perChannel.keys().size() - perChannel.count(QStringLiteral("fx:price_updates"))
                     - perChannel.count(QStringLiteral("fx:data_ready"))
                     - perChannel.count(QStringLiteral("fx:volatility_alerts"))
                     - perChannel.count(QStringLiteral("fx:correlation_alerts")),
                 0);
    }

    // --batch N in a dry run: arrays of up to N ticks, all N ticks printed.
    void dryRunBatches()
    {
        const core::Settings settings = settingsWithPrefix(QString());
        feed::FeedOptions options;
        options.dryRun = 103;
        options.batch = 10;
        options.analytics = false;
        feed::SimulatorConfig cfg;
        cfg.analytics = false;
        feed::FeedSimulator sim(m_model, cfg);
        CapturedOutput out;
        QCOMPARE(feed::runDryRun(settings, options, &sim, nullptr, out.file()), 0);
        const QList<QByteArray> lines = out.text().trimmed().split('\n');
        QCOMPARE(lines.size(), 11);
        int ticks = 0;
        for (const QByteArray &line : lines) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            QCOMPARE(o.value(QStringLiteral("channel")).toString(), QStringLiteral("price_updates"));
            const QJsonArray batch = o.value(QStringLiteral("payload")).toArray();
            QVERIFY(!batch.isEmpty() && batch.size() <= 10);
            ticks += int(batch.size());
        }
        QCOMPARE(ticks, 103);
    }

    // A replay in a dry run: the first N ticks without pacing, or the whole file when shorter.
    void dryRunReplay()
    {
        const core::Settings settings = settingsWithPrefix(QString());
        for (const qint64 n : {qint64(2), qint64(100)}) {
            feed::FeedOptions options = noAnalytics();
            options.dryRun = n;
            feed::ReplaySource replay(mixedFile(), m_model, options, m_instruments);
            QString error;
            QVERIFY(replay.open(&error));
            if (n == 100) { // the bad lines come after the second tick
                QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^skipping bad line")));
                QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^skipping bad line")));
                QTest::ignoreMessage(QtWarningMsg,
                                     QRegularExpression(QStringLiteral("mixed\\.csv.*2 bad lines skipped")));
            }
            CapturedOutput out;
            QCOMPARE(feed::runDryRun(settings, options, nullptr, &replay, out.file()), 0);
            const QList<QByteArray> lines = out.text().trimmed().split('\n');
            QCOMPARE(lines.size(), n == 2 ? 2 : 4);
            QStringList pairs;
            for (const QByteArray &line : lines)
                pairs << QJsonDocument::fromJson(line)
                             .object()
                             .value(QStringLiteral("payload"))
                             .toObject()
                             .value(QStringLiteral("instrument"))
                             .toString();
            const QStringList all{QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY"), QStringLiteral("GBP_USD"),
                                  QStringLiteral("EUR_USD")};
            QCOMPARE(pairs, all.first(lines.size()));
        }
    }
};

QTEST_GUILESS_MAIN(TestFeedSources)
#include "tst_feed_sources.moc"
