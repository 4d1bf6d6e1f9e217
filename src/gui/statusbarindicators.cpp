#include "gui/statusbarindicators.h"

#include "gui/statusindicator.h"
#include "gui/statustext.h"
#include "gui/theme.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStatusBar>
#include <QToolBar>
#include <cmath>

namespace fx::gui {

StatusBarIndicators::StatusBarIndicators(QToolBar *toolbar, QStatusBar *statusBar)
{
    const QList<QPair<const char *, Shows>> inToolbar{
        {"toolbarServer", Shows::Server}, {"toolbarRedis", Shows::Redis}, {"toolbarDatabase", Shows::Database}};
    const QList<QPair<const char *, Shows>> inStatusBar{
        {"statusServer", Shows::Server},     {"statusClients", Shows::Clients}, {"statusRedis", Shows::Redis},
        {"statusDatabase", Shows::Database}, {"statusRate", Shows::Rate},       {"statusSessions", Shows::Sessions}};
    for (const auto &[name, shows] : inToolbar) {
        auto *i = new StatusIndicator(QString::fromLatin1(name), toolbar);
        toolbar->addWidget(i);
        m_entries.append({i, shows});
    }
    for (const auto &[name, shows] : inStatusBar) {
        auto *i = new StatusIndicator(QString::fromLatin1(name), statusBar);
        statusBar->addPermanentWidget(i);
        m_entries.append({i, shows});
    }
}

StatusBarIndicators::~StatusBarIndicators() = default;

void StatusBarIndicators::update(const StatusSnapshot &s)
{
    const StateText server = StatusText::server(s), redis = StatusText::redis(s), db = StatusText::database(s);
    for (const Entry &e : std::as_const(m_entries)) {
        switch (e.shows) {
        case Shows::Server: e.indicator->setState(server); break;
        case Shows::Redis: e.indicator->setState(redis); break;
        case Shows::Database: e.indicator->setState(db); break;
        case Shows::Clients: e.indicator->setState(StatusText::clients(s)); break;
        case Shows::Sessions: e.indicator->setState(StatusText::sessions(s)); break;
        case Shows::Rate:
            // Translated in the context it had in the main window (translations/*.ts).
            e.indicator->setState({QCoreApplication::translate("fx::gui::MainWindow", "%1 msg/s")
                                       .arg(s.monitorOnly // no server: no rate of its own (not zero)
                                                ? QStringLiteral("—")
                                                : QLocale().toString(qint64(std::llround(s.messagesPerSecond)))),
                                   s.serverRunning ? Theme::ok() : Theme::idle()});
            break;
        }
    }
}

StatusIndicator *StatusBarIndicators::indicator(const QString &objectName) const
{
    for (const Entry &e : m_entries)
        if (e.indicator->objectName() == objectName)
            return e.indicator;
    return nullptr;
}

} // namespace fx::gui
