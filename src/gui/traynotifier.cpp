#include "gui/traynotifier.h"

#include "core/timeutil.h"
#include "gui/alertsmodel.h"
#include "gui/enginesampler.h"
#include "gui/statustext.h"
#include "gui/trayicon.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QWidget>

namespace fx::gui {

// The strings keep the translation context they had in the main window (translations/*.ts).
TrayNotifier::TrayNotifier(QWidget *window, QAction *start, QAction *stop, QAction *quit)
    : QObject(window)
    , m_window(window)
{
    auto *menu = new QMenu(window);
    QAction *showHide = menu->addAction(QCoreApplication::translate("fx::gui::MainWindow", "Show or hide the window"));
    menu->addSeparator();
    menu->addAction(start);
    menu->addAction(stop);
    menu->addSeparator();
    menu->addAction(quit);
    m_tray = new TrayIcon(menu, this);
    connect(showHide, &QAction::triggered, this, &TrayNotifier::toggleWindow);
    connect(m_tray, &TrayIcon::activated, this, &TrayNotifier::toggleWindow);
    m_tray->show();
}

TrayNotifier::~TrayNotifier() = default;

void TrayNotifier::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
}

void TrayNotifier::setStatus(const StatusSnapshot &s)
{
    const bool redisOk = !s.hasRedis || s.redis.connected();
    const bool dbOk = !s.hasDatabase || s.database.ok();
    const TrayState state = !s.serverRunning && !s.monitorOnly
        ? TrayState::Stopped
        : (redisOk && dbOk ? TrayState::Serving : TrayState::Degraded);
    m_tray->setState(state,
                     QStringLiteral("FX Monitor\n%1\n%2\n%3\n%4")
                         .arg(StatusText::server(s).text, StatusText::clients(s).text, StatusText::redis(s).text,
                              StatusText::database(s).text));
}

void TrayNotifier::notifyAlerts(const QVector<AlertRow> &rows, const GuiSettings &gui)
{
    QVector<AlertRow> notify;
    // The desk's own alert rules (PROTOCOL.md, "Desk rules") always notify: the operator set them
    // for this; the other alerts by the severities chosen in the settings.
    for (const AlertRow &r : rows)
        if (gui.notifies(r.severity) || (r.type == u"price_alert" && r.owner == u"desk"))
            notify.append(r);
    if (notify.isEmpty())
        return;
    const qint64 now = core::nowMillis();
    if (now - m_lastNotifyMs < kNotifyIntervalMs) {
        m_heldNotifications += int(notify.size());
        return;
    }
    m_lastNotifyMs = now;
    const int more = m_heldNotifications;
    m_heldNotifications = 0;
    const AlertRow &first = notify.constFirst();
    const bool critical =
        std::any_of(notify.cbegin(), notify.cend(), [](const AlertRow &r) { return r.severity == u"critical"; });
    const QString title = notify.size() + more == 1
        ? QCoreApplication::translate("fx::gui::MainWindow", "%1 alert: %2")
              .arg(critical ? QCoreApplication::translate("fx::gui::MainWindow", "Critical")
                            : QCoreApplication::translate("fx::gui::MainWindow", "New"),
                   first.pairsText())
        : QCoreApplication::translate("fx::gui::MainWindow", "%n new alert(s)", nullptr, int(notify.size()) + more);
    m_tray->notify(title, first.message, critical ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
    Q_EMIT notified(title, first.message);
}

void TrayNotifier::notifyStillServing()
{
    m_tray->notify(QCoreApplication::translate("fx::gui::MainWindow", "FX Monitor is still serving"),
                   QCoreApplication::translate("fx::gui::MainWindow",
                                               "The server keeps running. Click the tray icon to open the window."),
                   QSystemTrayIcon::Information);
}

std::optional<CloseAction> TrayNotifier::askCloseAction()
{
    QMessageBox box(QMessageBox::Question, QCoreApplication::translate("fx::gui::MainWindow", "Keep serving?"),
                    QCoreApplication::translate("fx::gui::MainWindow",
                                                "FX Monitor can keep the server running in the system tray when its "
                                                "window closes; clients stay connected. What should closing the window "
                                                "do? (You will not be asked again; Settings > Desktop changes it.)"),
                    QMessageBox::NoButton, m_window);
    QPushButton *keep = box.addButton(QCoreApplication::translate("fx::gui::MainWindow", "Keep serving in the tray"),
                                      QMessageBox::AcceptRole);
    QPushButton *quit = box.addButton(QCoreApplication::translate("fx::gui::MainWindow", "Stop the server and quit"),
                                      QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == keep)
        return CloseAction::KeepInTray;
    if (box.clickedButton() == quit)
        return CloseAction::Quit;
    return std::nullopt;
}

bool TrayNotifier::isVisible() const
{
    return TrayIcon::isAvailable() && m_tray->isVisible();
}

void TrayNotifier::hide()
{
    m_tray->hide();
}

} // namespace fx::gui
