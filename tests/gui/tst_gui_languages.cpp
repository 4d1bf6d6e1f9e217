// Languages (GUI.md, "Languages"): the list, --lang, the Japanese translation and Qt's own
// loaded, numbers in the chosen locale with the pair's price digits kept, and every
// translations/fxmonitor_*.ts complete and up to date with the sources.

#include "core/commandline.h"
#include "gui/format.h"
#include "gui/guisettings.h"
#include "gui/settingsdialog.h"
#include "gui/translations.h"
#include "guitestmain.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace fx::gui;

namespace {

struct Message
{
    QString context, source, comment;
    bool numerus = false;
    QString type; // the translation's type attribute: "", "unfinished", "obsolete", "vanished"
    QStringList forms; // the translation, or its numerus forms
};

QList<Message> readTs(const QString &path, QString *language)
{
    QList<Message> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"TS") {
            *language = xml.attributes().value(QStringLiteral("language")).toString();
        } else if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            m = Message{context, {}, {}, xml.attributes().value(QStringLiteral("numerus")) == u"yes", {}, {}};
        } else if (name == u"source") {
            m.source = xml.readElementText();
        } else if (name == u"comment") {
            m.comment = xml.readElementText();
        } else if (name == u"translation") {
            m.type = xml.attributes().value(QStringLiteral("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
            } else {
                m.forms << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        qWarning() << path << xml.errorString();
    return out;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:[1-9]|n)"));
    QSet<QString> out;
    for (const auto &match : re.globalMatch(text))
        out.insert(match.captured());
    return out;
}

bool hasAccelerator(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("(?:^|[^&])&[^&\\s]"));
    return re.match(text).hasMatch();
}

QString key(const Message &m)
{
    return m.context + QLatin1Char('\x1f') + m.source + QLatin1Char('\x1f') + m.comment
        + (m.numerus ? QStringLiteral("\x1fN") : QString());
}

QStringList tsFiles()
{
    const QDir dir(QStringLiteral(FX_SOURCE_DIR "/translations"));
    QStringList out;
    for (const QString &name : dir.entryList({QStringLiteral("fxmonitor_*.ts")}, QDir::Files, QDir::Name))
        out << dir.filePath(name);
    return out;
}

} // namespace

