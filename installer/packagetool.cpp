// fxmonitor-package-tool: build-time helper of the Debian package (installer/CMakeLists.txt),
// never installed.
//   envfile OUT           writes /etc/fxmonitor/fxmonitor.env to OUT: every setting of settingSpecs()
//                         commented out with its default and help line, so it never drifts
//   icon SVG SIZE PNG     renders the application icon at SIZE x SIZE pixels

#include "core/settings.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

namespace {

// The packaged service's own values, each with the reason printed above it.
struct PackagedValue
{
    const char *value;
    const char *why;
};

const PackagedValue *packagedValue(const QString &name)
{
    // The database under the unit's StateDirectory= (installer/fxmonitor-server.service).
    static const PackagedValue db{"/var/lib/fxmonitor/fxmonitor.sqlite",
                                  "The service keeps its database in its state directory."};
    // Loopback until the operator chooses: a fresh installation serves nothing to the network
    // without authentication (docs/OPERATIONS.md, "Configure").
    static const PackagedValue host{"127.0.0.1",
                                    "The package listens on loopback only (behind nginx, or set the address)."};
    if (name == u"DB_PATH")
        return &db;
    if (name == u"WEBSOCKET_HOST")
        return &host;
    return nullptr;
}

int writeEnvFile(const char *path)
{
    FILE *out = std::fopen(path, "w");
    if (!out) {
        std::perror(path);
        return 1;
    }
    std::fprintf(out,
                 "# /etc/fxmonitor/fxmonitor.env: the settings of fxmonitor-server.service.\n"
                 "#\n"
                 "# Every setting is listed below with its help line and its default, commented out.\n"
                 "# Remove the \"#\" in front of a NAME=value line and change the value to set it.\n"
                 "# Values follow the .env format of docs/CONFIGURATION.md: NAME=value, \"quoted\" or\n"
                 "# 'quoted' values, # comments. The file may hold secrets (passwords, tokens): keep it\n"
                 "# readable by root and the fxmonitor group only (the package installs it 0640).\n"
                 "#\n"
                 "# Apply changes with \"systemctl reload fxmonitor-server\" (SIGHUP): the log says which\n"
                 "# changed settings took effect and which need \"systemctl restart fxmonitor-server\".\n"
                 "# Check a change first: fxmonitor-server --env-file /etc/fxmonitor/fxmonitor.env --print-config\n");
    QString group;
    for (const fx::core::SettingSpec &spec : fx::core::settingSpecs()) {
        if (spec.group != group) {
            group = spec.group;
            std::fprintf(out, "\n# ---- %s ----\n", qPrintable(group));
        }
        std::fprintf(out, "\n# %s (default: %s)\n", qPrintable(spec.help),
                     spec.defaultValue.isEmpty() ? "empty" : qPrintable(spec.defaultValue));
        std::fprintf(out, "#%s=%s\n", qPrintable(spec.name), qPrintable(spec.defaultValue));
        if (const PackagedValue *own = packagedValue(spec.name))
            std::fprintf(out, "# %s\n%s=%s\n", own->why, qPrintable(spec.name), own->value);
    }
    return std::fclose(out) == 0 ? 0 : 1;
}

int renderIcon(const QString &svg, int size, const QString &png)
{
    QSvgRenderer renderer(svg);
    if (!renderer.isValid() || size < 8 || size > 1024) {
        std::fprintf(stderr, "fxmonitor-package-tool: cannot render %s at %d px\n", qPrintable(svg), size);
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(png, "PNG")) {
        std::fprintf(stderr, "fxmonitor-package-tool: cannot write %s\n", qPrintable(png));
        return 1;
    }
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 3 && QByteArrayView(argv[1]) == "envfile")
        return writeEnvFile(argv[2]);
    if (argc == 5 && QByteArrayView(argv[1]) == "icon") {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return renderIcon(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toInt(),
                          QString::fromLocal8Bit(argv[4]));
    }
    std::fprintf(stderr, "usage: fxmonitor-package-tool envfile OUT | icon SVG SIZE PNG\n");
    return 2;
}
