// fxmonitor-server: the headless streaming server.

#include "app/runtime.h"
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
    // Before anything is announced: a script that reads the "listening" line may stop the
    // server at once, and that SIGTERM must find the handler installed.
    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &product, [&](int sig) {
        qCInfo(fxCoreLog) << "signal" << sig << "received: shutting down";
        product.stop();
    });
    // SIGHUP with TLS: re-read the certificate and key (the old ones stay when that fails).
    // Without TLS, SIGHUP stops the server as it always did.
    if (!cli.settings().tlsCert.isEmpty())
        QObject::connect(&signals, &app::SignalWatcher::reloadRequested, &product, [&] {
            QString message; // the server logs the outcome either way
            product.reloadTls(&message);
        });
    QString error;
    if (!product.start(&error)) {
        std::fprintf(stderr, "fxmonitor-server: %s\n", qPrintable(error));
        return 1;
    }
    // One machine-readable line for scripts and tests (the port matters when it was 0).
    std::printf("fxmonitor-server %s listening on %s:%u%s\n", fx::kVersion,
                qPrintable(product.server()->address().toString()), unsigned(product.server()->port()),
                product.server()->tlsEnabled() ? " (TLS)" : "");
    std::fflush(stdout);

    QObject::connect(&product, &engine::Engine::stopped, &application, &QCoreApplication::quit);
    return application.exec();
}
