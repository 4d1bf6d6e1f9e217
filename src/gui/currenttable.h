#pragma once

// The table the window's Ctrl+F (filter) and Ctrl+E (export as CSV) act on: the one with the
// keyboard focus, else the last one that had it, else a fallback (the clients table). GUI thread.

#include <QObject>
#include <QPointer>

namespace fx::gui {

class TablePanel;

class CurrentTable final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurrentTable)

public:
    CurrentTable(TablePanel *fallback, QObject *parent);
    ~CurrentTable() override;

    TablePanel *table() const;
    // Shows the table's dock and puts the cursor in its filter box.
    void focusFilter();
    // Asks where to write the rows shown as CSV ("clients-20250107-120304.csv" offered).
    void exportCsv();

private:
    QPointer<TablePanel> m_current;
    QPointer<TablePanel> m_fallback;
};

} // namespace fx::gui
