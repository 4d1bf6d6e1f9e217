#include "core/logging.h"

#include "core/platform.h"
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
bool g_journal = false; // stderr is the journal: priorities, no timestamps (written under g_mutex)

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

// sd-daemon(3)'s prefixes: the syslog priority of the line.
const char *journalPriority(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "<7>";
    case QtInfoMsg: return "<6>";
    case QtWarningMsg: return "<4>";
    case QtCriticalMsg: return "<3>";
    case QtFatalMsg: return "<2>";
    }
    return "<6>";
}

void handler(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const QByteArray text = QByteArray(ctx.category ? ctx.category : "default") + ": " + msg.toUtf8();
    const QByteArray line = isoNow().toUtf8() + ' ' + levelName(type) + ' ' + text + '\n';
    {
        QMutexLocker lock(&g_mutex);
        if (g_journal) {
            // The journal splits lines into entries: every line gets the priority.
            QByteArray entry = journalPriority(type) + text;
            entry.replace('\n', QByteArray("\n") + journalPriority(type));
            entry += '\n';
            std::fwrite(entry.constData(), 1, size_t(entry.size()), stderr);
        } else {
            std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
        }
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

bool journalStream()
{
    const QByteArray value = qgetenv("JOURNAL_STREAM");
    const qsizetype colon = value.indexOf(':');
    if (colon <= 0)
        return false;
    bool devOk = false, inoOk = false;
    const qulonglong dev = value.left(colon).toULongLong(&devOk);
    const qulonglong ino = value.mid(colon + 1).toULongLong(&inoOk);
    return devOk && inoOk && platform::stderrIs(dev, ino);
}

bool setup(const QString &level, const QString &file, QString *error)
{
    const bool journal = journalStream();
    if (file.isEmpty()) {
        QMutexLocker lock(&g_mutex);
        if (g_file)
            std::fclose(g_file);
        g_file = nullptr;
        g_journal = journal;
    } else {
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
        g_journal = journal;
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
