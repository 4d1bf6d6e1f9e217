// The settings dialog: every setting of core::settingSpecs(), where each value comes from, a
// warning when a flag or the environment overrides the saved value, validation with the
// loader's message and the field marked, saving to QSettings (the "saved settings" layer of
// the command line); the desktop's own preferences; the German translation.

#include "core/commandline.h"
#include "gui/guisettings.h"
#include "gui/secretstore.h"
#include "gui/settingfield.h"
#include "gui/settingsdialog.h"
#include "gui/statustext.h"
#include "gui/translations.h"
#include "guitestmain.h"
#include "support/buildpaths.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

using namespace fx;
using namespace fx::gui;

class TestGuiSettings : public QObject
{
    Q_OBJECT

    // Settings as fxmonitor would have them with "--port 6001" on the command line.
    static core::Settings withPortFlag(const QMap<QString, QString> &stored = {})
    {
        core::CommandLine cli(QStringLiteral("test"), core::CommandLine::All);
        cli.setStored(stored);
        const auto rc = cli.process({QStringLiteral("fxmonitor"), QStringLiteral("--port"), QStringLiteral("6001"),
                                     QStringLiteral("--env-file"), QStringLiteral(FX_TEST_ENV_FILE)});
        Q_ASSERT(!rc);
        return cli.settings();
    }

private Q_SLOTS:
    void init() { QSettings().clear(); }

    void everySettingWithItsOrigin()
    {
        const core::Settings current = withPortFlag();
        SettingsDialog d(current, {}, GuiSettings{});
        for (const core::SettingSpec &spec : core::settingSpecs())
            QVERIFY2(d.editor(spec.name), qPrintable(spec.name));
        QVERIFY(d.isOverridden(QStringLiteral("WEBSOCKET_PORT")));
        QVERIFY(d.originText(QStringLiteral("WEBSOCKET_PORT")).contains(QStringLiteral("6001 (--port)")));
        QVERIFY(d.isOverridden(QStringLiteral("REDIS_DB"))); // from the .env file
        QVERIFY(d.originText(QStringLiteral("REDIS_DB")).contains(QStringLiteral(".env")));
        QVERIFY(!d.isOverridden(QStringLiteral("WEBSOCKET_MAX_CLIENTS")));
        QVERIFY(d.originText(QStringLiteral("WEBSOCKET_MAX_CLIENTS")).contains(QStringLiteral("(default)")));
        // The field holds what is saved (the default here), not the flag's value.
        QCOMPARE(d.value(QStringLiteral("WEBSOCKET_PORT")), QStringLiteral("5001"));
        // Passwords are never shown in clear.
        auto *pw = qobject_cast<QLineEdit *>(d.editor(QStringLiteral("DB_PASSWORD")));
        QVERIFY(pw && pw->echoMode() != QLineEdit::Normal);
    }

    // REDIS.md, "Which Redis": the Sentinel and cluster settings are in the dialog, the Sentinel
    // password masked, a combination that cannot work named; the status bar says how Redis was found.
    void redisTopologySettings()
    {
        SettingsDialog d(withPortFlag(), {}, GuiSettings{});
        d.show();
        for (const char *name : {"REDIS_SENTINELS", "REDIS_SENTINEL_MASTER", "REDIS_SENTINEL_USERNAME",
                                 "REDIS_SENTINEL_PASSWORD", "REDIS_CLUSTER_NODES"})
            QVERIFY2(d.editor(QLatin1StringView(name)), name);
        auto *pw = qobject_cast<QLineEdit *>(d.editor(QStringLiteral("REDIS_SENTINEL_PASSWORD")));
        QVERIFY(pw && pw->echoMode() != QLineEdit::Normal);
        d.setValue(QStringLiteral("REDIS_SENTINELS"), QStringLiteral("127.0.0.1:26379"));
        QVERIFY(!d.validate());
        QVERIFY2(d.message().contains(QStringLiteral("REDIS_SENTINEL_MASTER")), qPrintable(d.message()));
        d.setValue(QStringLiteral("REDIS_SENTINEL_MASTER"), QStringLiteral("fxmaster"));
        QVERIFY2(d.validate(), qPrintable(d.message()));

        StatusSnapshot snap;
        snap.hasRedis = true;
        snap.redis.state = redis::RedisState::Connected;
        snap.redis.endpoint = QStringLiteral("127.0.0.1:6380");
        QCOMPARE(StatusText::redis(snap).text, QStringLiteral("Redis connected"));
        snap.redis.via = QStringLiteral("sentinel");
        QCOMPARE(StatusText::redis(snap).text, QStringLiteral("Redis connected to 127.0.0.1:6380 via sentinel"));
    }

