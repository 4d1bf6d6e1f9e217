#pragma once

// The desk's keyboard shortcuts in one table: the main window's actions and the panels' own
// actions take their keys from it, and Help > Keyboard shortcuts lists it, so the keys that work
// and the keys the help shows cannot drift apart (docs/GUI.md, "Keyboard", lists the same).

#include <QKeySequence>

class QWidget;

namespace fx::gui {

class Shortcuts
{
public:
    enum class Id { Filter, Copy, ExportCsv, Acknowledge, AcknowledgeAll, RestartServer, Settings, Disconnect, Quit };

    struct Entry
    {
        Id id;
        // The objectName of the main window's action (ui/mainwindow.ui) that carries the key, or
        // null when a panel's own action does (a table's Copy, the clients panel's Disconnect).
        const char *action;
        // The platform's standard key where the entry names one and the platform has it, else key
        // (Qt has no standard Quit key under the Windows keyboard scheme, which offscreen uses too).
        QKeySequence::StandardKey standard;
        QKeyCombination key;
        const char *description; // translated in the context fx::gui::MainWindow
    };

    static const QList<Entry> &table();
    static QKeySequence key(Id id);
    // Gives each action of the window named in the table its key.
    static void assign(QWidget *window);
    // Help > Keyboard shortcuts: the table as a window-modal message box.
    static void showHelp(QWidget *parent);
};

} // namespace fx::gui
