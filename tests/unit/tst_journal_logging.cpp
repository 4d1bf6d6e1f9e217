// core/logging.h when stderr is the systemd journal (docs/OPERATIONS.md, "Logs"): JOURNAL_STREAM
// naming stderr's device and inode gives lines with the journal's priority prefix (sd-daemon's
// "<N>") and no timestamp of our own, every line of a message prefixed; a LOG_FILE keeps the
// timestamped format; a JOURNAL_STREAM naming another file (stderr redirected by hand) keeps the
// timestamped format on stderr too.

#include "core/logging.h"
#include "core/platform.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(testLog, "fx.test")

namespace {

// stderr goes into a pipe while it lives; drain() returns what was written.
class CapturedStderr
{
public:
    CapturedStderr()
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        if (::pipe2(m_pipe, O_CLOEXEC) != 0 || ::dup2(m_pipe[1], STDERR_FILENO) < 0)
            qFatal("cannot redirect stderr");
        ::fcntl(m_pipe[0], F_SETFL, O_NONBLOCK);
    }
    ~CapturedStderr()
    {
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        ::close(m_pipe[0]);
        ::close(m_pipe[1]);
    }
    // "device:inode" of the pipe, as systemd sets JOURNAL_STREAM for a service's stderr.
    QByteArray identity() const
    {
        struct stat st = {};
        ::fstat(m_pipe[1], &st);
        return QByteArray::number(qulonglong(st.st_dev)) + ':' + QByteArray::number(qulonglong(st.st_ino));
    }
    QByteArray drain()
    {
        std::fflush(stderr);
        QByteArray out;
        char buf[4096];
        ssize_t n;
        while ((n = ::read(m_pipe[0], buf, sizeof buf)) > 0)
            out.append(buf, n);
        return out;
    }

private:
    int m_saved = -1;
    int m_pipe[2] = {-1, -1};
};

const QRegularExpression kTimestamped(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));

} // namespace

class TestJournalLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { qunsetenv("JOURNAL_STREAM"); }

    void journalLinesCarryPriorities()
    {
        if (fx::core::platform::isPortableBuild())
            QSKIP("the portable build does not recognise the journal's stream (ARCHITECTURE.md, \"Platform seams\")");
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("fx.log"));
        QByteArray out;
        {
            CapturedStderr captured;
            qputenv("JOURNAL_STREAM", captured.identity());
            QVERIFY(fx::core::logging::journalStream());
            QString error;
            QVERIFY(fx::core::logging::setup(QStringLiteral("DEBUG"), file, &error));
            qCDebug(testLog) << "a debug line";
            qCInfo(testLog) << "an info line";
            qCWarning(testLog) << "a warning";
            qCCritical(testLog).noquote() << "first line\nsecond line";
            out = captured.drain();
        }
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY2(lines.size() >= 5, out.constData());
        QCOMPARE(lines.at(0), QByteArray("<7>fx.test: a debug line"));
        QCOMPARE(lines.at(1), QByteArray("<6>fx.test: an info line"));
        QCOMPARE(lines.at(2), QByteArray("<4>fx.test: a warning"));
        QCOMPARE(lines.at(3), QByteArray("<3>fx.test: first line"));
        QCOMPARE(lines.at(4), QByteArray("<3>second line"));

        // The file keeps timestamps and level names.
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        const QStringList fileLines = text.split(u'\n', Qt::SkipEmptyParts);
        QVERIFY2(fileLines.size() >= 4, qPrintable(text));
        QVERIFY2(kTimestamped.match(fileLines.at(2)).hasMatch(), qPrintable(fileLines.at(2)));
        QVERIFY(fileLines.at(2).endsWith(QStringLiteral(" WARN fx.test: a warning")));
    }

    // JOURNAL_STREAM inherited, but stderr is some other file now: our own format.
    void otherStreamKeepsTimestamps()
    {
        QByteArray out;
        {
            CapturedStderr captured;
            QByteArray other = captured.identity();
            other.append('7'); // another inode
            qputenv("JOURNAL_STREAM", other);
            QVERIFY(!fx::core::logging::journalStream());
            QString error;
            QVERIFY(fx::core::logging::setup(QStringLiteral("INFO"), {}, &error));
            qCWarning(testLog) << "a warning";
            qCDebug(testLog) << "filtered out at INFO";
            out = captured.drain();
        }
        QVERIFY2(kTimestamped.match(QString::fromUtf8(out)).hasMatch(), out.constData());
        QVERIFY(out.contains(" WARN fx.test: a warning\n"));
        QVERIFY(!out.contains("filtered out"));
        QVERIFY(!out.startsWith('<'));
    }

    void malformedStreamIsNotTheJournal()
    {
        CapturedStderr captured;
        for (const char *bad : {"", ":", "12", "x:y", "12:", ":34"}) {
            qputenv("JOURNAL_STREAM", bad);
            QVERIFY2(!fx::core::logging::journalStream(), bad);
        }
        qputenv("JOURNAL_STREAM", captured.identity());
        // The portable build never takes stderr for the journal (ARCHITECTURE.md, "Platform seams").
        QCOMPARE(fx::core::logging::journalStream(), !fx::core::platform::isPortableBuild());
    }
};

QTEST_GUILESS_MAIN(TestJournalLogging)
#include "tst_journal_logging.moc"
