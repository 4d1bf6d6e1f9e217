#pragma once

// Light and dark themes, and the colours every panel shares. "System" keeps the platform's
// palette (Qt 6.4 has no colour-scheme hint; a dark desktop gives a dark palette); "Light" and
// "Dark" use the Fusion style with a palette of ours. Colours adapt to the palette in use so
// that text stays readable on both. GUI thread.

#include <QColor>
#include <QIcon>
#include <QString>
#include <functional>

class QMenu;

namespace fx::gui {

enum class ThemeMode { System = 0, Light = 1, Dark = 2 };

class Theme
{
public:
    static void apply(ThemeMode mode);
    static ThemeMode mode();
    static bool isDark();
    // View > Theme: a submenu of into with one checkable action per mode (named "theme" and the
    // mode's number), current checked; chosen is called with the mode the operator picks.
    static QMenu *addMenu(QMenu *into, ThemeMode current, const std::function<void(ThemeMode)> &chosen);

    // Tick direction: blue up, red down; grey for stale.
    static QColor up();
    static QColor down();
    static QColor stale();
    static QColor flash(int direction); // translucent background of a brief flash
    static QColor highlight(); // rows of the room selected in the rooms panel

    // States (text plus colour, never colour alone).
    static QColor ok();
    static QColor warning();
    static QColor error();
    static QColor idle();

    // Severity: info grey, warning amber, critical red, each with an icon.
    static QColor severity(const QString &severity);
    static QIcon severityIcon(const QString &severity);
    // A filled dot of that colour (status bar, tray).
    static QIcon dot(const QColor &colour, int size = 12);
};

} // namespace fx::gui
