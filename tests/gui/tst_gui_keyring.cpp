// Secrets at rest (SECURITY.md): the settings dialog saves every core::isSecretSetting() value
// in the system keyring and never in the settings file; a new start reads them back; a secret
// an earlier version left in the file in plain text moves to the keyring; without a keyring the
// app says so and still writes no secret to the file.
//
// Run twice by CTest: tst_gui_keyring inside its own D-Bus session with a real GNOME Keyring
// (tests/gui/with-keyring.sh, FX_TEST_KEYRING=1), tst_gui_keyring_none without a session bus
// (FX_TEST_KEYRING=0). The keyring is read back with libsecret's secret-tool.

#include "core/settings.h"
#include "gui/guisettings.h"
#include "gui/secretstore.h"
#include "gui/settingsdialog.h"
#include "guitestmain.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace fx;
using namespace fx::gui;

namespace {
bool withKeyring()
{
    return qEnvironmentVariable("FX_TEST_KEYRING") == u"1";
}

// tst_gui_keyring_hung: a Secret Service that owns its bus name and never answers.
bool hungKeyring()
{
    return qEnvironmentVariable("FX_TEST_KEYRING") == u"hung";
}

// The keyring's entry as libsecret sees it (QtKeychain's attributes: server, user).
QString lookup(const QString &name)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("fxmonitor"), QStringLiteral("user"),
             name});
    if (!p.waitForFinished(10000))
        return QStringLiteral("<secret-tool hung>");
    return QString::fromUtf8(p.readAllStandardOutput());
}

QByteArray settingsFileBytes()
{
    QSettings().sync();
    QFile f(QSettings().fileName());
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

core::Settings defaults()
{
    QString error;
    return *core::SettingsLoader().resolve(&error);
}

QString noteText(const SettingsDialog &d, const QString &name)
{
    const auto *l = d.findChild<QLabel *>(name + QStringLiteral("_keyring"));
    return l ? l->text() : QString();
}
} // namespace

class TestGuiKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        if (hungKeyring() && !QByteArray(QTest::currentTestFunction()).startsWith("hung"))
            QSKIP("the hung keyring run checks the start-up timeout only");
        if (!hungKeyring() && QByteArray(QTest::currentTestFunction()).startsWith("hung"))
            QSKIP("needs the hung keyring (tst_gui_keyring_hung)");
    }

    void initTestCase()
    {
        QSettings().clear();
        if (hungKeyring())
            return;
        SecretStore *store = SecretStore::instance();
        QSignalSpy loaded(store, &SecretStore::loadFinished);
        store->load(10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
        QCOMPARE(loaded.count(), 1);
        QVERIFY2(store->isAvailable() == withKeyring(), qPrintable(store->problem()));
        if (!withKeyring())
            QVERIFY(!store->problem().isEmpty());
        QVERIFY(store->secrets().isEmpty()); // a fresh keyring
    }

    void dialogSavesSecretsInTheKeyringOnly()
    {
        SecretStore *store = SecretStore::instance();
        SettingsDialog d(defaults(), loadStoredSettings(), GuiSettings());
        // The note next to every secret field says where it goes.
        for (const QString &name :
             {QStringLiteral("REDIS_PASSWORD"), QStringLiteral("DB_PASSWORD"), QStringLiteral("WEBSOCKET_ADMIN_TOKEN")})
            QVERIFY2(noteText(d, name).contains(withKeyring() ? QStringLiteral("Saved in the system keyring")
                                                              : QStringLiteral("No system keyring")),
                     qPrintable(name));
        QVERIFY(noteText(d, QStringLiteral("REDIS_USERNAME")).isEmpty());
        d.setValue(QStringLiteral("REDIS_PASSWORD"), QStringLiteral("redis-secret-1"));
        d.setValue(QStringLiteral("DB_PASSWORD"), QStringLiteral("db-secret-1"));
        d.setValue(QStringLiteral("REDIS_USERNAME"), QStringLiteral("alice"));
        d.setValue(QStringLiteral("DB_SSLMODE"), QStringLiteral("require"));
        QSignalSpy saved(store, &SecretStore::saveFinished);
        d.accept();
        QVERIFY(d.message().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 1, 10000);
        const QStringList names = saved.first().at(0).toStringList();
        QCOMPARE(names, (QStringList{QStringLiteral("REDIS_PASSWORD"), QStringLiteral("DB_PASSWORD")}));
        const QString error = saved.first().at(1).toString();

        const QByteArray file = settingsFileBytes();
        QVERIFY2(file.contains("REDIS_USERNAME=alice"), file.constData());
        QVERIFY(file.contains("DB_SSLMODE=require"));
        QVERIFY2(!file.contains("secret-1"), file.constData());
        QVERIFY(!file.contains("PASSWORD"));
        // This session uses them either way.
        QCOMPARE(store->secrets().value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
        if (withKeyring()) {
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(lookup(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
            QCOMPARE(lookup(QStringLiteral("DB_PASSWORD")), QStringLiteral("db-secret-1"));
        } else {
            QCOMPARE(error, SecretStore::noKeyringText());
        }

        // The dialog opened again shows this session's secrets.
        SettingsDialog again(defaults(), loadStoredSettings(), GuiSettings());
        QCOMPARE(again.value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
        QCOMPARE(again.value(QStringLiteral("REDIS_USERNAME")), QStringLiteral("alice"));
    }

    void aNewStartReadsThemBack()
    {
        SecretStore fresh;
        QSignalSpy loaded(&fresh, &SecretStore::loadFinished);
        fresh.load(10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
        if (!withKeyring()) {
            QVERIFY(fresh.secrets().isEmpty());
            QVERIFY(!fresh.isAvailable());
        } else {
            QCOMPARE(fresh.secrets().value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
            QCOMPARE(fresh.secrets().value(QStringLiteral("DB_PASSWORD")), QStringLiteral("db-secret-1"));
        }

        // The desktop itself: --print-config after reading the keyring (origin named, value masked).
        QProcess app;
        app.start(QStringLiteral(FX_GUI_BIN), {QStringLiteral("--print-config")});
        QVERIFY(app.waitForFinished(30000));
        QCOMPARE(app.exitCode(), 0);
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY(!out.contains(QStringLiteral("secret-1")));
        QVERIFY2(out.contains(QStringLiteral("REDIS_USERNAME=alice  (saved settings)")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("DB_SSLMODE=require  (saved settings)")));
        if (withKeyring())
            QVERIFY2(out.contains(QStringLiteral("REDIS_PASSWORD=********  (system keyring)")), qPrintable(out));
        else
            QVERIFY2(out.contains(QStringLiteral("REDIS_PASSWORD=None  (default)")), qPrintable(out));
    }

    void environmentStillWins()
    {
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("REDIS_PASSWORD"), QStringLiteral("from-environment"));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(FX_GUI_BIN), {QStringLiteral("--print-config")});
        QVERIFY(app.waitForFinished(30000));
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("REDIS_PASSWORD=********  (environment)")), qPrintable(out));
        QVERIFY(!settingsFileBytes().contains("from-environment"));
        if (withKeyring())
            QCOMPARE(lookup(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
    }

    void clearingDeletesTheEntry()
    {
        SecretStore *store = SecretStore::instance();
        SettingsDialog d(defaults(), loadStoredSettings(), GuiSettings());
        d.setValue(QStringLiteral("DB_PASSWORD"), QString());
        QSignalSpy saved(store, &SecretStore::saveFinished);
        d.accept();
        QTRY_VERIFY_WITH_TIMEOUT(saved.count() >= 1, 10000);
        QCOMPARE(saved.first().at(0).toStringList(), QStringList{QStringLiteral("DB_PASSWORD")});
        QVERIFY(!store->secrets().contains(QStringLiteral("DB_PASSWORD")));
        if (withKeyring()) {
            QVERIFY(lookup(QStringLiteral("DB_PASSWORD")).isEmpty());
            QCOMPARE(lookup(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("redis-secret-1"));
        }
    }

    // The desktop itself at start-up: a plain-text secret of an earlier version moves to the
    // keyring before anything else reads the file again; without a keyring it stays and the app
    // says so.
    void theDesktopMovesPlainTextAtStart()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("settings/WEBSOCKET_ADMIN_TOKEN"), QStringLiteral("legacy-admin-token-0123456"));
        }
        QTemporaryDir data;
        QProcess app;
        app.start(QStringLiteral(FX_GUI_BIN),
                  {QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"), QStringLiteral("0"),
                   QStringLiteral("--redis-port"), QStringLiteral("1"), QStringLiteral("--db-path"),
                   data.filePath(QStringLiteral("fx.sqlite"))});
        QVERIFY(app.waitForStarted());
        QByteArray out, err;
        QTRY_VERIFY_WITH_TIMEOUT((out += app.readAllStandardOutput()).contains("listening on"), 30000);
        if (withKeyring()) {
            QTRY_VERIFY_WITH_TIMEOUT(!settingsFileBytes().contains("legacy-admin-token"), 10000);
            QCOMPARE(lookup(QStringLiteral("WEBSOCKET_ADMIN_TOKEN")), QStringLiteral("legacy-admin-token-0123456"));
        } else {
            QTRY_VERIFY_WITH_TIMEOUT((err += app.readAllStandardError()).contains("No system keyring"), 10000);
            QVERIFY2(err.contains("WEBSOCKET_ADMIN_TOKEN stays in plain text in"), err.constData());
            QVERIFY(!err.contains("legacy-admin-token"));
            QVERIFY(settingsFileBytes().contains("legacy-admin-token"));
        }
        app.terminate(); // SIGTERM: the window quits
        QVERIFY(app.waitForFinished(20000));
        QCOMPARE(app.exitStatus(), QProcess::NormalExit);
        QCOMPARE(app.exitCode(), 0);
    }

    // A keyring that never answers delays the start by the timeout, no longer, and counts as
    // no keyring.
    void hungKeyringDoesNotStallTheStart()
    {
        SecretStore store;
        QSignalSpy loaded(&store, &SecretStore::loadFinished);
        QElapsedTimer t;
        t.start();
        store.load(1500);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 10000);
        const qint64 ms = t.elapsed();
        QVERIFY2(ms >= 1400 && ms < 5000, qPrintable(QString::number(ms)));
        QVERIFY(!store.isAvailable());
        QVERIFY2(store.problem().contains(QStringLiteral("did not answer")), qPrintable(store.problem()));

        // The desktop: --print-config comes after the bounded wait.
        QProcess app;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FXMONITOR_KEYRING_TIMEOUT_MS"), QStringLiteral("1000"));
        app.setProcessEnvironment(env);
        t.restart();
        app.start(QStringLiteral(FX_GUI_BIN), {QStringLiteral("--print-config")});
        QVERIFY(app.waitForFinished(20000));
        QCOMPARE(app.exitCode(), 0);
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(QString::fromUtf8(app.readAllStandardOutput()).contains(QStringLiteral("REDIS_PASSWORD=None")));
    }

    void plainTextFromAnEarlierVersionMoves()
    {
        {
            QSettings s;
            s.setValue(QStringLiteral("settings/DB_PASSWORD"), QStringLiteral("legacy-db-secret"));
        }
        QVERIFY(settingsFileBytes().contains("legacy-db-secret"));
        SecretStore store;
        QSignalSpy loaded(&store, &SecretStore::loadFinished);
        store.load(10000);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.count() >= 1, 15000);
        QSignalSpy migrated(&store, &SecretStore::migrated);
        store.migrate({{QStringLiteral("DB_PASSWORD"), QStringLiteral("legacy-db-secret")}});
        QCOMPARE(store.secrets().value(QStringLiteral("DB_PASSWORD")), QStringLiteral("legacy-db-secret"));
        if (withKeyring()) {
            QTRY_VERIFY_WITH_TIMEOUT(migrated.count() >= 1, 10000);
            QCOMPARE(migrated.first().at(1).toString(), QString());
            QVERIFY2(!settingsFileBytes().contains("legacy-db-secret"), settingsFileBytes().constData());
            QCOMPARE(lookup(QStringLiteral("DB_PASSWORD")), QStringLiteral("legacy-db-secret"));
        } else {
            // Nowhere to move it: the file is left as it is (nothing removed silently).
            QCOMPARE(migrated.count(), 0);
            QVERIFY(settingsFileBytes().contains("legacy-db-secret"));
        }
        // Saving from the dialog without a keyring still writes no secret and removes none.
        SettingsDialog d(defaults(), loadStoredSettings(), GuiSettings());
        d.setValue(QStringLiteral("REDIS_HOST"), QStringLiteral("redis.internal"));
        d.accept();
        QVERIFY(settingsFileBytes().contains("REDIS_HOST=redis.internal"));
        QCOMPARE(settingsFileBytes().contains("legacy-db-secret"), !withKeyring());
    }
};

FX_GUI_TEST_MAIN(TestGuiKeyring)
#include "tst_gui_keyring.moc"
