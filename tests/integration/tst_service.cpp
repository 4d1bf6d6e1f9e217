// fxmonitor-server as a systemd service (docs/OPERATIONS.md, "The service"), against the real
// process: sd_notify's READY=1 with STATUS= once it listens, WATCHDOG=1 at half of WATCHDOG_USEC
// and none without it, STOPPING=1 on SIGTERM, read from a datagram socket the test binds as
// NOTIFY_SOCKET; and SIGHUP: the env file read again, LOG_LEVEL, CORS_ALLOWED_ORIGINS,
// WEBSOCKET_MAX_CONNECTIONS_PER_IP and the rate limit applied (each checked by its effect), a
// changed setting that needs a restart named in the log, an invalid file refused with nothing
// changed; with WEBSOCKET_AUTH=jwt a new token secret checks new tokens, connected clients stay.

#include "support/httpclient.h"
#include "support/rawwsclient.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <csignal>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

using namespace fx::test;

namespace {

// A datagram socket bound at a path: what systemd listens on for sd_notify.
class NotifySocket : public QObject
{
public:
    explicit NotifySocket(const QString &path) : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        const QByteArray p = QFile::encodeName(path);
        qstrncpy(addr.sun_path, p.constData(), sizeof addr.sun_path);
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0)
            qFatal("cannot bind the notify socket %s", p.constData());
        m_notifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, [this] {
            char buf[4096];
            ssize_t n;
            while ((n = ::recv(m_fd, buf, sizeof buf, 0)) > 0) {
                m_messages << QString::fromUtf8(buf, n);
                m_times << m_clock.elapsed();
            }
        });
        m_clock.start();
    }
    ~NotifySocket() override { ::close(m_fd); }
    QString path() const { return m_path; }
    const QStringList &messages() const { return m_messages; }
    // The first message containing `what`, or empty.
    QString find(const QString &what) const
    {
        for (const QString &m : m_messages)
            if (m.contains(what))
                return m;
        return {};
    }
    QList<qint64> timesOf(const QString &what) const
    {
        QList<qint64> out;
        for (int i = 0; i < m_messages.size(); ++i)
            if (m_messages.at(i).contains(what))
                out << m_times.at(i);
        return out;
    }

private:
    QString m_path;
    int m_fd = -1;
    QSocketNotifier *m_notifier = nullptr;
    QStringList m_messages;
    QList<qint64> m_times;
    QElapsedTimer m_clock;
};

QProcessEnvironment envWith(std::initializer_list<std::pair<QString, QString>> vars)
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "LOG_LEVEL", "CORS_ALLOWED_ORIGINS",
                             "WEBSOCKET_MAX_CONNECTIONS_PER_IP", "JOURNAL_STREAM"})
        e.remove(QString::fromLatin1(name));
    for (const auto &[k, v] : vars)
        e.insert(k, v);
    return e;
}

bool writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(text) == text.size();
}

// A Socket.IO handshake (long-polling) from a browser page of `origin`: 200 when the origin is
// allowed, 403 when it is not (SECURITY.md, "Origins (CORS)").
HttpReply getWithOrigin(quint16 port, const QByteArray &origin)
{
    return httpRequest(port, "GET", "/socket.io/?EIO=4&transport=polling", {}, {{"Origin", origin}});
}

} // namespace

// sd_notify is a no-op in a build without libsystemd (FX_WITH_SYSTEMD).
#ifdef FX_HAVE_LIBSYSTEMD
#define SKIP_WITHOUT_LIBSYSTEMD()
#else
#define SKIP_WITHOUT_LIBSYSTEMD() QSKIP("built without libsystemd: sd_notify is a no-op")
#endif

