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

bool installTranslations(QCoreApplication &app, const QLocale &locale)
{
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
