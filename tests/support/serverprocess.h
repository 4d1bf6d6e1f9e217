#pragma once

// Runs a real fxmonitor-server (or any of our executables) as a child process on a free
// loopback port and reads the port it bound from its first stdout line.

#include "support/buildpaths.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTemporaryDir>

namespace fx::test {

class ServerProcess
{
public:
    explicit ServerProcess(QString program = fx::test::serverBin());
    ~ServerProcess();

    // Starts with --host 127.0.0.1 --port 0 plus args; false (with output) on failure.
    bool start(const QStringList &args = {}, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
               int timeoutMs = 10000);
    quint16 port() const { return m_port; }
    QString wsUrl(const QString &path = QStringLiteral("/ws")) const;
    // Sends a signal (SIGTERM by default) and waits; returns the exit code (-1 on a crash or timeout).
    int stop(int signal = 15, int timeoutMs = 10000);
    bool isRunning() const { return m_proc.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_proc.processId(); }
    // Everything the process wrote to stderr so far (the log).
    QString log();
    QProcess &process() { return m_proc; }

private:
    QString m_program;
    QProcess m_proc;
    quint16 m_port = 0;
    QByteArray m_stderr;
    QTemporaryDir m_dbDir;
};

// Runs a program to completion; returns exit code and fills stdout/stderr.
int runProgram(const QString &program, const QStringList &args, QByteArray *out, QByteArray *err,
               const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(), int timeoutMs = 10000);

} // namespace fx::test
