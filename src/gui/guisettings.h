#pragma once

// The desktop app's own preferences and the saved values of the product's settings, both in
// QSettings (organization "FXMonitor", application "fxmonitor"). GUI thread.
//
// Product settings (WEBSOCKET_*, REDIS_*, DB_*, ...) are saved under "settings/NAME" and
// become the "saved settings" layer of core::CommandLine: .env, the environment and flags
// still override them.

#include "gui/theme.h"

#include <QMap>
#include <QString>

namespace fx::gui {

enum class ChartWindow { OneMinute = 0, FiveMinutes, FifteenMinutes, OneHour, OneDay };
inline constexpr int kChartWindowCount = 5;
qint64 chartWindowMs(ChartWindow w);
QString chartWindowLabel(ChartWindow w); // "1 min", translated

enum class CloseAction { Ask = 0, KeepInTray = 1, Quit = 2 };

struct GuiSettings
{
    bool notifyInfo = false;
    bool notifyWarning = false;
    bool notifyCritical = true;
    ChartWindow chartWindow = ChartWindow::FiveMinutes;
    bool chartCandles = false;
    bool flash = true;
    int staleSeconds = 15;
    ThemeMode theme = ThemeMode::System;
    CloseAction closeAction = CloseAction::Ask;
    QString language; // "de", "ja", ... (availableLanguages()); empty: the system's

    bool notifies(const QString &severity) const;

    static GuiSettings load();
    void save() const;
    friend bool operator==(const GuiSettings &, const GuiSettings &) = default;
};

// Saved product settings: NAME -> value (only the names of core::settingSpecs()). Loading
// also returns a secret an earlier version saved here in plain text (SecretStore::migrate);
// saving never writes nor removes one (secrets are in the system keyring: SecretStore).
QMap<QString, QString> loadStoredSettings();
void saveStoredSettings(const QMap<QString, QString> &values);

} // namespace fx::gui
