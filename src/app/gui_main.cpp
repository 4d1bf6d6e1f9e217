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
#include "gui/secretstore.h"
#include "gui/translations.h"
#include "server/streamserver.h"

#include <QApplication>
#include <QCommandLineOption>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace fx;

namespace {

// After the settings are known: the engine, the window and the reports about the keyring.
void startDesktop(const core::Settings &settings, const QMap<QString, QString> &plainText,
                  std::unique_ptr<engine::Engine> &product, std::unique_ptr<app::SignalWatcher> &signals,
                  std::unique_ptr<gui::MainWindow> &window)
{
    product = std::make_unique<engine::Engine>(settings);
    product->watchFleet(); // the fleet panel (ARCHITECTURE.md, "Fleet watch")
    // The handlers are installed before the "listening" line (a script may stop the app as soon
    // as it reads it); the request is handled once the event loop runs, when the window exists.
    signals = std::make_unique<app::SignalWatcher>();
    QString error;
    const bool serving = product->startKeepingPipeline(&error);
    if (serving && product->monitorOnly()) {
        // Machine-readable too: scripts and tests wait for it.
        std::printf("fxmonitor %s monitor-only: no embedded server\n", fx::kVersion);
        std::fflush(stdout);
    } else if (serving) {
        // The same machine-readable line as fxmonitor-server, for scripts and tests.
        std::printf("fxmonitor %s listening on %s:%u\n", fx::kVersion,
                    qPrintable(product->server()->address().toString()), unsigned(product->server()->port()));
        std::fflush(stdout);
    } else {
        std::fprintf(stderr, "fxmonitor: %s (the window opens; change the settings and start the server from it)\n",
                     qPrintable(error));
    }

    window = std::make_unique<gui::MainWindow>(product.get());
    gui::MainWindow *w = window.get();
    QObject::connect(signals.get(), &app::SignalWatcher::terminationRequested, w, [w](int sig) {
        qCInfo(fxCoreLog) << "signal" << sig << "received: shutting down";
        w->quitApplication();
    });
    w->show();
    if (!serving)
        QTimer::singleShot(0, w, [w, error] { w->showStartError(error); });

    // SECURITY.md, "Secrets at rest": say when secrets cannot be kept, never what they are.
    gui::SecretStore *keyring = gui::SecretStore::instance();
    auto tell = [w](const QString &text) { w->statusBar()->showMessage(text, 30000); };
    if (!keyring->isAvailable()) {
        QString text = gui::SecretStore::noKeyringText();
        if (!plainText.isEmpty())
            text += QCoreApplication::translate("main", " (%1 stays in plain text in %2 until a keyring is available)")
                        .arg(plainText.keys().join(QStringLiteral(", ")), QSettings().fileName());
        std::fprintf(stderr, "fxmonitor: %s: %s\n", qPrintable(text), qPrintable(keyring->problem()));
        QTimer::singleShot(0, w, [tell, text] { tell(text); });
    }
    QObject::connect(keyring, &gui::SecretStore::saveFinished, w,
                     [tell](const QStringList &names, const QString &saveError) {
                         if (!saveError.isEmpty())
                             tell(QCoreApplication::translate("main",
                                                              "%1 not saved in the system keyring (%2): used "
                                                              "for this session only")
                                      .arg(names.join(QStringLiteral(", ")), saveError));
                     });
    QObject::connect(keyring, &gui::SecretStore::migrated, w, [tell](const QString &name, const QString &moveError) {
        if (!moveError.isEmpty())
            tell(QCoreApplication::translate("main",
                                             "%1 stays in plain text in the settings file: the system "
                                             "keyring refused it (%2)")
                     .arg(name, moveError));
    });

    // scripts/screenshots.sh: FXMONITOR_SCREENSHOTS=<folder> saves the window and its panels, then quits.
    const QString shots = qEnvironmentVariable("FXMONITOR_SCREENSHOTS");
    if (!shots.isEmpty()) {
        const int warmUp = qEnvironmentVariableIntValue("FXMONITOR_SCREENSHOTS_DELAY_MS");
        auto *shooter = new gui::Screenshotter(w, shots, warmUp > 0 ? warmUp : 8000, w);
        QObject::connect(shooter, &gui::Screenshotter::finished, w, [w](int saved) {
            std::printf("%d screenshots saved\n", saved);
            std::fflush(stdout);
            w->quitApplication();
        });
        shooter->start();
    }
}

} // namespace

