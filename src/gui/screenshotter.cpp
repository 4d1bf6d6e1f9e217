#include "gui/screenshotter.h"

#include "gui/alertrulespanel.h"
#include "gui/alertspanel.h"
#include "gui/chartpanel.h"
#include "gui/clientsmodel.h"
#include "gui/clientspanel.h"
#include "gui/deskruledialog.h"
#include "gui/fleetpanel.h"
#include "gui/mainwindow.h"
#include "gui/pricechartview.h"
#include "gui/roomsmodel.h"
#include "gui/roomspanel.h"
#include "gui/settingsdialog.h"
#include "gui/tablepanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QMouseEvent>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <cstdio>

namespace fx::gui {

Screenshotter::Screenshotter(MainWindow *window, QString folder, int warmUpMs, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_folder(std::move(folder))
    , m_warmUpMs(warmUpMs)
{
}

Screenshotter::~Screenshotter() = default;

void Screenshotter::save(QWidget *widget, const QString &name)
{
    if (!widget)
        return;
    const QString path = QDir(m_folder).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path, "PNG")) {
        ++m_saved;
        std::printf("screenshot %s\n", qPrintable(path));
        std::fflush(stdout);
    }
}

void Screenshotter::start()
{
    QDir().mkpath(m_folder);
    MainWindow *w = m_window;
    auto raise = [w](const char *dock) {
        if (QDockWidget *d = w->dock(QString::fromLatin1(dock))) {
            d->show();
            d->raise();
        }
    };
    // The rooms panel shows its first two rooms' members; the clients panel highlights them.
    m_steps << [w] {
        QTreeView *v = w->roomsPanel()->table()->view();
        for (int r = 0; r < 2 && r < v->model()->rowCount(); ++r)
            v->expand(v->model()->index(r, 0));
        QTreeView *c = w->clientsPanel()->table()->view();
        for (int col = 0; col < c->model()->columnCount() - 1; ++col)
            c->resizeColumnToContents(col);
    };
    // A crosshair on the chart, as if the mouse were there.
    m_steps << [w] {
        PriceChartView *chart = w->chartPanel()->chart();
        const QPointF at(chart->width() * 0.62, chart->height() * 0.45);
        QMouseEvent move(QEvent::MouseMove, at, chart->mapToGlobal(at), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
        QApplication::sendEvent(chart->viewport(), &move);
    };
    m_steps << [this, w] { save(w, QStringLiteral("main")); };
    // GUI.md, "Alert rules": a desk rule sent to every client, through the New rule dialog (its
    // firings then show in the alerts panel with owner Desk).
    m_steps << [raise] { raise("alertRulesDock"); };
    m_steps << [this, w] {
        DeskRuleDialog *d = w->alertRulesPanel()->newRule();
        if (!d)
            return;
        d->findChild<QComboBox *>(QStringLiteral("pair"))->setCurrentText(QStringLiteral("EUR_USD"));
        auto *condition = d->findChild<QComboBox *>(QStringLiteral("condition"));
        condition->setCurrentIndex(condition->findData(QStringLiteral("change_pct")));
        d->findChild<QLineEdit *>(QStringLiteral("value"))->setText(QLocale().toString(0.02));
        auto *repeat = d->findChild<QComboBox *>(QStringLiteral("repeat"));
        repeat->setCurrentIndex(repeat->findData(QStringLiteral("cooldown")));
        d->findChild<QSpinBox *>(QStringLiteral("cooldown"))->setValue(30);
        d->findChild<QLineEdit *>(QStringLiteral("note"))->setText(QStringLiteral("fast move"));
        d->findChild<QCheckBox *>(QStringLiteral("broadcast"))->setChecked(true);
        save(d, QStringLiteral("desk-rule-dialog"));
        d->submit();
    };
    const QList<QPair<const char *, const char *>> panels{
        {"marketWatchDock", "market-watch"},
        {"chartDock", "price-chart"},
        {"smallMultiplesDock", "all-pairs"},
        {"serverDock", "server"},
        {"serverDock", "server-panel-latency"}, // ARCHITECTURE.md, "Delivery latency" (issue 14)
        {"clientsDock", "clients"},
        {"roomsDock", "rooms"},
        {"alertsDock", "alerts"},
        {"fleetDock", "fleet-panel"},
        {"alertRulesDock", "alert-rules"}, // GUI.md, "Alert rules" (issue 17)
    };
    for (const auto &[dock, file] : panels) {
        m_steps << [raise, dock = dock] { raise(dock); };
        if (qstrcmp(dock, "fleetDock") == 0) // every figure in view: columns as wide as their text
            m_steps << [w] {
                QTreeView *v = w->fleetPanel()->table()->view();
                for (int col = 0; col < v->model()->columnCount(); ++col)
                    if (!v->model()->headerData(col, Qt::Horizontal).toString().contains(u"trend", Qt::CaseInsensitive))
                        v->resizeColumnToContents(col);
            };
        m_steps << [this, w, dock = dock, file = file] {
            save(w->dock(QString::fromLatin1(dock)), QString::fromLatin1(file));
        };
    }
    m_steps << [raise, w] {
        raise("clientsDock");
        w->roomsPanel()->selectRoom(QStringLiteral("price_EUR_USD"));
    };
    m_steps << [this, w] { save(w->dock(QStringLiteral("clientsDock")), QStringLiteral("clients-room-highlight")); };
    m_steps << [w] {
        w->roomsPanel()->clearSelection();
        if (w->clientsModel()->rowCount() > 0)
            w->clientsPanel()->showDetails(0);
    };
    m_steps << [] {}; // the history arrives from storage
    m_steps << [this, w] {
        if (auto *d = w->clientsPanel()->findChild<QDialog *>(QStringLiteral("clientDetailsDialog"))) {
            save(d, QStringLiteral("client-details"));
            d->close();
        }
    };
    m_steps << [w] { w->openSettings(); };
    m_steps << [this, w] {
        if (SettingsDialog *d = w->findChild<SettingsDialog *>()) {
            save(d, QStringLiteral("settings"));
            // The Redis tab: a password field with its keyring note (SECURITY.md, "Secrets at rest").
            if (auto *tabs = d->findChild<QTabWidget *>(QStringLiteral("tabs"))) {
                tabs->setCurrentIndex(1);
                save(d, QStringLiteral("settings-redis"));
            }
            // A value the loader refuses, marked in place with the command line's message.
            d->setValue(QStringLiteral("REDIS_SENTINELS"), QStringLiteral("127.0.0.1:26379"));
            d->validate();
        }
    };
    m_steps << [this, w] {
        if (SettingsDialog *d = w->findChild<SettingsDialog *>()) {
            save(d, QStringLiteral("settings-invalid"));
            d->reject();
        }
    };
    m_steps << [w] {
        GuiSettings g = w->guiSettings();
        g.theme = ThemeMode::Dark;
        w->applyGuiSettings(g);
    };
    m_steps << [] {};
    m_steps << [this, w] { save(w, QStringLiteral("main-dark")); };
    m_steps << [w] {
        GuiSettings g = w->guiSettings();
        g.theme = ThemeMode::System;
        w->applyGuiSettings(g);
    };
    QTimer::singleShot(m_warmUpMs, this, &Screenshotter::next);
}

void Screenshotter::next()
{
    if (m_steps.isEmpty()) {
        Q_EMIT finished(m_saved);
        return;
    }
    m_steps.takeFirst()();
    QTimer::singleShot(600, this, &Screenshotter::next);
}

} // namespace fx::gui
