#include "gui/guisettings.h"

#include "core/settings.h"

#include <QCoreApplication>
#include <QSettings>

#include <algorithm>

namespace fx::gui {

qint64 chartWindowMs(ChartWindow w)
{
    switch (w) {
    case ChartWindow::OneMinute: return 60'000;
    case ChartWindow::FiveMinutes: return 5 * 60'000;
    case ChartWindow::FifteenMinutes: return 15 * 60'000;
    case ChartWindow::OneHour: return 3'600'000;
    case ChartWindow::OneDay: return 86'400'000;
    }
    return 5 * 60'000;
}

QString chartWindowLabel(ChartWindow w)
{
    switch (w) {
    case ChartWindow::OneMinute: return QCoreApplication::translate("fx::gui::ChartWindow", "1 min");
    case ChartWindow::FiveMinutes: return QCoreApplication::translate("fx::gui::ChartWindow", "5 min");
    case ChartWindow::FifteenMinutes: return QCoreApplication::translate("fx::gui::ChartWindow", "15 min");
    case ChartWindow::OneHour: return QCoreApplication::translate("fx::gui::ChartWindow", "1 h");
    case ChartWindow::OneDay: return QCoreApplication::translate("fx::gui::ChartWindow", "1 day");
    }
    return {};
}

bool GuiSettings::notifies(const QString &severity) const
{
    if (severity == u"critical")
        return notifyCritical;
    if (severity == u"warning")
        return notifyWarning;
    return notifyInfo;
}

GuiSettings GuiSettings::load()
{
    QSettings s;
    GuiSettings g;
    s.beginGroup(QStringLiteral("gui"));
    g.notifyInfo = s.value(QStringLiteral("notifyInfo"), g.notifyInfo).toBool();
    g.notifyWarning = s.value(QStringLiteral("notifyWarning"), g.notifyWarning).toBool();
    g.notifyCritical = s.value(QStringLiteral("notifyCritical"), g.notifyCritical).toBool();
    g.chartWindow = ChartWindow(
        std::clamp(s.value(QStringLiteral("chartWindow"), int(g.chartWindow)).toInt(), 0, kChartWindowCount - 1));
    g.chartCandles = s.value(QStringLiteral("chartCandles"), g.chartCandles).toBool();
    g.flash = s.value(QStringLiteral("flash"), g.flash).toBool();
    g.staleSeconds = std::clamp(s.value(QStringLiteral("staleSeconds"), g.staleSeconds).toInt(), 1, 3600);
    g.theme = ThemeMode(std::clamp(s.value(QStringLiteral("theme"), int(g.theme)).toInt(), 0, 2));
    g.closeAction = CloseAction(std::clamp(s.value(QStringLiteral("closeAction"), int(g.closeAction)).toInt(), 0, 2));
    g.language = s.value(QStringLiteral("language")).toString();
    return g;
}

void GuiSettings::save() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("gui"));
    s.setValue(QStringLiteral("notifyInfo"), notifyInfo);
    s.setValue(QStringLiteral("notifyWarning"), notifyWarning);
    s.setValue(QStringLiteral("notifyCritical"), notifyCritical);
    s.setValue(QStringLiteral("chartWindow"), int(chartWindow));
    s.setValue(QStringLiteral("chartCandles"), chartCandles);
    s.setValue(QStringLiteral("flash"), flash);
    s.setValue(QStringLiteral("staleSeconds"), staleSeconds);
    s.setValue(QStringLiteral("theme"), int(theme));
    s.setValue(QStringLiteral("closeAction"), int(closeAction));
    s.setValue(QStringLiteral("language"), language);
}

QMap<QString, QString> loadStoredSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("settings"));
    QMap<QString, QString> out;
    for (const core::SettingSpec &spec : core::settingSpecs())
        if (s.contains(spec.name))
            out.insert(spec.name, s.value(spec.name).toString());
    return out;
}

void saveStoredSettings(const QMap<QString, QString> &values)
{
    QSettings s;
    s.beginGroup(QStringLiteral("settings"));
    for (const core::SettingSpec &spec : core::settingSpecs()) {
        // Secrets go to the system keyring (SecretStore), never to this file; a plain-text
        // one an earlier version left here is removed only once the keyring holds it.
        if (core::isSecretSetting(spec.name))
            continue;
        if (values.contains(spec.name))
            s.setValue(spec.name, values.value(spec.name));
        else
            s.remove(spec.name);
    }
}

} // namespace fx::gui
