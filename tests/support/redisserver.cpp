#include "support/redisserver.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTcpServer>
#include <QTest>

#include <csignal>

namespace fx::test {

quint16 fixtureRedisPort()
{
    QFile f(qEnvironmentVariable("FX_TEST_REDIS_DIR") + QStringLiteral("/port"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    return quint16(f.readAll().trimmed().toUInt());
}

quint16 freePort()
{
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}

RedisServer::RedisServer() = default;

RedisServer::~RedisServer()
{
    if (isRunning()) {
        m_proc.terminate();
        if (!m_proc.waitForFinished(3000))
            m_proc.kill();
        m_proc.waitForFinished(3000);
    }
}

bool RedisServer::start(const QStringList &extraArgs)
{
    m_args = extraArgs;
    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        if (launch())
            return true;
    }
    return false;
}

bool RedisServer::launch()
{
    QStringList args{QStringLiteral("--bind"),
                     QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),
                     QString::number(m_port),
                     QStringLiteral("--save"),
                     QString(),
                     QStringLiteral("--appendonly"),
                     QStringLiteral("no"),
                     QStringLiteral("--dir"),
                     m_dir.path(),
                     QStringLiteral("--unixsocket"),
                     socketPath(),
                     QStringLiteral("--unixsocketperm"),
                     QStringLiteral("700")};
    args += m_args;
    m_proc.setProgram(QStringLiteral("redis-server"));
    m_proc.setArguments(args);
    m_proc.setProcessChannelMode(QProcess::MergedChannels);
    m_proc.start();
    if (!m_proc.waitForStarted(3000))
        return false;
    QDeadlineTimer deadline(5000);
    while (!deadline.hasExpired()) {
        if (m_proc.state() != QProcess::Running)
            return false;
        m_proc.waitForReadyRead(50);
        if (m_proc.readAll().contains("Ready to accept connections"))
            return true;
    }
    return false;
}

void RedisServer::kill9()
{
    if (!isRunning())
        return;
    ::kill(pid_t(m_proc.processId()), SIGKILL);
    m_proc.waitForFinished(3000);
}

bool RedisServer::restart()
{
    kill9();
    return QTest::qWaitFor([this] { return launch(); }, 5000); // the port may linger a moment
}

std::unique_ptr<redis::RedisPublisher> publisherFor(quint16 port, int db, const QString &password)
{
    redis::RedisConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    c.db = db;
    c.password = password;
    return std::make_unique<redis::RedisPublisher>(c);
}

} // namespace fx::test