int main(int argc, char **argv)
{
    // The language: --lang, else Settings > Language, else the system's (GUI.md, "Languages").
    // Checked first (a wrong code is refused even without a display), installed before anything
    // is translated, the help text included.
    QStringList rawArguments;
    for (int i = 0; i < argc; ++i)
        rawArguments << QString::fromLocal8Bit(argv[i]);
    QString langError;
    const std::optional<QString> lang = gui::languageArgument(rawArguments, &langError);
    if (!langError.isEmpty()) {
        std::fprintf(stderr, "fxmonitor: %s\n", qPrintable(langError));
        return 2;
    }
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
    gui::installTranslations(application, gui::localeFor(lang.value_or(gui::GuiSettings::load().language)));

    core::CommandLine cli(QCoreApplication::translate("main",
                                                      "FX Monitor desktop: the streaming server (plain JSON "
                                                      "WebSocket and Socket.IO) fed by the pipeline's Redis "
                                                      "channels, with the operator's window."),
                          core::CommandLine::All);
    // Monitor-only desk (CONFIGURATION.md, EMBEDDED_SERVER): no embedded server, no port.
    cli.addSwitch(
        QStringLiteral("no-server"), QStringLiteral("EMBEDDED_SERVER"), QStringLiteral("false"),
        QCoreApplication::translate("main",
                                    "Monitor-only desk: no embedded server (EMBEDDED_SERVER=false); watch the "
                                    "fleet, prices and alerts through Redis and the shared database."));
    cli.parser().addOption(
        QCommandLineOption(QStringLiteral("lang"),
                           QCoreApplication::translate(
                               "main", "Language of the window: %1 (default: Settings > Language, else the system's)")
                               .arg(gui::availableLanguageCodes()),
                           QStringLiteral("code")));
    // Saved in the window; .env, environment and flags win. Secrets are in the system keyring
    // (SECURITY.md, "Secrets at rest"): read before the engine starts, asynchronously and
    // bounded, so a hung keyring delays the start by FXMONITOR_KEYRING_TIMEOUT_MS at most.
    const QMap<QString, QString> saved = gui::loadStoredSettings();
    QMap<QString, QString> plainText; // secrets an earlier version saved in the file
    for (auto it = saved.cbegin(); it != saved.cend(); ++it)
        if (core::isSecretSetting(it.key()))
            plainText.insert(it.key(), it.value());
    cli.setStored(saved);

    std::unique_ptr<engine::Engine> product;
    std::unique_ptr<app::SignalWatcher> signals;
    std::unique_ptr<gui::MainWindow> window;
    gui::SecretStore *keyring = gui::SecretStore::instance();
    auto startUp = [&] {
        QMap<QString, QString> fromKeyring = keyring->secrets();
        for (const QString &name : plainText.keys())
            fromKeyring.remove(name); // the file's copy is newer: it is moved to the keyring below
        cli.setKeyring(fromKeyring);
        if (auto rc = app::initialise(cli)) {
            QCoreApplication::exit(*rc);
            return;
        }
        if (!plainText.isEmpty())
            keyring->migrate(plainText);
        startDesktop(cli.settings(), plainText, product, signals, window);
    };
    const QStringList args = QCoreApplication::arguments();
    const bool noKeyring = args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))
        || args.contains(QStringLiteral("--version")) || args.contains(QStringLiteral("-v"));
    if (noKeyring) {
        QTimer::singleShot(0, &application, startUp);
    } else {
        QObject::connect(keyring, &gui::SecretStore::loadFinished, &application, startUp, Qt::SingleShotConnection);
        const int timeoutMs = qEnvironmentVariableIntValue("FXMONITOR_KEYRING_TIMEOUT_MS");
        keyring->load(timeoutMs > 0 ? timeoutMs : 5000);
    }
    const int rc = application.exec();
    window.reset();
    signals.reset();
    product.reset();
    return rc;
}
