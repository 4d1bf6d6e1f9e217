#include "gui/currenttable.h"

#include "gui/tablepanel.h"
#include "gui/windowlayout.h"

#include <QApplication>
#include <QDateTime>

namespace fx::gui {

CurrentTable::CurrentTable(TablePanel *fallback, QObject *parent) : QObject(parent), m_fallback(fallback)
{
    connect(qApp, &QApplication::focusChanged, this, [this](QWidget *, QWidget *now) {
        for (QWidget *w = now; w; w = w->parentWidget())
            if (auto *t = qobject_cast<TablePanel *>(w)) {
                m_current = t;
                return;
            }
    });
}

CurrentTable::~CurrentTable() = default;

TablePanel *CurrentTable::table() const
{
    return m_current ? m_current.data() : m_fallback.data();
}

void CurrentTable::focusFilter()
{
    TablePanel *t = table();
    WindowLayout::raiseDockOf(t);
    t->focusFilter();
}

void CurrentTable::exportCsv()
{
    TablePanel *t = table();
    const QString name = t->objectName().isEmpty() ? QStringLiteral("table") : t->objectName();
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    t->exportCsvInteractive(QStringLiteral("%1-%2.csv").arg(name, time));
}

} // namespace fx::gui