class TestLanguages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languageList()
    {
        const QList<Language> languages = availableLanguages();
        QStringList codes, names;
        for (const Language &l : languages) {
            codes << l.code;
            names << l.nativeName;
            // Each one embedded (qt_add_translations in src/gui/CMakeLists.txt).
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/fxmonitor_%1.qm").arg(l.code)), qPrintable(l.code));
        }
        QCOMPARE(codes, QStringList({"en", "de", "es", "fr", "ja"}));
        QCOMPARE(names, QStringList({"English", "Deutsch", "Español", "Français", "日本語"}));
        QCOMPARE(availableLanguageCodes(), QStringLiteral("de, en, es, fr, ja"));
        // One translation file per language, and no file without its language in the list.
        QStringList fromFiles;
        for (const QString &path : tsFiles())
            fromFiles << QFileInfo(path).completeBaseName().mid(int(qstrlen("fxmonitor_")));
        codes.sort();
        QCOMPARE(fromFiles, codes);
    }

    void languageArgument_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("code"); // "-" for absent
        QTest::addColumn<QString>("error"); // a part of the error, empty for none
        QTest::newRow("absent") << QStringList{"fxmonitor", "--port", "0"} << "-"
                                << "";
        QTest::newRow("separate") << QStringList{"fxmonitor", "--lang", "ja"} << "ja"
                                  << "";
        QTest::newRow("equals") << QStringList{"fxmonitor", "--port", "0", "--lang=fr"} << "fr"
                                << "";
        QTest::newRow("single dash") << QStringList{"fxmonitor", "-lang", "de"} << "de"
                                     << "";
        QTest::newRow("english") << QStringList{"fxmonitor", "--lang", "en"} << "en"
                                 << "";
        QTest::newRow("unknown") << QStringList{"fxmonitor", "--lang", "xx"} << ""
                                 << "unknown language \"xx\"";
        QTest::newRow("region not offered") << QStringList{"fxmonitor", "--lang=pt_BR"} << ""
                                            << "available are de, en, es, fr, ja";
        QTest::newRow("case matters") << QStringList{"fxmonitor", "--lang", "JA"} << ""
                                      << "\"JA\"";
        QTest::newRow("empty") << QStringList{"fxmonitor", "--lang="} << ""
                               << "unknown language \"\"";
        QTest::newRow("no value") << QStringList{"fxmonitor", "--lang"} << ""
                                  << "needs a language code";
        QTest::newRow("after --") << QStringList{"fxmonitor", "--", "--lang", "xx"} << "-"
                                  << "";
    }

    void languageArgument()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, code);
        QFETCH(QString, error);
        QString got;
        const std::optional<QString> lang = fx::gui::languageArgument(args, &got);
        if (code == QStringLiteral("-")) {
            QVERIFY(!lang);
            QVERIFY(got.isEmpty());
        } else if (error.isEmpty()) {
            QCOMPARE(lang.value_or(QStringLiteral("<none>")), code);
            QVERIFY(got.isEmpty());
        } else {
            QVERIFY2(got.contains(error), qPrintable(got));
            QVERIFY2(got.contains(QStringLiteral("de, en, es, fr, ja")), qPrintable(got));
        }
    }

    // The program: an unknown code ends it with status 2 and one line naming the choices; a
    // known one is accepted by the command line (here with --version, which exits at once).
    void programRefusesUnknownLanguage()
    {
        QProcess p;
        p.setProgram(QStringLiteral(FX_GUI_BIN));
        p.setArguments({QStringLiteral("--lang"), QStringLiteral("klingon")});
        p.start();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        QCOMPARE(p.exitCode(), 2);
        const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        QCOMPARE(err.count(u'\n'), 0);
        QCOMPARE(err,
                 QStringLiteral("fxmonitor: unknown language \"klingon\" for --lang: available are de, en, es, "
                                "fr, ja"));

        p.setArguments({QStringLiteral("--lang"), QStringLiteral("ja"), QStringLiteral("--version")});
        p.start();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardOutput().contains("fxmonitor"));
    }

    // Settings > Language: "System default" first, then each language in its own name; a change
    // says it applies at the next start; the choice is kept in the GUI settings.
    void settingsDialogLanguage()
    {
        fx::core::CommandLine cli(QStringLiteral("test"), fx::core::CommandLine::All);
        QVERIFY(!cli.process({QStringLiteral("fxmonitor"), QStringLiteral("--env-file"), QStringLiteral("/dev/null")}));
        GuiSettings gui;
        gui.language = QStringLiteral("de");
        SettingsDialog d(cli.settings(), {}, gui);
        auto *combo = d.findChild<QComboBox *>(QStringLiteral("language"));
        auto *note = d.findChild<QLabel *>(QStringLiteral("languageNote"));
        QVERIFY(combo && note);
        QStringList items;
        for (int i = 0; i < combo->count(); ++i)
            items << combo->itemText(i);
        QCOMPARE(items, QStringList({"System default", "English", "Deutsch", "Español", "Français", "日本語"}));
        QCOMPARE(combo->currentText(), QStringLiteral("Deutsch"));
        QVERIFY(note->isHidden());
        combo->setCurrentIndex(combo->findData(QStringLiteral("fr")));
        QVERIFY(!note->isHidden());
        QVERIFY(note->text().contains(QStringLiteral("started again")));
        // With FX_SCREENSHOT_DIR: the Desktop tab with the note, to look at (settings-language.png).
        const QString shots = qEnvironmentVariable("FX_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            auto *tabs = d.findChild<QTabWidget *>(QStringLiteral("tabs"));
            QVERIFY(tabs);
            tabs->setCurrentIndex(tabs->count() - 1);
            d.resize(900, 640);
            d.show();
            QVERIFY(QTest::qWaitForWindowExposed(&d));
            QVERIFY(d.grab().save(QDir(shots).filePath(QStringLiteral("settings-language.png"))));
        }
        QCOMPARE(d.guiSettings().language, QStringLiteral("fr"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("de")));
        QVERIFY(note->isHidden()); // back to the running language: nothing to restart for
        combo->setCurrentIndex(0);
        QCOMPARE(d.guiSettings().language, QString()); // the system's
        // Kept: the next start reads it (gui_main.cpp: --lang, else this, else the system's).
        gui.language = QStringLiteral("ja");
        gui.save();
        QCOMPARE(GuiSettings::load().language, QStringLiteral("ja"));
        QSettings().clear();
        QCOMPARE(GuiSettings::load().language, QString());
    }

    void frenchNumbersKeepPriceDigits()
    {
        QVERIFY(installTranslations(*qApp, localeFor(QStringLiteral("fr"))));
        QCOMPARE(QLocale().language(), QLocale::French);
        QCOMPARE(fmt::price(QStringLiteral("1.09451")), QStringLiteral("1,09451"));
        QCOMPARE(fmt::price(QStringLiteral("150.101")), QStringLiteral("150,101"));
        QCOMPARE(fmt::price(QStringLiteral("1.10000")), QStringLiteral("1,10000")); // trailing zeros kept
        QCOMPARE(fmt::price(QStringLiteral("0.6")), QStringLiteral("0,6")); // no digit added
        QCOMPARE(fmt::decimal(1.8, 1), QStringLiteral("1,8")); // a spread in pips
        QCOMPARE(fmt::count(18220), QStringLiteral("18") + QLocale().groupSeparator() + QStringLiteral("220"));
        QCOMPARE(fmt::localDateTime(QDateTime(QDate(2025, 11, 17), QTime(9, 12, 3)).toMSecsSinceEpoch() * 1000),
                 QStringLiteral("17/11/2025 09:12:03"));
        // The same prices in English: the digits never depend on the locale.
        QVERIFY(installTranslations(*qApp, localeFor(QStringLiteral("en"))));
        QCOMPARE(fmt::price(QStringLiteral("1.09451")), QStringLiteral("1.09451"));
        QCOMPARE(fmt::price(QStringLiteral("150.101")), QStringLiteral("150.101"));
        QCOMPARE(fmt::price(QStringLiteral("not a number")), QStringLiteral("not a number"));
    }

    // Last: the Japanese translators stay installed.
    void japaneseIsLoaded()
    {
        QVERIFY(installTranslations(*qApp, localeFor(QStringLiteral("ja"))));
        QCOMPARE(QLocale().language(), QLocale::Japanese);
        QCOMPARE(QCoreApplication::translate("MainWindow", "&File"), QStringLiteral("ファイル(&F)"));
        QCOMPARE(QCoreApplication::translate("fx::gui::MainWindow", "Market watch"),
                 QStringLiteral("マーケットウォッチ"));
        QCOMPARE(QCoreApplication::translate("fx::gui::StatusText", "%n client(s)", nullptr, 3),
                 QStringLiteral("3 クライアント"));
        // Qt's own (qt6-translations-l10n), for the buttons of its dialogs.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("キャンセル"));
    }

    // Every message of every language translated: nothing unfinished, obsolete or vanished,
    // the plural forms of the language, the placeholders and accelerators of the source.
    void translationsComplete()
    {
        const QStringList files = tsFiles();
        QVERIFY(files.size() >= 5);
        for (const QString &path : files) {
            QString language;
            const QList<Message> messages = readTs(path, &language);
            const QString name = QFileInfo(path).fileName();
            QVERIFY2(!messages.isEmpty(), qPrintable(name));
            const int forms = language == QStringLiteral("ja") ? 1 : 2;
            for (const Message &m : messages) {
                const QString where = name + QStringLiteral(": ") + m.context + QStringLiteral(": ") + m.source;
                QVERIFY2(m.type.isEmpty(), qPrintable(where + QStringLiteral(" is ") + m.type));
                QVERIFY2(m.forms.size() == (m.numerus ? forms : 1), qPrintable(where + QStringLiteral(": forms")));
                for (const QString &t : m.forms) {
                    QVERIFY2(!t.trimmed().isEmpty(), qPrintable(where + QStringLiteral(": empty")));
                    QSet<QString> want = placeholders(m.source);
                    QSet<QString> got = placeholders(t);
                    if (m.numerus && forms == 1)
                        want.insert(QStringLiteral("%n")); // one form for every count: it must say it
                    else if (m.numerus && &t == &m.forms.first())
                        got.insert(QStringLiteral("%n")); // the singular may say "one" in words
                    QVERIFY2(got == want, qPrintable(where + QStringLiteral(": placeholders in ") + t));
                    QVERIFY2(hasAccelerator(m.source) == hasAccelerator(t),
                             qPrintable(where + QStringLiteral(": accelerator in ") + t));
                    QVERIFY2(m.source.count(QStringLiteral("<p>")) == t.count(QStringLiteral("<p>")),
                             qPrintable(where + QStringLiteral(": markup in ") + t));
                }
            }
            qInfo("%s: %lld messages", qPrintable(name), qlonglong(messages.size()));
        }
    }

    // The .ts files hold exactly the messages of the current sources: lupdate (the same options
    // as qt_add_translations) into a fresh file gives the same set.
    void translationsUpToDate()
    {
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString fresh = tmp.filePath(QStringLiteral("fresh_xx.ts"));
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(FX_SOURCE_DIR));
        lupdate.start(QStringLiteral(FX_LUPDATE),
                      {QStringLiteral("-I"), QStringLiteral("src"), QStringLiteral("src/gui"), QStringLiteral("ui"),
                       QStringLiteral("src/app/gui_main.cpp"), QStringLiteral("src/core/settingspecs.cpp"),
                       QStringLiteral("-ts"), fresh, QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-silent")});
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        QString language;
        QSet<QString> want;
        for (const Message &m : readTs(fresh, &language))
            want.insert(key(m));
        QVERIFY(want.size() > 400);
        for (const QString &path : tsFiles()) {
            QSet<QString> got;
            for (const Message &m : readTs(path, &language))
                got.insert(key(m));
            const QString file = QFileInfo(path).fileName();
            for (const QString &k : want - got)
                QFAIL(qPrintable(file + QStringLiteral(" lacks (cmake --build build --target update_translations): ")
                                 + k));
            for (const QString &k : got - want)
                QFAIL(qPrintable(file + QStringLiteral(" has a message no source has: ") + k));
        }
    }
};

FX_GUI_TEST_MAIN(TestLanguages)
#include "tst_gui_languages.moc"
