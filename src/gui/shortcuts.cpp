#include "gui/shortcuts.h"

#include <QAction>
#include <QCoreApplication>
#include <QMessageBox>
#include <QWidget>

namespace fx::gui {

namespace {

QKeySequence keyOf(const Shortcuts::Entry &e)
{
    if (e.standard != QKeySequence::UnknownKey)
        if (const QKeySequence standard(e.standard); !standard.isEmpty())
            return standard;
    return QKeySequence(e.key);
}

} // namespace

// The descriptions keep the translation context they had in the main window (translations/*.ts).
const QList<Shortcuts::Entry> &Shortcuts::table()
{
    using K = QKeySequence;
    static const QList<Entry> entries{
        {Id::Filter, "actionFilter", K::UnknownKey, Qt::CTRL | Qt::Key_F,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Filter the focused table")},
        {Id::Copy, nullptr, K::Copy, Qt::CTRL | Qt::Key_C,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Copy the selected rows")},
        {Id::ExportCsv, "actionExportCsv", K::UnknownKey, Qt::CTRL | Qt::Key_E,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Export the focused table as CSV")},
        {Id::Acknowledge, "actionAcknowledge", K::UnknownKey, Qt::CTRL | Qt::Key_K,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Acknowledge the selected alerts")},
        {Id::AcknowledgeAll, "actionAcknowledgeAll", K::UnknownKey, Qt::CTRL | Qt::SHIFT | Qt::Key_K,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Acknowledge every alert matching the filter")},
        {Id::RestartServer, "actionRestart", K::UnknownKey, QKeyCombination(Qt::Key_F5),
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Restart the server (asks first)")},
        {Id::Settings, "actionSettings", K::UnknownKey, Qt::CTRL | Qt::Key_Comma,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Settings")},
        {Id::Disconnect, nullptr, K::Delete, QKeyCombination(Qt::Key_Delete),
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Disconnect the selected clients")},
        {Id::Quit, "actionQuit", K::Quit, Qt::CTRL | Qt::Key_Q,
         QT_TRANSLATE_NOOP("fx::gui::MainWindow", "Stop the server and quit")},
    };
    return entries;
}

QKeySequence Shortcuts::key(Id id)
{
    for (const Entry &e : table())
        if (e.id == id)
            return keyOf(e);
    return {};
}

void Shortcuts::assign(QWidget *window)
{
    for (const Entry &e : table())
        if (e.action)
            if (auto *a = window->findChild<QAction *>(QString::fromLatin1(e.action)))
                a->setShortcut(keyOf(e));
}

void Shortcuts::showHelp(QWidget *parent)
{
    QString html = QStringLiteral("<table cellspacing=6>");
    for (const Entry &e : table()) {
        const QString key = keyOf(e).toString(QKeySequence::NativeText); // "Strg+F" in German
        const QString what = QCoreApplication::translate("fx::gui::MainWindow", e.description);
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(key, what.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    auto *box = new QMessageBox(QMessageBox::Information,
                                QCoreApplication::translate("fx::gui::MainWindow", "Keyboard shortcuts"), html,
                                QMessageBox::Ok, parent);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace fx::gui
