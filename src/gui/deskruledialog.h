#pragma once

// The operator's New rule dialog (PROTOCOL.md, "Desk rules"; docs/GUI.md, "Alert rules"): a
// desk-wide alert rule, the fields of set_alert plus "Send to every client". What the operator
// enters is read by the parser a client's set_alert goes through (Engine::addDeskRule), so the
// dialog shows the same errors a client would get; the rule is added by the running server
// without blocking this thread, and the dialog closes when the server has it.

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace fx::engine {
class Engine;
}

namespace fx::gui {

class DeskRuleDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeskRuleDialog)

public:
    DeskRuleDialog(engine::Engine *engine, QWidget *parent = nullptr);
    ~DeskRuleDialog() override;

    // The set_alert payload of what is entered now ("value" left out when it is not a number,
    // so the parser says it is required).
    QJsonObject ruleData() const;
    // The parser's or the server's message for the last attempt (empty: none).
    QString errorText() const;

public Q_SLOTS:
    // Sends the rule; the dialog closes once the server added it (added() first).
    void submit();

Q_SIGNALS:
    void added(const QString &id);

private:
    void updateFields();
    void showError(const QString &field, const QString &message);

    engine::Engine *m_engine;
    QComboBox *m_pair;
    QComboBox *m_field;
    QComboBox *m_condition;
    QLineEdit *m_value;
    QSpinBox *m_window;
    QComboBox *m_repeat;
    QSpinBox *m_cooldown;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiresAt;
    QLineEdit *m_note;
    QCheckBox *m_broadcast;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    bool m_waiting = false;
};

} // namespace fx::gui
