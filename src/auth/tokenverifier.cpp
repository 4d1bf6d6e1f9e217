#include "auth/tokenverifier.h"

#include "core/instruments.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cmath>
#include <cstdlib>

namespace fx::auth {

QString reasonName(TokenFailure f)
{
    switch (f) {
    case TokenFailure::None: return {};
    case TokenFailure::Missing: return QStringLiteral("missing");
    case TokenFailure::Malformed: return QStringLiteral("malformed");
    case TokenFailure::AlgorithmNotAllowed: return QStringLiteral("algorithm_not_allowed");
    case TokenFailure::BadSignature: return QStringLiteral("bad_signature");
    case TokenFailure::Expired: return QStringLiteral("expired");
    case TokenFailure::NotYetValid: return QStringLiteral("not_yet_valid");
    case TokenFailure::WrongAudience: return QStringLiteral("wrong_audience");
    case TokenFailure::WrongIssuer: return QStringLiteral("wrong_issuer");
    case TokenFailure::WrongSubject: return QStringLiteral("wrong_subject");
    }
    return {};
}

static TokenResult fail(TokenFailure f, const QString &message)
{
    TokenResult r;
    r.failure = f;
    r.message = message;
    return r;
}

std::shared_ptr<const TokenVerifier> TokenVerifier::fromSettings(const core::Settings &s, QString *error)
{
    if (s.authMode != u"jwt")
        return nullptr;
    Keys keys;
    keys.secret = s.jwtSecret;
    keys.leewaySeconds = s.jwtLeeway;
    keys.audience = s.jwtAudience;
    keys.issuer = s.jwtIssuer;
    if (!s.jwtPublicKeyPath.isEmpty()) {
        QFile f(s.jwtPublicKeyPath);
        if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024) {
            *error = QStringLiteral("invalid WEBSOCKET_JWT_PUBLIC_KEY \"%1\": cannot read it (or over 64 KiB)")
                         .arg(s.jwtPublicKeyPath);
            return nullptr;
        }
        keys.publicKeyPem = f.readAll();
    }
    if (keys.secret.isEmpty() && keys.publicKeyPem.isEmpty()) {
        *error =
            QStringLiteral("invalid WEBSOCKET_AUTH \"jwt\": set WEBSOCKET_JWT_SECRET and/or WEBSOCKET_JWT_PUBLIC_KEY");
        return nullptr;
    }
    QString why;
    auto v = create(std::move(keys), &why);
    if (!v)
        *error = QStringLiteral("invalid WEBSOCKET_JWT_PUBLIC_KEY \"%1\": %2").arg(s.jwtPublicKeyPath, why);
    return v;
}

std::shared_ptr<const TokenVerifier> TokenVerifier::create(Keys keys, QString *error)
{
    PublicKind kind = PublicKind::None;
    if (!keys.publicKeyPem.isEmpty()) {
        BIO *bio = BIO_new_mem_buf(keys.publicKeyPem.constData(), int(keys.publicKeyPem.size()));
        EVP_PKEY *pkey = bio ? PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr) : nullptr;
        BIO_free(bio);
        if (!pkey) {
            *error = QStringLiteral("not a PEM public key (\"-----BEGIN PUBLIC KEY-----\")");
            return nullptr;
        }
        const int type = EVP_PKEY_base_id(pkey);
        if (type == EVP_PKEY_RSA) {
            if (EVP_PKEY_bits(pkey) < 2048)
                *error = QStringLiteral("an RSA key needs at least 2048 bits");
            else
                kind = PublicKind::Rsa;
        } else if (type == EVP_PKEY_EC) {
            char group[64] = {};
            size_t len = 0;
            EVP_PKEY_get_group_name(pkey, group, sizeof group, &len);
            const QByteArray name(group);
            if (name == "prime256v1" || name == "P-256")
                kind = PublicKind::EcP256;
            else if (name == "secp384r1" || name == "P-384")
                kind = PublicKind::EcP384;
            else
                *error = QStringLiteral("an EC key must be on curve P-256 or P-384, not %1")
                             .arg(QString::fromLatin1(name.isEmpty() ? QByteArray("unknown") : name));
        } else {
            *error = QStringLiteral("the key is neither RSA nor EC (P-256, P-384)");
        }
        EVP_PKEY_free(pkey);
        if (kind == PublicKind::None)
            return nullptr;
    }
    if (keys.secret.isEmpty() && kind == PublicKind::None) {
        *error = QStringLiteral("no key");
        return nullptr;
    }
    return std::shared_ptr<const TokenVerifier>(new TokenVerifier(std::move(keys), kind));
}