    void invalidValuesAreNamed()
    {
        SettingsDialog d(withPortFlag(), {}, GuiSettings{});
        d.show();
        d.setValue(QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QStringLiteral("lots"));
        QVERIFY(!d.validate());
        QVERIFY2(d.message().contains(QStringLiteral("WEBSOCKET_MAX_CLIENTS")), qPrintable(d.message()));
        QVERIFY(!d.editor(QStringLiteral("WEBSOCKET_MAX_CLIENTS"))->styleSheet().isEmpty());
        // A saved port that a flag overrides must still be valid on its own.
        d.setValue(QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QStringLiteral("500"));
        d.setValue(QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("70000"));
        QVERIFY(!d.validate());
        QVERIFY(d.message().contains(QStringLiteral("WEBSOCKET_PORT")));
        // Accept refuses while invalid: the dialog stays.
        QSignalSpy applied(&d, &SettingsDialog::applied);
        d.accept();
        QCOMPARE(applied.size(), 0);
        QVERIFY(d.isVisible());
        d.setValue(QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("5002"));
        QVERIFY(d.validate());
        QVERIFY(d.message().isEmpty());
        // DB_SSLMODE takes libpq's names only; its field is marked, not DB_* neighbours.
        d.setValue(QStringLiteral("DB_SSLMODE"), QStringLiteral("required"));
        QVERIFY(!d.validate());
        QVERIFY2(d.message().contains(QStringLiteral("invalid DB_SSLMODE")), qPrintable(d.message()));
        QVERIFY(!d.editor(QStringLiteral("DB_SSLMODE"))->styleSheet().isEmpty());
        d.setValue(QStringLiteral("DB_SSLMODE"), QStringLiteral("verify-full"));
        d.setValue(QStringLiteral("REDIS_USERNAME"), QStringLiteral("fx monitor"));
        QVERIFY(!d.validate());
        QVERIFY(!d.editor(QStringLiteral("REDIS_USERNAME"))->styleSheet().isEmpty());
        d.setValue(QStringLiteral("REDIS_USERNAME"), QStringLiteral("fxmonitor"));
        QVERIFY(d.validate());
        QCOMPARE(d.effective().dbSslMode, QStringLiteral("verify-full"));
        QCOMPARE(d.effective().redisUsername, QStringLiteral("fxmonitor"));
    }

