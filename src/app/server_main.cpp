// fxmonitor-server: the headless streaming server.

#include "app/runtime.h"
#include "app/services.h"
#include "app/signalwatcher.h"
#include "core/logging.h"
#include "core/version.h"
#include "server/streamserver.h"

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

    core::CommandLine cli(QStringLiteral("FX Monitor headless streaming server: plain JSON WebSocket and Socket.IO on one "
                                         "port, fed by the pipeline's Redis channels."),
                          core::CommandLine::All);
    if (auto rc = app::initialise(cli))
        return *rc;

    app::Services services(cli.settings());
    QString error;
    if (!services.start(&error)) {
        std::fprintf(stderr, "fxmonitor-server: %s\n", qPrintable(error));
        return 1;
    }
    // One machine-readable line for scripts and tests (the port matters when it was 0).
    std::printf("fxmonitor-server %s listening on %s:%u\n", fx::kVersion,
                qPrintable(services.server()->address().toString()), unsigned(services.server()->port()));
    std::fflush(stdout);

    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &services, [&](int sig) {
        qCInfo(fxCoreLog) << "signal" << sig << "received: shutting down";
        services.stop();
    });
    QObject::connect(&services, &app::Services::stopped, &application, &QCoreApplication::quit);
    return application.exec();
}
