// fxmonitor-conformance-server: the streaming server's Engine.IO / Socket.IO stack serving the
// echo application the upstream protocol test suites expect (engine.io-protocol and
// socket.io-protocol test-suite); see src/conformance.

#include "app/runtime.h"
#include "app/signalwatcher.h"
#include "conformance/conformanceserver.h"
#include "core/logging.h"
#include "core/version.h"
#include "server/streamserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QHostAddress>

#include <cstdio>

using namespace fx;

int main(int argc, char **argv)
{
    app::preferUnixEventDispatcher();
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor-conformance-server"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fx::kVersion));
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Engine.IO v4 / Socket.IO v5 server with the upstream test suites' profile."));
    p.addOption({QStringLiteral("host"), QStringLiteral("Listen address (default 127.0.0.1)."),
                 QStringLiteral("address"), QStringLiteral("127.0.0.1")});
    p.addOption({QStringLiteral("port"), QStringLiteral("Listen port (default 3000, 0: any)."), QStringLiteral("port"),
                 QStringLiteral("3000")});
    p.addOption({QStringLiteral("log-level"), QStringLiteral("DEBUG, INFO, WARNING, ERROR."), QStringLiteral("level"),
                 QStringLiteral("WARNING")});
    p.addHelpOption();
    p.addVersionOption();
    if (!p.parse(application.arguments())) {
        std::fprintf(stderr, "fxmonitor-conformance-server: %s\n", qPrintable(p.errorText()));
        return 2;
    }
    if (p.isSet(QStringLiteral("help"))) {
        std::fputs(qPrintable(p.helpText()), stdout);
        return 0;
    }
    if (p.isSet(QStringLiteral("version"))) {
        std::printf("fxmonitor-conformance-server %s\n", fx::kVersion);
        return 0;
    }
    bool ok = false;
    const uint port = p.value(QStringLiteral("port")).toUInt(&ok);
    const QHostAddress address(p.value(QStringLiteral("host")));
    if (!ok || port > 65535) {
        std::fprintf(stderr, "fxmonitor-conformance-server: invalid --port \"%s\"\n",
                     qPrintable(p.value(QStringLiteral("port"))));
        return 2;
    }
    if (address.isNull()) {
        std::fprintf(stderr, "fxmonitor-conformance-server: invalid --host \"%s\"\n",
                     qPrintable(p.value(QStringLiteral("host"))));
        return 2;
    }
    QString error;
    core::logging::setup(p.value(QStringLiteral("log-level")), {}, &error);
    app::raiseFileLimit();

    server::StreamServer server(conformance::serverOptions(address, quint16(port)));
    // Before the "listening" line: a test may stop the server as soon as it reads it.
    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &server, [&](int) { server.stop(); });
    if (!server.start(&error)) {
        std::fprintf(stderr, "fxmonitor-conformance-server: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("fxmonitor-conformance-server %s listening on %s:%u\n", fx::kVersion, qPrintable(address.toString()),
                unsigned(server.port()));
    std::fflush(stdout);
    QObject::connect(&server, &server::StreamServer::stopped, &application, &QCoreApplication::quit);
    return application.exec();
}
