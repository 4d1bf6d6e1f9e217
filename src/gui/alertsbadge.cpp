#include "gui/alertsbadge.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>

namespace fx::gui {

AlertsBadge::AlertsBadge(QDockWidget *dock, QWidget *window) : QObject(window), m_dock(dock), m_window(window)
{
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && m_window->isActiveWindow())
            clear();
    });
    window->installEventFilter(this);
}

AlertsBadge::~AlertsBadge() = default;

bool AlertsBadge::isSeen() const
{
    return m_dock->isVisible() && !m_dock->visibleRegion().isEmpty() && m_window->isActiveWindow();
}

void AlertsBadge::alertsArrived(int count)
{
    if (isSeen())
        return;
    m_count += count;
    updateTitle();
}

bool AlertsBadge::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::ActivationChange && m_count > 0 && isSeen())
        clear();
    return QObject::eventFilter(watched, event);
}

void AlertsBadge::clear()
{
    m_count = 0;
    updateTitle();
}

// The titles keep the translation context they had in the main window (translations/*.ts).
void AlertsBadge::updateTitle()
{
    m_dock->setWindowTitle(m_count > 0
                               ? QCoreApplication::translate("fx::gui::MainWindow", "Alerts (%n new)", nullptr, m_count)
                               : QCoreApplication::translate("fx::gui::MainWindow", "Alerts"));
}

} // namespace fx::gui
