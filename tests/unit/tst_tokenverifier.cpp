// auth::TokenVerifier (SECURITY.md, "Tokens"): every key type, every failure reason, algorithm
// confusion, the time claims at, just under and just over the leeway, audience, issuer, sub and
// pairs. Tokens are minted by PyJWT (tests/support/mint_token.py), keys by the openssl tool.

#include "auth/tokenverifier.h"
#include "support/tokenmint.h"

#include <QDateTime>
#include <QtTest>

using namespace fx;
using auth::TokenFailure;
using auth::TokenVerifier;

class TestTokenVerifier : public QObject
{
    Q_OBJECT

    test::TokenMint m_mint;

    std::shared_ptr<const TokenVerifier> make(TokenVerifier::Keys keys)
    {
        QString error;
        auto v = TokenVerifier::create(std::move(keys), &error);
        if (!v)
            qWarning() << error;
        return v;
    }
    TokenVerifier::Keys secretKeys()
    {
        TokenVerifier::Keys k;
        k.secret = test::TokenMint::secret();
        return k;
    }
    TokenVerifier::Keys publicKeys(const QString &kind)
    {
        TokenVerifier::Keys k;
        k.publicKeyPem = m_mint.publicKeyPem(kind);
        return k;
    }
    static qint64 now() { return QDateTime::currentSecsSinceEpoch(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_mint.generate()); }

    void everyAlgorithmWithItsKey_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<QString>("kind"); // "" = the secret
        QTest::newRow("HS256") << "HS256"
                               << "";
        QTest::newRow("HS384") << "HS384"
                               << "";
        QTest::newRow("HS512") << "HS512"
                               << "";
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
    void everyAlgorithmWithItsKey()
    {
        QFETCH(QString, alg);
        QFETCH(QString, kind);
        auto v = make(kind.isEmpty() ? secretKeys() : publicKeys(kind));
        QVERIFY(v);
        const QString key =
            kind.isEmpty() ? QString::fromLatin1(test::TokenMint::secret()) : u'@' + m_mint.privateKey(kind);
        const QByteArray token =
            test::TokenMint::mint(alg, key, R"({"sub":"alice","exp":"+3600","pairs":["eur_usd","GBP/USD"]})");
        QVERIFY(!token.isEmpty());
        const auto r = v->verify(token, now());
        QVERIFY2(r.ok(), qPrintable(r.message));
        QCOMPARE(r.claims.subject, QStringLiteral("alice"));
        QVERIFY(r.claims.expiresAt > now());
        QVERIFY(!r.claims.allPairs);
        QCOMPARE(r.claims.pairs, (QStringList{QStringLiteral("EUR_USD"), QStringLiteral("GBP_USD")}));

        // One byte of the signature changed: refused.
        QByteArray bad = token;
        const qsizetype last = bad.size() - 3;
        bad[last] = bad[last] == 'A' ? 'B' : 'A';
        QCOMPARE(v->verify(bad, now()).failure, TokenFailure::BadSignature);
    }

    void bothKeysAcceptBothKinds()
    {
        auto k = publicKeys(QStringLiteral("rsa"));
        k.secret = test::TokenMint::secret();
        auto v = make(k);
        QVERIFY(v);
        QVERIFY(v->verify(test::TokenMint::hs256(R"({"sub":"a"})"), now()).ok());
        QVERIFY(v->verify(test::TokenMint::mint(QStringLiteral("RS256"),
                                                u'@' + m_mint.privateKey(QStringLiteral("rsa")), "{}"),
                          now())
                    .ok());
    }

