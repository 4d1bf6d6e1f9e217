#pragma once

// main() for the GUI tests: the offscreen platform unless one is set, QSettings and data in a
// throw-away folder (never the operator's), the application names of the product, and the
// module's resources (icons, translations).

#include "core/settings.h"
#include "gui/translations.h"

#include <QApplication>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace fx::test {

// Settings as the engine would resolve them with these overrides (origin "test") on top of the
// defaults; nullopt with *error when an override or the result is refused.
inline std::optional<core::Settings> settingsWith(const QList<QPair<QString, QString>> &overrides, QString *error)
{
    core::SettingsLoader loader;
    for (const auto &[name, value] : overrides)
        if (!loader.setOverride(name, value, QStringLiteral("test"), error))
            return std::nullopt;
    return loader.resolve(error);
}

} // namespace fx::test

#define FX_GUI_TEST_MAIN(TestClass)                                                                           \
    int main(int argc, char **argv)                                                                           \
    {                                                                                                         \
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))                                                   \
            qputenv("QT_QPA_PLATFORM", "offscreen");                                                          \
        QTemporaryDir home;                                                                                   \
        qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toUtf8());                       \
        qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toUtf8());                           \
        QApplication app(argc, argv);                                                                         \
        QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));                                   \
        QCoreApplication::setApplicationName(QStringLiteral("fxmonitor"));                                    \
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); /* 1,234.5 whatever LANG is */ \
        fx::gui::initResources();                                                                             \
        TestClass test;                                                                                       \
        return QTest::qExec(&test, argc, argv);                                                               \
    }
