#pragma once

// One product setting's editor in the settings dialog (GUI.md, "Settings"), chosen by its
// core::SettingSpec: a spin box with its unit and the loader's bounds for whole numbers and
// numbers, a check box for yes/no, a drop-down for choices, a line edit with a file picker for
// files, a masked line edit for secrets, a line edit for the rest. Values go in and out as the
// text the command line takes ("25", "true", "DEBUG"). A value the editor cannot show (a saved
// "70000" for a port, "lots" for a count) is kept as it is until the operator edits the field,
// so validation names it with the command line's message instead of it being silently clamped.
// GUI thread.

#include "core/settings.h"

#include <QWidget>
#include <optional>

class QToolButton;

namespace fx::gui {

class SettingField final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingField)

public:
    SettingField(const core::SettingSpec &spec, QWidget *parent = nullptr);

    // The spec's texts in the desktop's language (context "fx::core::Settings").
    static QString translated(const QString &english);

    const core::SettingSpec &spec() const { return m_spec; }
    // The editing widget itself (QSpinBox, QDoubleSpinBox, QCheckBox, QComboBox or QLineEdit).
    QWidget *editor() const { return m_editor; }
    QToolButton *browseButton() const { return m_browse; }

    QString value() const;
    // Shows value; one the editor cannot hold is kept as it is (hasUnshownValue()).
    void setValue(const QString &value);
    bool hasUnshownValue() const { return m_unshown.has_value(); }

    // Marks the field (a red frame) or clears the mark.
    void setInvalid(bool invalid);

Q_SIGNALS:
    // The operator changed the value (not emitted by setValue).
    void edited();

private:
    void buildEditor();
    void browse();
    void userEdited();

    core::SettingSpec m_spec;
    QWidget *m_editor = nullptr;
    QToolButton *m_browse = nullptr;
    std::optional<QString> m_unshown;
    bool m_setting = false; // inside setValue: changes are not the operator's
};

} // namespace fx::gui
