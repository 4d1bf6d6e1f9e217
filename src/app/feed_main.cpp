// fxmonitor-feed: the simulated FX pipeline. Publishes prices, volatility and correlation
// alerts and data_ready notices to Redis (REDIS.md), from the model in src/feed or from
// a CSV replay; --dry-run prints the messages instead (docs/FEED.md).
//
// Threads: one. The live feed (feed/livefeed.h) runs on the main thread from QTimer slices;
// its Redis publisher is blocking and pipelined (one round trip per slice).

#include "app/runtime.h"
#include "app/signalwatcher.h"
#include "core/commandline.h"
#include "core/timeutil.h"
#include "core/version.h"
#include "feed/dryrun.h"
#include "feed/feedlog.h"
#include "feed/feedoptions.h"
#include "feed/feedsimulator.h"
#include "feed/livefeed.h"
#include "feed/replaysource.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <random>

using namespace fx;

int main(int argc, char **argv)
{
    app::preferUnixEventDispatcher();
    QCoreApplication application(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fxmonitor-feed"));
    QCoreApplication::setOrganizationName(QStringLiteral("FXMonitor"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(fx::kVersion));

    core::CommandLine cli(QStringLiteral("FX Monitor simulated pipeline: publishes prices, volatility and correlation "
                                         "alerts and data_ready notices to Redis (see docs/FEED.md)."),
                          core::CommandLine::Redis | core::CommandLine::Logging);
    feed::FeedOptions::addTo(cli.parser());
    if (auto rc = app::initialise(cli))
        return *rc;
    QString error;
    const std::optional<feed::FeedOptions> options = feed::FeedOptions::fromParser(cli.parser(), &error);
    if (!options) {
        std::fprintf(stderr, "fxmonitor-feed: %s\n", qPrintable(error));
        return 2;
    }
    const core::Settings &settings = cli.settings();
    const feed::FeedModel model(settings.pairs);

    std::unique_ptr<feed::FeedSimulator> sim;
    std::unique_ptr<feed::ReplaySource> replay;
    if (!options->replayFile.isEmpty()) {
        replay = std::make_unique<feed::ReplaySource>(options->replayFile, model, *options,
                                                      core::InstrumentSet(settings.pairs));
        if (!replay->open(&error)) {
            std::fprintf(stderr, "fxmonitor-feed: %s\n", qPrintable(error));
            return 2;
        }
        qCInfo(fxFeedLog).noquote() << "replaying" << options->replayFile << "at"
                                    << (options->speed > 0 ? QStringLiteral("%1x the recorded pace").arg(options->speed)
                                                           : QStringLiteral("full speed"));
    } else {
        feed::SimulatorConfig cfg;
        cfg.seed = options->seed ? *options->seed : (quint64(std::random_device{}()) << 32 | std::random_device{}());
        cfg.rate = options->rate;
        cfg.startMicros = options->startMicros
            ? *options->startMicros
            : (options->dryRun ? feed::FeedOptions::kDryRunEpoch : core::nowMicros());
        cfg.timeScale = options->timeScale;
        cfg.burstProbability = options->burstProbability;
        cfg.analytics = options->analytics;
        cfg.analyticsConfig = options->analyticsConfig;
        sim = std::make_unique<feed::FeedSimulator>(model, cfg);
        qCInfo(fxFeedLog).noquote()
            << QStringLiteral(
                   "simulating %1 pairs at %2 ticks/s from %3, seed %4 (--seed %4 --start-time %3 repeats this run)")
                   .arg(model.size())
                   .arg(options->rate)
                   .arg(core::isoTimestamp(cfg.startMicros))
                   .arg(cfg.seed);
    }

    if (options->dryRun > 0)
        return feed::runDryRun(settings, *options, sim.get(), replay.get());

    feed::LiveFeed live(settings, *options, sim.get(), replay.get());
    live.setFinishedHandler([] { QCoreApplication::exit(0); });
    app::SignalWatcher signals;
    QObject::connect(&signals, &app::SignalWatcher::terminationRequested, &application, [&](int sig) {
        qCInfo(fxFeedLog) << "signal" << sig << "received: stopping";
        live.stop();
        QCoreApplication::exit(0);
    });
    // From the event loop, so that a replay that ends at once can still quit it.
    QTimer::singleShot(0, &application, [&live] { live.start(); });
    return application.exec();
}
