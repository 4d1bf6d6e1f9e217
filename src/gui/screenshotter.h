#pragma once

// Saves PNG screenshots of the main window, each panel, the dark theme and the settings and
// client dialogs into a folder, then emits finished(). scripts/screenshots.sh runs the app
// with FXMONITOR_SCREENSHOTS=<folder> (and live data) to refresh docs/screenshots. GUI thread.

#include <QObject>
#include <QString>
#include <functional>

namespace fx::gui {

class MainWindow;

class Screenshotter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Screenshotter)

public:
    Screenshotter(MainWindow *window, QString folder, int warmUpMs, QObject *parent = nullptr);
    ~Screenshotter() override;
    void start();

Q_SIGNALS:
    void finished(int saved);

private:
    void next();
    void save(QWidget *widget, const QString &name);

    MainWindow *m_window;
    QString m_folder;
    int m_warmUpMs;
    QList<std::function<void()>> m_steps;
    int m_saved = 0;
};

} // namespace fx::gui
