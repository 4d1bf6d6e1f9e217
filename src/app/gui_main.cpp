// fxmonitor: the desktop app. The same server, Redis subscriber and storage as the headless
// fxmonitor-server (engine::Engine, each on its own threads), the same settings and flags, and
// the operator's window on the GUI thread.

#include "app/runtime.h"
#include "app/signalwatcher.h"
#include "core/logging.h"
#include "core/version.h"
#include "engine/engine.h"
#include "gui/guisettings.h"
#include "gui/mainwindow.h"
#include "gui/screenshotter.h"
#include "gui/translations.h"
#include "server/streamserver.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

using namespace fx;

int main(int argc, char **argv)
{
    app::preferUnixEventDispatcher();
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fx::kVersion));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("FX Monitor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("fxmonitor"));
    // The window decides when to quit: closing it may keep the server running in the tray.
    QApplication::setQuitOnLastWindowClosed(false);
    gui::initResources();
    gui::installTranslations(application);

    core::CommandLine cli(QCoreApplication::translate("main",
                                                      "FX Monitor desktop: the streaming server (plain JSON "
                                                      "WebSocket and Socket.IO) fed by the pipeline's Redis "
                                                      "channels, with the operator's window."),
                          core::CommandLine::All);
    cli.setStored(gui::loadStoredSettings()); // saved in the window; .env, environment and flags win
    if (auto rc = app::initialise(cli))
        return *rc;

    engine::Engine product(cli.settings());
    // The handlers are installed before the "listening" line (a script may stop the app as soon
    // as it reads it); the request is handled once the event loop runs, when the window exists.
    app::SignalWatcher signals;
    QString error;
    const bool serving = product.startKeepingPipeline(&error);
    if (serving) {
        // The same machine-readable line as fxmonitor-server, for scripts and tests.
        std::printf("fxmonitor %s listening on %s:%u\n", fx::kVersion,
                    qPrintable(product.server()->address().toString()), unsigned(product.server()->port()));
        std::fflush(stdout);
    } else {
        std::fprintf(stderr, "fxmonitor: %s (the window opens; change the settings and start the server from it)\n",
                     qPrintable(error));
    }

    gui::MainWindow window(&product);
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &window, [&window](int sig) {
        qCInfo(fxCoreLog) << "signal" << sig << "received: shutting down";
        window.quitApplication();
    });
    window.show();
    if (!serving)
        QTimer::singleShot(0, &window, [&window, error] { window.showStartError(error); });

    // scripts/screenshots.sh: FXMONITOR_SCREENSHOTS=<folder> saves the window and its panels, then quits.
    const QString shots = qEnvironmentVariable("FXMONITOR_SCREENSHOTS");
    if (!shots.isEmpty()) {
        const int warmUp = qEnvironmentVariableIntValue("FXMONITOR_SCREENSHOTS_DELAY_MS");
        auto *shooter = new gui::Screenshotter(&window, shots, warmUp > 0 ? warmUp : 8000, &window);
        QObject::connect(shooter, &gui::Screenshotter::finished, &window, [&window](int saved) {
            std::printf("%d screenshots saved\n", saved);
            std::fflush(stdout);
            window.quitApplication();
        });
        shooter->start();
    }
    return application.exec();
}
