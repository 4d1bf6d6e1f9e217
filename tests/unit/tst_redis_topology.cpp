// REDIS.md, "Sentinel" and "Cluster": the parsers of what the settings and Redis name (host:port
// lists, MOVED/ASK redirections, +switch-master messages, Sentinel and ROLE replies) at and
// over their bounds, the key slot hash, and the settings that may and may not go together.

#include "core/hostport.h"
#include "core/settings.h"
#include "redis/redisconfig.h"
#include "redis/redisreplies.h"

#include <QTest>

#include <hiredis/hiredis.h>

using namespace fx;
using namespace fx::redis;

namespace {
// A hand-built reply tree (hiredis' own type, filled as its reader would).
struct FakeReply
{
    redisReply r{};
    std::vector<redisReply> children;
    std::vector<redisReply *> pointers;
    std::vector<QByteArray> strings;

    static FakeReply array(const QList<QByteArray> &items, int type = REDIS_REPLY_STRING)
    {
        FakeReply f;
        f.strings.assign(items.begin(), items.end());
        f.children.resize(size_t(items.size()));
        for (size_t i = 0; i < f.children.size(); ++i) {
            f.children[i].type = type;
            f.children[i].str = f.strings[i].data();
            f.children[i].len = size_t(f.strings[i].size());
        }
        for (auto &c : f.children)
            f.pointers.push_back(&c);
        f.r.type = REDIS_REPLY_ARRAY;
        f.r.elements = f.children.size();
        f.r.element = f.pointers.data();
        return f;
    }
};

std::optional<core::Settings> resolve(const QList<QPair<const char *, QString>> &vars, QString *err)
{
    core::SettingsLoader l;
    QProcessEnvironment e;
    for (const auto &[k, v] : vars)
        e.insert(QString::fromLatin1(k), v);
    l.setEnvironment(e);
    return l.resolve(err);
}
} // namespace

