// DB_SSLMODE against the real PostgreSQL fixture (tests/fixtures/postgres.sh: ssl=on with a
// self-signed certificate): require connects encrypted (pg_stat_ssl says so for our own
// backend), disable connects in the clear, verify-full is refused with libpq's reason and
// without hanging (no CA to verify the certificate with); the setting is validated.

#include "core/settings.h"
#include "storage/sqlconnection.h"
#include "storage/storageconfig.h"
#include "storagetestsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace fx;
using namespace fx::storage;
using namespace fx::storage::test;

class TestStoragePgSsl : public QObject
{
    Q_OBJECT

    std::optional<PgServer> m_server;

    StorageConfig config(const QString &sslMode) const
    {
        StorageConfig c = m_server->config(m_server->database);
        c.sslMode = sslMode;
        return c;
    }

    // Our own connection's row of pg_stat_ssl: true when it is encrypted.
    static bool usesSsl(SqlConnection &c)
    {
        QString error;
        const QVariant v =
            scalar(c, QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), {}, &error);
        if (!error.isEmpty())
            qWarning() << error;
        return v.toBool();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        m_server = fixtureServer(&error);
        QVERIFY2(m_server, qPrintable(error));
        QVERIFY2(qEnvironmentVariable("FX_PG_ENV_FILE").size() > 0, "no fixture");
        // Libpq must not find an operator's CA or client certificate in the real home.
        static QTemporaryDir home;
        qputenv("HOME", home.path().toUtf8());
    }

    void requireConnectsEncrypted()
    {
        SqlConnection c;
        QString error;
        QVERIFY2(c.open(config(QStringLiteral("require")), &error), qPrintable(error));
        QVERIFY(usesSsl(c));
    }

    void preferAndDefaultUseSslWhenOffered()
    {
        for (const QString &mode : {QString(), QStringLiteral("prefer")}) {
            SqlConnection c;
            QString error;
            QVERIFY2(c.open(config(mode), &error), qPrintable(error));
            QVERIFY2(usesSsl(c), qPrintable(mode));
        }
    }

    void disableConnectsInTheClear()
    {
        SqlConnection c;
        QString error;
        QVERIFY2(c.open(config(QStringLiteral("disable")), &error), qPrintable(error));
        QVERIFY(c.isOpen());
        QVERIFY(!usesSsl(c));
    }

    void verifyFullIsRefusedClearly_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("verify-full") << QStringLiteral("verify-full");
        QTest::newRow("verify-ca") << QStringLiteral("verify-ca");
    }

    void verifyFullIsRefusedClearly()
    {
        QFETCH(QString, mode);
        SqlConnection c;
        QString error;
        QElapsedTimer t;
        t.start();
        QVERIFY(!c.open(config(mode), &error));
        QVERIFY(!c.isOpen());
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        // libpq's reason: it has no root certificate to verify the server's with.
        QVERIFY2(error.contains(QStringLiteral("root certificate")), qPrintable(error));
        QVERIFY2(!error.contains(m_server->password), "the password must not be in the error");
    }

    void settingIsValidated_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        for (const QString &m : core::dbSslModes())
            QTest::newRow(qPrintable(m)) << m << true;
        QTest::newRow("upper case") << QStringLiteral("REQUIRE") << true;
        QTest::newRow("empty") << QString() << true;
        QTest::newRow("unknown") << QStringLiteral("required") << false;
        QTest::newRow("option injection") << QStringLiteral("require;host=evil") << false;
    }

    void settingIsValidated()
    {
        QFETCH(QString, value);
        QFETCH(bool, valid);
        core::SettingsLoader loader;
        QString error;
        QVERIFY(loader.setOverride(QStringLiteral("DB_SSLMODE"), value, QStringLiteral("--set"), &error));
        const std::optional<core::Settings> s = loader.resolve(&error);
        QCOMPARE(bool(s), valid);
        if (valid)
            QCOMPARE(s->dbSslMode, value.toLower());
        else
            QVERIFY2(error.startsWith(QStringLiteral("invalid DB_SSLMODE")), qPrintable(error));
    }

    void sslModeReachesTheStorageConfig()
    {
        core::SettingsLoader loader;
        QString error;
        loader.setOverride(QStringLiteral("DB_HOST"), QStringLiteral("127.0.0.1"), QStringLiteral("--set"), &error);
        loader.setOverride(QStringLiteral("DB_SSLMODE"), QStringLiteral("verify-full"), QStringLiteral("--set"),
                           &error);
        const std::optional<core::Settings> s = loader.resolve(&error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(StorageConfig::fromSettings(*s).sslMode, QStringLiteral("verify-full"));
    }
};

QTEST_GUILESS_MAIN(TestStoragePgSsl)
#include "tst_storage_pg_ssl.moc"
