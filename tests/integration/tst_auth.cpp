// SECURITY.md, "Tokens" and "Pair permissions", end to end: a real fxmonitor-server with
// WEBSOCKET_AUTH=jwt, real WebSocket clients, tokens minted by PyJWT, keys made by openssl, a
// real redis-server for prices and alerts. Every refusal reason, every key type, algorithm
// confusion, expiry and refresh, the user shown, the pairs a token permits, and the token
// never in the log.

#include "support/httpclient.h"
#include "support/redisserver.h"
#include "support/serverprocess.h"
#include "support/tokenmint.h"
#include "support/wsclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace fx::test;

namespace {

QJsonObject dataOf(const QJsonObject &e)
{
    return e.value(QStringLiteral("data")).toObject();
}

QString secretText()
{
    return QString::fromLatin1(TokenMint::secret());
}

// What a refused plain JSON client sees: the error event and the close code.
struct Refusal
{
    QJsonObject error;
    int closeCode = -1;
};

Refusal connectRefused(const QNetworkRequest &request)
{
    QWebSocket ws;
    QList<QJsonObject> got;
    QObject::connect(&ws, &QWebSocket::textMessageReceived,
                     [&](const QString &t) { got.append(QJsonDocument::fromJson(t.toUtf8()).object()); });
    QSignalSpy closed(&ws, &QWebSocket::disconnected);
    ws.open(request);
    Refusal r;
    if (!closed.wait(5000) && closed.isEmpty())
        return r;
    for (const QJsonObject &e : got)
        if (e.value(QStringLiteral("event")).toString() == u"error")
            r.error = dataOf(e);
    r.closeCode = int(ws.closeCode());
    return r;
}

QNetworkRequest withQueryToken(const ServerProcess &server, const QByteArray &token)
{
    QUrl url(server.wsUrl());
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), QString::fromLatin1(token));
    url.setQuery(q);
    return QNetworkRequest(url);
}

QNetworkRequest withBearer(const ServerProcess &server, const QByteArray &token)
{
    QNetworkRequest req{QUrl(server.wsUrl())};
    req.setRawHeader("Authorization", "Bearer " + token);
    return req;
}

bool connectWith(WsClient &c, const QNetworkRequest &request)
{
    c.socket().open(request);
    return !c.waitFor(QStringLiteral("connection_established")).isEmpty();
}

} // namespace

class TestAuth : public QObject
{
    Q_OBJECT

    TokenMint m_mint;