    // GUI.md, "Settings": each field labelled in words with its setting's name beneath and in
    // the tooltip, and edited by a widget of its kind with the loader's bounds and its unit.
    void fieldsInWordsWithTheirKind()
    {
        SettingsDialog d(withPortFlag(), {}, GuiSettings{});
        for (const core::SettingSpec &spec : core::settingSpecs()) {
            const char *n = qPrintable(spec.name);
            auto *label = d.findChild<QLabel *>(spec.name + QStringLiteral("_label"));
            auto *name = d.findChild<QLabel *>(spec.name + QStringLiteral("_name"));
            QVERIFY2(label && name, n);
            QCOMPARE(label->text(), spec.label);
            QCOMPARE(name->text(), spec.name);
            QVERIFY2(label->toolTip().contains(spec.name) && label->toolTip().contains(spec.help.toHtmlEscaped()), n);
            QVERIFY2(d.editor(spec.name)->parentWidget()->toolTip().contains(spec.name), n);
            QCOMPARE(label->buddy(), d.editor(spec.name));
            QWidget *e = d.editor(spec.name);
            switch (spec.kind) {
            case core::SettingKind::Integer: {
                auto *spin = qobject_cast<QSpinBox *>(e);
                QVERIFY2(spin, n);
                QCOMPARE(spin->minimum(), int(spec.minimum));
                QCOMPARE(spin->maximum(), int(spec.maximum));
                QCOMPARE(spin->suffix().trimmed(), spec.unit);
                QCOMPARE(spin->specialValueText(), spec.atMinimum);
                break;
            }
            case core::SettingKind::Number: {
                auto *spin = qobject_cast<QDoubleSpinBox *>(e);
                QVERIFY2(spin, n);
                QCOMPARE(spin->minimum(), spec.minimum);
                QCOMPARE(spin->maximum(), spec.maximum);
                QVERIFY2(!spin->suffix().trimmed().isEmpty(), n);
                break;
            }
            case core::SettingKind::Flag: QVERIFY2(qobject_cast<QCheckBox *>(e), n); break;
            case core::SettingKind::Choice: {
                auto *combo = qobject_cast<QComboBox *>(e);
                QVERIFY2(combo && combo->count() == spec.choices.size(), n);
                break;
            }
            case core::SettingKind::OpenFile:
            case core::SettingKind::SaveFile:
                QVERIFY2(qobject_cast<QLineEdit *>(e), n);
                QVERIFY2(d.field(spec.name)->browseButton(), n);
                break;
            case core::SettingKind::Secret:
                QVERIFY2(qobject_cast<QLineEdit *>(e)->echoMode() != QLineEdit::Normal, n);
                break;
            case core::SettingKind::Text:
                QVERIFY2(qobject_cast<QLineEdit *>(e) && !d.field(spec.name)->browseButton(), n);
                break;
            }
            // The default goes in and comes out as the command line writes it.
            QCOMPARE(d.value(spec.name), spec.defaultValue);
        }
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("WEBSOCKET_HOST_label"))->text(),
                 QStringLiteral("Listen address"));
        auto *port = qobject_cast<QSpinBox *>(d.editor(QStringLiteral("WEBSOCKET_PORT")));
        port->setValue(0);
        QCOMPARE(port->text(), QStringLiteral("any free port"));
        QCOMPARE(d.value(QStringLiteral("WEBSOCKET_PORT")), QStringLiteral("0"));
        auto *embedded = qobject_cast<QCheckBox *>(d.editor(QStringLiteral("EMBEDDED_SERVER")));
        QVERIFY(embedded->isChecked());
        embedded->setChecked(false);
        QCOMPARE(d.value(QStringLiteral("EMBEDDED_SERVER")), QStringLiteral("false"));
        d.setValue(QStringLiteral("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE"), QStringLiteral("yes")); // an alias
        QCOMPARE(d.value(QStringLiteral("WEBSOCKET_SNAPSHOT_ON_SUBSCRIBE")), QStringLiteral("true"));
        d.setValue(QStringLiteral("LOG_LEVEL"), QStringLiteral("warn"));
        QCOMPARE(d.value(QStringLiteral("LOG_LEVEL")), QStringLiteral("WARNING"));
        d.setValue(QStringLiteral("WEBSOCKET_PING_INTERVAL"), QStringLiteral("2.5"));
        QCOMPARE(d.value(QStringLiteral("WEBSOCKET_PING_INTERVAL")), QStringLiteral("2.5"));
        // REDIS_PASSWORD's "None" (no AUTH) shows as an empty field, not four masked dots.
        QVERIFY(qobject_cast<QLineEdit *>(d.editor(QStringLiteral("REDIS_PASSWORD")))->text().isEmpty());
        QCOMPARE(d.value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("None"));
        QVERIFY2(d.validate(), qPrintable(d.message()));
        QCOMPARE(d.effective().port, quint16(6001)); // --port still wins
        QVERIFY(!d.effective().embeddedServer);
    }

    // An invalid value is marked in place with the command line's own message: a saved value the
    // spin box cannot hold is kept (not clamped), named when the dialog opens, and the field
    // clears once the operator edits it; a combination is checked while typing.
    void invalidValueMarkedInPlace()
    {
        SettingsDialog d(withPortFlag(), {{QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QStringLiteral("0")}},
                         GuiSettings{});
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        const QString name = QStringLiteral("WEBSOCKET_MAX_CLIENTS");
        QCOMPARE(d.value(name), QStringLiteral("0"));
        QVERIFY(d.field(name)->hasUnshownValue());
        core::SettingsLoader saved;
        saved.setStored({{name, QStringLiteral("0")}});
        QString loaderMessage;
        QVERIFY(!saved.resolve(&loaderMessage));
        QCOMPARE(d.errorText(name).contains(loaderMessage.toHtmlEscaped()), true);
        QVERIFY(!d.editor(name)->styleSheet().isEmpty());
        auto *tabs = d.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(!tabs->tabIcon(0).isNull()); // the Server tab says it holds an invalid value

        // The same words as the command line: fxmonitor-server refuses the value with them.
        QProcess server;
        server.start(fx::test::serverBin(), {QStringLiteral("--max-clients"), QStringLiteral("0")});
        QVERIFY(server.waitForFinished(30000));
        QCOMPARE(server.exitCode(), 2);
        const QString cli = QString::fromUtf8(server.readAllStandardError()).trimmed();
        const QString why = loaderMessage.mid(loaderMessage.indexOf(QStringLiteral("): ")));
        QVERIFY2(cli.endsWith(why) && cli.contains(QStringLiteral("invalid WEBSOCKET_MAX_CLIENTS \"0\"")),
                 qPrintable(cli + QStringLiteral(" / ") + why));

        // The operator edits the field: the value is the spin box's again and the mark goes.
        auto *spin = qobject_cast<QSpinBox *>(d.editor(name));
        spin->setValue(250);
        QVERIFY(!d.field(name)->hasUnshownValue());
        QTRY_VERIFY(d.errorText(name).isEmpty());
        QVERIFY(d.editor(name)->styleSheet().isEmpty());
        QVERIFY(tabs->tabIcon(0).isNull());

        // Typed into a line edit: the setting that the combination lacks is marked while typing.
        tabs->setCurrentIndex(1);
        auto *sentinels = qobject_cast<QLineEdit *>(d.editor(QStringLiteral("REDIS_SENTINELS")));
        sentinels->setFocus();
        QTest::keyClicks(sentinels, QStringLiteral("127.0.0.1:26379"));
        QTRY_VERIFY(d.errorText(QStringLiteral("REDIS_SENTINEL_MASTER")).contains(QStringLiteral("must be set")));
        QCOMPARE(tabs->currentIndex(), 1); // marking while typing moves nothing
        QTest::keyClicks(d.editor(QStringLiteral("REDIS_SENTINEL_MASTER")), QStringLiteral("fxmaster"));
        QTRY_VERIFY(d.errorText(QStringLiteral("REDIS_SENTINEL_MASTER")).isEmpty());
        QVERIFY2(d.validate(), qPrintable(d.message()));
        QCOMPARE(d.storedValues().value(name), QStringLiteral("250"));
    }

    void savesWhatDiffersAndReportsChanges()
    {
        SettingsDialog d(withPortFlag(), {}, GuiSettings{});
        d.setValue(QStringLiteral("WEBSOCKET_MAX_CLIENTS"), QStringLiteral("500"));
        d.setValue(QStringLiteral("WEBSOCKET_PORT"), QStringLiteral("5002")); // saved, but --port wins
        d.setValue(QStringLiteral("LOG_LEVEL"), QStringLiteral("debug"));
        QSignalSpy applied(&d, &SettingsDialog::applied);
        d.accept();
        QCOMPARE(applied.size(), 1);
        const QMap<QString, QString> saved = loadStoredSettings();
        QCOMPARE(saved.value(QStringLiteral("WEBSOCKET_MAX_CLIENTS")), QStringLiteral("500"));
        QCOMPARE(saved.value(QStringLiteral("WEBSOCKET_PORT")), QStringLiteral("5002"));
        QCOMPARE(saved.value(QStringLiteral("LOG_LEVEL")), QStringLiteral("DEBUG"));
        QVERIFY(!saved.contains(QStringLiteral("REDIS_HOST"))); // defaults are not saved
        const core::Settings effective = applied.first().at(0).value<core::Settings>();
        QCOMPARE(effective.maxClients, 500);
        QCOMPARE(effective.port, quint16(6001)); // the flag still wins
        QCOMPARE(effective.values.value(QStringLiteral("WEBSOCKET_PORT")).origin, QStringLiteral("--port"));
        const QStringList changed = applied.first().at(1).toStringList();
        QVERIFY(changed.contains(QStringLiteral("WEBSOCKET_MAX_CLIENTS")));
        QVERIFY(!changed.contains(QStringLiteral("WEBSOCKET_PORT")));
        QVERIFY(SettingsDialog::needsServerRestart(QStringLiteral("WEBSOCKET_MAX_CLIENTS")));
        QVERIFY(SettingsDialog::needsRedisRestart(QStringLiteral("REDIS_HOST")));
        QVERIFY(SettingsDialog::needsAppRestart(QStringLiteral("DB_PATH")));

        // What was saved is the command line's "saved settings" layer at the next start.
        const core::Settings next = withPortFlag(loadStoredSettings());
        QCOMPARE(next.maxClients, 500);
        QCOMPARE(next.values.value(QStringLiteral("WEBSOCKET_MAX_CLIENTS")).source, core::SettingSource::Stored);
        // And shows in the dialog next time.
        SettingsDialog again(next, loadStoredSettings(), GuiSettings{});
        QCOMPARE(again.value(QStringLiteral("WEBSOCKET_MAX_CLIENTS")), QStringLiteral("500"));
    }

    void desktopPreferences()
    {
        GuiSettings g;
        g.notifyWarning = true;
        g.staleSeconds = 30;
        g.theme = ThemeMode::Dark;
        g.chartWindow = ChartWindow::OneHour;
        g.closeAction = CloseAction::KeepInTray;
        g.save();
        QCOMPARE(GuiSettings::load(), g);
        SettingsDialog d(withPortFlag(), {}, g);
        QCOMPARE(d.guiSettings(), g);
        auto *info = d.findChild<QCheckBox *>(QStringLiteral("notifyInfo"));
        QVERIFY(info);
        info->setChecked(true);
        QVERIFY(d.guiSettings().notifies(QStringLiteral("info")));
        QVERIFY(d.guiSettings().notifies(QStringLiteral("warning")));
        QVERIFY(GuiSettings{}.notifies(QStringLiteral("critical")));
        QVERIFY(!GuiSettings{}.notifies(QStringLiteral("info")));
    }

    void germanTranslation()
    {
        QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&Datei"));
        QCOMPARE(QCoreApplication::translate("fx::gui::ClientsModel", "Remote address"),
                 QStringLiteral("Entfernte Adresse"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "Redis connected"),
                 QStringLiteral("Redis verbunden"));
        SettingsDialog d(withPortFlag(), {}, GuiSettings{});
        QCOMPARE(d.windowTitle(), QStringLiteral("Einstellungen"));
        QCOMPARE(d.findChild<QLabel *>(QStringLiteral("WEBSOCKET_HOST_label"))->text(),
                 QStringLiteral("Lauschadresse"));
        QCOMPARE(qobject_cast<QSpinBox *>(d.editor(QStringLiteral("WEBSOCKET_MAX_MESSAGE_SIZE")))->suffix(),
                 QStringLiteral(" Bytes"));
        QCOMPARE(qobject_cast<QSpinBox *>(d.editor(QStringLiteral("WEBSOCKET_IO_THREADS")))->specialValueText(),
                 QStringLiteral("einer je Kern"));
        QVERIFY2(d.originText(QStringLiteral("WEBSOCKET_MAX_CLIENTS")).contains(QStringLiteral("(Standard)")),
                 qPrintable(d.originText(QStringLiteral("WEBSOCKET_MAX_CLIENTS"))));
        QCOMPARE(SecretStore::noKeyringText(),
                 QStringLiteral("Kein Schlüsselbund des Systems: Passwörter gelten nur "
                                "für diese Sitzung und werden nicht gespeichert"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, 1),
                 QStringLiteral("1 Client"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, 3),
                 QStringLiteral("3 Clients"));
        // English (and the C locale) get the English file: the source texts with plural forms.
        for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
            QCoreApplication::removeTranslator(t);
        QVERIFY(installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English)));
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("&File"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, 1),
                 QStringLiteral("1 client"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, 2),
                 QStringLiteral("2 clients"));
    }
};

FX_GUI_TEST_MAIN(TestGuiSettings)
#include "tst_gui_settings.moc"
