#include "gui/theme.h"

#include <QActionGroup>
#include <QApplication>
#include <QCoreApplication>
#include <QHash>
#include <QMenu>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QStyle>
#include <QStyleFactory>

namespace fx::gui {

namespace {
struct ThemeState
{
    bool captured = false;
    QPalette systemPalette;
    QString systemStyle;
    ThemeMode mode = ThemeMode::System;
};
ThemeState &state()
{
    static ThemeState s;
    return s;
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x8a));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x37, 0x3a));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    p.setColor(QPalette::Mid, QColor(0x45, 0x47, 0x4a));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Light, QColor(0x50, 0x52, 0x55));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    return p;
}
} // namespace

void Theme::apply(ThemeMode mode)
{
    ThemeState &s = state();
    if (!s.captured) {
        s.systemPalette = QApplication::palette();
        s.systemStyle = QApplication::style() ? QApplication::style()->name() : QString();
        s.captured = true;
    }
    s.mode = mode;
    switch (mode) {
    case ThemeMode::System:
        if (!s.systemStyle.isEmpty() && QApplication::style()->name() != s.systemStyle)
            QApplication::setStyle(QStyleFactory::create(s.systemStyle));
        QApplication::setPalette(s.systemPalette);
        break;
    case ThemeMode::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case ThemeMode::Dark:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        break;
    }
}

ThemeMode Theme::mode()
{
    return state().mode;
}

// The labels keep the translation context they had in the main window (translations/*.ts).
QMenu *Theme::addMenu(QMenu *into, ThemeMode current, const std::function<void(ThemeMode)> &chosen)
{
    QMenu *menu = into->addMenu(QCoreApplication::translate("fx::gui::MainWindow", "&Theme"));
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, ThemeMode>> modes{
        {QCoreApplication::translate("fx::gui::MainWindow", "Follow the &system"), ThemeMode::System},
        {QCoreApplication::translate("fx::gui::MainWindow", "&Light"), ThemeMode::Light},
        {QCoreApplication::translate("fx::gui::MainWindow", "&Dark"), ThemeMode::Dark}};
    for (const auto &[label, mode] : modes) {
        QAction *a = menu->addAction(label);
        a->setCheckable(true);
        a->setChecked(current == mode);
        a->setObjectName(QStringLiteral("theme%1").arg(int(mode)));
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, menu, [chosen, mode = mode] { chosen(mode); });
    }
    return menu;
}

bool Theme::isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

QColor Theme::up()
{
    return isDark() ? QColor(0x64, 0xb5, 0xf6) : QColor(0x15, 0x65, 0xc0);
}

QColor Theme::down()
{
    return isDark() ? QColor(0xef, 0x6b, 0x6b) : QColor(0xc6, 0x28, 0x28);
}

QColor Theme::stale()
{
    return isDark() ? QColor(0x80, 0x80, 0x80) : QColor(0x9e, 0x9e, 0x9e);
}

QColor Theme::flash(int direction)
{
    QColor c = direction > 0 ? up() : down();
    c.setAlpha(isDark() ? 90 : 60);
    return c;
}

QColor Theme::highlight()
{
    return isDark() ? QColor(0x4a, 0x40, 0x10) : QColor(0xff, 0xf3, 0xc4);
}

QColor Theme::ok()
{
    return isDark() ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
}

QColor Theme::warning()
{
    return isDark() ? QColor(0xff, 0xc1, 0x07) : QColor(0xe0, 0x8e, 0x00);
}

QColor Theme::error()
{
    return isDark() ? QColor(0xff, 0x52, 0x52) : QColor(0xd3, 0x2f, 0x2f);
}

QColor Theme::idle()
{
    return QColor(0x9e, 0x9e, 0x9e);
}

QColor Theme::severity(const QString &severity)
{
    if (severity == u"critical")
        return error();
    if (severity == u"warning")
        return warning();
    return isDark() ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x75, 0x75, 0x75);
}

QIcon Theme::severityIcon(const QString &severity)
{
    static QHash<QString, QIcon> cache;
    const QString key = severity == u"critical" || severity == u"warning" ? severity : QStringLiteral("info");
    auto it = cache.find(key);
    if (it == cache.end())
        it = cache.insert(key, QIcon(QStringLiteral(":/icons/severity-%1.svg").arg(key)));
    return *it;
}

QIcon Theme::dot(const QColor &colour, int size)
{
    QPixmap pm(size * 2, size * 2);
    pm.setDevicePixelRatio(2);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(colour.darker(140), 1));
    p.setBrush(colour);
    p.drawEllipse(QRectF(1.5, 1.5, size - 3, size - 3));
    return QIcon(pm);
}

} // namespace fx::gui
