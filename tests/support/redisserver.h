#pragma once

// Real redis-server processes for tests: the shared CTest fixture (FX_TEST_REDIS_DIR/port), or
// a private instance on a free port that a test may SIGKILL and restart on the same port.

#include "redis/redispublisher.h"

#include <QProcess>
#include <QTemporaryDir>
#include <memory>

namespace fx::test {

// Port of the shared fixture's redis-server (0 when the fixture is missing).
quint16 fixtureRedisPort();

class RedisServer
{
public:
    RedisServer();
    ~RedisServer();
    // extraArgs e.g. {"--requirepass", "secret"}; false with a warning on failure.
    bool start(const QStringList &extraArgs = {});
    void kill9();
    bool restart(); // same port and arguments
    quint16 port() const { return m_port; }
    QString socketPath() const { return m_dir.filePath(QStringLiteral("redis.sock")); }
    bool isRunning() const { return m_proc.state() == QProcess::Running; }

private:
    bool launch();
    QTemporaryDir m_dir;
    QProcess m_proc;
    QStringList m_args;
    quint16 m_port = 0;
};

// A publisher for a port (and db).
std::unique_ptr<redis::RedisPublisher> publisherFor(quint16 port, int db = 0, const QString &password = {});

// A free loopback TCP port.
quint16 freePort();

} // namespace fx::test
