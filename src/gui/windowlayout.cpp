#include "gui/windowlayout.h"

#include "gui/chartpanel.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QTimer>

namespace fx::gui {

namespace {
const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kChartsKey = QStringLiteral("window/charts");

// The dock titles keep the translation context they had in the main window (translations/*.ts).
QString chartTitle(const QString &pair)
{
    return QCoreApplication::translate("fx::gui::MainWindow", "Chart: %1").arg(pair);
}
} // namespace

WindowLayout::WindowLayout(QMainWindow *window, QMenu *viewMenu, std::function<ChartPanel *()> newChart)
    : QObject(window)
    , m_window(window)
    , m_viewMenu(viewMenu)
    , m_newChart(std::move(newChart))
{
    window->installEventFilter(this);
}

WindowLayout::~WindowLayout() = default;

QDockWidget *WindowLayout::addPanel(QWidget *panel, const QString &title, const QString &objectName,
                                    Qt::DockWidgetArea area)
{
    auto *dock = new QDockWidget(title, m_window);
    dock->setObjectName(objectName);
    dock->setWidget(panel);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    m_window->addDockWidget(area, dock);
    m_viewMenu->addAction(dock->toggleViewAction());
    return dock;
}

QDockWidget *WindowLayout::dock(const QString &objectName) const
{
    return m_window->findChild<QDockWidget *>(objectName, Qt::FindDirectChildrenOnly);
}

QList<QDockWidget *> WindowLayout::docks() const
{
    return m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly);
}

QDockWidget *WindowLayout::dockOf(QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget())
        if (auto *d = qobject_cast<QDockWidget *>(w))
            return d;
    return nullptr;
}

void WindowLayout::raiseDockOf(QWidget *widget)
{
    if (QDockWidget *d = dockOf(widget)) {
        d->show();
        d->raise();
    }
}

// --- extra chart panels --------------------------------------------------------------------

ChartPanel *WindowLayout::openChart(const QString &pair)
{
    for (ChartPanel *c : extraCharts())
        if (c->pair() == pair && dockOf(c)) {
            raiseDockOf(c);
            return c;
        }
    m_extraCharts.removeIf([](const QPointer<ChartPanel> &c) { return c.isNull(); });
    int n = 2;
    while (dock(QStringLiteral("chartDock%1").arg(n)))
        ++n;
    ChartPanel *panel = m_newChart();
    panel->setPair(pair);
    auto *d = new QDockWidget(chartTitle(pair), m_window);
    d->setObjectName(QStringLiteral("chartDock%1").arg(n));
    d->setWidget(panel);
    d->setAttribute(Qt::WA_DeleteOnClose);
    m_window->addDockWidget(Qt::LeftDockWidgetArea, d);
    QDockWidget *anchor = dock(QStringLiteral("chartDock"));
    if (!extraCharts().isEmpty())
        if (QDockWidget *last = dockOf(extraCharts().last()))
            anchor = last;
    if (anchor && !anchor->isFloating())
        m_window->splitDockWidget(anchor, d, Qt::Horizontal);
    m_extraCharts.append(panel);
    connect(panel, &ChartPanel::pairChanged, d, [d](const QString &p) { d->setWindowTitle(chartTitle(p)); });
    return panel;
}

QList<ChartPanel *> WindowLayout::extraCharts() const
{
    QList<ChartPanel *> out;
    for (const QPointer<ChartPanel> &c : m_extraCharts)
        if (c)
            out << c.data();
    return out;
}

// --- save, restore, default ----------------------------------------------------------------

void WindowLayout::restore()
{
    QSettings s;
    // The extra charts first: restoreState finds their docks by name.
    for (const QString &pair : s.value(kChartsKey).toStringList())
        openChart(pair);
    const QByteArray geometry = s.value(kGeometryKey).toByteArray();
    const QByteArray state = s.value(kStateKey).toByteArray();
    if (geometry.isEmpty() || !m_window->restoreGeometry(geometry))
        m_window->resize(1600, 1000);
    applyDefault();
    if (!state.isEmpty() && m_window->restoreState(state, kLayoutVersion))
        m_sizeWhenShown = false; // the saved sizes stand
}

