#pragma once

// Where the main window's docks go. Every panel is a dock (movable, closable, floatable, listed in
// View); extra chart panels open in docks of their own beside the price chart. The layout
// (geometry, dock state and the extra charts' pairs, under window/ in QSettings) is saved on exit
// and restored at start; the default desk (docs/GUI.md, "The window") is put back on demand.
// GUI thread.

#include <QObject>
#include <QPointer>
#include <functional>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace fx::gui {

class ChartPanel;

class WindowLayout final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WindowLayout)

public:
    static constexpr int kLayoutVersion = 1;

    // newChart makes an extra chart panel (the window knows the instruments, storage and settings).
    WindowLayout(QMainWindow *window, QMenu *viewMenu, std::function<ChartPanel *()> newChart);
    ~WindowLayout() override;

    QDockWidget *addPanel(QWidget *panel, const QString &title, const QString &objectName, Qt::DockWidgetArea area);
    QDockWidget *dock(const QString &objectName) const;
    QList<QDockWidget *> docks() const;
    // The dock a widget sits in (its nearest dock ancestor), or null.
    static QDockWidget *dockOf(QWidget *widget);
    // Shows the dock a widget sits in and brings it to the front of its tabs.
    static void raiseDockOf(QWidget *widget);

    // The extra chart panel of a pair, raised when it exists, else opened beside the last one.
    ChartPanel *openChart(const QString &pair);
    QList<ChartPanel *> extraCharts() const;

    // At start: the saved extra charts, geometry and dock state, over the default desk.
    void restore();
    void save() const;
    // The default desk again (View > Reset layout).
    void reset();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // The default desk: docks arranged and sized now, and sized again once the window has its
    // size (dock sizes do not take before): at once when it has been shown, else when it is.
    void applyDefault();
    void arrangeDefault();
    void applyDefaultSizes();

    QMainWindow *m_window;
    QMenu *m_viewMenu;
    std::function<ChartPanel *()> m_newChart;
    QList<QPointer<ChartPanel>> m_extraCharts; // closing one deletes it: the pointer becomes null
    bool m_shownOnce = false;
    bool m_sizeWhenShown = false;
};

} // namespace fx::gui
