#pragma once

#include "core/settings.h"

#include <QCommandLineParser>
#include <QList>
#include <QPair>
#include <optional>

namespace fx::core {

// The command line every executable shares: setting flags (grouped), --env-file,
// --set NAME=VALUE, --print-config, --help, --version. Flags override the environment, which
// overrides .env, which overrides saved settings and defaults.
class CommandLine
{
public:
    enum Group { Server = 1, Redis = 2, Database = 4, Logging = 8, All = 15 };

    CommandLine(const QString &description, int groups);

    // Executables add their own options before process().
    QCommandLineParser &parser() { return m_parser; }
    // A flag without a value that sets a setting (the desktop's --no-server: EMBEDDED_SERVER=false).
    void addSwitch(const QString &name, const QString &setting, const QString &value, const QString &help);
    void setStored(const QMap<QString, QString> &stored) { m_stored = stored; }
    // Secrets read from the system keyring (the desktop): SettingsLoader::setKeyring.
    void setKeyring(const QMap<QString, QString> &secrets) { m_keyring = secrets; }

    // Parses the arguments and resolves the settings. Returns nullopt to go on; otherwise the
    // exit status after printing help/version (0) or one error line (2).
    std::optional<int> process(const QStringList &arguments);

    const Settings &settings() const { return m_settings; }
    // The settings resolved again from the same command line, the .env file read again and the
    // environment (SIGHUP in fxmonitor-server); nullopt with one line naming the setting in
    // *error. Only after process() accepted the arguments.
    std::optional<Settings> resolveAgain(QString *error) const { return resolve(error); }

    // "NAME=value (origin)" lines, for --print-config and the log.
    static QString describe(const Settings &s);

private:
    std::optional<Settings> resolve(QString *error) const;
    QCommandLineParser m_parser;
    QList<QPair<QCommandLineOption, QString>> m_flags; // option -> setting name
    struct Switch
    {
        QCommandLineOption option;
        QString setting;
        QString value;
    };
    QList<Switch> m_switches;
    QCommandLineOption m_envFile;
    QCommandLineOption m_set;
    QCommandLineOption m_printConfig;
    QMap<QString, QString> m_stored;
    QMap<QString, QString> m_keyring;
    Settings m_settings;
};

} // namespace fx::core
