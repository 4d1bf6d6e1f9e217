#pragma once

// The alert rules panel (PROTOCOL.md, "Alert rules"): every rule the embedded server holds, of
// every client, refreshed about once a second while the panel is visible; the operator disables,
// enables or deletes the selected rules and their owners are told, and adds the desk's own rules
// (New rule…, PROTOCOL.md "Desk rules"). A monitor-only desk has no server here: the panel says
// the rules live on the servers, and desk rules need the embedded server.

#include <QWidget>

class QAction;
class QLabel;
class QTimer;

namespace fx::engine {
class Engine;
}

namespace fx::gui {

class AlertRulesModel;
class DeskRuleDialog;
class TablePanel;

class AlertRulesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertRulesPanel)

public:
    static constexpr int kRefreshIntervalMs = 1000;

    AlertRulesPanel(AlertRulesModel *model, engine::Engine *engine, QWidget *parent = nullptr);
    ~AlertRulesPanel() override;

    TablePanel *table() const { return m_table; }
    AlertRulesModel *model() const { return m_model; }
    // Asks the server for every rule now (the answer comes queued; refreshed() follows).
    void refresh();
    // Rule ids of the selected rows, in view order.
    QStringList selectedIds() const;
    // Selects the row of a rule (tests, menus); false when it is not shown.
    bool selectRule(const QString &id);
    // Operator actions on the selection; deleteSelected asks first unless confirm is false.
    void setSelectedEnabled(bool enabled);
    void deleteSelected(bool confirm = true);
    // Opens the New rule dialog (non-modal; tests drive it); null when the server is not running.
    DeskRuleDialog *newRule();

Q_SIGNALS:
    void refreshed();
    void message(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void updateActions();

    AlertRulesModel *m_model;
    engine::Engine *m_engine;
    TablePanel *m_table;
    QAction *m_disable;
    QAction *m_enable;
    QAction *m_delete;
    QAction *m_new;
    QLabel *m_count;
    QTimer *m_timer;
    qint64 m_askedAtMs = 0; // monotonic; 0: no request in flight
};

} // namespace fx::gui