class TestService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // READY=1 with a STATUS= naming the port after the "listening" line; WATCHDOG=1 every
    // half WATCHDOG_USEC from then on; STOPPING=1 on SIGTERM, then exit 0.
    void notifiesReadyWatchdogStopping()
    {
        SKIP_WITHOUT_LIBSYSTEMD();
        QTemporaryDir dir;
        NotifySocket notify(dir.filePath(QStringLiteral("notify")));
        ServerProcess server;
        QVERIFY(server.start({},
                             envWith({{QStringLiteral("NOTIFY_SOCKET"), notify.path()},
                                      {QStringLiteral("WATCHDOG_USEC"), QStringLiteral("400000")}})));
        QTRY_VERIFY(!notify.find(QStringLiteral("READY=1")).isEmpty());
        const QString ready = notify.find(QStringLiteral("READY=1"));
        QVERIFY2(ready.contains(QStringLiteral("STATUS=listening on 127.0.0.1:%1").arg(server.port())),
                 qPrintable(ready));
        QVERIFY(notify.find(QStringLiteral("STOPPING=1")).isEmpty());
        // 400 ms asked: a ping every 200 ms. Six of them take about 1.2 s.
        QTRY_VERIFY_WITH_TIMEOUT(notify.timesOf(QStringLiteral("WATCHDOG=1")).size() >= 6, 5000);
        const QList<qint64> pings = notify.timesOf(QStringLiteral("WATCHDOG=1"));
        for (int i = 1; i < pings.size(); ++i)
            QVERIFY2(pings.at(i) - pings.at(i - 1) < 400, qPrintable(QString::number(pings.at(i) - pings.at(i - 1))));
        const qint64 span = pings.last() - pings.first();
        QVERIFY2(span >= 150 * (pings.size() - 1), qPrintable(QString::number(span))); // not faster than asked
        QCOMPARE(server.stop(SIGTERM), 0);
        QTRY_VERIFY(!notify.find(QStringLiteral("STOPPING=1")).isEmpty());
        const QString stopping = notify.find(QStringLiteral("STOPPING=1"));
        QVERIFY2(stopping.contains(QStringLiteral("STATUS=stopping")), qPrintable(stopping));
    }

    // Without WATCHDOG_USEC: READY=1 and STOPPING=1, no ping in the whole run.
    void noWatchdogUnlessAsked()
    {
        SKIP_WITHOUT_LIBSYSTEMD();
        QTemporaryDir dir;
        NotifySocket notify(dir.filePath(QStringLiteral("notify")));
        ServerProcess server;
        QVERIFY(server.start({}, envWith({{QStringLiteral("NOTIFY_SOCKET"), notify.path()}})));
        QTRY_VERIFY(!notify.find(QStringLiteral("READY=1")).isEmpty());
        // A round trip through the server's main loop's /health before stopping.
        QCOMPARE(httpRequest(server.port(), "GET", "/health").status, 200);
        QCOMPARE(server.stop(SIGTERM), 0);
        QTRY_VERIFY(!notify.find(QStringLiteral("STOPPING=1")).isEmpty());
        QVERIFY2(notify.find(QStringLiteral("WATCHDOG=1")).isEmpty(), qPrintable(notify.messages().join(u'|')));
    }

    // SIGHUP: the env file read again. LOG_LEVEL INFO -> DEBUG (a client's connection is then
    // logged at debug), CORS_ALLOWED_ORIGINS a -> b (b allowed, a refused), the per-address limit
    // 0 -> 2 (at the limit admitted, over it refused), WEBSOCKET_MAX_MESSAGE_SIZE named as
    // needing a restart; STATUS= says so. Then an invalid file: refused, nothing changes.
    void sighupReloadsTheEnvFile()
    {
        SKIP_WITHOUT_LIBSYSTEMD();
        QTemporaryDir dir;
        NotifySocket notify(dir.filePath(QStringLiteral("notify")));
        const QString envFile = dir.filePath(QStringLiteral("fxmonitor.env"));
        QVERIFY(writeFile(envFile, "LOG_LEVEL=INFO\nCORS_ALLOWED_ORIGINS=https://a.example\n"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--env-file"), envFile},
                             envWith({{QStringLiteral("NOTIFY_SOCKET"), notify.path()}})));
        QTRY_VERIFY(!notify.find(QStringLiteral("READY=1")).isEmpty());
        QCOMPARE(getWithOrigin(server.port(), "https://a.example").status, 200);
        QCOMPARE(getWithOrigin(server.port(), "https://b.example").status, 403);
        WsClient first;
        QVERIFY(first.connectTo(server.wsUrl()));
        QVERIFY2(!server.log().contains(QStringLiteral("connected on shard")), qPrintable(server.log()));

        QVERIFY(writeFile(envFile,
                          "LOG_LEVEL=DEBUG\nCORS_ALLOWED_ORIGINS=https://b.example\n"
                          "WEBSOCKET_MAX_CONNECTIONS_PER_IP=2\nWEBSOCKET_MAX_MESSAGE_SIZE=1024\n"
                          "WEBSOCKET_RATE_LIMIT=0.1\nWEBSOCKET_RATE_BURST=3\n"
                          "WEBSOCKET_MAX_ALERTS_PER_CLIENT=1\n"));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("settings reloaded")), qPrintable(server.log()));
        const QString log = server.log();
        QVERIFY2(log.contains(QStringLiteral("LOG_LEVEL changed from \"INFO\" to \"DEBUG\" (from fxmonitor.env:1): "
                                             "applied")),
                 qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("CORS_ALLOWED_ORIGINS changed from \"https://a.example\" to "
                                            "\"https://b.example\" (from fxmonitor.env:2): applied")));
        QVERIFY(log.contains(QStringLiteral("WEBSOCKET_MAX_CONNECTIONS_PER_IP changed from \"0\" to \"2\"")));
        QVERIFY(log.contains(QStringLiteral("WEBSOCKET_MAX_MESSAGE_SIZE changed from \"65536\" to \"1024\" (from "
                                            "fxmonitor.env:4): needs a restart")));
        QVERIFY(log.contains(QStringLiteral("WEBSOCKET_RATE_BURST changed from \"200\" to \"3\"")));
        QVERIFY(log.contains(QStringLiteral("WEBSOCKET_MAX_ALERTS_PER_CLIENT changed from \"100\" to \"1\"")));
        QVERIFY(log.contains(
            QStringLiteral("settings reloaded: 6 applied, 1 need a restart (WEBSOCKET_MAX_MESSAGE_SIZE)")));
        QTRY_VERIFY(!notify.find(QStringLiteral("STATUS=settings reloaded: 6 applied")).isEmpty());
        QVERIFY(server.isRunning());

        // The effects.
        QCOMPARE(getWithOrigin(server.port(), "https://b.example").status, 200);
        QCOMPARE(getWithOrigin(server.port(), "https://b.example").header("access-control-allow-origin"),
                 QByteArray("https://b.example"));
        QCOMPARE(getWithOrigin(server.port(), "https://a.example").status, 403);
        WsClient second; // the second client of this address: at the limit
        QVERIFY(second.connectTo(server.wsUrl()));
        QTRY_VERIFY2(server.log().contains(QStringLiteral("connected on shard")), qPrintable(server.log()));
        RawWsClient third; // over it
        QVERIFY(third.connectTo(server.port()));
        const QByteArray err = third.waitForEvent("error");
        QVERIFY2(err.contains("\"code\":\"TOO_MANY_CONNECTIONS\""), err.constData());
        QVERIFY(first.isConnected() && second.isConnected());
        // The new alert rule limit: one rule per client (at it) accepted, a second (over) refused.
        const QJsonObject rule{{QStringLiteral("pair"), QStringLiteral("EUR_USD")},
                               {QStringLiteral("field"), QStringLiteral("bid")},
                               {QStringLiteral("condition"), QStringLiteral("above")},
                               {QStringLiteral("value"), 1.2}};
        QVERIFY(!first.request(QStringLiteral("set_alert"), rule, QStringLiteral("alert_set")).isEmpty());
        first.send(QStringLiteral("set_alert"), rule);
        const QByteArray tooMany = QJsonDocument(first.waitFor(QStringLiteral("error"))).toJson();
        QVERIFY2(tooMany.contains("TOO_MANY_ALERTS") && tooMany.contains("\"max_per_client\": 1"), tooMany.constData());
        // The new rate limit: a burst of 3 requests (at it) answered, the 4th (over) refused.
        for (int i = 0; i < 3; ++i)
            QVERIFY2(!second.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty(),
                     qPrintable(QString::number(i)));
        second.send(QStringLiteral("ping"));
        const QByteArray limited = QJsonDocument(second.waitFor(QStringLiteral("error"))).toJson();
        QVERIFY2(limited.contains("RATE_LIMITED"), limited.constData());
        QVERIFY2(limited.contains("bursts of 3"), limited.constData());

        // An invalid file: refused, the running settings stay.
        QVERIFY(writeFile(envFile, "LOG_LEVEL=LOUD\nCORS_ALLOWED_ORIGINS=https://a.example\n"));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(
            server.log().contains(QStringLiteral("reload refused, nothing changed: invalid LOG_LEVEL \"LOUD\"")),
            qPrintable(server.log()));
        QCOMPARE(getWithOrigin(server.port(), "https://b.example").status, 200);
        QCOMPARE(getWithOrigin(server.port(), "https://a.example").status, 403);
        QCOMPARE(server.stop(SIGTERM), 0);
    }

    // SIGHUP with WEBSOCKET_AUTH=jwt: a new WEBSOCKET_JWT_SECRET checks new tokens (the old
    // secret's token refused, the new one's accepted), the client connected with the old one
    // stays, and the log names the change without the secret.
    void sighupReloadsTokenKeys()
    {
        const QByteArray secretA = "reload-test-secret-A-0123456789abcdefghij";
        const QByteArray secretB = "reload-test-secret-B-0123456789abcdefghij";
        const QByteArray claims = R"({"sub":"ops","exp":"+3600"})";
        const QByteArray tokenA = TokenMint::mint(QStringLiteral("HS256"), QString::fromLatin1(secretA), claims);
        const QByteArray tokenB = TokenMint::mint(QStringLiteral("HS256"), QString::fromLatin1(secretB), claims);
        QVERIFY(!tokenA.isEmpty() && !tokenB.isEmpty());
        QTemporaryDir dir;
        const QString envFile = dir.filePath(QStringLiteral("fxmonitor.env"));
        QVERIFY(writeFile(envFile, "WEBSOCKET_AUTH=jwt\nWEBSOCKET_JWT_SECRET=" + secretA + "\n"));
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--env-file"), envFile}, envWith({})));
        const auto url = [&](const QByteArray &token) { return server.wsUrl() + QStringLiteral("?token=") + token; };
        WsClient before;
        QVERIFY(before.connectTo(url(tokenA)));
        // A refusal is an error event UNAUTHORIZED, then close 1008 (SECURITY.md, "Tokens").
        const auto refused = [&](const QByteArray &token) {
            WsClient c;
            c.socket().open(QUrl(url(token)));
            return QJsonDocument(c.waitFor(QStringLiteral("error"))).toJson();
        };
        QVERIFY(refused(tokenB).contains("UNAUTHORIZED"));

        QVERIFY(writeFile(envFile, "WEBSOCKET_AUTH=jwt\nWEBSOCKET_JWT_SECRET=" + secretB + "\n"));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("settings reloaded")), qPrintable(server.log()));
        QVERIFY2(server.log().contains(QStringLiteral("token keys read again")), qPrintable(server.log()));
        QVERIFY(server.log().contains(QStringLiteral("WEBSOCKET_JWT_SECRET changed (from fxmonitor.env:2): applied")));
        QVERIFY(!server.log().contains(QString::fromLatin1(secretA)));
        QVERIFY(!server.log().contains(QString::fromLatin1(secretB)));

        WsClient after;
        QVERIFY(after.connectTo(url(tokenB)));
        QVERIFY(refused(tokenA).contains("UNAUTHORIZED"));
        QVERIFY(before.isConnected());
        QCOMPARE(server.stop(SIGTERM), 0);
    }
};

QTEST_GUILESS_MAIN(TestService)
#include "tst_service.moc"
