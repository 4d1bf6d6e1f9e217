// fxmonitor-server: the headless streaming server.

#include "app/runtime.h"
#include "app/serverreload.h"
#include "app/servicenotifier.h"
#include "app/signalwatcher.h"
#include "core/logging.h"
#include "core/version.h"
#include "engine/engine.h"
#include "server/streamserver.h"
#include "server/tlscontext.h"

#include <QCoreApplication>

#include <cstdio>

using namespace fx;

int main(int argc, char **argv)
{
    app::preferUnixEventDispatcher();
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor-server"));
    QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fx::kVersion));

    core::CommandLine cli(
        QStringLiteral("FX Monitor headless streaming server: plain JSON WebSocket and Socket.IO on one "
                       "port, fed by the pipeline's Redis channels."),
        core::CommandLine::All);
    if (auto rc = app::initialise(cli))
        return *rc;

    // SECURITY.md, "TLS": bad certificate or key files are a configuration error (status 2,
    // one line naming the setting), found before anything starts.
    if (const core::Settings &s = cli.settings(); !s.tlsCert.isEmpty()) {
        QString error;
        if (!server::TlsContext::load(s.tlsCert, s.tlsKey, &error)) {
            std::fprintf(stderr, "fxmonitor-server: %s\n", qPrintable(error));
            return 2;
        }
    }

    engine::Engine product(cli.settings());
    product.marketDeltas()->setEnabled(false); // no window here to take the desktop's market feed
    product.setFleetMode(QStringLiteral("headless"));
    // systemd (docs/OPERATIONS.md, "The service"): readiness, stopping, the watchdog's pings
    // (from the event loop, once it runs).
    app::ServiceNotifier service;
    // Before anything is announced: a script that reads the "listening" line may stop the
    // server at once, and that SIGTERM must find the handler installed.
    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &product, [&](int sig) {
        qCInfo(fxCoreLog) << "signal" << sig << "received: shutting down";
        service.stopping(QStringLiteral("stopping: closing every client"));
        product.stop();
    });
    // SIGHUP: the settings read again, what can change at run time applied, the TLS files
    // re-read (the old ones stay when that fails); the log names what needs a restart.
    app::ServerReloader reloader(cli, product);
    QObject::connect(&signals, &app::SignalWatcher::reloadRequested, &product, [&] {
        qCInfo(fxCoreLog) << "SIGHUP received: reloading the settings";
        service.status(reloader.reload());
    });
    QString error;
    if (!product.start(&error)) {
        std::fprintf(stderr, "fxmonitor-server: %s\n", qPrintable(error));
        service.status(error); // systemctl status says why
        return 1;
    }
    // One machine-readable line for scripts and tests (the port matters when it was 0).
    std::printf("fxmonitor-server %s listening on %s:%u%s\n", fx::kVersion,
                qPrintable(product.server()->address().toString()), unsigned(product.server()->port()),
                product.server()->tlsEnabled() ? " (TLS)" : "");
    std::fflush(stdout);
    service.ready(QStringLiteral("listening on %1:%2%3, at most %4 clients")
                      .arg(product.server()->address().toString())
                      .arg(product.server()->port())
                      .arg(product.server()->tlsEnabled() ? QStringLiteral(" (TLS)") : QString())
                      .arg(cli.settings().maxClients));

    QObject::connect(&product, &engine::Engine::stopped, &application, &QCoreApplication::quit);
    return application.exec();
}
