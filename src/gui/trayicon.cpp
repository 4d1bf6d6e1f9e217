#include "gui/trayicon.h"

#include "gui/theme.h"

#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace fx::gui {

TrayIcon::TrayIcon(QMenu *menu, QObject *parent) : QObject(parent)
{
    if (!isAvailable())
        return;
    m_tray = new QSystemTrayIcon(iconFor(m_state), this);
    m_tray->setContextMenu(menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT activated();
    });
}

TrayIcon::~TrayIcon() = default;

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

QIcon TrayIcon::appIcon()
{
    return QIcon(QStringLiteral(":/icons/fxmonitor.svg"));
}

QIcon TrayIcon::iconFor(TrayState state)
{
    QIcon icon;
    QSvgRenderer svg(QStringLiteral(":/icons/fxmonitor.svg"));
    const QColor colour =
        state == TrayState::Serving ? Theme::ok() : (state == TrayState::Degraded ? Theme::warning() : Theme::error());
    for (const int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        svg.render(&p, QRectF(0, 0, size, size));
        const double d = size * 0.46;
        const QRectF dot(size - d - 0.5, size - d - 0.5, d, d);
        p.setPen(QPen(Qt::white, std::max(1.0, size / 16.0)));
        p.setBrush(colour);
        p.drawEllipse(dot);
        p.end();
        icon.addPixmap(pm);
    }
    return icon;
}

void TrayIcon::setState(TrayState state, const QString &tooltip)
{
    if (!m_tray)
        return;
    if (state != m_state) {
        m_state = state;
        m_tray->setIcon(iconFor(state));
    }
    if (tooltip != m_tooltip) {
        m_tooltip = tooltip;
        m_tray->setToolTip(tooltip);
    }
}

void TrayIcon::notify(const QString &title, const QString &message, QSystemTrayIcon::MessageIcon icon)
{
    if (m_tray && m_tray->isVisible())
        m_tray->showMessage(title, message, icon, 8000);
}

void TrayIcon::show()
{
    if (m_tray)
        m_tray->show();
}

void TrayIcon::hide()
{
    if (m_tray)
        m_tray->hide();
}

bool TrayIcon::isVisible() const
{
    return m_tray && m_tray->isVisible();
}

} // namespace fx::gui
