#include "app/runtime.h"

#include "auth/tokenverifier.h"
#include "core/logging.h"
#include "core/platform.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cstdio>

namespace fx::app {

void raiseFileLimit()
{
    // Every client is a descriptor: take the hard limit.
    core::platform::raiseDescriptorLimit();
}

void preferUnixEventDispatcher()
{
    if (qEnvironmentVariableIsEmpty("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
}

std::optional<int> initialise(core::CommandLine &cli)
{
    if (auto rc = cli.process(QCoreApplication::arguments()))
        return rc;
    raiseFileLimit();
    const core::Settings &s = cli.settings();
    QString error;
    if (!core::logging::setup(s.logLevel, s.logFile, &error)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(QFileInfo(QCoreApplication::applicationFilePath()).fileName()),
                     qPrintable(error));
        return 2;
    }
    // SECURITY.md, "Tokens": the keys are loaded and checked before anything starts (exit 2).
    if (s.authMode == u"jwt" && !auth::TokenVerifier::fromSettings(s, &error)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(QFileInfo(QCoreApplication::applicationFilePath()).fileName()),
                     qPrintable(error));
        return 2;
    }
    return std::nullopt;
}

} // namespace fx::app
