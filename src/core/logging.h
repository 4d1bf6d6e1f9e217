#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(fxCoreLog)

namespace fx::core::logging {

// Installs our message handler (UTC timestamp, level, category, message) writing to stderr
// and, when file is not empty, appending to that file. Level is LOG_LEVEL's value. Thread-safe.
// When stderr is the systemd journal (journalStream()), the stderr lines carry no timestamp
// and start with the journal's priority instead ("<4>" for a warning, sd-daemon(3)); the file
// keeps timestamps. Called again (SIGHUP), it applies the new level and reopens (or closes)
// the file.
bool setup(const QString &level, const QString &file, QString *error);

// stderr is connected to the journal: JOURNAL_STREAM ("device:inode", set by systemd for a
// service whose output goes to the journal) names the file stderr is.
bool journalStream();

// Category filter rules for a LOG_LEVEL value ("*.debug=false" ...).
QString filterRulesFor(const QString &level);

// Lets through at most `burst` messages per key per `windowMs`; counts the rest so the next
// allowed line can say how many were suppressed. Thread-safe.
class RateLimiter
{
public:
    explicit RateLimiter(int burst = 5, qint64 windowMs = 10000) : m_burst(burst), m_windowMs(windowMs) {}
    // True when a message may be logged; *suppressed receives how many were held back since.
    bool allow(const QString &key, qint64 *suppressed);

private:
    struct Slot
    {
        qint64 windowStart = 0;
        int used = 0;
        qint64 suppressed = 0;
    };
    QMutex m_mutex;
    QHash<QString, Slot> m_slots;
    QElapsedTimer m_clock;
    int m_burst;
    qint64 m_windowMs;
};

} // namespace fx::core::logging
