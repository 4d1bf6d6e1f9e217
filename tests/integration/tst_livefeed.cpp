// The live feed (src/feed/livefeed.h) against a private redis-server: what it publishes on each
// channel (the simulator's own ticks and analytics messages, in order, batched), the
// price:<PAIR> cache, the counters, Redis going away and coming back, and a replay's pace.

#include "core/settings.h"
#include "core/timeutil.h"
#include "feed/feedbatcher.h"
#include "feed/feedmodel.h"
#include "feed/feedoptions.h"
#include "feed/feedsimulator.h"
#include "feed/livefeed.h"
#include "feed/replaysource.h"
#include "support/redisserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;

namespace {

// A Redis Pub/Sub client of its own (RESP over a QTcpSocket), so the test sees the raw
// messages exactly as any subscriber of the pipeline does.
class RawSubscriber
{
public:
    struct Message
    {
        QString channel;
        QByteArray payload;
    };

    bool subscribe(quint16 port, const QStringList &channels)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!m_socket.waitForConnected(5000))
            return false;
        m_socket.write("SUBSCRIBE " + channels.join(u' ').toUtf8() + "\r\n");
        m_expected = int(channels.size());
        return true;
    }
    bool isSubscribed() const { return m_subscribed >= m_expected && m_expected > 0; }
    const QList<Message> &messages() const { return m_messages; }
    QList<Message> on(const QString &channel) const
    {
        QList<Message> out;
        for (const Message &m : m_messages)
            if (m.channel == channel)
                out << m;
        return out;
    }

private:
    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        QList<QByteArray> parts;
        qsizetype used = 0;
        while (parseArray(&parts, &used)) {
            m_buffer.remove(0, used);
            if (parts.size() == 3 && parts.at(0) == "message")
                m_messages.append({QString::fromUtf8(parts.at(1)), parts.at(2)});
            else if (parts.size() == 3 && parts.at(0) == "subscribe")
                ++m_subscribed;
            parts.clear();
        }
    }

    // One complete array of bulk strings and integers at the front of the buffer.
    bool parseArray(QList<QByteArray> *parts, qsizetype *used) const
    {
        qsizetype pos = 0;
        auto line = [&](QByteArray *out) {
            const qsizetype end = m_buffer.indexOf("\r\n", pos);
            if (end < 0)
                return false;
            *out = m_buffer.mid(pos, end - pos);
            pos = end + 2;
            return true;
        };
        QByteArray head;
        if (!line(&head) || !head.startsWith('*'))
            return false;
        const int n = head.mid(1).toInt();
        for (int i = 0; i < n; ++i) {
            QByteArray item;
            if (!line(&item))
                return false;
            if (item.startsWith('$')) {
                const qsizetype len = item.mid(1).toLongLong();
                if (m_buffer.size() < pos + len + 2)
                    return false;
                parts->append(m_buffer.mid(pos, len));
                pos += len + 2;
            } else {
                parts->append(item.mid(1));
            }
        }
        *used = pos;
        return true;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
    QList<Message> m_messages;
    int m_subscribed = 0;
    int m_expected = 0;
};