    QProcessEnvironment env(const QMap<QString, QString> &settings)
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("WEBSOCKET_AUTH"), QStringLiteral("jwt"));
        for (auto it = settings.begin(); it != settings.end(); ++it)
            e.insert(it.key(), it.value());
        return e;
    }
    QString key(const QString &kind) const { return u'@' + m_mint.privateKey(kind); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_mint.generate()); }

    void goodTokenByQueryAndByBearer()
    {
        ServerProcess server;
        QVERIFY(server.start({}, env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()}})));
        const QByteArray token = TokenMint::hs256(R"({"sub":"alice","exp":"+3600"})");
        WsClient byQuery, byBearer;
        QVERIFY(connectWith(byQuery, withQueryToken(server, token)));
        QVERIFY(connectWith(byBearer, withBearer(server, token)));
        const QJsonObject stats =
            dataOf(byBearer.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")));
        QCOMPARE(stats.value(QStringLiteral("connected_clients")).toInt(), 2);
        // The token is never written to the log, accepted or not.
        QVERIFY(connectRefused(withQueryToken(server, token + "x")).closeCode == 1008);
        QVERIFY(!server.log().contains(QString::fromLatin1(token)));
        QVERIFY(!server.log().contains(QString::fromLatin1(token.left(40))));
    }

    void welcomeNamesTheUserAndPermittedPairs()
    {
        ServerProcess server;
        QVERIFY(server.start({}, env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()}})));
        WsClient c;
        c.socket().open(
            withBearer(server, TokenMint::hs256(R"({"sub":"bob","exp":2000000000,"pairs":["EUR_USD","XXX_YYY"]})")));
        const QJsonObject hello = dataOf(c.waitFor(QStringLiteral("connection_established")));
        QCOMPARE(hello.value(QStringLiteral("user")).toString(), QStringLiteral("bob"));
        QCOMPARE(hello.value(QStringLiteral("permitted_pairs")).toArray(), QJsonArray{QStringLiteral("EUR_USD")});
        QCOMPARE(hello.value(QStringLiteral("token_expires_at")).toString(), QStringLiteral("2033-05-18T03:33:20Z"));
    }

    void everyRefusalReason_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<bool>("bearer");
        QTest::addColumn<QString>("reason");
        const QByteArray good = R"({"sub":"a","aud":"fx","iss":"login","exp":"+600"})";
        QTest::newRow("missing") << QByteArray() << false << "missing";
        QTest::newRow("missing bearer") << QByteArray() << true << "missing";
        QTest::newRow("malformed") << QByteArray("not-a-token") << false << "malformed";
        QTest::newRow("bad signature") << TokenMint::mint(
            QStringLiteral("HS256"), QStringLiteral("some-other-secret-of-at-least-32-bytes"), good)
                                       << true << "bad_signature";
        QTest::newRow("expired") << TokenMint::hs256(R"({"sub":"a","aud":"fx","iss":"login","exp":"-60"})") << false
                                 << "expired";
        QTest::newRow("not yet valid") << TokenMint::hs256(R"({"sub":"a","aud":"fx","iss":"login","nbf":"+60"})")
                                       << true << "not_yet_valid";
        QTest::newRow("wrong audience") << TokenMint::hs256(R"({"sub":"a","aud":"other","iss":"login"})") << false
                                        << "wrong_audience";
        QTest::newRow("wrong issuer") << TokenMint::hs256(R"({"sub":"a","aud":"fx","iss":"evil"})") << true
                                      << "wrong_issuer";
        QTest::newRow("alg none") << TokenMint::mint(QStringLiteral("none"), QStringLiteral("x"), good) + "AAAA"
                                  << false << "algorithm_not_allowed";
    }
    void everyRefusalReason()
    {
        QFETCH(QByteArray, token);
        QFETCH(bool, bearer);
        QFETCH(QString, reason);
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()},
                                  {QStringLiteral("WEBSOCKET_JWT_AUDIENCE"), QStringLiteral("fx")},
                                  {QStringLiteral("WEBSOCKET_JWT_ISSUER"), QStringLiteral("login")}})));
        const Refusal r = connectRefused(bearer ? withBearer(server, token) : withQueryToken(server, token));
        QCOMPARE(r.closeCode, 1008);
        QCOMPARE(r.error.value(QStringLiteral("code")).toString(), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(r.error.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 reason);
        // Counted by reason in /metrics.
        const HttpReply metrics = httpRequest(server.port(), "GET", "/metrics");
        QVERIFY2(metrics.body.contains("fxmonitor_auth_refused_total{reason=\"" + reason.toLatin1() + "\"} 1"),
                 metrics.body.constData());
        // A good token still gets in.
        WsClient ok;
        QVERIFY(connectWith(ok, withBearer(server, TokenMint::hs256(R"({"sub":"a","aud":"fx","iss":"login"})"))));
        if (!token.isEmpty())
            QVERIFY(!server.log().contains(QString::fromLatin1(token)));
    }

    void everyKeyType_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("kind");
        QTest::newRow("RS256") << "RS256"
                               << "rsa";
        QTest::newRow("RS384") << "RS384"
                               << "rsa";
        QTest::newRow("RS512") << "RS512"
                               << "rsa";
        QTest::newRow("ES256") << "ES256"
                               << "ec256";
        QTest::newRow("ES384") << "ES384"
                               << "ec384";
    }
    void everyKeyType()
    {
        QFETCH(QString, alg);
        QFETCH(QString, kind);
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_PUBLIC_KEY"), m_mint.publicKey(kind)},
                                  {QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()}})));
        WsClient c;
        QVERIFY(connectWith(c, withBearer(server, TokenMint::mint(alg, key(kind), R"({"sub":"k","exp":"+600"})"))));
        QVERIFY(connectWith(c, withBearer(server, TokenMint::hs256(R"({"sub":"k"})")))); // both keys at once
        // Algorithm confusion: HS256 signed with the PEM public key as the HMAC secret.
        const QByteArray confused =
            TokenMint::mint(QStringLiteral("HS256"), u'@' + m_mint.publicKey(kind), R"({"sub":"mallory"})", true);
        const Refusal r = connectRefused(withBearer(server, confused));
        QCOMPARE(r.closeCode, 1008);
        QCOMPARE(r.error.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("bad_signature")); // HS* is allowed (a secret is set), but not with that key
    }

    void confusionWithOnlyAPublicKey()
    {
        ServerProcess server;
        QVERIFY(server.start(
            {}, env({{QStringLiteral("WEBSOCKET_JWT_PUBLIC_KEY"), m_mint.publicKey(QStringLiteral("rsa"))}})));
        const QByteArray confused = TokenMint::mint(
            QStringLiteral("HS256"), u'@' + m_mint.publicKey(QStringLiteral("rsa")), R"({"sub":"mallory"})", true);
        const Refusal r = connectRefused(withBearer(server, confused));
        QCOMPARE(r.closeCode, 1008);
        QCOMPARE(r.error.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("algorithm_not_allowed"));
        const Refusal es = connectRefused(
            withBearer(server, TokenMint::mint(QStringLiteral("ES256"), key(QStringLiteral("ec256")), "{}")));
        QCOMPARE(es.error.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("algorithm_not_allowed"));
    }

    void expiryClosesWith4001()
    {
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()},
                                  {QStringLiteral("WEBSOCKET_JWT_LEEWAY"), QStringLiteral("1")}})));
        WsClient c;
        QVERIFY(connectWith(c, withBearer(server, TokenMint::hs256(R"({"sub":"carol","exp":"+2"})"))));
        QSignalSpy closed(&c.socket(), &QWebSocket::disconnected);
        const QJsonObject err = dataOf(c.waitFor(QStringLiteral("error"), 8000));
        QCOMPARE(err.value(QStringLiteral("code")).toString(), QStringLiteral("TOKEN_EXPIRED"));
        QVERIFY(closed.wait(3000) || !closed.isEmpty());
        QCOMPARE(int(c.socket().closeCode()), 4001);
        QTRY_VERIFY_WITH_TIMEOUT(server.log().contains(QStringLiteral("user \"carol\"")), 5000);
    }

    void refreshBeforeExpiryKeepsTheClient()
    {
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()},
                                  {QStringLiteral("WEBSOCKET_JWT_LEEWAY"), QStringLiteral("0")}})));
        // Two connections with the same short token: c refreshes, control does not.
        const QByteArray shortToken = TokenMint::hs256(R"({"sub":"dave","exp":"+3"})");
        WsClient c, control;
        QVERIFY(connectWith(c, withBearer(server, shortToken)));
        QVERIFY(connectWith(control, withBearer(server, shortToken)));
        QSignalSpy controlClosed(&control.socket(), &QWebSocket::disconnected);
        // Another user's token is refused; the connection stays on its own token.
        const QJsonObject wrong = dataOf(c.request(
            QStringLiteral("refresh_token"),
            {{QStringLiteral("token"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"eve","exp":"+600"})"))}},
            QStringLiteral("error")));
        QCOMPARE(wrong.value(QStringLiteral("code")).toString(), QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(wrong.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("wrong_subject"));
        // An expired token as the refresh: refused, connection kept.
        const QJsonObject stale = dataOf(c.request(
            QStringLiteral("refresh_token"),
            {{QStringLiteral("token"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"dave","exp":"-10"})"))}},
            QStringLiteral("error")));
        QCOMPARE(stale.value(QStringLiteral("details")).toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("expired"));
        const QJsonObject fresh = dataOf(c.request(
            QStringLiteral("refresh_token"),
            {{QStringLiteral("token"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"dave","exp":2000000000})"))}},
            QStringLiteral("token_refreshed")));
        QCOMPARE(fresh.value(QStringLiteral("expires_at")).toString(), QStringLiteral("2033-05-18T03:33:20Z"));
        // Once the old token has expired (control is closed with 4001) c is still served.
        QVERIFY(controlClosed.wait(10000));
        QCOMPARE(int(control.socket().closeCode()), 4001);
        QVERIFY(c.isConnected());
        QVERIFY(!c.request(QStringLiteral("ping"), {}, QStringLiteral("pong")).isEmpty());
        QCOMPARE(c.count(QStringLiteral("error")), 0);
    }

    void refreshAfterExpiryIsTooLate()
    {
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()},
                                  {QStringLiteral("WEBSOCKET_JWT_LEEWAY"), QStringLiteral("0")}})));
        WsClient c;
        QVERIFY(connectWith(c, withBearer(server, TokenMint::hs256(R"({"sub":"fay","exp":"+1"})"))));
        QSignalSpy closed(&c.socket(), &QWebSocket::disconnected);
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(c.socket().closeCode()), 4001);
        // Sending refresh_token now reaches no one; a new connection with a new token works.
        WsClient again;
        QVERIFY(connectWith(again, withBearer(server, TokenMint::hs256(R"({"sub":"fay","exp":"+600"})"))));
    }

    void refreshWithAuthNoneIsAClearError()
    {
        ServerProcess server;
        QVERIFY(server.start());
        WsClient c;
        QVERIFY(c.connectTo(server.wsUrl()));
        const QJsonObject err =
            dataOf(c.request(QStringLiteral("refresh_token"), {{QStringLiteral("token"), QStringLiteral("x")}},
                             QStringLiteral("error")));
        QVERIFY(err.value(QStringLiteral("message")).toString().contains(QStringLiteral("WEBSOCKET_AUTH=none")));
    }

    void pairPermissions()
    {
        RedisServer redis;
        QVERIFY(redis.start());
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--redis-host"), QStringLiteral("127.0.0.1"),
                              QStringLiteral("--redis-port"), QString::number(redis.port())},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()}})));
        WsClient eurOnly, everything;
        QVERIFY(
            connectWith(eurOnly, withBearer(server, TokenMint::hs256(R"({"sub":"e","pairs":["EUR_USD","USD_JPY"]})"))));
        QVERIFY(connectWith(everything, withBearer(server, TokenMint::hs256(R"({"sub":"all"})"))));
        QTRY_VERIFY_WITH_TIMEOUT(
            dataOf(everything.request(QStringLiteral("get_server_stats"), {}, QStringLiteral("server_stats")))
                .value(QStringLiteral("redis"))
                .toObject()
                .value(QStringLiteral("connected"))
                .toBool(),
            10000);

        // subscribe grants permitted pairs only; forbidden ones are listed.
        QJsonObject sub = dataOf(eurOnly.request(
            QStringLiteral("subscribe"),
            {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}}},
            QStringLiteral("subscription_confirmed")));
        QCOMPARE(sub.value(QStringLiteral("pairs")).toArray(), QJsonArray{QStringLiteral("EUR_USD")});
        QCOMPARE(sub.value(QStringLiteral("forbidden_pairs")).toArray(), QJsonArray{QStringLiteral("GBP_USD")});
        sub = dataOf(eurOnly.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                                     QStringLiteral("subscription_confirmed")));
        QCOMPARE(sub.value(QStringLiteral("pairs")).toArray(),
                 (QJsonArray{QStringLiteral("EUR_USD"), QStringLiteral("USD_JPY")}));
        QCOMPARE(sub.value(QStringLiteral("forbidden_pairs")).toArray(), QJsonArray{});
        const QJsonObject onlyForbidden = dataOf(eurOnly.request(
            QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QJsonArray{QStringLiteral("GBP_USD")}}},
            QStringLiteral("error")));
        QCOMPARE(onlyForbidden.value(QStringLiteral("code")).toString(), QStringLiteral("FORBIDDEN"));
        QCOMPARE(
            dataOf(everything.request(QStringLiteral("subscribe"), {{QStringLiteral("pairs"), QStringLiteral("all")}},
                                      QStringLiteral("subscription_confirmed")))
                .value(QStringLiteral("pair_count"))
                .toInt(),
            20);

        auto pub = publisherFor(redis.port());
        QString perr;
        auto publish = [&](const char *channel, const QByteArray &payload) {
            QVERIFY2(pub->publish(QString::fromLatin1(channel), payload, &perr), qPrintable(perr));
        };
        const QByteArray price =
            R"({"instrument":"%1","price":{"bid":"1.1","ask":"1.2","mid":"1.15","time":"2025-11-18T12:30:00.000000"}})";
        publish("price_updates", QString::fromLatin1(price).arg(QStringLiteral("EUR_USD")).toUtf8());
        publish("price_updates", QString::fromLatin1(price).arg(QStringLiteral("GBP_USD")).toUtf8());
        publish("volatility_alerts",
                R"({"instrument":"GBP_USD","volatility":0.03,"threshold":0.02,"severity":"critical"})");
        publish("volatility_alerts",
                R"({"instrument":"EUR_USD","volatility":0.03,"threshold":0.02,"severity":"critical"})");
        publish(
            "correlation_alerts",
            R"({"instruments":["EUR_USD","GBP_USD"],"correlation":0.6,"previous_correlation":0.9,"change":-0.3,"threshold":0.2,"severity":"warning"})");
        publish(
            "correlation_alerts",
            R"({"instruments":["EUR_USD","USD_JPY"],"correlation":0.6,"previous_correlation":0.9,"change":-0.3,"threshold":0.2,"severity":"warning"})");
        publish("data_ready", R"({"data_type":"barrier"})");

        auto seen = [](WsClient &c) {
            const QList<QJsonObject> got = c.takeUntil(
                [](const QJsonObject &e) { return e.value(QStringLiteral("event")).toString() == u"data_ready"; });
            QStringList out;
            for (const QJsonObject &e : got) {
                const QString ev = e.value(QStringLiteral("event")).toString();
                const QJsonObject d = dataOf(e);
                if (ev == u"price_update" || ev == u"volatility_alert")
                    out << ev + u':' + d.value(QStringLiteral("instrument")).toString();
                else if (ev == u"correlation_alert")
                    out << ev + u':' + d.value(QStringLiteral("instruments")).toVariant().toStringList().join(u'+');
            }
            out.sort();
            return out;
        };
        QCOMPARE(seen(eurOnly),
                 (QStringList{QStringLiteral("correlation_alert:EUR_USD+USD_JPY"),
                              QStringLiteral("price_update:EUR_USD"), QStringLiteral("volatility_alert:EUR_USD")}));
        QCOMPARE(seen(everything),
                 (QStringList{QStringLiteral("correlation_alert:EUR_USD+GBP_USD"),
                              QStringLiteral("correlation_alert:EUR_USD+USD_JPY"),
                              QStringLiteral("price_update:EUR_USD"), QStringLiteral("price_update:GBP_USD"),
                              QStringLiteral("volatility_alert:EUR_USD"), QStringLiteral("volatility_alert:GBP_USD")}));

        // request_price of a forbidden pair: FORBIDDEN; request_all_prices: the permitted ones.
        const QJsonObject forbidden = dataOf(
            eurOnly.request(QStringLiteral("request_price"),
                            {{QStringLiteral("instrument"), QStringLiteral("GBP_USD")}}, QStringLiteral("error")));
        QCOMPARE(forbidden.value(QStringLiteral("code")).toString(), QStringLiteral("FORBIDDEN"));
        QVERIFY(!eurOnly
                     .request(QStringLiteral("request_price"),
                              {{QStringLiteral("instrument"), QStringLiteral("EUR_USD")}},
                              QStringLiteral("price_response"))
                     .isEmpty());
        const QJsonObject all =
            dataOf(eurOnly.request(QStringLiteral("request_all_prices"), {}, QStringLiteral("all_prices_response")));
        QCOMPARE(all.value(QStringLiteral("prices")).toObject().keys(), QStringList{QStringLiteral("EUR_USD")});

        // A refresh that narrows the pairs leaves the rooms no longer permitted.
        const QJsonObject narrowed = dataOf(eurOnly.request(
            QStringLiteral("refresh_token"),
            {{QStringLiteral("token"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"e","pairs":["USD_JPY"]})"))}},
            QStringLiteral("token_refreshed")));
        QCOMPARE(narrowed.value(QStringLiteral("left_pairs")).toArray(), QJsonArray{QStringLiteral("EUR_USD")});
        QCOMPARE(dataOf(eurOnly.request(QStringLiteral("get_subscriptions"), {}, QStringLiteral("subscriptions_info")))
                     .value(QStringLiteral("pairs"))
                     .toArray(),
                 QJsonArray{QStringLiteral("USD_JPY")});
        const HttpReply metrics = httpRequest(server.port(), "GET", "/metrics");
        QVERIFY2(metrics.body.contains("fxmonitor_forbidden_total 3"), metrics.body.constData());
    }

    // Real Socket.IO clients (tests/interop): npm socket.io-client and Debian's python3-socketio.
    void socketIoClients_data()
    {
        QTest::addColumn<QString>("program");
        QTest::addColumn<QString>("script");
        QTest::newRow("socket.io-client") << "node"
                                          << "sio_auth.mjs";
        QTest::newRow("python-socketio") << "/usr/bin/python3"
                                         << "sio_auth.py";
    }
    void socketIoClients()
    {
        QFETCH(QString, program);
        QFETCH(QString, script);
        const QString dir = QStringLiteral(FX_SOURCE_DIR "/tests/interop");
        if (program == u"node" && !QFile::exists(dir + QStringLiteral("/node_modules/socket.io-client")))
            QSKIP("run npm ci in tests/interop first (scripts/test.sh does)");
        ServerProcess server;
        QVERIFY(server.start({},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()},
                                  {QStringLiteral("WEBSOCKET_JWT_LEEWAY"), QStringLiteral("0")}})));
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("FX_URL"), QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        e.insert(QStringLiteral("FX_GOOD"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+600"})")));
        e.insert(QStringLiteral("FX_FRESH"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"+900"})")));
        e.insert(QStringLiteral("FX_EXPIRED"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"alice","exp":"-60"})")));
        // Long enough to outlast the client's start and the steps before it under the sanitizers
        // (a 3 s token was already expired there when it was presented).
        e.insert(QStringLiteral("FX_SHORT"), QString::fromLatin1(TokenMint::hs256(R"({"sub":"bob","exp":"+12"})")));
        QByteArray out, err;
        const int rc = runProgram(program, {dir + u'/' + script}, &out, &err, e, 60000);
        QVERIFY2(rc == 0 && out.contains("OK"), (out + err).constData());
    }

    void noOpenNetworkWarningWithTokens()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--host"), QStringLiteral("0.0.0.0")},
                             env({{QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText()}})));
        QCOMPARE(server.stop(), 0);
        const QString log = server.log();
        QVERIFY(log.contains(QStringLiteral("client authentication: WEBSOCKET_AUTH=jwt (HS256, HS384, HS512)")));
        QVERIFY(!log.contains(QStringLiteral("WEBSOCKET_AUTH=none")));
        QVERIFY(!log.contains(secretText()));
    }

    void badSettingsExit2_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown mode") << "WEBSOCKET_AUTH"
                                      << "basic"
                                      << "WEBSOCKET_AUTH";
        QTest::newRow("jwt without a key") << ""
                                           << ""
                                           << "WEBSOCKET_AUTH";
        QTest::newRow("short secret") << "WEBSOCKET_JWT_SECRET"
                                      << "0123456789abcdef0123456789abcde"
                                      << "WEBSOCKET_JWT_SECRET";
        QTest::newRow("negative leeway") << "WEBSOCKET_JWT_LEEWAY"
                                         << "-1"
                                         << "WEBSOCKET_JWT_LEEWAY";
        QTest::newRow("absurd leeway") << "WEBSOCKET_JWT_LEEWAY"
                                       << "301"
                                       << "WEBSOCKET_JWT_LEEWAY";
        QTest::newRow("missing key file") << "WEBSOCKET_JWT_PUBLIC_KEY"
                                          << "/nonexistent/key.pem"
                                          << "WEBSOCKET_JWT_PUBLIC_KEY";
        QTest::newRow("not PEM") << "WEBSOCKET_JWT_PUBLIC_KEY" << QStringLiteral(FX_SOURCE_DIR "/README.md")
                                 << "WEBSOCKET_JWT_PUBLIC_KEY";
        QTest::newRow("EC P-521") << "WEBSOCKET_JWT_PUBLIC_KEY"
                                  << "ec521"
                                  << "WEBSOCKET_JWT_PUBLIC_KEY";
        QTest::newRow("Ed25519") << "WEBSOCKET_JWT_PUBLIC_KEY"
                                 << "ed25519"
                                 << "WEBSOCKET_JWT_PUBLIC_KEY";
        QTest::newRow("RSA 1024") << "WEBSOCKET_JWT_PUBLIC_KEY"
                                  << "rsa1024"
                                  << "WEBSOCKET_JWT_PUBLIC_KEY";
    }
    void badSettingsExit2()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, named);
        QProcessEnvironment e = env({});
        if (!name.isEmpty())
            e.insert(name,
                     value.startsWith(u'/') || value.isEmpty() || name != u"WEBSOCKET_JWT_PUBLIC_KEY"
                         ? value
                         : m_mint.publicKey(value));
        if (name == u"WEBSOCKET_JWT_LEEWAY")
            e.insert(QStringLiteral("WEBSOCKET_JWT_SECRET"), secretText());
        QByteArray out, err;
        QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--port"), QStringLiteral("0")}, &out, &err, e), 2);
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains(named.toLatin1()), err.constData());
        if (name == u"WEBSOCKET_JWT_SECRET")
            QVERIFY(!err.contains(value.toLatin1()));
        // 32 bytes is enough.
        if (name == u"WEBSOCKET_JWT_SECRET") {
            e.insert(name, value + u'f');
            QCOMPARE(runProgram(fx::test::serverBin(), {QStringLiteral("--print-config")}, &out, &err, e), 0);
            QVERIFY(out.contains("WEBSOCKET_JWT_SECRET=********"));
            QVERIFY(!out.contains(value.toLatin1()));
        }
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
