#include "core/logging.h"

#include "core/timeutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <cstdlib>

Q_LOGGING_CATEGORY(fxCoreLog, "fx.core")

namespace fx::core::logging {

namespace {

QMutex g_mutex;
FILE *g_file = nullptr;

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "DEBUG";
    case QtInfoMsg: return "INFO";
    case QtWarningMsg: return "WARN";
    case QtCriticalMsg: return "ERROR";
    case QtFatalMsg: return "FATAL";
    }
    return "INFO";
}

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const QByteArray line = isoNow().toUtf8() + ' ' + levelName(type) + ' ' + (ctx.category ? ctx.category : "default")
        + ": " + msg.toUtf8() + '\n';
    {
        QMutexLocker lock(&g_mutex);
        std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        if (g_file) {
            std::fwrite(line.constData(), 1, size_t(line.size()), g_file);
            std::fflush(g_file);
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

QString filterRulesFor(const QString &level)
{
    const QString l = level.toUpper();
    if (l == u"DEBUG")
        return QStringLiteral("*.debug=false\nfx.*.debug=true");
    if (l == u"WARNING" || l == u"WARN")
        return QStringLiteral("*.debug=false\n*.info=false");
    if (l == u"ERROR" || l == u"CRITICAL")
        return QStringLiteral("*.debug=false\n*.info=false\n*.warning=false");
    return QStringLiteral("*.debug=false");
}

bool setup(const QString &level, const QString &file, QString *error)
{
    if (!file.isEmpty()) {
        QDir().mkpath(QFileInfo(file).absolutePath());
        FILE *f = std::fopen(QFile::encodeName(file).constData(), "a");
        if (!f) {
            *error = QStringLiteral("invalid LOG_FILE \"%1\": cannot open it for writing").arg(file);
            return false;
        }
        QMutexLocker lock(&g_mutex);
        if (g_file)
            std::fclose(g_file);
        g_file = f;
    }
    QLoggingCategory::setFilterRules(filterRulesFor(level));
    qInstallMessageHandler(handler);
    return true;
}

bool RateLimiter::allow(const QString &key, qint64 *suppressed)
{
    QMutexLocker lock(&m_mutex);
    if (!m_clock.isValid())
        m_clock.start();
    const qint64 now = m_clock.elapsed();
    Slot &s = m_slots[key];
    if (s.used == 0 || now - s.windowStart >= m_windowMs) {
        s.windowStart = now;
        s.used = 0;
    }
    if (s.used < m_burst) {
        ++s.used;
        *suppressed = s.suppressed;
        s.suppressed = 0;
        return true;
    }
    ++s.suppressed;
    *suppressed = 0;
    return false;
}

} // namespace fx::core::logging
