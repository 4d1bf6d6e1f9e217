#include "benchprocs.h"

#include "loadclients.h"

#include "core/instruments.h"
#include "core/timeutil.h"
#include "redis/redispublisher.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimer>

#include <cmath>

namespace fx::bench {

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitFor(const std::function<bool()> &cond, int ms)
{
    QDeadlineTimer d(ms);
    while (!d.hasExpired()) {
        if (cond())
            return true;
        spin(5);
    }
    return cond();
}

bool RedisProcess::start()
{
    if (running())
        return true;
    if (m_port == 0)
        m_port = freePort();
    QStringList args{QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                     QStringLiteral("--port"),       QString::number(m_port),
                     QStringLiteral("--save"),       QString(),
                     QStringLiteral("--appendonly"), QStringLiteral("no"),
                     QStringLiteral("--dir"),        m_dir.path()};
    if (m_cpu >= 0) {
        args.prepend(QStringLiteral("redis-server"));
        args.prepend(QString::number(m_cpu));
        args.prepend(QStringLiteral("-c"));
        m_proc.start(QStringLiteral("taskset"), args);
    } else {
        m_proc.start(QStringLiteral("redis-server"), args);
    }
    QDeadlineTimer d(5000);
    QByteArray out;
    while (!d.hasExpired()) {
        m_proc.waitForReadyRead(50);
        out += m_proc.readAll();
        if (out.contains("Ready to accept"))
            return true;
    }
    return false;
}

void RedisProcess::kill()
{
    if (!running())
        return;
    m_proc.kill();
    m_proc.waitForFinished(5000);
}

TickPublisher::TickPublisher(quint16 redisPort, int rate, double walk)
{
    m_thread = std::thread([this, redisPort, rate, walk] {
        redis::RedisConfig c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = redisPort;
        redis::RedisPublisher pub(c);
        const QStringList pairs = core::InstrumentSet::defaultPairs();
        QElapsedTimer clock;
        clock.start();
        quint64 sent = 0;
        int i = 0;
        while (!m_stop.load()) {
            const quint64 due = quint64(double(clock.nsecsElapsed()) / 1e9 * rate);
            while (sent < due) {
                const QString &pair = pairs[i++ % pairs.size()];
                const bool jpy = pair.endsWith(u"JPY");
                QByteArray bid = jpy ? "150.101" : "1.10001";
                QByteArray ask = jpy ? "150.112" : "1.10012";
                if (walk > 0) {
                    const double base = jpy ? 150.101 : 1.10001;
                    const double b = base * (1 + walk * std::sin(2 * M_PI * double(sent) / 4000.0));
                    bid = QByteArray::number(b, 'f', jpy ? 3 : 5);
                    ask = QByteArray::number(b + (jpy ? 0.011 : 0.00011), 'f', jpy ? 3 : 5);
                }
                const QByteArray msg = "{\"instrument\":\"" + pair.toLatin1() + "\",\"price\":{\"bid\":\"" + bid
                    + "\",\"ask\":\"" + ask + "\"},\"t_pub\":" + QByteArray::number(core::nowMicros()) + "}";
                pub.appendPublish(QStringLiteral("price_updates"), msg);
                ++sent;
                if (sent % 256 == 0)
                    break;
            }
            QString err;
            pub.flush(&err);
            m_published.store(sent);
            std::this_thread::sleep_for(std::chrono::microseconds(sent < due ? 0 : 2000));
        }
    });
}

void TickPublisher::stop()
{
    m_stop.store(true);
    if (m_thread.joinable())
        m_thread.join();
}

quint16 startListening(QProcess &proc, const QString &program, const QStringList &args, QByteArray *output)
{
    proc.setProgram(program);
    proc.setArguments(args);
    proc.setProcessChannelMode(QProcess::SeparateChannels);
    proc.start();
    if (!proc.waitForStarted(5000))
        return 0;
    static const QRegularExpression re(QStringLiteral("listening on [^\\s]+:(\\d+)"));
    QByteArray out;
    QDeadlineTimer d(10000);
    while (!d.hasExpired() && proc.state() == QProcess::Running) {
        proc.waitForReadyRead(100);
        out += proc.readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(out));
        if (m.hasMatch())
            return quint16(m.captured(1).toUInt());
    }
    if (output)
        *output = out + proc.readAllStandardError();
    return 0;
}

QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(5000))
        return {};
    s.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QByteArray all;
    QDeadlineTimer d(5000);
    while (!d.hasExpired() && s.state() == QAbstractSocket::ConnectedState) {
        s.waitForReadyRead(100);
        all += s.readAll();
    }
    all += s.readAll();
    const qsizetype body = all.indexOf("\r\n\r\n");
    return body < 0 ? QByteArray() : all.mid(body + 4);
}

double metricValue(const QByteArray &metrics, const QByteArray &name)
{
    for (const QByteArray &line : metrics.split('\n'))
        if (line.startsWith(name + ' '))
            return line.mid(name.size() + 1).toDouble();
    return -1;
}

} // namespace fx::bench
