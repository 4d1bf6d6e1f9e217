#include "support/serverprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTest>

#include <csignal>

namespace fx::test {

ServerProcess::ServerProcess(QString program) : m_program(std::move(program))
{
}

ServerProcess::~ServerProcess()
{
    if (isRunning()) {
        m_proc.kill();
        m_proc.waitForFinished(5000);
    }
}

bool ServerProcess::start(const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    QStringList all{QStringLiteral("--host"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                    QStringLiteral("0")};
    // Hermetic by default: unless the test names a Redis, point at a port where none listens,
    // so a redis-server that happens to run on this machine cannot leak data into the test.
    const bool namesRedis =
        std::any_of(args.begin(), args.end(), [](const QString &a) { return a.startsWith(QStringLiteral("--redis")); });
    if (!namesRedis) {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        all << QStringLiteral("--redis-host") << QStringLiteral("127.0.0.1") << QStringLiteral("--redis-port")
            << QString::number(probe.serverPort());
    }
    // Never the user's database: a throw-away SQLite file unless the test names one.
    const bool namesDb =
        std::any_of(args.begin(), args.end(), [](const QString &a) { return a.startsWith(QStringLiteral("--db")); })
        || env.contains(QStringLiteral("DB_PATH")) || env.contains(QStringLiteral("DB_HOST"));
    if (!namesDb)
        all << QStringLiteral("--db-path") << m_dbDir.filePath(QStringLiteral("test.sqlite"));
    all += args;
    QProcessEnvironment e = env;
    // An env file the test names may set the level (the environment would win over it).
    const bool namesEnvFile = args.contains(QStringLiteral("--env-file"));
    if (!e.contains(QStringLiteral("LOG_LEVEL")) && !namesEnvFile)
        e.insert(QStringLiteral("LOG_LEVEL"), QStringLiteral("INFO"));
    m_proc.setProcessEnvironment(e);
    m_proc.setProgram(m_program);
    m_proc.setArguments(all);
    m_proc.start();
    if (!m_proc.waitForStarted(timeoutMs))
        return false;
    static const QRegularExpression re(QStringLiteral("listening on ([^\\s]+):(\\d+)"));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < timeoutMs) {
        if (!m_proc.waitForReadyRead(100)) {
            if (m_proc.state() == QProcess::NotRunning)
                break;
            continue;
        }
        out += m_proc.readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(2).toUInt());
            return true;
        }
    }
    qWarning("server did not start: stdout=%s stderr=%s", out.constData(), m_proc.readAllStandardError().constData());
    return false;
}

QString ServerProcess::wsUrl(const QString &path) const
{
    return QStringLiteral("ws://127.0.0.1:%1%2").arg(m_port).arg(path);
}

namespace {
// Whether the process has installed a handler for sig (Linux: the SigCgt mask of
// /proc/<pid>/status); true when that cannot be read (the process is gone).
bool catchesSignal(qint64 pid, int sig)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return true;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("SigCgt:"))
            return (line.mid(7).trimmed().toULongLong(nullptr, 16) >> (sig - 1)) & 1;
    return true;
}
} // namespace

int ServerProcess::stop(int sig, int timeoutMs)
{
    if (!isRunning()) {
        if (m_proc.exitStatus() == QProcess::NormalExit)
            return m_proc.exitCode();
        qWarning().noquote() << "the server had crashed before it was stopped; its log ends:\n" << log().right(6000);
        return -1;
    }
    // A process may print its port before it installs its signal handlers: a signal in between
    // would kill it instead of stopping it. Wait until it handles the signal.
    if (sig != SIGKILL)
        (void)QTest::qWaitFor([&] { return !isRunning() || catchesSignal(m_proc.processId(), sig); }, 5000);
    ::kill(pid_t(m_proc.processId()), sig);
    if (!m_proc.waitForFinished(timeoutMs)) {
        m_proc.kill();
        m_proc.waitForFinished(5000);
        qWarning().noquote() << "the server did not stop within" << timeoutMs << "ms of signal" << sig
                             << "; its log ends:\n"
                             << log().right(4000);
        return -1;
    }
    if (m_proc.exitStatus() != QProcess::NormalExit) {
        qWarning().noquote() << "the server crashed when stopped (signal" << sig << "); its log ends:\n"
                             << log().right(4000);
        return -1;
    }
    return m_proc.exitCode();
}

QString ServerProcess::log()
{
    m_stderr += m_proc.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

int runProgram(const QString &program, const QStringList &args, QByteArray *out, QByteArray *err,
               const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace fx::test
