#pragma once

// The state indicators of the main window: server, Redis and database in the toolbar; server,
// clients, Redis, database, messages sent per second and the open market sessions in the status
// bar. Each indicator is told what it shows where it is made, and every status sample updates
// them all. GUI thread.

#include <QList>
#include <QString>

class QStatusBar;
class QToolBar;

namespace fx::gui {

class StatusIndicator;
struct StatusSnapshot;

class StatusBarIndicators
{
    Q_DISABLE_COPY_MOVE(StatusBarIndicators)

public:
    enum class Shows { Server, Clients, Redis, Database, Rate, Sessions };

    // Adds the indicators to the end of the toolbar and to the status bar's permanent widgets.
    StatusBarIndicators(QToolBar *toolbar, QStatusBar *statusBar);
    ~StatusBarIndicators();

    void update(const StatusSnapshot &s);
    // By object name ("statusServer", "toolbarRedis", …), for tests and screenshots.
    StatusIndicator *indicator(const QString &objectName) const;

private:
    struct Entry
    {
        StatusIndicator *indicator; // owned by its bar
        Shows shows;
    };
    QList<Entry> m_entries;
};

} // namespace fx::gui
