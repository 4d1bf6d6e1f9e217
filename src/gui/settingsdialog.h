#pragma once

// Settings (Ctrl+,): every product setting of core::settingSpecs() (CONFIGURATION.md)
// grouped as Server, Redis, Database and Logging, and the desktop's own preferences. Each
// product setting shows the value that will be saved (QSettings; secrets in the system keyring,
// SecretStore, with a note when there is none), the value in use with its
// origin (default, saved settings, .env:LINE, environment, --flag), and a warning when a
// .env file, the environment or a flag overrides what is saved. Each field is labelled in words
// with the setting's name beneath and edited by a SettingField of its kind. Values are
// validated with core::SettingsLoader::resolve while editing and before anything is saved; an
// invalid one is marked in place with the loader's message (the command line's). GUI thread.

#include "core/settings.h"
#include "gui/guisettings.h"

#include <QDialog>
#include <QHash>
#include <memory>
#include <optional>

class QGridLayout;
class QLabel;
class QTimer;
class QWidget;

namespace Ui {
class SettingsDialog;
}

namespace fx::gui {

class SettingField;

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)

public:
    // current: the settings in use (with their origins); stored: what QSettings holds.
    SettingsDialog(const core::Settings &current, const QMap<QString, QString> &stored, const GuiSettings &gui,
                   QWidget *parent = nullptr);
    ~SettingsDialog() override;

    // The value typed for a product setting, and setting it (tests).
    QString value(const QString &name) const;
    void setValue(const QString &name, const QString &value);
    QWidget *editor(const QString &name) const;
    SettingField *field(const QString &name) const;
    // The message shown in place under a field ("" when it is valid): the command line's.
    QString errorText(const QString &name) const;
    QString originText(const QString &name) const;
    bool isOverridden(const QString &name) const;

    // Checks every value; false with the reason shown in the dialog.
    bool validate();
    QString message() const;
    // After a successful validate(): what to save and what it gives.
    QMap<QString, QString> storedValues() const;
    const core::Settings &effective() const { return m_effective; }
    QStringList changedNames() const;
    GuiSettings guiSettings() const;
    QString languageChoice() const; // the code chosen in Language ("" for the system's)

    // Which settings need what to take effect.
    static bool needsServerRestart(const QString &name);
    static bool needsRedisRestart(const QString &name);
    static bool needsAppRestart(const QString &name);
    static QString translatedHelp(const core::SettingSpec &spec);

    void accept() override;

Q_SIGNALS:
    // Saved: the settings now in effect, the names whose value in use changed, the desktop's.
    void applied(const fx::core::Settings &settings, const QStringList &changed, const fx::gui::GuiSettings &gui);

private:
    struct Row
    {
        SettingField *field = nullptr;
        QLabel *origin = nullptr;
        QLabel *error = nullptr;
        QLabel *warning = nullptr;
        QString defaultValue;
    };
    void buildPage(QWidget *page, const QString &group);
    void addKeyringNote(QGridLayout *grid, int &line, const QString &name);
    void restoreDefaults();
    // The settings that saving would give, or nullopt with the loader's message.
    std::optional<core::Settings> check(QString *error) const;
    void recheck();
    QString invalidName(const QString &error) const;
    // Marks name's field with error (none when name is empty); interactive: show and focus it.
    void showInvalid(const QString &name, const QString &error, bool interactive);

    std::unique_ptr<Ui::SettingsDialog> m_ui;
    core::Settings m_current;
    core::Settings m_effective;
    QHash<QString, Row> m_rows;
    QTimer *m_recheck = nullptr;
};

} // namespace fx::gui