TokenVerifier::TokenVerifier(Keys keys, PublicKind kind) : m_keys(std::move(keys)), m_kind(kind)
{
}

TokenVerifier::~TokenVerifier() = default;

QStringList TokenVerifier::allowedAlgorithms() const
{
    QStringList out;
    if (!m_keys.secret.isEmpty())
        out << QStringLiteral("HS256") << QStringLiteral("HS384") << QStringLiteral("HS512");
    switch (m_kind) {
    case PublicKind::None: break;
    case PublicKind::Rsa: out << QStringLiteral("RS256") << QStringLiteral("RS384") << QStringLiteral("RS512"); break;
    case PublicKind::EcP256: out << QStringLiteral("ES256"); break;
    case PublicKind::EcP384: out << QStringLiteral("ES384"); break;
    }
    return out;
}

bool TokenVerifier::allows(const QString &alg) const
{
    return allowedAlgorithms().contains(alg); // exact, case-sensitive: "none", "hs256" are refused
}

static bool isBase64Url(QByteArrayView part)
{
    if (part.isEmpty())
        return false;
    for (char c : part)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            return false;
    return true;
}

TokenResult TokenVerifier::verify(QByteArrayView token, qint64 now) const
{
    if (token.isEmpty())
        return fail(TokenFailure::Missing, QStringLiteral("no token was presented"));
    if (token.size() > kMaxTokenBytes)
        return fail(TokenFailure::Malformed, QStringLiteral("the token is longer than %1 bytes").arg(kMaxTokenBytes));
    const QList<QByteArrayView> parts = [&] {
        QList<QByteArrayView> p;
        qsizetype from = 0;
        for (qsizetype i = 0; i <= token.size(); ++i)
            if (i == token.size() || token[i] == '.') {
                p.append(token.sliced(from, i - from));
                from = i + 1;
            }
        return p;
    }();
    if (parts.size() != 3 || !isBase64Url(parts[0]) || !isBase64Url(parts[1]) || !isBase64Url(parts[2]))
        return fail(TokenFailure::Malformed,
                    QStringLiteral("not a signed JSON Web Token (three base64url parts separated by dots)"));
    const auto header = QByteArray::fromBase64Encoding(
        parts[0].toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    const auto claims = QByteArray::fromBase64Encoding(
        parts[1].toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!header || !claims)
        return fail(TokenFailure::Malformed, QStringLiteral("the token's header or claims are not base64url"));
    QJsonParseError perr;
    const QJsonDocument hdoc = QJsonDocument::fromJson(*header, &perr);
    if (perr.error != QJsonParseError::NoError || !hdoc.isObject())
        return fail(TokenFailure::Malformed, QStringLiteral("the token's header is not a JSON object"));
    const QJsonValue algValue = hdoc.object().value(QStringLiteral("alg"));
    if (!algValue.isString())
        return fail(TokenFailure::Malformed, QStringLiteral("the token's header has no \"alg\""));
    const QString alg = algValue.toString();
    if (!allows(alg)) {
        // The name is the client's text and reaches the log: letters and digits only.
        QString shown;
        for (QChar ch : alg.left(16))
            shown += ch.isLetterOrNumber() && ch.unicode() < 128 ? ch : QChar(u'?');
        return fail(TokenFailure::AlgorithmNotAllowed,
                    QStringLiteral("algorithm \"%1\" is not allowed; the server's keys accept %2")
                        .arg(shown, allowedAlgorithms().join(QStringLiteral(", "))));
    }

    // Only the key of that algorithm's kind is handed to libjwt: never the PEM to an HS* token.
    const bool hmac = alg.startsWith(u"HS");
    const QByteArray &key = hmac ? m_keys.secret : m_keys.publicKeyPem;
    const QByteArray tokenZ = token.toByteArray(); // NUL-terminated for libjwt
    jwt_t *jwt = nullptr;
    const int rc =
        jwt_decode(&jwt, tokenZ.constData(), reinterpret_cast<const unsigned char *>(key.constData()), int(key.size()));
    if (rc != 0 || !jwt) {
        if (jwt)
            jwt_free(jwt);
        return fail(TokenFailure::BadSignature, QStringLiteral("the token's signature does not verify"));
    }
    const jwt_alg_t used = jwt_get_alg(jwt);
    const bool same = used == jwt_str_alg(alg.toLatin1().constData()) && used != JWT_ALG_NONE;
    char *grants = jwt_get_grants_json(jwt, nullptr);
    const QByteArray grantsJson = grants ? QByteArray(grants) : QByteArray();
    std::free(grants);
    jwt_free(jwt);
    if (!same)
        return fail(TokenFailure::BadSignature, QStringLiteral("the token's signature does not verify"));
    return checkClaims(grantsJson, now);
}

TokenResult TokenVerifier::checkClaims(const QByteArray &claimsJson, qint64 now) const
{
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(claimsJson, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(TokenFailure::Malformed, QStringLiteral("the token's claims are not a JSON object"));
    const QJsonObject c = doc.object();
    const qint64 leeway = m_keys.leewaySeconds;
    TokenResult r;

    auto timeClaim = [&c](const char *name, qint64 *out) {
        const QJsonValue v = c.value(QLatin1StringView(name));
        if (v.isUndefined())
            return true;
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || !std::isfinite(d) || d < 0 || d > 1e13)
            return false;
        *out = qint64(std::floor(d));
        return true;
    };
    qint64 exp = 0, nbf = 0;
    if (!timeClaim("exp", &exp) || !timeClaim("nbf", &nbf))
        return fail(TokenFailure::Malformed,
                    QStringLiteral("\"exp\" and \"nbf\" must be numbers (seconds since 1970)"));
    if (c.contains(QStringLiteral("exp")) && now >= exp + leeway)
        return fail(TokenFailure::Expired,
                    QStringLiteral("the token expired %1 s ago (leeway %2 s)").arg(now - exp).arg(leeway));
    if (c.contains(QStringLiteral("nbf")) && now + leeway < nbf)
        return fail(TokenFailure::NotYetValid,
                    QStringLiteral("the token is valid only in %1 s (leeway %2 s)").arg(nbf - now).arg(leeway));
    if (!m_keys.audience.isEmpty()) {
        const QJsonValue aud = c.value(QStringLiteral("aud"));
        bool found = aud.isString() && aud.toString() == m_keys.audience;
        if (aud.isArray())
            for (const QJsonValue a : aud.toArray())
                found = found || (a.isString() && a.toString() == m_keys.audience);
        if (!found)
            return fail(TokenFailure::WrongAudience,
                        QStringLiteral("the token is not for audience \"%1\"").arg(m_keys.audience));
    }
    if (!m_keys.issuer.isEmpty()) {
        const QJsonValue iss = c.value(QStringLiteral("iss"));
        if (!iss.isString() || iss.toString() != m_keys.issuer)
            return fail(TokenFailure::WrongIssuer,
                        QStringLiteral("the token is not from issuer \"%1\"").arg(m_keys.issuer));
    }
    const QJsonValue sub = c.value(QStringLiteral("sub"));
    if (!sub.isUndefined()) {
        const QString text = sub.toString();
        bool printable = sub.isString() && !text.isEmpty() && text.size() <= kMaxSubjectLength;
        for (QChar ch : text)
            printable = printable && ch.isPrint();
        if (!printable)
            return fail(
                TokenFailure::Malformed,
                QStringLiteral("\"sub\" must be a printable string of 1 to %1 characters").arg(kMaxSubjectLength));
        r.claims.subject = text;
    }
    const QJsonValue pairs = c.value(QStringLiteral("pairs"));
    if (!pairs.isUndefined()) {
        if (!pairs.isArray() || pairs.toArray().size() > core::InstrumentSet::kMaxPairs * 4)
            return fail(TokenFailure::Malformed, QStringLiteral("\"pairs\" must be an array of pair names"));
        r.claims.allPairs = false;
        for (const QJsonValue p : pairs.toArray()) {
            if (!p.isString())
                return fail(TokenFailure::Malformed, QStringLiteral("\"pairs\" must be an array of pair names"));
            if (const auto n = core::InstrumentSet::normalize(p.toString()))
                r.claims.pairs << *n; // names the server does not serve are ignored
        }
    }
    r.claims.expiresAt = c.contains(QStringLiteral("exp")) ? exp : 0;
    return r;
}

} // namespace fx::auth
