#pragma once

// The alerts dock's title counts the alerts that arrived while it could not be seen ("Alerts
// (3 new)"); the count clears when the dock shows in the active window, or the window becomes
// active with the dock in view. GUI thread.

#include <QObject>

class QDockWidget;
class QWidget;

namespace fx::gui {

class AlertsBadge final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertsBadge)

public:
    AlertsBadge(QDockWidget *dock, QWidget *window);
    ~AlertsBadge() override;

    // New alerts arrived: counted unless the dock can be seen in the active window.
    void alertsArrived(int count);
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isSeen() const;
    void clear();
    void updateTitle();

    QDockWidget *m_dock;
    QWidget *m_window;
    int m_count = 0;
};

} // namespace fx::gui