    void algorithmConfusionIsRefused()
    {
        auto rsa = make(publicKeys(QStringLiteral("rsa")));
        QVERIFY(rsa);
        // HS256 signed with the PEM public key as the HMAC secret (the classic confusion).
        const QByteArray confused = test::TokenMint::mint(
            QStringLiteral("HS256"), u'@' + m_mint.publicKey(QStringLiteral("rsa")), R"({"sub":"mallory"})", true);
        QVERIFY(!confused.isEmpty());
        QCOMPARE(rsa->verify(confused, now()).failure, TokenFailure::AlgorithmNotAllowed);
        // alg none, with and without a signature part.
        const QByteArray none =
            test::TokenMint::mint(QStringLiteral("none"), QStringLiteral("x"), R"({"sub":"mallory"})");
        QCOMPARE(rsa->verify(none, now()).failure, TokenFailure::Malformed); // "a.b." has an empty signature
        QCOMPARE(rsa->verify(none + "AAAA", now()).failure, TokenFailure::AlgorithmNotAllowed);
        auto hs = make(secretKeys());
        QCOMPARE(hs->verify(none + "AAAA", now()).failure, TokenFailure::AlgorithmNotAllowed);
        // RS with an EC key, ES384 with a P-256 key, ES256 with RSA, HS with only a public key.
        auto ec256 = make(publicKeys(QStringLiteral("ec256")));
        QCOMPARE(ec256
                     ->verify(test::TokenMint::mint(QStringLiteral("RS256"),
                                                    u'@' + m_mint.privateKey(QStringLiteral("rsa")), "{}"),
                              now())
                     .failure,
                 TokenFailure::AlgorithmNotAllowed);
        QCOMPARE(ec256
                     ->verify(test::TokenMint::mint(QStringLiteral("ES384"),
                                                    u'@' + m_mint.privateKey(QStringLiteral("ec384")), "{}"),
                              now())
                     .failure,
                 TokenFailure::AlgorithmNotAllowed);
        QCOMPARE(rsa->verify(test::TokenMint::mint(QStringLiteral("ES256"),
                                                   u'@' + m_mint.privateKey(QStringLiteral("ec256")), "{}"),
                             now())
                     .failure,
                 TokenFailure::AlgorithmNotAllowed);
        QCOMPARE(rsa->verify(test::TokenMint::hs256("{}"), now()).failure, TokenFailure::AlgorithmNotAllowed);
        // An HS256 token with the right alg but another secret: bad signature.
        QCOMPARE(hs->verify(test::TokenMint::mint(QStringLiteral("HS256"),
                                                  QStringLiteral("another-secret-of-more-than-32-bytes!!"), "{}"),
                            now())
                     .failure,
                 TokenFailure::BadSignature);
    }

