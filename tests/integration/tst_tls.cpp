// SECURITY.md, "TLS": the server's one port over TLS with WEBSOCKET_TLS_CERT / WEBSOCKET_TLS_KEY.
// Real fxmonitor-server processes, a test CA made with the openssl command line at test time
// (support/testpki), real TLS clients: Qt's QWebSocket and QSslSocket, and `openssl s_client`
// for the protocol bounds (TLS 1.1 refused, 1.2 and 1.3 accepted). Prices come from a real
// redis-server. Socket.IO clients over TLS are in tests/interop (tst_interop).

#include "core/platform.h"
#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/testpki.h"
#include "support/wsclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTest>

#include <csignal>

using namespace fx;
using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

struct HttpsReply
{
    bool encrypted = false;
    QByteArray response; // status line, head and body
    QSslCertificate peer;
    QString error;
    int status() const { return response.startsWith("HTTP/1.1 ") ? response.mid(9, 3).toInt() : 0; }
    QByteArray body() const
    {
        const qsizetype at = response.indexOf("\r\n\r\n");
        return at < 0 ? QByteArray() : response.mid(at + 4);
    }
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

    TestPki m_pki;
    RedisServer m_redis;

    QStringList tlsArgs(const QString &cert, const QString &key) const
    {
        return {QStringLiteral("--tls-cert"), m_pki.path(cert), QStringLiteral("--tls-key"), m_pki.path(key)};
    }
    QStringList redisArgs() const
    {
        return {QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"), QStringLiteral("--redis-port"),
                QString::number(m_redis.port())};
    }
    // What a client that trusts only the test root CA uses.
    QSslConfiguration trustingRoot() const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.setCaCertificates(QSslCertificate::fromPath(m_pki.path(QStringLiteral("ca.pem"))));
        c.setPeerVerifyMode(QSslSocket::VerifyPeer);
        return c;
    }
    static QString wssUrl(quint16 port, const QString &path = QStringLiteral("/ws"))
    {
        return QStringLiteral("wss://localhost:%1%2").arg(port).arg(path);
    }

    // One request over TLS (Connection: close), read until the server closes.
    HttpsReply httpsGet(quint16 port, const QByteArray &path, const QSslConfiguration &config) const
    {
        HttpsReply r;
        QSslSocket s;
        s.setSslConfiguration(config);
        QSignalSpy encrypted(&s, &QSslSocket::encrypted);
        QSignalSpy closed(&s, &QSslSocket::disconnected);
        QSignalSpy failed(&s, &QSslSocket::errorOccurred);
        s.connectToHostEncrypted(QStringLiteral("localhost"), port);
        if (!QTest::qWaitFor([&] { return !encrypted.isEmpty() || !failed.isEmpty(); }, 5000) || encrypted.isEmpty()) {
            r.error = s.errorString();
            return r;
        }
        r.encrypted = true;
        r.peer = s.peerCertificate();
        s.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        if (closed.isEmpty())
            closed.wait(5000);
        r.response = s.readAll();
        return r;
    }
    QByteArray metrics(quint16 port) const { return httpsGet(port, "/metrics", trustingRoot()).body(); }
    static quint64 failures(const QByteArray &metrics, const char *reason)
    {
        const QRegularExpression re(QStringLiteral("fxmonitor_tls_handshake_failures_total\\{reason=\"%1\"\\} (\\d+)")
                                        .arg(QLatin1String(reason)));
        const auto m = re.match(QString::fromLatin1(metrics));
        return m.hasMatch() ? m.captured(1).toULongLong() : ~0ULL;
    }

    // `openssl s_client` with extra arguments; its exit status and output.
    static int sClient(quint16 port, const QStringList &extra, QByteArray *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"),
                QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("-brief")}
                    + extra);
        p.closeWriteChannel();
        if (!p.waitForFinished(15000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *output = p.readAll();
        return p.exitCode();
    }

    bool waitRedisConnected(WsClient &c)
    {
        return QTest::qWaitFor(
            [&] {
                const QJsonObject s = c.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats"));
                return dataOf(s).value(QStringLiteral("redis")).toObject().value(QStringLiteral("connected")).toBool();
            },
            10000);
    }
    void publishPrice(const QString &prefix, const char *pair, const char *bid, const char *ask)
    {
        auto pub = publisherFor(m_redis.port());
        QString err;
        const QByteArray msg =
            QByteArray("{\"instrument\":\"") + pair + "\",\"price\":{\"bid\":\"" + bid + "\",\"ask\":\"" + ask + "\"}}";
        QVERIFY2(pub->publish(prefix + QStringLiteral("price_updates"), msg, &err), qPrintable(err));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend");
        QVERIFY(m_pki.create());
        QVERIFY(m_redis.start());
    }

    // A missing, unreadable or mismatched certificate or key: exit status 2 and one line naming
    // the setting, before anything listens; key material is never printed.
    void badFilesStopStartUp_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("why");
        const auto p = [this](const char *n) { return m_pki.path(QLatin1String(n)); };
        QTest::newRow("cert only") << QStringList{QStringLiteral("--tls-cert"), p("a.pem")} << "WEBSOCKET_TLS_KEY"
                                   << "must be set when WEBSOCKET_TLS_CERT is";
        QTest::newRow("key only") << QStringList{QStringLiteral("--tls-key"), p("a.key")} << "WEBSOCKET_TLS_CERT"
                                  << "must be set when WEBSOCKET_TLS_KEY is";
        QTest::newRow("cert missing") << tlsArgs(QStringLiteral("nothing.pem"), QStringLiteral("a.key"))
                                      << "WEBSOCKET_TLS_CERT"
                                      << "does not exist";
        QTest::newRow("key missing") << tlsArgs(QStringLiteral("a.pem"), QStringLiteral("nothing.key"))
                                     << "WEBSOCKET_TLS_KEY"
                                     << "does not exist";
        QTest::newRow("cert is a directory")
            << QStringList{QStringLiteral("--tls-cert"), m_pki.dir(), QStringLiteral("--tls-key"), p("a.key")}
            << "WEBSOCKET_TLS_CERT"
            << "is not a file";
        QTest::newRow("cert not PEM") << tlsArgs(QStringLiteral("notpem.txt"), QStringLiteral("a.key"))
                                      << "WEBSOCKET_TLS_CERT"
                                      << "holds no PEM certificate";
        QTest::newRow("key is a certificate")
            << tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.pem")) << "WEBSOCKET_TLS_KEY"
            << "holds no PEM private key";
        QTest::newRow("key of another certificate")
            << tlsArgs(QStringLiteral("a.pem"), QStringLiteral("b.key")) << "WEBSOCKET_TLS_KEY"
            << "does not belong to the certificate";
        QTest::newRow("key of no certificate")
            << tlsArgs(QStringLiteral("bchain.pem"), QStringLiteral("other.key")) << "WEBSOCKET_TLS_KEY"
            << "does not belong to the certificate";
        QTest::newRow("encrypted key") << tlsArgs(QStringLiteral("a.pem"), QStringLiteral("enc.key"))
                                       << "WEBSOCKET_TLS_KEY"
                                       << "is encrypted";
    }
    void badFilesStopStartUp()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, setting);
        QFETCH(QString, why);
        QByteArray out, err;
        const int rc = runProgram(fx::test::serverBin(),
                                  args
                                      + QStringList{QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                                                    QStringLiteral("--port"), QStringLiteral("0")},
                                  &out, &err);
        QCOMPARE(rc, 2);
        QVERIFY2(!out.contains("listening"), out.constData());
        const QList<QByteArray> lines = err.trimmed().split('\n');
        QVERIFY2(lines.size() == 1, err.constData());
        QVERIFY2(lines.first().contains(setting.toLatin1()), err.constData());
        QVERIFY2(lines.first().contains(why.toLatin1()), err.constData());
        // No key material: not one base64 line of any key file used.
        for (const char *key : {"a.key", "b.key", "other.key", "enc.key"}) {
            QFile f(m_pki.path(QLatin1String(key)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            for (const QByteArray &line : f.readAll().split('\n'))
                if (!line.startsWith("-----") && line.size() > 16)
                    QVERIFY2(!err.contains(line) && !out.contains(line), err.constData());
        }
    }

    // The same files through the environment (a .env file works the same way), and the
    // settings shown by --print-config and --help.
    void settingsAreShown()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("WEBSOCKET_TLS_CERT"), m_pki.path(QStringLiteral("a.pem")));
        env.insert(QStringLiteral("WEBSOCKET_TLS_KEY"), m_pki.path(QStringLiteral("a.key")));
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config")}, &out, &err, env), 0);
        QVERIFY2(out.contains("WEBSOCKET_TLS_CERT=" + m_pki.path(QStringLiteral("a.pem")).toUtf8() + "  (environment)"),
                 out.constData());
        QVERIFY2(out.contains("WEBSOCKET_TLS_KEY=" + m_pki.path(QStringLiteral("a.key")).toUtf8() + "  (environment)"),
                 out.constData());
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config")}, &out, &err), 0);
        QVERIFY2(out.contains("WEBSOCKET_TLS_CERT=  (default)"), out.constData());
        // A .env file names them the same way.
        const QString envFile = m_pki.path(QStringLiteral("tls.env"));
        {
            QFile f(envFile);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("WEBSOCKET_TLS_CERT=" + m_pki.path(QStringLiteral("a.pem")).toUtf8() + "\nWEBSOCKET_TLS_KEY=\""
                    + m_pki.path(QStringLiteral("a.key")).toUtf8() + "\"\n");
        }
        QCOMPARE(runProgram(fx::test::serverBin(),
                            {QStringLiteral("--env-file"), envFile, QStringLiteral("--print-config")}, &out, &err),
                 0);
        QVERIFY2(out.contains("WEBSOCKET_TLS_KEY=" + m_pki.path(QStringLiteral("a.key")).toUtf8() + "  (tls.env:2)"),
                 out.constData());
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY(out.contains("--tls-cert <path>") && out.contains("--tls-key <path>"));

        ServerProcess server;
        QVERIFY(server.start({}, env));
        WsClient c;
        c.socket().setSslConfiguration(trustingRoot());
        QVERIFY(c.connectTo(wssUrl(server.port())));
        QCOMPARE(server.stop(), 0);
    }

    // Plain JSON over wss:// with a client that trusts the test CA: the welcome, a request, and a
    // price from Redis; the server's log says where it listens and what it serves.
    void plainJsonOverWss()
    {
        const QString prefix = QStringLiteral("tls1:");
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.key")) + redisArgs()
                             + QStringList{QStringLiteral("--set"), QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix}));
        QTRY_VERIFY(server.log().contains(QStringLiteral("TLS: wss:// and https://")));
        QVERIFY2(server.log().contains(QStringLiteral("serial 10:01")), qPrintable(server.log()));
        QVERIFY(!server.log().contains(QStringLiteral("can be read by other users"))); // openssl wrote it 0600
        WsClient c;
        c.socket().setSslConfiguration(trustingRoot());
        QVERIFY(c.connectTo(wssUrl(server.port())));
        const QSslConfiguration seen = c.socket().sslConfiguration();
        QCOMPARE(seen.peerCertificate().serialNumber(), QByteArray("10:01"));
        QVERIFY(seen.sessionProtocol() == QSsl::TlsV1_3 || seen.sessionProtocol() == QSsl::TlsV1_2);
        QVERIFY(waitRedisConnected(c));
        const QJsonObject sub =
            c.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{"EUR_USD"}}},
                      QStringLiteral("subscription_confirmed"));
        QVERIFY2(!sub.isEmpty(), "no subscription_confirmed");
        publishPrice(prefix, "EUR_USD", "1.0945", "1.0947");
        const QJsonObject price = c.waitFor(QStringLiteral("price_update"));
        QCOMPARE(dataOf(price).value(QStringLiteral("instrument")).toString(), QStringLiteral("EUR_USD"));

        // Socket.IO's WebSocket transport on the same port (Engine.IO open packet over wss).
        QWebSocket sio;
        sio.setSslConfiguration(trustingRoot());
        QSignalSpy text(&sio, &QWebSocket::textMessageReceived);
        sio.open(QUrl(wssUrl(server.port(), QStringLiteral("/socket.io/?EIO=4&transport=websocket"))));
        QVERIFY(text.wait(5000));
        QVERIFY2(text.first().first().toString().startsWith(u"0{\"sid\""), qPrintable(text.first().first().toString()));
        QCOMPARE(server.stop(), 0);
    }

    // /health and /metrics over https://; the TLS counters are in /metrics.
    void healthAndMetricsOverHttps()
    {
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.key"))));
        const HttpsReply health = httpsGet(server.port(), "/health", trustingRoot());
        QVERIFY2(health.encrypted, qPrintable(health.error));
        QCOMPARE(health.status(), 200);
        QVERIFY2(QJsonDocument::fromJson(health.body()).object().contains(QStringLiteral("status")),
                 health.response.constData());
        const HttpsReply m = httpsGet(server.port(), "/metrics", trustingRoot());
        QCOMPARE(m.status(), 200);
        QCOMPARE(failures(m.body(), "plain_http"), 0ULL);
        QCOMPARE(failures(m.body(), "protocol"), 0ULL);
        QVERIFY(m.body().contains("fxmonitor_tls_reloads_total{result=\"ok\"} 0\n"));
        QVERIFY(m.body().contains("fxmonitor_tls_certificate_expiry_seconds "));
        // A client that does not trust the test CA refuses the server's certificate.
        const HttpsReply untrusted = httpsGet(server.port(), "/health", QSslConfiguration::defaultConfiguration());
        QVERIFY(!untrusted.encrypted);
        QCOMPARE(server.stop(), 0);
    }

    // Protocol bounds: TLS 1.1 is refused (and counted), 1.2 and 1.3 are accepted; TLS 1.2
    // without forward secrecy or with a CBC cipher is refused.
    void protocolVersionsAndCiphers()
    {
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.key"))));
        const QString ca = m_pki.path(QStringLiteral("ca.pem"));
        QByteArray out;
        QCOMPARE(sClient(server.port(), {QStringLiteral("-tls1_3"), QStringLiteral("-CAfile"), ca}, &out), 0);
        QVERIFY2(out.contains("Protocol version: TLSv1.3"), out.constData());
        QCOMPARE(sClient(server.port(), {QStringLiteral("-tls1_2"), QStringLiteral("-CAfile"), ca}, &out), 0);
        QVERIFY2(out.contains("Protocol version: TLSv1.2") && out.contains("ECDHE"), out.constData());
        QCOMPARE(failures(metrics(server.port()), "protocol"), 0ULL);

        // Just under the bound: a client that offers TLS 1.1 only.
        QVERIFY(sClient(server.port(),
                        {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")},
                        &out)
                != 0);
        QTRY_COMPARE(failures(metrics(server.port()), "protocol"), 1ULL);
        // TLS 1.2 with a suite outside the curated list (RSA key exchange, CBC).
        QVERIFY(sClient(server.port(),
                        {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("AES128-SHA")}, &out)
                != 0);
        QTRY_COMPARE(failures(metrics(server.port()), "protocol"), 2ULL);
        QVERIFY2(server.log().contains(QStringLiteral("TLS handshake with 127.0.0.1 failed (protocol)")),
                 qPrintable(server.log()));
        // A client that does not trust the certificate and says so (alert unknown_ca).
        QVERIFY(sClient(server.port(), {QStringLiteral("-verify_return_error")}, &out) != 0);
        QTRY_COMPARE(failures(metrics(server.port()), "other"), 1ULL);
        QCOMPARE(failures(metrics(server.port()), "protocol"), 2ULL);
        QCOMPARE(server.stop(), 0);
    }

    // Plain HTTP and ws:// to the TLS port: a readable plain-text 400, the connection closed,
    // counted; the shard goes on serving TLS clients.
    void plainRequestsAreRefusedCleanly()
    {
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.key"))));
        for (const QByteArray &request :
             {QByteArray("GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"),
              QByteArray("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")}) {
            PendingHttp p;
            p.sendRaw(server.port(), request);
            const HttpReply r = p.wait();
            if (fx::core::platform::isPortableBuild()) {
                // ARCHITECTURE.md, "Platform seams": Qt cannot write beside a TLS socket, so the
                // portable build closes the connection without the plain-text answer.
                QCOMPARE(r.status, 0);
                continue;
            }
            QCOMPARE(r.status, 400);
            QVERIFY2(r.body.contains("use https:// or wss://"), r.body.constData());
        }
        QCOMPARE(failures(metrics(server.port()), "plain_http"), 2ULL);
        // A plain WebSocket client fails and does not hang.
        WsClient plain;
        QSignalSpy error(&plain.socket(), QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
        plain.socket().open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws").arg(server.port())));
        QVERIFY(error.wait(5000));
        QTRY_COMPARE(failures(metrics(server.port()), "plain_http"), 3ULL);
        WsClient tls;
        tls.socket().setSslConfiguration(trustingRoot());
        QVERIFY(tls.connectTo(wssUrl(server.port())));
        QCOMPARE(server.stop(), 0);
    }

    // A client that opens TCP and stalls in the handshake is closed after the handshake timeout
    // (10 s) and counted; it holds up nobody meanwhile.
    void stalledHandshakeTimesOut()
    {
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("a.pem"), QStringLiteral("a.key"))));
        QTcpSocket stalled;
        QSignalSpy closed(&stalled, &QTcpSocket::disconnected);
        stalled.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(stalled.waitForConnected(5000));
        stalled.write(QByteArray::fromHex("160301")); // the start of a TLS record, then nothing
        WsClient meanwhile;
        meanwhile.socket().setSslConfiguration(trustingRoot());
        QVERIFY(meanwhile.connectTo(wssUrl(server.port())));
        QCOMPARE(closed.count(), 0);
        QVERIFY(closed.wait(15000));
        QCOMPARE(failures(metrics(server.port()), "timeout"), 1ULL);
        QVERIFY2(server.log().contains(QStringLiteral("TLS handshake with 127.0.0.1 failed (timeout)")),
                 qPrintable(server.log()));
        QCOMPARE(server.stop(), 0);
    }

    // An optional chain: the leaf is signed by an intermediate CA that the client does not
    // have; the server sends it after the leaf, so a client trusting only the root verifies.
    void chainIsSent()
    {
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("bchain.pem"), QStringLiteral("b.key"))));
        QTRY_VERIFY2(server.log().contains(QStringLiteral("1 chain certificate(s)")), qPrintable(server.log()));
        const HttpsReply r = httpsGet(server.port(), "/health", trustingRoot());
        QVERIFY2(r.encrypted, qPrintable(r.error));
        QCOMPARE(r.peer.serialNumber(), QByteArray("20:02"));
        QCOMPARE(r.peer.issuerInfo(QSslCertificate::CommonName),
                 QStringList{QStringLiteral("FX Test Intermediate CA")});
        QCOMPARE(server.stop(), 0);

        // Without the chain in the file the same client cannot verify (the control).
        ServerProcess leafOnly;
        QVERIFY(leafOnly.start(tlsArgs(QStringLiteral("b.pem"), QStringLiteral("b.key"))));
        QVERIFY(!httpsGet(leafOnly.port(), "/health", trustingRoot()).encrypted);
        QCOMPARE(leafOnly.stop(), 0);
    }

    // SIGHUP re-reads both files: connected clients stay and keep receiving; new clients get the
    // new certificate. A broken file keeps the old certificate and the server running.
    void reloadWithClientsConnected()
    {
        TestPki &pki = m_pki;
        QVERIFY(pki.copy(QStringLiteral("a.pem"), QStringLiteral("live.pem")));
        QVERIFY(pki.copy(QStringLiteral("a.key"), QStringLiteral("live.key")));
        const QString prefix = QStringLiteral("tls2:");
        ServerProcess server;
        QVERIFY(server.start(tlsArgs(QStringLiteral("live.pem"), QStringLiteral("live.key")) + redisArgs()
                             + QStringList{QStringLiteral("--set"), QStringLiteral("REDIS_CHANNEL_PREFIX=") + prefix}));
        WsClient old;
        old.socket().setSslConfiguration(trustingRoot());
        QVERIFY(old.connectTo(wssUrl(server.port())));
        QCOMPARE(old.socket().sslConfiguration().peerCertificate().serialNumber(), QByteArray("10:01"));
        QVERIFY(waitRedisConnected(old));
        QVERIFY(!old.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{"EUR_USD"}}},
                             QStringLiteral("subscription_confirmed"))
                     .isEmpty());

        QVERIFY(pki.copy(QStringLiteral("bchain.pem"), QStringLiteral("live.pem")));
        QVERIFY(pki.copy(QStringLiteral("b.key"), QStringLiteral("live.key")));
        QVERIFY(QFile::setPermissions(pki.path(QStringLiteral("live.key")),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("TLS reloaded")), qPrintable(server.log()));
        QVERIFY2(server.log().contains(QStringLiteral("can be read by other users than its owner: chmod 600 it")),
                 qPrintable(server.log()));
        QVERIFY(server.isRunning());

        WsClient fresh;
        fresh.socket().setSslConfiguration(trustingRoot());
        QVERIFY(fresh.connectTo(wssUrl(server.port())));
        QCOMPARE(fresh.socket().sslConfiguration().peerCertificate().serialNumber(), QByteArray("20:02"));
        // The old client is still connected, on its old session, and still receives.
        QVERIFY(old.isConnected());
        publishPrice(prefix, "EUR_USD", "1.1001", "1.1003");
        QCOMPARE(dataOf(old.waitFor(QStringLiteral("price_update"))).value(QStringLiteral("instrument")).toString(),
                 QStringLiteral("EUR_USD"));

        // A broken key: the reload fails, the server keeps certificate B and keeps running.
        QVERIFY(pki.copy(QStringLiteral("notpem.txt"), QStringLiteral("live.key")));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("TLS reload failed")), qPrintable(server.log()));
        QVERIFY(server.isRunning());
        const HttpsReply after = httpsGet(server.port(), "/metrics", trustingRoot());
        QVERIFY2(after.encrypted, qPrintable(after.error));
        QCOMPARE(after.peer.serialNumber(), QByteArray("20:02"));
        QVERIFY(after.body().contains("fxmonitor_tls_reloads_total{result=\"ok\"} 1\n"));
        QVERIFY(after.body().contains("fxmonitor_tls_reloads_total{result=\"failed\"} 1\n"));
        // A mismatched pair: refused the same way.
        QVERIFY(pki.copy(QStringLiteral("a.key"), QStringLiteral("live.key")));
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY(metrics(server.port()).contains("fxmonitor_tls_reloads_total{result=\"failed\"} 2\n"));
        QVERIFY(server.log().contains(QStringLiteral("does not belong to the certificate")));
        QVERIFY(old.isConnected() && fresh.isConnected());
        QCOMPARE(server.stop(), 0);
    }

    // Without the new settings the server is what it was: plain ws:// and http://, no TLS
    // metrics; SIGHUP reloads the settings (docs/OPERATIONS.md, "Reload") and reads no TLS file.
    void withoutTlsNothingChanges()
    {
        ServerProcess server;
        QVERIFY(server.start());
        QVERIFY(!server.log().contains(QStringLiteral("TLS:")));
        QCOMPARE(httpRequest(server.port(), "GET", "/health").status, 200);
        QVERIFY(!httpRequest(server.port(), "GET", "/metrics").body.contains("fxmonitor_tls_"));
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        QVERIFY(c.socket().sslConfiguration().peerCertificate().isNull());
        ::kill(pid_t(server.pid()), SIGHUP);
        QTRY_VERIFY2(server.log().contains(QStringLiteral("settings reloaded: 0 changed and applied")),
                     qPrintable(server.log()));
        QVERIFY(!server.log().contains(QStringLiteral("TLS reload")));
        QVERIFY(c.isConnected());
        QCOMPARE(server.stop(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