void WindowLayout::save() const
{
    QSettings s;
    s.setValue(kGeometryKey, m_window->saveGeometry());
    s.setValue(kStateKey, m_window->saveState(kLayoutVersion));
    QStringList pairs;
    for (const ChartPanel *c : extraCharts())
        pairs << c->pair();
    s.setValue(kChartsKey, pairs);
}

void WindowLayout::reset()
{
    applyDefault();
}

void WindowLayout::applyDefault()
{
    arrangeDefault();
    applyDefaultSizes();
    if (m_shownOnce)
        QTimer::singleShot(0, this, &WindowLayout::applyDefaultSizes);
    else
        m_sizeWhenShown = true;
}

bool WindowLayout::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Show && !m_shownOnce) {
        m_shownOnce = true;
        if (m_sizeWhenShown)
            QTimer::singleShot(0, this, &WindowLayout::applyDefaultSizes);
        m_sizeWhenShown = false;
    }
    return QObject::eventFilter(watched, event);
}

void WindowLayout::arrangeDefault()
{
    m_window->setCorner(Qt::TopLeftCorner, Qt::LeftDockWidgetArea);
    m_window->setCorner(Qt::TopRightCorner, Qt::RightDockWidgetArea);
    m_window->setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    m_window->setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    QDockWidget *market = dock(QStringLiteral("marketWatchDock")), *chart = dock(QStringLiteral("chartDock")),
                *multiples = dock(QStringLiteral("smallMultiplesDock")), *server = dock(QStringLiteral("serverDock")),
                *clients = dock(QStringLiteral("clientsDock")), *rooms = dock(QStringLiteral("roomsDock")),
                *alerts = dock(QStringLiteral("alertsDock")), *fleet = dock(QStringLiteral("fleetDock")),
                *alertRules = dock(QStringLiteral("alertRulesDock"));
    for (QDockWidget *d : docks()) {
        d->setFloating(false);
        d->show();
    }
    m_window->addDockWidget(Qt::LeftDockWidgetArea, market);
    m_window->splitDockWidget(market, chart, Qt::Horizontal);
    m_window->splitDockWidget(chart, multiples, Qt::Vertical);
    m_window->addDockWidget(Qt::RightDockWidgetArea, server);
    m_window->addDockWidget(Qt::BottomDockWidgetArea, clients);
    m_window->tabifyDockWidget(clients, rooms);
    m_window->tabifyDockWidget(rooms, alerts);
    if (fleet)
        m_window->tabifyDockWidget(alerts, fleet);
    if (alertRules)
        m_window->tabifyDockWidget(fleet ? fleet : alerts, alertRules);
    QDockWidget *previous = chart;
    for (ChartPanel *extra : extraCharts())
        if (QDockWidget *d = dockOf(extra)) {
            m_window->splitDockWidget(previous, d, Qt::Horizontal);
            previous = d;
        }
    clients->raise();
}

void WindowLayout::applyDefaultSizes()
{
    QDockWidget *market = dock(QStringLiteral("marketWatchDock")), *chart = dock(QStringLiteral("chartDock")),
                *multiples = dock(QStringLiteral("smallMultiplesDock")), *server = dock(QStringLiteral("serverDock")),
                *clients = dock(QStringLiteral("clientsDock"));
    // Market watch wide enough for every column, the server panel for its labels; the charts
    // take the rest. Heights: charts over the clients, rooms and alerts tabs.
    const int side = std::max(480, market->widget()->sizeHint().width());
    const int height = m_window->height();
    m_window->resizeDocks({market, server}, {side, 360}, Qt::Horizontal);
    m_window->resizeDocks({chart, multiples, clients}, {height * 36 / 100, height * 30 / 100, height * 25 / 100},
                          Qt::Vertical);
}

} // namespace fx::gui