class TestRedisTopology : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hostPort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ipv4") << "127.0.0.1:6379" << true << "127.0.0.1" << 6379;
        QTest::newRow("name") << "redis-a.example_1:26379" << true << "redis-a.example_1" << 26379;
        QTest::newRow("ipv6") << "[::1]:7000" << true << "::1" << 7000;
        QTest::newRow("port 1") << "h:1" << true << "h" << 1;
        QTest::newRow("port 65535") << "h:65535" << true << "h" << 65535;
        QTest::newRow("port 0") << "h:0" << false << "" << 0;
        QTest::newRow("port 65536") << "h:65536" << false << "" << 0;
        QTest::newRow("port 6 digits") << "h:000001" << false << "" << 0;
        QTest::newRow("port sign") << "h:+80" << false << "" << 0;
        QTest::newRow("no port") << "h" << false << "" << 0;
        QTest::newRow("empty port") << "h:" << false << "" << 0;
        QTest::newRow("empty host") << ":6379" << false << "" << 0;
        QTest::newRow("space") << "a b:1" << false << "" << 0;
        QTest::newRow("v6 without brackets") << "::1:7000" << false << "" << 0;
        QTest::newRow("brackets around v4") << "[1.2.3.4]:1" << false << "" << 0;
        QTest::newRow("unclosed") << "[::1:7000" << false << "" << 0;
        QTest::newRow("host 255") << QString(255, u'a') + ":1" << true << QString(255, u'a') << 1;
        QTest::newRow("host 256") << QString(256, u'a') + ":1" << false << "" << 0;
        QTest::newRow("control") << QStringLiteral("a\nb:1") << false << "" << 0;
    }

    void hostPort()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, host);
        QFETCH(int, port);
        core::HostPort hp;
        QString err;
        QCOMPARE(core::parseHostPort(text, &hp, &err), ok);
        if (ok) {
            QCOMPARE(hp.host, host);
            QCOMPARE(int(hp.port), port);
        } else {
            QVERIFY(!err.isEmpty());
        }
    }

    void hostPortList()
    {
        QList<core::HostPort> list;
        QString err;
        QVERIFY(core::parseHostPortList(u"", &list, &err));
        QVERIFY(list.isEmpty());
        QVERIFY(core::parseHostPortList(u" a:1 , b:2,[::1]:3 ", &list, &err));
        QCOMPARE(list.size(), 3);
        QCOMPARE(list[2].toString(), QStringLiteral("[::1]:3"));
        QVERIFY(!core::parseHostPortList(u"a:1,,b:2", &list, &err));
        QVERIFY(!core::parseHostPortList(u"a:1,a:1", &list, &err));
        QVERIFY(err.contains(QStringLiteral("twice")));
        QStringList items;
        for (int i = 1; i <= core::kMaxEndpoints; ++i)
            items << QStringLiteral("h:%1").arg(i);
        QVERIFY2(core::parseHostPortList(items.join(u','), &list, &err), qPrintable(err)); // at the bound
        QCOMPARE(list.size(), core::kMaxEndpoints);
        items << QStringLiteral("h:9999");
        QVERIFY(!core::parseHostPortList(items.join(u','), &list, &err)); // one over
        QVERIFY(err.contains(QStringLiteral("at most")));
    }

    void redirect_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("result"); // RedirectParse
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("slot");
        QTest::addColumn<QString>("node");
        const int ok = int(RedirectParse::Ok), bad = int(RedirectParse::Invalid),
                  none = int(RedirectParse::NotRedirect);
        QTest::newRow("moved") << QByteArray("MOVED 3999 127.0.0.1:6381") << ok << int(Redirect::Moved) << 3999
                               << "127.0.0.1:6381";
        QTest::newRow("ask") << QByteArray("ASK 0 10.0.0.2:7000") << ok << int(Redirect::Ask) << 0 << "10.0.0.2:7000";
        QTest::newRow("slot 16383") << QByteArray("MOVED 16383 h:1") << ok << 0 << 16383 << "h:1";
        QTest::newRow("slot 16384") << QByteArray("MOVED 16384 h:1") << bad << 0 << 0 << "";
        QTest::newRow("slot 99999") << QByteArray("MOVED 99999 h:1") << bad << 0 << 0 << "";
        QTest::newRow("slot 6 digits") << QByteArray("MOVED 000001 h:1") << bad << 0 << 0 << "";
        QTest::newRow("slot negative") << QByteArray("MOVED -1 h:1") << bad << 0 << 0 << "";
        QTest::newRow("no address") << QByteArray("MOVED 12") << bad << 0 << 0 << "";
        QTest::newRow("port 0") << QByteArray("MOVED 12 h:0") << bad << 0 << 0 << "";
        QTest::newRow("port over") << QByteArray("ASK 12 h:70000") << bad << 0 << 0 << "";
        QTest::newRow("bad host") << QByteArray("MOVED 12 h/x:1") << bad << 0 << 0 << "";
        QTest::newRow("trailing") << QByteArray("MOVED 12 h:1 extra") << bad << 0 << 0 << "";
        QTest::newRow("too long") << QByteArray("MOVED 1 ") + QByteArray(1100, 'a') + ":1" << bad << 0 << 0 << "";
        QTest::newRow("other error") << QByteArray("ERR wrong number of arguments") << none << 0 << 0 << "";
        QTest::newRow("readonly") << QByteArray("READONLY You can't write against a read only replica.") << none << 0
                                  << 0 << "";
        QTest::newRow("lowercase") << QByteArray("moved 1 h:1") << none << 0 << 0 << "";
    }

    void redirect()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, result);
        QFETCH(int, kind);
        QFETCH(int, slot);
        QFETCH(QString, node);
        Redirect r;
        QString why;
        QCOMPARE(int(parseRedirect(text, &r, &why)), result);
        if (result == int(RedirectParse::Ok)) {
            QCOMPARE(int(r.kind), kind);
            QCOMPARE(r.slot, slot);
            QCOMPARE(r.node.toString(), node);
        } else if (result == int(RedirectParse::Invalid)) {
            QVERIFY(!why.isEmpty());
        }
    }

    void keySlots()
    {
        // Values CLUSTER KEYSLOT gives (the cluster test checks more against a real node).
        QCOMPARE(keySlot("123456789"), 12739);
        QCOMPARE(keySlot("foo"), 12182);
        QCOMPARE(keySlot("{user1000}.following"), keySlot("{user1000}.followers"));
        QCOMPARE(keySlot("foo{}{bar}"), keySlot("foo{}{bar}")); // an empty tag: the whole key
        QVERIFY(keySlot("foo{}{bar}") != keySlot("bar"));
        QCOMPARE(keySlot("foo{{bar}}zap"), keySlot("{bar"));
        QVERIFY(keySlot("") >= 0);
    }

    void switchMaster()
    {
        QString name, why;
        core::HostPort m;
        QVERIFY(parseSwitchMaster("fxmaster 127.0.0.1 6379 127.0.0.1 6380", &name, &m, &why));
        QCOMPARE(name, QStringLiteral("fxmaster"));
        QCOMPARE(m.toString(), QStringLiteral("127.0.0.1:6380"));
        QVERIFY(!parseSwitchMaster("fxmaster 127.0.0.1 6379 127.0.0.1", &name, &m, &why)); // 4 fields
        QVERIFY(!parseSwitchMaster("fxmaster 127.0.0.1 6379 127.0.0.1 6380 x", &name, &m, &why)); // 6
        QVERIFY(!parseSwitchMaster("fxmaster 127.0.0.1 6379 127.0.0.1 0", &name, &m, &why));
        QVERIFY(!parseSwitchMaster("fxmaster 127.0.0.1 6379 127.0.0.1 65536", &name, &m, &why));
        QVERIFY(!parseSwitchMaster("fxmaster 127.0.0.1 6379 bad/host 6380", &name, &m, &why));
        QVERIFY(!parseSwitchMaster(" 127.0.0.1 6379 127.0.0.1 6380", &name, &m, &why));
        const QByteArray longHost(1000, 'a');
        QVERIFY(!parseSwitchMaster("m a 1 " + longHost + " 1", &name, &m, &why)); // host over 255
        QVERIFY(!parseSwitchMaster("m a 1 b 1" + QByteArray(1100, ' '), &name, &m, &why)); // over 1024 bytes
        QVERIFY(why.contains(QStringLiteral("longer")));
    }

    void masterAddressReply()
    {
        core::HostPort hp;
        QString why;
        FakeReply ok = FakeReply::array({"127.0.0.1", "6380"});
        QVERIFY2(masterAddressFromReply(&ok.r, &hp, &why), qPrintable(why));
        QCOMPARE(hp.toString(), QStringLiteral("127.0.0.1:6380"));
        FakeReply three = FakeReply::array({"127.0.0.1", "6380", "x"});
        QVERIFY(!masterAddressFromReply(&three.r, &hp, &why));
        FakeReply one = FakeReply::array({"127.0.0.1"});
        QVERIFY(!masterAddressFromReply(&one.r, &hp, &why));
        FakeReply badPort = FakeReply::array({"127.0.0.1", "0"});
        QVERIFY(!masterAddressFromReply(&badPort.r, &hp, &why));
        FakeReply bigPort = FakeReply::array({"127.0.0.1", "65536"});
        QVERIFY(!masterAddressFromReply(&bigPort.r, &hp, &why));
        FakeReply longHost = FakeReply::array({QByteArray(256, 'a'), "1"});
        QVERIFY(!masterAddressFromReply(&longHost.r, &hp, &why));
        FakeReply atBound = FakeReply::array({QByteArray(255, 'a'), "65535"});
        QVERIFY2(masterAddressFromReply(&atBound.r, &hp, &why), qPrintable(why));
        FakeReply ints = FakeReply::array({"1", "2"}, REDIS_REPLY_INTEGER);
        QVERIFY(!masterAddressFromReply(&ints.r, &hp, &why));
        redisReply nil{};
        nil.type = REDIS_REPLY_NIL;
        QVERIFY(!masterAddressFromReply(&nil, &hp, &why));
        QVERIFY(why.contains(QStringLiteral("does not know")));
        QVERIFY(!masterAddressFromReply(nullptr, &hp, &why));
    }

    void roleReply()
    {
        QByteArray role;
        QString why;
        FakeReply master = FakeReply::array({"master"});
        QVERIFY(roleFromReply(&master.r, &role, &why));
        QCOMPARE(role, QByteArray("master"));
        FakeReply slave = FakeReply::array({"slave", "127.0.0.1"});
        QVERIFY(roleFromReply(&slave.r, &role, &why));
        QCOMPARE(role, QByteArray("slave"));
        FakeReply empty = FakeReply::array({});
        QVERIFY(!roleFromReply(&empty.r, &role, &why));
        FakeReply huge = FakeReply::array({QByteArray(17, 'm')});
        QVERIFY(!roleFromReply(&huge.r, &role, &why));
        QVERIFY(isReadOnlyError("READONLY You can't write against a read only replica."));
        QVERIFY(!isReadOnlyError("ERR READONLY"));
    }

    void settingsCombinations()
    {
        QString err;
        auto s = resolve({{"REDIS_SENTINELS", QStringLiteral("127.0.0.1:26379, 127.0.0.1:26380")},
                          {"REDIS_SENTINEL_MASTER", QStringLiteral("fxmaster")},
                          {"REDIS_SENTINEL_PASSWORD", QStringLiteral("s3cret")}},
                         &err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->redisSentinels.size(), 2);
        const RedisConfig c = RedisConfig::fromSettings(*s);
        QCOMPARE(c.topology(), RedisTopology::Sentinel);
        QCOMPARE(c.via(), QStringLiteral("sentinel"));
        QCOMPARE(c.sentinelAuthArguments(), QList<QByteArray>{"s3cret"});
        QVERIFY(core::isSecretSetting(u"REDIS_SENTINEL_PASSWORD"));

        s = resolve({{"REDIS_CLUSTER_NODES", QStringLiteral("127.0.0.1:7000")}}, &err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(RedisConfig::fromSettings(*s).via(), QStringLiteral("cluster"));
        QCOMPARE(RedisConfig().via(), QStringLiteral("direct"));

        struct Bad
        {
            QList<QPair<const char *, QString>> vars;
            const char *names;
        };
        const QList<Bad> bad{
            {{{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", "m"}, {"REDIS_CLUSTER_NODES", "b:2"}},
             "REDIS_SENTINELS"},
            {{{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", "m"}, {"REDIS_SOCKET", "/tmp/r.sock"}},
             "REDIS_SENTINELS"},
            {{{"REDIS_CLUSTER_NODES", "a:1"}, {"REDIS_SOCKET", "/tmp/r.sock"}}, "REDIS_CLUSTER_NODES"},
            {{{"REDIS_CLUSTER_NODES", "a:1"}, {"REDIS_DB", "1"}}, "REDIS_DB"},
            {{{"REDIS_SENTINELS", "a:1"}}, "REDIS_SENTINEL_MASTER"},
            {{{"REDIS_SENTINEL_MASTER", "m"}}, "REDIS_SENTINEL_MASTER"},
            {{{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", "m"}, {"REDIS_SENTINEL_USERNAME", "u"}},
             "REDIS_SENTINEL_USERNAME"},
            {{{"REDIS_SENTINELS", "a:0"}, {"REDIS_SENTINEL_MASTER", "m"}}, "REDIS_SENTINELS"},
            {{{"REDIS_CLUSTER_NODES", "a"}}, "REDIS_CLUSTER_NODES"},
            {{{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", QString(129, u'm')}}, "REDIS_SENTINEL_MASTER"},
            {{{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", "m x"}}, "REDIS_SENTINEL_MASTER"},
        };
        for (const Bad &b : bad) {
            err.clear();
            QVERIFY(!resolve(b.vars, &err));
            QVERIFY2(err.contains(QLatin1StringView(b.names)), qPrintable(err));
            QVERIFY2(!err.contains(u'\n'), qPrintable(err));
        }
        // The master name at its bound.
        QVERIFY2(resolve({{"REDIS_SENTINELS", "a:1"}, {"REDIS_SENTINEL_MASTER", QString(128, u'm')}}, &err),
                 qPrintable(err));
        // A secret is never repeated in the error.
        err.clear();
        QVERIFY(!resolve({{"REDIS_SENTINELS", "a:1"},
                          {"REDIS_SENTINEL_MASTER", "m"},
                          {"REDIS_SENTINEL_USERNAME", "u"},
                          {"REDIS_SENTINEL_PASSWORD", ""}},
                         &err));
    }
};

QTEST_GUILESS_MAIN(TestRedisTopology)
#include "tst_redis_topology.moc"
