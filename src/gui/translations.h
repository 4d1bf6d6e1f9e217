#pragma once

// Loads the desktop's translation (:/i18n/fxmonitor_<language>.qm, built from translations/
// by qt_add_translations) and Qt's own for the locale, and installs them on the application.

#include <QLocale>

class QCoreApplication;

namespace fx::gui {

// Registers the module's resources (icons, translations); call once before any widget.
void initResources();
// True when a translation of ours was installed: the locale's, else English (plural forms).
bool installTranslations(QCoreApplication &app, const QLocale &locale = QLocale());

} // namespace fx::gui
