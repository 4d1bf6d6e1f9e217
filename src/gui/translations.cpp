#include "gui/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

// Outside any namespace, as Q_INIT_RESOURCE requires. The .qrc is compiled into this static
// library; referencing its initialiser keeps the linker from dropping it.
static void initFxMonitorResources()
{
    Q_INIT_RESOURCE(fxmonitor);
}

namespace fx::gui {

void initResources()
{
    initFxMonitorResources();
}

QList<Language> availableLanguages()
{
    // The translations/fxmonitor_<code>.ts files (English: the source texts and their plurals).
    return {
        {QStringLiteral("en"), QStringLiteral("English")}, {QStringLiteral("de"), QStringLiteral("Deutsch")},
        {QStringLiteral("es"), QStringLiteral("Español")}, {QStringLiteral("fr"), QStringLiteral("Français")},
        {QStringLiteral("ja"), QStringLiteral("日本語")},
    };
}

QString availableLanguageCodes()
{
    QStringList codes;
    for (const Language &l : availableLanguages())
        codes << l.code;
    codes.sort();
    return codes.join(QStringLiteral(", "));
}

std::optional<QString> languageArgument(const QStringList &arguments, QString *error)
{
    const QString flag = QStringLiteral("--lang");
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QStringLiteral("--"))
            break;
        QString code;
        if (a == flag || a == QStringLiteral("-lang")) {
            if (i + 1 >= arguments.size()) {
                *error = QStringLiteral("--lang needs a language code: one of %1").arg(availableLanguageCodes());
                return QString();
            }
            code = arguments.at(i + 1);
        } else if (a.startsWith(flag + QLatin1Char('='))) {
            code = a.mid(flag.size() + 1);
        } else {
            continue;
        }
        for (const Language &l : availableLanguages())
            if (l.code == code)
                return code;
        *error = QStringLiteral("unknown language \"%1\" for --lang: available are %2")
                     .arg(code.left(32), availableLanguageCodes());
        return QString();
    }
    return std::nullopt;
}

QLocale localeFor(const QString &code)
{
    return code.isEmpty() ? QLocale::system() : QLocale(code);
}

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
    // Numbers, times and dates (QLocale() everywhere in format.cpp) follow the chosen language.
    QLocale::setDefault(locale);
    auto *ours = new QTranslator(&app);
    // Installed (the Debian package: /usr/share/fxmonitor/translations beside /usr/bin), the
    // files win over the embedded copies.
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/fxmonitor/translations");
    bool found = ours->load(locale, QStringLiteral("fxmonitor"), QStringLiteral("_"), installed)
        || ours->load(locale, QStringLiteral("fxmonitor"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    // No translation for the locale (or the C locale): the English file, which only adds the
    // plural forms ("1 client", "2 clients") to the English source texts.
    if (!found)
        found = ours->load(QStringLiteral(":/i18n/fxmonitor_en.qm"));
    if (found)
        QCoreApplication::installTranslator(ours);
    else
        delete ours;
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return found;
}

} // namespace fx::gui