    void malformedAndMissing()
    {
        auto v = make(secretKeys());
        // An unknown alg is refused by name; the name reaches the log without control characters.
        const QByteArray header = QByteArray(R"({"alg":"HS256\nforged log line"})")
                                      .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        const auto odd = v->verify(header + ".e30.AAAA", now());
        QCOMPARE(odd.failure, TokenFailure::AlgorithmNotAllowed);
        QVERIFY2(!odd.message.contains(u'\n'), qPrintable(odd.message));
        QCOMPARE(v->verify("", now()).failure, TokenFailure::Missing);
        QCOMPARE(v->verify("abc", now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify("a.b.c.d", now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify("a+b.c.d", now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify("e30.e30.AAAA", now()).failure, TokenFailure::Malformed); // header {} has no alg
        QCOMPARE(v->verify("bm90IGpzb24.e30.AAAA", now()).failure, TokenFailure::Malformed); // "not json"
        // The length bound: at the limit looked at (then a bad signature), over it malformed.
        const QByteArray good = test::TokenMint::hs256(R"({"sub":"a"})");
        QByteArray atLimit = good;
        atLimit.insert(atLimit.indexOf('.') + 1, QByteArray(TokenVerifier::kMaxTokenBytes - good.size(), 'A'));
        QCOMPARE(atLimit.size(), TokenVerifier::kMaxTokenBytes);
        QCOMPARE(v->verify(atLimit, now()).failure, TokenFailure::BadSignature);
        atLimit.insert(atLimit.indexOf('.') + 1, "A");
        QCOMPARE(v->verify(atLimit, now()).failure, TokenFailure::Malformed);
        // Claims of the wrong type.
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"exp":"soon"})"), now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"sub":42})"), now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"sub":"a\nb"})"), now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"pairs":"EUR_USD"})"), now()).failure, TokenFailure::Malformed);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"pairs":[1]})"), now()).failure, TokenFailure::Malformed);
        // sub at, and over, its length bound.
        const QByteArray sub256(TokenVerifier::kMaxSubjectLength, 'u');
        const QByteArray atBound = "{\"sub\":\"" + sub256 + "\"}";
        const QByteArray overBound = "{\"sub\":\"" + sub256 + "u\"}";
        QVERIFY(v->verify(test::TokenMint::hs256(atBound), now()).ok());
        QCOMPARE(v->verify(test::TokenMint::hs256(overBound), now()).failure, TokenFailure::Malformed);
    }

    void timeClaimsAtTheLeeway()
    {
        auto k = secretKeys();
        k.leewaySeconds = 5;
        auto v = make(k);
        const qint64 t = 2000000000;
        const QByteArray token = test::TokenMint::hs256(R"({"exp":2000000000,"nbf":1999999000})");
        QVERIFY(v->verify(token, t - 1).ok());
        QVERIFY(v->verify(token, t + 4).ok()); // just under exp + leeway
        QCOMPARE(v->verify(token, t + 5).failure, TokenFailure::Expired); // at exp + leeway
        QCOMPARE(v->verify(token, t + 6).failure, TokenFailure::Expired);
        QCOMPARE(v->verify(token, t).claims.expiresAt, t);
        const qint64 nbf = 1999999000;
        QVERIFY(v->verify(token, nbf - 5).ok()); // at nbf - leeway
        QVERIFY(v->verify(token, nbf - 4).ok());
        QCOMPARE(v->verify(token, nbf - 6).failure, TokenFailure::NotYetValid);
        // No exp: never expires.
        const auto forever = v->verify(test::TokenMint::hs256(R"({"sub":"svc"})"), t);
        QVERIFY(forever.ok());
        QCOMPARE(forever.claims.expiresAt, 0);
        QVERIFY(forever.claims.allPairs);
        // Leeway 0.
        k.leewaySeconds = 0;
        auto strict = make(k);
        QVERIFY(strict->verify(token, t - 1).ok());
        QCOMPARE(strict->verify(token, t).failure, TokenFailure::Expired);
    }

    void audienceAndIssuer()
    {
        auto k = secretKeys();
        k.audience = QStringLiteral("fx-monitor");
        k.issuer = QStringLiteral("login.example");
        auto v = make(k);
        const qint64 t = now();
        QVERIFY(v->verify(test::TokenMint::hs256(R"({"aud":"fx-monitor","iss":"login.example"})"), t).ok());
        QVERIFY(v->verify(test::TokenMint::hs256(R"({"aud":["x","fx-monitor"],"iss":"login.example"})"), t).ok());
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"aud":"other","iss":"login.example"})"), t).failure,
                 TokenFailure::WrongAudience);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"iss":"login.example"})"), t).failure,
                 TokenFailure::WrongAudience);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"aud":"fx-monitor","iss":"evil.example"})"), t).failure,
                 TokenFailure::WrongIssuer);
        QCOMPARE(v->verify(test::TokenMint::hs256(R"({"aud":"fx-monitor"})"), t).failure, TokenFailure::WrongIssuer);
        // Not configured: not checked.
        QVERIFY(make(secretKeys())->verify(test::TokenMint::hs256(R"({"aud":"other","iss":"x"})"), t).ok());
    }

    void unusableKeysAreRefusedAtLoad_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("RSA 1024") << "rsa1024";
        QTest::newRow("EC P-521") << "ec521";
        QTest::newRow("Ed25519") << "ed25519";
        QTest::newRow("private key, not public") << "private";
        QTest::newRow("not PEM") << "garbage";
    }
    void unusableKeysAreRefusedAtLoad()
    {
        QFETCH(QString, kind);
        TokenVerifier::Keys k;
        if (kind == u"private") {
            QFile f(m_mint.privateKey(QStringLiteral("rsa")));
            QVERIFY(f.open(QIODevice::ReadOnly));
            k.publicKeyPem = f.readAll();
        } else if (kind == u"garbage") {
            k.publicKeyPem = "-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n";
        } else {
            k.publicKeyPem = m_mint.publicKeyPem(kind);
        }
        QString error;
        QVERIFY(!TokenVerifier::create(k, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTokenVerifier)
#include "tst_tokenverifier.moc"
