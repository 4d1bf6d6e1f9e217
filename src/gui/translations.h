#pragma once

// Loads the desktop's translation (fxmonitor_<language>.qm, built from translations/ by
// qt_add_translations: installed beside the program or embedded under :/i18n/) and Qt's own
// (qtbase_<language>.qm) for the chosen locale, and installs them on the application.
// The language is the system's unless `--lang <code>` or Settings > Language picks one
// (GUI.md, "Languages").

#include <QList>
#include <QLocale>
#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace fx::gui {

struct Language
{
    QString code; // "de"
    QString nativeName; // "Deutsch": the language in its own name
};

// Every language the app is translated to, English first.
QList<Language> availableLanguages();
// "de, en, es, fr, ja"
QString availableLanguageCodes();

// The `--lang` argument ("--lang ja" or "--lang=ja") among the program's arguments: nullopt
// when absent; an empty string and *error set when it names no available language or has no
// value.
std::optional<QString> languageArgument(const QStringList &arguments, QString *error);

// The locale for a language code: QLocale::system() for an empty code.
QLocale localeFor(const QString &code);

// Registers the module's resources (icons, translations); call once before any widget.
void initResources();
// Makes the locale the default one (numbers, dates: QLocale()) and installs its translations.
// True when a translation of ours was installed: the locale's, else English (plural forms).
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace fx::gui
