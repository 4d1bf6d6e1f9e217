#pragma once

// The rooms panel: every room with its subscriber count, expandable to its members. Selecting
// a room (or a member) asks the clients panel to highlight that room's clients.

#include <QWidget>

namespace fx::gui {

class RoomsModel;
class TablePanel;

class RoomsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoomsPanel)

public:
    explicit RoomsPanel(RoomsModel *model, QWidget *parent = nullptr);
    ~RoomsPanel() override;

    TablePanel *table() const { return m_table; }
    RoomsModel *model() const { return m_model; }
    // Selects a room row (tests, menus).
    bool selectRoom(const QString &room);
    void clearSelection();

Q_SIGNALS:
    // The room whose clients should be highlighted (empty: none).
    void roomSelected(const QString &room);

private:
    RoomsModel *m_model;
    TablePanel *m_table;
};

} // namespace fx::gui