core::Settings settingsFor(quint16 port, const QString &prefix)
{
    core::SettingsLoader loader;
    QString error;
    const QList<QPair<QString, QString>> values{{QStringLiteral("REDIS_HOST"), QStringLiteral("127.0.0.1")},
                                                {QStringLiteral("REDIS_PORT"), QString::number(port)},
                                                {QStringLiteral("REDIS_CHANNEL_PREFIX"), prefix}};
    for (const auto &[name, value] : values)
        if (!loader.setOverride(name, value, QStringLiteral("test"), &error))
            qFatal("%s", qPrintable(error));
    const std::optional<core::Settings> s = loader.resolve(&error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

QStringList channelsOf(const QString &prefix)
{
    return {prefix + QStringLiteral("price_updates"), prefix + QStringLiteral("volatility_alerts"),
            prefix + QStringLiteral("correlation_alerts"), prefix + QStringLiteral("data_ready")};
}

} // namespace

class TestLiveFeed : public QObject
{
    Q_OBJECT

    const feed::FeedModel m_model{core::InstrumentSet::defaultPairs()};
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Every tick and analytics message of the simulator reaches its channel in order, ticks in
    // arrays of at most --batch; the counters add up; the hash holds each pair's latest tick.
    void publishesTheSimulatorPerChannel()
    {
        test::RedisServer redis;
        QVERIFY(redis.start());
        const QString prefix = QStringLiteral("lf:");
        RawSubscriber sub;
        QVERIFY(sub.subscribe(redis.port(), channelsOf(prefix)));
        QTRY_VERIFY(sub.isSubscribed());

        feed::FeedOptions options;
        options.rate = 400;
        options.batch = 20;
        options.analyticsConfig.volIntervalMicros = 1'000'000;
        feed::SimulatorConfig cfg;
        cfg.seed = 11;
        cfg.rate = options.rate;
        cfg.startMicros = feed::FeedOptions::kDryRunEpoch;
        cfg.burstProbability = 0.05;
        cfg.analyticsConfig = options.analyticsConfig;
        feed::FeedSimulator sim(m_model, cfg);
        feed::LiveFeed live(settingsFor(redis.port(), prefix), options, &sim, nullptr);
        live.start();
        QVERIFY(live.isRedisUp());
        QTRY_VERIFY_WITH_TIMEOUT(!sub.on(prefix + QStringLiteral("data_ready")).isEmpty(), 15000);
        live.stop();
        QVERIFY(live.isStopped());
        QCOMPARE(live.counters().dropped, qint64(0));
        QCOMPARE(live.published(), live.counters().totalMessages());
        QTRY_COMPARE(qint64(sub.messages().size()), live.published());
        QCOMPARE(live.deliveries(), live.published()); // one subscriber on every channel

        // The same configuration again, without Redis: the reference of what must have gone out.
        feed::FeedSimulator reference(m_model, cfg);
        QList<feed::FeedItem> items;
        while (reference.ticks() < sim.ticks())
            reference.next(&items);
        QList<QJsonObject> ticks;
        QList<QPair<QString, QByteArray>> events;
        for (const feed::FeedItem &item : items) {
            if (const auto *t = std::get_if<feed::FeedTick>(&item))
                ticks << QJsonDocument::fromJson(t->toJson()).object();
            else
                events << qMakePair(channelsOf(prefix).at(int(std::get<feed::FeedEvent>(item).channel)),
                                    std::get<feed::FeedEvent>(item).payload);
        }
        QList<QJsonObject> published;
        QList<QPair<QString, QByteArray>> publishedEvents;
        for (const RawSubscriber::Message &m : sub.messages()) {
            if (m.channel != prefix + QStringLiteral("price_updates")) {
                publishedEvents << qMakePair(m.channel, m.payload);
                continue;
            }
            const QJsonArray batch = QJsonDocument::fromJson(m.payload).array();
            QVERIFY2(!batch.isEmpty() && batch.size() <= 20, m.payload.left(200).constData());
            for (const QJsonValue &v : batch)
                published << v.toObject();
        }
        QCOMPARE(qint64(published.size()), sim.ticks());
        QCOMPARE(live.counters().ticks, sim.ticks());
        QCOMPARE(published, ticks);
        QCOMPARE(publishedEvents, events);
        QCOMPARE(live.counters().messages[int(protocol::ChannelKind::DataReady)],
                 qint64(sub.on(prefix + QStringLiteral("data_ready")).size()));
        QCOMPARE(live.counters().volAlerts, qint64(sub.on(prefix + QStringLiteral("volatility_alerts")).size()));

        // price:<PAIR> (no channel prefix) holds the pair's latest published tick.
        const auto publisher = test::publisherFor(redis.port());
        QJsonObject lastEurUsd;
        for (const QJsonObject &t : published)
            if (t.value(QStringLiteral("instrument")).toString() == QStringLiteral("EUR_USD"))
                lastEurUsd = t.value(QStringLiteral("price")).toObject();
        QVERIFY(!lastEurUsd.isEmpty());
        for (const char *field : {"bid", "ask", "mid", "time"}) {
            QString error;
            QByteArray value;
            QVERIFY2(publisher->command({"HGET", "price:EUR_USD", field}, &error, &value), qPrintable(error));
            QCOMPARE(QString::fromUtf8(value), lastEurUsd.value(QLatin1StringView(field)).toString());
        }
    }

    // --no-cache: prices are published, no hash is written.
    void noCache()
    {
        test::RedisServer redis;
        QVERIFY(redis.start());
        feed::FeedOptions options;
        options.cache = false;
        options.analytics = false;
        feed::SimulatorConfig cfg;
        cfg.analytics = false;
        feed::FeedSimulator sim(m_model, cfg);
        feed::LiveFeed live(settingsFor(redis.port(), QString()), options, &sim, nullptr);
        live.start();
        QTRY_VERIFY(live.published() >= 25);
        live.stop();
        const auto publisher = test::publisherFor(redis.port());
        QString error;
        QByteArray keys;
        QVERIFY2(publisher->command({"DBSIZE"}, &error, &keys), qPrintable(error));
        QCOMPARE(keys, QByteArray("0"));
    }

    // Redis down: messages are counted as dropped and the feed carries on; once Redis is back
    // the feed reconnects (after its backoff) and publishes again.
    void redisGoneAndBack()
    {
        test::RedisServer redis;
        QVERIFY(redis.start());
        redis.kill9();
        feed::FeedOptions options;
        options.rate = 200;
        feed::SimulatorConfig cfg;
        cfg.rate = options.rate;
        feed::FeedSimulator sim(m_model, cfg);
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression(QStringLiteral("^Redis at 127\\.0\\.0\\.1:\\d+ unavailable")));
        feed::LiveFeed live(settingsFor(redis.port(), QString()), options, &sim, nullptr);
        live.start();
        QVERIFY(!live.isRedisUp());
        QTRY_VERIFY(live.counters().dropped >= 10);
        QCOMPARE(live.published(), qint64(0));
        QVERIFY(redis.restart());
        QTRY_VERIFY_WITH_TIMEOUT(live.isRedisUp() && live.published() > 0, 15000);
        live.stop();
        QCOMPARE(live.published() + live.counters().dropped, live.counters().totalMessages());
    }

    // A replay is sent at (its time - the first tick's time) / --speed after the start, in file
    // order; the end of the file stops the feed and calls the finished handler once.
    void replayPace()
    {
        const QString path = m_dir.filePath(QStringLiteral("pace.csv"));
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time,instrument,bid,ask\n"
                    "2025-11-18T12:00:00.000Z,EUR_USD,1.08412,1.08421\n"
                    "2025-11-18T12:00:00.200Z,USD_JPY,150.112,150.121\n"
                    "2025-11-18T12:00:00.400Z,GBP_USD,1.27001,1.27011\n"
                    "2025-11-18T12:00:00.600Z,EUR_USD,1.08413,1.08422\n");
        }
        test::RedisServer redis;
        QVERIFY(redis.start());
        RawSubscriber sub;
        QVERIFY(sub.subscribe(redis.port(), channelsOf(QString())));
        QTRY_VERIFY(sub.isSubscribed());

        feed::FeedOptions options;
        options.replayFile = path;
        options.speed = 2; // the last tick is due 300 ms after the start
        feed::ReplaySource replay(path, m_model, options, core::InstrumentSet());
        QString error;
        QVERIFY(replay.open(&error));
        feed::LiveFeed live(settingsFor(redis.port(), QString()), options, nullptr, &replay);
        int finished = 0;
        qint64 finishedAfter = 0;
        QElapsedTimer clock;
        live.setFinishedHandler([&] {
            ++finished;
            finishedAfter = clock.elapsed();
        });
        clock.start();
        live.start();
        QCOMPARE(live.counters().ticks, qint64(1)); // tick 0 at once
        QTRY_COMPARE(finished, 1);
        QVERIFY2(finishedAfter >= 300, qPrintable(QString::number(finishedAfter)));
        QVERIFY(live.isStopped());
        live.stop(); // a signal after the end: nothing more
        QCOMPARE(finished, 1);
        QTRY_COMPARE(sub.messages().size(), qsizetype(4));
        QStringList order;
        for (const RawSubscriber::Message &m : sub.messages())
            order << QJsonDocument::fromJson(m.payload).object().value(QStringLiteral("instrument")).toString();
        QCOMPARE(order,
                 QStringList({QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY"), QStringLiteral("GBP_USD"),
                              QStringLiteral("EUR_USD")}));
    }

    // --speed 0: as fast as possible, in slices of kReplayFastBatch ticks.
    void replayFullSpeed()
    {
        const QString path = m_dir.filePath(QStringLiteral("fast.csv"));
        const int n = feed::LiveFeed::kReplayFastBatch * 2 + 7;
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("time,instrument,bid,ask\n");
            const qint64 start = 1763467200LL * 1000000LL;
            for (int i = 0; i < n; ++i)
                f.write(core::isoTimestamp(start + qint64(i) * 1000000).toLatin1() + ",EUR_USD,1.08412,1.08421\n");
        }
        test::RedisServer redis;
        QVERIFY(redis.start());
        feed::FeedOptions options;
        options.replayFile = path;
        options.speed = 0;
        options.batch = 100;
        options.analytics = false;
        feed::ReplaySource replay(path, m_model, options, core::InstrumentSet());
        QString error;
        QVERIFY(replay.open(&error));
        feed::LiveFeed live(settingsFor(redis.port(), QString()), options, nullptr, &replay);
        bool finished = false;
        live.setFinishedHandler([&] { finished = true; });
        live.start();
        QCOMPARE(live.counters().ticks, qint64(feed::LiveFeed::kReplayFastBatch)); // the first slice
        QTRY_VERIFY(finished);
        QCOMPARE(live.counters().ticks, qint64(n));
        QCOMPARE(replay.goodLines(), qint64(n));
        QCOMPARE(live.published(), live.counters().totalMessages());
    }
};

QTEST_GUILESS_MAIN(TestLiveFeed)
#include "tst_livefeed.moc"
