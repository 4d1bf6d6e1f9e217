// Configuration: the layers' precedence, every rejection, and the .env reader.

#include "core/envfile.h"
#include "core/settings.h"

#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace fx::core;

class TestSettings : public QObject
{
    Q_OBJECT

private:
    static QProcessEnvironment env(std::initializer_list<std::pair<const char *, const char *>> kv)
    {
        QProcessEnvironment e;
        for (const auto &[k, v] : kv)
            e.insert(QString::fromLatin1(k), QString::fromLatin1(v));
        return e;
    }

private Q_SLOTS:
    void defaults()
    {
        SettingsLoader l;
        QString err;
        const auto s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->host, QStringLiteral("0.0.0.0"));
        QCOMPARE(s->port, quint16(5001));
        QCOMPARE(s->maxClients, 1000);
        QCOMPARE(s->pingInterval, 25.0);
        QCOMPARE(s->pingTimeout, 5.0);
        QCOMPARE(s->redisHost, QStringLiteral("localhost"));
        QCOMPARE(s->redisPort, quint16(6379));
        QVERIFY(s->redisPassword.isEmpty()); // "None"
        QCOMPARE(s->logLevel, QStringLiteral("INFO"));
        QCOMPARE(s->pairs.size(), 20);
        QCOMPARE(s->dbShutdownFlushSeconds, 10);
        QCOMPARE(s->values.value(QStringLiteral("WEBSOCKET_PORT")).source, SettingSource::Default);
    }

    // DB_SHUTDOWN_FLUSH_SECONDS at its bounds (0 and 3600; just over them in rejections()).
    void shutdownFlushBounds()
    {
        for (const char *v : {"0", "1", "3599", "3600"}) {
            SettingsLoader l;
            QString err;
            l.setEnvironment(env({{"DB_SHUTDOWN_FLUSH_SECONDS", v}}));
            const auto s = l.resolve(&err);
            QVERIFY2(s, qPrintable(err));
            QCOMPARE(s->dbShutdownFlushSeconds, QByteArray(v).toInt());
        }
    }

    void precedence()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral(".env"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("WEBSOCKET_PORT=6000\nWEBSOCKET_MAX_CLIENTS=50\nLOG_LEVEL=debug\nREDIS_DB=3\n");
        f.close();

        SettingsLoader l;
        l.setStored({{QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("5500")},
                     {QStringLiteral("REDIS_HOST"), QStringLiteral("stored.example")}});
        QString err;
        QVERIFY(l.loadEnvFile(path, true, &err));
        l.setEnvironment(env({{"WEBSOCKET_PORT", "7000"}, {"WEBSOCKET_MAX_CLIENTS", "60"}, {"UNRELATED", "x"}}));
        QVERIFY(
            l.setOverride(QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("8000"), QStringLiteral("--port"), &err));
        const auto s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->port, quint16(8000)); // flag > env > .env > stored
        QCOMPARE(s->maxClients, 60); // env > .env
        QCOMPARE(s->logLevel, QStringLiteral("DEBUG")); // .env, case-insensitive
        QCOMPARE(s->redisDb, 3);
        QCOMPARE(s->redisHost, QStringLiteral("stored.example")); // stored > default
        QCOMPARE(s->values.value(QStringLiteral("WEBSOCKET_PORT")).origin, QStringLiteral("--port"));
        QCOMPARE(s->values.value(QStringLiteral("WEBSOCKET_MAX_CLIENTS")).source, SettingSource::Environment);
        QCOMPARE(s->values.value(QStringLiteral("REDIS_DB")).origin, QStringLiteral(".env:4"));
    }

    void rejections_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("port 70000") << "WEBSOCKET_PORT"
                                    << "70000";
        QTest::newRow("port negative") << "WEBSOCKET_PORT"
                                       << "-1";
        QTest::newRow("port text") << "WEBSOCKET_PORT"
                                   << "http";
        QTest::newRow("port empty") << "WEBSOCKET_PORT"
                                    << "";
        QTest::newRow("max clients -3") << "WEBSOCKET_MAX_CLIENTS"
                                        << "-3";
        QTest::newRow("max clients 0") << "WEBSOCKET_MAX_CLIENTS"
                                       << "0";
        QTest::newRow("max clients fraction") << "WEBSOCKET_MAX_CLIENTS"
                                              << "2.5";
        QTest::newRow("ping interval 0") << "WEBSOCKET_PING_INTERVAL"
                                         << "0";
        QTest::newRow("ping interval nan") << "WEBSOCKET_PING_INTERVAL"
                                           << "nan";
        QTest::newRow("ping timeout text") << "WEBSOCKET_PING_TIMEOUT"
                                           << "soon";
        QTest::newRow("message size tiny") << "WEBSOCKET_MAX_MESSAGE_SIZE"
                                           << "10";
        QTest::newRow("io threads 100") << "WEBSOCKET_IO_THREADS"
                                        << "100";
        QTest::newRow("host name") << "WEBSOCKET_HOST"
                                   << "example.com";
        QTest::newRow("host empty") << "WEBSOCKET_HOST"
                                    << "";
        QTest::newRow("redis port 0") << "REDIS_PORT"
                                      << "0";
        QTest::newRow("redis db -1") << "REDIS_DB"
                                     << "-1";
        QTest::newRow("redis host space") << "REDIS_HOST"
                                          << "a b";
        QTest::newRow("log level") << "LOG_LEVEL"
                                   << "LOUD";
        QTest::newRow("shutdown flush -1") << "DB_SHUTDOWN_FLUSH_SECONDS"
                                           << "-1";
        QTest::newRow("shutdown flush 3601") << "DB_SHUTDOWN_FLUSH_SECONDS"
                                             << "3601";
        QTest::newRow("shutdown flush fraction") << "DB_SHUTDOWN_FLUSH_SECONDS"
                                                 << "1.5";
        QTest::newRow("pairs bad") << "FX_PAIRS"
                                   << "EUR_USD,EURO";
        QTest::newRow("pairs duplicate") << "FX_PAIRS"
                                         << "EUR_USD,eur/usd";
        QTest::newRow("trusted proxy name") << "WEBSOCKET_TRUSTED_PROXIES"
                                            << "proxy.example";
        QTest::newRow("trusted proxy prefix") << "WEBSOCKET_TRUSTED_PROXIES"
                                              << "127.0.0.1, 10.0.0.0/40";
        QTest::newRow("cors") << "CORS_ALLOWED_ORIGINS"
                              << "example.com";
        QTest::newRow("cors path") << "CORS_ALLOWED_ORIGINS"
                                   << "https://ops.example//";
        QTest::newRow("cors path 2") << "CORS_ALLOWED_ORIGINS"
                                     << "https://ops.example/app";
        QTest::newRow("cors query") << "CORS_ALLOWED_ORIGINS"
                                    << "https://ops.example?x=1";
        QTest::newRow("cors wildcard") << "CORS_ALLOWED_ORIGINS"
                                       << "https://*.ops.example";
        QTest::newRow("cors scheme") << "CORS_ALLOWED_ORIGINS"
                                     << "ws://ops.example";
        QTest::newRow("cors file") << "CORS_ALLOWED_ORIGINS"
                                   << "file://";
        QTest::newRow("cors user") << "CORS_ALLOWED_ORIGINS"
                                   << "https://user@ops.example";
        QTest::newRow("cors port 0") << "CORS_ALLOWED_ORIGINS"
                                     << "http://desk.example:0";
        QTest::newRow("cors port big") << "CORS_ALLOWED_ORIGINS"
                                       << "http://desk.example:65536";
        QTest::newRow("cors port text") << "CORS_ALLOWED_ORIGINS"
                                        << "http://desk.example:80a";
        QTest::newRow("cors empty port") << "CORS_ALLOWED_ORIGINS"
                                         << "http://desk.example:";
        QTest::newRow("cors no host") << "CORS_ALLOWED_ORIGINS"
                                      << "https://";
        QTest::newRow("cors bad v6") << "CORS_ALLOWED_ORIGINS"
                                     << "http://[::g]:80";
        QTest::newRow("cors unicode") << "CORS_ALLOWED_ORIGINS"
                                      << "https://bücher.example";
        QTest::newRow("cors space") << "CORS_ALLOWED_ORIGINS"
                                    << "https://ops example";
        QTest::newRow("cors one bad") << "CORS_ALLOWED_ORIGINS"
                                      << "https://ops.example,desk.example";
        QTest::newRow("cors double dot") << "CORS_ALLOWED_ORIGINS"
                                         << "https://ops..example";
        QTest::newRow("db port") << "DB_PORT"
                                 << "99999";
        QTest::newRow("channel empty") << "REDIS_CHANNEL_PRICES"
                                       << "";
        QTest::newRow("channels equal") << "REDIS_CHANNEL_VOLATILITY"
                                        << "price_updates";
        QTest::newRow("server id 129") << "WEBSOCKET_SERVER_ID" << QString(129, u'a');
        QTest::newRow("server id space") << "WEBSOCKET_SERVER_ID"
                                         << "desk one";
        QTest::newRow("server id control") << "WEBSOCKET_SERVER_ID" << QString::fromLatin1("desk\x01");
        QTest::newRow("stale 0") << "FLEET_STALE_SECONDS"
                                 << "0";
        QTest::newRow("stale 3601") << "FLEET_STALE_SECONDS"
                                    << "3601";
    }

    // ARCHITECTURE.md, "Fleet heartbeat": the bounds of WEBSOCKET_SERVER_ID and FLEET_STALE_SECONDS.
    void fleetSettingsAtTheirBounds()
    {
        {
            QString err;
            const auto s = SettingsLoader().resolve(&err);
            QVERIFY(s);
            QVERIFY(s->serverId.isEmpty());
            QCOMPARE(s->fleetStaleSeconds, 5);
        }
        for (const QString &id : {QString(128, u'a'), QString(127, u'b'), QStringLiteral("x"),
                                  QStringLiteral("desk-1:5001"), QStringLiteral("ürün/α")}) {
            SettingsLoader l;
            QString err;
            QVERIFY(l.setOverride(QStringLiteral("WEBSOCKET_SERVER_ID"), id, QStringLiteral("--test"), &err));
            const auto s = l.resolve(&err);
            QVERIFY2(s, qPrintable(err));
            QCOMPARE(s->serverId, id);
        }
        for (const char *v : {"1", "2", "3599", "3600"}) {
            SettingsLoader l;
            QString err;
            QVERIFY(l.setOverride(QStringLiteral("FLEET_STALE_SECONDS"), QString::fromLatin1(v),
                                  QStringLiteral("--test"), &err));
            const auto s = l.resolve(&err);
            QVERIFY2(s, qPrintable(err));
            QCOMPARE(s->fleetStaleSeconds, QString::fromLatin1(v).toInt());
        }
    }

    // GUI.md, "Settings": the table says how each setting is edited, and its bounds are the
    // loader's own. Every whole-number and number setting at its minimum and maximum, and just
    // under and over them; every choice setting takes each choice and refuses another word.
    void specsDescribeEverySetting()
    {
        QSet<QString> names;
        for (const SettingSpec &spec : settingSpecs()) {
            QVERIFY2(!names.contains(spec.name), qPrintable(spec.name));
            names.insert(spec.name);
            QVERIFY2(!spec.label.isEmpty() && spec.label.size() <= 40, qPrintable(spec.name));
            QVERIFY2(!spec.help.isEmpty(), qPrintable(spec.name));
            QCOMPARE(spec.kind == SettingKind::Secret, isSecretSetting(spec.name));
            if (spec.kind == SettingKind::Choice)
                QVERIFY2(spec.choices.contains(spec.defaultValue), qPrintable(spec.name));
            if (spec.kind == SettingKind::Flag)
                QVERIFY2(spec.defaultValue == u"true" || spec.defaultValue == u"false", qPrintable(spec.name));
            if (spec.kind != SettingKind::Integer && spec.kind != SettingKind::Number)
                continue;
            QVERIFY2(spec.minimum < spec.maximum, qPrintable(spec.name));
            QVERIFY2(spec.defaultValue.toDouble() >= spec.minimum && spec.defaultValue.toDouble() <= spec.maximum,
                     qPrintable(spec.name));
        }
        QCOMPARE(names.size(), settingSpecs().size());
    }

    void specBoundsAreTheLoaders()
    {
        auto resolves = [](const QString &name, const QString &value, QString *err) {
            SettingsLoader l;
            l.setOverride(name, value, QStringLiteral("--test"), err);
            return l.resolve(err).has_value();
        };
        int checked = 0;
        for (const SettingSpec &spec : settingSpecs()) {
            QString err;
            if (spec.kind == SettingKind::Choice) {
                for (const QString &c : spec.choices)
                    QVERIFY2(resolves(spec.name, c, &err) || spec.name == u"WEBSOCKET_AUTH", qPrintable(err));
                QVERIFY2(!resolves(spec.name, QStringLiteral("bogus"), &err), qPrintable(spec.name));
                QVERIFY2(err.startsWith(QStringLiteral("invalid ") + spec.name), qPrintable(err));
                ++checked;
                continue;
            }
            if (spec.kind != SettingKind::Integer && spec.kind != SettingKind::Number)
                continue;
            const double step = spec.kind == SettingKind::Integer ? 1 : spec.minimum < 1 ? spec.minimum : 0.5;
            auto text = [](double v) { return QString::number(v, 'g', 15); };
            for (double v : {spec.minimum, spec.maximum, spec.minimum + step, spec.maximum - step})
                QVERIFY2(resolves(spec.name, text(v), &err), qPrintable(spec.name + u' ' + text(v) + u' ' + err));
            for (double v : {spec.minimum - step, spec.maximum + step}) {
                QVERIFY2(!resolves(spec.name, text(v), &err), qPrintable(spec.name + u' ' + text(v)));
                // The message names the bounds as the dialog's spin box has them.
                QVERIFY2(err.contains(QStringLiteral("from %1 to %2").arg(text(spec.minimum), text(spec.maximum))),
                         qPrintable(err));
            }
            ++checked;
        }
        QVERIFY(checked >= 24); // 21 numbers and 3 choices today
    }

    void rejections()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        SettingsLoader l;
        QString err;
        QVERIFY(l.setOverride(name, value, QStringLiteral("--test"), &err));
        QVERIFY(!l.resolve(&err));
        // One line that names the setting, the value and where it came from.
        QVERIFY2(err.contains(name), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("--test")), qPrintable(err));
        QVERIFY(!err.contains(u'\n'));
    }

    // SECURITY.md, "Tokens": the mode, the secret's length and the leeway at, just under and just
    // over their bounds; the secret is never repeated in the message; it is a secret setting.
    void tokenSettings()
    {
        auto resolve = [](const QList<QPair<const char *, QString>> &vars, QString *err) {
            SettingsLoader l;
            QProcessEnvironment e;
            for (const auto &[k, v] : vars)
                e.insert(QString::fromLatin1(k), v);
            l.setEnvironment(e);
            return l.resolve(err);
        };
        const QString secret32(32, u's'), secret31(31, u's');
        QString err;
        auto s = resolve({}, &err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->authMode, QStringLiteral("none"));
        QCOMPARE(s->jwtLeeway, 5);
        s = resolve({{"WEBSOCKET_AUTH", QStringLiteral("JWT")}, {"WEBSOCKET_JWT_SECRET", secret32}}, &err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->authMode, QStringLiteral("jwt"));
        QCOMPARE(s->jwtSecret, secret32.toUtf8());
        QVERIFY(!resolve({{"WEBSOCKET_AUTH", QStringLiteral("jwt")}, {"WEBSOCKET_JWT_SECRET", secret31}}, &err));
        QVERIFY2(err.contains(QStringLiteral("WEBSOCKET_JWT_SECRET")) && !err.contains(secret31), qPrintable(err));
        QVERIFY(!resolve({{"WEBSOCKET_AUTH", QStringLiteral("jwt")}}, &err));
        QVERIFY2(err.contains(QStringLiteral("WEBSOCKET_AUTH")), qPrintable(err));
        QVERIFY(!resolve({{"WEBSOCKET_AUTH", QStringLiteral("oauth")}}, &err));
        for (const char *ok : {"0", "300"})
            QVERIFY2(resolve({{"WEBSOCKET_JWT_LEEWAY", QString::fromLatin1(ok)}}, &err), qPrintable(err));
        for (const char *bad : {"-1", "301", "five"})
            QVERIFY(!resolve({{"WEBSOCKET_JWT_LEEWAY", QString::fromLatin1(bad)}}, &err));
        QVERIFY(isSecretSetting(u"WEBSOCKET_JWT_SECRET"));
        QVERIFY(!isSecretSetting(u"WEBSOCKET_JWT_PUBLIC_KEY"));
    }

    void acceptsFractionsAndAliases()
    {
        SettingsLoader l;
        QString err;
        l.setEnvironment(env({{"WEBSOCKET_PING_INTERVAL", "0.3"},
                              {"WEBSOCKET_PING_TIMEOUT", "0.2"},
                              {"WEBSOCKET_HOST", "127.0.0.1"},
                              {"LOG_LEVEL", "warn"},
                              {"REDIS_PASSWORD", "secret"},
                              {"FX_PAIRS", "eur/usd, USDJPY"},
                              {"WEBSOCKET_PORT", "0"}}));
        const auto s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->pingInterval, 0.3);
        QCOMPARE(s->pingTimeout, 0.2);
        QCOMPARE(s->logLevel, QStringLiteral("WARNING"));
        QCOMPARE(s->redisPassword, QStringLiteral("secret"));
        QCOMPARE(s->pairs, (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")}));
        QCOMPARE(s->port, quint16(0));
    }

    // Secrets at rest: the keyring's secrets are the saved layer; .env, environment and flags win.
    void keyringLayerAndNewSettings()
    {
        SettingsLoader l;
        QString err;
        l.setStored({{QStringLiteral("REDIS_USERNAME"), QStringLiteral("alice")},
                     {QStringLiteral("DB_PASSWORD"), QStringLiteral("from-file")}});
        l.setKeyring({{QStringLiteral("DB_PASSWORD"), QStringLiteral("from-keyring")},
                      {QStringLiteral("REDIS_PASSWORD"), QStringLiteral("kr")},
                      {QStringLiteral("REDIS_HOST"), QStringLiteral("not-a-secret")}});
        auto s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->dbPassword, QStringLiteral("from-keyring"));
        QCOMPARE(s->values.value(QStringLiteral("DB_PASSWORD")).origin, QStringLiteral("system keyring"));
        QCOMPARE(s->values.value(QStringLiteral("DB_PASSWORD")).source, SettingSource::Stored);
        QCOMPARE(s->redisHost, QStringLiteral("localhost")); // only secrets come from the keyring
        QCOMPARE(s->redisUsername, QStringLiteral("alice"));
        QCOMPARE(s->dbSslMode, QString());
        l.setEnvironment(env({{"REDIS_PASSWORD", "from-env"}, {"DB_SSLMODE", "Verify-Full"}}));
        s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->redisPassword, QStringLiteral("from-env"));
        QCOMPARE(s->dbSslMode, QStringLiteral("verify-full"));
        QVERIFY(l.setOverride(QStringLiteral("DB_SSLMODE"), QStringLiteral("tls"), QStringLiteral("--set"), &err));
        QVERIFY(!l.resolve(&err));
        QVERIFY2(err.startsWith(QStringLiteral("invalid DB_SSLMODE \"tls\" (from --set): must be empty or one of")),
                 qPrintable(err));
        l.setOverride(QStringLiteral("DB_SSLMODE"), QString(), QStringLiteral("--set"), &err);
        QVERIFY(l.setOverride(QStringLiteral("REDIS_USERNAME"), QStringLiteral("a b"), QStringLiteral("--set"), &err));
        QVERIFY(!l.resolve(&err));
        QVERIFY2(err.startsWith(QStringLiteral("invalid REDIS_USERNAME")), qPrintable(err));
    }

    void corsOriginsCanonical_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("origins");
        QTest::newRow("default") << QStringLiteral("*") << QStringList{QStringLiteral("*")};
        QTest::newRow("empty means the default") << QString() << QStringList{};
        QTest::newRow("list") << QStringLiteral(" HTTPS://Ops.Example:443 , http://desk.example:8080,,null")
                              << QStringList{QStringLiteral("https://ops.example"),
                                             QStringLiteral("http://desk.example:8080"), QStringLiteral("null")};
        QTest::newRow("ipv6 and default port")
            << QStringLiteral("http://[0:0:0:0:0:0:0:1]:80,http://127.0.0.1:3000")
            << QStringList{QStringLiteral("http://[::1]"), QStringLiteral("http://127.0.0.1:3000")};
        QTest::newRow("one trailing slash dropped")
            << QStringLiteral("https://ops.example/,http://desk.example:8080/")
            << QStringList{QStringLiteral("https://ops.example"), QStringLiteral("http://desk.example:8080")};
        QTest::newRow("duplicates once") << QStringLiteral("https://ops.example,https://OPS.example:443")
                                         << QStringList{QStringLiteral("https://ops.example")};
    }

    void corsOriginsCanonical()
    {
        QFETCH(QString, value);
        QFETCH(QStringList, origins);
        SettingsLoader l;
        QString err;
        QVERIFY(l.setOverride(QStringLiteral("CORS_ALLOWED_ORIGINS"), value, QStringLiteral("--set"), &err));
        const auto s = l.resolve(&err);
        QVERIFY2(s, qPrintable(err));
        QCOMPARE(s->corsOrigins, origins);
    }

    void unknownOverride()
    {
        SettingsLoader l;
        QString err;
        QVERIFY(!l.setOverride(QStringLiteral("NOPE"), QStringLiteral("1"), QStringLiteral("--set"), &err));
        QVERIFY(err.contains(QStringLiteral("NOPE")));
    }

    void envFileMissingOrUnreadable()
    {
        SettingsLoader l;
        QString err;
        QVERIFY(l.loadEnvFile(QStringLiteral("/nonexistent/.env"), false, &err)); // optional default
        QVERIFY(!l.loadEnvFile(QStringLiteral("/nonexistent/.env"), true, &err));
        QVERIFY(err.contains(QStringLiteral("/nonexistent/.env")));
        if (::geteuid() != 0) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("locked.env"));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.close();
            f.setPermissions(QFileDevice::Permissions());
            QVERIFY(!l.loadEnvFile(path, true, &err));
        }
        QTemporaryDir dir;
        QVERIFY(!l.loadEnvFile(dir.path(), true, &err)); // a directory is not readable as a file
    }

    void envFileSyntaxError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.env"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("WEBSOCKET_PORT=1\nthis is not a setting\n");
        f.close();
        SettingsLoader l;
        QString err;
        QVERIFY(!l.loadEnvFile(path, true, &err));
        QVERIFY2(err.contains(QStringLiteral("line 2")), qPrintable(err));
    }

    void envParser()
    {
        const auto r = parseEnvText("# comment\n"
                                    "\n"
                                    "export A=1\n"
                                    "B = two words  # trailing comment\n"
                                    "C=\"quoted # not a comment\\n\"\n"
                                    "D='single $HOME'\n"
                                    "E=\r\n"
                                    "F=x=y\n"
                                    "A=override\n");
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.entries.size(), 7);
        QCOMPARE(r.entries.at(0).key, QStringLiteral("A"));
        QCOMPARE(r.entries.at(1).value, QStringLiteral("two words"));
        QCOMPARE(r.entries.at(2).value, QStringLiteral("quoted # not a comment\n"));
        QCOMPARE(r.entries.at(3).value, QStringLiteral("single $HOME"));
        QCOMPARE(r.entries.at(4).value, QString());
        QCOMPARE(r.entries.at(5).value, QStringLiteral("x=y"));
        QCOMPARE(r.entries.at(6).line, 9);
    }

    void envParserErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("no equals") << QByteArray("A=1\nB\n") << 2;
        QTest::newRow("bad key") << QByteArray("1A=1\n") << 1;
        QTest::newRow("unterminated") << QByteArray("A=\"open\n") << 1;
        QTest::newRow("junk after quote") << QByteArray("A='x' y\n") << 1;
    }

    void envParserErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const auto r = parseEnvText(text);
        QVERIFY(!r.ok());
        QCOMPARE(r.errorLine, line);
    }
};

QTEST_APPLESS_MAIN(TestSettings)
#include "tst_settings.moc"
