#pragma once

// The server as the window controls it (toolbar, Server menu, tray, settings dialog): start,
// stop, restart (asking first when clients would be closed), copy its address, and what applying
// changed settings needs: server settings take effect when the server restarts (it offers to
// restart now), Redis settings at once (the subscriber reconnects), the others at the next start
// of the app. Keeps the settings for the next server start: the saved ones under the .env,
// environment and flag values that override them. GUI thread.

#include "core/settings.h"

#include <QObject>
#include <functional>
#include <optional>

class QAction;
class QWidget;

namespace fx::engine {
class Engine;
}

namespace fx::gui {

class EngineSampler;
struct GuiSettings;
class SettingsDialog;

class ServerControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerControl)

public:
    // The window's actions this enables and disables as the server starts and stops.
    struct Actions
    {
        QAction *start;
        QAction *stop;
        QAction *copyUrl;
        QAction *reloadTls = nullptr; // enabled while a TLS server runs (SECURITY.md, "TLS")
    };

    // Message boxes open over window.
    ServerControl(engine::Engine *engine, EngineSampler *sampler, const Actions &actions, QWidget *window);
    ~ServerControl() override;

    const core::Settings &effective() const { return m_effective; }

    bool start();
    // Tells the operator the server could not start (status bar and a message box).
    void showStartError(const QString &error);
    void stop();
    // Asks first when confirm is set and the server runs.
    void restart(bool confirm);
    void restartWith(const core::Settings &settings);
    // The settings dialog over the window (raised when already open). When it saves:
    // guiSettingsApplied, then what the changed settings need (applySettings).
    SettingsDialog *openSettings(const GuiSettings &gui);
    // What changed settings need (the dialog has saved them).
    void applySettings(const core::Settings &settings, const QStringList &changed);
    // The clients' WebSocket address on the clipboard (wss:// with TLS).
    void copyUrl();
    // Operator action: the running server re-reads its TLS certificate and key (clients stay);
    // the result is shown in the status bar, and a failure in a message box too.
    void reloadTls();
    void updateActions();
    // The app is quitting: a stopped server is no longer reported or restarted.
    void setQuitting() { m_quitting = true; }

Q_SIGNALS:
    void message(const QString &text, int ms);
    void guiSettingsApplied(const GuiSettings &gui);
    void startFailed(const QString &error);
    // After reloadTls: whether it worked and the one-line result.
    void tlsReloaded(bool ok, const QString &message);

private:
    void onServerStopped();
    void showMessage(const QString &text, int ms = 5000) { Q_EMIT message(text, ms); }
    // A window-modal question that does not block the event loop.
    void ask(const QString &title, const QString &text, const QString &yes, std::function<void()> onYes);

    engine::Engine *m_engine;
    EngineSampler *m_sampler;
    Actions m_actions;
    QWidget *m_window;
    core::Settings m_effective;
    std::optional<core::Settings> m_pendingRestart;
    bool m_quitting = false;
};

} // namespace fx::gui
