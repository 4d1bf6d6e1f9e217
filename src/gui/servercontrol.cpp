#include "gui/servercontrol.h"

#include "engine/engine.h"
#include "engine/fleetwatch.h"
#include "gui/enginesampler.h"
#include "gui/guisettings.h"
#include "gui/settingsdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMessageBox>
#include <QPushButton>

namespace fx::gui {

// The strings keep the translation context they had in the main window (translations/*.ts);
// lupdate needs the context spelled out at every call.

ServerControl::ServerControl(engine::Engine *engine, EngineSampler *sampler, const Actions &actions, QWidget *window)
    : QObject(window)
    , m_engine(engine)
    , m_sampler(sampler)
    , m_actions(actions)
    , m_window(window)
    , m_effective(engine->settings())
{
    connect(m_engine, &engine::Engine::serverStopped, this, &ServerControl::onServerStopped);
    connect(m_engine, &engine::Engine::serverStarted, this, &ServerControl::updateActions);
}

ServerControl::~ServerControl() = default;

void ServerControl::updateActions()
{
    const bool running = m_engine->serverRunning();
    m_actions.start->setEnabled(!running && !m_pendingRestart && !m_engine->monitorOnly());
    m_actions.stop->setEnabled(running);
    m_actions.copyUrl->setEnabled(running);
    if (m_actions.reloadTls)
        m_actions.reloadTls->setEnabled(running && m_engine->serverTls());
    m_sampler->refreshSoon();
}

bool ServerControl::start()
{
    if (m_engine->serverRunning())
        return true;
    QString error;
    if (!m_engine->startServer(m_effective, &error)) {
        showStartError(error);
        updateActions();
        Q_EMIT startFailed(error);
        return false;
    }
    showMessage(QCoreApplication::translate("fx::gui::MainWindow", "Server started"));
    updateActions();
    return true;
}

void ServerControl::showStartError(const QString &error)
{
    showMessage(QCoreApplication::translate("fx::gui::MainWindow", "The server could not start: %1").arg(error), 15000);
    auto *box =
        new QMessageBox(QMessageBox::Warning, QCoreApplication::translate("fx::gui::MainWindow", "Server not started"),
                        QCoreApplication::translate("fx::gui::MainWindow",
                                                    "The server could not start: %1\n\nChange the address or "
                                                    "port in Settings (Ctrl+,), then start it again.")
                            .arg(error),
                        QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void ServerControl::stop()
{
    if (!m_engine->serverRunning())
        return;
    showMessage(QCoreApplication::translate("fx::gui::MainWindow",
                                            "Stopping the server: clients are closed with 1001 (going away)"));
    m_engine->stopServer();
    m_actions.stop->setEnabled(false);
}

void ServerControl::restart(bool confirm)
{
    if (!confirm || !m_engine->serverRunning()) {
        restartWith(m_effective);
        return;
    }
    const int n = m_sampler->lastStatus().stats.connectedClients;
    ask(QCoreApplication::translate("fx::gui::MainWindow", "Restart the server"),
        QCoreApplication::translate("fx::gui::MainWindow",
                                    "Restart the server with the saved settings? The %n connected client(s) will be "
                                    "closed with 1001 (going away) and may reconnect.",
                                    nullptr, n),
        QCoreApplication::translate("fx::gui::MainWindow", "Restart"), [this] { restartWith(m_effective); });
}

void ServerControl::restartWith(const core::Settings &settings)
{
    m_effective = settings;
    if (!m_engine->serverRunning()) {
        start();
        return;
    }
    m_pendingRestart = settings;
    showMessage(QCoreApplication::translate("fx::gui::MainWindow", "Restarting the server…"));
    m_engine->stopServer();
    updateActions();
}

void ServerControl::onServerStopped()
{
    if (m_quitting)
        return;
    if (m_pendingRestart) {
        m_pendingRestart.reset();
        start();
        return;
    }
    showMessage(QCoreApplication::translate("fx::gui::MainWindow", "Server stopped"));
    updateActions();
}

SettingsDialog *ServerControl::openSettings(const GuiSettings &gui)
{
    if (auto *open = m_window->findChild<SettingsDialog *>(QString(), Qt::FindDirectChildrenOnly)) {
        open->raise();
        open->activateWindow();
        return open;
    }
    auto *dialog = new SettingsDialog(m_effective, loadStoredSettings(), gui, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SettingsDialog::applied, this,
            [this](const core::Settings &settings, const QStringList &changed, const GuiSettings &chosen) {
                Q_EMIT guiSettingsApplied(chosen);
                applySettings(settings, changed);
            });
    dialog->open();
    return dialog;
}

void ServerControl::applySettings(const core::Settings &settings, const QStringList &changed)
{
    m_effective = settings;
    bool server = false, redis = false;
    QStringList later;
    for (const QString &name : changed) {
        server = server || SettingsDialog::needsServerRestart(name);
        redis = redis || SettingsDialog::needsRedisRestart(name);
        if (SettingsDialog::needsAppRestart(name))
            later << name;
    }
    if (changed.contains(QStringLiteral("FLEET_STALE_SECONDS")) && m_engine->fleet())
        m_engine->fleet()->setStaleSeconds(settings.fleetStaleSeconds); // at once, nothing restarts
    if (redis) {
        m_engine->restartRedis(settings);
        showMessage(QCoreApplication::translate("fx::gui::MainWindow", "Redis settings applied: reconnecting"));
    }
    if (server && m_engine->serverRunning())
        ask(QCoreApplication::translate("fx::gui::MainWindow", "Restart the server"),
            QCoreApplication::translate("fx::gui::MainWindow",
                                        "The new server settings apply when the server restarts. Restart it now?"),
            QCoreApplication::translate("fx::gui::MainWindow", "Restart"), [this] { restartWith(m_effective); });
    else if (server)
        showMessage(
            QCoreApplication::translate("fx::gui::MainWindow", "The new server settings apply when the server starts"));
    if (!later.isEmpty()) {
        auto *box = new QMessageBox(
            QMessageBox::Information, QCoreApplication::translate("fx::gui::MainWindow", "Settings saved"),
            QCoreApplication::translate("fx::gui::MainWindow", "%1 take effect when FX Monitor is started again.")
                .arg(later.join(QStringLiteral(", "))),
            QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void ServerControl::copyUrl()
{
    if (!m_engine->serverRunning())
        return;
    const QHostAddress address = m_engine->listenAddress();
    QString host = address.toString();
    if (address.isNull() || host == u"0.0.0.0" || host == u"::")
        host = QStringLiteral("localhost");
    const QString url = QStringLiteral("%1://%2:%3/ws")
                            .arg(m_engine->serverTls() ? QStringLiteral("wss") : QStringLiteral("ws"), host)
                            .arg(m_engine->listenPort());
    QApplication::clipboard()->setText(url);
    showMessage(QCoreApplication::translate("fx::gui::MainWindow", "Copied %1").arg(url));
}

void ServerControl::reloadTls()
{
    QString message;
    const bool ok = m_engine->reloadTls(&message); // two small files; no socket, no shard waited on
    if (ok) {
        showMessage(QCoreApplication::translate("fx::gui::MainWindow", "TLS certificate reloaded: %1").arg(message),
                    15000);
    } else {
        showMessage(QCoreApplication::translate("fx::gui::MainWindow", "TLS certificate not reloaded: %1").arg(message),
                    15000);
        auto *box = new QMessageBox(
            QMessageBox::Warning, QCoreApplication::translate("fx::gui::MainWindow", "TLS certificate not reloaded"),
            QCoreApplication::translate("fx::gui::MainWindow",
                                        "The TLS certificate was not reloaded: %1\n\nThe server keeps serving the "
                                        "previous certificate; connected clients are not affected.")
                .arg(message),
            QMessageBox::Ok, m_window);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT tlsReloaded(ok, message);
}

void ServerControl::ask(const QString &title, const QString &text, const QString &yes, std::function<void()> onYes)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::Cancel, m_window);
    QPushButton *ok = box->addButton(yes, QMessageBox::AcceptRole);
    box->setDefaultButton(ok);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [ok, onYes = std::move(onYes)](QAbstractButton *b) {
        if (b == ok)
            onYes();
    });
    box->open();
}

} // namespace fx::gui
